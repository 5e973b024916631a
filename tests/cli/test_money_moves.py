#!/usr/bin/python3
"""Issue 16: transfers, other income and refunds, through the command line.

The exact contract of `transfer`, `income` and `refund` (voucher numbers on
standard output, JSON money in fen, exit 2 with one line naming the field
and the book byte-identical), the income report that never counts a
transfer, a household's history that lists its refunds, and forged entries
of each kind — facts a writer would not produce, written consistently with
the Merkle cache rebuilt — that verify's replay refuses (exit 3).

The book: 1-1-101 (90.00 m²) and 1-1-102 (80.00 m²), billed 360.00 each
for 2026 (dated 2026-01-01); 1-1-101 pays 1,000.00 in cash on 2026-02-01
(360.00 settles its charge, 640.00 is credit), 1-1-102 pays 360.00 by
WeChat on 2026-02-02. Cash 1,000.00, WeChat 360.00, bank 0.
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import run  # noqa: E402
from test_redteam15 import Forger  # noqa: E402


def small_book(path):
    run(path, "init", "--name", "资金往来小区")
    run(path, "household", "add", "1-1-101", "--owner", "王伟", "--area", "90")
    run(path, "household", "add", "1-1-102", "--owner", "李娜", "--area", "80")
    run(path, "bill", "2026")
    run(path, "pay", "1-1-101", "1000", "--date", "2026-02-01")
    run(path, "pay", "1-1-102", "360", "--method", "wechat", "--date", "2026-02-02")


class MoneyMoves(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="money-moves-")
        self.book = os.path.join(self.dir, "book.clbook")
        small_book(self.book)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def ledger(self, *args, expect=0):
        return run(self.book, *args, expect=expect)

    def refused(self, *args, words=()):
        """Exit 2, one line on stderr holding every word, the book's bytes
        unchanged (a usage problem adds the program's own "Try … --help" line)."""
        with open(self.book, "rb") as f:
            before = f.read()
        out, err = self.ledger(*args, expect=2)
        with open(self.book, "rb") as f:
            self.assertEqual(before, f.read(), args)
        self.assertEqual(out, "")
        lines = err.strip().splitlines()
        if len(lines) == 2 and lines[1].startswith("Try "):
            lines = lines[:1]
        self.assertEqual(len(lines), 1, err)
        for word in words:
            self.assertIn(word, lines[0])
        return err

    def balance(self):
        return {a["code"]: a["balance"]
                for a in json.loads(self.ledger("report", "balance", "--json")[0])["accounts"]}

    # ------------------------------------------------------------------
    # transfer

    def test_transfer_prints_its_voucher(self):
        out, _ = self.ledger("transfer", "500", "--from", "cash", "--to", "bank",
                             "--date", "2026-03-01", "--memo", "存现")
        self.assertEqual(out, "Z2026-0001\n")
        # WeChat 360.00 − 300.00 − 0.30 charged = 59.70; bank 500.00 + 300.00.
        out, _ = self.ledger("transfer", "300", "--from", "微信", "--to", "bank", "--fee", "0.30",
                             "--date", "2026-03-02", "--json")
        self.assertEqual(json.loads(out), {"voucher": "Z2026-0002", "amount": 30000, "fee": 30,
                                           "from": "wechat", "to": "bank"})
        balances = self.balance()
        self.assertEqual(balances["cash"], 50000)
        self.assertEqual(balances["bank"], 80000)
        self.assertEqual(balances["wechat"], 5970)
        self.ledger("verify")

    def test_transfer_is_never_income(self):
        before = json.loads(self.ledger("report", "income", "--period", "2026", "--json")[0])
        self.ledger("transfer", "500", "--from", "cash", "--to", "bank", "--date", "2026-03-01")
        self.ledger("transfer", "100", "--from", "bank", "--to", "alipay", "--date", "2026-03-02")
        after = json.loads(self.ledger("report", "income", "--period", "2026", "--json")[0])
        # Fees 720.00 and 1-1-101's credit 640.00, before and after.
        self.assertEqual(after, before)
        self.assertEqual(sum(line["amount"] for line in after["income"]), 136000)

    def test_transfer_refusals(self):
        self.refused("transfer", "100", "--to", "bank", words=["--from"])
        self.refused("transfer", "100", "--from", "cash", words=["--to"])
        self.refused("transfer", "100", "--from", "cash", "--to", "现金", words=["--to", "--from"])
        self.refused("transfer", "12.345", "--from", "cash", "--to", "bank", words=["amount"])
        self.refused("transfer", "100", "--from", "safe", "--to", "bank", words=["--from", "safe"])
        self.refused("transfer", "100", "--from", "cash", "--to", "bank:建设银行",
                     words=["--to", "account add bank:建设银行"])
        self.refused("transfer", "100", "--from", "cash", "--to", "bank", "--fee", "-1",
                     words=["--fee"])
        # Cash holds 1,000.00: 1,200.00 is 200.00 short on the day.
        self.refused("transfer", "1200", "--from", "cash", "--to", "bank", "--date", "2026-03-01",
                     words=["cash", "2026-03-01", "¥200.00"])
        self.refused("transfer", "100", "--from", "cash", "--to", "bank", "--date", "2026-13-01",
                     words=["--date"])

    # ------------------------------------------------------------------
    # income

    def test_income_with_chinese_words(self):
        out, _ = self.ledger("income", "12.34", "--category", "interest", "--account", "bank",
                             "--date", "2026-03-21")
        self.assertEqual(out, "S2026-0001\n")
        out, _ = self.ledger("income", "1,200", "--category", "租金", "--account", "现金",
                             "--payer", "快递柜公司", "--memo", "一季度", "--date", "2026-03-25",
                             "--json")
        self.assertEqual(json.loads(out), {"voucher": "S2026-0002", "amount": 120000,
                                           "category": "rent", "account": "cash",
                                           "fund": "public"})
        out, _ = self.ledger("income", "500", "--category", "捐赠", "--account", "wechat",
                             "--fund", "维修资金", "--date", "2026-04-01", "--json")
        self.assertEqual(json.loads(out)["fund"], "maintenance")
        # The income report: each category its own line.
        report = json.loads(self.ledger("report", "income", "--period", "2026", "--json")[0])
        lines = {line["code"]: line["amount"] for line in report["income"]}
        self.assertEqual(lines["other-income:interest"], 1234)
        self.assertEqual(lines["other-income:rent"], 120000)
        self.assertEqual(lines["other-income:donation"], 50000)
        # Cash 1,000.00 + 1,200.00; bank 12.34; WeChat 360.00 + 500.00.
        balances = self.balance()
        self.assertEqual((balances["cash"], balances["bank"], balances["wechat"]),
                         (220000, 1234, 86000))
        self.ledger("verify")

    def test_income_refusals(self):
        self.refused("income", "100", "--account", "cash", words=["--category"])
        self.refused("income", "100", "--category", "rent", words=["--account"])
        self.refused("income", "100", "--category", "lottery", "--account", "cash",
                     words=["--category", "lottery"])
        self.refused("income", "100", "--category", "rent", "--account", "cash", "--fund", "reserve",
                     words=["--fund"])
        self.refused("income", "100", "--category", "rent", "--account", "prepaid",
                     words=["--account"])
        self.refused("income", "100", "--category", "rent", "--account", "cash", "--payer", "x" * 101,
                     words=["--payer"])
        self.refused("income", "0", "--category", "rent", "--account", "cash", words=["amount"])

    # ------------------------------------------------------------------
    # refund

    def test_refund_of_credit(self):
        # 1-1-101 holds 640.00 of credit from 2026-02-01.
        self.refused("refund", "1-1-101", "640.01", "--method", "cash", "--reason", "搬走",
                     "--date", "2026-04-01", words=["amount", "¥640.00", "1-1-101"])
        self.refused("refund", "1-1-101", "10", "--method", "cash", "--reason", "搬走",
                     "--date", "2026-01-15", words=["amount", "¥0.00"])
        self.refused("refund", "1-1-101", "10", "--method", "cash", words=["--reason"])
        self.refused("refund", "1-1-101", "10", "--reason", "搬走", words=["--method"])
        self.refused("refund", "1-1-101", "10", "--method", "bank:农商行", "--reason", "搬走",
                     words=["--method", "bank:农商行"])
        self.refused("refund", "9-9-999", "10", "--method", "cash", "--reason", "搬走",
                     words=["9-9-999"])
        out, _ = self.ledger("refund", "1-1-101", "640", "--method", "cash", "--reason", "搬走",
                             "--date", "2026-04-01", "--json")
        self.assertEqual(json.loads(out), {"voucher": "F2026-0001", "amount": 64000,
                                           "unit": "1-1-101", "account": "cash"})
        history = json.loads(self.ledger("household", "show", "1-1-101", "--json")[0])
        self.assertEqual(history["refunds"], [{"voucher": "F2026-0001", "date": "2026-04-01",
                                               "amount": 64000, "account": "cash",
                                               "reason": "搬走"}])
        self.assertEqual((history["credit"], history["refunded"]), (0, 64000))
        out, _ = self.ledger("household", "show", "1-1-101")
        self.assertIn("F2026-0001", out)
        self.assertEqual(self.balance()["cash"], 36000)
        self.ledger("verify")


class ForgedMoves(unittest.TestCase):
    """Entries of each kind whose facts no writer would produce, with the
    projection rows they give, the Merkle cache rebuilt: only the replay's
    rules can tell, and verify names the entry."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="money-forged-")
        cls.book = os.path.join(cls.dir, "book.clbook")
        small_book(cls.book)
        run(cls.book, "transfer", "500", "--from", "cash", "--to", "bank", "--date", "2026-03-01")
        run(cls.book, "income", "100", "--category", "rent", "--account", "bank", "--date", "2026-03-02")
        run(cls.book, "verify")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def forger(self, name):
        return Forger(self.book, os.path.join(self.dir, name + ".clbook"))

    def assert_refused(self, path, n, *words):
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)
        for word in words:
            self.assertIn(word, err)

    def forge_transfer(self, name, voucher, fact_amount, split_amount, memo="cash -> bank"):
        f = self.forger(name)
        n = f.append("transfer", [("bank", None, split_amount), ("cash", None, -split_amount)],
                     [f"transfer|{voucher}|cash|bank|{fact_amount}|0|"], ref=voucher, memo=memo,
                     date="2026-03-05")
        f.sql("INSERT INTO transfers VALUES (?, ?, 'cash', 'bank', ?, 0, '')", n, voucher, fact_amount)
        return f.finish(), n

    def test_honest_forgery_verifies(self):
        """The forging kit writes what the program would: verify passes."""
        path, _ = self.forge_transfer("honest", "Z2026-0002", 10000, 10000)
        run(path, "verify")

    def test_transfer_whose_splits_move_more_than_its_fact(self):
        path, n = self.forge_transfer("wrong-amount", "Z2026-0002", 10000, 40000)
        self.assert_refused(path, n)

    def test_transfer_with_a_voucher_out_of_sequence(self):
        path, n = self.forge_transfer("wrong-voucher", "Z2026-0009", 10000, 10000)
        self.assert_refused(path, n, "Z2026-0002")

    def test_transfer_with_another_memo(self):
        path, n = self.forge_transfer("wrong-memo", "Z2026-0002", 10000, 10000, memo="退款")
        self.assert_refused(path, n, "memo")

    def test_income_with_another_ref(self):
        f = self.forger("income-ref")
        n = f.append("income", [("bank", None, 5000), ("other-income:rent", None, -5000)],
                     ["income|S2026-0002|rent|bank|public|5000||"], ref="S2026-0001", memo="rent",
                     date="2026-03-05")
        f.sql("INSERT INTO incomes VALUES (?, 'S2026-0002', 'rent', 'bank', 'public', 5000, '', '')", n)
        self.assert_refused(f.finish(), n, "ref")

    def test_income_credited_to_a_fee(self):
        """Money booked as rent in the fact, but credited to the property fee."""
        f = self.forger("income-account")
        n = f.append("income", [("bank", None, 5000), ("income:property", None, -5000)],
                     ["income|S2026-0002|rent|bank|public|5000||"], ref="S2026-0002", memo="rent",
                     date="2026-03-05")
        f.sql("INSERT INTO incomes VALUES (?, 'S2026-0002', 'rent', 'bank', 'public', 5000, '', '')", n)
        self.assert_refused(f.finish(), n)

    def test_refund_above_the_credit(self):
        """1-1-101 holds 640.00; a refund of 700.00 written with its row."""
        f = self.forger("refund-above")
        n = f.append("refund", [("prepaid", "1-1-101", 70000), ("cash", None, -70000)],
                     ["refund|F2026-0001|1-1-101|cash|70000|搬走"], ref="F2026-0001",
                     memo="1-1-101: 搬走", date="2026-03-05")
        f.sql("INSERT INTO refunds VALUES (?, 'F2026-0001', ?, 'cash', 70000, '搬走')", n,
              f.household_id("1-1-101"))
        self.assert_refused(f.finish(), n, "¥640.00")

    def test_refund_of_another_households_credit(self):
        """The fact names 1-1-101 (who has credit), the split 1-1-102's."""
        f = self.forger("refund-other")
        n = f.append("refund", [("prepaid", "1-1-102", 1000), ("cash", None, -1000)],
                     ["refund|F2026-0001|1-1-101|cash|1000|搬走"], ref="F2026-0001",
                     memo="1-1-101: 搬走", date="2026-03-05")
        f.sql("INSERT INTO refunds VALUES (?, 'F2026-0001', ?, 'cash', 1000, '搬走')", n,
              f.household_id("1-1-101"))
        self.assert_refused(f.finish(), n)


if __name__ == "__main__":
    unittest.main(verbosity=2)
