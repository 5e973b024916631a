#!/usr/bin/python3
"""test_bounded_reads.py — every read of user-supplied input is bounded

1. Streams with no end or no size. Every input-file option and argument
   of every command (the list is derived from each command's --help: an
   option or argument taking a FILE that is not a known output must be in
   INPUTS, so a new one cannot go untested) is given /dev/zero,
   /dev/urandom, a FIFO whose writer never stops, a FIFO that never gets
   a writer, a sparse file of 8 GB,
   a pipe that never ends (`<(yes)`, as /dev/fd/N) and, where the option
   takes "-", standard input that never ends. Each run must end with a
   failure (exit 1 or 2, one line on stderr naming the option or the file),
   leave the book as it was (`sqlite3 .dump`), and its peak memory
   (ru_maxrss of that one child, from wait4) must stay below
   MEMORY_CEILING_MB. Memory is asserted, not time: the only time limit is
   a generous one against a hang.

2. Zip bombs for `verify --export`: a part of deflated zeros larger than
   the part limit, a directory that understates a part's size, more parts
   than the limit, parts whose total passes the limit, a huge shared-strings
   table (many entries; one endless string), elements nested a million
   deep and one enormous cell. Each must be "not a readable workbook"
   (exit 3) in one line, below the same memory ceiling.

    COMMUNITY_LEDGER=build/app/community-ledger \\
        /usr/bin/python3 tests/reliability/test_bounded_reads.py -v
"""

import os
import re
import shutil
import sqlite3
import struct
import subprocess
import tempfile
import threading
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(
    HERE, '..', '..', 'build', 'app', 'community-ledger')
NOW = '2026-06-30T10:00:00+08:00'
MEMORY_CEILING_MB = 200
HANG_SECONDS = 300          # a hang detector, not a timing assertion

# Options and arguments that name a file the command WRITES (the paths
# helper's battery covers them); every other FILE is an input.
OUTPUTS = {
    ('export xlsx', 'FILE'), ('notice', 'FILE.pdf'), ('notice', '--png'), ('notice', '--html'),
    ('notice', '--qr-payload'), ('receipt', 'FILE.pdf'), ('backup', 'FILE'),
}
# Every input: how to run the command with PATH in that place. A '-'
# entry means standard input is accepted there.
INPUTS = {
    ('household import', 'FILE.csv'): (['household', 'import', '{}'], False),
    ('pay', '--batch'): (['pay', '--batch', '{}'], True),
    ('spend', '--attach'): (['spend', '10', '--payee', 'x', '--category', 'other',
                             '--attach', '{}'], False),
    ('vote ballot', '--scan'): (['vote', 'ballot', '1', '1-1-101', 'yes', '--scan', '{}'], False),
    ('verify', '--export'): (['verify', '--export', '{}'], False),
    ('verify', '--receipt'): (['verify', '--receipt', '{}'], False),
    ('restore', 'FILE'): (['restore', '{}'], False),
}


def env():
    e = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8', COMMUNITY_LEDGER_NOW=NOW)
    # Under AddressSanitizer freed memory is held in a quarantine (256 MB
    # by default) before it is reused, so the peak RSS measured below is
    # the sanitizer's as much as the program's: a 120 MB shared-strings
    # bomb, refused within its bound, measured 201 MB. A small quarantine
    # keeps the ceiling a measure of what the program itself holds.
    if 'ASAN_OPTIONS' in e:
        e['ASAN_OPTIONS'] += ':quarantine_size_mb=16'
    return e


def run_measured(argv, stdin=subprocess.DEVNULL, pass_fds=()):
    """Runs the program; returns (status, stdout, stderr, peak RSS in MB)
    of that one child (wait4, so other children do not count)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([BINARY, *argv], stdin=stdin, stdout=out, stderr=err,
                                env=env(), pass_fds=pass_fds)
        timer = threading.Timer(HANG_SECONDS, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read(), err.read(), usage.ru_maxrss / 1024


def dump(book):
    con = sqlite3.connect(book)
    try:
        return '\n'.join(con.iterdump())
    finally:
        con.close()


def commands():
    """Every command name, from the top-level --help."""
    text = subprocess.run([BINARY, '--help'], capture_output=True, text=True, env=env()).stdout
    names = []
    for line in text.split('\nCommands:\n', 1)[1].splitlines():
        m = re.match(r'^  (\S+(?: [a-z]+)?)\s{2,}', line)
        if m:
            names.append(m.group(1))
    return names


def file_places(command):
    """(command, place) for every option taking FILE and every FILE-like
    positional of the command's usage line."""
    proc = subprocess.run([BINARY, *command.split(), '--help-all'], capture_output=True,
                          text=True, env=env())
    text = proc.stdout
    places = set()
    for m in re.finditer(r'(--[a-z-]+)=FILE', text):
        if m.group(1) != '--book':
            places.add((command, m.group(1)))
    lines = text.splitlines()
    usage = lines[1] if len(lines) > 1 else ''
    words = usage.split()
    for i, word in enumerate(words):
        # A FILE after an option word is that option's value, found above.
        if re.fullmatch(r'FILE(\.[a-z]+)?', word) and not words[i - 1].lstrip('[').startswith('--'):
            places.add((command, word))
    return places


