#!/usr/bin/python3
"""test_round3_io.py — issue 13, round 3: inputs and messages, new cases

The outside tester's classes "Inputs that break the book for good, or
exhaust memory" and "Messages and exits", attacked again after round 2.
Each function is one case; each FAILS while its defect is there.

    COMMUNITY_LEDGER=build/app/community-ledger python3 tests/reliability/test_round3_io.py

Exit status: 0 when every case passes, 1 otherwise. Python 3 standard
library only.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(
    HERE, '..', '..', 'build', 'app', 'community-ledger')
BINARY = os.path.abspath(BINARY)
NOW = '2026-06-30T10:00:00+08:00'


def env_for(book):
    env = dict(os.environ)
    env['COMMUNITY_LEDGER_NOW'] = NOW
    env['COMMUNITY_LEDGER_BOOK'] = book
    env.pop('COMMUNITY_LEDGER_OPERATOR', None)
    env['LANG'] = 'C.UTF-8'
    env['LC_ALL'] = 'C.UTF-8'
    return env


def run(book, *args, check=None, stdout=subprocess.PIPE, timeout=120):
    proc = subprocess.run([BINARY, '--book', book, *args], env=env_for(book), cwd=os.path.dirname(book),
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout)
    out = (proc.stdout or b'').decode('utf-8', 'replace')
    err = proc.stderr.decode('utf-8', 'replace')
    if check is not None and proc.returncode != check:
        raise AssertionError('setup step %r exited %d (wanted %d): %s' % (args, proc.returncode, check, err.strip()))
    return proc.returncode, out, err


_TEMPLATE = {}


def demo_book(tmp, name='book.clbook'):
    """A copy of one demo book made once per run."""
    if 'path' not in _TEMPLATE:
        base = tempfile.mkdtemp(prefix='r3io-template-')
        path = os.path.join(base, 'template.clbook')
        run(path, 'demo', check=0)
        _TEMPLATE['path'] = path
    book = os.path.join(tmp, name)
    shutil.copyfile(_TEMPLATE['path'], book)
    return book


def full_stdout_names_what_was_saved(tmp):
    """Every command that writes, with its standard output on a full disk
    (/dev/full), exits 1 and says what it saved all the same. Before: bill,
    backup, restore, export xlsx, notice and init said only "the result could
    not be written", as if nothing had been done."""
    book = demo_book(tmp)
    backup = os.path.join(tmp, 'copy.clbook')
    run(book, 'backup', backup, check=0)
    cases = [
        (['bill', '2026'], 'book.clbook'),
        (['backup', os.path.join(tmp, 'b2.clbook')], 'b2.clbook'),
        (['export', 'xlsx', os.path.join(tmp, 'w.xlsx')], 'w.xlsx'),
        (['notice', os.path.join(tmp, 'n.pdf')], 'n.pdf'),
        (['restore', backup], 'before-restore'),
    ]
    problems = []
    with open('/dev/full', 'wb') as full:
        for args, named in cases:
            rc, _, err = run(book, *args, stdout=full)
            if rc != 1 or 'saved all the same' not in err or named not in err:
                problems.append('%s: exit %d, %r' % (' '.join(args[:2]), rc, err.strip()))
        new = os.path.join(tmp, 'new.clbook')
        rc, _, err = run(new, 'init', '--name', 'X', stdout=full)
        if rc != 1 or 'saved all the same' not in err or 'new.clbook' not in err:
            problems.append('init: exit %d, %r' % (rc, err.strip()))
    assert not problems, '; '.join(problems)


