#!/usr/bin/python3
"""test_messages.py — messages and exits

1. Nasty file names. Every command that takes a file (every FILE option
   and argument of --help, inputs and outputs, and --book) is given names
   with a newline, an escape sequence (ESC [31m), a carriage return, a tab,
   bytes that are not UTF-8, a bidi override (U+202E), a zero-width space
   and 300 characters, where the command must fail (a missing file, a
   missing folder). stderr must be exactly one line (besides the "Try …
   --help" hint), valid UTF-8, with no control character, no bidi or
   zero-width control, and the name recognisable in it.

2. Results that cannot be written. Every command of --help runs once with
   its output to a pipe and once, on a fresh copy of the book, to
   /dev/full: a command that printed something must then exit 1 with one
   line on stderr saying the result could not be written; a command that
   writes to the book and prints a number (pay, pay --batch, spend, vote
   new) must name that number on stderr, and it must be in the book.

3. The real cause of a book that cannot be opened: missing, a folder, a
   device, empty, cut short at many points (inside the header, at page
   boundaries, one byte short), random bytes, text, a foreign SQLite file,
   a book of a newer version, a locked book (and, when not root, one that
   cannot be read). Each names the file and says what is wrong.

    COMMUNITY_LEDGER=build/app/community-ledger \\
        /usr/bin/python3 tests/reliability/test_messages.py -v
"""

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(
    HERE, '..', '..', 'build', 'app', 'community-ledger')
NOW = '2026-06-30T10:00:00+08:00'

NASTY = {
    'newline': b'a\nb',
    'escape': b'a\x1b[31mred',
    'carriage-return': b'a\rb',
    'tab': b'a\tb',
    'not-utf8': b'a\xff\xfeb',
    'bidi': 'a\u202eb'.encode(),
    'zero-width': 'a\u200bb'.encode(),
    'long': b'x' * 300,
}
# Characters that must never reach the terminal raw.
FORBIDDEN = re.compile('[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]')


def env():
    return dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8', COMMUNITY_LEDGER_NOW=NOW)


def run(argv, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL):
    return subprocess.run([os.fsencode(BINARY), *[os.fsencode(a) for a in argv]], stdout=stdout,
                          stderr=subprocess.PIPE, stdin=stdin, env=env(), timeout=300)


class Fixture:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='messages-')
        self.template = os.path.join(self.dir, 'template.book')
        run(['--book', self.template, 'demo', '--households', '20', '--years', '1'])
        self.batch = os.path.join(self.dir, 'batch.csv')
        with open(self.batch, 'w') as f:
            f.write('unit,amount\n1-1-101,10\n1-1-102,20\n')
        self.scan = os.path.join(self.dir, 'scan.jpg')
        with open(self.scan, 'wb') as f:
            f.write(b'\xff\xd8 not really a jpeg')
        self.households = os.path.join(self.dir, 'new.csv')
        with open(self.households, 'w') as f:
            f.write('unit,owner,area\n8-8-801,赵六,80\n')
        self.n = 0

    def book(self):
        self.n += 1
        path = os.path.join(self.dir, f'b{self.n}.book')
        shutil.copyfile(self.template, path)
        return path

    def out(self, name):
        self.n += 1
        return os.path.join(self.dir, f'o{self.n}-{name}')


FIXTURE = None


def setUpModule():
    global FIXTURE
    FIXTURE = Fixture()


def tearDownModule():
    shutil.rmtree(FIXTURE.dir, ignore_errors=True)


def commands():
    text = run(['--help']).stdout.decode()
    return [m.group(1) for m in re.finditer(r'^  (\S+(?: [a-z]+)?)\s{2,}', text.split('Commands:')[1],
                                             re.M)]


def message_lines(stderr):
    return [l for l in stderr.split(b'\n') if l and not l.startswith(b'Try ')]


class Checks(unittest.TestCase):
    def assert_one_clean_line(self, label, proc, expect_in=None):
        lines = message_lines(proc.stderr)
        self.assertNotEqual(proc.returncode, 0, f'{label}: succeeded')
        self.assertEqual(len(lines), 1, f'{label}: {proc.stderr!r}')
        try:
            text = lines[0].decode('utf-8')
        except UnicodeDecodeError:
            self.fail(f'{label}: not UTF-8: {lines[0]!r}')
        self.assertIsNone(FORBIDDEN.search(text), f'{label}: raw control in {text!r}')
        if expect_in is not None:
            self.assertIn(expect_in, text, label)
        return text


