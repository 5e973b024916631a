#!/usr/bin/python3
"""test_concurrency.py — other programs, read-only folders and full disks

Each case ends with book_checks.check_book() (verify, integrity_check, no
half operation, gapless receipts, nothing reported saved is missing) and,
where a write was refused, a dump compared with the one taken before.

- two command-line writers: 2 threads × CONCURRENT_PAYMENTS (50) runs of
  `community-ledger pay` on one book at once. Every run that printed a
  receipt number must find it in the book, numbers gapless; a run that gave
  up on the lock must say "in use" and exit 1 (it is then run again, so
  all payments land).
- two long-lived writers: 2 reliability-driver processes × 2·N payments,
  one connection each, at once.
- a writer blocked longer than the busy timeout (5 s): another connection
  holds BEGIN IMMEDIATE; `pay` exits 1 with "in use", book unchanged.
- a locked book: another connection holds BEGIN EXCLUSIVE; `pay` and
  `verify` exit 1 with "in use" (not "not a book"), book unchanged.
- a reader holding its lock across the writer's COMMIT: `pay` exits 1 with
  "in use" and rolls back, book unchanged.
- a read-only folder: the book is writable but its folder is not (as root,
  where permissions do not stop writes, the command runs as "nobody");
  `pay` and `household import` exit 1, book unchanged.
- a read-only file system (a tmpfs remounted read-only): the same.
- a full disk (a small tmpfs filled up, then freed 4 KiB at a time): each
  `pay` either succeeds or exits 1 with "full; nothing was saved" and the
  book unchanged.

The mount cases need mount(2) (root); without it they are skipped with a
message — test-faults covers SQLITE_FULL in-process (max_page_count).
Environment: CONCURRENT_PAYMENTS=50 per writer (500 for the long run).
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book_checks  # noqa: E402
from book_checks import BookError, run_cli  # noqa: E402

PAYMENTS = int(os.environ.get('CONCURRENT_PAYMENTS', '50'))
IN_USE = 'in use by another program'
FULL = 'full; nothing was saved'
NOBODY = 65534

results = []


def report(line):
    results.append(line)
    print(line, flush=True)


def expect(condition, message):
    if not condition:
        raise BookError(message)


def expect_in_use(proc, what):
    expect(proc.returncode == 1, f'{what}: exit {proc.returncode}, wanted 1; {proc.stderr.strip()}')
    expect(IN_USE in proc.stderr, f'{what}: no "in use" message: {proc.stderr.strip()}')


# ------------------------------------------------------------------ #
# Writers at once

def cli_writer(book, index, out):
    """Runs `pay` PAYMENTS times, again when the lock was busy."""
    for n in range(PAYMENTS):
        unit = f'{1 + index}-1-{101 + n % 4}'
        for _ in range(50):
            proc = run_cli(book, 'pay', unit, str(10 + n), '--date', '2026-05-01', check=False)
            if proc.returncode == 0:
                out['numbers'].append(proc.stdout.strip())
                break
            expect_in_use(proc, f'writer {index} payment {n}')
            out['busy'] += 1
        else:
            out['errors'].append(f'writer {index}: payment {n} never got the lock')


def two_cli_writers(tmp):
    book = book_checks.new_book(os.path.join(tmp, 'cli-writers.clbook'))
    outs = [dict(numbers=[], busy=0, errors=[]) for _ in range(2)]
    threads = [threading.Thread(target=cli_writer, args=(book, i, outs[i])) for i in range(2)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    numbers = outs[0]['numbers'] + outs[1]['numbers']
    expect(not outs[0]['errors'] and not outs[1]['errors'], outs[0]['errors'] + outs[1]['errors'])
    expect(len(numbers) == 2 * PAYMENTS, f'{len(numbers)} receipts printed, wanted {2 * PAYMENTS}')
    expect(len(set(numbers)) == len(numbers), 'a receipt number was printed twice')
    counts = book_checks.check_book(book, {'pay': set(numbers)})
    expect(counts['receipts'] == 2 * PAYMENTS, f'{counts["receipts"]} receipts in the book')
    report(f'two command-line writers: {len(numbers)} payments, all in the book, numbers '
           f'{min(numbers)}..{max(numbers)} gapless; {outs[0]["busy"] + outs[1]["busy"]} '
           f'runs told "in use" and run again; {time.monotonic() - started:.1f} s')


def two_driver_writers(tmp):
    book = book_checks.new_book(os.path.join(tmp, 'driver-writers.clbook'))
    procs = [subprocess.Popen([os.environ['RELIABILITY_DRIVER'], '--pay-only', '--seed', str(i + 1),
                               '--ops', str(2 * PAYMENTS), book],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(2)]
    saved = {'pay': set()}
    busy = 0
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        expect(proc.returncode == 0, f'driver exited {proc.returncode}: {err.strip()}')
        for line in out.splitlines():
            word, _, what = line.partition(' ')
            if word == 'pay':
                saved['pay'].add(what)
            elif word == 'busy':
                busy += 1
                expect(IN_USE in what, f'driver: busy without "in use": {what}')
    counts = book_checks.check_book(book, saved)
    expect(len(saved['pay']) == 4 * PAYMENTS, f'{len(saved["pay"])} payments printed')
    expect(counts['receipts'] == 4 * PAYMENTS, f'{counts["receipts"]} receipts in the book')
    report(f'two long-lived writers: {len(saved["pay"])} payments, all in the book, gapless; '
           f'{busy} writes told "in use" and tried again')


# ------------------------------------------------------------------ #
# Another program holding the book

def hold(book, sql):
    """Another connection holding a lock (Python's own sqlite3)."""
    db = sqlite3.connect(book, isolation_level=None, timeout=0)
    for statement in sql:
        db.execute(statement)
    return db


def refused_while_held(book, sql, commands, what):
    before = book_checks.dump(book)
    db = hold(book, sql)
    try:
        for args in commands:
            started = time.monotonic()
            proc = run_cli(book, *args, check=False)
            expect_in_use(proc, f'{what}: {args[0]}')
            report(f'{what}: `{" ".join(args[:1])}` exit 1 after {time.monotonic() - started:.1f} s: '
                   f'{proc.stderr.strip()}')
    finally:
        db.rollback()
        db.close()
    expect(book_checks.dump(book) == before, f'{what}: the book changed')
    number = run_cli(book, 'pay', '1-1-101', '1', '--date', '2026-05-01').stdout.strip()
    book_checks.check_book(book, {'pay': {number}})


def locked_books(tmp):
    book = book_checks.new_book(os.path.join(tmp, 'locked.clbook'))
    pay = ('pay', '1-1-101', '100', '--date', '2026-05-01')
    refused_while_held(book, ['BEGIN IMMEDIATE'], [pay], 'a writer blocked past the busy timeout')
    refused_while_held(book, ['BEGIN EXCLUSIVE'], [pay, ('verify',)], 'a locked book (BEGIN EXCLUSIVE)')
    refused_while_held(book, ['BEGIN', 'SELECT count(*) FROM txns'], [pay],
                       'a reader holding its lock across COMMIT')


# ------------------------------------------------------------------ #
# Read-only folders and file systems, full disks

def as_nobody():
    """subprocess arguments that run a command without root's powers."""
    return dict(user=NOBODY, group=NOBODY, extra_groups=[]) if os.geteuid() == 0 else {}


def refused_writes(book, csv, what, ledger=None, **kwargs):
    """`pay` and `household import` must fail and leave the book as it was."""
    before = book_checks.dump(book)
    ledger = ledger or os.environ['COMMUNITY_LEDGER']
    for args in (['pay', '1-1-101', '100', '--date', '2026-05-01'], ['household', 'import', csv]):
        proc = subprocess.run([ledger, '--book', book, *args], capture_output=True, text=True,
                              timeout=120, **kwargs)
        expect(proc.returncode == 1, f'{what}: {args[0]} exit {proc.returncode}: {proc.stderr.strip()}')
        expect(proc.stderr.startswith('community-ledger: '), f'{what}: no message: {proc.stderr!r}')
        report(f'{what}: `{" ".join(args[:2])}` exit 1: {proc.stderr.strip()}')
    expect(book_checks.dump(book) == before, f'{what}: the book changed')


def runs_as_nobody(binary):
    """Whether "nobody" can run @binary (and so reach every folder above it)."""
    try:
        proc = subprocess.run([binary, '--version'], capture_output=True, timeout=60, **as_nobody())
    except OSError:
        return False
    return proc.returncode == 0


def ledger_for_nobody(tmp):
    """The program as "nobody" can run it: the built one, or a copy in @tmp
    when the clone lives in a private folder (mode 0700) that "nobody" cannot
    enter. None when neither works (then @tmp itself is out of its reach)."""
    ledger = os.environ['COMMUNITY_LEDGER']
    if os.geteuid() != 0 or runs_as_nobody(ledger):
        return ledger
    copy = os.path.join(tmp, 'community-ledger-for-nobody')
    shutil.copy2(ledger, copy)
    os.chmod(copy, 0o755)
    return copy if runs_as_nobody(copy) else None


def write_csv(path):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('unit,owner,area\n9-1-101,新户,60\n')
    os.chmod(path, 0o644)
    return path


def read_only_folder(tmp):
    folder = os.path.join(tmp, 'ro-folder')
    os.mkdir(folder)
    book = book_checks.new_book(os.path.join(folder, 'book.clbook'))
    csv = write_csv(os.path.join(tmp, 'new.csv'))
    os.chmod(tmp, 0o755)
    os.chmod(book, 0o666)
    os.chmod(folder, 0o555)
    try:
        who = 'as nobody' if os.geteuid() == 0 else 'as the user'
        ledger = ledger_for_nobody(tmp)
        if ledger is None:
            report(f'SKIP a read-only folder ({who}): "nobody" can run neither {os.environ["COMMUNITY_LEDGER"]} '
                   f'nor a copy in {tmp} (a folder above them is private)')
        else:
            refused_writes(book, csv, f'a read-only folder ({who})', ledger=ledger, **as_nobody())
    finally:
        os.chmod(folder, 0o755)
    book_checks.check_book(book)


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    proc = subprocess.run(['mount', '-t', 'tmpfs', '-o', f'size={size},mode=0755', 'tmpfs', path],
                          capture_output=True, text=True)
    return proc.returncode == 0, proc.stderr.strip()


def umount(path):
    subprocess.run(['umount', path], capture_output=True)


def read_only_file_system(tmp):
    book = book_checks.new_book(os.path.join(tmp, 'ro-fs-source.clbook'))
    csv = write_csv(os.path.join(tmp, 'new-ro.csv'))
    mnt = os.path.join(tmp, 'ro-fs')
    ok, why = mount_tmpfs(mnt, '4m')
    if not ok:
        report(f'SKIP a read-only file system: cannot mount a tmpfs ({why})')
        return
    try:
        copy = os.path.join(mnt, 'book.clbook')
        shutil.copyfile(book, copy)
        proc = subprocess.run(['mount', '-o', 'remount,ro', mnt], capture_output=True, text=True)
        expect(proc.returncode == 0, f'remount read-only: {proc.stderr.strip()}')
        refused_writes(copy, csv, 'a read-only file system')
        ro = sqlite3.connect(f'file:{copy}?mode=ro&immutable=1', uri=True)
        expect(ro.execute('PRAGMA integrity_check').fetchone() == ('ok',), 'integrity_check')
        ro.close()
    finally:
        umount(mnt)


def fill(path):
    """Writes zeros to @path until the disk is full; returns its size."""
    block = b'\0' * 4096
    size = 0
    with open(path, 'wb', buffering=0) as f:
        try:
            while True:
                size += f.write(block)
        except OSError:
            pass
    return size


def full_disk(tmp):
    book = book_checks.new_book(os.path.join(tmp, 'full-source.clbook'))
    mnt = os.path.join(tmp, 'full')
    ok, why = mount_tmpfs(mnt, '1m')
    if not ok:
        report(f'SKIP a full disk: cannot mount a tmpfs ({why}); test-faults covers SQLITE_FULL')
        return
    try:
        copy = os.path.join(mnt, 'book.clbook')
        shutil.copyfile(book, copy)
        filler = os.path.join(mnt, 'filler')
        size = fill(filler)
        refused = saved = 0
        numbers = set()
        messages = set()
        # Free 4 KiB at a time: payments meet a full disk at every stage
        # (journal, journal header, growing the book) until they fit.
        for step in range(1, 200):
            before = book_checks.dump(copy)
            proc = run_cli(copy, 'pay', '1-1-101', '1', '--date', '2026-05-01', check=False)
            if proc.returncode == 0:
                saved += 1
                numbers.add(proc.stdout.strip())
                if saved == 3:
                    break
            else:
                expect(proc.returncode == 1 and FULL in proc.stderr,
                       f'full disk: exit {proc.returncode}: {proc.stderr.strip()}')
                expect(book_checks.dump(copy) == before, 'full disk: the book changed')
                refused += 1
                messages.add(proc.stderr.strip().replace(copy, 'BOOK'))
            size = max(0, size - 4096)
            os.truncate(filler, size)
        expect(refused > 0, 'the disk was never full')
        expect(saved == 3, f'only {saved} payments fitted')
        os.unlink(filler)
        book_checks.check_book(copy, {'pay': numbers})
        report(f'a full disk: {refused} payments refused with {sorted(messages)}, book unchanged '
               f'each time; {saved} saved once 4 KiB at a time was freed')
    finally:
        umount(mnt)


def main():
    cases = [two_cli_writers, two_driver_writers, locked_books, read_only_folder,
             read_only_file_system, full_disk]
    failed = 0
    with tempfile.TemporaryDirectory(prefix='ledger-concurrency-') as tmp:
        for case in cases:
            try:
                case(tmp)
            except (BookError, subprocess.SubprocessError, OSError, sqlite3.Error) as e:
                failed += 1
                print(f'not ok: {case.__name__}: {e}', file=sys.stderr, flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
