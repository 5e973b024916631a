#!/usr/bin/python3
"""verify --export checks every visible cell, not only the leaves.

A demo community is exported; one visible cell of one sheet is edited
(with openpyxl, as a person with a spreadsheet program would, or in the
sheet's XML where only a formula's cached value changes) and
`verify --export` must exit 3 naming the sheet and the cell, with the
figure the journal gives and the one found. The figure "expected" is in
each case the one the untouched workbook shows: the journal gives it back.
The untouched workbook, and the same saved again by openpyxl (formulas
without cached values), verify.

With LibreOffice installed, the Summary's formulas (the opening and
closing funds are SUMIFS over the Journal's funds column) are recalculated
by it from scratch and must give the values the program cached.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_xlsx import run, sheet_parts  # noqa: E402


def money(value):
    """A money cell as the checker prints it: 360 → "360.00"."""
    return f"{value:.2f}"


class CellTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="xlsx-cells-")
        cls.book = os.path.join(cls.dir, "book.clbook")
        run(cls.book, "demo", "--households", "40", "--years", "2", "--end-year", "2026")
        # An open vote: its tally on the Votes sheet is the ballots so far.
        out, _ = run(cls.book, "vote", "new", "--title", "加装电梯", "--matter", "6", "--opens", "2026-06-01")
        vote = re.search(r"\d+", out).group(0)
        run(cls.book, "vote", "ballot", vote, "1-1-101", "yes")
        run(cls.book, "vote", "ballot", vote, "1-1-102", "no")
        cls.path = os.path.join(cls.dir, "book.xlsx")
        run(cls.book, "export", "xlsx", cls.path, "--period", "2026")
        cls.wb = openpyxl.load_workbook(cls.path)
        cls.values = openpyxl.load_workbook(cls.path, data_only=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def verify(self, path, expect):
        # Without the book: the workbook alone must show what was edited.
        return run(os.path.join(self.dir, "none.clbook"), "verify", "--export", path, expect=expect)

    def edited(self, sheet, cell, value):
        """A copy with @cell of @sheet set to @value, saved by openpyxl."""
        wb = openpyxl.load_workbook(self.path)
        wb[sheet][cell] = value
        path = os.path.join(self.dir, f"edited-{sheet}-{cell}.xlsx")
        wb.save(path)
        return path

    def assert_named(self, path, sheet, cell, expected, found):
        _, err = self.verify(path, 3)
        self.assertIn(f"sheet {sheet}, cell {cell}: expected {expected}, found {found}", err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)

    def row_where(self, sheet, column, value):
        """The first data row whose @column holds @value."""
        ws = self.values[sheet]
        for row in range(2, ws.max_row + 1):
            if ws[f"{column}{row}"].value == value:
                return row
        self.fail(f"no {value} in {sheet}!{column}")

    # -- untouched ----------------------------------------------------------

    def test_untouched_verifies(self):
        out, _ = self.verify(self.path, 0)
        self.assertTrue(out.startswith("fingerprint "))

    def test_saved_again_verifies(self):
        """openpyxl keeps the formulas but drops their cached values: each
        is then checked by its formula."""
        path = os.path.join(self.dir, "resaved.xlsx")
        openpyxl.load_workbook(self.path).save(path)
        self.verify(path, 0)

    # -- 日记账 Journal -------------------------------------------------------

    def test_journal_date(self):
        row = self.row_where("日记账", "C", "收款")
        date = self.values["日记账"][f"B{row}"].value
        later = date + datetime.timedelta(days=1)
        path = self.edited("日记账", f"B{row}", later)
        self.assert_named(path, "日记账", f"B{row}", date.strftime("%Y-%m-%d"), later.strftime("%Y-%m-%d"))

    def test_journal_memo(self):
        row = self.row_where("日记账", "C", "支出")
        memo = self.values["日记账"][f"F{row}"].value
        path = self.edited("日记账", f"F{row}", memo + "（已审）")
        self.assert_named(path, "日记账", f"F{row}", memo, memo + "（已审）")

    def test_journal_split(self):
        # A payment's splits: "cash 360.00；receivable 1-1-101 -360.00"; the
        # leaf says 36000 fen, the edit says 3600.00.
        row = self.row_where("日记账", "C", "收款")
        splits = self.values["日记账"][f"G{row}"].value
        amount = re.match(r"\S+ ([0-9.]+)；", splits).group(1)
        changed = splits.replace(amount, amount + "0")
        path = self.edited("日记账", f"G{row}", changed)
        self.assert_named(path, "日记账", f"G{row}", splits, changed)

    def test_journal_funds(self):
        row = self.row_where("日记账", "C", "收款")
        funds = self.values["日记账"][f"I{row}"].value
        path = self.edited("日记账", f"I{row}", funds + 1)
        self.assert_named(path, "日记账", f"I{row}", money(funds), money(funds + 1))

    # -- 汇总 Summary ---------------------------------------------------------

    def test_summary_total_typed_over(self):
        row = self.row_where("汇总", "C", "income_total")
        formula = self.wb["汇总"][f"B{row}"].value
        total = self.values["汇总"][f"B{row}"].value
        path = self.edited("汇总", f"B{row}", total + 100)
        self.assert_named(path, "汇总", f"B{row}", formula, f"{total + 100:g}")

    def test_summary_cached_value(self):
        """The formula kept, only the value a viewer shows changed."""
        row = self.row_where("汇总", "C", "closing")
        closing = self.values["汇总"][f"B{row}"].value
        part = sheet_parts(self.path)["汇总"]
        path = os.path.join(self.dir, "cached.xlsx")
        with zipfile.ZipFile(self.path) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == part:
                    data, n = re.subn(rf'(<c r="B{row}"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)'.encode(),
                                      rb"\g<1>99999\g<2>", data)
                    self.assertEqual(n, 1)
                dst.writestr(item, data)
        self.assert_named(path, "汇总", f"B{row}", money(closing), "99999.00")

    def test_collection_figure(self):
        row = self.row_where("汇总", "A", 2026)
        billed = self.values["汇总"][f"B{row}"].value
        path = self.edited("汇总", f"B{row}", billed - 360)
        self.assert_named(path, "汇总", f"B{row}", money(billed), money(billed - 360))

    def test_summary_label(self):
        row = self.row_where("汇总", "C", "opening")
        how = self.values["汇总"][f"D{row}"].value
        path = self.edited("汇总", f"D{row}", "收入报表")
        self.assert_named(path, "汇总", f"D{row}", how, "收入报表")

    # -- the detail sheets ---------------------------------------------------

    def test_cell_right_of_a_table(self):
        """A figure typed beside a table is a visible cell the journal does not give."""
        path = self.edited("支出", "N2", 1000)
        self.assert_named(path, "支出", "N2", "an empty cell", "1000")


    def test_income_amount(self):
        amount = self.values["收入"]["F2"].value
        path = self.edited("收入", "F2", amount * 2)
        self.assert_named(path, "收入", "F2", money(amount), money(amount * 2))

    def test_expenditure_date(self):
        date = self.values["支出"]["B2"].value
        path = self.edited("支出", "B2", date + datetime.timedelta(days=3))
        self.assert_named(path, "支出", "B2", date.strftime("%Y-%m-%d"),
                          (date + datetime.timedelta(days=3)).strftime("%Y-%m-%d"))

    def test_arrears_figure(self):
        # Owed (H) = billed (E) − waived (F) − paid (G): an owed figure made
        # larger no longer adds up; the row's own figures give the expected.
        owed = self.values["欠费"]["H2"].value
        path = self.edited("欠费", "H2", owed + 50)
        self.assert_named(path, "欠费", "H2", money(owed), money(owed + 50))
        # Billed is the journal's charge itself.
        billed = self.values["欠费"]["E2"].value
        path = self.edited("欠费", "E2", billed + 50)
        self.assert_named(path, "欠费", "E2", money(billed), money(billed + 50))

    def test_household_area(self):
        area = self.values["住户"]["E2"].value
        path = self.edited("住户", "E2", area + 10)
        self.assert_named(path, "住户", "E2", money(area), money(area + 10))

    def test_vote_count(self):
        row = self.row_where("表决", "G", "已结束")
        voted = self.values["表决"][f"J{row}"].value
        path = self.edited("表决", f"J{row}", voted + 1)
        self.assert_named(path, "表决", f"J{row}", voted, voted + 1)

    def test_open_vote_count(self):
        # Two owners have voted so far, one yes (1-1-101) and one no (1-1-102):
        # the live tally counts them, the newest ballot of each owner.
        row = self.row_where("表决", "G", "进行中")
        self.assertEqual(self.values["表决"][f"J{row}"].value, 2)
        self.assertEqual(self.values["表决"][f"K{row}"].value, 1)
        path = self.edited("表决", f"K{row}", 2)
        self.assert_named(path, "表决", f"K{row}", 1, 2)

    def test_verification_figure(self):
        row = self.row_where("校验", "A", "期末资金")
        closing = self.values["校验"][f"B{row}"].value
        path = self.edited("校验", f"B{row}", closing + 1)
        self.assert_named(path, "校验", f"B{row}", money(closing), money(closing + 1))

    def test_owner_name_against_commitment(self):
        salt = self.values["住户"]["I2"].value
        if not salt:
            self.skipTest("this book's households carry no salt yet (v1 register entries)")
        owner = self.values["住户"]["B2"].value
        path = self.edited("住户", "B2", owner + "某")
        _, err = self.verify(path, 3)
        self.assertIn("sheet 住户: cell B2: the owner's name and the salt do not give the journal's commitment",
                      err)

    def test_sheet_added(self):
        wb = openpyxl.load_workbook(self.path)
        wb.create_sheet("备注")["A1"] = "收入合计 ¥999,999.00"
        path = os.path.join(self.dir, "added.xlsx")
        wb.save(path)
        _, err = self.verify(path, 3)
        self.assertIn("sheet 备注: this program writes no such sheet", err)

    def test_second_journal_sheet(self):
        """Past the row limit (shortened by the test hook) the Journal goes on
        on 日记账2 …; a date edited there is named on that sheet."""
        path = os.path.join(self.dir, "split.xlsx")
        env = dict(os.environ, COMMUNITY_LEDGER_XLSX_JOURNAL_ROWS="100", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        subprocess.run([os.environ.get("COMMUNITY_LEDGER", "build/app/community-ledger"), "--book", self.book,
                        "export", "xlsx", path, "--period", "2026"], check=True, env=env, capture_output=True)
        self.verify(path, 0)
        values = openpyxl.load_workbook(path, data_only=True)
        self.assertIn("日记账2", values.sheetnames)
        date = values["日记账2"]["B5"].value
        wb = openpyxl.load_workbook(path)
        wb["日记账2"]["B5"] = date + datetime.timedelta(days=1)
        wb.save(path)
        self.assert_named(path, "日记账2", "B5", date.strftime("%Y-%m-%d"),
                          (date + datetime.timedelta(days=1)).strftime("%Y-%m-%d"))

    # -- cells only a v2 leaf's facts give (skipped on books without them) -----

    def has_fact(self, name):
        for (leaf,) in self.values["日记账"].iter_rows(min_row=2, min_col=10, max_col=10, values_only=True):
            if leaf and f"\nfact: {name}|" in leaf:
                return True
        return False

    def test_income_fee_column(self):
        # Row 2's receipt settled fees by its allocation facts: the fee
        # column of its first fee holds that part (J is the first fee).
        if not self.has_fact("allocation"):
            self.skipTest("no allocation facts in this book's journal")
        part = self.values["收入"]["J2"].value
        if part is None:
            self.skipTest("row 2 settled nothing of the first fee")
        path = self.edited("收入", "J2", part + 1)
        self.assert_named(path, "收入", "J2", money(part), money(part + 1))

    def test_arrears_paid(self):
        # Paid (G) is the charge's allocations; with owed (H) moved by the
        # same amount the row still adds up, but not to the journal.
        if not self.has_fact("allocation"):
            self.skipTest("no allocation facts in this book's journal")
        paid = self.values["欠费"]["G2"].value
        owed = self.values["欠费"]["H2"].value
        wb = openpyxl.load_workbook(self.path)
        wb["欠费"]["G2"] = paid + 10
        wb["欠费"]["H2"] = owed - 10
        path = os.path.join(self.dir, "paid.xlsx")
        wb.save(path)
        self.assert_named(path, "欠费", "G2", money(paid), money(paid + 10))

    def test_expenditure_payee(self):
        if not self.has_fact("expenditure"):
            self.skipTest("no expenditure facts in this book's journal")
        payee = self.values["支出"]["C2"].value
        path = self.edited("支出", "C2", payee + "公司")
        self.assert_named(path, "支出", "C2", payee, payee + "公司")

    # -- a spreadsheet's own recalculation ------------------------------------

    @unittest.skipUnless(shutil.which("soffice"), "LibreOffice is not installed")
    def test_libreoffice_recalculates_the_summary(self):
        """Every cached formula value of the Summary set to 0, LibreOffice
        told to recalculate on load, and converted: its results must be the
        program's (opening and closing funds from the Journal's funds
        column, totals from the detail sheets, the check row 0)."""
        part = sheet_parts(self.path)["汇总"]
        zeroed = os.path.join(self.dir, "zeroed.xlsx")
        with zipfile.ZipFile(self.path) as src, zipfile.ZipFile(zeroed, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == part:
                    data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1<v>0</v>", data)
                dst.writestr(item, data)
        profile = os.path.join(self.dir, "lo-profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                    '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
                    '</oor:items>\n')
        out = os.path.join(self.dir, "recalculated")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "xlsx", "--outdir", out, zeroed],
                       check=True, capture_output=True, timeout=180)
        recalculated = openpyxl.load_workbook(os.path.join(out, "zeroed.xlsx"), data_only=True)["汇总"]
        formulas = self.wb["汇总"]
        cached = self.values["汇总"]
        checked = 0
        for row in formulas.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    want = cached[cell.coordinate].value
                    got = recalculated[cell.coordinate].value
                    self.assertAlmostEqual(got, want, places=6, msg=f"{cell.coordinate} {cell.value}")
                    checked += 1
        opening = self.row_where("汇总", "C", "opening")
        self.assertIn("SUMIFS(", formulas[f"B{opening}"].value)
        self.assertGreater(checked, 10)


if __name__ == "__main__":
    unittest.main(verbosity=2)
