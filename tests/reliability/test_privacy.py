#!/usr/bin/python3
"""test_privacy.py — spreadsheet formulas and privacy in what leaves the book

1. Formula injection. A corpus of strings a spreadsheet would take for a
   formula (=1+1, +SUM(A1:A9), -2+3, @SUM(1), =HYPERLINK(…), =cmd|…!A0,
   and TAB= / CR= forms) is put, through the command line, into every text
   field the book stores: the community's name, owners' names and owner
   keys, fee names, payees, memos, invoice numbers, approvers, attachment
   names, vote titles and descriptions, waiver, void and ballot-replacement
   reasons, the committee's name, the publication URL (where it is
   accepted) and the operator. The auditor's workbook is then unzipped
   (zipfile, no spreadsheet library): no <f> element may exist outside the
   汇总 (Summary) sheet but the 试算平衡表 (trial balance) totals row's own
   SUM(D2:Dn) … SUM(G2:Gn) and the 基金 (funds) sheet's SUMIFS and sums over
   its own cells, no string cell may start with = + - @ TAB or CR,
   and every string must be there as text, with the ' prefix the README
   documents wherever it starts a cell ("'=1+1"). Text with a TAB or CR
   must be refused at the door (exit 2, nothing written) or, if accepted,
   exported neutralised like the rest.

2. Privacy of public outputs. The notice (PDF text through pdftotext and
   its metadata through pdfinfo, the phone page, the QR payload written by
   the hidden --qr-payload option) must show no mobile number (1[3-9] and nine digits, also written 138 1234 5678 or
   138-1234-5678) and no registered phone, once the printed fingerprint and
   proof hashes are taken out; and no owner's full name (every owner of
   `household list --json` with two characters or more), also when it sits
   inside a payee, a memo, a fee name, a vote title or the committee's
   name: the README promises "Public outputs never show a phone number;
   owners' names are masked (张*)", and ledger_notice_scrub() masks names
   inside other words (王伟水电维修 → 王*水电维修), Latin names only as
   whole words. The masked forms must be there (masked, not dropped). The
   receipt's QR payload shows no phone and masks the payer's name, as the
   README says. A publication URL holding a mobile number is refused or
   not shown as it is.

    COMMUNITY_LEDGER=/tmp/build-bad/app/community-ledger \\
        /usr/bin/python3 tests/reliability/test_privacy.py -v
"""

import concurrent.futures
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(
    HERE, '..', '..', 'build', 'app', 'community-ledger')
NOW = '2026-06-30T10:00:00+08:00'

CORPUS = ['=1+1', '+SUM(A1:A9)', '-2+3', '@SUM(1)', '=HYPERLINK("http://x","y")', '\t=1', '\r=1',
          "=cmd|' /C calc'!A0"]
PLAIN = [s for s in CORPUS if not any(ord(ch) < 0x20 for ch in s)]
WITH_CONTROL = [s for s in CORPUS if s not in PLAIN]
TRIGGERS = ('=', '+', '-', '@', '\t', '\r')

SUMMARY_SHEET = '汇总'
TRIAL_SHEET = '试算平衡表'
TRIAL_TOTAL = re.compile(r'SUM\(([D-G])2:\1\d+\)')
FUNDS_SHEET = '基金'
# The funds sheet's own arithmetic: SUMIFS and SUM over its own cells,
# sums and differences of cells. No quote, no sheet name, no text: nothing
# a string from the book could have become.
FUNDS_FORMULA = re.compile(r'(?:SUMIFS|SUM|\$?[A-Z]\$?\d+|[:,+\-()])+')
FORMULA_SHEETS = (TRIAL_SHEET, FUNDS_SHEET)


def allowed_formula(sheet, formula):
    """The Summary's formulas, the trial balance's totals (SUM of a figure
    column) and the funds sheet's sums: the program's own, never text
    from the book."""
    return (sheet == SUMMARY_SHEET or
            (sheet == TRIAL_SHEET and TRIAL_TOTAL.fullmatch(formula) is not None) or
            (sheet == FUNDS_SHEET and FUNDS_FORMULA.fullmatch(formula) is not None))
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'rel': 'http://schemas.openxmlformats.org/package/2006/relationships'}

