#!/usr/bin/python3
"""test_privacy_variants.py — phone numbers and owners' names written every
way, invisible characters at the door, and books that hold what the door
refuses today.

Each class generates its own cases, so that a new way of writing a number
or a new text option is covered without a new test:

1. Phones. PREFIXES × SEPARATORS × DIGIT FORMS × GROUPINGS are combined
   (strides through the tables so that every entry of each is used) into
   distinct mobile numbers, each put in one of the free-text fields that
   reach a public output (payee, memo, vote title and description, fee
   name, waiver and void reasons, committee, community name and address).
   The notice (PDF through pdftotext, phone page, QR payload) and the
   auditor's workbook (every cell but the leaf columns, which hold the
   journal byte for byte) are then read back, NFKC-normalised with
   invisible characters dropped and separators taken out between digits:
   no seven digits in a row of any of the numbers may be left. A variant
   with an invisible separator may instead be refused (exit 2).
2. Names. Owners' names with ideographic, no-break and doubled spaces,
   dots and dashes, full width and any case are put in the same fields:
   no output may show the name once letters and digits are all that is
   kept and case is folded.
3. Invisible characters (bidi controls, zero-width, U+FEFF, soft hyphen …)
   are refused in every text option of the command line, in
   COMMUNITY_LEDGER_OPERATOR (control characters too), in a CSV import, in
   a notice's and an attachment's file name: exit 2, one line naming the
   field, the book unchanged.
4. A book that already holds such text (journaled past the check by
   make-old-text-book, as a book from before the check would) still
   exports: export xlsx, verify --export (the leaf cells carry control
   characters in the _xHHHH_ escape), notice, receipt.

    COMMUNITY_LEDGER=build/app/community-ledger \\
    MAKE_OLD_TEXT_BOOK=build/tests/privacy/make-old-text-book \\
        python3 tests/privacy/test_privacy_variants.py -v
"""

import html
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import unittest
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, '..', '..', 'build')
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(BUILD, 'app', 'community-ledger')
OLD_TEXT = os.environ.get('MAKE_OLD_TEXT_BOOK') or os.path.join(BUILD, 'tests', 'privacy',
                                                                 'make-old-text-book')
NOW = '2026-06-30T10:00:00+08:00'

PREFIXES = ['', '+86', '+86 ', '86', '0086', '0086-', '(+86)', '（+86）', '＋８６ ', '+86－', '0']
SEPARATORS = ['', ' ', '-', '－', '—', '–', '‐', '−', '.', '．', '。', '/', '／', '\\', '\u3000',
              '\u00a0', '\u2009', '\u202f', '·', '・', ' - ', '_', '~', '(', ')', '\u3000-\u3000']
# Separators that also split amounts: a phone is found by its shape there.
LOOSE_SEPARATORS = [',', '，', '、', ':', '：', ';', '|', '*', '#', ', ', '～', '→']
LOOSE_GROUPINGS = [(3, 4, 4), (3, 8), (4, 3, 4), (3, 3, 5)]
INVISIBLE_SEPARATORS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e',
                        '\u2066', '\u200e']
GROUPINGS = [(3, 4, 4), (3, 8), (11,), (4, 3, 4), (3, 3, 5), (1, 2, 4, 4)]
CHINESE_DIGITS = '〇一二三四五六七八九'


def write_digit(d, form, i):
    if form == 'ascii':
        return str(d)
    if form == 'full':
        return chr(0xFF10 + d)
    if form == 'mixed':
        return chr(0xFF10 + d) if i % 2 == 0 else str(d)
    if form == 'chinese':
        return CHINESE_DIGITS[d]
    return chr(0x1D7CE + d)   # mathematical bold digits


FORMS = ['ascii', 'full', 'mixed', 'chinese', 'bold']


def write_phone(number, prefix, sep, grouping, form):
    out, at = [prefix], 0
    for g, size in enumerate(grouping):
        if g > 0:
            out.append(sep)
        for _ in range(size):
            out.append(write_digit(int(number[at]), form, at))
            at += 1
    return ''.join(out)