def shared_string_references_are_bounded(tmp):
    """A 35 KB workbook whose rows are 16,000 references to one 120 KB shared
    string: each reference copies the string, so one row is 1.9 GB in memory
    (verify --export took 1.9 GB; under a smaller memory limit it aborted).
    The copies count against the row's 4 MB bound: exit 3, "a row holds more
    than 4 MB of text", in little memory."""
    import resource
    import zipfile
    book = demo_book(tmp)
    good = os.path.join(tmp, 'good.xlsx')
    run(book, 'export', 'xlsx', good, check=0)
    bomb = os.path.join(tmp, 'bomb.xlsx')
    big = 'A' * (120 * 1024)
    ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    shared = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="1" uniqueCount="1">'
              '<si><t>%s</t></si></sst>' % (ns, big))
    cells = '<c t="s"><v>0</v></c>' * 16000
    rows = ''.join('<row r="%d">%s</row>' % (r, cells) for r in range(1, 4))
    sheet = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (ns, rows)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, 'w', zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith('xl/worksheets/sheet'):
                data = sheet.encode()
            elif info.filename == '[Content_Types].xml':
                data = data.replace(b'</Types>', b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            out.writestr(info.filename, data)
        out.writestr('xl/sharedStrings.xml', shared)

    proc, peak = run_limited([BINARY, '--book', book, 'verify', '--export', bomb], env_for(book), tmp)
    err = proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 3 and 'a row holds more than 4 MB of text' in err and 'bomb.xlsx' in err, \
        'exit %d: %r' % (proc.returncode, err.strip()[-300:])
    assert peak < LIMIT_MB, 'peak memory %d MB' % peak


LIMIT_MB = 768


def run_limited(argv, env, cwd):
    """Runs @argv under a 768 MB address-space limit and returns the process
    and its peak resident memory in MB (wait4: that one child). Under
    AddressSanitizer (ASAN_OPTIONS set by the asan test setup) the address
    space cannot be limited — the sanitizer reserves terabytes of shadow
    memory at start — so there only the measured peak is asserted."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_MB << 20, LIMIT_MB << 20))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=err,
                                 preexec_fn=None if 'ASAN_OPTIONS' in os.environ else limit)
        _, status, usage = os.wait4(child.pid, 0)
        out.seek(0)
        err.seek(0)
        proc = subprocess.CompletedProcess(argv, os.waitstatus_to_exitcode(status), out.read(), err.read())
    return proc, usage.ru_maxrss // 1024


def csv_fields_are_bounded(tmp):
    """household import (the command and the window's import dialog share the
    reader) of a CSV whose one line is 8 million commas: every empty field
    was kept, 1.2 GB for an 8 MB file (a 60 MB one took 9 GB), and under a
    768 MB limit the program aborted. Now the fields past 1,000 are not kept:
    the padding is dropped, text past it is "a row has more than 1000
    fields", exit 2, in little memory."""
    book = demo_book(tmp)
    padded = os.path.join(tmp, 'padded.csv')
    with open(padded, 'w') as f:
        f.write('unit,owner,area\n' + ',' * (8 << 20) + '\n')
    wide = os.path.join(tmp, 'wide.csv')
    with open(wide, 'w') as f:
        f.write('unit,owner,area\n9-9-909,王,50' + ',x' * 2000 + '\n')
    problems = []
    for path, wanted in ((padded, 'has no households'), (wide, 'line 2: a row has more than 1000 fields')):
        for command in (['household', 'import'], ['pay', '--batch']):
            proc, peak = run_limited([BINARY, '--book', book, *command, path], env_for(book), tmp)
            err = proc.stderr.decode('utf-8', 'replace')
            if proc.returncode != 2 or (command[0] == 'household' and wanted not in err) or peak >= LIMIT_MB:
                problems.append('%s %s: exit %d, peak %d MB, %r' % (' '.join(command), os.path.basename(path),
                                                                    proc.returncode, peak, err.strip()[-200:]))
    assert not problems, '; '.join(problems)


CASES = [
    full_stdout_names_what_was_saved,
    shared_string_references_are_bounded,
    csv_fields_are_bounded,
]


def main():
    failed = 0
    for case in CASES:
        tmp = tempfile.mkdtemp(prefix='r3io-')
        try:
            case(tmp)
            print('ok   %s' % case.__name__)
        except Exception as exc:   # noqa: BLE001 — report every case
            failed += 1
            print('FAIL %s: %s' % (case.__name__, exc))
            if not isinstance(exc, AssertionError):
                traceback.print_exc()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if 'path' in _TEMPLATE:
        shutil.rmtree(os.path.dirname(_TEMPLATE['path']), ignore_errors=True)
    print('%d of %d cases failed' % (failed, len(CASES)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

# Known, not fixed: why
# ---------------------
# restore_of_damaged_backup_names_it_as_the_backup: `restore half.clbook`
# where half.clbook is a backup cut short says "The book half.clbook is
# damaged (the file is cut short: …); restore it from a backup" — the real
# file and cause, but called "the book" with advice that makes no sense for
# the backup being restored, and without "the book is unchanged". The words
# are built by the shared open path (ledger-book-file.c, ledger-book.c) for
# every caller; giving restore its own wording needs the cause passed apart
# from the message, more than a small fix this round.
