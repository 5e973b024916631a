#!/usr/bin/python3
"""A receipt proves what it prints (issue 15).

Each receipt is printed to PDF, page one rasterised at 150 dpi (pdftoppm)
and its QR code scanned (zbarimg); the scanned text must be the receipt's
QR text, and both `verify --receipt` (the C check, with and without the
book) and receipt_proof.py (written from docs/leaf-format.md alone) must
prove it. Forged copies, the amount or the unit changed, must fail both
(exit 3). The figures are worked out by hand below.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import receipt_proof  # noqa: E402  (the independent check)

BINARY = os.environ.get("COMMUNITY_LEDGER", "build/app/community-ledger")


def tool(*args):
    if shutil.which(args[0]) is None:
        raise unittest.SkipTest(f"{args[0]} is not installed")
    return subprocess.run(args, capture_output=True, check=True, timeout=120).stdout


class ReceiptProofTest(unittest.TestCase):
    """Two households billed ¥1,200.00 a year for 2025 and 2026.

    2026-000001  1-1-101 pays ¥3,000.00 by WeChat: settles 2025 and 2026
                 (¥1,200.00 each, oldest first) and keeps ¥600.00 as credit.
    2026-000002  1-1-102 pays ¥1,200.00 in cash: settles 2025 only.
    2026-000003  1-1-102 pays ¥500.00 by bank: ¥500.00 of 2026.
    2026-000004  1-1-101, all settled, pays ¥100.00: all prepaid credit
                 (no item line, no receivable split).
    2026-000003 is then voided: its receipt still proves its payment.
    """

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="receipt-test-")
        self.book = self.path("book.clbook")
        self.now = "2026-03-01T09:30:00+08:00"

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def ledger(self, *args, book=None, expect=0, operator=None):
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", COMMUNITY_LEDGER_NOW=self.now)
        env.pop("DISPLAY", None)
        argv = [BINARY, "--book", book or self.book]
        if operator:
            argv += ["--operator", operator]
        proc = subprocess.run([*argv, *args], capture_output=True, text=True, env=env, timeout=120)
        if proc.returncode != expect:
            raise AssertionError(f"{args}: exit {proc.returncode}, expected {expect}\n"
                                 f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
        return proc.stdout + proc.stderr

    def community(self, book=None):
        self.ledger("init", "--name", "幸福小区", book=book)
        self.ledger("settings", "days-ahead", "366", book=book)
        for unit, owner in (("1-1-101", "张三"), ("1-1-102", "李娜")):
            self.ledger("household", "add", unit, "--owner", owner, "--area", "80", book=book)
        self.ledger("fee", "set", "property", "1200", "--from", "2025-01-01", book=book)
        self.ledger("bill", "2025", book=book)
        self.ledger("bill", "2026", book=book)
        self.ledger("pay", "1-1-101", "3000", "--method", "wechat", "--date", "2026-03-01",
                    operator="李四", book=book)
        self.ledger("pay", "1-1-102", "1200", "--method", "cash", "--date", "2026-03-02", book=book)
        self.ledger("pay", "1-1-102", "500", "--method", "bank", "--date", "2026-03-03", book=book)
        self.ledger("pay", "1-1-101", "100", "--date", "2026-03-04", book=book)

    def receipt(self, number):
        """The receipt's QR text as written and as scanned from the printed page."""
        pdf, qr = self.path(number + ".pdf"), self.path(number + ".qr")
        self.ledger("receipt", number, pdf, "--qr-payload", qr)
        with open(qr, "rb") as f:
            written = f.read()
        base = self.path(number)
        tool("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, base)
        scanned = tool("zbarimg", "-q", "--nodbus", "--raw", "-Sbinary", base + ".png")
        self.assertEqual(scanned, written, f"{number}: the scanned QR code is not its text")
        return scanned.decode("utf-8")

    def check(self, text, expect, book=None, alone=None):
        """Both checks on @text: exit @expect from the binary, the same from
        Python (which has no book: @alone, when the book decides)."""
        qr = self.path("check.qr")
        with open(qr, "w", encoding="utf-8") as f:
            f.write(text)
        out = self.ledger("verify", "--receipt", qr, expect=expect,
                          book=book or self.path("no-book.clbook"))
        ok, what = receipt_proof.check(text)
        self.assertEqual(ok, expect == 0 if alone is None else alone, f"receipt_proof.py: {what}")
        return out

    # ------------------------------------------------------------------

    def test_receipts_prove_what_they_print(self):
        self.community()
        texts = {n: self.receipt(n) for n in ("2026-000001", "2026-000002", "2026-000003",
                                              "2026-000004")}
        first = texts["2026-000001"]
        # Two charges settled oldest first and ¥600.00 kept: 1,200 + 1,200 + 600 = 3,000.
        for line in ("户号：1-1-101", "2025年度物业费（property）：¥1,200.00",
                     "2026年度物业费（property）：¥1,200.00", "预交款：¥600.00", "合计：¥3,000.00",
                     "方式：微信（wechat）", "日期：2026-03-01", "登记时间：2026-03-01T09:30:00+08:00",
                     "经手人：李四", "缴款人：张*", "叶版本：2"):
            self.assertIn(line + "\n", first)
        self.assertLess(first.index("2025年度"), first.index("2026年度"))
        self.assertNotIn("张三", first)
        # ¥100.00 with nothing owed: no item, all credit.
        last = texts["2026-000004"]
        self.assertNotIn("年度", last)
        self.assertIn("预交款：¥100.00\n合计：¥100.00\n", last)
        for number, text in texts.items():
            out = self.check(text, 0)
            self.assertIn(number, out)
            self.assertIn("proof consistency", out)
            out = self.check(text, 0, book=self.book)
            self.assertIn("This book had that fingerprint", out)
        ok, fields = receipt_proof.check(texts["2026-000002"])
        self.assertEqual((fields["items"], fields["credit"], fields["total"], fields["method"]),
                         ([("property", 2025, 120000)], 0, 120000, "cash"))
        ok, fields = receipt_proof.check(texts["2026-000003"])
        self.assertEqual((fields["items"], fields["credit"]), ([("property", 2026, 50000)], 0))

        # Entry 12: init, 2 default fees, the setting, 2 households, the
        # fee, 4 charges (2 units × 2025 and 2026), then this payment.
        self.assertIn("条目：12\n", first)
        pdf_text = tool("pdftotext", "-raw", self.path("2026-000001.pdf"), "-").decode("utf-8")
        for word in ("2026-03-01T09:30:00+08:00", "经手人：李四", "（property）", "（wechat）",
                     "账本第12条记录"):
            self.assertIn(word, pdf_text)

    def test_forged_receipts_fail(self):
        self.community()
        text = self.receipt("2026-000001")
        entry = receipt_proof.check(text)[1]["entry"]
        forgeries = {
            # The amount: the total and the credit raised together, so the
            # items still add up and only the proof can tell.
            "amount": text.replace("合计：¥3,000.00", "合计：¥3,100.00")
                          .replace("预交款：¥600.00", "预交款：¥700.00"),
            "unit": text.replace("户号：1-1-101", "户号：1-1-102"),
            "item year": text.replace("2025年度物业费（property）", "2024年度物业费（property）"),
            "fee code": text.replace("2026年度物业费（property）", "2026年度物业费（parking）"),
            "method": text.replace("微信（wechat）", "现金（cash）"),
            "method name": text.replace("微信（wechat）", "现金（wechat）"),
            "recorded at": text.replace("09:30:00", "09:31:00"),
            "operator": text.replace("经手人：李四", "经手人：王五"),
            "date": text.replace("日期：2026-03-01", "日期：2026-03-02"),
            "entry": text.replace(f"条目：{entry}", f"条目：{entry - 1}"),
            "items not adding up": text.replace("预交款：¥600.00", "预交款：¥700.00"),
            "a line less": text.replace("预交款：¥600.00\n", ""),
            "a line more": text + "\n备注：已核对",
            "not a receipt": "https://example.org/\n" + text,
        }
        for what, forged in forgeries.items():
            with self.subTest(what):
                self.assertNotEqual(forged, text)
                self.check(forged, 3)
        # The root changed with a path of its own making still fails: the
        # path is checked to the printed root.
        root = text.rsplit(":", 1)[1]
        self.check(text.replace(root, "0" * 64), 3)
        # The name on the item line is the book's and proves nothing.
        self.check(text.replace("2025年度物业费（property）", "2025年度物業費（property）"), 0)
        # A scanner's CR LF and a final line break are the same text.
        self.check(text.replace("\n", "\r\n") + "\r\n", 0)

    def test_a_receipt_of_another_book_fails_against_this_book(self):
        """A QR code consistent in itself but from another book (the same
        payments recorded a minute later) proves itself alone, but not
        against this book, whose fingerprint at that size differs."""
        self.community()
        other = self.path("other.clbook")
        self.now = "2026-03-01T09:31:00+08:00"
        self.community(book=other)
        pdf, qr = self.path("o.pdf"), self.path("o.qr")
        self.ledger("receipt", "2026-000001", pdf, "--qr-payload", qr, book=other)
        with open(qr, encoding="utf-8") as f:
            text = f.read()
        self.check(text, 0)
        out = self.check(text, 3, book=self.book, alone=True)
        self.assertIn("is not this book's", out)

    def test_voided_receipt_still_proves_its_payment(self):
        self.community()
        self.ledger("void", "2026-000003", "--reason", "收错户号")
        text = self.receipt("2026-000003")
        self.assertIn("状态：已作废\n", text)
        out = self.check(text, 0, book=self.book)
        self.assertIn("voided", out)
        # Taking the mark off changes nothing the leaf holds (the void is a
        # later entry): the proof is of the payment, whatever the mark says.
        self.check(text.replace("状态：已作废\n", ""), 0)

    def test_a_phone_in_the_operators_name_is_masked_and_proves_nothing(self):
        """The operator is printed as recorded, for the leaf holds it; a
        phone number typed into it is masked on the receipt and in its QR
        code, and that QR code then does not rebuild the leaf (the known
        limit docs/leaf-format.md states)."""
        self.community()
        self.ledger("pay", "1-1-102", "100", "--date", "2026-03-05", operator="出纳 13812341234")
        text = self.receipt("2026-000005")
        self.assertNotIn("13812341234", text)
        self.assertIn("经手人：出纳 ", text)
        out = self.check(text, 3)
        self.assertIn("hashes to", out)

    def test_a_receipt_settling_many_charges(self):
        """Three fees over 8 years, 2019–2026: ¥1,200.00 + ¥300.00 × 2
        spaces + ¥100.00 = ¥1,900.00 a year, ¥15,200.00 in all, 24 items.
        With every fee's name the page would be too short for the code, so
        the names (which prove nothing) are left out of the QR code and the
        code still scans and proves."""
        self.ledger("init", "--name", "幸福小区")
        self.ledger("household", "add", "1-1-101", "--owner", "张三", "--area", "80",
                    "--spaces", "2")
        self.ledger("fee", "set", "property", "1200", "--from", "2000-01-01")
        self.ledger("fee", "set", "parking", "300", "--per", "space", "--from", "2000-01-01")
        self.ledger("fee", "set", "elevator", "100", "--name", "电梯运行维护费", "--from",
                    "2000-01-01")
        for year in range(2019, 2027):
            self.ledger("bill", str(year))
        self.ledger("pay", "1-1-101", "15200", "--date", "2026-03-01")
        text = self.receipt("2026-000001")
        self.assertEqual(text.count("年度"), 24)
        self.assertIn("\n2019年度（property）：¥1,200.00\n2019年度（parking）：¥600.00\n"
                      "2019年度（elevator）：¥100.00\n", text)
        self.assertIn("合计：¥15,200.00\n", text)
        self.assertNotIn("预交款", text)
        self.check(text, 0, book=self.book)

    def test_usage(self):
        self.community()
        self.ledger("verify", "--receipt", self.path("missing.qr"), expect=1)
        self.ledger("verify", "--receipt", self.dir, expect=1)
        with open(self.path("big.qr"), "w") as f:
            f.write("小区公账收据\n" * 1000)
        self.assertIn("is not the text", self.ledger("verify", "--receipt", self.path("big.qr"), expect=3))
        self.ledger("verify", "--receipt", self.path("x"), "--head", "1:" + "0" * 64, expect=2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
