#!/usr/bin/python3
"""report balance, report trial-balance and report cashbook: the command-line
contract of issue 16 (docs/money.md), on a year of fees entered with the real
commands, every figure worked out by hand; bad input exits 2 with one line and
leaves the book as it was; a daily cache edited behind the program's back
makes every report say THE BOOK IS BROKEN and exit 3.

The clock is 2026-06-30 (test_cli.run()), so a void and a waiver are dated
that day.
"""
import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_cli import BookTestCase, dump  # noqa: E402


class MoneyReportsTest(BookTestCase):

    def fee_year(self):
        """Three households billed 1,200.00 for 2026 on 1 January (property
        360.00 each, parking 120.00 for 1-1-102's space), then:

          2026-02-01  2026-000001  1-1-101 pays 360.00 cash
          2026-02-10  2026-000002  1-1-102 pays 600.00 WeChat: 480.00 settles, 120.00 credit
          2026-03-01  2026-000003  1-1-103 pays 200.00 Alipay
          2026-03-05  2026-000004  1-1-103 pays 100.00 bank
          2026-04-01  FP-0001      repairs 150.00 from cash
          2026-05-01  FP-0002      cleaning 80.00 from WeChat
          2026-06-30               2026-000004 voided; 1-1-103's property waived by 60.00
        """
        self.ledger("init", "--name", "幸福里小区")
        self.ledger("household", "add", "1-1-101", "--owner", "王伟", "--area", "90")
        self.ledger("household", "add", "1-1-102", "--owner", "李娜", "--area", "120", "--spaces", "1")
        self.ledger("household", "add", "1-1-103", "--owner", "张敏", "--area", "80")
        out, _ = self.ledger("bill", "2026")
        self.assertEqual(out.strip(), "2026: 4 new charges, ¥1,200.00")
        receipts = [self.ledger("pay", unit, amount, "--method", method, "--date", date)[0].strip()
                    for unit, amount, method, date in (
                        ("1-1-101", "360", "cash", "2026-02-01"),
                        ("1-1-102", "600", "wechat", "2026-02-10"),
                        ("1-1-103", "200", "alipay", "2026-03-01"),
                        ("1-1-103", "100", "bank", "2026-03-05"))]
        self.assertEqual(receipts, ["2026-000001", "2026-000002", "2026-000003", "2026-000004"])
        self.ledger("spend", "150", "--payee", "五金店", "--category", "repair", "--method", "cash",
                    "--date", "2026-04-01", "--invoice", "FP-0001")
        self.ledger("spend", "80", "--payee", "保洁公司", "--category", "cleaning", "--method", "wechat",
                    "--date", "2026-05-01", "--invoice", "FP-0002")
        self.ledger("void", "2026-000004", "--reason", "银行退回")
        self.ledger("waive", "1-1-103", "property", "2026", "--reason", "低保户", "--amount", "60")

    # ------------------------------------------------------------------

    def test_balance_json(self):
        self.fee_year()
        report = self.json("report", "balance")
        self.assertEqual(report["report"], "balance")
        self.assertEqual(report["as_of"], "2026-12-31")
        balance = {a["code"]: a["balance"] for a in report["accounts"]}
        kinds = {a["code"]: a["kind"] for a in report["accounts"]}
        # cash 360 − 150; WeChat 600 − 80; Alipay 200; bank 100 − 100 voided
        self.assertEqual(balance["cash"], 21000)
        self.assertEqual(balance["wechat"], 52000)
        self.assertEqual(balance["alipay"], 20000)
        self.assertEqual(balance["bank"], 0)
        # receivable 1,200 − 360 − 480 − 200 − 60 waived; credit 120.00
        self.assertEqual(balance["receivable"], 10000)
        self.assertEqual(balance["prepaid"], 12000)
        self.assertEqual(balance["income:property"], 108000)
        self.assertEqual(balance["waivers"], 6000)
        self.assertEqual(kinds["prepaid"], "liability")
        # Funds: income 1,200 − 60 waived − 230 spent = 910.00, all operating.
        funds = {f["code"]: f["balance"] for f in report["funds"]}
        self.assertEqual(funds, {"operating": 91000, "maintenance": 0, "public": 0})
        # money 210 + 520 + 200 = 930.00; net 930 + 100 − 120 = 910.00
        self.assertEqual(report["totals"], {"money": 93000, "receivable": 10000, "advances": 0,
                                            "liabilities": 12000, "net": 91000, "funds": 91000,
                                            "ties_out": True})
        # At the end of March: cash 360, WeChat 600, Alipay 200, bank 100
        # = 1,260.00; receivable 60.00; credit 120.00; funds 1,200.00.
        march = self.json("report", "balance", "--period", "2026-03")
        self.assertEqual(march["as_of"], "2026-03-31")
        self.assertEqual(march["totals"]["money"], 126000)
        self.assertEqual(march["totals"]["net"], 120000)
        self.assertEqual(march["totals"]["funds"], 120000)

    def test_balance_text(self):
        self.fee_year()
        out, _ = self.ledger("report", "balance")
        lines = out.splitlines()
        self.assertEqual(lines[0], "Balances at 2026-12-31")
        self.assertIn("  Cash                             ¥210.00", lines)
        self.assertIn("Funds at 2026-12-31", lines)
        self.assertIn("  Operating fund                   ¥910.00", lines)
        self.assertIn("  Liabilities                      ¥120.00", lines)
        self.assertIn("  Net                              ¥910.00", lines)
        self.assertIn("  Money + receivable + advances − liabilities = the funds: it ties out", lines)

    def test_trial_balance_json(self):
        self.fee_year()
        year = self.json("report", "trial-balance", "--period", "2026")
        self.assertEqual(year["report"], "trial-balance")
        self.assertEqual((year["first"], year["last"]), ("2026-01-01", "2026-12-31"))
        rows = {a["code"]: (a["opening"], a["debits"], a["credits"], a["closing"]) for a in year["accounts"]}
        self.assertEqual(rows["cash"], (0, 36000, 15000, 21000))
        self.assertEqual(rows["bank"], (0, 10000, 10000, 0))
        # debits: the bill 1,200 and the void's 100; credits: the payments
        # 360 + 480 + 200 + 100 and the waiver 60
        self.assertEqual(rows["receivable"], (0, 130000, 120000, 10000))
        self.assertEqual(rows["prepaid"], (0, 0, 12000, -12000))
        self.assertEqual(rows["income:parking"], (0, 0, 12000, -12000))
        # 360 + 600 + 200 + 100 + 1,300 + 60 + 150 + 80 = 2,850.00 either side
        self.assertEqual(year["totals"], {"opening": 0, "debits": 285000, "credits": 285000,
                                          "closing": 0, "ties_out": True})

        # The second quarter: the repair, the cleaning, the void and the
        # waiver; it opens with March's closing.
        q2 = self.json("report", "trial-balance", "--period", "2026-Q2")
        rows = {a["code"]: (a["opening"], a["debits"], a["credits"], a["closing"]) for a in q2["accounts"]}
        self.assertEqual(rows["cash"], (36000, 0, 15000, 21000))
        self.assertEqual(rows["bank"], (10000, 0, 10000, 0))
        self.assertEqual(rows["receivable"], (6000, 10000, 6000, 10000))
        self.assertEqual(rows["waivers"], (0, 6000, 0, 6000))
        # 150 + 80 + 100 + 60 = 390.00
        self.assertEqual(q2["totals"], {"opening": 0, "debits": 39000, "credits": 39000,
                                        "closing": 0, "ties_out": True})
        # every account, including those nothing moved
        self.assertEqual(len(q2["accounts"]), len(self.json("report", "balance")["accounts"]))

    def test_trial_balance_text(self):
        self.fee_year()
        out, _ = self.ledger("report", "trial-balance", "--period", "2026-Q2")
        self.assertIn("Trial balance, 2026-Q2 (2026-04-01 to 2026-06-30)", out)
        # columns aligned in terminal columns (¥ is two bytes, one column)
        self.assertIn("  Account                           Opening           Debits          Credits          Closing\n"
                      "  Cash                              ¥360.00            ¥0.00          ¥150.00          ¥210.00\n", out)
        self.assertIn("  物业费                         -¥1,080.00            ¥0.00            ¥0.00       -¥1,080.00", out)
        self.assertIn("  Total                               ¥0.00          ¥390.00          ¥390.00            ¥0.00", out)
        self.assertIn("Debits equal credits", out)

    def test_cashbook_json(self):
        self.fee_year()
        bank = self.json("report", "cashbook", "bank", "--period", "2026")
        self.assertEqual((bank["report"], bank["account"], bank["opening"]), ("cashbook", "bank", 0))
        lines = [(l["date"], l["voucher"], l["kind"], l["memo"], l["in"], l["out"], l["balance"])
                 for l in bank["lines"]]
        self.assertEqual(lines, [("2026-03-05", "2026-000004", "payment", "1-1-103", 10000, 0, 10000),
                                 ("2026-06-30", "2026-000004", "void", "银行退回", 0, 10000, 0)])
        self.assertEqual((bank["total_in"], bank["total_out"], bank["closing"], bank["ties_out"]),
                         (10000, 10000, 0, True))

        # Cash from April: 360.00 brought forward, the repair out under its invoice.
        cash = self.json("report", "cashbook", "现金", "--period", "2026-Q2")
        self.assertEqual(cash["account"], "cash")
        self.assertEqual(cash["opening"], 36000)
        self.assertEqual([(l["voucher"], l["kind"], l["memo"], l["out"], l["balance"]) for l in cash["lines"]],
                         [("FP-0001", "expenditure", "五金店", 15000, 21000)])
        self.assertEqual(cash["closing"], 21000)

        # This year by default; WeChat: the payment in, the cleaning out.
        wechat = self.json("report", "cashbook", "wechat")
        self.assertEqual(wechat["period"], "2026")
        self.assertEqual([l["balance"] for l in wechat["lines"]], [60000, 52000])

    def test_cashbook_text(self):
        self.fee_year()
        out, _ = self.ledger("report", "cashbook", "bank")
        lines = out.splitlines()
        self.assertEqual(lines[0], "Cash book of Bank (bank), 2026 (2026-01-01 to 2026-12-31)")
        self.assertIn("  Opening balance                    ¥0.00", lines)
        self.assertTrue(any(l.startswith("  2026-03-05  2026-000004") and "Fee payment" in l for l in lines), out)
        self.assertTrue(any(l.startswith("  2026-06-30  2026-000004") and "Voided receipt" in l for l in lines), out)
        self.assertIn("  Closing balance                    ¥0.00", lines)

    # ------------------------------------------------------------------

    BAD = [
        (["report", "cashbook", "receivable"], "ACCOUNT"),
        (["report", "cashbook", "prepaid"], "ACCOUNT"),
        (["report", "cashbook", "bank:工商银行"], "bank:工商银行"),
        (["report", "cashbook", "advance:张三"], "advance:张三"),
        (["report", "cashbook", "bank:"], "ACCOUNT"),
        (["report", "cashbook"], "cashbook ACCOUNT"),
        (["report", "cashbook", "cash", "bank"], "cashbook ACCOUNT"),
        (["report", "balance", "cash"], "cashbook ACCOUNT"),
        (["report", "cashbook", "cash", "--period", "2026-13"], "--period"),
        (["report", "trial-balance", "--period", "2026-Q5"], "--period"),
        (["report", "trial-balances"], "trial-balances"),
    ]

    def test_bad_inputs_change_nothing(self):
        self.fee_year()
        before = dump(self.book)
        with open(self.book, "rb") as f:
            before_bytes = f.read()
        for args, field in self.BAD:
            with self.subTest(args=args):
                _, err = self.ledger(*args, expect=2)
                self.assertIn(field, err)
                lines = [l for l in err.splitlines() if l and not l.startswith("Try ")]
                self.assertEqual(len(lines), 1, err)
                self.assertEqual(dump(self.book), before, f"{args} changed the book")
        with open(self.book, "rb") as f:
            self.assertEqual(f.read(), before_bytes)

    def test_broken_cache_is_said_loudly(self):
        """One fen added to cash's daily cache: the balance report no longer
        ties to the funds, the trial balance's cash line does not add up,
        the cash book does not close with the cache: each prints its figures,
        then one line THE BOOK IS BROKEN, and exits 3 (as verify would)."""
        self.fee_year()
        db = sqlite3.connect(self.book)
        db.execute("UPDATE account_days SET amount = amount + 1 WHERE account = 'cash' AND date = '2026-04-01'")
        db.commit()
        db.close()
        for args, words in ((["report", "balance"], "¥910.01"),
                            (["report", "trial-balance"], "cash"),
                            (["report", "cashbook", "cash"], "cash")):
            with self.subTest(args=args):
                out, err = self.ledger(*args, expect=3)
                self.assertTrue(out)
                self.assertEqual(len(err.strip().splitlines()), 1, err)
                self.assertIn("THE BOOK IS BROKEN", err)
                self.assertIn(words, err)
                self.assertIn("run verify", err)
        report = json.loads(self.ledger("report", "balance", "--json", expect=3)[0])
        self.assertFalse(report["totals"]["ties_out"])
        self.assertEqual(report["totals"]["net"] - report["totals"]["funds"], 1)
        self.ledger("verify", expect=3)


if __name__ == "__main__":
    unittest.main(verbosity=2)
