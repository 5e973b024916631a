#!/usr/bin/python3
"""Reconciling money accounts with their statements (对账, issue 16: "the
Overview marks a negative or unreconciled figure"): `account reconcile
ACCOUNT AMOUNT [--date D] [--memo T]`, `report reconciliation [--json]`,
refusals that leave the book byte-identical, and forged `reconcile`
entries that verify must refuse (exit 3).

The story, worked out by hand (fen):
  2026-01-01 opening: cash 150000, bank 8000000
  2026-03-10 transfer 50000 cash -> bank: cash 100000, bank 8050000
  2026-03-31 bank statement 8050000: the book that day 8050000, agrees
  2026-06-30 bank statement 8052000: the book 8050000, difference -2000
             (the book holds ¥20.00 less than the bank: interest not entered)
  then interest 2000 into the bank dated 2026-06-21: the book at 06-30 is
             8052000 and the same statement agrees, nothing else entered
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import BookTestCase, run  # noqa: E402
from test_redteam15 import Forger  # noqa: E402


def line(report, code):
    return next(a for a in report["accounts"] if a["code"] == code)


class Reconcile(BookTestCase):
    def setUp(self):
        super().setUp()
        run(self.book, "init", "--name", "对账小区")
        run(self.book, "opening", "balance", "cash", "1500", "--date", "2026-01-01")
        run(self.book, "opening", "balance", "bank", "80000", "--date", "2026-01-01")
        run(self.book, "transfer", "500", "--from", "cash", "--to", "bank", "--date", "2026-03-10")

    def report(self, *args):
        out, _ = run(self.book, "report", "reconciliation", "--json", *args)
        return json.loads(out)

    def refused(self, *args, words=()):
        """Exit 2, one line naming @words, and the book byte-identical."""
        with open(self.book, "rb") as f:
            before = f.read()
        _, err = run(self.book, *args, expect=2)
        lines = [x for x in err.splitlines() if x.strip()]
        self.assertEqual(len(lines), 1, err)
        for word in words:
            self.assertIn(word, err)
        with open(self.book, "rb") as f:
            self.assertEqual(before, f.read(), f"{args} changed the book")

    def test_statement_agrees_then_differs_then_is_explained(self):
        out, _ = run(self.book, "account", "reconcile", "bank", "80500", "--date", "2026-03-31",
                     "--memo", "工行对账单第1期")
        self.assertIn("agrees", out)
        bank = line(self.report(), "bank")
        self.assertEqual(bank["statement_date"], "2026-03-31")
        self.assertEqual((bank["statement"], bank["book_at_statement"], bank["difference"]),
                         (8050000, 8050000, 0))
        self.assertEqual(bank["memo"], "工行对账单第1期")

        out, _ = run(self.book, "account", "reconcile", "银行存款", "¥80,520.00", "--date", "2026-06-30")
        self.assertIn("¥80,520.00", out)
        self.assertIn("-¥20.00", out)
        bank = line(self.report(), "bank")
        self.assertEqual((bank["statement"], bank["book_at_statement"], bank["difference"]),
                         (8052000, 8050000, -2000))
        self.assertEqual(bank["balance"], 8050000)
        # As at May, the last statement is March's, which agrees.
        bank = line(self.report("--period", "2026-05"), "bank")
        self.assertEqual((bank["statement_date"], bank["difference"]), ("2026-03-31", 0))
        # Cash, WeChat and Alipay were never reconciled.
        for code in ("cash", "wechat", "alipay"):
            self.assertFalse(line(self.report(), code)["reconciled"])
        self.assertEqual(line(self.report(), "cash")["balance"], 100000)

        # The interest the bank paid on 21 June explains the difference.
        run(self.book, "income", "20", "--category", "interest", "--account", "bank", "--date", "2026-06-21")
        bank = line(self.report(), "bank")
        self.assertEqual((bank["book_at_statement"], bank["difference"]), (8052000, 0))
        out, _ = run(self.book, "report", "reconciliation")
        self.assertIn("agrees", out)
        run(self.book, "verify")

    def test_zero_balance_and_named_bank(self):
        run(self.book, "account", "add", "bank:建设银行")
        run(self.book, "account", "reconcile", "wechat", "0", "--date", "2026-02-01")
        run(self.book, "account", "reconcile", "银行:建设银行", "0")
        report = self.report()
        self.assertEqual(line(report, "wechat")["difference"], 0)
        self.assertEqual(line(report, "bank:建设银行")["difference"], 0)
        self.assertEqual(line(report, "bank:建设银行")["name"], "银行存款（建设银行）")
        # A balance above one entry's ceiling is a balance a big compound's bank holds.
        run(self.book, "account", "reconcile", "bank", "2,500,000.00")
        self.assertEqual(line(self.report(), "bank")["difference"], 8050000 - 250000000)
        run(self.book, "verify")

    def test_refusals_leave_the_book_as_it_was(self):
        self.refused("account", "reconcile", "bank", "1e3", words=("amount",))
        self.refused("account", "reconcile", "bank", "1.001", words=("amount",))
        self.refused("account", "reconcile", "bank", "", words=("amount",))
        self.refused("account", "reconcile", "bank", "1000000000000.01", words=("amount",))
        self.refused("account", "reconcile", "advance:王芳", "1", words=("ACCOUNT",))
        self.refused("account", "reconcile", "receivable", "1", words=("ACCOUNT",))
        self.refused("account", "reconcile", "bank:农商行", "1", words=("bank:农商行",))
        self.refused("account", "reconcile", "bank", "1", "--date", "2026-02-30", words=("--date",))
        self.refused("account", "reconcile", "bank", "1", "--date", "2099-01-01", words=("--date",))
        self.refused("account", "reconcile", "bank", "1", "--memo", "a\tb", words=("--memo",))
        self.refused("account", "reconcile", "bank", "1", "--memo", "长" * 201, words=("--memo",))
        _, err = run(self.book, "account", "reconcile", "bank", expect=2)
        self.assertIn("ACCOUNT AMOUNT", err)
        _, err = run(self.book, "report", "reconciliations", expect=2)
        self.assertIn("reconciliation", err)


class ForgedReconcile(BookTestCase):
    """Entries no writer makes: each must fail verify, naming the entry."""

    def setUp(self):
        super().setUp()
        run(self.book, "init", "--name", "对账小区")
        run(self.book, "opening", "balance", "bank", "800", "--date", "2026-01-01")

    def forge(self, name, fact, ref="bank", memo="", splits=(), table=None):
        f = Forger(self.book, os.path.join(self.dir, name + ".clbook"))
        n = f.append("reconcile", list(splits), [fact], ref=ref, memo=memo)
        account, statement, memo_field = (table or fact.split("|")[1:4])
        f.sql("INSERT INTO reconciliations VALUES (?, ?, ?, ?)", n, account, int(statement), memo_field)
        return f.finish(), n

    def test_honest_forgery_verifies(self):
        path, _ = self.forge("honest", "reconcile|bank|80000|")
        run(path, "verify")

    def assert_refused(self, path, n):
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)

    def test_wrong_ref(self):
        self.assert_refused(*self.forge("ref", "reconcile|bank|80000|", ref="cash"))

    def test_wrong_memo(self):
        self.assert_refused(*self.forge("memo", "reconcile|bank|80000|", memo="对账单"))

    def test_negative_statement(self):
        self.assert_refused(*self.forge("negative", "reconcile|bank|-5|", table=("bank", "0", "")))

    def test_not_a_money_account(self):
        self.assert_refused(*self.forge("receivable", "reconcile|receivable|5|", ref="receivable"))

    def test_account_the_book_lacks(self):
        self.assert_refused(*self.forge("lacks", "reconcile|bank:无此行|5|", ref="bank:无此行"))

    def test_statement_that_moves_money(self):
        self.assert_refused(*self.forge("splits", "reconcile|bank|80000|",
                                        splits=[("bank", None, 100), ("opening", None, -100)]))

    def test_projection_differs_from_the_fact(self):
        path, n = self.forge("table", "reconcile|bank|80000|", table=("bank", "79999", ""))
        _, err = run(path, "verify", expect=3)
        self.assertIn("reconciliations", err)
        self.assertIn(f"txn_id {n}", err)


if __name__ == "__main__":
    unittest.main()
