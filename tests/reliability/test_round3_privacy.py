#!/usr/bin/python3
"""test_round3_privacy.py — issue 13, round 3: new cases of "Privacy of public outputs"

The README ("Notices and receipts", "The auditor's workbook") promises that
public outputs never show a phone number and mask owners' names, and that
in the workbook "free text people typed … has phone numbers removed as on
the notice". Round 3 looked for typed text that reaches an output by a way
the scrubber did not cover. Each function is one case; each FAILED before
the fix and passes after it.

    COMMUNITY_LEDGER=build/app/community-ledger python3 tests/reliability/test_round3_privacy.py

Exit status 0 when every case passes, 1 otherwise. Python 3 standard
library plus pdftotext (poppler-utils), as the other privacy tests.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(
    HERE, '..', '..', 'build', 'app', 'community-ledger')
NOW = '2026-06-30T10:00:00+08:00'
PHONE = '13812341234'
REGISTERED = '13912345678'
MOBILE = re.compile(r'(?<!\d)1[3-9]\d{9}(?!\d)')
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'rel': 'http://schemas.openxmlformats.org/package/2006/relationships'}


def env_for(book, extra=None):
    env = dict(os.environ, COMMUNITY_LEDGER_NOW=NOW, COMMUNITY_LEDGER_BOOK=book,
               LANG='C.UTF-8', LC_ALL='C.UTF-8')
    for name in ('COMMUNITY_LEDGER_OPERATOR', 'DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env.update(extra or {})
    return env


def run(book, *args, check=0, extra=None):
    proc = subprocess.run([BINARY, *args], env=env_for(book, extra), cwd=os.path.dirname(book),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    out = proc.stdout.decode('utf-8', 'replace')
    err = proc.stderr.decode('utf-8', 'replace')
    if check is not None and proc.returncode != check:
        raise AssertionError('step %r exited %d (wanted %d): %s' % (args, proc.returncode, check, err.strip()))
    return out


def new_book(tmp):
    book = os.path.join(tmp, 'b.clbook')
    run(book, 'init', '--name', '阳光小区')
    run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '90.00',
        '--phone', REGISTERED, '--owner-key', REGISTERED)
    run(book, 'household', 'add', '1-1-102', '--owner', 'Zhang Li', '--area', '80.00')
    run(book, 'member', 'add', '赵六', '--role', '主任')
    return book


def workbook_cells(path):
    """{sheet name: [(cell ref, text)]} of every string cell."""
    cells = {}
    with zipfile.ZipFile(path) as z:
        shared = []
        if 'xl/sharedStrings.xml' in z.namelist():
            root = ET.fromstring(z.read('xl/sharedStrings.xml'))
            shared = [''.join(t.text or '' for t in si.iter('{%s}t' % NS['m']))
                      for si in root.findall('m:si', NS)]
        wb = ET.fromstring(z.read('xl/workbook.xml'))
        rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
        target = {r.get('Id'): r.get('Target') for r in rels.findall('rel:Relationship', NS)}
        for sheet in wb.find('m:sheets', NS):
            rid = sheet.get('{%s}id' % NS['r'])
            xml = ET.fromstring(z.read('xl/' + target[rid].lstrip('/').replace('xl/', '', 1)))
            found = []
            for c in xml.iter('{%s}c' % NS['m']):
                t = c.get('t')
                if t == 'inlineStr':
                    text = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
                elif t == 's':
                    text = shared[int(c.find('m:v', NS).text)]
                else:
                    continue
                found.append((c.get('r'), text))
            cells[sheet.get('name')] = found
    return cells


def column_of(ref):
    return re.match(r'[A-Z]+', ref).group(0)


def workbook_phones(path):
    """Cells showing a mobile number, outside the Journal's leaf columns (I
    onwards, byte for byte by design) and its hash column H."""
    leaks = []
    for sheet, cells in workbook_cells(path).items():
        for ref, text in cells:
            if sheet.startswith('日记账') and (len(column_of(ref)) > 1 or column_of(ref) >= 'H'):
                continue
            if MOBILE.search(re.sub(r'[\s\-]', '', text)):
                leaks.append('%s!%s %r' % (sheet, ref, text[:80]))
    return leaks


def pdf_text(path):
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], stdout=subprocess.PIPE,
                          check=True).stdout.decode('utf-8', 'replace')


# ----------------------------------------------------------------------
# The workbook

def case_workbook_fee_name_in_income_header_and_summary_label(tmp):
    """A fee name is free text ("fee names … has phone numbers removed"),
    but the Income sheet's fee column header and the Summary's
    "收入 · NAME" label printed it as typed.
    Repro: fee set property 2.00 --name "物业费 联系13812341234"; bill; pay; export xlsx"""
    book = new_book(tmp)
    run(book, 'fee', 'set', 'property', '2.00', '--per', 'household', '--name', '物业费 联系' + PHONE)
    run(book, 'bill', '2026')
    run(book, 'pay', '1-1-101', '2.00')
    out = os.path.join(tmp, 'w.xlsx')
    run(book, 'export', 'xlsx', out)
    leaks = workbook_phones(out)
    assert not leaks, 'phone in the workbook: %s' % '; '.join(leaks)


def case_workbook_operator_invoice_attachment_owner_key(tmp):
    """The Journal's operator and reference columns, the Expenditures'
    invoice and attachment names, and the Households' owner key were
    written as typed: a phone there reached the workbook (the owner key
    even showed the register's phone that the 电话 column masks).
    Repro: household add --owner-key 13912345678; --operator "出纳 13812341234" pay …;
    spend --invoice 13812341234 --attach 王伟13812341234.txt; export xlsx"""
    book = new_book(tmp)
    run(book, 'fee', 'set', 'property', '100.00', '--per', 'household', '--name', '物业费')
    run(book, 'bill', '2026')
    run(book, '--operator', '出纳 ' + PHONE, 'pay', '1-1-101', '100.00')
    attachment = os.path.join(tmp, '发票' + PHONE + '.txt')
    with open(attachment, 'w') as f:
        f.write('invoice\n')
    run(book, 'spend', '10.00', '--payee', 'P', '--category', 'repair', '--approvers', '赵六',
        '--invoice', PHONE, '--attach', attachment)
    run(book, 'pay', '1-1-102', '100.00', extra={'COMMUNITY_LEDGER_OPERATOR': '会计 139 1234 5678'})
    out = os.path.join(tmp, 'w.xlsx')
    run(book, 'export', 'xlsx', out)
    leaks = workbook_phones(out)
    assert not leaks, 'phone in the workbook: %s' % '; '.join(leaks)
    run(book, 'verify', '--export', out)


# ----------------------------------------------------------------------
# The printed receipt

def case_receipt_pdf_fee_name_operator_void_reason(tmp):
    """The receipt's QR scrubbed the fee names, but the printed receipt
    showed them as typed, and the operator and the void reason too: a
    phone typed there, or another owner's name in a void reason, went to
    the payer. Repro: fee set … --name "物业费 联系13812341234";
    --operator "出纳 13812341234" pay 1-1-102 …; void --reason "王伟的款记错户"; receipt N r.pdf"""
    book = new_book(tmp)
    run(book, 'fee', 'set', 'property', '100.00', '--per', 'household', '--name', '物业费 联系' + PHONE)
    run(book, 'bill', '2026')
    number = run(book, '--operator', '出纳 ' + PHONE, 'pay', '1-1-102', '100.00').strip()
    run(book, 'void', number, '--reason', '王伟的款记错户 ' + REGISTERED)
    out = os.path.join(tmp, 'r.pdf')
    run(book, 'receipt', number, out)
    text = pdf_text(out)
    flat = re.sub(r'\s', '', text)
    assert not MOBILE.search(flat), 'phone on the printed receipt: %r' % MOBILE.search(flat).group(0)
    assert '王伟' not in flat, 'another owner\'s name on the printed receipt'
    assert '王*' in flat, 'the masked name is missing from the void reason'


# ----------------------------------------------------------------------
# Owners' names on the notice

def case_notice_latin_name_family_name_first_or_with_comma(tmp):
    """"Zhang Li" was masked as zhangli in any spacing or case, but not
    written family name last ("Li Zhang") or "ZHANG, Li", the two usual
    ways of writing the same Latin name.
    Repro: household add --owner "Zhang Li"; spend --payee "Li Zhang" --memo "ZHANG, Li"; notice"""
    book = new_book(tmp)
    run(book, 'fee', 'set', 'property', '100.00', '--per', 'household', '--name', '物业费')
    run(book, 'bill', '2026')
    run(book, 'pay', '1-1-101', '100.00')
    run(book, 'spend', '10.00', '--payee', 'Li Zhang', '--category', 'repair', '--approvers', '赵六',
        '--memo', '退还 ZHANG, Li 多缴款')
    pdf, page, payload = (os.path.join(tmp, n) for n in ('n.pdf', 'n.html', 'n.qr'))
    run(book, 'notice', pdf, '--period', '2026', '--html', page, '--qr-payload', payload)
    with open(page, encoding='utf-8') as f:
        html = f.read()
    for where, text in (('PDF', pdf_text(pdf)), ('phone page', html)):
        low = re.sub(r'[\s,]', '', text.lower())
        assert 'lizhang' not in low and 'zhangli' not in low, 'Zhang Li unmasked on the %s' % where
    assert 'Z*' in html, 'the masked name is missing from the phone page'


# ----------------------------------------------------------------------
# %-escapes: a link typed into free text, and the publication URL

def case_percent_escaped_phone_in_a_memo(tmp):
    """The publication URL was checked for %-escaped phone numbers, but a
    link typed into a memo was not: tel=138%201234%201234 reached the
    notice, the phone page and the workbook.
    Repro: spend … --memo "见 https://x.cn/?tel=138%201234%201234"; notice; export xlsx"""
    book = new_book(tmp)
    run(book, 'fee', 'set', 'property', '100.00', '--per', 'household', '--name', '物业费')
    run(book, 'bill', '2026')
    run(book, 'pay', '1-1-101', '100.00')
    run(book, 'spend', '10.00', '--payee', 'P', '--category', 'repair', '--approvers', '赵六',
        '--memo', '见 https://x.cn/?tel=138%201234%201234&n=%E7%8E%8B%E4%BC%9F')
    pdf, page, book_out = (os.path.join(tmp, n) for n in ('n.pdf', 'n.html', 'w.xlsx'))
    run(book, 'notice', pdf, '--period', '2026', '--html', page)
    run(book, 'export', 'xlsx', book_out)
    with open(page, encoding='utf-8') as f:
        html = f.read()
    for where, text in (('PDF', pdf_text(pdf)), ('phone page', html)):
        flat = re.sub(r'\s', '', urllib.parse.unquote(text))
        assert not MOBILE.search(flat), 'phone on the %s: %r' % (where, MOBILE.search(flat).group(0))
        assert '王伟' not in flat, 'an owner\'s name, %%-escaped, on the %s' % where
    spending = [t for ref, t in workbook_cells(book_out)['支出'] if ref.startswith('E')]
    flat = urllib.parse.unquote(' '.join(spending)).replace(' ', '')
    assert not MOBILE.search(flat), 'phone in the workbook\'s memo: %r' % spending


def case_publication_url_with_an_owners_name(tmp):
    """A link cannot be masked, so a publication URL holding a mobile
    number is refused or left off; one holding an owner's name (as typed
    or %-escaped: /p/%E7%8E%8B%E4%BC%9F is /p/王伟) went on the notice and
    first in its QR code. Repro: settings url https://x.cn/p/%E7%8E%8B%E4%BC%9F; notice"""
    book = new_book(tmp)
    for url in ('https://x.cn/p/%E7%8E%8B%E4%BC%9F', 'https://x.cn/p/zhang-li/notice'):
        sub = os.path.join(tmp, str(len(url)))
        os.mkdir(sub)
        run(book, 'settings', 'url', url)
        pdf, page, payload = (os.path.join(sub, n) for n in ('n.pdf', 'n.html', 'n.qr'))
        run(book, 'notice', pdf, '--period', '2026', '--html', page, '--qr-payload', payload)
        with open(page, encoding='utf-8') as f:
            html = f.read()
        with open(payload, encoding='utf-8') as f:
            qr = f.read()
        for where, text in (('PDF', pdf_text(pdf)), ('phone page', html), ('QR code', qr)):
            flat = urllib.parse.unquote(text).lower()
            assert '王伟' not in flat and 'zhang-li' not in flat, \
                'the URL %s with an owner\'s name on the %s' % (url, where)