def phone_number(i):
    """A distinct mobile number for variant @i: 1[3-9] and nine digits."""
    return '1' + str(3 + i % 7) + f'{(i * 7919 + 104729) % 10**9:09d}'


def phone_variants(separators, count, groupings=GROUPINGS, forms=FORMS, first=0):
    """(number, written) pairs; coprime strides use every table entry."""
    out = []
    for i in range(first, first + count):
        number = phone_number(i)
        out.append((number, write_phone(number, PREFIXES[i % len(PREFIXES)],
                                        separators[(i * 5) % len(separators)],
                                        groupings[(i * 7) % len(groupings)],
                                        forms[(i * 3) % len(forms)])))
    return out


URL_PREFIXES = ['', '86', '0086', '%2B86', '+86', '%2B86-', '+86.']
URL_SEPARATORS = ['', '-', '.', '_', '~', '%20', '%E3%80%80', '%EF%BC%8D', '%E2%80%8B', '(', ')',
                  '%2F', '%C2%B7']


def url_phone_variants(count):
    """Mobile numbers as a URL may hold them: ASCII or %-escaped digits."""
    out = []
    for i in range(count):
        number = phone_number(i)
        sep = URL_SEPARATORS[(i * 5) % len(URL_SEPARATORS)]
        grouping = GROUPINGS[(i * 7) % len(GROUPINGS)]
        digits = [f'%{0x30 + int(d):02X}' if (i + k) % 3 == 0 else d for k, d in enumerate(number)]
        parts, at = [], 0
        for size in grouping:
            parts.append(''.join(digits[at:at + size]))
            at += size
        out.append(URL_PREFIXES[i % len(URL_PREFIXES)] + sep.join(parts))
    return out


INVISIBLE = [chr(c) for c in (0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c,
                              0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c,
                              0xfeff, 0x00ad, 0x2061, 0x180e)]


def visible(text):
    """NFKC, Chinese digits as digits, invisible and control characters
    dropped: the text as a reader takes it in."""
    text = unicodedata.normalize('NFKC', text)
    text = ''.join(str(CHINESE_DIGITS.index(c)) if c in CHINESE_DIGITS else c for c in text)
    return ''.join(c for c in text
                   if unicodedata.category(c) not in ('Cf', 'Cc') or c == '\n')


DIGIT_GLUE = re.compile(r'(?<=\d)[\s\-‐‑‒–—―−.。/\\()（）\[\]【】+_~·・]{1,3}(?=\d)')


LOOSE_GLUE = re.compile(r'(?<=\d)[^\w]{1,2}(?=\d)')


def digit_runs(text):
    """The runs of digits of visible(@text), separators between digits
    taken out: those of phone numbers, then any one or two characters that
    are no letter or digit (commas, colons …)."""
    text = visible(text)
    return (re.findall(r'\d+', DIGIT_GLUE.sub('', text)) +
            re.findall(r'\d+', LOOSE_GLUE.sub('', text)))


def leaked_numbers(text, numbers):
    """The numbers of which seven digits in a row are in @text."""
    runs = digit_runs(text)
    found = []
    for number in numbers:
        parts = {number[i:i + 7] for i in range(len(number) - 6)}
        if any(part in run for run in runs for part in parts):
            found.append(number)
    return found


def name_key(text):
    return ''.join(c for c in visible(text).casefold() if c.isalnum())


def environment(**extra):
    env = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8', COMMUNITY_LEDGER_NOW=NOW, **extra)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'COMMUNITY_LEDGER_BOOK', 'COMMUNITY_LEDGER_OPERATOR'):
        if name not in extra:
            env.pop(name, None)
    return env


def run(book, *args, expect=0, env=None):
    proc = subprocess.run([BINARY, '--book', book, *args], capture_output=True,
                          env=env or environment(), timeout=120)
    out = proc.stdout.decode('utf-8', errors='replace')
    err = proc.stderr.decode('utf-8', errors='replace')
    if expect is not None and proc.returncode != expect:
        raise AssertionError(f'community-ledger {" ".join(map(repr, args))}: exit '
                             f'{proc.returncode}, expected {expect}\n{err}')
    return out, err, proc.returncode