class Fixture:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='bounded-')
        self.template = os.path.join(self.dir, 'template.book')
        subprocess.run([BINARY, '--book', self.template, 'demo', '--households', '30', '--years', '1'],
                       check=True, capture_output=True, env=env())
        subprocess.run([BINARY, '--book', self.template, 'vote', 'new', '--title', 'Lift',
                        '--matter', '1'], check=True, capture_output=True, env=env())
        self.sparse = os.path.join(self.dir, 'sparse.bin')
        with open(self.sparse, 'wb') as f:
            f.truncate(8 * 1024 ** 3)

    def fresh_book(self, name):
        book = os.path.join(self.dir, name + '.book')
        shutil.copyfile(self.template, book)
        return book


FIXTURE = None


def setUpModule():
    global FIXTURE
    FIXTURE = Fixture()


def tearDownModule():
    shutil.rmtree(FIXTURE.dir, ignore_errors=True)


class EndlessFifo:
    """A FIFO with a writer that never stops (until the reader goes)."""

    def __init__(self, directory):
        self.path = os.path.join(directory, 'endless.fifo')
        if os.path.exists(self.path):
            os.unlink(self.path)
        os.mkfifo(self.path)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.write, daemon=True)
        self.thread.start()

    def write(self):
        chunk = b'1-1-101,10\n' * 6000
        fd = None
        while not self.stop.is_set() and fd is None:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:        # ENXIO: no reader yet
                self.stop.wait(0.01)
        if fd is None:
            return
        os.set_blocking(fd, True)
        try:
            while not self.stop.is_set():
                os.write(fd, chunk)
        except OSError:            # EPIPE: the reader is gone
            pass
        finally:
            os.close(fd)

    def close(self):
        self.stop.set()
        # Unblock a writer waiting for a reader that never came.
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
            os.close(fd)
        except OSError:
            pass
        self.thread.join(10)
        os.unlink(self.path)


class EndlessInputs(unittest.TestCase):
    def assert_bounded(self, label, book, before, status, err, rss):
        lines = [l for l in err.decode('utf-8', 'replace').splitlines()
                 if l and not l.startswith('Try ')]
        self.assertIn(status, (1, 2, 3), f'{label}: exit {status}, stderr {err!r}')
        self.assertEqual(len(lines), 1, f'{label}: stderr {err!r}')
        self.assertLess(rss, MEMORY_CEILING_MB, f'{label}: {rss:.0f} MB')
        self.assertEqual(dump(book), before, f'{label}: the book changed')

    def test_every_file_option_is_known(self):
        """A new FILE option or argument must be classified here."""
        found = set()
        for command in commands():
            found |= file_places(command)
        unknown = found - OUTPUTS - set(INPUTS)
        self.assertFalse(unknown, f'classify these in test_bounded_reads.py: {sorted(unknown)}')
        self.assertTrue(set(INPUTS) <= found, f'gone from --help: {sorted(set(INPUTS) - found)}')

    def test_endless_sources(self):
        sources = ['/dev/zero', '/dev/urandom', 'sparse', 'fifo', 'lonely-fifo', 'pipe', 'stdin']
        for (command, place), (argv, takes_dash) in sorted(INPUTS.items()):
            for source in sources:
                if source == 'stdin' and not takes_dash:
                    source = 'stdin-as-dev'
                label = f'{command} {place} <- {source}'
                with self.subTest(label):
                    self.run_case(label, argv, source)

    def run_case(self, label, argv, source):
        book = FIXTURE.fresh_book('case')
        before = dump(book)
        stdin = subprocess.DEVNULL
        pass_fds = ()
        fifo = producer = None
        if source == 'sparse':
            path = FIXTURE.sparse
        elif source == 'fifo':
            fifo = EndlessFifo(FIXTURE.dir)
            path = fifo.path
        elif source == 'lonely-fifo':       # no writer ever: must not wait forever
            path = os.path.join(FIXTURE.dir, 'lonely.fifo')
            if not os.path.exists(path):
                os.mkfifo(path)
        elif source in ('pipe', 'stdin', 'stdin-as-dev'):
            producer = subprocess.Popen(['yes', '1-1-101,10'], stdout=subprocess.PIPE)
            if source == 'pipe':
                pass_fds = (producer.stdout.fileno(),)
                path = f'/dev/fd/{producer.stdout.fileno()}'
            else:
                stdin = producer.stdout
                path = '-' if source == 'stdin' else '/dev/stdin'
        else:
            path = source
        try:
            args = ['--book', book] + [a.replace('{}', path) for a in argv]
            status, _, err, rss = run_measured(args, stdin=stdin, pass_fds=pass_fds)
        finally:
            if fifo:
                fifo.close()
            if producer:
                producer.kill()
                producer.stdout.close()
                producer.wait()
        self.assert_bounded(label, book, before, status, err, rss)


