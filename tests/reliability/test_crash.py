#!/usr/bin/python3
"""test_crash.py — SIGKILL writers at random moments; nothing saved is lost

A writer is started on a book and killed with SIGKILL at a random point
(seeded): after 0 to 5 operations it reported, plus a random fraction of
the time one operation takes, measured as the test goes, so kills land
inside operations on a RAM disk and on a slow disk alike. Most writers are reliability-driver,
which records payments, expenditures and voids in a loop and prints each
one only after the ledger said it was saved; one in ten is the real
`community-ledger pay`, which prints the receipt number once it is saved.
Kills land while the book is being opened (and a hot journal rolled back),
inside transactions, during COMMIT and between operations.

After every kill, book_checks.check_book(): `community-ledger verify`
exits 0, integrity_check is ok, no half operation, receipts gapless, the
journal balances, and every receipt, expenditure and void a writer printed
is in the book.

Environment:
  CRASH_KILLS=200           kills (the normal suite); 2000 for the long run
  CRASH_SEED=20260301       seed of the delays and of the writers' choices
  CRASH_KILLS_PER_BOOK=100  a fresh book after this many kills
  CRASH_TMPDIR=DIR          where the books go (default: /dev/shm if writable,
                            else $TMPDIR; a process crash keeps the page cache,
                            so a RAM disk tests the same thing, faster)
"""

import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book_checks  # noqa: E402

KILLS = int(os.environ.get('CRASH_KILLS', '200'))
SEED = int(os.environ.get('CRASH_SEED', '20260301'))
KILLS_PER_BOOK = int(os.environ.get('CRASH_KILLS_PER_BOOK', '100'))


def tmp_base():
    base = os.environ.get('CRASH_TMPDIR')
    if base:
        return base
    return '/dev/shm' if os.access('/dev/shm', os.W_OK) else None


class Pace:
    """How long a writer takes: the driver per operation, the command line
    per run. Kills are placed relative to these, so that they land inside
    operations on a RAM disk and on a slow disk alike."""

    def __init__(self):
        self.op = 0.02
        self.cli = 0.1

    def saw_op(self, seconds):
        self.op = 0.8 * self.op + 0.2 * seconds

    def saw_cli(self, finished, seconds):
        # Finished: learn its length; killed before it printed: allow longer.
        self.cli = 0.8 * self.cli + 0.2 * seconds if finished else self.cli * 1.1


def start_writer(book, rng, stats):
    """Starts the driver, or one time in ten the real command line."""
    if rng.random() < 0.1:
        stats['cli_writers'] += 1
        unit = f'{rng.randint(1, 2)}-1-{rng.randint(101, 104)}'
        cmd = [os.environ['COMMUNITY_LEDGER'], '--book', book, 'pay', unit,
               str(rng.randint(1, 600)), '--date', '2026-05-01']
        kind = 'cli'
    else:
        cmd = [os.environ['RELIABILITY_DRIVER'], '--seed', str(rng.getrandbits(31)), book]
        kind = 'driver'
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc, kind


def read_lines(proc, count, pace):
    """Reads stdout until @count complete lines came (or the writer ended),
    timing the operations. Returns the bytes read."""
    out = b''
    last = time.monotonic()
    while out.count(b'\n') < count:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        chunk = os.read(proc.stdout.fileno(), 65536) if ready else b''
        if not chunk:
            break
        out += chunk
        now = time.monotonic()
        pace.saw_op((now - last) / max(1, chunk.count(b'\n')))
        last = now
    return out


def collect(out, kind, saved):
    """Adds what a killed writer printed as saved (complete lines only)."""
    text = out.decode('utf-8', 'replace')
    lines = text.split('\n')[:-1]  # a line without its newline was cut short
    for line in lines:
        if kind == 'cli':
            saved['pay'].add(line.strip())
            continue
        word, _, what = line.partition(' ')
        if word in saved:
            saved[word].add(what)
    return sum(1 for line in lines if kind == 'cli' or line.partition(' ')[0] in saved)


def one_kill(book, rng, saved, stats, pace):
    """Starts a writer, kills it at a random point, collects what it saved."""
    proc, kind = start_writer(book, rng, stats)
    started = time.monotonic()
    if kind == 'driver':
        # A few operations, then a random point inside the next one (the
        # first one includes opening the book and rolling back a journal).
        out = read_lines(proc, rng.randint(0, 5), pace)
        time.sleep(rng.uniform(0, 1.5 * pace.op))
    else:
        out = b''
        time.sleep(rng.uniform(0, 1.3 * pace.cli))
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate()
    out += rest
    stats['confirmed'] += collect(out, kind, saved)
    finished = proc.returncode != -signal.SIGKILL
    if kind == 'cli':
        pace.saw_cli(finished, time.monotonic() - started)
    if finished:
        # The command line may finish before the kill; the driver never should.
        if kind == 'driver' or proc.returncode != 0:
            raise book_checks.BookError(f'{kind} exited {proc.returncode} before the kill: '
                                        f'{err.decode("utf-8", "replace").strip()}')
        stats['finished'] += 1
    else:
        stats['kills'] += 1
    if os.path.exists(book + '-journal'):
        stats['journal_left'] += 1


def main():
    rng = random.Random(SEED)
    pace = Pace()
    stats = dict(kills=0, finished=0, confirmed=0, cli_writers=0, journal_left=0, books=0)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix='ledger-crash-', dir=tmp_base()) as tmp:
        book = None
        saved = None
        last = None
        i = 0
        while stats['kills'] < KILLS:
            if stats['kills'] >= stats['books'] * KILLS_PER_BOOK:
                stats['books'] += 1
                book = book_checks.new_book(os.path.join(tmp, f'book-{stats["books"]}.clbook'))
                saved = {'pay': set(), 'spend': set(), 'void': set()}
                last = book_checks.check_book(book, saved)
            try:
                one_kill(book, rng, saved, stats, pace)
                now = book_checks.check_book(book, saved)
            except book_checks.BookError as e:
                print(f'not ok: kill {i + 1} (seed {SEED}): {e}', file=sys.stderr)
                return 1
            if now['txns'] < last['txns'] or now['receipts'] < last['receipts']:
                print(f'not ok: kill {i + 1}: the book shrank: {last} -> {now}', file=sys.stderr)
                return 1
            last = now
            i += 1
    print(f'{stats["kills"]} kills survived ({stats["finished"]} writers finished first), '
          f'{stats["books"]} books, {stats["cli_writers"]} of them command-line writers; '
          f'{stats["confirmed"]} operations printed as saved, all found in the book; '
          f'{stats["journal_left"]} kills left a journal beside the book (a write cut short); '
          f'{time.monotonic() - started:.1f} s')
    return 0


if __name__ == '__main__':
    sys.exit(main())
