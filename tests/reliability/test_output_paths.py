#!/usr/bin/python3
"""test_output_paths.py — no command writes over the book, and temporary
files are only ever the program's own

- every output path of every command (the table OUTPUTS, checked against
  each command's --help and the option tables in app/*.c, so that a new
  FILE option cannot be forgotten) is tried against the book, its SQLite
  files (present or not), one of its backups, one of its attachments, and
  each of them through a symbolic link, a dangling link, "dir/..", "//", a
  symlinked folder and a hard link; and, for commands with more than one
  output, against another output of the same command. Each run must exit 2
  with one line naming the option, and leave the book (sqlite3 .dump), its
  backups and attachments byte for byte as they were;
- `backup DEST` next to a book called DEST.partial, and decoys named like
  the other commands' temporary files: all survive;
- concurrent `init` on one path, many rounds: one wins, the others fail
  cleanly, the winner's book is whole;
- `restore` while `pay` runs in a loop: every printed receipt is in the
  restored book or in one of the "before-restore" copies;
- `restore` from the book itself, by any name: exit 2, nothing changed;
- `--book ""`, `--book=` and COMMUNITY_LEDGER_BOOK="": exit 2;
- a backup to a disk that fills up (RLIMIT_FSIZE) names the backup file,
  not the book.
"""

import glob
import hashlib
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book_checks  # noqa: E402
from book_checks import BookError, run_cli  # noqa: E402

