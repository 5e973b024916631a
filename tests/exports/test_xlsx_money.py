#!/usr/bin/python3
"""The auditor's workbook holds the committee's money (issue 16): a book with
every kind of entry — opening balances, arrears and credit, a transfer with a
fee, interest, rent to public revenue, a refund, an advance given, spent and
returned, a maintenance-fund repair with its vote, a waiver, a void — exports
(it used to exit 3), every figure is worked out by hand below, verify --export
passes, and an edited cell of each new or changed part is exit 3 naming the
sheet and the cell.

The clock is 2026-06-30 (test_xlsx.NOW): entries without --date are dated
that day. No LibreOffice recalculation here: test_xlsx_cells.py has the one
the suite does (skipped where soffice is not installed).
"""
import os
import shutil
import sys
import tempfile
import unittest

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_xlsx import run, fen  # noqa: E402


def build(book):
    """The story. Property 360.00 a household a year (the default fee).

      2026-01-01  opening balance cash 500.00 (operating), bank 3,000.00 (maintenance)
                  opening arrears 1-1-101 property 2025 200.00; opening credit 1-1-103 50.00
                  bill 2026: 3 × 360.00 (1-1-103's settled 50.00 from its credit)
      2026-02-01  1-1-101 pays 560.00 cash: 200.00 for 2025, 360.00 for 2026
      2026-02-10  1-1-102 pays 400.00 WeChat: 360.00, and 40.00 credit
      2026-02-15  Z2026-0001 transfer 300.00 cash → bank:工商银行 (存现)
      2026-02-20  Z2026-0002 transfer 100.00 WeChat → bank, fee 1.00
      2026-03-21  S2026-0001 interest 12.50 into bank
      2026-03-25  S2026-0002 rent 600.00 into bank:工商银行, public fund, from 快递柜公司
      2026-04-01  F2026-0001 refund 1-1-102 40.00 cash (多缴退回)
      2026-05-01  1-1-103 pays 100.00 Alipay (2026-000003) ...
      2026-06-30  ... voided; 1-1-103's property 2026 waived by 60.00 (低保户);
                  matter-5 vote passed, repair 1,000.00 from bank (maintenance fund);
                  advance 200.00 to 王芳 from cash, she spends 80.00, returns 120.00
    """
    def ledger(*args):
        return run(book, *args)[0].strip()

    ledger("init", "--name", "幸福里小区")
    for unit, owner, area in (("1-1-101", "王伟", "90"), ("1-1-102", "李娜", "120"), ("1-1-103", "张敏", "80")):
        ledger("household", "add", unit, "--owner", owner, "--area", area)
    ledger("member", "add", "王芳", "--role", "出纳")
    ledger("account", "add", "bank:工商银行")
    ledger("opening", "balance", "cash", "500", "--date", "2026-01-01")
    ledger("opening", "balance", "bank", "3000", "--date", "2026-01-01", "--fund", "maintenance")
    ledger("opening", "arrears", "1-1-101", "property", "2025", "200")
    ledger("opening", "credit", "1-1-103", "50")
    ledger("bill", "2026")
    ledger("pay", "1-1-101", "560", "--method", "cash", "--date", "2026-02-01")
    ledger("pay", "1-1-102", "400", "--method", "wechat", "--date", "2026-02-10")
    ledger("transfer", "300", "--from", "cash", "--to", "bank:工商银行", "--date", "2026-02-15", "--memo", "存现")
    ledger("transfer", "100", "--from", "wechat", "--to", "bank", "--date", "2026-02-20", "--fee", "1")
    ledger("income", "12.5", "--category", "interest", "--account", "bank", "--date", "2026-03-21")
    ledger("income", "600", "--category", "rent", "--account", "bank:工商银行", "--fund", "public",
           "--payer", "快递柜公司", "--date", "2026-03-25")
    ledger("refund", "1-1-102", "40", "--method", "cash", "--reason", "多缴退回", "--date", "2026-04-01")
    ledger("waive", "1-1-103", "property", "2026", "--reason", "低保户", "--amount", "60")
    ledger("pay", "1-1-103", "100", "--method", "alipay", "--date", "2026-05-01")
    ledger("void", "2026-000003", "--reason", "误收")
    ledger("vote", "new", "--title", "屋面防水维修", "--matter", "5", "--opens", "2026-05-01")
    for unit in ("1-1-101", "1-1-102", "1-1-103"):
        ledger("vote", "ballot", "1", unit, "yes")
    ledger("vote", "close", "1")
    ledger("spend", "1000", "--payee", "防水公司", "--category", "repair", "--method", "bank",
           "--maintenance-fund", "--vote", "1", "--invoice", "FP-0009")
    ledger("advance", "give", "王芳", "200", "--from", "cash")
    ledger("spend", "80", "--payee", "五金店", "--category", "repair", "--from", "advance:王芳",
           "--invoice", "FP-0010")
    ledger("advance", "return", "王芳", "120", "--to", "cash")


