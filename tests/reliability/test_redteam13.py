#!/usr/bin/python3
"""test_redteam13.py — an outside tester's new cases after issue 13's first two parts

Issue 13 ("Nothing lost, no way in — round 2") promised that the outside
tester would come back with new cases of each class once "Data loss" and
"Money that cannot be right" were fixed. These are those cases, written
against the behaviour the README documents ("The command line", "Limits,
dates and corrections", "Reliability"). Each function is one case; each
FAILS while the defect is there and passes once it is fixed.

    COMMUNITY_LEDGER=build/app/community-ledger python3 tests/reliability/test_redteam13.py

Exit status: 0 when every case passes, 1 otherwise (each failing case is
named with what happened). Python 3 standard library only; no timing
assumption makes a case fail (the one case that needs a command to be
still running stops it with SIGSTOP and says "inconclusive" rather than
fail if it was too quick).
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(
    HERE, '..', '..', 'build', 'app', 'community-ledger')
NOW = '2026-06-30T10:00:00+08:00'


class Inconclusive(Exception):
    pass


def env_for(book, now=NOW):
    env = dict(os.environ)
    env['COMMUNITY_LEDGER_NOW'] = now
    env['COMMUNITY_LEDGER_BOOK'] = book
    env.pop('COMMUNITY_LEDGER_OPERATOR', None)
    env['LANG'] = 'C.UTF-8'
    env['LC_ALL'] = 'C.UTF-8'
    return env


def run(book, *args, now=NOW, check=None, timeout=60):
    proc = subprocess.run([BINARY, *args], env=env_for(book, now), cwd=os.path.dirname(book),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    out = proc.stdout.decode('utf-8', 'replace')
    err = proc.stderr.decode('utf-8', 'replace')
    if check is not None and proc.returncode != check:
        raise AssertionError('setup step %r exited %d (wanted %d): %s' % (args, proc.returncode, check, err.strip()))
    return proc.returncode, out, err


def new_book(tmp, name='book.clbook'):
    book = os.path.join(tmp, name)
    run(book, 'init', '--name', '红队小区', check=0)
    return book


def query(book, sql):
    con = sqlite3.connect('file:%s?mode=ro' % book, uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# ---------------------------------------------------------------------------
# Data loss: a command removes or overwrites a file it did not create


def case_demo_cleanup_removes_a_book_put_in_its_place(tmp):
    """`demo` removes the book it made when it fails, "never one put in its
    place meanwhile" (app/cli-reports.c) — but it takes both stats of the
    path after the failure, so a book renamed into place while the demo
    runs is deleted. The rename itself makes the demo fail (SQLite:
    "attempt to write a readonly database")."""
    precious = new_book(tmp, 'precious.clbook')
    run(precious, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '90', check=0)
    run(precious, 'pay', '1-1-101', '480', check=0)
    target = os.path.join(tmp, 'demo.clbook')
    proc = subprocess.Popen([BINARY, '--book', target, 'demo', '--households', '5000', '--years', '5'],
                            env=env_for(target), cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not os.path.exists(target) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is not None or not os.path.exists(target):
            raise Inconclusive('the demo finished before it could be stopped')
        os.kill(proc.pid, signal.SIGSTOP)
        if proc.poll() is not None:
            raise Inconclusive('the demo finished before it could be stopped')
        os.rename(precious, target)       # someone puts their book at that name
        os.kill(proc.pid, signal.SIGCONT)
        proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)
            proc.kill()
            proc.wait()
    assert os.path.exists(target), (
        'demo exited %d and deleted %s, a book it did not create (renamed into place while it ran)'
        % (proc.returncode, target))
    assert query(target, 'select count(*) from receipts')[0][0] == 1, 'the book put in place lost its receipt'


def case_qr_payload_empties_an_existing_file_when_the_command_fails(tmp):
    """README: "no command removes or overwrites a file it did not create";
    every output is written under a fresh name and renamed into place when
    whole. The hidden `--qr-payload FILE` (notice, receipt) opens an
    existing FILE with O_TRUNC before anything is written; when the notice
    then fails, FILE stays empty."""
    book = new_book(tmp)
    notes = os.path.join(tmp, 'notes.txt')
    with open(notes, 'w') as f:
        f.write('the treasurer\'s notes\n')
    rc, _, err = run(book, 'notice', os.path.join(tmp, 'no-such-folder', 'n.pdf'), '--qr-payload', notes)
    assert rc != 0, 'the notice into a missing folder should fail'
    with open(notes) as f:
        content = f.read()
    assert content == 'the treasurer\'s notes\n', (
        'notice exited %d (%s) and left --qr-payload %s emptied (%d bytes)' % (rc, err.strip(), notes, len(content)))


def case_qr_payload_fifo_blocks_forever(tmp):
    """An output that is a FIFO: `notice n.pdf --qr-payload FIFO` opens it for
    writing before anything else and blocks for good (no reader). Other
    outputs are written under a fresh name and renamed; this one should be
    too, or be refused as not a regular file."""
    book = new_book(tmp)
    fifo = os.path.join(tmp, 'payload')
    os.mkfifo(fifo)
    try:
        rc, _, _ = run(book, 'notice', os.path.join(tmp, 'n.pdf'), '--qr-payload', fifo, timeout=15)
    except subprocess.TimeoutExpired:
        raise AssertionError('notice --qr-payload FIFO still blocked after 15 s')


def case_output_named_as_a_backups_sidecar(tmp):
    """README: outputs are refused when they name "one of the book's
    backups" (and the book's own -journal/-wal/-shm "whether they exist or
    not"). A backup is a SQLite book too, and its -journal beside it is
    what SQLite reads (and plays back) when the backup is opened for a
    restore; every output command writes that name inside BOOK.backups/."""
    book = new_book(tmp)
    with open(os.path.join(tmp, 'h.csv'), 'w') as f:
        f.write('unit,owner,area\n1-1-101,王伟,90\n')
    run(book, 'household', 'import', os.path.join(tmp, 'h.csv'), check=0)
    run(book, 'pay', '1-1-101', '480', check=0)
    backups = book + '.backups'
    names = [n for n in os.listdir(backups) if n.endswith('.clbook')]
    assert names, 'no automatic backup was made by the import'
    problems = []
    for suffix in ('-journal', '-wal'):
        target = os.path.join(backups, names[0] + suffix)
        for args in (('export', 'xlsx', target), ('receipt', '2026-000001', target), ('backup', target)):
            rc, _, err = run(book, *args)
            if rc != 2:
                problems.append('%s exited %d' % (' '.join(args), rc))
            if os.path.exists(target):
                os.unlink(target)
    assert not problems, 'outputs written as a backup\'s sidecar: ' + '; '.join(problems)


def case_book_opened_through_a_symlink_leaves_its_backups_and_attachments_unguarded(tmp):
    """README: outputs are refused when they are "one of the book's backups;
    anything in the attachment store BOOK.files/", "symbolic links ... are
    seen through". The guard protects BOOK.backups/ and BOOK.files/ by the
    NAME the book was opened with: with `--book link.clbook` (a symlink to
    real.clbook) the real folders real.clbook.backups/ and
    real.clbook.files/ are not protected, and `export xlsx`, `receipt`,
    `backup` overwrite an automatic backup and an attached invoice scan
    with exit 0 (verify does not notice the replaced scan). The same through
    a hard link to the book, and for backups in a configured backup-dir
    (named real.clbook-DIGEST@…, guarded by the prefix of the name used)."""
    real = new_book(tmp, 'real.clbook')
    link = os.path.join(tmp, 'link.clbook')
    os.symlink('real.clbook', link)
    with open(os.path.join(tmp, 'h.csv'), 'w') as f:
        f.write('unit,owner,area\n1-1-101,王伟,90\n')
    run(real, 'household', 'import', os.path.join(tmp, 'h.csv'), check=0)
    scan = os.path.join(tmp, 'invoice.png')
    with open(scan, 'wb') as f:
        f.write(b'the signed invoice')
    # The money first: no account may go below zero (issue 13, round 2).
    run(real, 'pay', '1-1-101', '480', check=0)
    run(real, 'spend', '100', '--payee', '某维修部', '--category', 'repair', '--attach', scan, check=0)
    backup = os.path.join(real + '.backups', os.listdir(real + '.backups')[0])
    stored = os.path.join(real + '.files', os.listdir(real + '.files')[0])
    problems = []
    hard = os.path.join(tmp, 'hard.clbook')      # a hard link: the same book under another name
    os.link(real, hard)
    for alias in (link, hard):
        for target in (backup, stored):
            with open(target, 'rb') as f:
                before = f.read()
            for args in (('export', 'xlsx', target), ('receipt', '2026-000001', target), ('backup', target)):
                rc, _, _ = run(alias, *args)
                with open(target, 'rb') as f:
                    after = f.read()
                if rc != 2 or after != before:
                    problems.append('--book %s %s exited %d%s' % (
                        os.path.basename(alias), ' '.join(args).replace(tmp + '/', ''), rc,
                        ' and replaced it' if after != before else ''))
                    with open(target, 'wb') as f:
                        f.write(before)
    assert not problems, '; '.join(problems)


def case_export_xlsx_with_a_file_size_limit_exits_0_with_a_truncated_workbook(tmp):
    """A full disk via `ulimit -f`: libxlsxwriter writes each sheet to a
    tmpfile() first and does not check those writes, so `export xlsx` under
    a 200 KB file-size limit (SIGXFSZ ignored, as a full disk would give
    ENOSPC/EFBIG) exits 0 and renames a workbook with a truncated sheet
    over the previous good one; `verify --export` then calls it not
    readable. It must exit 1 and leave the old file as it was."""
    import resource
    book = os.path.join(tmp, 'demo.clbook')
    run(book, 'demo', '--households', '200', '--years', '2', check=0)
    out = os.path.join(tmp, 'audit.xlsx')
    run(book, 'export', 'xlsx', out, check=0)
    with open(out, 'rb') as f:
        good = f.read()

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200 * 1024, 200 * 1024))

    proc = subprocess.run([BINARY, '--book', book, 'export', 'xlsx', out], env=env_for(book), cwd=tmp,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit, timeout=120)
    with open(out, 'rb') as f:
        now = f.read()
    rc, vout, verr = run(book, 'verify', '--export', out)
    assert proc.returncode != 0 or rc == 0, (
        'export xlsx under a 200 KB file-size limit exited %d, and verify --export then says: %s'
        % (proc.returncode, (vout + verr).strip().splitlines()[-1][:200]))
    assert proc.returncode == 0 or now == good, 'the failed export replaced the previous workbook'


def case_output_named_as_the_backups_or_attachments_folder_disables_them(tmp):
    """The guard protects the files in BOOK.backups/ and BOOK.files/ but not
    the folder names themselves while the folders do not exist yet (a new
    book): `export xlsx BOOK.backups`, `receipt R BOOK.files`, `backup
    BOOK.backups` are accepted and write plain files there. From then on
    every automatic backup fails ("Not a directory"): `household import`
    and `restore` are impossible, and no attachment can be kept."""
    problems = []
    for args in (('export', 'xlsx', '{book}.backups'), ('receipt', '2026-000001', '{book}.files'),
                 ('backup', '{book}.backups'), ('notice', '{dir}/n.pdf', '--html', '{book}.files')):
        sub = tempfile.mkdtemp(dir=tmp)
        book = new_book(sub)
        run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '90', check=0)
        run(book, 'pay', '1-1-101', '480', check=0)
        good = os.path.join(sub, 'good.clbook')
        run(book, 'backup', good, check=0)
        argv = [a.format(book=book, dir=sub) for a in args]
        rc, _, _ = run(book, *argv)
        if rc == 2:
            continue
        with open(os.path.join(sub, 'h.csv'), 'w') as f:
            f.write('unit,owner,area\n1-1-102,李雷,80\n')
        rc_import, _, err_import = run(book, 'household', 'import', os.path.join(sub, 'h.csv'))
        rc_restore, _, _ = run(book, 'restore', good)
        problems.append('%s exited %d; then household import exited %d, restore %d (%s)' % (
            ' '.join(args), rc, rc_import, rc_restore, err_import.strip()[:90]))
    assert not problems, '; '.join(problems)


def case_output_replaces_a_device_node_or_fifo(tmp):
    """An output that names a FIFO or a character device (think `--png
    /dev/null` to skip the image, run as root as CI does) is not written
    to: the staged writer renames its temporary file over the node, so the
    FIFO, or the device node, is deleted and replaced by a regular file.
    (Demonstrated on a FIFO and on a copy of /dev/null made with mknod in
    a scratch folder — never on the real /dev/null.) A special file must
    be refused (exit 2) or written through, never replaced."""
    import stat
    book = new_book(tmp)
    run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '90', check=0)
    run(book, 'pay', '1-1-101', '480', check=0)
    nodes = []
    fifo = os.path.join(tmp, 'fifo')
    os.mkfifo(fifo)
    nodes.append((fifo, stat.S_ISFIFO))
    if os.geteuid() == 0:
        nul = os.path.join(tmp, 'null')
        os.mknod(nul, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        nodes.append((nul, stat.S_ISCHR))
    problems = []
    for node, is_kind in nodes:
        for args in (('export', 'xlsx', node), ('receipt', '2026-000001', node), ('backup', node),
                     ('notice', os.path.join(tmp, 'n.pdf'), '--png', node)):
            try:
                rc, _, _ = run(book, *args, timeout=20)
            except subprocess.TimeoutExpired:
                problems.append('%s blocked' % ' '.join(args).replace(tmp + '/', ''))
                continue
            if not is_kind(os.lstat(node).st_mode):
                problems.append('%s exited %d and replaced the node by a regular file'
                                % (' '.join(args).replace(tmp + '/', ''), rc))
                os.unlink(node)
                if is_kind is stat.S_ISFIFO:
                    os.mkfifo(node)
                else:
                    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert not problems, '; '.join(problems)


# ---------------------------------------------------------------------------
# Approvers


def case_member_add_accepts_a_name_approvers_treat_as_the_same(tmp):
    """README: a member's name is "unique among active members", and
    approvers are "compared without spaces, zero-width or bidi characters,
    full-width forms folded". `member add` compares raw strings: 王伟 and
    王 伟, 王<ZWSP>伟 and 王<SHY>伟 are all added as further active members,
    although `spend --approvers` then calls them one name."""
    book = new_book(tmp)
    run(book, 'member', 'add', '王伟', '--role', '委员', check=0)
    accepted = []
    for variant in ('王 伟', '王\u200b伟', '王\u00ad伟', '王\u3000伟', 'ＷＡＮＧ', 'wang'):
        rc, _, _ = run(book, 'member', 'add', variant, '--role', '委员')
        if rc == 0:
            accepted.append(ascii(variant))
    # wang/ＷＡＮＧ: only one of the two may be accepted (they are one name)
    names = [m['name'] for m in json.loads(run(book, 'member', 'list', '--json', check=0)[1])['members']]
    assert len(accepted) <= 1, 'member add accepted look-alikes of an active member: %s (register: %s)' % (
        ', '.join(accepted), ascii(names))


def case_one_person_approves_six_times_through_invisible_characters(tmp):
    """`spend --approvers` refuses "a name given twice" after folding
    spaces, zero-width and bidi characters. Variation selectors (U+FE0F,
    U+E0100), the combining grapheme joiner U+034F, the Hangul filler
    U+3164 and the braille blank U+2800 display as nothing (or a space) and
    are not folded: with members added under those spellings, one person's
    approval is recorded six times."""
    book = new_book(tmp)
    variants = ['王伟', '王伟\ufe0f', '王伟\u034f', '王伟\u3164', '王\u2800伟', '王伟\U000E0100']
    for v in variants:
        run(book, 'member', 'add', v, '--role', '委员')
    rc, out, err = run(book, 'spend', '100', '--payee', '某维修部', '--category', 'repair',
                       '--approvers', ','.join(variants))
    assert rc == 2, 'spend exited %d and recorded approvers %s (one person, six spellings)' % (
        rc, ascii(query(book, 'select approvers from expenditures')))


def case_approver_not_yet_a_member_on_the_spending_date(tmp):
    """README: approvers are "members active on the expenditure's date".
    A member added today approves an expenditure dated six months ago."""
    book = new_book(tmp)
    run(book, 'member', 'add', '李雷', '--role', '主任', check=0)
    rc, out, err = run(book, 'spend', '10', '--payee', '某维修部', '--category', 'repair',
                       '--date', '2026-01-05', '--approvers', '李雷')
    assert rc == 2, 'spend dated 2026-01-05 exited %d with approver 李雷, a member only since 2026-06-30' % rc


def case_approver_retired_on_the_spending_date(tmp):
    """A member retired on 07-05 and added again on 07-10 approves an
    expenditure dated 07-07, when they were not a member."""
    book = new_book(tmp)
    run(book, 'member', 'add', '李雷', '--role', '主任', check=0)
    run(book, 'member', 'retire', '李雷', now='2026-07-05T10:00:00+08:00', check=0)
    run(book, 'member', 'add', '李雷', '--role', '委员', now='2026-07-10T10:00:00+08:00', check=0)
    rc, out, err = run(book, 'spend', '10', '--payee', '某维修部', '--category', 'repair',
                       '--date', '2026-07-07', '--approvers', '李雷', now='2026-07-12T10:00:00+08:00')
    assert rc == 2, 'spend dated 2026-07-07 exited %d with approver 李雷, retired 07-05 to 07-10' % rc


# ---------------------------------------------------------------------------
# Dates: entries after today, corrections before what they correct


def case_member_retired_before_they_joined(tmp):
    """"Corrections are never dated before what they correct": a member
    added on 07-10 can be retired with a clock at 06-01, and the register
    then says since 2026-07-10, retired 2026-06-01."""
    book = new_book(tmp)
    run(book, 'member', 'add', '韩梅梅', '--role', '委员', now='2026-07-10T10:00:00+08:00', check=0)
    rc, _, _ = run(book, 'member', 'retire', '韩梅梅', now='2026-06-01T10:00:00+08:00')
    members = json.loads(run(book, 'member', 'list', '--all', '--json', now='2026-07-10T10:00:00+08:00',
                             check=0)[1])['members']
    bad = [m for m in members if m['retired'] and m['retired'] < m['since']]
    assert not bad, 'member retire exited %d and recorded %s' % (rc, bad)


def case_demo_writes_entries_after_today(tmp):
    """README: "Entries dated after today are refused unless the book's
    setting allows a stated number of days ahead" (default 0). `demo`
    (default end year = this year) writes expenditures dated after today,
    and `demo --end-year 2099` writes receipts 2099-00000N."""
    problems = []
    book = os.path.join(tmp, 'demo.clbook')
    run(book, 'demo', '--households', '5', '--years', '1', check=0)
    later = query(book, "select count(*), max(date) from txns where date > '2026-06-30'")[0]
    if later[0]:
        problems.append('default demo: %d entries after today 2026-06-30, up to %s' % later)
    book2 = os.path.join(tmp, 'demo2099.clbook')
    rc, _, _ = run(book2, 'demo', '--households', '5', '--years', '2', '--end-year', '2099')
    if rc == 0:
        problems.append('demo --end-year 2099: receipts up to %s' % query(book2, 'select max(number) from receipts')[0])
    assert not problems, '; '.join(problems)


def case_spending_takes_cash_below_zero(tmp):
    """README: corrections are ordered "so no balance goes negative on any
    day", and the issue lists "overview shows negative funds" among the
    money that cannot be right. `spend` takes any amount from an account
    that does not hold it: with ¥100 of cash received, `spend 4000
    --method cash` is recorded and the overview shows funds of −¥3,900; an
    expenditure dated before any receipt makes January's cash negative."""
    book = new_book(tmp)
    run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '90', check=0)
    run(book, 'pay', '1-1-101', '100', check=0)
    rc1, _, _ = run(book, 'spend', '4000', '--payee', '某维修部', '--category', 'repair', '--method', 'cash')
    rc2, _, _ = run(book, 'spend', '50', '--payee', '某维修部', '--category', 'repair', '--method', 'cash',
                    '--date', '2026-01-02')
    overview = json.loads(run(book, 'report', 'overview', '--json', check=0)[1])
    january = json.loads(run(book, 'report', 'balance', '--period', '2026-01', '--json', check=0)[1])
    cash_jan = [a['balance'] for a in january['accounts'] if a['code'] == 'cash'][0]
    assert overview['funds'] >= 0 and overview['cash'] >= 0 and cash_jan >= 0, (
        'spend exited %d and %d; overview funds %d fen, cash %d fen; cash at the end of January %d fen'
        % (rc1, rc2, overview['funds'], overview['cash'], cash_jan))


