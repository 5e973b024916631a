#!/usr/bin/python3
"""The auditor's workbook, read back with openpyxl.

Books are made with the real binary (a demo community and a small one
full of text that looks like formulas), exported with `export xlsx`, and
every figure is compared with the book's own reports (`--json`) and with
`sqlite3` queries, to the fen. The journal leaves are compared byte for
byte with tests/cli/reference_fingerprint.py, an independent
reimplementation of the README's recipe.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import reference_fingerprint  # noqa: E402

BINARY = os.environ.get("COMMUNITY_LEDGER", "build/app/community-ledger")
NOW = "2026-06-30T10:00:00+08:00"
# The workbook heads other income with its category's Chinese name.
OTHER_INCOME = {"interest": "利息", "rent": "租金", "advertising": "广告", "donation": "捐赠", "other": "其他"}

SHEETS = ["汇总", "收入", "支出", "减免", "试算平衡表", "基金", "欠费", "住户", "表决", "日记账", "校验"]


def run(book, *args, expect=0):
    """Runs the binary on BOOK; asserts the exit status; returns (out, err)."""
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", COMMUNITY_LEDGER_NOW=NOW)
    env.pop("DISPLAY", None)
    env.pop("COMMUNITY_LEDGER_XLSX_JOURNAL_ROWS", None)
    proc = subprocess.run([BINARY, "--book", book, *args], capture_output=True, text=True,
                          env=env, timeout=300)
    if proc.returncode != expect:
        raise AssertionError(f"{args}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
    return proc.stdout, proc.stderr


def sql(book, query):
    out = subprocess.run(["sqlite3", book, query], capture_output=True, text=True,
                         check=True).stdout.strip()
    return int(out or 0)


def fen(value):
    """A money cell as an integer number of fen."""
    return int(round(value * 100))


def table(ws):
    """The data rows of a table sheet as dicts keyed by header."""
    rows = list(ws.iter_rows(values_only=True))
    headers = rows[0]
    return [dict(zip(headers, row)) for row in rows[1:]]


def sheet_parts(path):
    """Sheet name → its XML part inside the ZIP, via workbook.xml and its rels."""
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    return {name: "xl/" + targets[rid]
            for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"', workbook)}


class WorkbookTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="xlsx-test-")
        self.book = os.path.join(self.dir, "book.clbook")

    def tearDown(self):
        for root, dirs, _ in os.walk(self.dir):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.dir, ignore_errors=True)

    def ledger(self, *args, expect=0):
        return run(self.book, *args, expect=expect)

    def json(self, *args):
        return json.loads(self.ledger(*args, "--json")[0])

    def export(self, period, name="book.xlsx"):
        path = os.path.join(self.dir, name)
        out, _ = self.ledger("export", "xlsx", path, "--period", period)
        self.assertEqual(out.strip(), path)
        return path

    def in_period(self, column, period):
        report = self.json("report", "income", "--period", period)
        return f"{column} BETWEEN '{report['first']}' AND '{report['last']}'"

    # -- checks shared by both books ------------------------------------

    def check_summary(self, path, period):
        income = self.json("report", "income", "--period", period)
        collection = self.json("report", "collection", "--period", period)
        ws = openpyxl.load_workbook(path, data_only=True)["汇总"]
        by_code = {row[2]: row[1] for row in ws.iter_rows(values_only=True) if row[2]}
        self.assertEqual(fen(by_code["opening"]), income["opening"])
        self.assertEqual(fen(by_code["closing"]), income["closing"])
        self.assertEqual(fen(by_code["income_total"]), income["income_total"])
        self.assertEqual(fen(by_code["expense_total"]), income["expense_total"])
        self.assertEqual(fen(by_code["check"]), 0)
        for line in income["income"]:
            self.assertEqual(fen(by_code["income:" + line["code"]]), line["amount"], line)
        for line in income["expenses"]:
            self.assertEqual(fen(by_code["expense:" + line["code"]]), line["amount"], line)
        years = [row for row in ws.iter_rows(values_only=True) if row[0] == collection["year"]]
        self.assertEqual(len(years), 1)
        year, billed, waived, due, paid, outstanding, rate, households, households_paid = years[0]
        self.assertEqual([fen(billed), fen(waived), fen(due), fen(paid), fen(outstanding)],
                         [collection[k] for k in ("billed", "waived", "due", "paid", "outstanding")])
        self.assertEqual(int(round(rate * 10000)), collection["rate_bp"])
        self.assertEqual([households, households_paid],
                         [collection["households"], collection["households_paid"]])

    def check_cached_formulas(self, path):
        """Every formula has its real value cached, and only the Summary and
        the trial balance's totals row and the funds sheet (基金) have any."""
        formulas = openpyxl.load_workbook(path)
        values = openpyxl.load_workbook(path, data_only=True)
        count = 0
        for name in formulas.sheetnames:
            for row in formulas[name].iter_rows():
                for cell in row:
                    if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
                        self.assertIn(name, ("汇总", "试算平衡表", "基金"), f"{name}!{cell.coordinate} is a formula")
                        cached = values[name][cell.coordinate].value
                        self.assertIsInstance(cached, (int, float), f"{name}!{cell.coordinate}")
                        count += 1
        self.assertGreater(count, 5)
        parts = sheet_parts(path)
        with zipfile.ZipFile(path) as z:
            for name, part in parts.items():
                xml = z.read(part).decode()
                if name not in ("汇总", "试算平衡表", "基金"):
                    self.assertNotIn("<f>", xml, name)
                    self.assertNotIn("<f ", xml, name)

    def check_details(self, path, period):
        wb = openpyxl.load_workbook(path, data_only=True)
        # After the trial balance and the funds a cash book (…日记账) for
        # each money account with an entry up to the period's end, then the rest.
        cashbooks = wb.sheetnames[6:len(wb.sheetnames) - 5]
        self.assertEqual([n for n in wb.sheetnames if n not in cashbooks], SHEETS)
        self.assertTrue(cashbooks and all(n.endswith("日记账") and n != "日记账" for n in cashbooks), cashbooks)
        self.assertEqual(cashbooks[0], "现金日记账")
        income = self.json("report", "income", "--period", period)
        year = income["first"][:4]

        rows = table(wb["收入"])
        receipts = sql(self.book, f"SELECT count(*) FROM receipts WHERE {self.in_period('date', period)}")
        voids = sql(self.book, "SELECT count(*) FROM voids v JOIN txns t ON t.id = v.txn_id"
                               f" WHERE {self.in_period('t.date', period)}")
        # Other income and refunds (issue 16) follow the receipts, a row each.
        incomes = sql(self.book, "SELECT count(*) FROM incomes i JOIN txns t ON t.id = i.txn_id"
                                 f" WHERE {self.in_period('t.date', period)}")
        refunds = sql(self.book, "SELECT count(*) FROM refunds r JOIN txns t ON t.id = r.txn_id"
                                 f" WHERE {self.in_period('t.date', period)}")
        self.assertEqual(len(rows), receipts + voids + incomes + refunds)
        self.assertEqual(sum(fen(r["金额"]) for r in rows), income["income_total"])
        for line in income["income"]:
            header = ("预收款" if line["code"] == "prepaid" else
                      OTHER_INCOME.get(line["code"].removeprefix("other-income:"))
                      if line["code"].startswith("other-income:") else line["name"])
            self.assertEqual(sum(fen(r[header] or 0) for r in rows), line["amount"], line)

        rows = table(wb["支出"])
        where = self.in_period("date", period)
        # A transfer's bank charge is an expenditure row of its own.
        fees = f"FROM transfers f JOIN txns t ON t.id = f.txn_id WHERE f.fee > 0 AND {self.in_period('t.date', period)}"
        self.assertEqual(len(rows), sql(self.book, f"SELECT count(*) FROM expenditures WHERE {where}")
                         + sql(self.book, f"SELECT count(*) {fees}"))
        self.assertEqual(sum(fen(r["金额"]) for r in rows),
                         sql(self.book, f"SELECT sum(amount) FROM expenditures WHERE {where}")
                         + (sql(self.book, f"SELECT sum(f.fee) {fees}") or 0))
        self.assertEqual(sum(fen(r["金额"]) for r in rows), income["expense_total"])

        arrears = self.json("report", "arrears", "--period", period)
        rows = table(wb["欠费"])
        self.assertEqual(len(rows), sum(h["charges"] for h in arrears["households"]))
        self.assertEqual(sum(fen(r["欠费"]) for r in rows), arrears["total"])
        for r in rows:
            self.assertLessEqual(r["年度"], int(year))
            self.assertEqual(fen(r["应收"]) - fen(r["减免"]) - fen(r["已缴"]), fen(r["欠费"]))

        households = self.json("household", "list")["households"]
        rows = table(wb["住户"])
        self.assertEqual([r["单元"] for r in rows], [h["unit"] for h in households])
        for r, h in zip(rows, households):
            digits = re.sub(r"\D", "", h["phone"])
            if len(digits) >= 11:
                self.assertEqual(r["电话"], digits[:3] + "*" * (len(digits) - 7) + digits[-4:])
            for cell in r.values():
                if digits and isinstance(cell, str):
                    self.assertNotIn(digits, re.sub(r"\D", "", cell))

        rows = table(wb["表决"])
        self.assertEqual(len(rows), sql(self.book, "SELECT count(*) FROM votes"))
        for r in rows:
            vote = self.json("vote", "show", str(r["编号"]))
            self.assertEqual(r["标题"].lstrip("'"), vote["title"].lstrip("'"))
            self.assertEqual([r["总人数"], r["参与人数"], r["同意人数"]],
                             [vote["heads_total"], vote["heads_voted"], vote["heads_yes"]])
            self.assertEqual(int(round(r["面积参与率"] * 10000)),
                             vote["area_voted"] * 10000 // vote["area_total"] if vote["area_total"] else 0)

    def check_journal(self, path):
        """Every leaf as the reference implementation builds it, hashes, fingerprint."""
        wb = openpyxl.load_workbook(path, read_only=True)
        leaves = list(reference_fingerprint.leaves(self.book))
        rows = [row for row in wb["日记账"].iter_rows(min_row=2, values_only=True)]
        self.assertEqual(len(rows), len(leaves))
        for i, (row, leaf) in enumerate(zip(rows, leaves), start=1):
            self.assertEqual(row[0], i)
            self.assertEqual(row[9].encode("utf-8"), leaf, f"entry {i}")
            self.assertEqual(row[7], hashlib.sha256(b"\x00" + leaf).hexdigest())
        verification = {r[0]: r[1] for r in wb["校验"].iter_rows(values_only=True)}
        self.assertEqual(verification["指纹"], reference_fingerprint.fingerprint(self.book))
        out, _ = self.ledger("verify", "--export", path)
        self.assertEqual(out.strip(), "fingerprint " + verification["指纹"])


class DemoTest(WorkbookTestCase):
    """The demo community: two years of 60 households."""

    def setUp(self):
        super().setUp()
        self.ledger("demo", "--households", "60", "--years", "2", "--end-year", "2026")

    def test_periods(self):
        for period in ("2026", "2025", "2026-Q1"):
            with self.subTest(period=period):
                path = self.export(period, f"demo-{period}.xlsx")
                self.check_summary(path, period)
                self.check_details(path, period)
        self.check_cached_formulas(path)
        self.check_journal(path)

    def test_verify_names_the_altered_row(self):
        path = self.export("2026")
        part = sheet_parts(path)["日记账"]
        altered = os.path.join(self.dir, "altered.xlsx")
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(altered, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == part:
                    xml = data.decode()
                    start = xml.index("\nindex: 57\n")
                    at = xml.index("recorded_at: ", start) + len("recorded_at: ")
                    xml = xml[:at] + ("3" if xml[at] != "3" else "4") + xml[at + 1:]
                    data = xml.encode()
                dst.writestr(item, data)
        _, err = self.ledger("verify", "--export", altered, expect=3)
        self.assertIn("日记账 row 58: the leaf hash does not match its text", err)
        self.assertEqual(len(err.strip().splitlines()), 1)
        # Without the book, too (the workbook alone says it was altered).
        _, err = run(os.path.join(self.dir, "none.clbook"), "verify", "--export", altered, expect=3)
        self.assertIn("日记账 row 58", err)
        out, _ = run(os.path.join(self.dir, "none.clbook"), "verify", "--export", path)
        self.assertTrue(out.startswith("fingerprint "))

    def test_verify_after_saving_again(self):
        """Saved again by openpyxl, or with shared strings as spreadsheet
        programs write them, the workbook still verifies."""
        path = self.export("2026")
        resaved = os.path.join(self.dir, "resaved.xlsx")
        openpyxl.load_workbook(path).save(resaved)
        out, _ = self.ledger("verify", "--export", resaved)
        expected, _ = self.ledger("verify")
        self.assertEqual(out, expected)

        shared = os.path.join(self.dir, "shared.xlsx")
        strings = []

        def to_shared(match):
            strings.append(match.group(2))
            return f'<c r="{match.group(1)}" t="s"><v>{len(strings) - 1}</v></c>'

        with zipfile.ZipFile(path) as src, zipfile.ZipFile(shared, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename.startswith("xl/worksheets/"):
                    data = re.sub(r'<c r="([A-Z]+\d+)"(?: s="\d+")? t="inlineStr"><is><t(?: xml:space="preserve")?>'
                                  r'(.*?)</t></is></c>', to_shared, data.decode(), flags=re.S).encode()
                dst.writestr(item, data)
            items = "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in strings)
            dst.writestr("xl/sharedStrings.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                         f'spreadsheetml/2006/main" count="{len(strings)}">{items}</sst>')
        self.assertIn("community-ledger leaf v", "".join(strings))
        out, _ = self.ledger("verify", "--export", shared)
        self.assertEqual(out, expected)

    def test_failed_export_leaves_no_file(self):
        missing = os.path.join(self.dir, "no-such-dir", "out.xlsx")
        self.ledger("export", "xlsx", missing, expect=1)
        self.assertFalse(os.path.exists(os.path.dirname(missing)))
        target = os.path.join(self.dir, "is-a-dir.xlsx")
        os.mkdir(target)
        before = sorted(os.listdir(self.dir))
        # A folder is not a file to replace: refused as bad input (issue 13).
        self.ledger("export", "xlsx", target, expect=2)
        self.assertEqual(sorted(os.listdir(self.dir)), before)
        self.ledger("export", "xlsx", os.path.join(self.dir, "x.xlsx"), "--period", "2026-13",
                    expect=2)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "x.xlsx")))
        if os.geteuid() != 0:
            readonly = os.path.join(self.dir, "readonly")
            os.mkdir(readonly, 0o555)
            self.ledger("export", "xlsx", os.path.join(readonly, "out.xlsx"), expect=1)
            self.assertEqual(os.listdir(readonly), [])


class TrickyTextTest(WorkbookTestCase):
    """A small book whose every text field looks like a formula."""

    def setUp(self):
        super().setUp()
        self.ledger("init", "--name", "=HYPERLINK(\"http://evil\")小区")
        self.ledger("household", "add", "1-1-101", "--owner", "=cmd|' /C calc'!A0", "--area", "89.5",
                    "--phone", "138-1234-5678", "--spaces", "1")
        self.ledger("household", "add", "3号楼2单元301室", "--owner", "@SUM(1)", "--area", "70",
                    "--phone", "+86 139 0000 1111")
        self.ledger("household", "add", "1-1-102", "--owner", "-王\\五|", "--area", "60")
        self.ledger("bill", "2026")
        self.ledger("pay", "1-1-101", "480", "--date", "2026-01-05")
        self.ledger("pay", "3-2-301", "400", "--date", "2026-01-06", "--method", "wechat")
        self.ledger("void", "2026-000002", "--reason=-收错户号")
        self.ledger("spend", "123.45", "--payee=-1+1", "--category", "repair", "--memo", "+SUM(A1)",
                    "--invoice", "=1+1", "--approvers", "@王主任", "--date", "2026-03-01")
        self.invoice = os.path.join(self.dir, "=发票.jpg")
        with open(self.invoice, "wb") as f:
            f.write(b"\xff\xd8 not really a jpeg")
        self.ledger("spend", "10", "--payee", "=1+1", "--category", "其他", "--memo", "a|b\\c",
                    "--date", "2026-03-02", "--attach", self.invoice)
        self.ledger("--operator", "=evil", "vote", "new", "--title", "+1 投票", "--matter", "9",
                    "--description", "=A1", "--opens", "2026-01-01")

    def test_text_stays_text(self):
        path = self.export("2026")
        self.check_summary(path, "2026")
        self.check_details(path, "2026")
        self.check_cached_formulas(path)
        self.check_journal(path)
        wb = openpyxl.load_workbook(path)
        texts = [cell.value for ws in wb for row in ws.iter_rows() for cell in row
                 if isinstance(cell.value, str)]
        for needle in ("=1+1", "+SUM(A1)", "@王主任", "-1+1", "=cmd|' /C calc'!A0", "@SUM(1)",
                       "-收错户号", "=evil", "+1 投票", "=A1"):
            self.assertIn("'" + needle, texts, needle)
        for ws in wb:
            for row in ws.iter_rows():
                for cell in row:
                    # The Summary's, the trial balance's totals and the
                    # funds sheet's figures are the program's own formulas;
                    # every other string is text.
                    if ws.title in ("试算平衡表", "基金") and cell.data_type == "f":
                        continue
                    if ws.title != "汇总" and isinstance(cell.value, str):
                        self.assertFalse(cell.value.startswith(("=", "+", "-", "@")),
                                         f"{ws.title}!{cell.coordinate}: {cell.value!r}")
        spending = table(wb["支出"])
        self.assertEqual(spending[0]["收款方"], "'-1+1")
        self.assertEqual(spending[0]["摘要"], "'+SUM(A1)")
        self.assertEqual(spending[1]["收款方"], "'=1+1")
        self.assertEqual(spending[1]["类别"], "其他")
        with open(self.invoice, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        self.assertEqual(spending[1]["附件 SHA-256"], f"{digest}  =发票.jpg")
        self.assertIsNone(spending[0]["附件 SHA-256"])
        phones = [r["电话"] for r in table(wb["住户"])]
        self.assertEqual(phones, ["138****5678", None, "861******1111"])
        self.assertTrue(wb["汇总"]["A1"].value.startswith("公账汇总：=HYPERLINK"))

    def test_void_rows(self):
        path = self.export("2026")
        rows = table(openpyxl.load_workbook(path, data_only=True)["收入"])
        self.assertEqual([(r["收据号"], fen(r["金额"]), r["作废"]) for r in rows],
                         [("2026-000001", 48000, None), ("2026-000002", 40000, "已作废"),
                          ("2026-000002", -40000, "冲销")])
        self.assertEqual(rows[2]["日期"].strftime("%Y-%m-%d"), NOW[:10])
        # Paid in the first quarter, voided in the second: each quarter shows its part.
        for period, expected in (("2026-Q1", [48000, 40000]), ("2026-Q2", [-40000])):
            path = self.export(period, f"{period}.xlsx")
            rows = table(openpyxl.load_workbook(path, data_only=True)["收入"])
            self.assertEqual([fen(r["金额"]) for r in rows], expected)
            self.check_summary(path, period)
            self.check_details(path, period)


if __name__ == "__main__":
    unittest.main(verbosity=2)