CASHBOOKS = ["现金日记账", "银行存款日记账", "微信日记账", "支付宝日记账", "银行存款（工商银行）日记账",
             "备用金（王芳）日记账"]


class MoneyWorkbookTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="xlsx-money-")
        cls.book = os.path.join(cls.dir, "book.clbook")
        build(cls.book)
        cls.path = os.path.join(cls.dir, "2026.xlsx")
        run(cls.book, "export", "xlsx", cls.path, "--period", "2026")
        cls.wb = openpyxl.load_workbook(cls.path)
        cls.values = openpyxl.load_workbook(cls.path, data_only=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def rows(self, sheet):
        ws = self.values[sheet]
        return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]

    def summary(self):
        return {row[2]: row[1] for row in self.rows("汇总") if isinstance(row[2], str)}

    def edited(self, sheet, cell, value):
        wb = openpyxl.load_workbook(self.path)
        wb[sheet][cell] = value
        path = os.path.join(self.dir, f"edited-{sheet}-{cell}.xlsx")
        wb.save(path)
        return path

    def assert_named(self, sheet, cell, value):
        path = self.edited(sheet, cell, value)
        _, err = run(os.path.join(self.dir, "none.clbook"), "verify", "--export", path, expect=3)
        self.assertIn(f"sheet {sheet}, cell {cell}:", err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)

    # -- the export and its verification ------------------------------------

    def test_sheets(self):
        # A cash book for each money account and advance with an entry, in
        # chart order (the named bank account was added after the standard four).
        self.assertEqual(self.wb.sheetnames, ["汇总", "收入", "支出", "减免", "试算平衡表", "基金", *CASHBOOKS,
                                              "欠费", "住户", "表决", "日记账", "校验"])

    def test_verifies(self):
        for period in ("2026", "2026-Q1", "2026-Q2", None):
            path = os.path.join(self.dir, f"{period}.xlsx")
            run(self.book, "export", "xlsx", path, *(["--period", period] if period else []))
            run(self.book, "verify", "--export", path)
            run(os.path.join(self.dir, "none.clbook"), "verify", "--export", path)

    def test_summary_figures(self):
        s = self.summary()
        # Opening: the opening balances 500.00 + 3,000.00 (期初, never income).
        self.assertEqual(fen(s["opening"]), 350000)
        # Fees: 560.00 + 360.00 (1-1-102's settled part) + 100.00 − 100.00 voided = 920.00
        self.assertEqual(fen(s["income:property"]), 92000)
        self.assertEqual(fen(s["income:other-income:interest"]), 1250)
        self.assertEqual(fen(s["income:other-income:rent"]), 60000)
        # Credit: 40.00 received, 40.00 refunded.
        self.assertEqual(fen(s["income:prepaid"]), 0)
        self.assertEqual(fen(s["income_total"]), 153250)
        # Repairs 1,000.00 + 80.00 (from the advance); the transfer's fee 1.00.
        self.assertEqual(fen(s["expense:repair"]), 108000)
        self.assertEqual(fen(s["expense:bank-charges"]), 100)
        self.assertEqual(fen(s["expense_total"]), 108100)
        # 3,500.00 + 1,532.50 − 1,081.00 = 3,951.50; the advance's 200.00
        # given and 120.00 returned move money, the 80.00 spent is spent.
        self.assertEqual(fen(s["closing"]), 395150)
        self.assertEqual(s["check"], 0)
        labels = {row[2]: row[0] for row in self.rows("汇总") if isinstance(row[2], str)}
        self.assertEqual(labels["income:other-income:interest"], "收入 · 利息")
        self.assertEqual(labels["expense:bank-charges"], "支出 · 银行手续费")
        opening = next(row for row in self.wb["汇总"].iter_rows() if row[2].value == "opening")
        self.assertIn('"期初"', opening[1].value)

    def test_income_rows(self):
        rows = {r[0] + ("-" if r[5] < 0 else ""): r for r in self.rows("收入")}
        interest = rows["S2026-0001"]
        self.assertEqual((interest[4], fen(interest[5]), interest[7], fen(interest[10])),
                         ("银行存款", 1250, "利息", 1250))
        rent = rows["S2026-0002"]
        self.assertEqual((rent[3], rent[4], fen(rent[5]), fen(rent[11])),
                         ("快递柜公司", "银行存款（工商银行）", 60000, 60000))
        refund = rows["F2026-0001-"]
        self.assertEqual((refund[2], refund[4], fen(refund[5]), refund[7], fen(refund[12])),
                         ("1-1-102", "现金", -4000, "退款：多缴退回", -4000))
        self.assertEqual(sum(fen(r[5]) for r in rows.values()), 153250)

    def test_bank_charge_row(self):
        charges = [r for r in self.rows("支出") if r[3] == "银行手续费"]
        self.assertEqual(len(charges), 1)
        row = charges[0]
        self.assertEqual((row[4], row[5], fen(row[7]), row[8], row[9]),
                         ("转账 微信 → 银行存款", "Z2026-0002", 100, "微信", "日常经费"))

    def test_journal_funds_count_advances(self):
        """The advance given moves 200.00 from cash to 王芳: no change in the
        committee's money; her 80.00 spent is −80.00."""
        journal = self.rows("日记账")
        advance = [r for r in journal if r[2] == "备用金"]
        self.assertEqual([fen(r[8]) for r in advance], [0, 0])
        spent = next(r for r in journal if r[4] == "FP-0010")
        self.assertEqual(fen(spent[8]), -8000)

    def test_waivers_sheet(self):
        self.assertEqual([(r[1], r[2], r[3], fen(r[4]), r[5]) for r in self.rows("减免")],
                         [("1-1-103", "物业费", 2026, 6000, "低保户")])

    def test_trial_balance(self):
        rows = {r[0]: r for r in self.rows("试算平衡表") if r[0] is not None}
        figures = {code: tuple(fen(v) for v in row[3:7]) for code, row in rows.items()}
        # cash: +500 opening, +560 paid, +120 returned; −300 transfer, −40
        # refund, −200 advance: debits 1,180.00, credits 540.00, closing 640.00
        self.assertEqual(figures["cash"], (0, 118000, 54000, 64000))
        self.assertEqual(figures["bank:工商银行"], (0, 90000, 0, 90000))
        self.assertEqual(figures["advance:王芳"], (0, 20000, 20000, 0))
        self.assertEqual(figures["expense:bank-charges"], (0, 100, 0, 100))
        self.assertEqual(figures["other-income:rent"], (0, 0, 60000, -60000))
        self.assertEqual(rows["advance:王芳"][1], "备用金（王芳）")
        self.assertEqual(rows["opening"][1:3], ("期初余额", "权益"))
        total = self.rows("试算平衡表")[-1]
        self.assertEqual(total[1], "合计")
        # every split of 2026 either side, as report trial-balance prints: 8,553.50
        self.assertEqual(tuple(fen(v) for v in total[3:7]), (0, 855350, 855350, 0))
        last = self.wb["试算平衡表"].max_row
        self.assertEqual(self.wb["试算平衡表"][f"E{last}"].value, f"=SUM(E2:E{last - 1})")

    # -- the cash books ------------------------------------------------------

    def cashbook(self, sheet):
        """(kind, voucher, in, out, balance) of each line, the opening and the totals."""
        rows = self.rows(sheet)
        self.assertEqual(rows[0][3], "期初余额")
        self.assertEqual(rows[-1][3], "本期合计")
        lines = [(r[2], r[1], fen(r[4]), fen(r[5]), fen(r[6])) for r in rows[1:-1]]
        return fen(rows[0][6]), lines, tuple(fen(v) for v in rows[-1][4:7])

    def test_cash_book(self):
        opening, lines, totals = self.cashbook("现金日记账")
        # Nothing before 2026; the opening balance of 2026-01-01 is its first line.
        self.assertEqual(opening, 0)
        self.assertEqual([(k, i, o, b) for k, _, i, o, b in lines], [
            ("期初", 50000, 0, 50000),          # opening balance 500.00
            ("收费", 56000, 0, 106000),         # 1-1-101 pays 560.00
            ("转账", 0, 30000, 76000),          # 300.00 to 工商银行
            ("退款", 0, 4000, 72000),           # 40.00 back to 1-1-102
            ("备用金", 0, 20000, 52000),        # 200.00 to 王芳
            ("备用金", 12000, 0, 64000)])       # she returns 120.00
        # in 500 + 560 + 120 = 1,180.00; out 300 + 40 + 200 = 540.00; 640.00 left
        self.assertEqual(totals, (118000, 54000, 64000))
        self.assertEqual(lines[2][1], "Z2026-0001")
        self.assertEqual(lines[3][1], "F2026-0001")
        self.assertEqual(self.rows("现金日记账")[3][3], "现金 → 银行存款（工商银行）：存现")  # the memo in Chinese

    def test_other_cash_books(self):
        # WeChat: 400.00 in; 100.00 to the bank and its 1.00 fee leave by it: 299.00
        _, lines, totals = self.cashbook("微信日记账")
        self.assertEqual([(i, o) for _, _, i, o, _ in lines], [(40000, 0), (0, 10100)])
        self.assertEqual(totals, (40000, 10100, 29900))
        # bank: 3,000.00 opening (maintenance) + 100.00 + 12.50 interest − 1,000.00 repair = 2,112.50
        _, lines, totals = self.cashbook("银行存款日记账")
        self.assertEqual([(k, v, b) for k, v, _, _, b in lines],
                         [("期初", "bank", 300000), ("转账", "Z2026-0002", 310000), ("其他收入", "S2026-0001", 311250),
                          ("支出", "FP-0009", 211250)])
        self.assertEqual(totals, (311250, 100000, 211250))
        # 工商银行: 300.00 cash deposited + 600.00 rent = 900.00
        self.assertEqual(self.cashbook("银行存款（工商银行）日记账")[2], (90000, 0, 90000))
        # Alipay: 100.00 received, then voided: 0
        self.assertEqual(self.cashbook("支付宝日记账")[2], (10000, 10000, 0))
        # 王芳's advance: 200.00 given, 80.00 spent, 120.00 returned: 0
        _, lines, totals = self.cashbook("备用金（王芳）日记账")
        self.assertEqual([k for k, *_ in lines], ["备用金", "支出", "备用金"])
        self.assertEqual(totals, (20000, 20000, 0))

    def test_cash_books_of_a_quarter(self):
        # Q2 opens cash at 500 + 560 − 300 = 760.00 (Q1's lines) and has no
        # WeChat entry, yet WeChat had entries before: its book is there.
        path = os.path.join(self.dir, "q2.xlsx")
        run(self.book, "export", "xlsx", path, "--period", "2026-Q2")
        values = openpyxl.load_workbook(path, data_only=True)
        cash = [tuple(c.value for c in row) for row in values["现金日记账"].iter_rows(min_row=2)]
        self.assertEqual(fen(cash[0][6]), 76000)
        self.assertEqual(len(cash), 2 + 3)
        wechat = [tuple(c.value for c in row) for row in values["微信日记账"].iter_rows(min_row=2)]
        self.assertEqual([fen(wechat[0][6]), len(wechat), fen(wechat[-1][6])], [29900, 2, 29900])

    # -- an edited cell is named --------------------------------------------

    def test_edited_cells(self):
        income = {r[0]: i + 2 for i, r in enumerate(self.rows("收入"))}
        trial = {r[0]: i + 2 for i, r in enumerate(self.rows("试算平衡表"))}
        charge = next(i + 2 for i, r in enumerate(self.rows("支出")) if r[3] == "银行手续费")
        last = self.wb["试算平衡表"].max_row
        for sheet, cell, value in (
                ("收入", f"F{income['S2026-0002']}", 6000),
                ("收入", f"H{income['F2026-0001']}", "退款：搬走"),
                ("收入", f"L{income['S2026-0002']}", 6000),
                ("支出", f"H{charge}", 2),
                ("支出", f"E{charge}", "转账"),
                ("减免", "E2", 70),
                ("减免", "F2", "困难户"),
                ("减免", "B2", "1-1-102"),
                ("试算平衡表", f"E{trial['cash']}", 1181),
                ("试算平衡表", f"B{trial['cash']}", "库存现金"),
                ("试算平衡表", f"G{trial['advance:王芳']}", 1),
                ("试算平衡表", f"F{last}", "=SUM(F2:F3)"),
                ("现金日记账", "G2", 1),
                ("现金日记账", "E3", 501),
                ("现金日记账", "F5", 30),
                ("现金日记账", "G4", 1061),
                ("现金日记账", "B5", "Z2026-0009"),
                ("现金日记账", "C6", "支出"),
                ("现金日记账", "D5", "取现"),
                ("现金日记账", "H3", 99),
                ("现金日记账", "A4", "2026-02-02"),
                ("现金日记账", "G9", 641),
                ("现金日记账", "E9", 1181),
                ("微信日记账", "F4", 100),
                ("备用金（王芳）日记账", "F4", 81),
                ("银行存款（工商银行）日记账", "E4", 6000)):
            with self.subTest(sheet=sheet, cell=cell):
                self.assert_named(sheet, cell, value)


if __name__ == "__main__":
    unittest.main(verbosity=2)