def dump(book):
    return subprocess.run(['sqlite3', book, '.dump'], capture_output=True, check=True).stdout


NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'rel': 'http://schemas.openxmlformats.org/package/2006/relationships'}


def workbook_cells(path):
    """{sheet: [(column letters, text)]} of every string cell."""
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read('xl/workbook.xml'))
        rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
        targets = {r.get('Id'): r.get('Target') for r in rels.findall('rel:Relationship', NS)}
        shared = []
        if 'xl/sharedStrings.xml' in z.namelist():
            for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
                shared.append(''.join(t.text or '' for t in si.iter(f'{{{NS["m"]}}}t')))
        sheets = {}
        for sheet in book.find('m:sheets', NS):
            target = targets[sheet.get(f'{{{NS["r"]}}}id')].lstrip('/')
            member = target if target.startswith('xl/') else 'xl/' + target
            cells = []
            for c in ET.fromstring(z.read(member)).iter(f'{{{NS["m"]}}}c'):
                kind, text = c.get('t'), None
                if kind == 'inlineStr':
                    text = ''.join(t.text or '' for t in c.iter(f'{{{NS["m"]}}}t'))
                elif kind == 's':
                    text = shared[int(c.find('m:v', NS).text)]
                elif kind == 'str' and c.find('m:v', NS) is not None:
                    text = c.find('m:v', NS).text or ''
                if text is not None:
                    cells.append((re.sub(r'\d', '', c.get('r')), text))
            sheets[sheet.get('name')] = cells
    return sheets


def workbook_public_text(path):
    """Every string cell but the journal's leaves (columns I onwards of
    日记账…: the entries byte for byte, for the fingerprint) and its hash."""
    out = []
    for name, cells in workbook_cells(path).items():
        for col, text in cells:
            if name.startswith('日记账') and (len(col) > 1 or col >= 'H'):
                continue
            out.append(text)
    return '\n'.join(out)


def pdf_text(path):
    """The PDF's text and its metadata (title, subject …)."""
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True,
                          check=True).stdout.decode('utf-8')
    info = subprocess.run(['pdfinfo', '-enc', 'UTF-8', path], capture_output=True,
                          check=True).stdout.decode('utf-8')
    return text + '\n' + info


def html_text(path):
    with open(path, encoding='utf-8') as f:
        page = f.read()
    return page + '\n' + html.unescape(re.sub(r'<[^>]+>', ' ', page))


def without_hashes(text):
    """Hex hashes (fingerprints, proofs) hold digit runs by chance."""
    text = re.sub(r'[0-9a-f]{16,}', ' ', text)
    return re.sub(r'\b[0-9a-f]{4}( [0-9a-f]{4}){3}\b', ' ', text)


