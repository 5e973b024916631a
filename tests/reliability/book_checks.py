"""book_checks.py — what a book must satisfy after anything happened to it

Shared by the crash and concurrency tests. check_book() runs the real
`community-ledger verify` first (as a treasurer's next command would, so it
is the program that rolls back a hot journal left by a killed writer), then
looks at the file with Python's own sqlite3 module:

- PRAGMA integrity_check is "ok" and foreign_key_check finds nothing;
- journal ids run 1..n without gaps, every transaction's splits sum to
  zero, and so does the whole journal;
- no half operation: every receipt, void and expenditure row has its
  transaction of the right kind, and every payment, void and expenditure
  transaction has its row; receipts' amounts match their transactions;
- receipt numbers run 1..n within each year, without gaps;
- everything a writer reported as saved is in the book.
"""

import os
import sqlite3
import subprocess


class BookError(AssertionError):
    """The book broke one of its invariants."""


def run_cli(book, *args, check=True, timeout=120):
    """Runs the real command line on @book; returns the CompletedProcess."""
    proc = subprocess.run([os.environ['COMMUNITY_LEDGER'], '--book', book, *args],
                          capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise BookError(f'community-ledger {" ".join(args)} exited {proc.returncode}: '
                        f'{proc.stderr.strip()}')
    return proc


def new_book(path, units=8):
    """A book with @units households billed for 2026, made with the real CLI."""
    run_cli(path, 'init', '--name', '可靠性测试小区')
    csv = path + '.households.csv'
    with open(csv, 'w', encoding='utf-8') as f:
        f.write('unit,owner,area,spaces\n')
        for i in range(units):
            f.write(f'{1 + i // 4}-1-{101 + i % 4},业主{i},{80 + i}.5,{i % 2}\n')
    run_cli(path, 'household', 'import', csv)
    run_cli(path, 'bill', '2026')
    return path


def dump(path):
    """The logical content of the book: every table, ordered by all columns."""
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        out = [f'application_id {db.execute("PRAGMA application_id").fetchone()[0]}',
               f'user_version {db.execute("PRAGMA user_version").fetchone()[0]}']
        out += [repr(row) for row in
                db.execute('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY 1, 2')]
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
        for table in tables:
            n = len(db.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
            order = ', '.join(str(i + 1) for i in range(n))
            out.append(f'-- {table}')
            out += [repr(row) for row in db.execute(f'SELECT * FROM "{table}" ORDER BY {order}')]
        return '\n'.join(out)
    finally:
        db.close()


def _rows(db, sql, *args):
    return db.execute(sql, args).fetchall()


def _expect_none(db, what, sql):
    rows = _rows(db, sql)
    if rows:
        raise BookError(f'{what}: {rows[:5]}')


def check_book(path, saved=None):
    """Checks @path through and through. @saved maps 'pay', 'spend' and
    'void' to what writers reported as saved. Returns counts."""
    head = run_cli(path, 'verify').stdout.strip()
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        integrity = _rows(db, 'PRAGMA integrity_check')
        if integrity != [('ok',)]:
            raise BookError(f'integrity_check: {integrity[:5]}')
        _expect_none(db, 'foreign_key_check', 'PRAGMA foreign_key_check')
        _check_journal(db)
        _check_operations(db)
        _check_receipt_numbers(db)
        if saved is not None:
            _check_saved(db, saved)
        return {
            'txns': _rows(db, 'SELECT count(*) FROM txns')[0][0],
            'receipts': _rows(db, 'SELECT count(*) FROM receipts')[0][0],
            'fingerprint': head,
        }
    finally:
        db.close()


def _check_journal(db):
    count, low, high = _rows(db, 'SELECT count(*), min(id), max(id) FROM txns')[0]
    if count and (low != 1 or high != count):
        raise BookError(f'journal ids are not 1..{count}: min {low}, max {high}')
    _expect_none(db, 'transactions whose splits do not sum to zero',
                 'SELECT txn_id, sum(amount) FROM splits GROUP BY txn_id HAVING sum(amount) <> 0')
    total = _rows(db, 'SELECT coalesce(sum(amount), 0) FROM splits')[0][0]
    if total != 0:
        raise BookError(f'the journal does not balance: splits sum to {total}')
    _expect_none(db, 'splits of transactions that do not exist',
                 'SELECT s.txn_id FROM splits s LEFT JOIN txns t ON t.id = s.txn_id WHERE t.id IS NULL')
    leaves = _rows(db, 'SELECT count(*) FROM merkle_nodes WHERE level = 0')[0][0]
    if leaves != count:
        raise BookError(f'{count} journal entries but {leaves} leaves in the cached tree')


def _check_operations(db):
    """Every record has its transaction and every transaction its record."""
    _expect_none(db, 'receipts without their payment transaction',
                 "SELECT r.number FROM receipts r LEFT JOIN txns t ON t.id = r.txn_id"
                 " WHERE t.id IS NULL OR t.kind <> 'payment' OR t.ref <> r.number")
    _expect_none(db, 'payment transactions without a receipt',
                 "SELECT t.id FROM txns t LEFT JOIN receipts r ON r.txn_id = t.id"
                 " WHERE t.kind = 'payment' AND r.number IS NULL")
    _expect_none(db, 'receipts whose amount is not what the payment received',
                 "SELECT r.number FROM receipts r WHERE r.amount <>"
                 " (SELECT sum(amount) FROM splits s WHERE s.txn_id = r.txn_id AND s.amount > 0)")
    _expect_none(db, 'payments that settled more than they received',
                 "SELECT r.number FROM receipts r WHERE r.amount <"
                 " (SELECT coalesce(sum(amount), 0) FROM allocations a WHERE a.txn_id = r.txn_id)")
    _expect_none(db, 'voids without their reversing transaction',
                 "SELECT v.receipt FROM voids v JOIN receipts r ON r.number = v.receipt"
                 " LEFT JOIN txns t ON t.id = v.txn_id"
                 " WHERE t.id IS NULL OR t.kind <> 'void' OR t.reverses <> r.txn_id")
    _expect_none(db, 'void transactions without a void record',
                 "SELECT t.id FROM txns t LEFT JOIN voids v ON v.txn_id = t.id"
                 " WHERE t.kind = 'void' AND v.receipt IS NULL")
    _expect_none(db, 'voids that did not undo what the payment settled',
                 "SELECT v.receipt FROM voids v JOIN receipts r ON r.number = v.receipt"
                 " WHERE (SELECT coalesce(sum(amount), 0) FROM allocations WHERE txn_id = r.txn_id)"
                 " + (SELECT coalesce(sum(amount), 0) FROM allocations WHERE txn_id = v.txn_id) <> 0")
    _expect_none(db, 'expenditures without their transaction',
                 "SELECT e.id FROM expenditures e LEFT JOIN txns t ON t.id = e.txn_id"
                 " WHERE t.id IS NULL OR t.kind <> 'expenditure'"
                 " OR e.amount <> (SELECT sum(amount) FROM splits s"
                 "                 WHERE s.txn_id = e.txn_id AND s.account = e.category)")
    _expect_none(db, 'expenditure transactions without an expenditure record',
                 "SELECT t.id FROM txns t LEFT JOIN expenditures e ON e.txn_id = t.id"
                 " WHERE t.kind = 'expenditure' AND e.id IS NULL")


def _check_receipt_numbers(db):
    for year, count, low, high in _rows(db, 'SELECT year, count(*), min(seq), max(seq)'
                                            ' FROM receipts GROUP BY year'):
        if low != 1 or high != count:
            raise BookError(f'receipt numbers of {year} have gaps: {count} receipts, '
                            f'numbers {low}..{high}')


def _check_saved(db, saved):
    receipts = {r[0] for r in _rows(db, 'SELECT number FROM receipts')}
    expenditures = {str(r[0]) for r in _rows(db, 'SELECT id FROM expenditures')}
    voids = {r[0] for r in _rows(db, 'SELECT receipt FROM voids')}
    for kind, have in (('pay', receipts), ('spend', expenditures), ('void', voids)):
        lost = set(saved.get(kind, ())) - have
        if lost:
            raise BookError(f'reported saved but not in the book ({kind}): {sorted(lost)[:10]}')