# ---------------------------------------------------------------------------
# 1. Nasty file names

def file_places():
    """{(command, place)} for every FILE option and argument in --help."""
    places = set()
    for command in commands():
        text = run([*command.split(), '--help-all']).stdout.decode()
        for m in re.finditer(r'(--[a-z-]+)=FILE', text):
            if m.group(1) != '--book':
                places.add((command, m.group(1)))
        lines = text.splitlines()
        words = lines[1].split() if len(lines) > 1 else []
        for i, word in enumerate(words):
            if re.fullmatch(r'FILE(\.[a-z]+)?', word) and not words[i - 1].lstrip('[').startswith('--'):
                places.add((command, word))
    return places


def place_argv(command, place, path):
    """argv running @command with @path at @place (bytes path)."""
    pdf = FIXTURE.out('ok.pdf')
    table = {
        ('household import', 'FILE.csv'): ['household', 'import', path],
        ('pay', '--batch'): ['pay', '--batch', path],
        ('spend', '--attach'): ['spend', '10', '--payee', 'x', '--category', 'other', '--attach', path],
        ('vote ballot', '--scan'): ['vote', 'ballot', '2', '1-1-101', 'yes', '--scan', path],
        ('verify', '--export'): ['verify', '--export', path],
        ('verify', '--receipt'): ['verify', '--receipt', path],
        ('restore', 'FILE'): ['restore', path],
        ('export xlsx', 'FILE'): ['export', 'xlsx', path],
        ('notice', 'FILE.pdf'): ['notice', path],
        ('notice', '--png'): ['notice', pdf, '--png', path],
        ('notice', '--html'): ['notice', pdf, '--html', path],
        ('notice', '--qr-payload'): ['notice', pdf, '--qr-payload', path],
        ('receipt', 'FILE.pdf'): ['receipt', '2026-000001', path],
        ('backup', 'FILE'): ['backup', path],
    }
    return table[(command, place)]


class NastyNames(Checks):
    def test_every_place_is_known(self):
        missing = [p for p in file_places() if p not in self.known()]
        self.assertFalse(missing, f'add these to place_argv(): {missing}')

    @staticmethod
    def known():
        try:
            return {p for p in file_places() if place_argv(*p, b'x')}
        except KeyError:
            return set()

    def nasty_paths(self, ext):
        """(label, path): each nasty name as a file that does not exist,
        and inside a folder that does not exist."""
        base = os.fsencode(FIXTURE.dir)
        for label, name in NASTY.items():
            yield label, base + b'/' + name + ext
            yield label + '-folder', base + b'/' + name + b'/out' + ext

    def test_file_places(self):
        outputs = {('export xlsx', 'FILE'), ('notice', 'FILE.pdf'), ('notice', '--png'),
                   ('notice', '--html'), ('notice', '--qr-payload'), ('receipt', 'FILE.pdf'),
                   ('backup', 'FILE')}
        for command, place in sorted(file_places()):
            ext = b'.pdf' if place.endswith('.pdf') else b'.csv' if place.endswith('.csv') else b''
            for label, path in self.nasty_paths(ext):
                if (command, place) in outputs and not label.endswith('-folder'):
                    continue        # an output of any name can be written
                with self.subTest(f'{command} {place} {label}'):
                    argv = ['--book', FIXTURE.book(), *place_argv(command, place, path)]
                    proc = run(argv)
                    self.assert_one_clean_line(f'{command} {place} {label}', proc)

    def test_book_option(self):
        for label, path in self.nasty_paths(b'.book'):
            for argv in (['report', 'balance'], ['pay', '1-1-101', '10'], ['verify']):
                with self.subTest(f'--book {label} {argv[0]}'):
                    proc = run(['--book', path, *argv])
                    self.assert_one_clean_line(f'--book {label}', proc)

    def test_long_name_keeps_its_end(self):
        path = os.path.join(FIXTURE.dir, 'd' * 400, 'the-end.csv')
        proc = run(['--book', FIXTURE.book(), 'household', 'import', path])
        self.assert_one_clean_line('long', proc, expect_in='the-end.csv')

    def test_escapes_are_readable(self):
        proc = run(['--book', FIXTURE.book(), 'household', 'import',
                    os.fsencode(FIXTURE.dir) + b'/a\nb\x1b[31m\xff.csv'])
        text = self.assert_one_clean_line('escapes', proc)
        self.assertIn('a\\nb\\e[31m\\xFF.csv', text)


