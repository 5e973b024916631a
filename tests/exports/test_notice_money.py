#!/usr/bin/python3
"""The committee's money on the notice (issue 16), read back as a resident
would: the PDF with pdftotext, the QR code printed at 150 dpi and scanned
with zbarimg, the phone page in headless Chromium.

One quarter of a small community that starts from a paper ledger and has
every kind of entry: opening balances (cash, the bank, the maintenance
fund's own bank account), opening arrears and credit, fees, a cash deposit
with a bank charge, interest, rent paid by an owner, a refund, an advance
spent against an invoice and returned, everyday spending and a repair from
the maintenance fund on a passed matter-5 vote. Every figure below is worked
out by hand in the comments.
"""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_notice  # noqa: E402
from test_notice import pdf_text, scan_pdf, yuan  # noqa: E402



class NoticeMoneyTest(unittest.TestCase):
    # The notice tests' own helpers (a book in a scratch folder, the real
    # binary at a fixed clock, `notice` with every output), not their tests.
    setUp = test_notice.PublishingTest.setUp
    tearDown = test_notice.PublishingTest.tearDown
    path = test_notice.PublishingTest.path
    ledger = test_notice.PublishingTest.ledger
    notice = test_notice.PublishingTest.notice
    payload = test_notice.PublishingTest.payload
    chromium = test_notice.PublishingTest.chromium

    def quarter(self):
        """2026-Q1 of 幸福里小区, entered as it happened.

        2025-12-31  opening: cash 500.00, bank 2,000.00, bank:维修资金专户
                    10,000.00 (maintenance); 1-1-103 owes its 2025 property
                    fee 360.00; 1-1-101 has 50.00 credit
        2026-01-01  bill 2026: property 360.00 ×3, parking 120.00 (1-1-102):
                    1,200.00; 1-1-101's 50.00 credit settles 50.00 at once
        2026-01-05  vote 1 (matter 5) passes; 01-02 王主任 joins the committee
        2026-02-01  1-1-101 pays 310.00 cash (property)
        2026-02-10  1-1-102 (李娜) pays 600.00 WeChat: 480.00 fees, 120.00 credit
        2026-02-15  Z2026-0001 cash → bank 300.00, bank charge 2.00 from cash
        2026-03-01  F2026-0001 advance to 王主任 200.00 from cash
        2026-03-05  王主任 spends 80.00 of it on cleaning (invoice FP-A)
        2026-03-10  repair 150.00 cash
        2026-03-15  repair 1,000.00 from bank:维修资金专户, maintenance fund, vote 1
        2026-03-20  S2026-0001 王主任 returns 120.00 in cash
        2026-03-21  S2026-0002 interest 12.34 into the bank (operating)
        2026-03-25  S2026-0003 rent 600.00 from 李娜 into the bank (public revenue)
        2026-03-28  F2026-0002 refund 100.00 of 1-1-102's credit by WeChat
        """
        self.now = "2026-01-01T09:00:00+08:00"
        self.ledger("init", "--name", "幸福里小区")
        self.ledger("settings", "days-ahead", "366")
        for unit, owner, area, spaces in (("1-1-101", "王伟", "90", "0"), ("1-1-102", "李娜", "120", "1"),
                                          ("1-1-103", "张敏", "80", "0")):
            self.ledger("household", "add", unit, "--owner", owner, "--area", area, "--spaces", spaces)
        self.ledger("account", "add", "bank:维修资金专户")
        self.ledger("opening", "balance", "cash", "500", "--date", "2025-12-31")
        self.ledger("opening", "balance", "bank", "2000", "--date", "2025-12-31")
        self.ledger("opening", "balance", "bank:维修资金专户", "10000", "--date", "2025-12-31",
                    "--fund", "maintenance")
        self.ledger("opening", "arrears", "1-1-103", "property", "2025", "360")
        self.ledger("opening", "credit", "1-1-101", "50")
        self.ledger("bill", "2026")
        self.now = "2026-01-02T09:00:00+08:00"
        self.ledger("member", "add", "王主任", "--role", "主任")
        vote = self.ledger("vote", "new", "--title", "使用维修资金修缮屋面", "--matter", "5",
                           "--opens", "2026-01-02", "--closes", "2026-01-05").strip()
        for unit in ("1-1-101", "1-1-102", "1-1-103"):
            self.ledger("vote", "ballot", vote, unit, "yes", "--date", "2026-01-03")
        self.now = "2026-01-05T18:00:00+08:00"
        self.ledger("vote", "close", vote)
        self.now = "2026-03-31T18:00:00+08:00"
        self.ledger("pay", "1-1-101", "310", "--method", "cash", "--date", "2026-02-01")
        self.ledger("pay", "1-1-102", "600", "--method", "wechat", "--date", "2026-02-10")
        self.ledger("transfer", "300", "--from", "cash", "--to", "bank", "--fee", "2",
                    "--date", "2026-02-15", "--memo", "现金存入银行")
        self.ledger("advance", "give", "王主任", "200", "--from", "cash", "--date", "2026-03-01",
                    "--memo", "零星采购")
        self.ledger("spend", "80", "--payee", "百姓日用品超市", "--category", "cleaning",
                    "--from", "advance:王主任", "--invoice", "FP-A", "--date", "2026-03-05")
        self.ledger("spend", "150", "--payee", "五金店", "--category", "repair", "--method", "cash",
                    "--date", "2026-03-10")
        self.ledger("spend", "1000", "--payee", "宏达防水工程有限公司", "--category", "repair",
                    "--from", "bank:维修资金专户", "--maintenance-fund", "--vote", vote,
                    "--memo", "屋面防水", "--date", "2026-03-15")
        self.ledger("advance", "return", "王主任", "120", "--to", "cash", "--date", "2026-03-20")
        self.ledger("income", "12.34", "--category", "interest", "--account", "bank", "--date", "2026-03-21")
        self.ledger("income", "600", "--category", "rent", "--account", "bank", "--payer", "李娜",
                    "--memo", "车库出租", "--date", "2026-03-25")
        self.ledger("refund", "1-1-102", "100", "--method", "wechat", "--reason", "多缴退还",
                    "--date", "2026-03-28")
        self.now = "2026-04-01T10:00:00+08:00"

    # Worked out by hand:
    #   opening     500 + 2,000 + 10,000                                  = 12,500.00
    #   income      property 310 + 360, parking 120, interest 12.34,
    #               rent 600, prepaid 120 (before the refund)            =  1,522.34
    #   refunds                                                          =    100.00
    #   expenses    repair 150 + 1,000, cleaning 80, bank charges 2      =  1,232.00
    #   closing     12,500 + 1,522.34 − 100 − 1,232                      = 12,690.34
    #   accounts    cash 500 + 310 − 300 − 2 − 200 − 150 + 120           =    278.00
    #               bank 2,000 + 300 + 12.34 + 600                       =  2,912.34
    #               WeChat 600 − 100                                     =    500.00
    #               Alipay                                               =      0.00
    #               bank:维修资金专户 10,000 − 1,000                       =  9,000.00
    #               advance 200 − 80 − 120 = 0: not listed               = 12,690.34
    #   arrears     1-1-103: 360 (2025) + 360 (2026)                      =    720.00
    #   credit      1-1-102: 120 − 100                                   =     20.00
    #   funds       12,690.34 + 720 − 20                                 = 13,390.34
    #               maintenance 10,000 − 1,000 = 9,000; public 600;
    #               operating 13,390.34 − 9,000 − 600                    =  3,790.34
    FIGURES = {"期初余额": 1250000, "本期收入": 152234, "本期退款": 10000, "本期支出": 123200,
               "期末余额": 1269034}
    ACCOUNTS = {"现金": 27800, "银行存款": 291234, "微信": 50000, "支付宝": 0,
                "银行存款（维修资金专户）": 900000}
    FUNDS = {"日常经费": 379034, "维修资金": 900000, "公共收益": 60000}

    def test_pdf_shows_the_money_by_account_and_by_fund(self):
        self.quarter()
        self.assertEqual(self.ledger("verify").split()[0], "fingerprint")
        self.notice()
        text = pdf_text(self.path("notice.pdf"))
        lines = text.splitlines()
        for label, fen in self.FIGURES.items():
            self.assertIn(f"{label} {yuan(fen)}", lines, label)
        # Other income under its Chinese category names, refunds on their own.
        for label, fen in (("利息", 1234), ("租金", 60000), ("预交款", 12000), ("银行手续费", 200)):
            self.assertIn(f"{label} {yuan(fen)}", lines, label)
        for label, fen in {**self.ACCOUNTS, **self.FUNDS}.items():
            self.assertIn(f"{label} {yuan(fen)}", text, label)
        self.assertIn(f"按账户合计（即期末余额） {yuan(1269034)}", text)
        self.assertIn(f"按基金合计 {yuan(1339034)}", text)
        self.assertIn(f"期末欠费（业主应缴未缴）{yuan(72000)}", text)
        self.assertIn(f"业主预交款及押金{yuan(2000)}", text)
        self.assertNotIn("备用金（王主任）", text)  # returned in full: nothing held
        # The lines themselves: vouchers, the owner who pays rent masked.
        self.assertIn("其他收入明细（共2笔", text)
        self.assertIn("S2026-0002", text)
        self.assertIn("S2026-0003", text)
        self.assertIn("李*", text)
        self.assertNotIn("李娜", text)
        self.assertIn("退款明细（共1笔）", text)
        self.assertIn("F2026-0002", text)
        self.assertIn("多缴退还", text)
        self.assertNotIn("1-1-102", text)
        # Transfers are information, never income or expense.
        self.assertIn("资金划转（共1笔，账户之间划转，不计入收入和支出）", text)
        self.assertIn("Z2026-0001", text)
        self.assertIn(f"划转合计 {yuan(30000)}", text)

    def test_qr_and_phone_page_agree(self):
        self.quarter()
        self.notice()
        payload = self.payload()
        self.assertEqual(scan_pdf(self.path("notice.pdf"), self.dir), payload)
        qr = payload.decode("utf-8")
        for label, fen in self.FIGURES.items():
            self.assertIn(f"{label}：{yuan(fen)}\n", qr)
        self.assertIn(f"期末基金：日常经费{yuan(379034)}，维修资金{yuan(900000)}，公共收益{yuan(60000)}\n", qr)
        self.assertIn(f"期末欠费：{yuan(72000)}\n", qr)
        self.assertTrue(qr.rsplit("\n", 1)[-1].startswith("账本指纹："))
        # The phone page, as Chromium renders it.
        dom = self.chromium("--virtual-time-budget=5000", "--dump-dom",
                            "file://" + self.path("notice.html")).stdout.decode("utf-8")
        page = re.sub(r"<[^>]+>", " ", dom)
        page = re.sub(r"\s+", " ", page)
        for label, fen in {**self.FIGURES, **self.ACCOUNTS, **self.FUNDS}.items():
            self.assertIn(f"{label} {yuan(fen)}", page, label)
        for section in ("期末资金", "其他收入明细（共2笔）", "退款明细（共1笔）", "资金划转（共1笔）"):
            self.assertIn(section, page)
        self.assertNotIn("李娜", page)

    def test_a_period_published_again_says_what_it_replaces(self):
        """Q1 published on 1 April closes with 12,690.34. A cash payment of
        1-1-103's 2025 arrears (360.00), dated 31 March, is entered on
        2 April, and Q1 is published again: its closing is now
        12,690.34 + 360.00 = 13,050.34, and every output says that it
        replaces the notice of 1 April, which closed with 12,690.34, and
        lists the payment that makes the difference. Published a third time
        with nothing new, it replaces the second, whose closing stands."""
        self.quarter()
        self.notice()
        first_fingerprint = self.payload().decode("utf-8").rsplit("账本指纹：", 1)[1]
        self.now = "2026-04-02T10:00:00+08:00"
        receipt = self.ledger("pay", "1-1-103", "360", "--method", "cash", "--date", "2026-03-31").split()[-1]
        self.notice()
        qr = self.payload().decode("utf-8")
        self.assertEqual(scan_pdf(self.path("notice.pdf"), self.dir), self.payload())
        self.assertIn(f"期末余额：{yuan(1305034)}\n", qr)
        self.assertIn(f"替代2026-04-01公示，原期末余额：{yuan(1269034)}\n", qr)
        text = re.sub(r"\s+", "", pdf_text(self.path("notice.pdf")))
        self.assertIn("更正版：替代2026年4月1日发布的本期公示", text)
        self.assertIn(f"本公示替代2026年4月1日发布的本期公示（账本指纹{first_fingerprint}）：该公示期末余额为"
                      f"{yuan(1269034)}；此后登记、日期在本期内的款项1笔，合计{yuan(36000)}，已计入本期数字，"
                      f"期末余额现为{yuan(1305034)}。", text)
        self.assertIn(receipt, text)
        dom = self.chromium("--virtual-time-budget=5000", "--dump-dom",
                            "file://" + self.path("notice.html")).stdout.decode("utf-8")
        page = re.sub(r"\s+", "", re.sub(r"<[^>]+>", " ", dom))
        self.assertIn("更正版：替代2026年4月1日发布的本期公示", page)
        self.assertIn(f"合计{yuan(36000)}，已计入本期数字", page)
        self.assertIn(receipt, page)
        # A third time, nothing new: the second's closing stands.
        self.now = "2026-04-03T10:00:00+08:00"
        self.notice()
        text = re.sub(r"\s+", "", pdf_text(self.path("notice.pdf")))
        self.assertIn(f"替代2026年4月2日发布的本期公示", text)
        self.assertIn(f"期末余额{yuan(1305034)}不变", text)
        self.ledger("verify")

    def test_transfers_alone_are_not_income(self):
        """A quarter with nothing but a transfer: income and expenses are
        zero, the accounts move, the closing is the opening."""
        self.now = "2026-01-01T09:00:00+08:00"
        self.ledger("init", "--name", "幸福里小区")
        self.ledger("settings", "days-ahead", "366")
        self.ledger("opening", "balance", "cash", "800", "--date", "2025-12-31")
        self.ledger("transfer", "500", "--from", "cash", "--to", "bank", "--date", "2026-02-01")
        self.now = "2026-04-01T10:00:00+08:00"
        self.notice()
        qr = self.payload().decode("utf-8")
        for label, fen in (("期初余额", 80000), ("本期收入", 0), ("本期支出", 0), ("期末余额", 80000)):
            self.assertIn(f"{label}：{yuan(fen)}\n", qr)
        self.assertNotIn("本期退款", qr)
        text = pdf_text(self.path("notice.pdf"))
        self.assertIn(f"现金 {yuan(30000)}", text)
        self.assertIn(f"银行存款 {yuan(50000)}", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