# ---------------------------------------------------------------------------
# Zip bombs

def deflate_raw(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def deflate_zeros(size):
    """Raw deflate of @size zero bytes, without holding them all."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1 << 20)
    out = []
    crc = 0
    left = size
    while left:
        n = min(left, len(block))
        out.append(c.compress(block[:n]))
        crc = zlib.crc32(block[:n], crc)
        left -= n
    out.append(c.flush())
    return b''.join(out), crc


def write_zip(path, entries):
    """entries: (name, deflated bytes, crc, declared size)."""
    with open(path, 'wb') as f:
        directory = b''
        for name, data, crc, size in entries:
            offset = f.tell()
            raw = name.encode()
            f.write(struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0, crc,
                                len(data), size, len(raw), 0) + raw)
            f.write(data)
            directory += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0, crc,
                                     len(data), size, len(raw), 0, 0, 0, 0, 0, offset) + raw
        start = f.tell()
        f.write(directory)
        count = min(len(entries), 0xFFFE)
        f.write(struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, count, count, len(directory), start, 0))


def part(name, text):
    data = text.encode() if isinstance(text, str) else text
    return (name, deflate_raw(data), zlib.crc32(data), len(data))


def real_parts():
    """The parts of a real auditor's workbook (name → bytes), and the
    entry of its Journal sheet: bombs replace or add parts to it, so that
    the reader gets past everything but the bomb."""
    import zipfile
    path = os.path.join(FIXTURE.dir, 'real.xlsx')
    if not os.path.exists(path):
        subprocess.run([BINARY, '--book', FIXTURE.template, 'export', 'xlsx', path], check=True,
                       capture_output=True, env=env())
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    workbook = parts['xl/workbook.xml'].decode()
    rid = re.search(r'<sheet name="日记账" sheetId="\d+" r:id="(rId\d+)"', workbook).group(1)
    rels = parts['xl/_rels/workbook.xml.rels'].decode()
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels).group(1)
    return parts, 'xl/' + target


def with_parts(extra, more_journals=0):
    """Zip entries: the real parts, those of @extra ((name, deflated, crc,
    size)) replacing or added, and @more_journals more Journal sheets
    (日记账2 …, at xl/worksheets/journalN.xml) for @extra to fill."""
    parts, _ = real_parts()
    workbook = parts['xl/workbook.xml'].decode()
    rels = parts['xl/_rels/workbook.xml.rels'].decode()
    for n in range(2, 2 + more_journals):
        workbook = workbook.replace('</sheets>', f'<sheet name="日记账{n}" sheetId="{90 + n}" '
                                    f'r:id="rId{90 + n}"/></sheets>')
        rels = rels.replace('</Relationships>', f'<Relationship Id="rId{90 + n}" '
                            f'Target="worksheets/journal{n}.xml"/></Relationships>')
    parts['xl/workbook.xml'] = workbook.encode()
    parts['xl/_rels/workbook.xml.rels'] = rels.encode()
    replaced = {e[0] for e in extra}
    return [part(name, data) for name, data in parts.items() if name not in replaced] + list(extra)


def journal_entry():
    return real_parts()[1]


def repeated(prefix, unit, count, suffix):
    """A part made of @unit repeated @count times, deflated in pieces."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(prefix)
    out = [c.compress(prefix)]
    block = unit * max(1, (1 << 20) // len(unit))
    n_block = len(block) // len(unit)
    left = count
    while left:
        n = min(left, n_block)
        piece = block[:n * len(unit)]
        out.append(c.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= n
    out.append(c.compress(suffix))
    crc = zlib.crc32(suffix, crc)
    out.append(c.flush())
    return b''.join(out), crc, len(prefix) + len(unit) * count + len(suffix)


class ZipBombs(unittest.TestCase):
    def bomb(self, name, entries):
        path = os.path.join(FIXTURE.dir, name + '.xlsx')
        write_zip(path, entries)
        book = FIXTURE.fresh_book('zip')
        status, _, err, rss = run_measured(['--book', book, 'verify', '--export', path])
        lines = [l for l in err.decode('utf-8', 'replace').splitlines() if l]
        self.assertEqual(status, 3, f'{name}: exit {status}, {err!r}')
        self.assertEqual(len(lines), 1, f'{name}: {err!r}')
        self.assertIn('not a readable workbook', lines[0], name)
        self.assertLess(rss, MEMORY_CEILING_MB, f'{name}: {rss:.0f} MB')
        return lines[0]

    def test_part_of_zeros_too_large(self):
        data, crc = deflate_zeros(600 * 1024 * 1024)
        self.bomb('zeros', with_parts([('xl/sharedStrings.xml', data, crc, 600 * 1024 * 1024)]))

    def test_directory_understates_a_part(self):
        data, crc, size = repeated(b'<sst>', b'<si><t>a</t></si>', 5_000_000, b'</sst>')
        line = self.bomb('liar', with_parts([('xl/sharedStrings.xml', data, crc, 1000)]))
        self.assertIn('directory says', line)

    def test_too_many_parts(self):
        self.bomb('many', with_parts([part(f'xl/media/{i}.bin', b'x') for i in range(12000)]))

    def test_total_inflated(self):
        """Three Journal sheets of 400 MB each of valid XML: each within
        the part limit, together past the total."""
        data, crc, size = repeated(b'<worksheet>', b'<x/>', 100 * 1024 * 1024, b'</worksheet>')
        sheets = [(journal_entry(), data, crc, size)]
        sheets += [(f'xl/worksheets/journal{n}.xml', data, crc, size) for n in (2, 3)]
        line = self.bomb('total', with_parts(sheets, more_journals=2))
        self.assertIn('in all', line)

    def test_many_shared_strings(self):
        data, crc, size = repeated(b'<sst>', b'<si><t>a</t></si>', 3_000_000, b'</sst>')
        self.bomb('sst-count', with_parts([('xl/sharedStrings.xml', data, crc, size)]))

    def test_shared_strings_text(self):
        data, crc, size = repeated(b'<sst>', b'<si><t>' + b'a' * 60000 + b'</t></si>', 2000, b'</sst>')
        self.bomb('sst-text', with_parts([('xl/sharedStrings.xml', data, crc, size)]))

    def test_one_endless_string(self):
        data, crc, size = repeated(b'<sst><si><t>', b'a', 300 * 1024 * 1024, b'</t></si></sst>')
        self.bomb('sst-one', with_parts([('xl/sharedStrings.xml', data, crc, size)]))

    def test_endless_attribute(self):
        data, crc, size = repeated(b'<sst><si a="', b'a', 300 * 1024 * 1024, b'"/></sst>')
        self.bomb('attribute', with_parts([('xl/sharedStrings.xml', data, crc, size)]))

    def test_deep_nesting(self):
        data, crc, size = repeated(b'<worksheet>', b'<a>', 3_000_000, b'</worksheet>')
        self.bomb('deep', with_parts([(journal_entry(), data, crc, size)]))

    def test_huge_cell(self):
        data, crc, size = repeated(b'<worksheet><sheetData><row r="2"><c r="A2"><v>', b'7' * 1000,
                                   200_000, b'</v></c></row></sheetData></worksheet>')
        self.bomb('cell', with_parts([(journal_entry(), data, crc, size)]))

    def test_huge_row(self):
        cell = b''.join(b'<c r="%s2" t="inlineStr"><is><t>%s</t></is></c>' % (col, b'x' * 100000)
                        for col in (b'I', b'J', b'K', b'L', b'M', b'N', b'O', b'P'))
        data, crc, size = repeated(b'<worksheet><sheetData><row r="2">', cell, 8,
                                   b'</row></sheetData></worksheet>')
        self.bomb('row', with_parts([(journal_entry(), data, crc, size)]))


if __name__ == '__main__':
    unittest.main()
