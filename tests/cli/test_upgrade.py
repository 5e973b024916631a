#!/usr/bin/python3
"""Existing books keep their history (issue 15): a book written by version
0.1 (schema 2, version-1 leaves, tests/fixtures/book-0.1.sql) is upgraded by
the first command that opens it. The upgrade appends one snapshot entry and
rewrites nothing: the 159 old entries still give the fingerprint 0.1 printed,
the upgraded book verifies, and an edit anywhere is found — in a row written
before the upgrade (against the snapshot's digests) or after it (against the
replay).
"""
import os
import shutil
import sqlite3
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import run, FIXTURES  # noqa: E402
import reference_fingerprint  # noqa: E402

# What `community-ledger verify` printed for the book under version 0.1.
OLD_HEAD = "159:a1a386395d5e0d4ba4b4813cf2c44d2a58c7ed4509a5a446a1a326ae6c042b5e"
# ... and for tests/fixtures/book-schema3.sql (`demo --households 8 --years 1`
# written at schema 3, before the committee's money had tables of its own).
SCHEMA3_HEAD = "87:9276eaba9b2bc92427535954958b8c5f94bed36e663a92c6a43f7c2e99e657f3"
MONEY_TABLES = ("openings", "incomes", "transfers", "refunds", "advances", "expenditure_sources",
                "closed_periods", "corrections")


def drop_triggers(db):
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                              " AND (name LIKE '%_no_update' OR name LIKE '%_no_delete')").fetchall():
        db.execute(f"DROP TRIGGER {name}")


class Upgrade(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="upgrade-")
        self.book = os.path.join(self.dir, "old.clbook")
        db = sqlite3.connect(self.book)
        with open(os.path.join(FIXTURES, "book-0.1.sql"), encoding="utf-8") as f:
            db.executescript(f.read())
        db.close()

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def upgraded(self):
        run(self.book, "household", "list")  # any command opening it with write access
        return self.book

    def tampered(self, sql):
        path = os.path.join(self.dir, "tampered.clbook")
        shutil.copyfile(self.book, path)
        db = sqlite3.connect(path)
        drop_triggers(db)
        db.execute(sql)
        db.commit()
        db.close()
        return path

    def test_upgrade_appends_one_snapshot_and_keeps_history(self):
        self.upgraded()
        out, _ = run(self.book, "verify", "--head", OLD_HEAD)
        self.assertTrue(out.startswith("fingerprint 160:"), out)
        db = sqlite3.connect(self.book)
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 4)
        self.assertEqual(db.execute("SELECT kind, leaf FROM txns WHERE id = 160").fetchone(),
                         ("snapshot", 2))
        self.assertEqual(db.execute("SELECT count(*) FROM txns WHERE leaf = 1").fetchone()[0], 159)
        # every household restated, with a salt and what it committed to
        self.assertEqual(db.execute("SELECT count(*) FROM facts WHERE txn_id = 160"
                                    " AND fact LIKE 'household|%'").fetchone()[0], 6)
        self.assertEqual(db.execute("SELECT count(*) FROM owner_records WHERE txn_id = 160"
                                    ).fetchone()[0], 6)
        db.close()
        self.assertEqual(out.split()[1], reference_fingerprint.fingerprint(self.book))
        self.assertEqual(reference_fingerprint.commitment_mismatches(self.book), [])
        self.assertEqual(reference_fingerprint.snapshot_mismatches(self.book), [])
        self.assertEqual(reference_fingerprint.snapshot_mismatches(
            self.tampered("UPDATE ballots SET choice = 'no' WHERE id = 1")), ["ballots"])
        # a backup of the book as it was is made before the upgrade
        backups = os.listdir(self.book + ".backups")
        self.assertTrue(any(name.endswith("-before-upgrade.clbook") for name in backups), backups)

    def test_the_upgraded_book_goes_on(self):
        self.upgraded()
        out, _ = run(self.book, "pay", "1-1-102", "360", "--date", "2026-06-01")
        receipt = out.strip().split()[-1]
        run(self.book, "void", receipt, "--reason", "重复")
        run(self.book, "household", "edit", "1-1-101", "--area", "99")
        run(self.book, "verify")

    def test_rows_before_the_upgrade_are_checked_against_the_snapshot(self):
        self.upgraded()
        for table, sql in [
                ("charges", "UPDATE charges SET amount = amount + 1 WHERE id = 1"),
                ("receipts", "UPDATE receipts SET method = 'bank' WHERE method <> 'bank'"
                             " AND number = (SELECT min(number) FROM receipts WHERE method <> 'bank')"),
                ("vote_results", "UPDATE vote_results SET passed = 1 - passed"),
                ("allocations", "DELETE FROM allocations WHERE txn_id ="
                                " (SELECT min(txn_id) FROM allocations)"),
                ("notices", "UPDATE notices SET fingerprint = '1:' || substr(fingerprint, 3)")]:
            with self.subTest(table=table):
                _, err = run(self.tampered(sql), "verify", expect=3)
                self.assertIn(f"table {table}", err)

    def test_mutable_rows_are_checked_against_the_restatement(self):
        self.upgraded()
        for table, column, sql in [
                ("households", "area", "UPDATE households SET area = area + 1 WHERE id = 2"),
                ("settings", "value", "UPDATE settings SET value = '1' WHERE key = 'spend_limit'"),
                ("owner_records", None, "UPDATE owner_records SET owner = 'x' WHERE unit = '1-1-101'")]:
            with self.subTest(table=table):
                _, err = run(self.tampered(sql), "verify", expect=3)
                self.assertIn(table, err)
                if column:
                    self.assertIn(f"column {column}", err)




class UpgradeFromSchema3(unittest.TestCase):
    """Schema 4 (the committee's money, issue 16) adds tables and nothing else:
    a schema-3 book is upgraded without a new entry, keeps its fingerprint and
    verifies."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="upgrade3-")
        self.book = os.path.join(self.dir, "v3.clbook")
        db = sqlite3.connect(self.book)
        with open(os.path.join(FIXTURES, "book-schema3.sql"), encoding="utf-8") as f:
            db.executescript(f.read())
        db.close()

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_schema3_book_upgrades_in_place(self):
        run(self.book, "household", "list")
        out, _ = run(self.book, "verify", "--head", SCHEMA3_HEAD)
        self.assertEqual(out.split()[1], SCHEMA3_HEAD)
        db = sqlite3.connect(self.book)
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 4)
        for table in MONEY_TABLES:
            self.assertEqual(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0], 0, table)
            triggers = {name for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,))}
            self.assertEqual(triggers, {f"{table}_no_update", f"{table}_no_delete"}, table)
        db.close()
        backups = os.listdir(self.book + ".backups")
        self.assertTrue(any(name.endswith("-before-upgrade.clbook") for name in backups), backups)


if __name__ == "__main__":
    unittest.main(verbosity=2)
