#!/usr/bin/python3
"""The tamper battery (issue 15): every table beside the journal, every
column, edited behind the program's back as an attacker with sqlite3 would
(append-only triggers dropped first), must make `verify` exit 3 with a
message naming the table (and the column, unless the edit moved the row's
key). The book is built by the real binary and holds a row in every table.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import run  # noqa: E402

# Every table verify rebuilds from the journal, with its key columns.
PROJECTIONS = {
    "settings": ["key"], "accounts": ["id"], "households": ["id"],
    "household_salts": ["unit"], "owner_records": ["txn_id", "unit"],
    "fees": ["id"], "charges": ["id"], "allocations": ["txn_id", "charge_id"],
    "receipts": ["number"], "voids": ["receipt"], "waivers": ["id"],
    "expenditures": ["id"], "attachments": ["id"], "votes": ["id"], "ballots": ["id"],
    "vote_results": ["vote_id"], "notices": ["id"], "notice_files": ["notice_id", "kind"],
    "announcements": ["expenditure_id"], "openings": ["txn_id"], "charge_status": ["charge_id"],
    "transfers": ["txn_id"], "incomes": ["txn_id"], "refunds": ["txn_id"],
    "account_days": ["account", "date"],
    "closed_periods": ["period"], "corrections": ["txn_id"],
    # issue 16
    "advances": ["txn_id"], "expenditure_sources": ["txn_id"],
    "reconciliations": ["txn_id"],
}

# Values the schema's CHECK constraints allow, tried when "+x" is refused.
ALLOWED = ["yes", "no", "abstain", "occupied", "rented", "vacant", "cash", "wechat", "alipay",
           "bank", "household", "space", "payment", "credit", "waiver", "general",
           "maintenance", "pdf", "png", "html", "asset", "liability", "equity", "income",
           "expense", "rent", "interest", "operating", "public", "give", "return", "balance",
           "arrears"]


def candidates(value):
    """Other values for a column holding @value, most natural first."""
    if value is None:
        return [1, "x"]
    if isinstance(value, int):
        return [value + 1, value - 1, value + 100, 0, 1]
    return [value + "x", "x"] + [v for v in ALLOWED if v != value]


def drop_append_only_triggers(db):
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                              " AND (name LIKE '%_no_update' OR name LIKE '%_no_delete')"
                              ).fetchall():
        db.execute(f"DROP TRIGGER {name}")


def tampered_copy(book, path, table, keys, column):
    """A copy of @book at @path with one value of @table.@column changed (in
    the row last by @keys), as an attacker with sqlite3 would; None when no
    change the schema allows exists."""
    shutil.copyfile(book, path)
    db = sqlite3.connect(path)
    drop_append_only_triggers(db)
    row = db.execute(f"SELECT {', '.join(keys)}, {column} FROM {table}"
                     f" ORDER BY {', '.join(keys)} DESC LIMIT 1").fetchone()
    where = " AND ".join(f"{k} IS ?" for k in keys)
    for value in candidates(row[-1]):
        try:
            db.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (value, *row[:-1]))
            db.commit()
            db.close()
            return path
        except sqlite3.IntegrityError:
            db.rollback()
    db.close()
    return None


class TamperBattery(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="tamper-")
        cls.book = os.path.join(cls.dir, "book.clbook")
        book = cls.book
        run(book, "demo", "--households", "12", "--years", "2")
        scan = os.path.join(cls.dir, "invoice.png")
        with open(scan, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        run(book, "member", "add", "王芳", "--role", "主任")
        run(book, "settings", "address", "幸福路 1 号")
        out, _ = run(book, "pay", "1-1-101", "100")
        run(book, "void", out.strip().split()[-1], "--reason", "录错")
        run(book, "pay", "1-1-102", "200")
        run(book, "spend", "50", "--payee", "五金店", "--category", "repair",
            "--attach", scan)
        # Issue 16: a transfer with a bank charge, an income, a refund of credit.
        run(book, "transfer", "100", "--from", "cash", "--to", "bank", "--fee", "0.50",
            "--memo", "存现")
        run(book, "income", "12.34", "--category", "interest", "--account", "bank",
            "--payer", "开户银行", "--memo", "二季度利息")
        run(book, "pay", "1-1-102", "5000")
        run(book, "refund", "1-1-102", "10", "--method", "cash", "--reason", "多交")
        # A closed quarter and a correction of it (issue 16).
        run(book, "notice", os.path.join(cls.dir, "q1.pdf"), "--period", "2026-Q1")
        run(book, "period", "close", "2026-Q1")
        run(book, "pay", "1-1-102", "10", "--corrects", "2026-Q1")
        # An advance to 王芳, part of it spent and part returned (issue 16).
        run(book, "advance", "give", "王芳", "100", "--from", "cash")
        run(book, "spend", "40", "--payee", "灯具店", "--category", "lighting",
            "--from", "advance:王芳")
        run(book, "advance", "return", "王芳", "30", "--to", "cash")
        # Issue 16: opening entries; the last row of openings (the one
        # edited) is arrears, with a household and a charge.
        # the demo opened cash on 2025-01-01, before its first money entry
        run(book, "opening", "balance", "alipay", "500", "--date", "2025-01-01")
        run(book, "opening", "credit", "1-1-201", "20")
        run(book, "opening", "arrears", "1-1-202", "property", "2020", "360")
        # A bank statement that does not agree with the book (issue 16).
        run(book, "account", "reconcile", "bank", "1234.56", "--memo", "对账单")
        run(book, "notice", os.path.join(cls.dir, "notice.pdf"),
            "--png", os.path.join(cls.dir, "notice.png"))
        run(book, "verify")
        db = sqlite3.connect(book)
        for table in PROJECTIONS:
            count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count > 0, f"the battery's book has no row in {table}"
        db.close()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def tampered_copy(self, table, column):
        return tampered_copy(self.book, os.path.join(self.dir, f"t-{table}-{column}.clbook"),
                             table, PROJECTIONS[table], column)

    def test_every_column_of_every_table(self):
        db = sqlite3.connect(self.book)
        cases = [(t, c[1]) for t in PROJECTIONS
                 for c in db.execute(f"PRAGMA table_info({t})").fetchall()]
        db.close()
        self.assertGreater(len(cases), 100)
        for table, column in cases:
            with self.subTest(table=table, column=column):
                path = self.tampered_copy(table, column)
                if path is None:
                    self.skipTest(f"{table}.{column}: no other value the schema allows")
                _, err = run(path, "verify", expect=3)
                if table == "households" and column in ("id", "unit"):
                    # a split names its household by these: the leaf changes,
                    # and the entry that no longer hashes as written is named
                    self.assertIn("differs from the fingerprint", err)
                    continue
                self.assertIn(table, err)
                if (table, column) == ("household_salts", "salt"):
                    # named with the commitment it no longer gives
                    self.assertIn("commitment", err)
                elif column not in PROJECTIONS[table]:
                    self.assertIn(f"column {column}", err)
                os.unlink(path)


if __name__ == "__main__":
    unittest.main(verbosity=2)