# ---------------------------------------------------------------------------
# 2. Results that cannot be written

def invocations():
    """One working invocation per command (argv after --book BOOK), with a
    regex for what it saved, when it saves a numbered thing."""
    return {
        'init': (['init', '--name', 'x'], None, 'fresh'),
        'household add': (['household', 'add', '9-9-901', '--owner', '张三', '--area', '80'], None, None),
        'household edit': (['household', 'edit', '1-1-101', '--area', '81'], None, None),
        'household import': (['household', 'import', FIXTURE.households], None, None),
        'household list': (['household', 'list', '--json'], None, None),
        'household show': (['household', 'show', '1-1-101'], None, None),
        'fee set': (['fee', 'set', 'property', '3.00', '--from', '2027-01-01'], None, None),
        'fee list': (['fee', 'list'], None, None),
        'bill': (['bill', '2026'], None, None),
        'pay': (['pay', '1-1-101', '10'], r'receipt (\d{4}-\d{6})', None),
        'opening balance': (['opening', 'balance', 'wechat', '10', '--date', '2026-01-01'], None, None),
        'opening arrears': (['opening', 'arrears', '1-1-101', 'property', '2020', '10'], None, None),
        'opening credit': (['opening', 'credit', '1-1-101', '10'], None, None),
        'account add': (['account', 'add', 'bank:工商银行'], None, None),
        'account list': (['account', 'list', '--json'], None, None),
        'account reconcile': (['account', 'reconcile', 'bank', '100', '--memo', '对账单'], None, None),
        # A bank receipt: the demo withdraws its WeChat takings to the bank, so
        # voiding a WeChat receipt would take WeChat below zero (issue 16).
        'void': (['void', '2026-000005', '--reason', 'x'], None, None),
        'waive': (['waive', '{owing}', '--reason', 'x', '--amount', '1'], None, None),
        'spend': (['spend', '10', '--payee', 'x', '--category', 'other'], r'expenditure (\d+)', None),
        'vote new': (['vote', 'new', '--title', 't', '--matter', '1'], r'vote (\d+)', None),
        'vote ballot': (['vote', 'ballot', '{vote}', '1-1-101', 'yes'], None, 'vote'),
        'vote close': (['vote', 'close', '{vote}'], None, 'vote'),
        'vote show': (['vote', 'show', '1', '--json'], None, None),
        'vote list': (['vote', 'list'], None, None),
        'spend-limit': (['spend-limit'], None, None),
        'member add': (['member', 'add', '李四', '--role', 'director'], None, None),
        'member role': (['member', 'role', '李四', 'treasurer'], None, 'member'),
        'member retire': (['member', 'retire', '李四'], None, 'member'),
        'member list': (['member', 'list', '--all'], None, None),
        'advance give': (['advance', 'give', '李四', '1', '--from', 'cash'], r'voucher (F\d{4}-\d{4})',
                         'member'),
        'advance return': (['advance', 'return', '李四', '1', '--to', 'cash'], r'voucher (S\d{4}-\d{4})',
                           'advance'),
        'advance list': (['advance', 'list', '--json'], None, None),
        'report': (['report', 'overview', '--json'], None, None),
        'backup': (['backup', '{out}'], None, None),
        'restore': (['restore', '{backup}'], None, None),
        'demo': (['demo', '--households', '5', '--years', '1'], None, 'fresh'),
        'verify': (['verify'], None, None),
        'proof consistency': (['proof', 'consistency', '1'], None, None),
        'proof': (['proof', '1', '--json'], None, None),
        'export xlsx': (['export', 'xlsx', '{out}'], None, None),
        'notice': (['notice', '{out}'], None, None),
        'receipt': (['receipt', '2026-000001', '{out}'], None, None),
        'settings': (['settings'], None, None),
        'transfer': (['transfer', '1', '--from', 'cash', '--to', 'bank'], r'voucher (Z\d{4}-\d{4})', None),
        'income': (['income', '1', '--category', 'interest', '--account', 'bank'],
                   r'voucher (S\d{4}-\d{4})', None),
        'refund': (['refund', '1-1-101', '1', '--method', 'cash', '--reason', 'x'],
                   r'voucher (F\d{4}-\d{4})', 'credit'),
        'period list': (['period', 'list', '--json'], None, None),
        'period close': (['period', 'close', '2025'], None, 'published'),
    }


