#!/usr/bin/python3
"""Opening balances (issue 16): a committee's book started from its paper
ledger, through the command line's exact words (docs/money.md):

    account add bank:NAME            account list [--json]
    opening balance ACCOUNT AMOUNT --date DATE [--fund operating|maintenance|public]
    opening arrears UNIT FEE YEAR AMOUNT [--date DATE]
    opening credit UNIT AMOUNT [--date DATE]

Every figure is worked out by hand in the comments; every refusal exits 2
with one line naming the field and leaves the book's dump as it was; forged
opening entries (consistent, the Merkle cache rebuilt) make verify exit 3.
The clock is 2026-06-30 (test_cli.run()).
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import BookTestCase, dump, run  # noqa: E402
from test_redteam15 import Forger  # noqa: E402


class OpeningTest(BookTestCase):
    def paper_ledger(self, bill_2025=False):
        """Three households, a named bank account and the paper ledger's
        money as at 2026-01-01 (with the households billed for 2025 first
        when @bill_2025: billing is refused once the book has opening
        balances of a later day, which hold what was owed before)."""
        self.ledger("init", "--name", "老街小区")
        self.ledger("household", "add", "1-1-101", "--owner", "王伟", "--area", "90")
        self.ledger("household", "add", "1-1-102", "--owner", "李娜", "--area", "80")
        self.ledger("household", "add", "1-1-103", "--owner", "赵敏", "--area", "70")
        if bill_2025:
            self.ledger("bill", "2025")
        self.ledger("account", "add", "银行:工商银行")
        self.ledger("opening", "balance", "cash", "1,500", "--date", "2026-01-01")
        self.ledger("opening", "balance", "银行存款", "80000", "--date", "2026-01-01", "--fund", "维修资金")
        self.ledger("opening", "balance", "bank:工商银行", "2000", "--date", "2026-01-01",
                    "--fund", "public")

    def accounts(self):
        return {a["code"]: a for a in self.json("account", "list")["accounts"]}

    def test_a_year_from_the_paper_ledger(self):
        self.paper_ledger()
        # Arrears and credit take the opening balances' date (2026-01-01).
        self.ledger("opening", "arrears", "1-1-101", "property", "2024", "360")
        self.ledger("opening", "arrears", "1-1-101", "property", "2025", "360")
        self.ledger("opening", "credit", "1-1-102", "100")
        # 1-1-103 had credit 100 and owed 360 for 2025: the credit settles
        # 100 of the charge as the arrears come in (billing's rule).
        self.ledger("opening", "credit", "1-1-103", "100")
        self.ledger("opening", "arrears", "1-1-103", "property", "2025", "360")
        # Only 2026 is billed: 3 × 360.00; 1-1-102's credit settles 100 of its charge.
        out, _ = self.ledger("bill", "2026")
        self.assertEqual(out.strip(), "2026: 3 new charges, ¥1,080.00")
        # 1-1-101 pays 500: 360 to 2024, 140 to 2025 (oldest first).
        self.ledger("pay", "1-1-101", "500", "--date", "2026-03-01")

        acc = self.accounts()
        self.assertEqual(acc["cash"]["name"], "现金")
        self.assertEqual(acc["bank:工商银行"]["name"], "银行存款（工商银行）")
        self.assertEqual(acc["bank:工商银行"]["kind"], "asset")
        # cash 1,500 + 500; bank 80,000; the named bank 2,000.
        self.assertEqual((acc["cash"]["balance"], acc["bank"]["balance"],
                          acc["bank:工商银行"]["balance"]), (200000, 8000000, 200000))
        # opening: 83,500 of balances + 3 × 360 of arrears − 2 × 100 of credit.
        self.assertEqual(acc["opening"]["balance"], 8350000 + 108000 - 20000)
        self.assertEqual(acc["opening"]["kind"], "equity")
        # Fee income is the 2026 charges only: never the opening arrears.
        self.assertEqual(acc["income:property"]["balance"], 108000)
        # receivable: 1-1-101 (720 − 500) + 360; 1-1-102 260; 1-1-103 (360 − 100) + 360.
        self.assertEqual(acc["receivable"]["balance"], 22000 + 36000 + 26000 + 26000 + 36000)
        self.assertEqual(acc["prepaid"]["balance"], 0)

        arrears = {h["unit"]: h["owed"] for h in self.json("report", "arrears")["households"]}
        self.assertEqual(arrears, {"1-1-101": 58000, "1-1-102": 26000, "1-1-103": 62000})
        shown = self.json("household", "show", "1-1-103")
        self.assertEqual([(c["year"], c["paid"], c["opening"]) for c in shown["charges"]],
                         [(2025, 10000, True), (2026, 0, False)])
        self.assertEqual((shown["opening_credit"], shown["received"], shown["credit"]), (10000, 0, 0))

        # The income report (cash basis): the opening balances of every
        # money account (cash 1,500, bank 80,000, the named bank 2,000)
        # open the year; the payment is the only income.
        income = self.json("report", "income", "--period", "2026")
        self.assertEqual(income["opening"], 150000 + 8000000 + 200000)
        self.assertEqual(income["income_total"], 50000)
        self.assertEqual(income["closing"], 150000 + 8000000 + 200000 + 50000)
        # The arrears of 2024 count in 2024's collection, not 2026's.
        self.assertEqual(self.json("report", "collection", "--period", "2024")["billed"], 36000)
        self.assertEqual(self.json("report", "collection", "--period", "2026")["billed"], 108000)
        run(self.book, "verify")

    def test_text_output_and_account_list(self):
        self.paper_ledger()
        out, _ = self.ledger("opening", "credit", "1-1-101", "50", "--date", "2026-02-01")
        self.assertEqual(out.strip(), "Opening credit of 1-1-101: ¥50.00")
        out, _ = self.ledger("account", "list")
        line = next(l for l in out.splitlines() if l.startswith("opening "))
        self.assertIn("equity", line)
        # 1,500 + 80,000 + 2,000 of balances, less the 50 owed to 1-1-101.
        self.assertIn("¥83,450.00", line)

    def test_refusals_leave_the_book_alone(self):
        self.paper_ledger(bill_2025=True)
        before = dump(self.book)
        cases = [
            (("opening", "balance", "cash", "10"), "--date"),
            (("opening", "balance", "cash", "10", "--date", "2026-01-01"), "ACCOUNT"),
            (("opening", "balance", "bank", "10", "--date", "2026-01-01", "--fund", "maintenance"),
             "ACCOUNT"),
            (("opening", "balance", "bank:建设银行", "10", "--date", "2026-01-01"), "account add"),
            (("opening", "balance", "receivable", "10", "--date", "2026-01-01"), "ACCOUNT"),
            (("opening", "balance", "cash", "0", "--date", "2026-01-01", "--fund", "public"), "amount"),
            (("opening", "balance", "cash", "10", "--date", "2026-01-01", "--fund", "reserve"), "--fund"),
            (("opening", "balance", "cash", "10", "--date", "2027-02-01", "--fund", "public"), "--date"),
            (("opening", "arrears", "1-1-101", "property", "2025", "360"), "2025"),
            (("opening", "arrears", "1-1-101", "property", "2027", "360"), "YEAR"),
            (("opening", "arrears", "1-1-101", "garbage", "2024", "360"), "FEE"),
            (("opening", "arrears", "9-9-999", "property", "2024", "360"), "9-9-999"),
            (("opening", "arrears", "1-1-101", "property", "2024", "1.234"), "amount"),
            (("opening", "credit", "1-1-101", "abc"), "amount"),
            (("opening", "credit", "9-9-999", "10"), "9-9-999"),
            (("account", "add", "cash"), "ACCOUNT"),
            (("account", "add", "bank:工商银行"), "工商银行"),
            (("account", "add", "bank:a|b"), "ACCOUNT"),
        ]
        for args, word in cases:
            with self.subTest(args=args):
                _, err = self.ledger(*args, expect=2)
                self.assertIn(word, err)
                # One line (a usage error adds its "Try … --help" hint).
                self.assertLessEqual(len(err.strip().splitlines()), 2 if "--help" in err else 1)
                self.assertEqual(dump(self.book), before)
        # A second opening credit of one household is refused too.
        self.ledger("opening", "credit", "1-1-102", "10")
        before = dump(self.book)
        _, err = self.ledger("opening", "credit", "1-1-102", "10", expect=2)
        self.assertIn("opening credit already", err)
        self.assertEqual(dump(self.book), before)

    def test_nothing_dated_before_the_opening_balances(self):
        """The paper ledger's figures as at 2026-01-01 hold everything before
        that day: a payment, a transfer, an income or a year's bill dated
        earlier would count it twice. Each is refused naming --date, the
        book unchanged; on the opening day itself they are accepted."""
        self.paper_ledger()
        before = dump(self.book)
        for args in (("pay", "1-1-101", "360", "--date", "2025-12-31"),
                     ("transfer", "100", "--from", "cash", "--to", "bank", "--date", "2025-12-31"),
                     ("income", "5", "--category", "interest", "--account", "bank", "--date", "2025-06-30"),
                     ("bill", "2025")):
            with self.subTest(args=args):
                _, err = self.ledger(*args, expect=2)
                self.assertEqual(len(err.strip().splitlines()), 1, err)
                self.assertIn("2026-01-01", err)
                self.assertIn("opening", err)
                self.assertEqual(dump(self.book), before)
        self.ledger("pay", "1-1-101", "360", "--date", "2026-01-01")
        self.ledger("transfer", "100", "--from", "cash", "--to", "bank", "--date", "2026-01-01")
        self.ledger("verify")

    def test_forged_payment_before_the_opening_balances(self):
        self.paper_ledger()
        f = Forger(self.book, os.path.join(self.dir, "before.clbook"))
        hid = f.household_id("1-1-101")
        n = f.append("payment", [("cash", None, 36000), ("prepaid", "1-1-101", -36000)],
                     ["receipt|2025-000001|1-1-101|36000|cash"], ref="2025-000001", memo="1-1-101",
                     date="2025-12-31")
        f.sql("INSERT INTO receipts VALUES ('2025-000001', 2025, 1, ?, 36000, 'cash', '2025-12-31', ?)", hid, n)
        _, err = run(f.finish(), "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)

    def test_maintenance_fund_balance(self):
        self.paper_ledger()
        # Fund balances through the balance report's lines: the opening
        # account holds the three funds' opening money together.
        data = json.loads(self.ledger("account", "list", "--json")[0])
        self.assertEqual(data["accounts"][0], {"code": "cash", "name": "现金", "kind": "asset",
                                               "balance": 150000})
        db = __import__("sqlite3").connect(self.book)
        funds = dict(db.execute("SELECT fund, sum (amount) FROM openings GROUP BY fund").fetchall())
        db.close()
        self.assertEqual(funds, {"operating": 150000, "maintenance": 8000000, "public": 200000})


class ForgedOpeningTest(BookTestCase):
    """Opening entries no rule would write, appended consistently: the
    replay's rule of "opening" entries refuses each."""

    def setUp(self):
        super().setUp()
        self.ledger("init", "--name", "老街小区")
        self.ledger("household", "add", "1-1-101", "--owner", "王伟", "--area", "90")
        # Billed for 2025 before the opening balances: once they are in,
        # a charge dated before them is refused.
        self.ledger("bill", "2025")
        self.ledger("opening", "balance", "cash", "100", "--date", "2026-01-01")
        # 400.00 of credit: 360.00 settles the 2025 charge at once, 40.00 stays.
        self.ledger("opening", "credit", "1-1-101", "400", "--date", "2026-01-01")
        self.ledger("verify")

    def forge(self, name, splits, facts, ref, memo):
        f = Forger(self.book, os.path.join(self.dir, name + ".clbook"))
        n = f.append("opening", splits, facts, ref=ref, memo=memo)
        return f.finish(), n

    def assert_refused(self, path, n, *words):
        _, err = run(path, "verify", expect=3)
        self.assertIn(f"journal entry {n}", err)
        for word in words:
            self.assertIn(word, err)

    def test_honest_copy_verifies(self):
        f = Forger(self.book, os.path.join(self.dir, "honest.clbook"))
        run(f.finish(), "verify")

    def test_second_balance_of_an_account_and_fund(self):
        path, n = self.forge("twice", [("cash", None, 999900), ("opening", None, -999900)],
                             ["opening|balance|cash||999900|operating"], "cash", "balance operating")
        self.assert_refused(path, n, "opening balance")

    def test_amount_of_the_fact_not_the_splits(self):
        path, n = self.forge("amount", [("wechat", None, 500000), ("opening", None, -500000)],
                             ["opening|balance|wechat||100|operating"], "wechat", "balance operating")
        self.assert_refused(path, n)

    def test_wrong_memo(self):
        path, n = self.forge("memo", [("wechat", None, 100), ("opening", None, -100)],
                             ["opening|balance|wechat||100|maintenance"], "wechat", "balance operating")
        self.assert_refused(path, n, "memo")

    def test_wrong_ref(self):
        path, n = self.forge("ref", [("wechat", None, 100), ("opening", None, -100)],
                             ["opening|balance|wechat||100|operating"], "cash", "balance operating")
        self.assert_refused(path, n, "ref")

    def test_arrears_of_a_billed_year(self):
        path, n = self.forge("billed", [("receivable", "1-1-101", 36000), ("opening", None, -36000)],
                             ["charge|1-1-101|property|2025|36000|2",
                              "opening|arrears||1-1-101|36000|operating"],
                             "1-1-101", "arrears property 2025")
        self.assert_refused(path, n, "already")

    def test_arrears_that_ignore_the_credit(self):
        # The household holds 40.00 of credit: billing's rule settles 40 of
        # the charge at once, which this entry leaves out.
        path, n = self.forge("credit", [("receivable", "1-1-101", 36000), ("opening", None, -36000)],
                             ["charge|1-1-101|property|2024|36000|2",
                              "opening|arrears||1-1-101|36000|operating"],
                             "1-1-101", "arrears property 2024")
        self.assert_refused(path, n)

    def test_credit_in_the_maintenance_fund(self):
        path, n = self.forge("fund", [("opening", None, 100), ("prepaid", "1-1-101", -100)],
                             ["opening|credit||1-1-101|100|maintenance"], "1-1-101", "credit")
        self.assert_refused(path, n)

    def test_opening_fact_in_a_charge_entry(self):
        f = Forger(self.book, os.path.join(self.dir, "foreign.clbook"))
        n = f.append("charge", [("cash", None, 100), ("opening", None, -100)],
                     ["opening|balance|cash||100|public"], ref="cash", memo="balance public")
        self.assert_refused(f.finish(), n)


if __name__ == "__main__":
    unittest.main(verbosity=2)