# ----------------------------------------------------------------------
# What the book holds never makes an output fail or come out garbled

def case_receipt_of_an_edited_register(tmp):
    """An export never fails or garbles because of what the book holds:
    the receipt drew the payer's name as stored, and a name edited behind
    the program's back (an ESC, a byte that is not UTF-8) reached Pango
    ("Invalid UTF-8 string passed to pango_layout_set_text()", the line
    left blank). Repro: sqlite3 B "UPDATE households SET owner='王'||char(27)||X'FF'||'伟'"; receipt N r.pdf"""
    book = new_book(tmp)
    run(book, 'fee', 'set', 'property', '100.00', '--per', 'household', '--name', '物业费')
    run(book, 'bill', '2026')
    number = run(book, 'pay', '1-1-101', '100.00').strip()
    db = sqlite3.connect(book)
    db.execute("UPDATE households SET owner = '王' || char(27) || X'FF' || '伟' WHERE unit = '1-1-101'")
    db.commit()
    db.close()
    out = os.path.join(tmp, 'r.pdf')
    proc = subprocess.run([BINARY, 'receipt', number, out], env=env_for(book), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    err = proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 0, 'receipt exited %d: %s' % (proc.returncode, err)
    assert 'Pango' not in err and 'UTF-8' not in err, 'the receipt drew bytes that are not text: %s' % err.strip()[:200]
    text = pdf_text(out)
    assert '\x1b' not in text and '王' in text, 'the payer\'s name is not drawn: %r' % text[:300]


CASES = [
    case_workbook_fee_name_in_income_header_and_summary_label,
    case_workbook_operator_invoice_attachment_owner_key,
    case_receipt_pdf_fee_name_operator_void_reason,
    case_notice_latin_name_family_name_first_or_with_comma,
    case_percent_escaped_phone_in_a_memo,
    case_publication_url_with_an_owners_name,
    case_receipt_of_an_edited_register,
]


def main():
    only = set(sys.argv[1:])
    failed = 0
    for case in CASES:
        if only and case.__name__ not in only:
            continue
        tmp = tempfile.mkdtemp(prefix='round3-privacy-')
        try:
            case(tmp)
            print('PASS', case.__name__)
        except AssertionError as e:
            failed += 1
            print('FAIL', case.__name__, '-', e)
        except Exception:
            failed += 1
            print('ERROR', case.__name__)
            traceback.print_exc()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print('%d case(s) failed' % failed)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

# ----------------------------------------------------------------------
# Known, not fixed (left out of CASES):
#
# - `settings url https://x.cn/p/%E7%8E%8B%E4%BC%9F` (an owner's name, or a
#   registered landline, in the URL) is accepted when it is set; the notice
#   leaves it off (case_publication_url_with_an_owners_name), but refusing
#   it at the door needs the register inside the URL check
#   (ledger_notice_check_url() has no book) and a new translated message.
#   Why not now: a signature change across the settings code and the GUI's
#   settings dialog, too wide for this round's deadline.
#
# - A phone number split across two fields (`spend --payee "王师傅 138 1234"
#   --memo "1234"`) is not found: each field is scrubbed alone, and on the
#   notice the two show in different columns. Why not: scrubbing the joined
#   fields would need cuts mapped back into two texts, and would mask
#   amounts and dates that happen to sit next to each other.
