#!/usr/bin/python3
"""Read-back tests of what goes out to the residents, through the real binary.

The notice is printed at 150 dpi with pdftoppm and its QR code scanned with
zbarimg; its text is extracted with pdftotext and compared with
`report income --json` and with the book read by sqlite3; the phone page is
opened in headless Chromium at 390×844. A receipt's QR proof is checked with
hashlib alone, from the README's description of the fingerprint.
"""
import hashlib
import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from reference_fingerprint import leaves, mth  # noqa: E402  (an independent implementation)

BINARY = os.environ.get("COMMUNITY_LEDGER", "build/app/community-ledger")
PHONE = re.compile(r"1[3-9]\d{9}")
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)


def yuan(fen):
    """¥1,234.56 as ledger_money_format writes it."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"


def tool(*args, check=True):
    """Runs a read-back tool, skipping the test when it is not installed."""
    if shutil.which(args[0]) is None:
        raise unittest.SkipTest(f"{args[0]} is not installed")
    return subprocess.run(args, capture_output=True, check=check, timeout=120).stdout


def scan_pdf(pdf, workdir):
    """Page one printed at 150 dpi, then scanned: the QR code's exact bytes."""
    base = os.path.join(workdir, "scan")
    tool("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, base)
    return tool("zbarimg", "-q", "--nodbus", "--raw", "-Sbinary", base + ".png")


def pdf_text(pdf):
    return tool("pdftotext", "-raw", pdf, "-").decode("utf-8")


def verify_inclusion(leaf_hash, index, size, path, root):
    """RFC 9162 §2.1.3.2, written from the RFC with hashlib."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf_hash
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


class PublishingTest(unittest.TestCase):
    """A small community's first quarter of 2026."""

    OWNERS = [("1-1-101", "王伟", "13812341234", "89.50", "0"),
              ("1-1-102", "李娜", "", "120", "2"),
              ("2-1-101", "欧阳娜娜", "0571-87654321", "70.25", "1"),
              ("2-1-102", "张敏", "15900001111", "65", "0")]

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="notice-test-")
        self.book = os.path.join(self.dir, "book.clbook")
        self.now = "2026-04-01T10:00:00+08:00"

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def ledger(self, *args, expect=0):
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", COMMUNITY_LEDGER_NOW=self.now)
        env.pop("DISPLAY", None)
        proc = subprocess.run([BINARY, "--book", self.book, *args], capture_output=True,
                              text=True, env=env, timeout=120)
        if proc.returncode != expect:
            raise AssertionError(f"{args}: exit {proc.returncode}, expected {expect}\n"
                                 f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
        return proc.stdout

    def query(self, sql, *params):
        db = sqlite3.connect(f"file:{self.book}?mode=ro", uri=True)
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def community(self):
        self.now = "2026-01-02T10:00:00+08:00"
        self.ledger("init", "--name", "和平里小区")
        # The quarter is recorded at once, from its first day's clock.
        self.ledger("settings", "days-ahead", "366")
        for unit, owner, phone, area, spaces in self.OWNERS:
            self.ledger("household", "add", unit, "--owner", owner, "--area", area,
                        "--phone", phone, "--spaces", spaces)
        self.ledger("bill", "2026")
        self.ledger("pay", "1-1-101", "360", "--method", "wechat", "--date", "2026-01-05")
        self.ledger("pay", "1-1-102", "600", "--method", "cash", "--date", "2026-01-06")
        self.ledger("pay", "2-1-101", "500", "--method", "bank", "--date", "2026-02-01")
        # Prepaid into the bank, which pays every expenditure (no money
        # account may go below zero on any day).
        self.ledger("pay", "1-1-102", "5000", "--method", "bank", "--date", "2026-01-10")
        self.ledger("spend", "1250.50", "--payee", "张师傅水电维修部", "--category", "repair",
                    "--memo", "1号楼楼道水管维修", "--date", "2026-01-20", "--method", "bank")
        self.ledger("spend", "300", "--payee", "洁美保洁服务有限公司", "--category", "cleaning",
                    "--date", "2026-02-10", "--method", "bank")
        self.ledger("spend", "88", "--payee", "晨光文具店", "--category", "office",
                    "--memo", "王伟代买公告纸，联系13812341234", "--date", "2026-03-03", "--method", "bank")
        self.ledger("spend", "50", "--payee", "晨光文具店", "--category", "office",
                    "--date", "2026-04-02", "--method", "bank")
        vote = self.ledger("vote", "new", "--title", "更换小区路灯为LED节能灯", "--matter", "9",
                           "--opens", "2026-03-01", "--closes", "2026-03-20").strip()
        for unit, *_ in self.OWNERS[:3]:
            self.ledger("vote", "ballot", vote, unit, "yes", "--date", "2026-03-05")
        self.now = "2026-03-21T10:00:00+08:00"
        self.ledger("vote", "close", vote)
        self.ledger("settings", "url", "https://example.org/hpl/notices")
        self.ledger("settings", "committee", "和平里小区第二届业主委员会")
        self.now = "2026-04-01T10:00:00+08:00"

    def fingerprint(self):
        return self.ledger("verify").split()[-1]

    def notice(self, period="2026-Q1", *extra, expect=0):
        return self.ledger("notice", self.path("notice.pdf"), "--period", period,
                           "--png", self.path("notice.png"), "--html", self.path("notice.html"),
                           "--qr-payload", self.path("payload.txt"), *extra, expect=expect)

    def payload(self):
        with open(self.path("payload.txt"), "rb") as f:
            return f.read()

    def assert_public(self, text, root):
        """No phone number, no owner's full name (the fingerprint's hex aside)."""
        text = text.replace(root, "")
        self.assertIsNone(PHONE.search(text), PHONE.search(text))
        for household in json.loads(self.ledger("household", "list", "--json"))["households"]:
            if len(household["owner"]) >= 2:
                self.assertNotIn(household["owner"], text)
            digits = re.sub(r"\D", "", household["phone"])
            if digits:
                self.assertNotIn(digits, re.sub(r"[\s-]", "", text))

    # ------------------------------------------------------------------

    def test_qr_round_trip_at_150_dpi(self):
        self.community()
        before = self.fingerprint()
        out = self.notice()
        self.assertIn(before, out)
        payload = self.payload()
        text = payload.decode("utf-8")
        self.assertTrue(text.startswith("https://example.org/hpl/notices\n和平里小区"))
        self.assertTrue(text.endswith("账本指纹：" + before))
        self.assertEqual(scan_pdf(self.path("notice.pdf"), self.dir), payload)
        self.assertEqual(tool("zbarimg", "-q", "--nodbus", "--raw", "-Sbinary", self.path("notice.png")),
                         payload)

    def test_notice_shows_the_reports_figures(self):
        self.community()
        self.notice()
        text = pdf_text(self.path("notice.pdf"))
        report = json.loads(self.ledger("report", "income", "--period", "2026-Q1", "--json"))
        for key in ("opening", "income_total", "expense_total", "closing"):
            self.assertIn(yuan(report[key]), text, key)
        for line in report["income"]:
            self.assertIn(yuan(line["amount"]), text)
        payload = self.payload().decode("utf-8")
        for key, label in (("opening", "期初余额"), ("income_total", "本期收入"),
                           ("expense_total", "本期支出"), ("closing", "期末余额")):
            self.assertIn(f"{label}：{yuan(report[key])}\n", payload)
        rows = self.query("SELECT date, payee, amount FROM expenditures"
                          " WHERE date BETWEEN '2026-01-01' AND '2026-03-31'")
        self.assertEqual(len(rows), 3)
        for date, payee, amount in rows:
            self.assertIn(date, text)
            self.assertIn(payee, text)
            self.assertIn(yuan(amount), text)
        self.assertNotIn("2026-04-02", text)
        for word in ("更换小区路灯为LED节能灯", "通过", "第1页 共1页", "和平里小区第二届业主委员会",
                     "2026年4月1日", "收缴率"):
            self.assertIn(word, text)

    def test_public_outputs_are_private(self):
        self.community()
        self.notice()
        root = self.query("SELECT fingerprint FROM notices")[0][0].split(":")[1]
        with open(self.path("notice.html"), encoding="utf-8") as f:
            page = f.read()
        for text in (pdf_text(self.path("notice.pdf")), self.payload().decode("utf-8"), page):
            self.assert_public(text, root)
        self.assertIn("王*代买公告纸", page)

    def test_demo_community_is_private_too(self):
        self.now = "2026-06-30T10:00:00+08:00"
        self.ledger("demo", "--households", "120", "--years", "2", "--end-year", "2026")
        self.notice("2026")
        root = self.query("SELECT fingerprint FROM notices")[0][0].split(":")[1]
        with open(self.path("notice.html"), encoding="utf-8") as f:
            page = f.read()
        text = pdf_text(self.path("notice.pdf"))
        for public in (text, self.payload().decode("utf-8"), page):
            self.assert_public(public, root)
        self.assertEqual(scan_pdf(self.path("notice.pdf"), self.dir), self.payload())
        # A year of spending runs over several pages, each numbered.
        pages = int(re.search(r"第1页 共(\d+)页", text).group(1))
        self.assertGreater(pages, 1)
        self.assertIn(f"第{pages}页 共{pages}页", text)
        rows = self.query("SELECT payee, amount FROM expenditures"
                          " WHERE date BETWEEN '2026-01-01' AND '2026-12-31'")
        flat = re.sub(r"\s", "", text)
        for payee, amount in rows:
            self.assertIn(payee, flat)
            self.assertIn(yuan(amount), flat)

    def test_publishing_is_recorded_once(self):
        self.community()
        before = self.fingerprint()
        count = self.query("SELECT count(*) FROM txns")[0][0]
        self.notice()
        self.assertEqual(self.query("SELECT count(*) FROM txns")[0][0], count + 1)
        kind, ref, memo = self.query("SELECT kind, ref, memo FROM txns ORDER BY id DESC LIMIT 1")[0]
        self.assertEqual((kind, ref), ("notice", "2026-Q1"))
        self.assertIn(before, memo)
        for name in ("notice.pdf", "notice.png", "notice.html"):
            with open(self.path(name), "rb") as f:
                self.assertIn(hashlib.sha256(f.read()).hexdigest(), memo)
        self.assertEqual(self.query("SELECT fingerprint FROM notices"), [(before,)])
        announced = {r[0] for r in self.query("SELECT expenditure_id FROM announcements")}
        quarter = {r[0] for r in self.query("SELECT id FROM expenditures WHERE date < '2026-04-01'")}
        self.assertEqual(announced, quarter)
        # The printed fingerprint is the head before the record, and the book extends it.
        self.ledger("verify", "--head", before)
        # No temporary files are left beside the outputs.
        self.assertEqual(sorted(n for n in os.listdir(self.dir) if n.startswith(".")), [])

    def test_bad_input_writes_nothing(self):
        self.community()
        count = self.query("SELECT count(*) FROM txns")[0][0]
        self.notice("2026-Q5", expect=2)
        self.ledger("notice", os.path.join(self.dir, "missing", "n.pdf"), expect=1)
        self.ledger("notice", self.path("n.pdf"), "--html", os.path.join(self.dir, "missing", "n.html"),
                    expect=1)
        self.assertFalse(os.path.exists(self.path("notice.pdf")))
        self.assertFalse(os.path.exists(self.path("n.pdf")))
        self.assertEqual(self.query("SELECT count(*) FROM txns")[0][0], count)
        self.assertEqual(self.query("SELECT count(*) FROM announcements")[0][0], 0)
        self.ledger("settings", "url", "javascript:alert(1)", expect=2)
        self.ledger("settings", "colour", "red", expect=2)
        self.ledger("receipt", "2026-000099", self.path("r.pdf"), expect=2)
        self.assertEqual(self.query("SELECT count(*) FROM txns")[0][0], count)
        self.assertEqual(self.ledger("settings", "url"), "url https://example.org/hpl/notices\n")
        for command in ("notice", "receipt", "settings"):
            self.assertIn("Usage", self.ledger(command, "--help"))

    # ------------------------------------------------------------------

    def test_receipt_and_its_proof(self):
        self.community()
        self.ledger("receipt", "2026-000001", self.path("r.pdf"), "--qr-payload", self.path("r.txt"))
        with open(self.path("r.txt"), "rb") as f:
            payload = f.read()
        self.assertEqual(scan_pdf(self.path("r.pdf"), self.dir), payload)
        fields = dict(line.split("：", 1) for line in payload.decode("utf-8").split("\n")[1:]
                      if "：" in line)
        self.assertEqual(fields["收据号"], "2026-000001")
        self.assertEqual(fields["缴款人"], "王*")
        self.assertEqual(fields["合计"], "¥360.00")
        self.assertNotIn("王伟", payload.decode("utf-8"))

        # Recompute the leaf from the book and check the path to the printed root.
        entry = int(fields["条目"])
        size, root_hex = fields["账本指纹"].split(":")
        all_leaves = list(leaves(self.book))
        leaf_hash = hashlib.sha256(b"\x00" + all_leaves[entry - 1]).digest()
        self.assertEqual(fields["叶哈希"], leaf_hash.hex())
        path = [bytes.fromhex(h) for h in fields["路径"].split(",") if h]
        root = bytes.fromhex(root_hex)
        self.assertTrue(verify_inclusion(leaf_hash, entry - 1, int(size), path, root))
        first = [hashlib.sha256(b"\x00" + leaf).digest() for leaf in all_leaves[:int(size)]]
        self.assertEqual(mth(first), root)
        self.assertFalse(verify_inclusion(leaf_hash, entry - 1, int(size), path,
                                          hashlib.sha256(b"x").digest()))

        text = pdf_text(self.path("r.pdf"))
        for word in ("2026-000001", "1-1-101", "王伟", "¥360.00", "人民币叁佰陆拾元整", "微信"):
            self.assertIn(word, text)
        self.assertNotIn("作废", text)

    def test_void_receipt(self):
        self.community()
        self.ledger("void", "2026-000002", "--reason", "收错户号")
        self.ledger("receipt", "2026-000002", self.path("v.pdf"), "--qr-payload", self.path("v.txt"))
        text = pdf_text(self.path("v.pdf"))
        self.assertIn("作废", text)
        self.assertIn("收错户号", text)
        self.assertIn("人民币陆佰元整", text)
        with open(self.path("v.txt"), "rb") as f:
            payload = f.read()
        self.assertIn("状态：已作废\n", payload.decode("utf-8"))
        self.assertEqual(scan_pdf(self.path("v.pdf"), self.dir), payload)

    # ------------------------------------------------------------------

    def chromium(self, *args):
        if CHROMIUM is None:
            self.skipTest("chromium is not installed (Debian package: chromium)")
        profile = tempfile.mkdtemp(prefix="chromium-", dir=self.dir)
        return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                               "--disable-background-networking", "--disable-component-update",
                               "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                               "--window-size=390,844", *args],
                              capture_output=True, timeout=120)

    def overflow(self, page_path):
        """Opens the page in a 390×844 frame and returns (scrollWidth, clientWidth)."""
        with open(page_path, encoding="utf-8") as f:
            page = f.read()
        wrapper = self.path("wrapper.html")
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><body style="margin:0">'
                    '<iframe id="f" style="width:390px;height:844px;border:0" srcdoc="'
                    + html.escape(page, quote=True) + '"></iframe><script>'
                    'window.addEventListener("load", function () {'
                    ' var d = document.getElementById("f").contentDocument.documentElement;'
                    ' document.body.setAttribute("data-fit", d.scrollWidth + " " + d.clientWidth);'
                    '});</script></body></html>')
        dom = self.chromium("--virtual-time-budget=5000", "--dump-dom", "file://" + wrapper)
        found = re.search(rb'data-fit="(\d+) (\d+)"', dom.stdout)
        self.assertIsNotNone(found, dom.stderr[-2000:])
        return int(found.group(1)), int(found.group(2))

    def test_phone_page_in_chromium(self):
        self.community()
        # Long words must wrap rather than widen the page (and the widest amount, just under the ceiling).
        self.ledger("pay", "2-1-102", "1000000", "--method", "bank", "--date", "2026-03-29")
        self.ledger("spend", "999999.99", "--method", "bank", "--payee", "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2 + "有限公司",
                    "--category", "repair", "--memo", "0123456789" * 6, "--date", "2026-03-30",
                    "--vote", "1")
        self.notice()
        with open(self.path("notice.html"), encoding="utf-8") as f:
            page = f.read()
        self.assertIn('<html lang="zh-CN">', page)
        self.assertIn('name="viewport"', page)
        self.assertIn("<svg", page)
        self.assertIsNone(re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page))
        shot = self.path("phone.png")
        self.chromium(f"--screenshot={shot}", "file://" + self.path("notice.html"))
        with open(shot, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        scroll, client = self.overflow(self.path("notice.html"))
        self.assertLessEqual(scroll, client)
        # The check itself catches a page that is too wide.
        with open(self.path("wide.html"), "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><body><div style="width:800px">x</div></body></html>')
        scroll, client = self.overflow(self.path("wide.html"))
        self.assertGreater(scroll, client)


if __name__ == "__main__":
    unittest.main(verbosity=2)