MOBILE = re.compile(r'(?<!\d)1[3-9]\d{9}(?!\d)')
MOBILE_SPACED = re.compile(r'(?<!\d)1[3-9]\d[ \-]\d{4}[ \-]\d{4}(?!\d)')


def environment():
    env = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8', COMMUNITY_LEDGER_NOW=NOW)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'COMMUNITY_LEDGER_BOOK'):
        env.pop(name, None)
    return env


ENV = environment()


def run(book, *args, expect=0):
    """Runs the CLI on @book; asserts the exit status; returns (stdout, stderr)."""
    proc = subprocess.run([BINARY, '--book', book, *args], capture_output=True, env=ENV,
                          timeout=120)
    out = proc.stdout.decode('utf-8', errors='replace')
    err = proc.stderr.decode('utf-8', errors='replace')
    if expect is not None and proc.returncode != expect:
        raise AssertionError(f'community-ledger {" ".join(map(repr, args))}: exit '
                             f'{proc.returncode}, expected {expect}\n{err}')
    return out, err, proc.returncode


def dump(book):
    return subprocess.run(['sqlite3', book, '.dump'], capture_output=True, check=True).stdout


# ---------------------------------------------------------------------------
# Reading a workbook with zipfile

def workbook_sheets(path):
    """{sheet name: worksheet XML bytes}, and the shared strings."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        book = ET.fromstring(z.read('xl/workbook.xml'))
        rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
        targets = {r.get('Id'): r.get('Target') for r in rels.findall('rel:Relationship', NS)}
        shared = []
        if 'xl/sharedStrings.xml' in names:
            for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
                shared.append(''.join(t.text or '' for t in si.iter(f'{{{NS["m"]}}}t')))
        sheets = {}
        for sheet in book.find('m:sheets', NS):
            target = targets[sheet.get(f'{{{NS["r"]}}}id')]
            target = target.lstrip('/')
            member = target if target.startswith('xl/') else 'xl/' + target
            sheets[sheet.get('name')] = z.read(member)
    return sheets, shared


def sheet_cells(xml, shared):
    """[(ref, text or None, formula text or None)] of one worksheet."""
    cells = []
    for c in ET.fromstring(xml).iter(f'{{{NS["m"]}}}c'):
        kind = c.get('t')
        f = c.find('m:f', NS)
        formula = (f.text or '') if f is not None else None
        text = None
        if kind == 'inlineStr':
            text = ''.join(t.text or '' for t in c.iter(f'{{{NS["m"]}}}t'))
        elif kind == 's':
            v = c.find('m:v', NS)
            text = shared[int(v.text)] if v is not None else ''
        elif kind == 'str':
            v = c.find('m:v', NS)
            text = v.text or '' if v is not None else ''
        cells.append((c.get('r'), text, formula))
    return cells


def neutralised(text):
    return "'" + text if text[:1] in TRIGGERS else text


def check_workbook(path, strings, phones=()):
    """The problems of a workbook: formulas outside 汇总, string cells that
    a spreadsheet would evaluate, and where each of @strings is."""
    problems = []
    sheets, shared = workbook_sheets(path)
    texts = {}
    raw = {}
    for name, xml in sheets.items():
        cells = sheet_cells(xml, shared)
        texts[name] = [t for _, t, _ in cells if t is not None]
        raw[name] = xml.decode('utf-8')
        if name != SUMMARY_SHEET:
            for ref, _, formula in cells:
                if formula is not None and not allowed_formula(name, formula):
                    problems.append(f'sheet {name} cell {ref} holds a formula')
            if name not in FORMULA_SHEETS and re.search(r'<(\w+:)?f[\s>/]', raw[name]):
                problems.append(f'sheet {name} has an <f> element')
        for ref, text, _ in cells:
            if text and text[0] in TRIGGERS:
                problems.append(f'sheet {name} cell {ref} starts with {text[0]!r}: {text[:80]!r}')
    for s in strings:
        whole = {name for name, ts in texts.items() if neutralised(s) in ts}
        part = {name for name, ts in texts.items() if any(s in t for t in ts)}
        # Where each kind of field lands (README, "The auditor's workbook").
        for sheet, what in (('住户', 'owner and owner key'),
                            ('支出', 'payee, memo, invoice, approvers'),
                            ('表决', 'vote title'),
                            ('日记账', 'operator, committee')):
            if sheet not in whole:
                problems.append(f'{s!r} ({what}) is not a text cell {neutralised(s)!r} on {sheet}')
        for sheet, what in ((SUMMARY_SHEET, "community's name"), ('收入', 'void reason')):
            if sheet not in part:
                problems.append(f'{s!r} ({what}) does not appear on {sheet}')
        if not part:
            problems.append(f'{s!r} appears nowhere in the workbook')
    everything = '\n'.join(t for ts in texts.values() for t in ts)
    for phone in phones:
        if phone in everything:
            problems.append(f'the workbook shows the phone {phone} unmasked')
    return problems, texts


# ---------------------------------------------------------------------------
# Public outputs

def pdf_text(path):
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True,
                          check=True).stdout.decode('utf-8')
    info = subprocess.run(['pdfinfo', '-enc', 'UTF-8', path], capture_output=True,
                          check=True).stdout.decode('utf-8')
    return text + '\n' + info


def html_text(path):
    with open(path, encoding='utf-8') as f:
        page = f.read()
    visible = html.unescape(re.sub(r'<[^>]+>', ' ', re.sub(r'<style.*?</style>', ' ', page,
                                                            flags=re.S)))
    return page + '\n' + visible


def without_hashes(text, fingerprints):
    """Takes out the printed fingerprints (full and short form) and every
    64-digit hash (a receipt's proof), which may hold 1[3-9]… by chance."""
    for fp in fingerprints:
        root = fp.split(':')[-1]
        text = text.replace(root, ' ')
        short = ' '.join(root[i:i + 4] for i in range(0, 16, 4))
        text = text.replace(short, ' ')
    return re.sub(r'[0-9a-f]{64}', ' ', text)


def digits_pattern(digits):
    """A registered phone written with at most one space or dash between
    its digits, not part of a longer number."""
    return re.compile(r'(?<!\d)' + r'[ \-]?'.join(digits) + r'(?!\d)')


def privacy_problems(name, text, owners, phones, fingerprints):
    problems = []
    text = without_hashes(text, fingerprints)
    for pattern in (MOBILE, MOBILE_SPACED):
        for m in pattern.finditer(text):
            problems.append(f'{name} shows a mobile number: …{text[max(0, m.start() - 20):m.end() + 20]!r}…')
    for phone in phones:
        digits = re.sub(r'\D', '', phone)
        for candidate in {digits, digits[-8:]}:
            if len(candidate) >= 7 and digits_pattern(candidate).search(text):
                problems.append(f'{name} shows the registered phone {phone!r}')
    squeezed = re.sub(r'\s+', '', text)
    for owner in owners:
        owner = owner.strip()
        if len(owner) < 2:
            continue
        if owner.isascii():
            found = re.search(r'(?<![A-Za-z0-9])' + re.escape(owner) + r'(?![A-Za-z0-9])', text)
        else:
            found = owner in text or owner in squeezed
        if found:
            problems.append(f'{name} shows the owner {owner!r} unmasked')
    return problems


class PrivacyTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='privacy-test-')

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class FormulaInjectionTest(PrivacyTestCase):
    """Formula-like text in every field ends up as neutralised text."""

    def fill_book(self, folder, s):
        """A book with @s in every text field; returns how `settings url s` went."""
        os.makedirs(folder)
        book = os.path.join(folder, 'book.clbook')
        run(book, '--operator', s, 'init', '--name', s)
        run(book, 'household', 'add', '1-1-101', '--owner', s, '--owner-key', s,
            '--area', '89.50', '--phone', '13812341234')
        run(book, 'household', 'add', '1-1-102', '--owner', '李娜', '--area', '60',
            '--phone', '139-0000-1111')
        run(book, 'fee', 'set', 'special', '10', '--name', s, '--from', '2026-01-01')
        run(book, '--operator', s, 'bill', '2026')
        run(book, 'pay', '1-1-101', '100', '--date', '2026-02-01')
        run(book, 'pay', '1-1-102', '100', '--date', '2026-02-02')
        run(book, '--operator', s, 'void', '2026-000002', '--reason', s)
        run(book, 'waive', '1-1-102', 'property', '2026', '--reason', s, '--amount', '10')
        attach = []
        if '/' not in s:
            scan = os.path.join(folder, s + '.jpg')
            with open(scan, 'wb') as f:
                f.write(b'\xff\xd8\xff\xe0 scan')
            attach = ['--attach', scan]
        run(book, 'spend', '10', '--payee', s, '--category', 'repair', '--memo', s,
            '--invoice', s, '--approvers', s, '--date', '2026-03-01', *attach)
        run(book, 'vote', 'new', '--title', s, '--description', s, '--matter', '9',
            '--opens', '2026-06-01')
        run(book, 'vote', 'ballot', '1', '1-1-101', 'yes')
        run(book, 'vote', 'ballot', '1', '1-1-101', 'no', '--replace', s)
        run(book, 'vote', 'ballot', '1', '1-1-102', 'yes')
        run(book, 'vote', 'close', '1')
        # "--": a value may start with a dash, as -2+3 does.
        run(book, 'settings', 'committee', '--', s)
        before = dump(book)
        _, err, status = run(book, 'settings', 'url', '--', s, expect=None)
        url = (status, err, dump(book) == before)
        out = os.path.join(folder, 'audit.xlsx')
        run(book, 'export', 'xlsx', out, '--period', '2026')
        verified, _, _ = run(book, 'verify', '--export', out)
        return book, out, url, verified

    def test_every_text_field_is_exported_neutralised(self):
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(PLAIN)) as pool:
            futures = {s: pool.submit(self.fill_book, os.path.join(self.dir, f'book-{i}'), s)
                       for i, s in enumerate(PLAIN)}
        problems = []
        for s, future in futures.items():
            book, workbook, (url_status, url_err, url_unchanged), verified = future.result()
            # A formula is no address: settings url refuses it, naming the field.
            if url_status != 2 or 'url' not in url_err.lower() or not url_unchanged:
                problems.append(f'settings url {s!r}: exit {url_status}, {url_err.strip()!r}, '
                                f'book unchanged: {url_unchanged}')
            found, texts = check_workbook(workbook, [s], phones=['13812341234', '139-0000-1111',
                                                                  '13900001111'])
            problems += [f'[{s}] {p}' for p in found]
            if '138****1234' not in texts.get('住户', []):
                problems.append(f'[{s}] 住户 does not show the phone masked as 138****1234')
            self.assertTrue(verified.startswith('fingerprint '), verified)
        self.assertFalse(problems, '\n'.join(problems))

    def test_tab_and_carriage_return_forms(self):
        """TAB= and CR= are refused in every text field (control characters:
        exit 2, the field named, nothing written) — or, if some field takes
        them, the workbook still exports with them neutralised."""
        book = os.path.join(self.dir, 'book.clbook')
        run(book, 'init', '--name', '控制字符小区')
        run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '50')
        run(book, 'bill', '2026')
        run(book, 'pay', '1-1-101', '100', '--date', '2026-02-01')
        run(book, 'vote', 'new', '--title', '路灯', '--matter', '9', '--opens', '2026-06-01')
        run(book, 'vote', 'ballot', '1', '1-1-101', 'yes')
        problems, accepted = [], []
        for s in WITH_CONTROL:
            fresh = os.path.join(self.dir, 'fresh.clbook')
            _, err, status = run(fresh, 'init', '--name', s, expect=None)
            if status != 2 or os.path.exists(fresh):
                problems.append(f'init --name {s!r}: exit {status}, {err.strip()!r}')
            attempts = [
                (('household', 'add', '1-1-102', '--owner', s, '--area', '50'), 'owner'),
                (('household', 'add', '1-1-102', '--owner', '李娜', '--area', '50',
                  '--owner-key', s), 'owner key'),
                (('household', 'edit', '1-1-101', '--owner', s), 'owner'),
                (('fee', 'set', 'special', '10', '--name', s), 'name'),
                (('spend', '10', '--payee', s, '--category', 'repair'), 'payee'),
                (('spend', '10', '--payee', 'p', '--category', 'repair', '--memo', s), 'memo'),
                (('spend', '10', '--payee', 'p', '--category', 'repair', '--invoice', s),
                 'invoice'),
                (('spend', '10', '--payee', 'p', '--category', 'repair', '--approvers', s),
                 'approvers'),
                (('vote', 'new', '--title', s, '--matter', '9'), 'title'),
                (('vote', 'new', '--title', 't', '--matter', '9', '--description', s),
                 'description'),
                (('vote', 'ballot', '1', '1-1-101', 'no', '--replace', s), 'replace'),
                (('void', '2026-000001', '--reason', s), 'reason'),
                (('waive', '1-1-101', 'property', '2026', '--reason', s), 'reason'),
                (('settings', 'committee', s), 'committee'),
                (('settings', 'url', s), 'url'),
                (('--operator', s, 'spend', '10', '--payee', 'p', '--category', 'repair'),
                 'operator'),
            ]
            for args, field in attempts:
                before = dump(book)
                _, err, status = run(book, *args, expect=None)
                if status == 0:
                    accepted.append((args, s))
                elif status != 2 or field not in err.lower() or dump(book) != before:
                    problems.append(f'{args!r}: exit {status}, message {err.strip()!r}, '
                                    f'book unchanged: {dump(book) == before}')
        if accepted:
            out = os.path.join(self.dir, 'audit.xlsx')
            _, err, status = run(book, 'export', 'xlsx', out, '--period', '2026', expect=None)
            taken = '; '.join(f'{" ".join(map(repr, a))}' for a, _ in accepted)
            if status != 0:
                problems.append(f'accepted ({taken}), and then `export xlsx` exits {status}: '
                                f'{err.strip()}')
            else:
                sheets, shared = workbook_sheets(out)
                for name, xml in sheets.items():
                    for ref, text, formula in sheet_cells(xml, shared):
                        if text and text[0] in TRIGGERS:
                            problems.append(f'accepted ({taken}); sheet {name} cell {ref} '
                                            f'starts with {text[0]!r}')
                        if formula is not None and not allowed_formula(name, formula):
                            problems.append(f'sheet {name} cell {ref} holds a formula')
        self.assertFalse(problems, '\n'.join(problems))