def case_backdated_spending_under_a_spend_limit_raised_later(tmp):
    """README: "an expenditure dated before the vote it cites was closed"
    is refused (owners approve spending before it happens). Its cousin,
    the spend limit, is not dated: `spend 6000 --date 2026-01-05` is
    refused under the ¥5,000 limit, but after `spend-limit 900000` today
    an ¥800,000 expenditure dated 2026-01-05 — when the limit was ¥5,000 —
    is recorded without any vote."""
    book = new_book(tmp)
    rc0, _, _ = run(book, 'spend', '6000', '--payee', '某公司', '--category', 'repair', '--date', '2026-01-05')
    assert rc0 == 2, 'spend over the limit was not refused (exit %d)' % rc0
    run(book, 'spend-limit', '900000', check=0)
    rc, out, _ = run(book, 'spend', '800000', '--payee', '某公司', '--category', 'repair', '--method', 'bank',
                     '--date', '2026-01-05')
    assert rc == 2, ('spend 800000 dated 2026-01-05 exited %d (expenditure %s) under a spend limit '
                     'raised on 2026-06-30' % (rc, out.strip()))


def case_void_of_a_spent_payment_takes_cash_below_zero(tmp):
    """The void's cousin: ¥100 received in cash and spent in cash; voiding
    the receipt (dated today, after both) leaves cash at −¥100."""
    book = new_book(tmp)
    run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '90', check=0)
    receipt = run(book, 'pay', '1-1-101', '100', '--method', 'cash', check=0)[1].strip()
    run(book, 'spend', '100', '--payee', '某维修部', '--category', 'repair', '--method', 'cash', check=0)
    rc, _, _ = run(book, 'void', receipt, '--reason', '错账')
    overview = json.loads(run(book, 'report', 'overview', '--json', check=0)[1])
    assert overview['cash'] >= 0, 'void exited %d; overview cash %d fen, funds %d fen' % (
        rc, overview['cash'], overview['funds'])


