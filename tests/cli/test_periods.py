#!/usr/bin/python3
"""Closed periods and corrections from the command line (issue 16):
`period close PERIOD`, `period list [--json]`, `--corrects PERIOD` on a
write, the notice that opens with the last one's closing, and forged
`period-close` and `corrects` entries that verify must refuse (exit 3).

The clock is set per command (COMMUNITY_LEDGER_NOW) to walk through a year.
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import BookTestCase, run  # noqa: E402
from test_redteam15 import Forger  # noqa: E402


def at(day):
    return {"COMMUNITY_LEDGER_NOW": f"{day}T10:00:00+08:00"}


class Periods(BookTestCase):
    def on(self, day, *args, expect=0):
        return run(self.book, *args, expect=expect, env=at(day))

    def refused(self, day, *args, words=()):
        """Exit 2, one line naming @words, and the book byte-identical."""
        with open(self.book, "rb") as f:
            before = f.read()
        _, err = self.on(day, *args, expect=2)
        lines = [line for line in err.splitlines() if line.startswith("community-ledger")]
        self.assertEqual(len(lines), 1, err)
        for word in words:
            self.assertIn(word, err)
        with open(self.book, "rb") as f:
            self.assertEqual(before, f.read(), f"{args} changed the book")
        return err

    def first_quarter(self):
        """¥360.00 billed, ¥100.00 paid in February, Q1 published."""
        self.on("2026-01-05", "init", "--name", "封账小区")
        self.on("2026-01-05", "household", "add", "1-1-101", "--owner", "王伟", "--area", "89.5")
        self.on("2026-01-05", "bill", "2026")
        self.on("2026-02-01", "pay", "1-1-101", "100", "--date", "2026-02-01")
        self.on("2026-04-02", "notice", os.path.join(self.dir, "q1.pdf"), "--period", "2026-Q1")

    def test_close_refusals_and_list(self):
        self.on("2026-01-05", "init", "--name", "封账小区")
        self.refused("2026-04-02", "period", "close", "2026-Q1", words=("2026-Q1", "notice"))
        self.refused("2026-04-02", "period", "close", "2026-Q5", words=("PERIOD", "2026-Q5"))
        self.on("2026-04-02", "notice", os.path.join(self.dir, "q1.pdf"), "--period", "2026-Q1")
        self.refused("2026-03-31", "period", "close", "2026-Q1", words=("2026-Q1", "not ended"))
        out, _ = self.on("2026-04-02", "period", "close", "2026-Q1")
        self.assertIn("2026-Q1", out)
        self.refused("2026-04-02", "period", "close", "2026-Q1", words=("2026-Q1", "already closed"))
        self.refused("2026-04-02", "period", "close", "2026-03", words=("2026-03", "2026-Q1"))
        self.on("2026-07-02", "notice", os.path.join(self.dir, "q2.pdf"), "--period", "2026-Q2")
        out, _ = self.on("2026-07-02", "period", "list", "--json")
        listed = json.loads(out)
        self.assertEqual([p["period"] for p in listed["closed"]], ["2026-Q1"])
        self.assertEqual(listed["closed"][0]["first"], "2026-01-01")
        self.assertEqual(listed["closed"][0]["last"], "2026-03-31")
        self.assertEqual(listed["closed"][0]["closed_on"], "2026-04-02")
        self.assertEqual([p["period"] for p in listed["open"]], ["2026-Q2"])
        out, _ = self.on("2026-07-02", "period", "list")
        self.assertIn("2026-Q1", out)
        self.assertIn("2026-Q2", out)
        self.on("2026-07-02", "verify")

    def test_entries_dated_in_a_closed_period_are_refused(self):
        self.first_quarter()
        self.on("2026-04-02", "period", "close", "2026-Q1")
        self.refused("2026-04-03", "pay", "1-1-101", "10", "--date", "2026-03-30",
                     words=("--date", "2026-03-30", "2026-Q1"))
        self.refused("2026-04-03", "spend", "10", "--payee", "五金店", "--category", "repair",
                     "--date", "2026-03-15", words=("2026-Q1",))
        # Billing dates its charges 1 January: a household added later
        # cannot be billed into the closed quarter.
        self.on("2026-04-03", "household", "add", "1-1-102", "--owner", "李娜", "--area", "70")
        self.refused("2026-04-03", "bill", "2026", words=("2026-Q1",))
        self.on("2026-04-03", "verify")

    def test_corrections_and_the_next_notice(self):
        self.first_quarter()
        self.refused("2026-04-03", "pay", "1-1-101", "50", "--corrects", "2026-Q1",
                     words=("--corrects", "2026-Q1"))  # not closed yet
        self.refused("2026-04-03", "pay", "1-1-101", "50", "--corrects", "2026-Q9",
                     words=("--corrects",))
        self.on("2026-04-02", "period", "close", "2026-Q1")
        out, _ = self.on("2026-04-03", "pay", "1-1-101", "50", "--date", "2026-04-03",
                         "--corrects", "2026-Q1")
        receipt = out.strip()
        db = __import__("sqlite3").connect(self.book)
        rows = db.execute("SELECT t.ref, c.period FROM corrections c JOIN txns t ON t.id = c.txn_id").fetchall()
        db.close()
        self.assertEqual(rows, [(receipt, "2026-Q1")])
        self.on("2026-04-03", "verify")
        # Q2's notice: opens ¥100.00 (Q1's closing), +¥50.00, closes ¥150.00,
        # and lists the correction under 对已公示期间的更正.
        pdf = os.path.join(self.dir, "q2.pdf")
        html = os.path.join(self.dir, "q2.html")
        self.on("2026-07-02", "notice", pdf, "--period", "2026-Q2", "--html", html)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        self.assertIn("对已公示期间的更正", text)
        self.assertIn(receipt, text)
        with open(html, encoding="utf-8") as f:
            page = f.read()
        self.assertIn("对已公示期间的更正", page)

    def test_late_payment_keeps_the_published_closing(self):
        self.first_quarter()
        self.on("2026-05-10", "pay", "1-1-101", "30", "--date", "2026-05-10")
        # Q2 closes at ¥100.00 + ¥30.00 = ¥130.00.
        payload2 = os.path.join(self.dir, "q2.txt")
        self.on("2026-07-02", "notice", os.path.join(self.dir, "q2.pdf"), "--period", "2026-Q2",
                "--qr-payload", payload2)
        with open(payload2, encoding="utf-8") as f:
            self.assertIn("期末余额：¥130.00", f.read())
        # A payment dated 30 June, entered 3 July (Q2 published, still open).
        out, _ = self.on("2026-07-03", "pay", "1-1-101", "20", "--date", "2026-06-30")
        late = out.strip()
        # Q3 opens with exactly ¥130.00, lists the ¥20.00, closes ¥150.00.
        pdf = os.path.join(self.dir, "q3.pdf")
        payload3 = os.path.join(self.dir, "q3.txt")
        self.on("2026-10-02", "notice", pdf, "--period", "2026-Q3", "--qr-payload", payload3)
        with open(payload3, encoding="utf-8") as f:
            qr = f.read()
        self.assertIn("期初余额：¥130.00\n上期补记：¥20.00\n", qr)
        self.assertIn("期末余额：¥150.00", qr)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        self.assertIn("上期补记", text)
        self.assertIn(late, text)
        self.on("2026-10-02", "verify")


class ForgedEntries(BookTestCase):
    """Entries no writer makes, the Merkle cache rebuilt: verify exits 3."""

    def setUp(self):
        super().setUp()
        self.on = lambda *args, expect=0: run(self.book, *args, expect=expect)
        run(self.book, "init", "--name", "封账小区", env=at("2026-01-05"))
        run(self.book, "household", "add", "1-1-101", "--owner", "王伟", "--area", "89.5", env=at("2026-01-05"))
        run(self.book, "bill", "2026", env=at("2026-01-05"))
        run(self.book, "notice", os.path.join(self.dir, "q1.pdf"), "--period", "2026-Q1")
        db = __import__("sqlite3").connect(self.book)
        self.fingerprint = db.execute("SELECT fingerprint FROM notices").fetchone()[0]
        db.close()

    def forge_close(self, name, memo=None, last="2026-03-31", ref="2026-Q1"):
        f = Forger(self.book, os.path.join(self.dir, name + ".clbook"))
        n = f.append("period-close", [], [f"close|2026-Q1|2026-01-01|{last}"], ref=ref,
                     memo=memo if memo is not None else "notice " + self.fingerprint)
        f.sql("INSERT INTO closed_periods VALUES ('2026-Q1', '2026-01-01', ?, ?)", last, n)
        return f.finish(), n

    def test_honest_forged_close_verifies(self):
        path, _ = self.forge_close("honest")
        run(path, "verify")

    def test_close_with_a_wrong_memo(self):
        path, n = self.forge_close("memo", memo="notice 1:00")
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)

    def test_close_with_a_wrong_last_day(self):
        path, n = self.forge_close("last", last="2026-03-30")
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)

    def test_close_with_a_wrong_ref(self):
        path, n = self.forge_close("ref", ref="2026-Q2")
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)

    def test_correction_of_a_period_never_closed(self):
        """A payment marked as correcting 2026-Q1, which nobody closed."""
        f = Forger(self.book, os.path.join(self.dir, "corrects.clbook"))
        hid = f.household_id("1-1-101")
        charge = f.db.execute("SELECT id FROM charges").fetchone()[0]
        n = f.append("payment", [("cash", None, 36000), ("receivable", "1-1-101", -36000)],
                     ["receipt|2026-000001|1-1-101|36000|cash",
                      "allocation|1-1-101|property|2026|payment|36000", "corrects|2026-Q1"],
                     ref="2026-000001", memo="1-1-101")
        f.sql("INSERT INTO receipts VALUES ('2026-000001', 2026, 1, ?, 36000, 'cash', '2026-06-30', ?)", hid, n)
        f.sql("INSERT INTO allocations VALUES (?, ?, 'payment', 36000)", n, charge)
        path = f.finish()
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)

    def test_entry_dated_in_a_period_closed_before_it(self):
        """An honest close of Q1, then a waiver-free setting dated in Q1."""
        run(self.book, "period", "close", "2026-Q1")
        f = Forger(self.book, os.path.join(self.dir, "dated.clbook"))
        n = f.append("setting", [], ["setting|address|幸福路"], ref="address", memo="幸福路",
                     date="2026-03-01")
        f.sql("INSERT OR REPLACE INTO settings VALUES ('address', '幸福路')")
        path = f.finish()
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)


if __name__ == "__main__":
    unittest.main()