class PublicOutputTest(PrivacyTestCase):
    """No phone number and no owner's full name on the notice, the phone
    page, the QR codes."""

    OWNERS = [  # unit, owner, phone as typed
        ('1-1-101', '王伟', '13812341234'),
        ('1-1-102', '欧阳娜娜', '139 1234 5678'),
        ('1-1-201', '张敏', '021-87654321'),
        ('1-1-202', 'Smith John', '+86 137-0000-2222'),
        ('2-1-101', '李娜', ''),
        ('2-1-102', '赵', '15900003333'),
    ]

    def make_community(self, book):
        run(book, 'init', '--name', '幸福里小区')
        for unit, owner, phone in self.OWNERS:
            run(book, 'household', 'add', unit, '--owner', owner, '--area', '80',
                *(['--phone', phone] if phone else []))
        run(book, 'settings', 'url', 'https://example.org/xfl')
        run(book, 'settings', 'committee', '业委会欧阳娜娜13912345678')
        run(book, 'fee', 'set', 'lights', '20', '--name', '王伟楼道灯费', '--from', '2026-01-01')
        run(book, 'bill', '2026')
        for i, (unit, _, _) in enumerate(self.OWNERS):
            run(book, 'pay', unit, '500', '--date', f'2026-01-{10 + i:02}')
        run(book, 'spend', '120', '--payee', '王伟水电维修', '--category', 'repair',
            '--memo', '联系欧阳娜娜 139-1234-5678', '--date', '2026-02-10')
        run(book, 'spend', '80', '--payee', 'Smith John Plumbing', '--category', 'utilities',
            '--memo', '找张敏，电话021-87654321', '--date', '2026-02-11')
        run(book, 'spend', '60', '--payee', '五金店', '--category', 'office',
            '--memo', '李娜代购，手机１３８１２３４１２３４', '--date', '2026-03-05')
        run(book, 'spend', '40', '--payee', 'Lighting Co', '--category', 'lighting',
            '--memo', 'lamps for 1-1-202 (Smith John), call 15900003333', '--date', '2026-03-06')
        run(book, 'vote', 'new', '--title', '张敏提议更换路灯（电话13700002222）', '--matter', '9',
            '--opens', '2026-06-01')
        for unit, _, _ in self.OWNERS:
            run(book, 'vote', 'ballot', '1', unit, 'yes')
        run(book, 'vote', 'close', '1')

    def publish(self, book, name, period):
        paths = {k: os.path.join(self.dir, f'{name}.{k}') for k in ('pdf', 'png', 'html', 'qr')}
        out, _, _ = run(book, 'notice', paths['pdf'], '--period', period, '--png', paths['png'],
                        '--html', paths['html'], '--qr-payload', paths['qr'])
        fingerprint = out.strip().split()[-1]
        with open(paths['qr'], encoding='utf-8') as f:
            payload = f.read()
        return {f'{name} PDF': pdf_text(paths['pdf']),
                f'{name} phone page': html_text(paths['html']),
                f'{name} QR payload': payload}, fingerprint

    def test_notices_and_receipts_hide_phones_and_names(self):
        book = os.path.join(self.dir, 'book.clbook')
        self.make_community(book)
        outputs, fingerprints = {}, []
        texts, fp = self.publish(book, 'notice 2026-Q1', '2026-Q1')
        outputs.update(texts)
        fingerprints.append(fp)
        # Recorded after the first quarter's notice: shown later under 补充公示.
        run(book, 'spend', '30', '--payee', '欧阳娜娜家政', '--category', 'cleaning',
            '--memo', '电话 139-1234-5678', '--date', '2026-03-20')
        for name, period in (('notice 2026-Q2', '2026-Q2'), ('notice 2026', '2026')):
            texts, fp = self.publish(book, name, period)
            outputs.update(texts)
            fingerprints.append(fp)
        # The receipt's QR: "the payer's name masked" (README); 2026-000003 is
        # 张敏's (1-1-201). Its lines name the fee items as the book does.
        qr = os.path.join(self.dir, 'receipt.qr')
        run(book, 'receipt', '2026-000003', os.path.join(self.dir, 'receipt.pdf'),
            '--qr-payload', qr)
        with open(qr, encoding='utf-8') as f:
            receipt = f.read()

        listed = json.loads(run(book, 'household', 'list', '--json')[0])['households']
        owners = [h['owner'] for h in listed]
        phones = [h['phone'] for h in listed if h['phone']]
        self.assertEqual(len(owners), len(self.OWNERS))
        problems = []
        for name, text in outputs.items():
            problems += privacy_problems(name, text, owners, phones, fingerprints)
        problems += privacy_problems('receipt QR payload', receipt, ['张敏'], phones, [])
        if '缴款人：张*' not in receipt:
            problems.append(f'the receipt QR payload does not name the payer as 张*: {receipt!r}')
        # Masked, not dropped: what the notice promises to show.
        year = outputs['notice 2026 PDF'] + outputs['notice 2026 phone page']
        for shown in ('王*水电维修', 'S********* Plumbing', '王*楼道灯费', '张*提议更换路灯'):
            if shown not in year and shown not in re.sub(r'\s+', '', year):
                problems.append(f'the 2026 notice does not show {shown!r}')
        if '欧***家政' not in outputs['notice 2026-Q2 PDF']:
            problems.append('the 2026-Q2 notice does not show the late expenditure 欧***家政')
        self.assertFalse(problems, '\n'.join(problems))

    def test_publication_url_with_a_phone(self):
        """The publication URL is printed first in the QR code and on the
        phone page: one holding a mobile number is either refused or not
        shown as it is."""
        book = os.path.join(self.dir, 'book.clbook')
        run(book, 'init', '--name', '幸福里小区')
        run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '80',
            '--phone', '13812341234')
        url = 'https://example.org/xfl?contact=13812341234'
        before = dump(book)
        _, err, status = run(book, 'settings', 'url', url, expect=None)
        if status == 2:
            self.assertIn('url', err.lower())
            self.assertEqual(dump(book), before)
            return
        self.assertEqual(status, 0, err)
        texts, fp = self.publish(book, 'notice', '2026')
        problems = []
        for name, text in texts.items():
            problems += privacy_problems(name, text, ['王伟'], ['13812341234'], [fp])
        self.assertFalse(problems, f'`settings url {url}` was accepted, and then:\n' +
                         '\n'.join(problems))


if __name__ == '__main__':
    unittest.main(verbosity=2)