def prepare(kind):
    if kind == 'fresh':
        return FIXTURE.out('fresh.book')
    book = FIXTURE.book()
    if kind == 'member':
        run(['--book', book, 'member', 'add', '李四', '--role', 'director'])
    if kind == 'vote':
        run(['--book', book, 'vote', 'new', '--title', 't', '--matter', '1'])
    if kind == 'credit':
        run(['--book', book, 'pay', '1-1-101', '5000'])
    if kind == 'published':
        run(['--book', book, 'notice', FIXTURE.out('published.pdf'), '--period', '2025'])
    if kind == 'advance':
        run(['--book', book, 'member', 'add', '李四', '--role', 'director'])
        run(['--book', book, 'advance', 'give', '李四', '1', '--from', 'cash'])
    return book


def owing(book):
    """'UNIT FEE YEAR' of a charge that is still owed."""
    arrears = json.loads(run(['--book', book, 'report', 'arrears', '--json']).stdout)
    unit = arrears['households'][0]['unit']
    year = arrears['households'][0]['last_year']
    for fee in ('property', 'parking'):
        probe = FIXTURE.out('probe.book')
        shutil.copyfile(book, probe)
        if run(['--book', probe, 'waive', unit, fee, str(year), '--reason', 'x',
                '--amount', '1']).returncode == 0:
            return [unit, fee, str(year)]
    raise AssertionError('no charge is owed in the demo book')


def fill(argv, book):
    backup = FIXTURE.out('b.book')
    shutil.copyfile(FIXTURE.template, backup)
    out = []
    for a in argv:
        if a == '{owing}':
            out += owing(book)
        elif a == '{vote}':
            out.append(str(max_vote(book)))
        else:
            out.append(a.replace('{out}', FIXTURE.out('out')).replace('{backup}', backup))
    return out


def max_vote(book):
    con = sqlite3.connect(book)
    try:
        return con.execute('SELECT max(id) FROM votes').fetchone()[0]
    finally:
        con.close()


class FullOutput(Checks):
    def test_every_command_is_listed(self):
        self.assertEqual(sorted(set(commands()) - set(invocations())), [])

    def test_dev_full(self):
        for command, (argv, saved, kind) in sorted(invocations().items()):
            with self.subTest(command):
                book = prepare(kind)
                normal = run(['--book', book, *fill(argv, book)])
                self.assertEqual(normal.returncode, 0, f'{command}: {normal.stderr!r}')
                book = prepare(kind)
                with open('/dev/full', 'wb') as full:
                    proc = run(['--book', book, *fill(argv, book)], stdout=full)
                if not normal.stdout:
                    self.assertEqual(proc.returncode, 0, f'{command}: {proc.stderr!r}')
                    continue
                self.assertEqual(proc.returncode, 1, f'{command}: {proc.stderr!r}')
                text = self.assert_one_clean_line(command, proc, expect_in='standard output')
                if saved:
                    m = re.search(saved, text)
                    self.assertIsNotNone(m, f'{command}: nothing named in {text!r}')
                    if command == 'pay':
                        shown = run(['--book', book, 'household', 'show', '1-1-101']).stdout.decode()
                        self.assertIn(m.group(1), shown)

    def test_batch_names_its_receipts(self):
        book = FIXTURE.book()
        with open('/dev/full', 'wb') as full:
            proc = run(['--book', book, 'pay', '--batch', FIXTURE.batch], stdout=full)
        text = self.assert_one_clean_line('pay --batch', proc, expect_in='standard output')
        numbers = re.findall(r'\d{4}-\d{6}', text)
        self.assertEqual(len(numbers), 2, text)
        for unit, number in (('1-1-101', numbers[0]), ('1-1-102', numbers[1])):
            self.assertIn(number, run(['--book', book, 'household', 'show', unit]).stdout.decode())

    def test_closed_pipe(self):
        """A reader that went away: a write still names what it saved."""
        book = FIXTURE.book()
        for argv, saved in ((['pay', '1-1-102', '10'], r'receipt (\d{4}-\d{6})'),
                            (['report', 'balance'], None)):
            with self.subTest(argv[0]):
                read, write = os.pipe()
                os.close(read)
                try:
                    proc = run(['--book', book, *argv], stdout=write)
                finally:
                    os.close(write)
                self.assertEqual(proc.returncode, 1, proc.stderr)
                if saved is None:
                    self.assertEqual(message_lines(proc.stderr), [])
                    continue
                text = self.assert_one_clean_line(argv[0], proc, expect_in='standard output')
                number = re.search(saved, text).group(1)
                self.assertIn(number, run(['--book', book, 'household', 'show', '1-1-102']).stdout.decode())

    def test_help_and_version(self):
        for argv in (['--help'], ['--version'], ['pay', '--help'], ['report', '--help']):
            with self.subTest(' '.join(argv)):
                with open('/dev/full', 'wb') as full:
                    proc = run(argv, stdout=full)
                self.assert_one_clean_line(' '.join(argv), proc, expect_in='standard output')