class Case(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='privacy-variants-')
        self.book = os.path.join(self.dir, 'book.clbook')

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def outputs(self, period='2026'):
        """{name: text} of the notice's PDF, phone page and QR payload and
        of the workbook's public cells."""
        p = {k: os.path.join(self.dir, f'n.{k}') for k in ('pdf', 'html', 'qr', 'xlsx')}
        for path in p.values():
            if os.path.exists(path):
                os.unlink(path)
        run(self.book, 'notice', p['pdf'], '--period', period, '--html', p['html'],
            '--qr-payload', p['qr'])
        run(self.book, 'export', 'xlsx', p['xlsx'], '--period', period)
        with open(p['qr'], encoding='utf-8') as f:
            qr = f.read()
        receipt_qr = os.path.join(self.dir, 'r.qr')
        run(self.book, 'receipt', '2026-000001', os.path.join(self.dir, 'r.pdf'),
            '--qr-payload', receipt_qr)
        with open(receipt_qr, encoding='utf-8') as f:
            receipt = f.read()
        return {'receipt QR payload': without_hashes(receipt),
                'notice PDF': without_hashes(pdf_text(p['pdf'])),
                'phone page': without_hashes(html_text(p['html'])),
                'QR payload': without_hashes(qr),
                'workbook': without_hashes(workbook_public_text(p['xlsx']))}

    def fill(self, texts, owners=(('1-1-101', '王伟', '13512345678'),)):
        """A book with each of @texts in one public free-text field, in
        turn; returns the texts a field refused (exit 2)."""
        run(self.book, 'init', '--name', '幸福里小区')
        for unit, owner, phone in owners:
            run(self.book, 'household', 'add', unit, '--owner', owner, '--area', '80',
                '--phone', phone)
        run(self.book, 'bill', '2026')
        run(self.book, 'pay', owners[0][0], '10', '--date', '2026-01-10')
        run(self.book, 'pay', owners[0][0], '5', '--date', '2026-01-11')
        # Enough cash for every expenditure below (no money account may go
        # below zero on any day), prepaid by a unit of its own.
        run(self.book, 'household', 'add', '9-9-901', '--owner', '出资人', '--area', '1')
        run(self.book, 'pay', '9-9-901', '10000', '--date', '2026-01-12')
        fields = [
            lambda i, t: ('spend', '10', '--payee', t, '--category', 'repair',
                          '--date', '2026-02-01'),
            lambda i, t: ('spend', '10', '--payee', '五金店', '--category', 'repair',
                          '--memo', t, '--date', '2026-02-02'),
            lambda i, t: ('vote', 'new', '--title', t, '--matter', '9', '--opens', '2026-03-01',
                          '--description', t),
            lambda i, t: ('fee', 'set', f'x{i}', '1', '--name', t, '--from', '2026-01-01'),
            lambda i, t: ('waive', owners[0][0], 'property', '2026', '--reason', t,
                          '--amount', '0.01'),
            lambda i, t: ('settings', 'committee', t),
            lambda i, t: ('settings', 'name', t),
            lambda i, t: ('settings', 'address', t),
        ]
        refused, votes = [], []
        for i, text in enumerate(texts):
            args = fields[i % len(fields)](i, text)
            before = dump(self.book)
            out, err, status = run(self.book, *args, expect=None)
            if status == 2 and dump(self.book) == before:
                refused.append(text)
            elif status != 0:
                self.fail(f'{args!r}: exit {status}: {err}')
            elif args[0] == 'vote':
                votes.append(re.findall(r'\d+', out)[-1])
        # Every vote is closed, so that the notice shows its title.
        for vote in votes:
            run(self.book, 'vote', 'ballot', vote, owners[0][0], 'yes')
            run(self.book, 'vote', 'close', vote)
        # A void reason, in the workbook's Income sheet.
        run(self.book, 'void', '2026-000002', '--reason', texts[0], expect=None)
        return refused


class PhoneVariantsTest(Case):
    """No seven digits in a row of a phone written any way reach a public
    output."""

    def test_visible_variants(self):
        variants = phone_variants(SEPARATORS, 3 * len(SEPARATORS))
        variants += phone_variants(LOOSE_SEPARATORS, 2 * len(LOOSE_SEPARATORS), LOOSE_GROUPINGS,
                                   FORMS[:3], first=len(variants))
        refused = self.fill([written for _, written in variants])
        self.assertFalse(refused, f'refused: {refused!r}')
        numbers = [number for number, _ in variants]
        problems = []
        for name, text in self.outputs().items():
            for number in leaked_numbers(text, numbers + ['13512345678']):
                written = dict(variants).get(number, number)
                problems.append(f'{name} shows {number} (written {written!r})')
        self.assertFalse(problems, '\n'.join(problems))
        self.assertGreaterEqual(len(variants), 100)

    def test_invisible_separators_refused_or_scrubbed(self):
        variants = phone_variants(INVISIBLE_SEPARATORS, 2 * len(INVISIBLE_SEPARATORS))
        refused = self.fill([written for _, written in variants])
        numbers = [n for n, w in variants if w not in refused]
        problems = []
        for name, text in self.outputs().items():
            for number in leaked_numbers(text, numbers):
                problems.append(f'{name} shows {number}')
        self.assertFalse(problems, '\n'.join(problems))

    def test_publication_url_with_a_phone_in_any_form(self):
        run(self.book, 'init', '--name', '幸福里小区')
        bad = [f'https://example.org/c?t={w}' for w in url_phone_variants(3 * len(URL_SEPARATORS))]
        bad += ['https://example.org/%31%33%38%31%32%33%34%31%32%33%34',
                'https://example.org/138%2D1234%2D1234',
                'https://example.org/u/＋86－138．1234．1234',
                'https://example.org/u/１３８１２３４１２３４']
        problems = []
        for url in bad:
            before = dump(self.book)
            _, err, status = run(self.book, 'settings', 'url', url, expect=None)
            if status != 2 or 'url' not in err.lower() or dump(self.book) != before:
                problems.append(f'settings url {url!r}: exit {status}, {err.strip()!r}')
        run(self.book, 'settings', 'url', 'https://example.org/notices/2026-Q1')
        self.assertFalse(problems, '\n'.join(problems))
        self.assertGreaterEqual(len(bad), 30)