def case_payment_dated_years_before_the_charge_it_settles(tmp):
    """A payment is allocated to the open charges whatever its date: `pay
    --date 2020-03-01` (after 2000, so accepted) for a household that moved
    in in 2025 settles its 2026 charge, billed 2026-01-01. The receivable
    is then −¥360 at the end of 2020 and receipt 2020-000001 exists in a
    book opened in 2026. A settlement must not be dated before what it
    settles (the excess, if any, is credit)."""
    book = new_book(tmp)
    run(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '1', '--move-in', '2025-01-01', check=0)
    run(book, 'bill', '2026', check=0)
    rc, out, _ = run(book, 'pay', '1-1-101', '360', '--date', '2020-03-01')
    balance = json.loads(run(book, 'report', 'balance', '--period', '2020', '--json', check=0)[1])
    negative = {a['code']: a['balance'] for a in balance['accounts']
                if a['kind'] == 'asset' and a['balance'] < 0}
    assert not negative, 'pay --date 2020-03-01 exited %d (%s); at the end of 2020: %s' % (
        rc, out.strip(), negative)


# ---------------------------------------------------------------------------
# Votes: one head per owner while a vote is open


def case_owner_key_lookalike_of_a_voter_during_an_open_vote(tmp):
    """README: while a vote is open, "another unit moved onto a voter's
    key" is refused. The check compares raw strings: K1<ZWSP>, Ｋ1
    (full-width), K<SHY>1 or K1<VS16> — shown as K1 everywhere — are
    accepted, and the unit's ballot then counts as a second head."""
    book = new_book(tmp)
    run(book, 'household', 'add', '1-1-101', '--owner', '甲', '--area', '100', '--owner-key', 'K1', check=0)
    run(book, 'household', 'add', '1-1-102', '--owner', '乙', '--area', '100', check=0)
    vote = run(book, 'vote', 'new', '--title', '更换路灯', '--matter', '9', '--closes', '2026-07-30',
               check=0)[1].strip()
    run(book, 'vote', 'ballot', vote, '1-1-101', 'yes', check=0)
    accepted = []
    for key in ('K1\u200b', 'Ｋ1', 'K\u00ad1', 'K1\ufe0f', '\u200bK1'):
        rc, _, _ = run(book, 'household', 'edit', '1-1-102', '--owner-key', key)
        if rc == 0:
            accepted.append(ascii(key))
    assert not accepted, ('while vote %s is open and owner K1 has voted, unit 1-1-102 was moved onto '
                          'look-alikes of K1: %s' % (vote, ', '.join(accepted)))