# ---------------------------------------------------------------------------
# 3. Books that cannot be opened

class BookOpen(Checks):
    def variant(self, name, data):
        path = os.path.join(FIXTURE.dir, name)
        with open(path, 'wb') as f:
            f.write(data)
        return path

    def check(self, path, expect_words, expect_status=1):
        for argv in (['report', 'balance'], ['pay', '1-1-101', '10'], ['verify']):
            proc = run(['--book', path, *argv])
            text = self.assert_one_clean_line(f'{path} {argv[0]}', proc)
            self.assertEqual(proc.returncode, expect_status, f'{path}: {text}')
            self.assertIn(os.path.basename(path), text)
            self.assertTrue(any(w in text for w in expect_words), f'{path}: {text}')

    def test_cut_short(self):
        with open(FIXTURE.template, 'rb') as f:
            whole = f.read()
        page = int.from_bytes(whole[16:18], 'big') or 65536
        cuts = {1, 15, 50, 99, 100, 101, 4096, 8192, page * 2, page * 3 + 7, len(whole) // 2,
                len(whole) - page, len(whole) - 1}
        cuts |= set(random.Random(13).sample(range(1, len(whole)), 8))
        for n in sorted(cuts):
            with self.subTest(cut=n):
                path = self.variant(f'cut-{n}.book', whole[:n])
                self.check(path, ('cut short', 'damaged'))

    def test_empty(self):
        self.check(self.variant('empty.book', b''), ('empty',))

    def test_damaged_pages(self):
        with open(FIXTURE.template, 'rb') as f:
            whole = bytearray(f.read())
        page = int.from_bytes(whole[16:18], 'big') or 65536
        whole[page:] = b'\xa5' * (len(whole) - page)   # every page but the first
        self.check(self.variant('garbled.book', bytes(whole)), ('damaged',))

    def test_not_a_database(self):
        rng = random.Random(7)
        for name, data in (('text.book', b'hello, this is a note\n' * 50),
                           ('random.book', bytes(rng.randrange(256) for _ in range(9000))),
                           ('zip.book', b'PK\x03\x04' + bytes(4000))):
            with self.subTest(name):
                self.check(self.variant(name, data), ('not a Community Ledger book',))

    def test_foreign_sqlite(self):
        path = os.path.join(FIXTURE.dir, 'foreign.book')
        con = sqlite3.connect(path)
        con.execute('CREATE TABLE t (x)')
        con.commit()
        con.close()
        self.check(path, ('not a Community Ledger book',))

    def test_newer_version(self):
        path = FIXTURE.book()
        con = sqlite3.connect(path)
        con.execute('PRAGMA user_version = 9999')
        con.commit()
        con.close()
        self.check(path, ('newer version',))

    def test_missing_folder_device(self):
        self.check(os.path.join(FIXTURE.dir, 'missing.book'), ('no book',))
        folder = os.path.join(FIXTURE.dir, 'folder.book')
        os.makedirs(folder, exist_ok=True)
        self.check(folder, ('folder',))
        self.check('/dev/null', ('not a regular file',))

    def test_locked(self):
        path = FIXTURE.book()
        con = sqlite3.connect(path, isolation_level=None)
        con.execute('BEGIN EXCLUSIVE')
        try:
            proc = run(['--book', path, 'pay', '1-1-101', '10'])
            text = self.assert_one_clean_line('locked', proc)
            self.assertIn('in use', text)
            self.assertIn(os.path.basename(path), text)
        finally:
            con.rollback()
            con.close()

    @unittest.skipIf(os.geteuid() == 0, 'root reads a file whatever its mode')
    def test_unreadable(self):
        path = FIXTURE.book()
        os.chmod(path, 0)
        self.check(path, ('Permission denied',))


if __name__ == '__main__':
    unittest.main()
