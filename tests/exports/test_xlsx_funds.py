#!/usr/bin/python3
"""The workbook's 基金 (funds) sheet (issue 16): whose money it is.

The book is test_xlsx_money.py's story (its docstring tells it). Which fund
each entry moves (docs/money.md): opening balances their --fund (arrears
and credit the operating fund), fees, interest, waivers, bank charges and
spending without --maintenance-fund the operating fund, rent --fund public
public revenue, the matter-5 repair the maintenance fund; payments,
transfers (but their fee), refunds and advances move no fund. Worked out
by hand for 2026 (nothing before it):

  operating    in:  500.00 opening cash + 200.00 opening arrears
                    + 3 × 360.00 property + 12.50 interest       = 1,792.50
               out: 50.00 opening credit + 60.00 waiver + 1.00 bank
                    charge + 80.00 repair from the advance       =   191.00
               closing                                             1,601.50
  maintenance  in 3,000.00 opening bank, out 1,000.00 repair       2,000.00
  public       in 600.00 rent                                        600.00
  total        in 5,392.50, out 1,191.00                           4,201.50

and the committee's money at 2026-12-31: money accounts 3,951.50 (the
Summary's closing) + 1-1-103's 250.00 still owed (360 − 50 credit − 60
waived; its 100.00 was voided) − no credit left = 4,201.50: it ties out.

The sheet's in, out and closing figures and its movements are live
formulas over its own entry lines: a small evaluator below recomputes them
from the lines (and LibreOffice does, where installed). verify --export
derives every cell from the Journal's leaves: an edited amount, fund name
or a deleted row is exit 3 naming the sheet and the row.
"""
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_xlsx import run, fen, sheet_parts  # noqa: E402
from test_xlsx_money import build  # noqa: E402

SHEET = "基金"


def evaluate(ws, formula):
    """The value of FORMULA (without "=") on sheet WS: sums of SUM(range),
    SUMIFS(range, range, criterion …) and cell references, joined by + and
    −: the only formulas the funds sheet writes. Criteria are cells, read
    from the sheet (with their own formulas evaluated)."""
    def cell(ref):
        value = ws[ref.replace("$", "")].value
        if isinstance(value, str) and value.startswith("="):
            return evaluate(ws, value[1:])
        return value

    def column(rng):
        first, last = rng.replace("$", "").split(":")
        return [ws[c.coordinate].value for row in ws[first:last] for c in row]

    def number(value):
        return value if isinstance(value, (int, float)) else 0

    def term(text):
        m = re.fullmatch(r"SUM\(([^)]*)\)", text)
        if m:
            first, last = m.group(1).split(":")
            return sum(number(cell(c.coordinate)) for row in ws[first:last] for c in row)
        m = re.fullmatch(r"SUMIFS\(([^)]*)\)", text)
        if m:
            args = m.group(1).split(",")
            amounts = column(args[0])
            keep = [True] * len(amounts)
            for rng, criterion in zip(args[1::2], args[2::2]):
                want = cell(criterion)
                keep = [k and v == want for k, v in zip(keep, column(rng))]
            return sum(number(a) for a, k in zip(amounts, keep) if k)
        return number(cell(text))

    total, sign = 0, 1
    for token in re.findall(r"SUMIFS\([^)]*\)|SUM\([^)]*\)|\$?[A-Z]+\$?\d+|[+-]", formula):
        if token in "+-":
            sign = 1 if token == "+" else -1
        else:
            total += sign * term(token)
    return total


class FundsSheetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="xlsx-funds-")
        cls.book = os.path.join(cls.dir, "book.clbook")
        build(cls.book)
        cls.path = cls.export("2026")
        cls.wb = openpyxl.load_workbook(cls.path)
        cls.values = openpyxl.load_workbook(cls.path, data_only=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def export(cls, period):
        path = os.path.join(cls.dir, f"{period}.xlsx")
        run(cls.book, "export", "xlsx", path, *(["--period", period] if period != "all" else []))
        return path

    def rows(self, values=None):
        ws = (values or self.values)[SHEET]
        return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=1)]

    def parts(self, values=None):
        """(funds rows 2–7, movement rows with their total, entry lines)."""
        rows = self.rows(values)
        movements_header = rows.index(("代码", "项目", "日常经费", "维修资金", "公共收益", "合计",
                                       None, None, None, None))
        lines_header = next(i for i, r in enumerate(rows) if r[0] == "日期")
        return rows[1:7], rows[movements_header + 1:lines_header - 1], rows[lines_header + 1:]

    # -- the figures, by hand -------------------------------------------------

    def test_sheet_is_after_the_trial_balance(self):
        names = self.wb.sheetnames
        self.assertEqual(names.index(SHEET), names.index("试算平衡表") + 1)

    def test_funds(self):
        funds, _, _ = self.parts()
        figures = {r[0] or r[1]: tuple(fen(v) for v in r[2:6] if v is not None) for r in funds}
        self.assertEqual(figures["operating"], (0, 179250, 19100, 160150))
        self.assertEqual(figures["maintenance"], (0, 300000, 100000, 200000))
        self.assertEqual(figures["public"], (0, 60000, 0, 60000))
        self.assertEqual(figures["合计"], (0, 539250, 119100, 420150))
        self.assertEqual([r[1] for r in funds[:3]], ["日常经费", "维修资金", "公共收益"])
        # the committee's money: 3,951.50 in money accounts + 250.00 owed
        self.assertEqual(figures[funds[4][1]], (420150,))
        self.assertIn("委员会资金", funds[4][1])
        self.assertEqual(figures[funds[5][1]], (0,))
        # the total closing is the Summary's closing funds plus what owners owe
        summary = {r[2]: r[1] for r in self.values["汇总"].iter_rows(values_only=True) if isinstance(r[2], str)}
        self.assertEqual(fen(summary["closing"]) + 25000, 420150)

    def test_movements(self):
        _, movements, _ = self.parts()
        by_code = {r[0]: (r[1], *(fen(v) for v in r[2:6])) for r in movements[:-1]}
        self.assertEqual(by_code, {
            # 500 + 200 − 50 operating, 3,000 maintenance
            "opening": ("期初余额", 65000, 300000, 0, 365000),
            "income:property": ("物业费", 108000, 0, 0, 108000),
            "other-income:interest": ("利息", 1250, 0, 0, 1250),
            "other-income:rent": ("租金", 0, 0, 60000, 60000),
            "waivers": ("减免", -6000, 0, 0, -6000),
            "expense:repair": ("维修", -8000, -100000, 0, -108000),
            "expense:bank-charges": ("银行手续费", -100, 0, 0, -100)})
        # chart order: equity, income, expense
        self.assertEqual(list(by_code)[0], "opening")
        total = movements[-1]
        # in − out of each fund: 1,601.50, 2,000.00, 600.00; 4,201.50
        self.assertEqual((total[1], *(fen(v) for v in total[2:6])), ("本期变动合计", 160150, 200000, 60000, 420150))

    def test_entry_lines(self):
        _, _, lines = self.parts()
        # 4 opening entries, 3 charges, the transfer's fee, interest, rent,
        # the waiver and two repairs; no payment, void, refund or advance.
        self.assertEqual(len(lines), 13)
        self.assertEqual({r[3] for r in lines}, {"期初", "计费", "转账", "其他收入", "减免", "支出"})
        credit = next(r for r in lines if r[2] == "1-1-103" and r[3] == "期初")
        self.assertEqual((credit[4], credit[6], fen(credit[7]), fen(credit[8])), ("日常经费", "opening", 0, 5000))
        rent = next(r for r in lines if r[2] == "S2026-0002")
        self.assertEqual((rent[4], rent[5], fen(rent[7])), ("公共收益", "租金", 60000))
        repair = next(r for r in lines if r[2] == "FP-0009")
        self.assertEqual((repair[4], repair[6], fen(repair[8])), ("维修资金", "expense:repair", 100000))
        fee = next(r for r in lines if r[3] == "转账")
        self.assertEqual((fee[2], fee[5], fen(fee[8])), ("Z2026-0002", "银行手续费", 100))
        # by date, then entry number
        self.assertEqual([(r[0], r[1]) for r in lines], sorted((r[0], r[1]) for r in lines))
        # the lines add up to each fund's in and out
        for name, code in (("日常经费", "operating"), ("维修资金", "maintenance"), ("公共收益", "public")):
            row = next(r for r in self.parts()[0] if r[0] == code)
            self.assertEqual(sum(fen(r[7]) for r in lines if r[4] == name), fen(row[3]))
            self.assertEqual(sum(fen(r[8]) for r in lines if r[4] == name), fen(row[4]))

    def test_a_quarter(self):
        """Q2 opens with Q1's movements: operating 650.00 + 1,080.00 − 1.00
        + 12.50 = 1,741.50, maintenance 3,000.00, public 600.00; its lines
        are the waiver and the two repairs of 2026-06-30."""
        path = self.export("2026-Q2")
        run(self.book, "verify", "--export", path)
        values = openpyxl.load_workbook(path, data_only=True)
        funds, movements, lines = self.parts(values)
        self.assertEqual([tuple(fen(v) for v in r[2:6]) for r in funds[:4]],
                         [(174150, 0, 14000, 160150), (300000, 0, 100000, 200000), (60000, 0, 0, 60000),
                          (534150, 0, 114000, 420150)])
        self.assertEqual([r[0] for r in movements[:-1]], ["waivers", "expense:repair"])
        self.assertEqual([r[2] for r in lines], ["1-1-103", "FP-0009", "FP-0010"])

    def test_report_funds_is_the_same_query(self):
        out, _ = run(self.book, "report", "funds", "--period", "2026", "--json")
        report = json.loads(out)
        funds = {f["code"]: (f["opening"], f["in"], f["out"], f["closing"]) for f in report["funds"]}
        self.assertEqual(funds, {"operating": (0, 179250, 19100, 160150), "maintenance": (0, 300000, 100000, 200000),
                                 "public": (0, 60000, 0, 60000)})
        self.assertEqual((report["totals"]["closing"], report["totals"]["committee_money"], report["totals"]["ties_out"]),
                         (420150, 420150, True))
        self.assertEqual(len(report["entries"]), 13)
        self.assertEqual([m["code"] for m in report["movements"]], [r[0] for r in self.parts()[1][:-1]])
        text, _ = run(self.book, "report", "funds", "--period", "2026")
        self.assertIn("¥4,201.50", text)
        _, err = run(self.book, "report", "funds", "--period", "2026-Q5", expect=2)
        self.assertEqual(len(err.strip().splitlines()), 1, err)

    def test_verifies(self):
        for period in ("2026", "2026-Q1", "2026-Q2", "2025", "all"):
            path = self.export(period)
            run(self.book, "verify", "--export", path)
            run(os.path.join(self.dir, "none.clbook"), "verify", "--export", path)

    # -- the formulas recalculate --------------------------------------------

    def test_formulas_recalculate(self):
        """Every formula of the sheet, evaluated from the sheet's own cells,
        gives the value the program cached."""
        formulas, cached = self.wb[SHEET], self.values[SHEET]
        checked = 0
        for row in formulas.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    got = evaluate(formulas, c.value[1:])
                    self.assertAlmostEqual(got, cached[c.coordinate].value, places=6, msg=f"{c.coordinate} {c.value}")
                    checked += 1
        # 3 funds × 3 + 4 totals + the check + 7 movements × 4 + 4 totals
        self.assertEqual(checked, 9 + 4 + 1 + 28 + 4)

    def test_an_edited_line_changes_the_figures_it_feeds(self):
        """The in and out figures are the lines', not numbers typed beside
        them: a line's amount edited moves its fund's figure with it."""
        wb = openpyxl.load_workbook(self.path)
        ws = wb[SHEET]
        rent = next(r for r in ws.iter_rows() if r[2].value == "S2026-0002")
        rent[7].value = 700
        self.assertEqual(evaluate(ws, ws["D4"].value[1:]), 700)
        self.assertEqual(evaluate(ws, ws["F7"].value[1:]), 100)

    @unittest.skipUnless(shutil.which("soffice"), "LibreOffice is not installed")
    def test_libreoffice_recalculates(self):
        part = sheet_parts(self.path)[SHEET]
        zeroed = os.path.join(self.dir, "zeroed.xlsx")
        with zipfile.ZipFile(self.path) as src, zipfile.ZipFile(zeroed, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == part:
                    data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1<v>0</v>", data)
                dst.writestr(item, data)
        profile = os.path.join(self.dir, "lo-profile")
        os.makedirs(os.path.join(profile, "user"), exist_ok=True)
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
        recalculated = openpyxl.load_workbook(os.path.join(out, "zeroed.xlsx"), data_only=True)[SHEET]
        for row in self.wb[SHEET].iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    self.assertAlmostEqual(recalculated[c.coordinate].value, self.values[SHEET][c.coordinate].value,
                                           places=6, msg=f"{c.coordinate} {c.value}")

    # -- an edited sheet fails verify --export, naming the sheet and row ------

    def verify_edited(self, edit, name):
        wb = openpyxl.load_workbook(self.path)
        edit(wb[SHEET])
        path = os.path.join(self.dir, f"edited-{name}.xlsx")
        wb.save(path)
        _, err = run(os.path.join(self.dir, "none.clbook"), "verify", "--export", path, expect=3)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        return err

    def line_row(self, voucher):
        return next(r[0].row for r in self.wb[SHEET].iter_rows() if r[2].value == voucher)

    def test_edited_cells_are_named(self):
        rent, repair = self.line_row("S2026-0002"), self.line_row("FP-0009")
        movement = next(r[0].row for r in self.wb[SHEET].iter_rows() if r[0].value == "other-income:rent")
        for cell, value in (
                (f"H{rent}", 6000),            # one amount
                (f"E{rent}", "日常经费"),       # one fund name: rent is public revenue by its fact
                (f"E{repair}", "日常经费"),     # the repair is the maintenance fund's
                (f"G{repair}", "expense:cleaning"),
                (f"B{rent}", 99),
                ("C2", 1),                     # an opening balance
                ("B3", "日常经费"),
                ("F6", 4300),                  # the committee's money
                ("D2", 1792.5),                # a formula typed over with its value
                ("F7", "=0"),
                (f"E{movement}", 600)):
            with self.subTest(cell=cell):
                def edit(ws, cell=cell, value=value):
                    ws[cell] = value
                err = self.verify_edited(edit, cell)
                self.assertIn(f"sheet {SHEET}, cell {cell}:", err)

    def test_a_deleted_row_is_named(self):
        rent = self.line_row("S2026-0002")
        err = self.verify_edited(lambda ws: ws.delete_rows(rent), "deleted-line")
        self.assertIn(f"sheet {SHEET}, cell A{rent}:", err)
        # the last line deleted: nothing shifts, its entry has no row
        last = self.wb[SHEET].max_row
        err = self.verify_edited(lambda ws: ws.delete_rows(last), "deleted-last")
        self.assertIn(f"sheet {SHEET}: journal entry 38", err)
        # a movement deleted: the next one moves up into its row, whose
        # formulas (openpyxl does not rewrite them) name the row below
        movement = next(r[0].row for r in self.wb[SHEET].iter_rows() if r[0].value == "waivers")
        err = self.verify_edited(lambda ws: ws.delete_rows(movement), "deleted-movement")
        self.assertRegex(err, rf"sheet {SHEET}, cell [A-F]{movement}:")

    def test_a_missing_sheet_is_named(self):
        wb = openpyxl.load_workbook(self.path)
        del wb[SHEET]
        path = os.path.join(self.dir, "no-funds.xlsx")
        wb.save(path)
        _, err = run(os.path.join(self.dir, "none.clbook"), "verify", "--export", path, expect=3)
        self.assertIn(f"sheet {SHEET}:", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