LEDGER = os.environ['COMMUNITY_LEDGER']
SOURCE_ROOT = os.environ.get('SOURCE_ROOT',
                             os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
INIT_ROUNDS = int(os.environ.get('INIT_ROUNDS', '20'))
RACE_PAYMENTS = int(os.environ.get('RACE_PAYMENTS', '40'))
MAX_RESTORES = 60   # below backup-keep's ceiling (100): no safety copy is pruned

# Every (command, slot) that names a file the command WRITES, with how to
# build its argument vector. Slots are the names the error must show.
OUTPUTS = {
    'export xlsx': ['FILE'],
    'notice': ['FILE.pdf', '--png', '--html', '--qr-payload'],
    'receipt': ['FILE.pdf', '--qr-payload'],
    'backup': ['backup file'],
}
# (command, slot) pairs that name a file the command only READS (or the
# book itself): reviewed, not outputs.
INPUTS = {
    ('household import', 'FILE.csv'), ('pay', '--batch'), ('spend', '--attach'),
    ('vote ballot', '--scan'), ('verify', '--export'), ('verify', '--receipt'), ('restore', 'FILE'),
    ('*', '--book'),
}
# The slot names of OUTPUTS as --help spells them (the backup's argument).
HELP_SLOT = {('backup', 'backup file'): 'FILE'}

results = []


def report(line):
    results.append(line)
    print(line, flush=True)


def expect(condition, message):
    if not condition:
        raise BookError(message)


def ledger(*args, env=None, cwd=None, **kwargs):
    return subprocess.run([LEDGER, *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=cwd, **kwargs)


def sha(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


# ------------------------------------------------------------------ #
# The table is complete

def help_slots():
    """(command, slot) for every FILE option and FILE positional in --help,
    and every G_OPTION_ARG_FILENAME option in the sources (hidden ones too)."""
    listing = ledger('--help').stdout
    commands = [m.group(1) for m in re.finditer(r'^  ([a-z][a-z-]*(?: [a-z]+)?)\s{2,}', listing, re.M)]
    expect(len(commands) > 20, f'could not read the command list: {listing[:200]!r}')
    slots = set()
    for command in commands:
        text = ledger(*command.split(), '--help-all').stdout
        usage = re.search(r'\] ' + re.escape(command) + r'(.*)$', text, re.M)
        if usage:
            words = usage.group(1).split()
            for i, word in enumerate(words):
                # "FILE" after "--batch" is that option's value (listed below).
                if re.fullmatch(r'FILE(\.[a-z]+)?\]?', word) and not (i and words[i - 1].lstrip('[').startswith('--')):
                    slots.add((command, word.rstrip(']')))
        for m in re.finditer(r'^\s+(--[a-z-]+)=FILE\b', text, re.M):
            slots.add((command, m.group(1)))
    # Options in --help are also given in brackets in the usage line.
    slots = {(c, s) for (c, s) in slots if s != '--book'} | {('*', '--book')}
    for source in glob.glob(os.path.join(SOURCE_ROOT, 'app', 'cli*.c')):
        with open(source, encoding='utf-8') as f:
            for m in re.finditer(r'\{ "([a-z-]+)", 0, [^,]+, G_OPTION_ARG_FILENAME', f.read()):
                slots.add(('?', '--' + m.group(1)))
    return slots


def table_is_complete(tmp):
    known = {(c, HELP_SLOT.get((c, s), s)) for c, slots in OUTPUTS.items() for s in slots} | INPUTS
    known_options = {s for (_, s) in known}
    missing = []
    for command, slot in sorted(help_slots()):
        if command == '?':
            if slot not in known_options:
                missing.append(f'{slot} (a FILE option in app/*.c)')
        elif (command, slot) not in known and not (slot.startswith('--') and ('*', slot) in known):
            # A bracketed option in the usage line, e.g. "[--png FILE]", is a slot too.
            missing.append(f'{command} {slot}')
    expect(not missing, 'FILE arguments not classified as output or input in this test: ' + ', '.join(missing))
    report(f'table: {sum(len(s) for s in OUTPUTS.values())} output slots in {len(OUTPUTS)} commands, '
           f'{len(INPUTS)} input slots; every FILE in --help and app/*.c is classified')


# ------------------------------------------------------------------ #
# Output paths against the book's files

def argv_for(command, paths):
    """The argument vector of @command with @paths (slot → path)."""
    if command == 'export xlsx':
        return ['export', 'xlsx', paths['FILE']]
    if command == 'notice':
        argv = ['notice', paths['FILE.pdf'], '--period', '2026']
        for option in ('--png', '--html', '--qr-payload'):
            if option in paths:
                argv += [option, paths[option]]
        return argv
    if command == 'receipt':
        argv = ['receipt', '2026-000001', paths['FILE.pdf']]
        if '--qr-payload' in paths:
            argv += ['--qr-payload', paths['--qr-payload']]
        return argv
    if command == 'backup':
        return ['backup', paths['backup file']]
    raise AssertionError(command)


def safe_paths(work, command):
    ext = {'FILE': '.xlsx', 'FILE.pdf': '.pdf', '--png': '.png', '--html': '.html',
           '--qr-payload': '.txt', 'backup file': '.clbook'}
    return {slot: os.path.join(work, 'out', f'{command.replace(" ", "-")}-{slot.strip("-").replace(".", "-")}{ext[slot]}')
            for slot in OUTPUTS[command]}


def make_book(work):
    book = os.path.join(work, 'book.clbook')
    book_checks.new_book(book)           # the import leaves a backup in book.clbook.backups/
    run_cli(book, 'pay', '1-1-101', '100', '--date', '2026-05-01')
    scan = os.path.join(work, 'invoice.txt')
    with open(scan, 'w') as f:
        f.write('invoice 1\n')
    run_cli(book, 'spend', '10', '--payee', '清洁公司', '--category', 'cleaning', '--date', '2026-05-02',
            '--attach', scan)
    os.makedirs(os.path.join(work, 'out'))
    os.makedirs(os.path.join(work, 'sub'))
    return book


def targets(work, book):
    """(description, path) of every name of a protected file."""
    backups = sorted(glob.glob(book + '.backups/*.clbook'))
    files = sorted(glob.glob(book + '.files/*'))
    expect(backups and files, f'the fixture has no backup ({backups}) or attachment ({files})')
    backup, attachment = backups[0], files[0]
    # A 0-byte journal is not hot: SQLite leaves it alone. -wal and -shm
    # stay absent: their names are protected all the same.
    open(book + '-journal', 'w').close()

    def link(name, to):
        path = os.path.join(work, name)
        os.symlink(to, path)
        return path

    def hard(name, to):
        path = os.path.join(work, name)
        os.link(to, path)
        return path

    os.symlink(work, os.path.join(work, 'dirlink'))
    out = [
        ('the book', book),
        ('a symlink to the book', link('l-book', book)),
        ('a relative symlink to the book', link('l-book-rel', 'book.clbook')),
        ('a chain of symlinks to the book', link('l-book-2', os.path.join(work, 'l-book'))),
        ('the book via dir/..', os.path.join(work, 'sub', '..', 'book.clbook')),
        ('the book via //', work + '//book.clbook'),
        ('the book via a symlinked folder', os.path.join(work, 'dirlink', 'book.clbook')),
        ('a hard link to the book', hard('h-book', book)),
        ('a symlink to the book via dir/..', link('l-book-dots', os.path.join('sub', '..', 'book.clbook'))),
    ]
    for suffix in ('-journal', '-wal', '-shm'):
        present = 'present' if os.path.exists(book + suffix) else 'absent'
        out += [(f'the book{suffix} ({present})', book + suffix),
                (f'a symlink to book{suffix} ({present})', link('l' + suffix, book + suffix)),
                (f'book{suffix} via a symlinked folder', os.path.join(work, 'dirlink', 'book.clbook' + suffix))]
    out += [
        ('a backup', backup),
        ('a symlink to a backup', link('l-backup', backup)),
        ('a hard link to a backup', hard('h-backup', backup)),
        ('a new backup name', os.path.join(book + '.backups', 'book.clbook@20990101-000000.000000-x.clbook')),
        ('an attachment', attachment),
        ('a symlink to an attachment', link('l-attachment', attachment)),
        ('a hard link to an attachment', hard('h-attachment', attachment)),
        ('a new name in the attachment store', os.path.join(book + '.files', 'new.pdf')),
    ]
    return out


def protected_state(book):
    state = {'dump': book_checks.dump(book)}
    for path in [book, book + '-journal'] + glob.glob(book + '.backups/*') + glob.glob(book + '.files/*'):
        if os.path.isfile(path):
            state[path] = sha(path)
    for suffix in ('-wal', '-shm'):
        state[book + suffix] = os.path.exists(book + suffix)
    return state


def expect_refused(book, before, command, argv, slot, what, safe):
    proc = ledger('--book', book, *argv)
    lines = proc.stderr.strip().split('\n')
    expect(proc.returncode == 2, f'{command} {slot} = {what}: exit {proc.returncode}, wanted 2: {proc.stderr.strip()}')
    expect(len(lines) == 1, f'{command} {slot} = {what}: not one line: {proc.stderr!r}')
    expect(slot in lines[0], f'{command} {slot} = {what}: the message does not name {slot}: {lines[0]}')
    expect(protected_state(book) == before, f'{command} {slot} = {what}: the book, a backup or an attachment changed')
    for path in safe.values():
        expect(not os.path.lexists(path), f'{command} {slot} = {what}: {path} was written anyway')
    return lines[0]


def outputs_against_book(tmp):
    work = os.path.join(tmp, 'outputs')
    os.makedirs(work)
    book = make_book(work)
    names = targets(work, book)
    before = protected_state(book)
    n = 0
    for command, slots in OUTPUTS.items():
        safe = safe_paths(work, command)
        for slot in slots:
            for what, target in names:
                paths = dict(safe, **{slot: target})
                others = {s: p for s, p in safe.items() if s != slot}
                expect_refused(book, before, command, argv_for(command, paths), slot, what, others)
                n += 1
        # Two outputs of one command naming one file, by any name.
        for i, first in enumerate(slots):
            for second in slots[i + 1:]:
                target = safe[first]
                variants = [('the same name', target),
                            ('a dangling symlink to it', os.path.join(work, f'dup-{n}')),
                            ('its name via dir/..', os.path.join(work, 'sub', '..', 'out', os.path.basename(target)))]
                os.symlink(target, variants[1][1])
                for what, path in variants:
                    paths = dict(safe, **{second: path})
                    line = expect_refused(book, before, command, argv_for(command, paths), second,
                                          f'{first} as {what}', safe)
                    expect(first in line, f'{command}: {line} does not name {first}')
                    n += 1
                # An existing file for the first output and a hard link to
                # it for the second: one inode, two names.
                existing = os.path.join(work, f'existing-{n}')
                with open(existing, 'w') as f:
                    f.write('an earlier output\n')
                os.link(existing, existing + '-hard')
                paths = dict(safe, **{first: existing, second: existing + '-hard'})
                others = {s: p for s, p in safe.items() if s not in (first, second)}
                expect_refused(book, before, command, argv_for(command, paths), second,
                               f'a hard link to {first}', others)
                expect(open(existing).read() == 'an earlier output\n', f'{command}: {existing} was written')
                n += 1
    report(f'output paths: {n} refusals (exit 2, one line, book/backups/attachments unchanged)')
    # And the table's argument vectors do work with ordinary paths.
    for command in OUTPUTS:
        proc = ledger('--book', book, *argv_for(command, safe_paths(work, command)))
        expect(proc.returncode == 0, f'{command} with fresh paths: exit {proc.returncode}: {proc.stderr.strip()}')
    book_checks.check_book(book)
    report('output paths: every command writes to fresh paths')
    return n


# ------------------------------------------------------------------ #
# Temporary files

def temporary_names(tmp):
    work = os.path.join(tmp, 'partial')
    os.makedirs(work)
    n = 0
    # A book whose name is another file's temporary name.
    for dest in ('X', 'copy.clbook', 'a b'):
        book = os.path.join(work, dest + '.partial')
        book_checks.new_book(book, units=2)
        before = book_checks.dump(book)
        proc = ledger('--book', book, 'backup', os.path.join(work, dest))
        expect(proc.returncode == 0, f'backup {dest}: exit {proc.returncode}: {proc.stderr.strip()}')
        expect(os.path.exists(book) and book_checks.dump(book) == before, f'backup {dest}: {book} was lost')
        book_checks.check_book(book)
        n += 1
    # Decoys named like each command's temporary files survive its run.
    book = os.path.join(work, 'book.clbook')
    book_checks.new_book(book, units=2)
    run_cli(book, 'pay', '1-1-101', '100', '--date', '2026-05-01')
    for command in OUTPUTS:
        safe = safe_paths(work, command)
        decoys = {}
        for path in safe.values():
            folder, base = os.path.split(path)
            os.makedirs(folder, exist_ok=True)
            for name in (base + '.partial', base + '.partial-000000', base + '.partial-XXXXXX',
                         '.' + base + '.XXXXXX', '.' + base + '.000000.old', base + '.tmp', base + '~'):
                decoy = os.path.join(folder, name)
                with open(decoy, 'w') as f:
                    f.write(f'decoy {name}\n')
                decoys[decoy] = sha(decoy)
        proc = ledger('--book', book, *argv_for(command, safe))
        expect(proc.returncode == 0, f'{command}: exit {proc.returncode}: {proc.stderr.strip()}')
        for decoy, digest in decoys.items():
            expect(os.path.exists(decoy) and sha(decoy) == digest, f'{command}: {decoy} was touched')
        leftovers = [p for p in os.listdir(os.path.dirname(next(iter(safe.values()))))
                     if re.search(r'\.partial-(?!000000$|XXXXXX$)|\.old-', p)]
        expect(not leftovers, f'{command}: temporary files left: {leftovers}')
        n += len(decoys)
    # Pruning old automatic backups removes only files that are provably
    # ours: not a link named like one, a folder, or a name of another shape.
    run_cli(book, 'settings', 'backup-keep', '1')
    folder = book + '.backups'
    keep = os.path.join(work, 'precious.txt')
    with open(keep, 'w') as f:
        f.write('precious\n')
    lookalikes = [os.path.join(folder, 'book.clbook@20000101-000000.000000-x.clbook'),
                  os.path.join(folder, 'book.clbook@20000102-000000.000000-y.clbook'),
                  os.path.join(folder, 'book.clbook@notes.clbook'),
                  os.path.join(folder, 'book.clbook@20000103-000000.000000-dir.clbook')]
    os.symlink(keep, lookalikes[0])
    os.symlink(book, lookalikes[1])
    with open(lookalikes[2], 'w') as f:
        f.write('notes\n')
    os.mkdir(lookalikes[3])
    base = os.path.join(work, 'base.clbook')
    run_cli(book, 'backup', base)
    for _ in range(3):
        run_cli(book, 'restore', base)
    for path in lookalikes:
        expect(os.path.lexists(path), f'pruning removed {path}')
    expect(open(keep).read() == 'precious\n', 'pruning touched a file a link points to')
    n += len(lookalikes)
    report(f'temporary names: {n} files named like temporary files or backups survive')


def concurrent_init(tmp):
    work = os.path.join(tmp, 'init')
    os.makedirs(work)
    for round_ in range(INIT_ROUNDS):
        book = os.path.join(work, f'book-{round_}.clbook')
        procs = [subprocess.Popen([LEDGER, '--book', book, 'init', '--name', f'小区{i}'],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for i in range(3)]
        outs = [(p, *p.communicate(timeout=120)) for p in procs]
        winners = [i for i, (p, _, _) in enumerate(outs) if p.returncode == 0]
        expect(len(winners) == 1, f'round {round_}: {len(winners)} inits succeeded: '
                                  + '; '.join(e.strip() for _, _, e in outs))
        for i, (p, _, err) in enumerate(outs):
            if i != winners[0]:
                expect(p.returncode in (1, 2) and len(err.strip().split('\n')) == 1,
                       f'round {round_}: loser exit {p.returncode}: {err!r}')
        expect(os.path.exists(book), f'round {round_}: the winner\'s book was deleted')
        book_checks.check_book(book)
        name = sqlite3.connect(f'file:{book}?mode=ro', uri=True).execute(
            "SELECT value FROM settings WHERE key = 'name'").fetchone()[0]
        expect(name == f'小区{winners[0]}', f'round {round_}: the book is {name}, the winner was 小区{winners[0]}')
    report(f'concurrent init: {INIT_ROUNDS} rounds of 3, one winner each, its book whole')


def receipts_in(path):
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        return set(db.execute('SELECT number, amount FROM receipts'))
    finally:
        db.close()


def restore_during_payments(tmp):
    work = os.path.join(tmp, 'race')
    os.makedirs(work)
    book = book_checks.new_book(os.path.join(work, 'book.clbook'), units=4)
    # Every safety copy is kept (pruning would otherwise remove the oldest).
    run_cli(book, 'settings', 'backup-keep', '100')
    base = os.path.join(work, 'base.clbook')
    run_cli(book, 'backup', base)
    acknowledged = []
    stop = threading.Event()

    def payer():
        for i in range(RACE_PAYMENTS):
            proc = run_cli(book, 'pay', '1-1-101', f'{1 + i}.{i % 100:02d}', '--date', '2026-05-01', check=False)
            if proc.returncode == 0:
                acknowledged.append((proc.stdout.strip(), 100 * (1 + i) + i % 100))
            else:
                expect('in use' in proc.stderr, f'pay failed: {proc.stderr.strip()}')
        stop.set()

    thread = threading.Thread(target=payer)
    thread.start()
    restores = attempts = 0
    while not stop.is_set() and attempts < MAX_RESTORES:
        proc = run_cli(book, 'restore', base, check=False)
        expect(proc.returncode in (0, 1), f'restore: exit {proc.returncode}: {proc.stderr.strip()}')
        restores += proc.returncode == 0
        attempts += 1
    thread.join()
    seen = receipts_in(book)
    for copy in glob.glob(book + '.backups/*before-restore*.clbook'):
        seen |= receipts_in(copy)
    lost = [r for r in acknowledged if r not in seen]
    expect(not lost, f'{len(lost)} acknowledged receipts are in neither the book nor a safety copy: {lost[:5]}')
    expect(restores > 0, 'no restore ran')
    book_checks.check_book(book)
    report(f'restore during payments: {restores} restores, {len(acknowledged)} receipts acknowledged, none lost')


def restore_onto_itself(tmp):
    work = os.path.join(tmp, 'self')
    os.makedirs(os.path.join(work, 'sub'))
    book = book_checks.new_book(os.path.join(work, 'book.clbook'), units=2)
    os.symlink(book, os.path.join(work, 'link'))
    os.link(book, os.path.join(work, 'hard'))
    before = book_checks.dump(book)
    backups = set(glob.glob(book + '.backups/*'))
    for what in (book, os.path.join(work, 'link'), os.path.join(work, 'hard'),
                 os.path.join(work, 'sub', '..', 'book.clbook'), work + '//book.clbook', 'book.clbook'):
        proc = ledger('--book', book, 'restore', what, cwd=work)
        lines = proc.stderr.strip().split('\n')
        expect(proc.returncode == 2 and len(lines) == 1 and 'the book itself' in lines[0],
               f'restore {what}: exit {proc.returncode}: {proc.stderr!r}')
        expect(book_checks.dump(book) == before and set(glob.glob(book + '.backups/*')) == backups,
               f'restore {what}: something changed')
    report('restore onto itself: 6 names of the book refused')


def empty_book_name(tmp):
    work = os.path.join(tmp, 'empty')
    os.makedirs(work)
    env = dict(os.environ, HOME=work, XDG_DATA_HOME=os.path.join(work, 'data'))
    n = 0
    for args in (['pay', '1-1-101', '10'], ['init', '--name', 'x'], ['report', 'balance'],
                 ['backup', 'b.clbook'], ['household', 'list']):
        for prefix, extra in ((['--book', ''], {}), (['--book='], {}), ([], {'COMMUNITY_LEDGER_BOOK': ''})):
            proc = ledger(*prefix, *args, env=dict(env, **extra), cwd=work)
            lines = proc.stderr.strip().split('\n')
            expect(proc.returncode == 2 and len(lines) == 1 and 'empty' in lines[0],
                   f'{prefix} {extra} {args[0]}: exit {proc.returncode}: {proc.stderr!r}')
            expect(os.listdir(work) == [], f'{args[0]}: files were created: {os.listdir(work)}')
            n += 1
    report(f'empty book name: {n} runs refused')


def backup_to_full_disk(tmp):
    work = os.path.join(tmp, 'full')
    os.makedirs(work)
    book = book_checks.new_book(os.path.join(work, 'book.clbook'))
    dest = os.path.join(work, 'stick.clbook')
    limit = os.path.getsize(book) // 2

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    before = book_checks.dump(book)
    proc = ledger('--book', book, 'backup', dest, preexec_fn=small_disk)
    line = proc.stderr.strip()
    expect(proc.returncode == 1, f'backup to a full disk: exit {proc.returncode}: {line}')
    expect(dest in line and 'holding' not in line and len(line.split('\n')) == 1,
           f'backup to a full disk: the message does not name the backup file: {line}')
    expect(not os.path.exists(dest) and not glob.glob(dest + '.partial*'), 'backup to a full disk: files left')
    expect(book_checks.dump(book) == before, 'backup to a full disk: the book changed')
    report(f'backup to a full disk: exit 1: {line}')


# ------------------------------------------------------------------ #
# Round 2: the book by another name, its folders, special files, a full
# disk, --qr-payload

def expect_refused_quietly(book, argv, what, timeout=30):
    """@argv must exit 2 with one line, in time (a pipe must not block)."""
    try:
        proc = subprocess.run([LEDGER, '--book', book, *argv], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BookError(f'{what}: {" ".join(argv)} still running after {timeout} s')
    lines = proc.stderr.strip().split('\n')
    expect(proc.returncode == 2 and len(lines) == 1,
           f'{what}: {" ".join(argv)}: exit {proc.returncode}, wanted 2: {proc.stderr.strip()}')
    return lines[0]


def folder_targets(book, alias=None):
    """(description, path) of the book's folders and what is (or would be)
    in them: its backups with their SQLite files, its attachments, new
    names, the folders' own names; beside @alias too (a hard link)."""
    backups = sorted(glob.glob(book + '.backups/*.clbook'))
    files = sorted(glob.glob(book + '.files/*'))
    expect(backups and files, f'the fixture has no backup ({backups}) or attachment ({files})')
    out = [('a backup', backups[0]), ('an attachment', files[0]),
           ('the backups folder', book + '.backups'), ('the attachment folder', book + '.files'),
           ('the backups folder/', book + '.backups/'),
           ('a new name in the backups folder', os.path.join(book + '.backups', 'copy.pdf')),
           ('a new name in the attachment folder', os.path.join(book + '.files', 'new.pdf'))]
    for suffix in ('-journal', '-wal', '-shm'):
        out.append((f"a backup's {suffix} (absent)", backups[0] + suffix))
    if alias is not None:
        base = os.path.basename(alias)
        out += [(f'{base}.backups (absent)', alias + '.backups'), (f'{base}.files (absent)', alias + '.files')]
    return out


def book_by_another_name(tmp):
    """The book opened through a symlink, a relative symlink, a chain, a
    symlinked folder, "dir/.." and a hard link: its real backups and
    attachments stay guarded, and attachments go beside the real file."""
    work = os.path.join(tmp, 'alias')
    os.makedirs(work)
    book = make_book(work)
    os.symlink(work, os.path.join(work, 'dirlink'))
    os.symlink('book.clbook', os.path.join(work, 'rel.clbook'))
    os.symlink(book, os.path.join(work, 'abs.clbook'))
    os.symlink(os.path.join(work, 'abs.clbook'), os.path.join(work, 'chain.clbook'))
    os.link(book, os.path.join(work, 'hard.clbook'))
    aliases = [os.path.join(work, 'rel.clbook'), os.path.join(work, 'abs.clbook'),
               os.path.join(work, 'chain.clbook'), os.path.join(work, 'dirlink', 'book.clbook'),
               os.path.join(work, 'sub', '..', 'book.clbook'), os.path.join(work, 'hard.clbook')]
    before = protected_state(book)
    n = 0
    for alias in aliases:
        hard = alias if alias.endswith('hard.clbook') else None
        for command, slots in OUTPUTS.items():
            safe = safe_paths(work, command)
            for slot in slots:
                for what, target in folder_targets(book, hard):
                    argv = argv_for(command, dict(safe, **{slot: target}))
                    expect_refused_quietly(alias, argv, f'--book {os.path.basename(alias)} {command} {slot} = {what}')
                    expect(protected_state(book) == before, f'{alias}: {command} {slot} = {what}: something changed')
                    expect(os.path.basename(alias) == 'book.clbook' or not os.path.lexists(alias + '.backups'),
                           f'{alias}: a backups folder was made beside the link')
                    n += 1
    # Attachments and backups made through a link go beside the real file.
    scan = os.path.join(work, 'scan.txt')
    for alias in aliases[:3]:
        with open(scan, 'w') as f:     # stored by content: a new invoice each time
            f.write(f'invoice by {alias}\n')
        count = len(os.listdir(book + '.files'))
        run_cli(alias, 'spend', '1', '--payee', '清洁公司', '--category', 'cleaning', '--date', '2026-05-03',
                '--attach', scan)
        expect(len(os.listdir(book + '.files')) == count + 1 and not os.path.exists(alias + '.files'),
               f'--book {alias}: the attachment did not go into {book}.files')
    report(f'book by another name: {n} refusals ({len(aliases)} names of the book × every output slot × '
           f'its folders, backups with their SQLite files, attachments); attachments through links stay with the real file')
    return n


def folder_names_before_they_exist(tmp):
    """A new book has no BOOK.backups/ nor BOOK.files/ yet (nor its configured
    backup folder): no output may take those names, by any spelling."""
    n = 0
    for command, slots in OUTPUTS.items():
        for slot in slots:
            work = tempfile.mkdtemp(dir=tmp)
            book = os.path.join(work, 'b.clbook')
            run_cli(book, 'init', '--name', '新小区')
            run_cli(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '90')
            run_cli(book, 'pay', '1-1-101', '100', '--date', '2026-05-01')
            # A configured folder that is gone (the USB stick not plugged in).
            stick = os.path.join(work, 'stick')
            os.mkdir(stick)
            run_cli(book, 'settings', 'backup-dir', stick)
            os.rmdir(stick)
            os.makedirs(os.path.join(work, 'sub'))
            os.symlink(book + '.backups', os.path.join(work, 'dangling'))
            safe = safe_paths(work, command)
            os.makedirs(os.path.join(work, 'out'))
            for what, target in (('BOOK.backups', book + '.backups'), ('BOOK.files', book + '.files'),
                                 ('BOOK.backups via dir/..', os.path.join(work, 'sub', '..', 'b.clbook.backups')),
                                 ('a dangling link to BOOK.backups', os.path.join(work, 'dangling')),
                                 ('the configured backup folder', stick)):
                expect(not os.path.lexists(book + '.backups') and not os.path.lexists(stick),
                       'the fixture already has its backup folders')
                expect_refused_quietly(book, argv_for(command, dict(safe, **{slot: target})),
                                       f'{command} {slot} = {what}')
                expect(not os.path.exists(book + '.backups') and not os.path.exists(book + '.files')
                       and not os.path.exists(stick), f'{command} {slot} = {what}: a folder name was taken')
                n += 1
            # Backups still work afterwards.
            with open(os.path.join(work, 'h.csv'), 'w') as f:
                f.write('unit,owner,area\n1-1-102,李雷,80\n')
            run_cli(book, 'household', 'import', os.path.join(work, 'h.csv'))
    report(f'folder names before they exist: {n} refusals; automatic backups still work')
    return n


def special_files(tmp):
    """An output that is a FIFO, a folder, a socket or (as root) a device
    node, directly or through a symlink: refused with exit 2, never replaced
    by a regular file, never blocked on."""
    import socket
    import stat
    work = os.path.join(tmp, 'special')
    os.makedirs(work)
    book = make_book(work)
    nodes = []
    fifo = os.path.join(work, 'fifo')
    os.mkfifo(fifo)
    nodes.append(('a FIFO', fifo, stat.S_ISFIFO))
    folder = os.path.join(work, 'folder')
    os.mkdir(folder)
    nodes.append(('a folder', folder, stat.S_ISDIR))
    sock_path = os.path.join(work, 'sock')
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(sock_path)
    nodes.append(('a socket', sock_path, stat.S_ISSOCK))
    if os.geteuid() == 0:
        null = os.path.join(work, 'null')
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        nodes.append(('a character device', null, stat.S_ISCHR))
    for what, path, _ in list(nodes):
        link = path + '-link'
        os.symlink(path, link)
        nodes.append((f'a symlink to {what}', link, None))
    n = 0
    try:
        for command, slots in OUTPUTS.items():
            safe = safe_paths(work, command)
            for slot in slots:
                for what, path, is_kind in nodes:
                    line = expect_refused_quietly(book, argv_for(command, dict(safe, **{slot: path})),
                                                  f'{command} {slot} = {what}', timeout=20)
                    expect(slot in line, f'{command} {slot} = {what}: the message does not name {slot}: {line}')
                    mode = os.lstat(path).st_mode
                    expect(stat.S_ISLNK(mode) if is_kind is None else is_kind(mode),
                           f'{command} {slot} = {what}: the node was replaced')
                    n += 1
    finally:
        sock.close()
    report(f'special files: {n} refusals ({len(nodes)} kinds of node × every output slot), none replaced or blocked')
    return n


def outputs_on_a_full_disk(tmp):
    """Each output written under a file-size limit (a full disk): the command
    exits 1 and the previous file stays, or exits 0 with a whole file (a
    workbook that verify --export reads)."""
    work = os.path.join(tmp, 'fulldisk')
    os.makedirs(work)
    book = os.path.join(work, 'demo.clbook')
    proc = ledger('--book', book, 'demo', '--households', '200', '--years', '2',
                  env=dict(os.environ, COMMUNITY_LEDGER_NOW='2026-06-30T10:00:00+08:00'))
    expect(proc.returncode == 0, f'demo: {proc.stderr.strip()}')
    receipt = sqlite3.connect(f'file:{book}?mode=ro', uri=True).execute(
        'SELECT number FROM receipts ORDER BY number LIMIT 1').fetchone()[0]
    n = 0
    for limit_kb in (8, 64, 200):
        def small_disk():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_kb * 1024, limit_kb * 1024))

        for out, make_argv in (('a.xlsx', lambda p: ['export', 'xlsx', p]),
                               ('r.pdf', lambda p: ['receipt', receipt, p]),
                               ('n.pdf', lambda p: ['notice', p, '--period', '2026-Q1']),
                               ('n.png', lambda p: ['notice', os.path.join(work, 'x.pdf'), '--period', '2026-Q1',
                                                    '--png', p]),
                               ('b.clbook', lambda p: ['backup', p])):
            path = os.path.join(work, out)
            old = f'the previous {out}\n'.encode()
            with open(path, 'wb') as f:
                f.write(old)
            proc = ledger('--book', book, *make_argv(path), preexec_fn=small_disk)
            with open(path, 'rb') as f:
                now = f.read()
            if proc.returncode == 0:
                expect(now != old, f'{out} under {limit_kb} KB: exit 0 but nothing written')
                if out.endswith('.xlsx'):
                    check = ledger('--book', book, 'verify', '--export', path)
                    expect(check.returncode == 0, f'{out} under {limit_kb} KB: exit 0 but verify --export: '
                                                  f'{check.stderr.strip()[:200]}')
            else:
                # libxlsxwriter prints its own "[ERROR]" lines first; ours is the last.
                last = proc.stderr.strip().split('\n')[-1]
                expect(proc.returncode == 1 and last.startswith('community-ledger: ') and work in last,
                       f'{out} under {limit_kb} KB: exit {proc.returncode}: {proc.stderr!r}')
                expect(now == old, f'{out} under {limit_kb} KB: exit 1 but the previous file was replaced')
            leftovers = [p for p in os.listdir(work) if '.partial' in p or p.startswith('.')
                         or re.search(r'\.old-', p)]
            expect(not leftovers, f'{out} under {limit_kb} KB: temporary files left: {leftovers}')
            n += 1
    report(f'outputs on a full disk: {n} runs, each exit 1 with the old file kept or exit 0 with a whole file')
    return n


def qr_payload_is_staged(tmp):
    """--qr-payload FILE over an existing file: a command that fails leaves
    it as it was; one that succeeds replaces it whole."""
    work = os.path.join(tmp, 'payload')
    os.makedirs(work)
    book = make_book(work)
    payload = os.path.join(work, 'notes.txt')
    n = 0
    failing = [['notice', os.path.join(work, 'missing', 'n.pdf'), '--qr-payload', payload],
               ['notice', os.path.join(work, 'sub'), '--qr-payload', payload],
               ['notice', os.path.join(work, 'n.pdf'), '--period', 'nonsense', '--qr-payload', payload],
               ['receipt', '2026-999999', os.path.join(work, 'r.pdf'), '--qr-payload', payload],
               ['receipt', '2026-000001', os.path.join(work, 'missing', 'r.pdf'), '--qr-payload', payload]]
    for argv in failing:
        with open(payload, 'w') as f:
            f.write('the treasurer\'s notes\n')
        proc = ledger('--book', book, *argv)
        expect(proc.returncode != 0, f'{" ".join(argv)}: exit 0')
        expect(open(payload).read() == 'the treasurer\'s notes\n', f'{" ".join(argv)}: the payload file changed')
        expect(not [p for p in os.listdir(work) if p.startswith('.notes.txt.')], 'a temporary file was left')
        n += 1
    for argv in (['receipt', '2026-000001', os.path.join(work, 'r.pdf'), '--qr-payload', payload],
                 ['notice', os.path.join(work, 'n.pdf'), '--period', '2026', '--qr-payload', payload]):
        proc = ledger('--book', book, *argv)
        expect(proc.returncode == 0, f'{" ".join(argv)}: exit {proc.returncode}: {proc.stderr.strip()}')
        expect(open(payload).read() != 'the treasurer\'s notes\n', f'{" ".join(argv)}: the payload was not written')
        n += 1
    report(f'--qr-payload: {n} runs; failures leave the existing file as it was')
    return n


def main():
    cases = [table_is_complete, outputs_against_book, temporary_names, concurrent_init,
             restore_during_payments, restore_onto_itself, empty_book_name, backup_to_full_disk,
             book_by_another_name, folder_names_before_they_exist, special_files, outputs_on_a_full_disk,
             qr_payload_is_staged]
    failed = 0
    with tempfile.TemporaryDirectory(prefix='ledger-paths-') as tmp:
        for case in cases:
            try:
                case(tmp)
            except (BookError, subprocess.SubprocessError, OSError, sqlite3.Error) as e:
                failed += 1
                print(f'not ok: {case.__name__}: {e}', file=sys.stderr, flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
