#!/usr/bin/python3
"""Issue 16's outputs read from outside, as a resident, an auditor and a
treasurer see them (the second red team): the notice's PDF (pdftotext), its
phone page (headless Chromium), its QR code (zbarimg, from the PNG and from
a simulated phone photo of it), the auditor's workbook (openpyxl) and the
reconciliation report must show the same figures, to the fen, as the
ledger's own reports — and as worked out by hand below.

The committee's half year, each command on its own day:

2026-01-02  paper ledger as at 2026-01-01: cash 1,500.00, bank 20,000.00
            (operating), bank:工商银行 50,000.00 (maintenance), Alipay 300.00
            (public revenue); 2-1-101 owes 2025's property fee 360.00;
            2-1-102 has 100.00 credit. bill 2026: property 360 × 4 +
            parking 120 (1-1-102) = 1,560.00; 2-1-102's credit settles 100.
01-15  pay 1-1-101 360 cash                              2026-000001
01-20  pay 1-1-102 480 WeChat                            2026-000002
02-10  pay 2-1-101 720 cash (2025 first, then 2026)      2026-000003
02-11  waive 2-1-102 property 2026 60.00 (低保户)
02-15  transfer 1,000 cash → bank, memo 存现             Z2026-0001
02-20  transfer 400 WeChat → bank, charge 1.00           Z2026-0002
03-10  advance 300 to 王芳 from cash                     F2026-0001
03-12  王芳 spends 180 on repairs from the advance
03-20  王芳 returns 100 in cash                          S2026-0001
03-21  interest 12.34 into the bank                      S2026-0002
03-25  rent 600 from 快递柜公司 into the bank (public)    S2026-0003
03-31  cleaning 200 cash; bank statement 22,012.34 (agrees);
       cash counted 1,285.00 (the book says 1,180.00: −105.00)
04-02  Q1 notice published
04-03  late, dated in Q1: pay 2-1-102 100 cash on 03-30 (2026-000004),
       donation 5 cash from 热心居民 on 03-29 (S2026-0004) — the cash count
       now agrees
04-05  period close 2026-Q1
04-10  interest 8 into the bank, correcting 2026-Q1       S2026-0005
04-15…21  matter-5 vote passes
04-22  repair 3,000 from bank:工商银行, maintenance fund
05-05  pay 1-1-101 500 cash: nothing owed, all credit    2026-000005
05-06  refund 200 of it in cash (多交退还)                F2026-0002
05-07  transfer 100 Alipay → bank:工商银行, charge 0.50  Z2026-0003
06-30  bank statement 22,035.34 (the book: 22,020.34, −15.00)
07-01  the bank's interest 15.00 of 06-30, entered late   S2026-0006
07-02  Q2 notice published; 07-03 period close 2026-Q2
10-02  Q3 notice published (nothing happened)
12-31  export xlsx --period 2026
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_notice import BINARY, CHROMIUM, pdf_text, scan_pdf, tool, yuan  # noqa: E402


def on(day):
    return f"{day}T10:00:00+08:00"


def fen(value):
    return round(value * 100)


# --- Worked out by hand -------------------------------------------------
#
# Q1 as published on 04-02 (before the late entries):
#   opening  1,500 + 20,000 + 50,000 + 300                       = 71,800.00
#   income   fees 360 + 480 + 720 = 1,560; interest 12.34; rent 600
#                                                                =  2,172.34
#   expenses 180 (advance) + 200 + 1 (charge)                    =    381.00
#   closing  71,800 + 2,172.34 − 381                             = 73,591.34
#   arrears  2-1-102: 360 − 100 credit − 60 waived               =    200.00
#   funds    maintenance 50,000; public 300 + 600 = 900;
#            operating 73,591.34 + 200 − 50,000 − 900            = 22,891.34
Q1 = {"期初余额": 7180000, "本期收入": 217234, "本期支出": 38100, "期末余额": 7359134}
Q1_FUNDS = (2289134, 5000000, 90000)
Q1_ARREARS = 20000
# Q2: opens with exactly Q1's printed closing; the two late entries are
# 上期补记 100 + 5 = 105.00.
#   income   interest 8 (a correction of Q1) + 15, prepaid 500   =    523.00
#   refunds                                                      =    200.00
#   expenses repair 3,000 + charge 0.50                          =  3,000.50
#   closing  73,591.34 + 105 + 523 − 200 − 3,000.50              = 71,018.84
#   accounts cash 1,180 + 5 + 100 + 500 − 200                    =  1,585.00
#            bank 22,012.34 + 8 + 15                             = 22,035.34
#            WeChat 480 − 400 − 1                                =     79.00
#            Alipay 300 − 100 − 0.50                             =    199.50
#            工商银行 50,000 − 3,000 + 100                        = 47,100.00
#            王芳's advance 300 − 180 − 100                       =     20.00
#                                                           sum  = 71,018.84
#   arrears  2-1-102: 200 − 100                                  =    100.00
#   credit   1-1-101: 500 − 200                                  =    300.00
#   funds    71,018.84 + 100 − 300                               = 70,818.84
#            maintenance 47,000; public 900;
#            operating 22,891.34 + 5 + 8 + 15 − 0.50             = 22,918.84
Q2 = {"期初余额": 7359134, "上期补记": 10500, "本期收入": 52300, "本期退款": 20000,
      "本期支出": 300050, "期末余额": 7101884}
Q2_ACCOUNTS = {"现金": 158500, "银行存款": 2203534, "微信": 7900, "支付宝": 19950,
               "银行存款（工商银行）": 4710000, "备用金（王芳）": 2000}
Q2_FUNDS = (2291884, 4700000, 90000)
Q2_ARREARS, Q2_CREDIT = 10000, 30000
# Q3: nothing happened; it opens with Q2's closing and no late line.
Q3 = {"期初余额": 7101884, "本期收入": 0, "本期支出": 0, "期末余额": 7101884}


class OutputsAgree(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="outputs-agree-")
        cls.book = cls.path("幸福里.clbook")
        L = cls.L
        L("2026-01-02", "init", "--name", "幸福里小区")
        for unit, owner, area, spaces in (("1-1-101", "王伟", "89.50", "0"), ("1-1-102", "李娜", "120", "1"),
                                          ("2-1-101", "张敏", "70", "0"), ("2-1-102", "赵强", "65", "0")):
            L("2026-01-02", "household", "add", unit, "--owner", owner, "--area", area, "--spaces", spaces)
        L("2026-01-02", "member", "add", "王芳", "--role", "director")
        L("2026-01-02", "account", "add", "bank:工商银行")
        L("2026-01-02", "opening", "balance", "cash", "1500", "--date", "2026-01-01")
        L("2026-01-02", "opening", "balance", "bank", "20000", "--date", "2026-01-01")
        L("2026-01-02", "opening", "balance", "bank:工商银行", "50000", "--date", "2026-01-01",
          "--fund", "maintenance")
        L("2026-01-02", "opening", "balance", "alipay", "300", "--date", "2026-01-01", "--fund", "public")
        L("2026-01-02", "opening", "arrears", "2-1-101", "property", "2025", "360")
        L("2026-01-02", "opening", "credit", "2-1-102", "100")
        L("2026-01-02", "bill", "2026")
        L("2026-01-15", "pay", "1-1-101", "360")
        L("2026-01-20", "pay", "1-1-102", "480", "--method", "wechat")
        L("2026-02-10", "pay", "2-1-101", "720")
        L("2026-02-11", "waive", "2-1-102", "property", "2026", "--reason", "低保户", "--amount", "60")
        L("2026-02-15", "transfer", "1000", "--from", "cash", "--to", "bank", "--memo", "存现")
        L("2026-02-20", "transfer", "400", "--from", "wechat", "--to", "bank", "--fee", "1")
        L("2026-03-10", "advance", "give", "王芳", "300", "--from", "cash")
        L("2026-03-12", "spend", "180", "--payee", "五金店", "--category", "repair", "--from", "advance:王芳")
        L("2026-03-20", "advance", "return", "王芳", "100", "--to", "cash")
        L("2026-03-21", "income", "12.34", "--category", "interest", "--account", "bank")
        L("2026-03-25", "income", "600", "--category", "rent", "--account", "bank", "--payer", "快递柜公司")
        L("2026-03-31", "spend", "200", "--payee", "保洁公司", "--category", "cleaning")
        L("2026-03-31", "account", "reconcile", "bank", "22012.34", "--date", "2026-03-31")
        L("2026-03-31", "account", "reconcile", "cash", "1285", "--date", "2026-03-31", "--memo", "季末盘点")
        cls.recon_q1_before = cls.json("2026-03-31", "report", "reconciliation", "--period", "2026-Q1")
        cls.notice("2026-04-02", "q1")
        L("2026-04-03", "pay", "2-1-102", "100", "--date", "2026-03-30")
        L("2026-04-03", "income", "5", "--category", "donation", "--account", "cash", "--payer", "热心居民",
          "--date", "2026-03-29")
        cls.recon_q1_after = cls.json("2026-04-03", "report", "reconciliation", "--period", "2026-Q1")
        L("2026-04-05", "period", "close", "2026-Q1")
        L("2026-04-10", "income", "8", "--category", "interest", "--account", "bank", "--corrects", "2026-Q1",
          "--memo", "一季度利息补记")
        L("2026-04-15", "vote", "new", "--title", "外墙维修", "--matter", "5", "--closes", "2026-04-20")
        for unit in ("1-1-101", "1-1-102", "2-1-101", "2-1-102"):
            L("2026-04-16", "vote", "ballot", "1", unit, "yes")
        L("2026-04-21", "vote", "close", "1")
        L("2026-04-22", "spend", "3000", "--payee", "建筑公司", "--category", "repair", "--vote", "1",
          "--maintenance-fund", "--from", "bank:工商银行", "--approvers", "王芳")
        L("2026-05-05", "pay", "1-1-101", "500")
        L("2026-05-06", "refund", "1-1-101", "200", "--method", "cash", "--reason", "多交退还")
        L("2026-05-07", "transfer", "100", "--from", "alipay", "--to", "bank:工商银行", "--fee", "0.5")
        cls.recon_stmt = L("2026-06-30", "account", "reconcile", "bank", "22035.34", "--date", "2026-06-30")
        cls.recon_q2_before = cls.json("2026-06-30", "report", "reconciliation", "--period", "2026-Q2")
        L("2026-07-01", "income", "15", "--category", "interest", "--account", "bank", "--date", "2026-06-30")
        cls.recon_q2_after = cls.json("2026-07-01", "report", "reconciliation", "--period", "2026-Q2")
        cls.notice("2026-07-02", "q2")
        L("2026-07-03", "period", "close", "2026-Q2")
        cls.notice("2026-10-02", "q3")
        cls.workbook = cls.path("审计-2026.xlsx")
        L("2026-12-31", "export", "xlsx", cls.workbook, "--period", "2026")
        cls.wb = openpyxl.load_workbook(cls.workbook, data_only=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def path(cls, name):
        return os.path.join(cls.dir, name)

    @classmethod
    def L(cls, day, *args, expect=0, book=None):
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", COMMUNITY_LEDGER_NOW=on(day))
        env.pop("DISPLAY", None)
        proc = subprocess.run([BINARY, "--book", book or cls.book, *args], capture_output=True,
                              text=True, env=env, timeout=120)
        if proc.returncode != expect:
            raise AssertionError(f"{args}: exit {proc.returncode}, expected {expect}\n"
                                 f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
        return proc.stdout.strip() if expect == 0 else proc.stderr.strip()

    @classmethod
    def json(cls, day, *args):
        return json.loads(cls.L(day, *args, "--json"))

    @classmethod
    def notice(cls, day, name, book=None):
        cls.L(day, "notice", cls.path(name + ".pdf"), "--period", {"q1": "2026-Q1", "q2": "2026-Q2",
                                                                 "q3": "2026-Q3", "long": "2026-Q2"}[name],
              "--png", cls.path(name + ".png"), "--html", cls.path(name + ".html"),
              "--qr-payload", cls.path(name + ".txt"), book=book)

    def payload(self, name):
        with open(self.path(name + ".txt"), encoding="utf-8") as f:
            return f.read()

    def phone_page(self, name):
        """The phone page's text as headless Chromium renders it."""
        if CHROMIUM is None:
            self.skipTest("chromium is not installed")
        profile = tempfile.mkdtemp(prefix="chromium-", dir=self.dir)
        dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                              "--disable-background-networking", "--disable-component-update",
                              "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                              "--window-size=390,844", "--virtual-time-budget=5000", "--dump-dom",
                              "file://" + self.path(name + ".html")],
                             capture_output=True, timeout=120).stdout.decode("utf-8")
        dom = re.sub(r"<style.*?</style>", " ", dom, flags=re.S)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))

    def photo(self, name, scale, angle, blur, quality):
        """The notice's PNG as a phone photographs the board: smaller,
        tilted, a little out of focus, JPEG-compressed; the QR it decodes."""
        tool("convert", "-version")
        shot = self.path(f"{name}-photo.jpg")
        tool("convert", self.path(name + ".png"), "-resize", f"{scale}%", "-background", "white",
             "-rotate", str(angle), "-blur", f"0x{blur}", "-quality", str(quality), shot)
        return tool("zbarimg", "-q", "--nodbus", "--raw", "-Sbinary", shot, check=False).decode("utf-8")

    def assert_same_figures(self, name, figures, accounts=None, funds=None, arrears=None):
        """The QR text, the PDF's text and the phone page show each figure."""
        qr = self.payload(name)
        text = pdf_text(self.path(name + ".pdf"))
        lines = text.splitlines()
        page = self.phone_page(name)
        for label, amount in figures.items():
            self.assertIn(f"{label}：{yuan(amount)}\n", qr, (name, label))
            self.assertIn(f"{label} {yuan(amount)}", lines, (name, label))
            self.assertIn(f"{label} {yuan(amount)}", page, (name, label))
        for label, amount in (accounts or {}).items():
            self.assertIn(f"{label} {yuan(amount)}", lines, (name, label))
            self.assertIn(f"{label} {yuan(amount)}", page, (name, label))
        if funds:
            operating, maintenance, public = funds
            self.assertIn(f"期末基金：日常经费{yuan(operating)}，维修资金{yuan(maintenance)}，"
                          f"公共收益{yuan(public)}\n", qr)
            for label, amount in (("日常经费", operating), ("维修资金", maintenance), ("公共收益", public),
                                  ("按基金合计", sum(funds))):
                self.assertIn(f"{label} {yuan(amount)}", lines, (name, label))
            for label, amount in (("日常经费", operating), ("维修资金", maintenance), ("公共收益", public),
                                  ("按基金", sum(funds))):
                self.assertIn(f"{label} {yuan(amount)}", page, (name, label))
        if arrears is not None:
            self.assertIn(f"期末欠费：{yuan(arrears)}\n", qr)
            self.assertIn(f"期末欠费（业主应缴未缴）{yuan(arrears)}", text)
            self.assertIn(f"期末欠费（业主应缴未缴） {yuan(arrears)}", page)
        # The same fingerprint on all three, and the QR's as scanned.
        fingerprint = qr.rsplit("账本指纹：", 1)[1]
        self.assertIn(f"完整账本指纹：{fingerprint}", text)
        self.assertIn(fingerprint, page)
        self.assertEqual(scan_pdf(self.path(name + ".pdf"), self.dir).decode("utf-8"), qr)
        self.assertEqual(tool("zbarimg", "-q", "--nodbus", "--raw", "-Sbinary",
                              self.path(name + ".png")).decode("utf-8"), qr)
        return qr, text, page

    # --- 1. The notice ------------------------------------------------------

    def test_q1_notice(self):
        qr, text, page = self.assert_same_figures("q1", Q1, funds=Q1_FUNDS, arrears=Q1_ARREARS)
        self.assertNotIn("上期补记", qr)
        # Other income: interest into the bank, rent from the common parts.
        for section in ("其他收入明细（共2笔", "资金划转（共2笔"):
            self.assertIn(section, text)
        self.assertIn("其他收入明细（共2笔）", page)
        for voucher in ("S2026-0002", "S2026-0003", "Z2026-0001", "Z2026-0002"):
            self.assertIn(voucher, text)
            self.assertIn(voucher, page)
        # Transfers are never income: 1,400 moved, income is fees and other
        # income alone (1,560 + 12.34 + 600), the WeChat charge an expense.
        self.assertIn(f"划转合计 {yuan(140000)}", text)
        self.assertIn(f"银行手续费 {yuan(100)}", text.splitlines())

    def test_q2_notice_opens_with_q1s_closing(self):
        qr, text, page = self.assert_same_figures("q2", Q2, accounts=Q2_ACCOUNTS, funds=Q2_FUNDS,
                                                  arrears=Q2_ARREARS)
        self.assertEqual(Q2["期初余额"], Q1["期末余额"])
        self.assertIn(f"按账户合计（即期末余额） {yuan(Q2['期末余额'])}", text)
        self.assertIn(f"业主预交款及押金{yuan(Q2_CREDIT)}", text)
        self.assertIn(f"业主预交款及押金 {yuan(Q2_CREDIT)}", page)
        # 上期补记: the two late entries, on paper and on the phone.
        self.assertIn("上期补记：2026年第一季度公示后登记", text)
        self.assertIn(f"上期补记合计 {yuan(10500)}", text)
        for ref in ("2026-000004", "S2026-0004"):
            self.assertIn(ref, text)
            self.assertIn(ref, page)
        # 对已公示期间的更正: the interest of 04-10.
        self.assertIn("对已公示期间的更正（共1笔", text)
        self.assertIn(f"1 2026-04-10 其他收入 S2026-0005 2026年第一季度 {yuan(800)}", text)
        self.assertIn("对已公示期间的更正（共1笔）", page)
        # Refunds and transfers, each of its own.
        self.assertIn("本期退款：", qr)
        self.assertIn("F2026-0002", text)
        self.assertIn("F2026-0002", page)
        self.assertIn("Z2026-0003", text)
        self.assertIn(f"划转合计 {yuan(10000)}", text)
        self.assertNotIn("1-1-101", text)  # the refunded household is not named

    def test_phone_page_names_periods_as_the_pdf(self):
        """The phone page said “上期补记：2026-Q1公示后登记的款项” and
        “更正2026-Q1” where the printed notice says 2026年第一季度."""
        page = self.phone_page("q2")
        self.assertIn("上期补记：2026年第一季度公示后登记的款项（共2笔）", page)
        self.assertIn("更正2026年第一季度", page)
        self.assertNotIn("2026-Q1", page)

    def test_q3_notice_opens_with_q2s_closing(self):
        qr, text, page = self.assert_same_figures("q3", Q3, funds=Q2_FUNDS, arrears=Q2_ARREARS)
        self.assertEqual(Q3["期初余额"], Q2["期末余额"])
        self.assertNotIn("上期补记", qr)
        self.assertNotIn("对已公示期间的更正", text)

    # Photos of the board: (scale %, tilt °, blur σ in pixels, JPEG quality)
    # of the 150 dpi page; a phone at arm's length sees the page finer.
    PHOTOS = ((85, 3, 0.7, 55), (80, -3, 0.6, 60), (90, 4, 0.8, 50))

    def test_qr_from_a_phone_photo(self):
        """Q2's QR decoded from simulated photos. Then a longer payload — a
        publication URL and a longer name, 494 bytes — which the notice drew
        with 3-pixel modules (0.5 mm) before, and which none of these photos
        decoded; it now keeps 4-pixel modules, as the shorter one does."""
        for shot in self.PHOTOS:
            with self.subTest(notice="q2", photo=shot):
                self.assertEqual(self.photo("q2", *shot), self.payload("q2"))
        long_book = self.path("long.clbook")
        shutil.copyfile(self.book, long_book)
        self.L("2026-10-05", "settings", "url", "https://example.org/xingfuli-community/notices/2026",
               book=long_book)
        self.L("2026-10-05", "settings", "name", "幸福里小区（东区）第三届业主大会", book=long_book)
        self.notice("2026-10-05", "long", book=long_book)
        self.assertGreater(len(self.payload("long").encode("utf-8")), 480)
        for shot in self.PHOTOS:
            with self.subTest(notice="long", photo=shot):
                self.assertEqual(self.photo("long", *shot), self.payload("long"))

    # --- 2. The workbook ----------------------------------------------------

    def rows(self, sheet, min_row=2):
        return [r for r in self.wb[sheet].iter_rows(min_row=min_row, values_only=True)
                if any(v is not None for v in r)]

    def test_workbook_verifies(self):
        self.assertTrue(self.L("2026-12-31", "verify", "--export", self.workbook).startswith("fingerprint "))

    def test_trial_balance_sheet_is_the_report(self):
        report = self.json("2026-12-31", "report", "trial-balance", "--period", "2026")
        sheet = {r[0]: tuple(fen(v) for v in r[3:7]) for r in self.rows("试算平衡表") if r[0]}
        self.assertEqual(sheet, {a["code"]: (a["opening"], a["debits"], a["credits"], a["closing"])
                                 for a in report["accounts"]})
        total = next(r for r in self.rows("试算平衡表") if r[1] == "合计")
        debits = sum(a["debits"] for a in report["accounts"])
        self.assertEqual([fen(v) for v in total[3:7]], [0, debits, debits, 0])
        # Cash, by hand: in 1,500 + 360 + 720 + 100 + 100 + 5 + 500 = 3,285;
        # out 1,000 + 300 + 200 + 200 = 1,700; closing 1,585.00.
        self.assertEqual(sheet["cash"], (0, 328500, 170000, 158500))
        self.assertEqual(sheet["waivers"], (0, 6000, 0, 6000))

    def test_cash_books_are_the_reports(self):
        names = {"现金日记账": "cash", "银行存款日记账": "bank", "微信日记账": "wechat",
                 "支付宝日记账": "alipay", "银行存款（工商银行）日记账": "bank:工商银行",
                 "备用金（王芳）日记账": "advance:王芳"}
        for sheet, code in names.items():
            with self.subTest(sheet=sheet):
                report = self.json("2026-12-31", "report", "cashbook", code, "--period", "2026")
                rows = self.rows(sheet)
                lines = [(r[0].strftime("%Y-%m-%d"), r[1] or "", fen(r[4]), fen(r[5]), fen(r[6]), r[7])
                         for r in rows[1:-1]]
                self.assertEqual(lines, [(l["date"], l["voucher"], l["in"], l["out"], l["balance"],
                                          l["entry"]) for l in report["lines"]])
                self.assertEqual(fen(rows[0][6]), report["opening"])
                self.assertEqual([fen(v) for v in rows[-1][4:7]],
                                 [sum(l["in"] for l in report["lines"]),
                                  sum(l["out"] for l in report["lines"]), report["closing"]])
                balance = self.json("2026-12-31", "report", "balance")
                self.assertEqual(report["closing"],
                                 next(a["balance"] for a in balance["accounts"] if a["code"] == code))
        # The bank by hand: 20,000 + 1,000 + 400 + 12.34 + 600 + 8 + 15.
        bank = self.rows("银行存款日记账")
        self.assertEqual(fen(bank[-1][6]), 2203534)

    def test_funds_sheet_is_the_report(self):
        report = self.json("2026-12-31", "report", "funds", "--period", "2026")
        rows = self.rows("基金")
        funds = {r[0]: tuple(fen(v) for v in r[2:6]) for r in rows[:3]}
        self.assertEqual(funds, {f["code"]: (f["opening"], f["in"], f["out"], f["closing"])
                                 for f in report["funds"]})
        self.assertEqual(tuple(f[3] for f in funds.values()), Q2_FUNDS)
        # The committee's money at the year's end = the funds together
        # (money 71,018.84 + receivable 100 + … − credit 300 = 70,818.84).
        money = next(r for r in rows if r[1] and str(r[1]).startswith("期末委员会资金"))
        self.assertEqual(fen(money[5]), sum(Q2_FUNDS))
        balance = self.json("2026-12-31", "report", "balance")
        self.assertEqual(balance["totals"]["net"], sum(Q2_FUNDS))
        lines = rows[rows.index(next(r for r in rows if r[0] == "日期")) + 1:]
        self.assertEqual(len(lines), len(report["entries"]))
        for row, entry in zip(lines, report["entries"]):
            self.assertEqual((row[1], row[6], fen(row[7]), fen(row[8])),
                             (entry["entry"], entry["account"], entry["in"], entry["out"]))

    def test_income_refund_and_waiver_lines(self):
        rows = {r[0]: r for r in self.rows("收入")}
        # Other income: S2026-0001 is the advance returned, not income.
        self.assertNotIn("S2026-0001", rows)
        self.assertEqual({k: fen(rows[k][5]) for k in rows if k.startswith("S")},
                         {"S2026-0002": 1234, "S2026-0003": 60000, "S2026-0004": 500,
                          "S2026-0005": 800, "S2026-0006": 1500})
        self.assertEqual((rows["F2026-0002"][4], fen(rows["F2026-0002"][5])), ("现金", -20000))
        income = self.json("2026-12-31", "report", "income", "--period", "2026")
        self.assertEqual(sum(fen(r[5]) for r in rows.values()), income["income_total"])
        waivers = self.rows("减免")
        self.assertEqual([(r[1], r[2], r[3], fen(r[4]), r[5]) for r in waivers],
                         [("2-1-102", "物业费", 2026, 6000, "低保户")])
        summary = {r[2]: r[1] for r in self.rows("汇总", 1) if isinstance(r[2], str)}
        # The year: 71,800 opening, then everything: closing 71,018.84.
        self.assertEqual((fen(summary["opening"]), fen(summary["closing"])), (7180000, 7101884))
        self.assertEqual(fen(summary["income_total"]), income["income_total"])
        self.assertEqual(fen(summary["expense_total"]), income["expense_total"])

    def edited(self, sheet, cell, value):
        wb = openpyxl.load_workbook(self.workbook)
        wb[sheet][cell] = value
        out = self.path(f"edited-{len(os.listdir(self.dir))}.xlsx")
        wb.save(out)
        return self.L("2026-12-31", "verify", "--export", out, expect=3)

    def cell_of(self, sheet, predicate, column):
        for row in self.wb[sheet].iter_rows(min_row=2):
            if predicate(tuple(c.value for c in row)):
                return f"{column}{row[0].row}"
        self.fail(f"no such row on {sheet}")

    def test_edited_cells_are_named(self):
        """One cell of each money sheet changed: an amount, a fund, a
        voucher, a date, a reason — verify --export names the sheet."""
        import datetime
        edits = [
            ("试算平衡表", self.cell_of("试算平衡表", lambda r: r[0] == "bank:工商银行", "F"), 3001),
            ("基金", self.cell_of("基金", lambda r: r[2] == "bank:工商银行" and r[4] == "维修资金", "E"), "日常经费"),
            ("基金", self.cell_of("基金", lambda r: r[2] == "S2026-0003", "H"), 601),
            ("现金日记账", self.cell_of("现金日记账", lambda r: r[1] == "F2026-0002", "B"), "F2026-0003"),
            ("银行存款日记账", self.cell_of("银行存款日记账", lambda r: r[1] == "S2026-0006", "A"),
             datetime.datetime(2026, 7, 1)),
            ("银行存款（工商银行）日记账",
             self.cell_of("银行存款（工商银行）日记账", lambda r: r[1] == "Z2026-0003", "E"), 100.5),
            ("备用金（王芳）日记账", self.cell_of("备用金（王芳）日记账", lambda r: r[2] == "支出", "F"), 18),
            ("收入", self.cell_of("收入", lambda r: r[0] == "F2026-0002", "F"), -2),
            ("收入", self.cell_of("收入", lambda r: r[0] == "S2026-0004", "E"), "微信"),
            ("减免", "E2", 61),
            ("减免", "F2", "困难户"),
            ("减免", "A2", datetime.datetime(2026, 2, 12)),
        ]
        for sheet, cell, value in edits:
            with self.subTest(sheet=sheet, cell=cell):
                self.assertIn(f"sheet {sheet}, cell {cell}:", self.edited(sheet, cell, value))

    # --- 4. Reconciliation -------------------------------------------------

    def test_reconciliation_at_period_ends(self):
        def by_code(report):
            return {a["code"]: a for a in report["accounts"]}

        # 03-31, as recorded: the bank agrees; the cash counted 1,285.00,
        # the book 1,500 + 360 + 720 − 1,000 − 300 + 100 − 200 = 1,180.00:
        # book − statement = −105.00.
        before = by_code(self.recon_q1_before)
        self.assertEqual((before["bank"]["statement"], before["bank"]["difference"]), (2201234, 0))
        self.assertEqual((before["cash"]["statement"], before["cash"]["book_at_statement"],
                          before["cash"]["difference"]), (128500, 118000, -10500))
        self.assertFalse(before["wechat"]["reconciled"])
        # The late payment and donation dated 03-29 and 03-30 explain it.
        after = by_code(self.recon_q1_after)
        self.assertEqual((after["cash"]["book_at_statement"], after["cash"]["difference"]), (128500, 0))
        self.assertEqual(after["cash"]["memo"], "季末盘点")
        # 06-30: the bank shows 22,035.34, the book 22,020.34 until the
        # interest of 06-30 is entered on 07-01.
        self.assertIn("¥15.00", self.recon_stmt)
        q2 = by_code(self.recon_q2_before)
        self.assertEqual((q2["bank"]["statement_date"], q2["bank"]["book_at_statement"], q2["bank"]["difference"]),
                         ("2026-06-30", 2202034, -1500))
        q2 = by_code(self.recon_q2_after)
        self.assertEqual((q2["bank"]["balance"], q2["bank"]["difference"]), (2203534, 0))
        # The cash's last statement is still Q1's, and still agrees.
        self.assertEqual((q2["cash"]["statement_date"], q2["cash"]["difference"]), ("2026-03-31", 0))
        # Its balance at the end of Q2 is the balance report's.
        balance = {a["code"]: a["balance"] for a in self.json("2026-12-31", "report", "balance")["accounts"]}
        self.assertEqual(q2["cash"]["balance"], balance["cash"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