NAME_FORMS = [
    lambda n, sep: n,
    lambda n, sep: sep.join(n) if not n.isascii() else n.replace(' ', sep),
    lambda n, sep: n.upper().replace(' ', sep),
    lambda n, sep: ''.join(chr(ord(c) + 0xFEE0) if '!' <= c <= '~' else c
                           for c in n).replace(' ', sep),
    lambda n, sep: n.lower().replace(' ', ''),
]
NAME_SEPARATORS = [' ', '  ', '\u3000', '\u00a0', '·', '-', '.', '\u3000 ']


class NameVariantsTest(Case):
    """No owner's name, in any spacing, width or case, on a public output
    (the workbook shows names: it is the auditor's, and left out here)."""

    OWNERS = (('1-1-101', '王伟', '13512345678'), ('1-1-102', '欧阳娜娜', '13612345678'),
              ('1-1-201', 'Wang Wei', '13712345678'), ('1-1-202', 'Smith John', '13912345678'))

    def test_name_variants(self):
        texts = []
        for i, (_, owner, _) in enumerate(self.OWNERS):
            for f, form in enumerate(NAME_FORMS):
                sep = NAME_SEPARATORS[(i * 3 + f) % len(NAME_SEPARATORS)]
                texts.append(f'付{form(owner, sep)}维修费')
        refused = self.fill(texts, owners=self.OWNERS)
        self.assertFalse(refused, f'refused: {refused!r}')
        problems = []
        for name, text in self.outputs().items():
            if name == 'workbook':
                continue
            squeezed = name_key(text)
            for _, owner, _ in self.OWNERS:
                if name_key(owner) in squeezed:
                    problems.append(f'{name} shows the owner {owner!r} in some form')
        self.assertFalse(problems, '\n'.join(problems))
        self.assertGreaterEqual(len(texts), 20)


# Every text option of the command line: (arguments with {} for the text,
# a word of the field's name in the message).
TEXT_OPTIONS = [
    (('init', '--name', '{}'), 'name'),
    (('household', 'add', '1-1-102', '--owner', '{}', '--area', '50'), 'owner'),
    (('household', 'add', '1-1-102', '--owner', '李娜', '--area', '50', '--owner-key', '{}'),
     'owner'),
    (('household', 'edit', '1-1-101', '--owner', '{}'), 'owner'),
    (('fee', 'set', 'special', '10', '--name', '{}'), 'name'),
    (('spend', '10', '--payee', '{}', '--category', 'repair'), 'payee'),
    (('spend', '10', '--payee', 'p', '--category', 'repair', '--memo', '{}'), 'memo'),
    (('spend', '10', '--payee', 'p', '--category', 'repair', '--invoice', '{}'), 'invoice'),
    (('vote', 'new', '--title', '{}', '--matter', '9'), 'title'),
    (('vote', 'new', '--title', 't', '--matter', '9', '--description', '{}'), 'description'),
    (('vote', 'ballot', '1', '1-1-101', 'no', '--replace', '{}'), 'replace'),
    (('void', '2026-000001', '--reason', '{}'), 'reason'),
    (('waive', '1-1-101', 'property', '2026', '--reason', '{}'), 'reason'),
    (('member', 'add', '{}', '--role', '委员'), 'name'),
    (('member', 'add', '张三', '--role', '{}'), 'role'),
    (('settings', 'committee', '{}'), 'committee'),
    (('settings', 'name', '{}'), 'name'),
    (('settings', 'address', '{}'), 'address'),
    (('settings', 'url', 'https://example.org/{}'), 'url'),
    (('--operator', '{}', 'spend', '10', '--payee', 'p', '--category', 'repair'), 'operator'),
    (('household', 'add', '1-1-102', '--owner', '李娜', '--area', '50', '--phone', '138{}1234'),
     'phone'),
    (('household', 'edit', '1-1-101', '--owner-key', '{}'), 'owner'),
    (('settings', 'backup-dir', '/tmp/{}'), 'backup'),
]