CASES = [
    case_output_replaces_a_device_node_or_fifo,
    case_output_named_as_the_backups_or_attachments_folder_disables_them,
    case_export_xlsx_with_a_file_size_limit_exits_0_with_a_truncated_workbook,
    case_book_opened_through_a_symlink_leaves_its_backups_and_attachments_unguarded,
    case_demo_cleanup_removes_a_book_put_in_its_place,
    case_qr_payload_empties_an_existing_file_when_the_command_fails,
    case_qr_payload_fifo_blocks_forever,
    case_output_named_as_a_backups_sidecar,
    case_member_add_accepts_a_name_approvers_treat_as_the_same,
    case_one_person_approves_six_times_through_invisible_characters,
    case_approver_not_yet_a_member_on_the_spending_date,
    case_approver_retired_on_the_spending_date,
    case_member_retired_before_they_joined,
    case_demo_writes_entries_after_today,
    case_spending_takes_cash_below_zero,
    case_void_of_a_spent_payment_takes_cash_below_zero,
    case_backdated_spending_under_a_spend_limit_raised_later,
    case_payment_dated_years_before_the_charge_it_settles,
    case_owner_key_lookalike_of_a_voter_during_an_open_vote,
]


def main():
    only = set(sys.argv[1:])
    failed = 0
    for case in CASES:
        if only and case.__name__ not in only:
            continue
        tmp = tempfile.mkdtemp(prefix='redteam13-')
        try:
            case(tmp)
            print('PASS', case.__name__)
        except Inconclusive as e:
            print('SKIP', case.__name__, '-', e)
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
