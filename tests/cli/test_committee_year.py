#!/usr/bin/python3
"""A committee's year, end to end (issue 16's "done means").

A compound of four households that kept its books on paper starts the
year from them (opening balances per account and fund, one household's
arrears of 2025, another's credit), bills its fees, takes payments, puts
cash and WeChat money in the bank (one transfer with a bank charge),
advances money to a committee member who spends part of it and returns
part, earns bank interest and rent, spends from the operating fund and —
with a passed matter-5 vote — from the maintenance fund, publishes and
closes the first quarter, corrects it later, and refunds an overpayment.
No invented entry anywhere. Every figure below is worked out by hand
first; the reports, the notice and the workbook must all give it.

The clock walks through the year: each command runs on its own day
(COMMUNITY_LEDGER_NOW).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import run, dump  # noqa: E402


def on(day):
    return {"COMMUNITY_LEDGER_NOW": f"{day}T10:00:00+08:00"}


class CommitteeYear(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="committee-year-")
        cls.book = os.path.join(cls.dir, "幸福里.clbook")
        cls.out = {}

        def L(day, *args, expect=0):
            out, err = run(cls.book, *args, expect=expect, env=on(day))
            return out.strip() if expect == 0 else err.strip()

        cls.L = staticmethod(L)
        # 2 January: the book, the register, a committee member, and the
        # paper ledger's figures as at 1 January.
        L("2026-01-02", "init", "--name", "幸福里小区")
        L("2026-01-02", "household", "add", "1-1-101", "--owner", "王伟", "--area", "89.50")
        L("2026-01-02", "household", "add", "1-1-102", "--owner", "李娜", "--area", "120", "--spaces", "1")
        L("2026-01-02", "household", "add", "2-1-101", "--owner", "张敏", "--area", "70")
        L("2026-01-02", "household", "add", "2-1-102", "--owner", "赵强", "--area", "65")
        L("2026-01-02", "member", "add", "王芳", "--role", "director")
        L("2026-01-02", "account", "add", "bank:工商银行")
        L("2026-01-02", "opening", "balance", "cash", "1500", "--date", "2026-01-01")
        L("2026-01-02", "opening", "balance", "bank", "20000", "--date", "2026-01-01")
        L("2026-01-02", "opening", "balance", "bank:工商银行", "50000", "--date", "2026-01-01",
          "--fund", "maintenance")
        L("2026-01-02", "opening", "arrears", "2-1-101", "property", "2025", "360")
        L("2026-01-02", "opening", "credit", "2-1-102", "100")
        # The year's fees: property 360 × 4, parking 120 × 1 = 1,560.00;
        # 2-1-102's credit of 100 settles part of its 360 when billed.
        cls.out["bill"] = L("2026-01-02", "bill", "2026")
        cls.out["r1"] = L("2026-01-15", "pay", "1-1-101", "360")
        cls.out["r2"] = L("2026-01-20", "pay", "1-1-102", "480", "--method", "wechat")
        cls.out["r3"] = L("2026-02-10", "pay", "2-1-101", "720")  # 2025's arrears first, then 2026
        cls.out["z1"] = L("2026-02-15", "transfer", "1000", "--from", "cash", "--to", "bank",
                          "--memo", "存现")
        cls.out["z2"] = L("2026-02-20", "transfer", "400", "--from", "wechat", "--to", "bank",
                          "--fee", "1")
        cls.out["f1"] = L("2026-03-10", "advance", "give", "王芳", "300", "--from", "cash")
        L("2026-03-12", "spend", "180", "--payee", "五金店", "--category", "repair",
          "--from", "advance:王芳")
        cls.out["s1"] = L("2026-03-20", "advance", "return", "王芳", "100", "--to", "cash")
        cls.out["s2"] = L("2026-03-21", "income", "12.34", "--category", "interest", "--account", "bank")
        cls.out["s3"] = L("2026-03-25", "income", "600", "--category", "rent", "--account", "bank",
                          "--payer", "快递柜公司")
        L("2026-03-31", "spend", "200", "--payee", "保洁公司", "--category", "cleaning")
        cls.q1_balance = json.loads(L("2026-04-01", "report", "balance", "--json"))
        # The quarter is published and closed.
        L("2026-04-02", "notice", os.path.join(cls.dir, "q1.pdf"), "--period", "2026-Q1")
        L("2026-04-03", "period", "close", "2026-Q1")
        cls.before_refused = dump(cls.book)
        cls.refused_closed = L("2026-04-10", "pay", "2-1-102", "260", "--date", "2026-03-30", expect=2)
        cls.after_refused = dump(cls.book)
        cls.out["r4"] = L("2026-04-10", "pay", "2-1-102", "260", "--corrects", "2026-Q1")
        # Repairs from the maintenance fund: a passed matter-5 vote, and
        # never more than the fund holds.
        L("2026-04-15", "vote", "new", "--title", "外墙维修", "--matter", "5", "--closes", "2026-04-20")
        for unit in ("1-1-101", "1-1-102", "2-1-101", "2-1-102"):
            L("2026-04-16", "vote", "ballot", "1", unit, "yes")
        L("2026-04-21", "vote", "close", "1")
        L("2026-04-22", "spend", "3000", "--payee", "建筑公司", "--category", "repair", "--vote", "1",
          "--maintenance-fund", "--from", "bank:工商银行", "--approvers", "王芳")
        cls.refused_fund = L("2026-04-23", "spend", "60000", "--payee", "建筑公司", "--category",
                             "repair", "--vote", "1", "--maintenance-fund", "--from", "bank:工商银行",
                             "--approvers", "王芳", expect=2)
        # An overpayment, part of it refunded; more than the credit is refused.
        cls.out["r5"] = L("2026-05-05", "pay", "1-1-101", "500")
        cls.out["f2"] = L("2026-05-06", "refund", "1-1-101", "200", "--method", "cash",
                          "--reason", "多交退还")
        cls.refused_refund = L("2026-05-06", "refund", "1-1-101", "400", "--method", "cash",
                               "--reason", "多交退还", expect=2)
        L("2026-07-02", "notice", os.path.join(cls.dir, "q2.pdf"), "--period", "2026-Q2")
        cls.workbook = os.path.join(cls.dir, "审计-2026.xlsx")
        L("2026-12-31", "export", "xlsx", cls.workbook, "--period", "2026")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def json(self, day, *args):
        return json.loads(self.L(day, *args, "--json"))

    def test_numbers_printed(self):
        o = self.out
        self.assertEqual(o["bill"], "2026: 5 new charges, ¥1,560.00")
        self.assertEqual([o[k] for k in ("r1", "r2", "r3", "r4", "r5")],
                         ["2026-000001", "2026-000002", "2026-000003", "2026-000004", "2026-000005"])
        # Vouchers: Z 转 between accounts, F 付 money out, S 收 money in.
        self.assertEqual([o[k] for k in ("z1", "z2", "f1", "s1", "s2", "s3", "f2")],
                         ["Z2026-0001", "Z2026-0002", "F2026-0001", "S2026-0001", "S2026-0002",
                          "S2026-0003", "F2026-0002"])

    def test_end_of_q1_by_hand(self):
        """At the end of the first quarter, worked out by hand:
        cash     1,500 + 360 + 720 − 1,000 − 300 + 100 − 200          = 1,180.00
        bank    20,000 + 1,000 + 400 + 12.34 + 600                    = 22,012.34
        工商银行 50,000 (the maintenance fund's money)
        WeChat     480 − 400 − 1 (the bank charge)                    = 79.00
        王芳's advance 300 − 180 spent − 100 returned                  = 20.00
        receivable: charges 1,560 + 2025's arrears 360 − credit 100
                    − payments 360 + 480 + 720                        = 260.00 (2-1-102)
        funds: maintenance 50,000; public revenue the rent 600;
               operating 21,500 opening + 360 arrears − 100 credit
                         + 1,560 fees + 12.34 interest − 1 − 180 − 200 = 22,951.34
        money 73,271.34 + receivable 260 + advances 20 = 73,551.34 = the funds."""
        b = self.q1_balance
        acc = {a["code"]: a["balance"] for a in b["accounts"]}
        self.assertEqual((acc["cash"], acc["bank"], acc["bank:工商银行"], acc["wechat"], acc["alipay"]),
                         (118000, 2201234, 5000000, 7900, 0))
        self.assertEqual((acc["advance:王芳"], acc["receivable"], acc["prepaid"]), (2000, 26000, 0))
        self.assertEqual((acc["other-income:interest"], acc["other-income:rent"], acc["expense:bank-charges"]),
                         (1234, 60000, 100))
        funds = {f["code"]: f["balance"] for f in b["funds"]}
        self.assertEqual(funds, {"operating": 2295134, "maintenance": 5000000, "public": 60000})
        self.assertEqual(b["totals"]["money"], 7327134)
        self.assertEqual((b["totals"]["net"], b["totals"]["funds"], b["totals"]["ties_out"]),
                         (7355134, 7355134, True))

    def test_trial_balance_q1(self):
        t = self.json("2026-07-01", "report", "trial-balance", "--period", "2026-Q1")
        acc = {a["code"]: a for a in t["accounts"]}
        # Cash: in 1,500 + 360 + 720 + 100; out 1,000 + 300 + 200.
        self.assertEqual((acc["cash"]["opening"], acc["cash"]["debits"], acc["cash"]["credits"],
                          acc["cash"]["closing"]), (0, 268000, 150000, 118000))
        # The opening balances' account: 71,500 + 360 credited, the credit's 100 debited.
        self.assertEqual((acc["opening"]["debits"], acc["opening"]["credits"], acc["opening"]["closing"]),
                         (10000, 7186000, -7176000))
        self.assertEqual(sum(a["debits"] for a in t["accounts"]), sum(a["credits"] for a in t["accounts"]))
        self.assertEqual(sum(a["closing"] for a in t["accounts"]), 0)

    def test_cash_book_q1(self):
        c = self.json("2026-07-01", "report", "cashbook", "cash", "--period", "2026-Q1")
        self.assertEqual([(l["date"], l["voucher"], l["in"], l["out"], l["balance"]) for l in c["lines"]],
                         [("2026-01-01", "cash", 150000, 0, 150000),
                          ("2026-01-15", "2026-000001", 36000, 0, 186000),
                          ("2026-02-10", "2026-000003", 72000, 0, 258000),
                          ("2026-02-15", "Z2026-0001", 0, 100000, 158000),
                          ("2026-03-10", "F2026-0001", 0, 30000, 128000),
                          ("2026-03-20", "S2026-0001", 10000, 0, 138000),
                          ("2026-03-31", "", 0, 20000, 118000)])
        self.assertEqual((c["opening"], c["closing"], c["ties_out"]), (0, 118000, True))

    def test_advance_and_refusals(self):
        self.assertEqual(self.json("2026-07-01", "advance", "list")["advances"],
                         [{"member": "王芳", "given": 30000, "spent": 18000, "returned": 10000, "open": 2000}])
        self.assertIn("inside 2026-Q1, a closed period", self.refused_closed)
        self.assertEqual(self.before_refused, self.after_refused)
        # 50,000 − 3,000 = 47,000 left in the maintenance fund: 60,000 is 13,000 short.
        self.assertIn("¥47,000.00", self.refused_fund)
        self.assertIn("¥13,000.00 short", self.refused_fund)
        # 1-1-101 paid 500 with nothing owed: credit 500, 200 refunded, 300 left.
        self.assertIn("¥300.00", self.refused_refund)

    def test_end_of_year_and_verify(self):
        """After the first quarter: 2-1-102's 260 (a correction of Q1), the
        maintenance repair of 3,000 from 工商银行, 1-1-101's 500 of which 200
        was refunded in cash. Cash 1,180 + 260 + 500 − 200 = 1,740.00;
        工商银行 47,000; maintenance 47,000; operating 22,951.34 (a payment of
        a charge already counted as income does not change the fund); prepaid
        300; receivable 0."""
        b = self.json("2026-12-31", "report", "balance")
        acc = {a["code"]: a["balance"] for a in b["accounts"]}
        funds = {f["code"]: f["balance"] for f in b["funds"]}
        self.assertEqual((acc["cash"], acc["bank:工商银行"], acc["receivable"], acc["prepaid"]),
                         (174000, 4700000, 0, 30000))
        self.assertEqual(funds, {"operating": 2295134, "maintenance": 4700000, "public": 60000})
        self.assertTrue(b["totals"]["ties_out"])
        out = self.L("2026-12-31", "verify")
        self.assertTrue(out.startswith("fingerprint "), out)

    def test_workbook_ties_out_and_verifies(self):
        """The auditor's workbook of the year: verify --export recomputes every
        cell from the journal; its trial balance gives the same figures as
        the report, debits equal to credits."""
        out = self.L("2026-12-31", "verify", "--export", self.workbook)
        self.assertIn("fingerprint", out)
        wb = openpyxl.load_workbook(self.workbook)
        self.assertIn("试算平衡表", wb.sheetnames)
        rows = [r for r in wb["试算平衡表"].iter_rows(min_row=2, values_only=True) if r[0]]
        by_code = {r[0]: r for r in rows}
        report = {a["code"]: a for a in self.json("2026-12-31", "report", "trial-balance",
                                                  "--period", "2026")["accounts"]}
        # Cash over the year: in 1,500 + 360 + 720 + 100 + 260 + 500 = 3,440;
        # out 1,000 + 300 + 200 + 200 = 1,700; closing 1,740.00.
        self.assertEqual((report["cash"]["debits"], report["cash"]["credits"], report["cash"]["closing"]),
                         (344000, 170000, 174000))
        cash = by_code["cash"]
        self.assertEqual([round(v * 100) for v in cash[3:7]], [0, 344000, 170000, 174000])

    def test_q2_notice_lists_the_correction(self):
        text = subprocess.run(["pdftotext", "-raw", os.path.join(self.dir, "q2.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        self.assertIn("对已公示期间的更正", text)
        self.assertIn("2026-000004", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