class InvisibleRefusedTest(Case):
    """Bidi controls and other invisible characters are refused in every
    stored text, at the start, inside and at the end."""

    def base_book(self):
        run(self.book, 'init', '--name', '控制字符小区')
        run(self.book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '50')
        run(self.book, 'bill', '2026')
        run(self.book, 'pay', '1-1-101', '100', '--date', '2026-02-01')
        run(self.book, 'vote', 'new', '--title', '路灯', '--matter', '9', '--opens', '2026-06-01')
        run(self.book, 'vote', 'ballot', '1', '1-1-101', 'yes')

    def refused(self, args, field, env=None, book=None):
        book = book or self.book
        before = dump(book) if os.path.exists(book) else None
        _, err, status = run(book, *args, expect=None, env=env)
        after = dump(book) if os.path.exists(book) else None
        lines = err.strip().split('\n')
        if status != 2 or len(lines) != 1 or field not in err.lower() or after != before:
            return [f'{args!r}: exit {status}, {err.strip()!r}, book unchanged: {after == before}']
        if any(c in err for c in INVISIBLE):
            return [f'{args!r}: the message shows the invisible character raw: {err!r}']
        return []

    def test_every_text_option(self):
        self.base_book()
        problems, n = [], 0
        for k, (template, field) in enumerate(TEXT_OPTIONS):
            for j in range(3):
                c = INVISIBLE[(k * 3 + j) % len(INVISIBLE)]
                text = [c + '王伟', '王' + c + '伟', '王伟' + c][j]
                args = tuple(a.replace('{}', text) for a in template)
                book = os.path.join(self.dir, 'fresh.clbook') if args[0] == 'init' else None
                problems += self.refused(args, field, book=book)
                if book and os.path.exists(book):
                    problems.append(f'{args!r} left a book behind')
                    os.unlink(book)
                n += 1
        self.assertFalse(problems, '\n'.join(problems))
        self.assertGreaterEqual(n, 60)

    def test_operator_variable(self):
        self.base_book()
        problems = []
        for text in ['a\x01b', 'a\tb', '\x1b[31mred', 'x\x7f', '王\u202e伟', 'a\u200bb', '   ',
                     'x' * 41]:
            env = environment(COMMUNITY_LEDGER_OPERATOR=text)
            problems += self.refused(('spend', '10', '--payee', 'p', '--category', 'repair'),
                                     'community_ledger_operator', env=env)
        self.assertFalse(problems, '\n'.join(problems))

    def test_file_names(self):
        self.base_book()
        problems = []
        for c in ['\x01', '\x1b', '\u202e', '\u200b', '\ufeff']:
            pdf = os.path.join(self.dir, f'n{c}.pdf')
            problems += self.refused(('notice', pdf, '--period', '2026'), 'file name')
            if os.path.exists(pdf):
                problems.append(f'notice {pdf!r} left its file')
            scan = os.path.join(self.dir, f'scan{c}.jpg')
            with open(scan, 'wb') as f:
                f.write(b'\xff\xd8\xff\xe0 scan')
            problems += self.refused(('spend', '10', '--payee', 'p', '--category', 'repair',
                                      '--attach', scan), 'attach')
        self.assertFalse(problems, '\n'.join(problems))

    def test_csv_import(self):
        self.base_book()
        problems = []
        for c in INVISIBLE[:6]:
            csv = os.path.join(self.dir, 'h.csv')
            with open(csv, 'w', encoding='utf-8') as f:
                f.write(f'unit,owner,area\n2-1-101,赵{c}六,80\n')
            problems += self.refused(('household', 'import', csv), 'owner')
        self.assertFalse(problems, '\n'.join(problems))


