#!/usr/bin/python3
"""Issue 16: advances to committee members (advance give / return / list),
spending from a named bank account or an advance (spend --from), and the
maintenance fund that may never pay more than it holds. The exact
command-line contract, exit codes, one-line errors, JSON money in fen, and
forged entries of each kind that verify must refuse (exit 3)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import BookTestCase, dump, run  # noqa: E402
from test_redteam15 import Forger  # noqa: E402

TODAY = "2026-06-30"  # run() sets COMMUNITY_LEDGER_NOW to this day


class Advances(BookTestCase):
    def setUp(self):
        super().setUp()
        self.ledger("init", "--name", "幸福里小区")
        self.ledger("household", "add", "1-1-101", "--owner", "王伟", "--area", "89.50")
        self.ledger("household", "add", "1-1-102", "--owner", "李娜", "--area", "120")
        self.ledger("member", "add", "王芳", "--role", "出纳")
        # ¥2,000.00 in the cash box (all of it 王伟's credit: nothing billed).
        self.ledger("pay", "1-1-101", "2000", "--method", "cash")

    def refused(self, *args, words=()):
        """Exit 2, one line naming what is wrong, the book byte-identical."""
        before = dump(self.book)
        _, err = self.ledger(*args, expect=2)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        for word in words:
            self.assertIn(word, err)
        self.assertEqual(dump(self.book), before)
        return err

    def test_give_spend_return_list(self):
        # ¥800.00 handed to 王芳: voucher 付 F2026-0001; cash 2,000 − 800 = 1,200.
        out, _ = self.ledger("advance", "give", "王芳", "800", "--from", "cash", "--memo", "买灯泡")
        self.assertEqual(out.strip(), "F2026-0001")
        # She pays ¥150.00 for lamps out of it: the expenditure says cash.
        self.ledger("spend", "150", "--payee", "五金店", "--category", "lighting",
                    "--from", "advance:王芳")
        # She returns ¥300.00 in cash: voucher 收 S2026-0001.
        out, _ = self.ledger("advance", "return", "王芳", "300", "--to", "现金")
        self.assertEqual(out.strip(), "S2026-0001")
        # given 800.00, spent 150.00, returned 300.00: open 350.00.
        listing = self.json("advance", "list")
        self.assertEqual(listing, {"advances": [{"member": "王芳", "given": 80000, "spent": 15000,
                                                 "returned": 30000, "open": 35000}],
                                   "open_total": 35000})
        out, _ = self.ledger("advance", "list")
        self.assertIn("王芳\t¥800.00\t¥150.00\t¥300.00\t¥350.00", out)
        self.ledger("verify")

    def test_spend_from_a_named_bank_account(self):
        # No such account in the book: named, with the command that adds it.
        self.refused("spend", "100", "--payee", "x", "--category", "repair",
                     "--from", "bank:工商银行", words=["--from", "account add bank:工商银行"])
        # --method must agree with --from.
        self.refused("spend", "100", "--payee", "x", "--category", "repair", "--method", "wechat",
                     "--from", "advance:王芳", words=["--from"])

    def test_refusals(self):
        self.ledger("advance", "give", "王芳", "800", "--from", "cash")
        self.ledger("advance", "return", "王芳", "300", "--to", "cash")
        # open 500.00: ¥600.00 back is 100.00 more than her open advance.
        self.refused("advance", "return", "王芳", "600", "--to", "cash",
                     words=["王芳's open advance", "¥500.00", "¥100.00 short"])
        self.refused("spend", "600", "--payee", "x", "--category", "repair", "--from", "advance:王芳",
                     words=["--from", "王芳's open advance", "¥100.00 short"])
        self.refused("advance", "give", "李四", "100", "--from", "cash",
                     words=["MEMBER “李四”", "not a member"])
        self.refused("advance", "return", "张三", "100", "--to", "cash", words=["MEMBER “张三”"])
        self.refused("advance", "give", "王芳", "abc", "--from", "cash", words=["amount"])
        self.refused("advance", "give", "王芳", "100", "--from", "receivable", words=["--from"])
        # A missing option is a usage error: the problem, then where help is.
        for args, word in ((("advance", "give", "王芳", "100"), "--from is required"),
                           (("advance", "return", "王芳", "100"), "--to is required")):
            _, err = self.ledger(*args, expect=2)
            self.assertIn(word, err.splitlines()[0])
        self.refused("advance", "give", "王芳", "100", "--from", "cash", "--date", "2026-07-01",
                     words=["--date"])
        # Before she joined the committee (today): not a member then.
        self.refused("advance", "give", "王芳", "100", "--from", "cash", "--date", "2026-06-01",
                     words=["not a member of the committee on 2026-06-01"])
        # More than the cash box holds (2,000 − 800 + 300 = 1,500.00).
        self.refused("advance", "give", "王芳", "1500.01", "--from", "cash",
                     words=["cash", "¥0.01"])
        self.refused("spend", "1", "--payee", "x", "--category", "repair", "--from", "advance:",
                     words=["--from"])
        self.ledger("verify")

    def test_maintenance_fund_cap(self):
        vote, _ = self.ledger("vote", "new", "--title", "动用维修资金更换水泵", "--matter", "5")
        vote = vote.strip()
        self.ledger("vote", "ballot", vote, "1-1-101", "yes")
        self.ledger("vote", "ballot", vote, "1-1-102", "yes")
        self.ledger("vote", "close", vote)
        # A passed matter-5 vote, but the fund holds nothing: refused,
        # naming the fund, the day and the shortfall.
        self.refused("spend", "100", "--payee", "水泵厂", "--category", "repair",
                     "--maintenance-fund", "--vote", vote,
                     words=["maintenance fund", TODAY, "¥100.00 short"])


class ForgedEntries(unittest.TestCase):
    """Entries of each kind a writer would not produce, with their
    projection rows written to match: verify exits 3 naming the entry."""

    @classmethod
    def setUpClass(cls):
        import tempfile
        cls.dir = tempfile.mkdtemp(prefix="advances-forged-")
        cls.book = os.path.join(cls.dir, "book.clbook")
        book = cls.book
        run(book, "init", "--name", "幸福里小区")
        run(book, "household", "add", "1-1-101", "--owner", "王伟", "--area", "89.50")
        run(book, "member", "add", "王芳", "--role", "出纳")
        run(book, "pay", "1-1-101", "2000", "--method", "cash")
        run(book, "advance", "give", "王芳", "800", "--from", "cash")  # F2026-0001
        vote, _ = run(book, "vote", "new", "--title", "动用维修资金", "--matter", "5")
        cls.vote = vote.strip()
        run(book, "vote", "ballot", cls.vote, "1-1-101", "yes")
        run(book, "vote", "close", cls.vote)
        run(book, "verify")

    @classmethod
    def tearDownClass(cls):
        import shutil
        shutil.rmtree(cls.dir, ignore_errors=True)

    def forge_advance(self, name, voucher="F2026-0002", amount=10000, split=10000,
                      kind="give", ref=None, memo="王芳"):
        f = Forger(self.book, os.path.join(self.dir, name + ".clbook"))
        splits = [("advance:王芳", None, split), ("cash", None, -split)]
        if kind == "return":
            splits = [("cash", None, split), ("advance:王芳", None, -split)]
        n = f.append("advance", splits, [f"advance|{voucher}|王芳|{kind}|cash|{amount}|"],
                     ref=voucher if ref is None else ref, memo=memo)
        f.sql("INSERT INTO advances VALUES (?, ?, '王芳', ?, 'cash', ?, '')", n, voucher, kind, amount)
        return f.finish(), n

    def assert_refused(self, path, *words):
        _, err = run(path, "verify", expect=3)
        for word in words:
            self.assertIn(word, err)

    def test_the_honest_forged_advance_verifies(self):
        path, _ = self.forge_advance("honest")
        run(path, "verify")

    def test_advance_wrong_amount(self):
        path, n = self.forge_advance("amount", amount=20000)
        self.assert_refused(path, f"journal entry {n}")

    def test_advance_wrong_voucher(self):
        path, n = self.forge_advance("voucher", voucher="F2026-0007")
        self.assert_refused(path, f"journal entry {n}", "F2026-0002")

    def test_advance_wrong_ref_and_memo(self):
        path, n = self.forge_advance("ref", ref="F2026-0099")
        self.assert_refused(path, f"journal entry {n}", "ref")
        path, n = self.forge_advance("memo", memo="李四")
        self.assert_refused(path, f"journal entry {n}", "memo")

    def test_advance_return_of_more_than_is_open(self):
        # 800.00 open; a "return" of 900.00 (the voucher a return takes).
        path, n = self.forge_advance("return", voucher="S2026-0001", amount=90000, split=90000,
                                     kind="return")
        self.assert_refused(path, f"journal entry {n}")

    def forge_expenditure(self, name, fact, splits, source=None, memo="黑店"):
        f = Forger(self.book, os.path.join(self.dir, name + ".clbook"))
        facts = [fact] + ([f"source|{source}"] if source else [])
        n = f.append("expenditure", splits, facts, memo=memo)
        fields = fact.split("|")
        f.sql("INSERT INTO expenditures (txn_id, date, amount, payee, category, method, memo,"
              " invoice, approvers, fund, vote_id) VALUES (?, ?, ?, '黑店', ?, ?, '', '', '', ?, ?)",
              n, TODAY, int(fields[1]), "expense:" + fields[3], fields[4], fields[8],
              int(fields[9]) if fields[9] else None)
        if source:
            f.sql("INSERT INTO expenditure_sources VALUES (?, ?)", n, source)
        return f.finish(), n

    def test_the_honest_forged_expenditure_from_an_advance_verifies(self):
        path, _ = self.forge_expenditure(
            "spend-honest", "expenditure|10000|黑店|repair|cash||||general|",
            [("expense:repair", None, 10000), ("advance:王芳", None, -10000)], source="advance:王芳")
        run(path, "verify")

    def test_expenditure_source_with_the_wrong_method(self):
        path, n = self.forge_expenditure(
            "spend-method", "expenditure|10000|黑店|repair|wechat||||general|",
            [("expense:repair", None, 10000), ("advance:王芳", None, -10000)], source="advance:王芳")
        self.assert_refused(path, f"journal entry {n}", "method")

    def test_expenditure_credit_not_on_its_source(self):
        path, n = self.forge_expenditure(
            "spend-credit", "expenditure|10000|黑店|repair|cash||||general|",
            [("expense:repair", None, 10000), ("cash", None, -10000)], source="advance:王芳")
        self.assert_refused(path, f"journal entry {n}")

    def test_expenditure_memo_not_its_payee(self):
        path, n = self.forge_expenditure(
            "spend-memo", "expenditure|10000|黑店|repair|cash||||general|",
            [("expense:repair", None, 10000), ("cash", None, -10000)], memo="正规公司")
        self.assert_refused(path, f"journal entry {n}", "memo")

    def test_maintenance_fund_spent_beyond_what_it_holds(self):
        """A passed matter-5 vote, cash in the box, an empty maintenance
        fund: such an expenditure verified before issue 16."""
        path, n = self.forge_expenditure(
            "spend-fund", f"expenditure|10000|黑店|repair|cash||||maintenance|{self.vote}",
            [("expense:repair", None, 10000), ("cash", None, -10000)])
        self.assert_refused(path, f"journal entry {n}", "maintenance fund")


if __name__ == "__main__":
    unittest.main(verbosity=2)