class OldBookTest(Case):
    """A book holding what the validator refuses today still exports."""

    TEXTS = ['a\\x01b', 'x\\u202Ey', '_x0041_ literal', 'tab\\x09here', 'del\\x7f', 'esc\\x1b[31m',
             'zw\\u200Bsp 138\\u200B1234\\u200B1234']

    def test_exports_work(self):
        if not os.path.exists(OLD_TEXT):
            self.skipTest(f'{OLD_TEXT} not built')
        run(self.book, 'init', '--name', '旧账本')
        run(self.book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '50')
        run(self.book, 'bill', '2026')
        run(self.book, 'pay', '1-1-101', '100', '--date', '2026-02-01')
        run(self.book, 'spend', '10', '--payee', '五金店', '--category', 'repair',
            '--memo', '灯泡', '--date', '2026-02-02')
        subprocess.run([OLD_TEXT, self.book, *self.TEXTS], check=True, env=environment())
        # Tables outside the journal, edited as an old version could have
        # written them (append-only triggers put back after).
        trigger = subprocess.run(['sqlite3', self.book, "SELECT sql FROM sqlite_master "
                                  "WHERE name = 'expenditures_no_update'"],
                                 capture_output=True, check=True, text=True).stdout.strip()
        bad = "char(1)||char(0x202E)||char(27)||'[31m'||char(0x200B)"
        subprocess.run(['sqlite3', self.book, f"""
            DROP TRIGGER expenditures_no_update;
            UPDATE expenditures SET payee = '王'||char(0x200B)||'伟'||{bad},
                                    memo = '138'||char(0x200B)||'1234'||char(0x202E)||'1234'||{bad};
            {trigger};
            INSERT OR REPLACE INTO settings (key, value) VALUES ('committee', '业委会'||{bad});
            INSERT OR REPLACE INTO settings (key, value)
              VALUES ('publication_url', 'https://example.org/c?t=138-1234-1234');
            INSERT OR REPLACE INTO settings (key, value) VALUES ('address', '幸福路'||{bad});
            UPDATE households SET owner = '王伟'||{bad};"""], check=True)
        # The journal entries with such text verify (they are history); the
        # tables edited behind the journal's back do not, since issue 15.
        _, err, _ = run(self.book, 'verify', expect=3)
        self.assertRegex(err, 'table |journal entry ')
        xlsx = os.path.join(self.dir, 'a.xlsx')
        run(self.book, 'export', 'xlsx', xlsx)
        # The workbook shows the edited tables, which the journal does not give.
        _, err, _ = run(self.book, 'verify', '--export', xlsx, expect=3)
        self.assertIn('cell', err)
        for name, cells in workbook_cells(xlsx).items():
            for col, text in cells:
                leaf = name.startswith('日记账') and (len(col) > 1 or col >= 'J')
                bad = [c for c in text if (unicodedata.category(c) == 'Cc' and c not in '\n\t')
                       or unicodedata.category(c) == 'Cf']
                self.assertFalse(bad and not leaf, f'{name} {col}: {text!r}')
        pdf = os.path.join(self.dir, 'n.pdf')
        run(self.book, 'notice', pdf, '--period', '2026', '--png', pdf + '.png',
            '--html', pdf + '.html', '--qr-payload', pdf + '.qr')
        with open(pdf + '.qr', encoding='utf-8') as f:
            self.assertFalse(leaked_numbers(f.read(), ['13812341234']))
        for text in (pdf_text(pdf), html_text(pdf + '.html')):
            self.assertFalse(leaked_numbers(text, ['13812341234']), text)
            self.assertFalse([c for c in text if unicodedata.category(c) == 'Cc'
                              and c not in '\n\t\f'], text)
            self.assertNotIn('\u202e', text)
        run(self.book, 'receipt', '2026-000001', os.path.join(self.dir, 'r.pdf'))


if __name__ == '__main__':
    unittest.main(verbosity=2)
