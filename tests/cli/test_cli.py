#!/usr/bin/python3
"""Command-line tests: run the real community-ledger binary on real books.

A scripted season of a small community is checked against figures worked
out by hand; every bad input must exit 2 with a one-line message naming the
field or row, and leave `sqlite3 BOOK .dump` exactly as it was.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

BINARY = os.environ.get("COMMUNITY_LEDGER", "build/app/community-ledger")
FIXTURES = os.environ.get("FIXTURES_DIR", os.path.join(os.path.dirname(__file__), "..", "fixtures"))


def run(book, *args, expect=0, env=None, stdin=None):
    """Runs the binary on BOOK; asserts the exit status; returns (out, err)."""
    full_env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8",
                    COMMUNITY_LEDGER_NOW="2026-06-30T10:00:00+08:00")
    full_env.pop("DISPLAY", None)
    if env:
        full_env.update(env)
    proc = subprocess.run([BINARY, "--book", book, *args], capture_output=True,
                          text=True, env=full_env, timeout=120, input=stdin)
    if proc.returncode != expect:
        raise AssertionError(f"{args}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
    return proc.stdout, proc.stderr


def dump(book):
    """The book's whole content as SQL text, for before/after comparisons."""
    return subprocess.run(["sqlite3", book, ".dump"], capture_output=True, text=True,
                          check=True).stdout


class BookTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="cli-test-")
        self.book = os.path.join(self.dir, "book.clbook")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def ledger(self, *args, expect=0, stdin=None):
        return run(self.book, *args, expect=expect, stdin=stdin)

    def json(self, *args):
        out, _ = self.ledger(*args, "--json")
        return json.loads(out)

    def small_community(self):
        """Three households: 1-1-101 (no parking), 1-1-102 (two spaces),
        2-1-101 (one space, owner key shared with 2-1-102)."""
        self.ledger("init", "--name", "幸福里小区")
        self.ledger("household", "add", "1-1-101", "--owner", "王伟", "--area", "89.50",
                    "--phone", "13812341234")
        self.ledger("household", "add", "1-1-102", "--owner", "李娜", "--area", "120",
                    "--spaces", "2")
        self.ledger("household", "add", "2-1-101", "--owner", "张敏", "--area", "70.25",
                    "--spaces", "1", "--owner-key", "Z1")
        self.ledger("household", "add", "2号楼1单元102室", "--owner", "张敏", "--area", "65",
                    "--owner-key", "Z1", "--status", "出租")


class SeasonTest(BookTestCase):
    """A year of a small community, every figure worked out by hand."""

    def test_season(self):
        self.small_community()
        out, _ = self.ledger("bill", "2026")
        # 4 × 360 + 2 × 120 + 1 × 120 = 1,800.00 in 4 + 2 charges.
        self.assertEqual(out.strip(), "2026: 6 new charges, ¥1,800.00")
        out, _ = self.ledger("bill", "2026")
        self.assertEqual(out.strip(), "2026: 0 new charges, ¥0.00")

        r1, _ = self.ledger("pay", "1-1-101", "360", "--method", "wechat", "--date", "2026-01-05")
        self.assertEqual(r1.strip(), "2026-000001")
        r2, _ = self.ledger("pay", "1-1-102", "¥1,000.00", "--method", "cash", "--date", "2026-01-06")
        self.assertEqual(r2.strip(), "2026-000002")          # 600 settles 2026, 400 prepaid
        r3, _ = self.ledger("pay", "2-1-101", "４８０元", "--method", "alipay", "--date", "2026-02-01")
        self.assertEqual(r3.strip(), "2026-000003")
        r4, _ = self.ledger("pay", "2-1-102", "360", "--method", "bank", "--date", "2026-02-02")
        self.ledger("void", r4.strip(), "--reason", "收款记错户")
        r5, _ = self.ledger("pay", "2-1-102", "100", "--date", "2026-03-01")
        self.assertEqual(r5.strip(), "2026-000005")          # the voided number stays used
        out, _ = self.ledger("waive", "2-1-102", "property", "2026", "--reason", "低保户减免",
                             "--amount", "60")
        self.assertIn("¥60.00", out)
        out, _ = self.ledger("spend", "250.50", "--payee", "张师傅水电维修部", "--category", "repair",
                             "--date", "2026-03-10", "--invoice", "FP001", "--approvers", "王主任,李委员")
        self.assertEqual(out.strip(), "1")
        # From Alipay: the bank's 360 was voided, and no money account may
        # go below zero on any day.
        _, err = self.ledger("spend", "100", "--payee", "保洁公司", "--category", "保洁",
                             "--date", "2026-04-01", "--method", "bank", expect=2)
        self.assertIn("bank", err)
        self.ledger("spend", "100", "--payee", "保洁公司", "--category", "保洁", "--date", "2026-04-01",
                    "--method", "alipay")

        income = self.json("report", "income", "--period", "2026")
        self.assertEqual(income["opening"], 0)
        by_code = {line["code"]: line["amount"] for line in income["income"]}
        # property: 360 + 360 + 360 + 100 (+360 −360 voided); parking: 240 + 120; prepaid 400.
        self.assertEqual(by_code, {"property": 118000, "parking": 36000, "prepaid": 40000})
        self.assertEqual(income["income_total"], 194000)
        self.assertEqual(income["expense_total"], 35050)
        self.assertEqual(income["closing"], 194000 - 35050)

        # The void is dated the day it was made (30 June, COMMUNITY_LEDGER_NOW),
        # so the first quarter still shows the 360 that was later reversed.
        q1 = self.json("report", "income", "--period", "2026-Q1")
        self.assertEqual(q1["income_total"], 194000 + 36000)
        self.assertEqual(q1["expense_total"], 25050)
        self.assertEqual(q1["closing"], 194000 + 36000 - 25050)

        collection = self.json("report", "collection", "--period", "2026")
        self.assertEqual(collection["billed"], 180000)
        self.assertEqual(collection["waived"], 6000)
        self.assertEqual(collection["paid"], 154000)
        self.assertEqual(collection["outstanding"], 20000)
        self.assertEqual(collection["rate_bp"], 154000 * 10000 // 174000)
        self.assertEqual(collection["households"], 4)
        self.assertEqual(collection["households_paid"], 3)

        arrears = self.json("report", "arrears")
        self.assertEqual(arrears["total"], 20000)
        self.assertEqual([h["unit"] for h in arrears["households"]], ["2-1-102"])

        balance = {a["code"]: a["balance"] for a in self.json("report", "balance")["accounts"]}
        self.assertEqual(balance["wechat"], 36000)
        self.assertEqual(balance["cash"], 100000 + 10000 - 25050)
        self.assertEqual(balance["alipay"], 48000 - 10000)
        self.assertEqual(balance["bank"], 36000 - 36000)
        self.assertEqual(balance["prepaid"], 40000)
        self.assertEqual(balance["receivable"], 20000)
        self.assertEqual(balance["expense:repair"], 25050)

        # The Overview page's figures (report overview) are the same sums.
        overview = self.json("report", "overview", "--period", "2026")
        self.assertEqual(overview["as_of"], "2026-06-30")          # today, before 31 December
        self.assertEqual(overview["cash"], balance["cash"])
        self.assertEqual(overview["bank"], balance["bank"])
        self.assertEqual(overview["mobile"], balance["wechat"] + balance["alipay"])
        self.assertEqual(overview["funds"], overview["cash"] + overview["bank"] + overview["mobile"])
        self.assertEqual(overview["billed"], collection["billed"])
        self.assertEqual(overview["paid"], collection["paid"])
        self.assertEqual(overview["rate_bp"], collection["rate_bp"])
        self.assertEqual((overview["arrears"], overview["arrears_households"]), (20000, 1))
        self.assertEqual(overview["unannounced"], 2)
        self.assertEqual(overview["open_votes"], 0)
        verified, _ = self.ledger("verify")
        self.assertEqual(verified.split()[-1], overview["fingerprint"])

        # Next year the prepaid 400 settles 1-1-102's new property fee and 40 of parking.
        self.ledger("bill", "2027")
        arrears = self.json("report", "arrears", "--period", "2027")
        owed = {h["unit"]: h["owed"] for h in arrears["households"]}
        self.assertEqual(owed["1-1-102"], 60000 - 40000)

    def test_household_list_json(self):
        self.small_community()
        data = self.json("household", "list")
        self.assertEqual(data["count"], 4)
        first = data["households"][0]
        self.assertEqual(list(first.keys()), ["unit", "owner", "owner_key", "phone", "area",
                                              "spaces", "status", "move_in"])
        self.assertEqual(first["unit"], "1-1-101")
        self.assertEqual(first["area"], 8950)
        units = [h["unit"] for h in data["households"]]
        self.assertIn("2-1-102", units)
        self.assertEqual(data["households"][3]["status"], "rented")
        self.assertEqual(data["households"][3]["owner_key"], "Z1")

    def test_fee_change_applies_from_its_year(self):
        self.small_community()
        self.ledger("fee", "set", "property", "420", "--from", "2027-01-01")
        self.ledger("bill", "2026")
        self.ledger("bill", "2027")
        c26 = self.json("report", "collection", "--period", "2026")
        c27 = self.json("report", "collection", "--period", "2027")
        self.assertEqual(c26["billed"], 4 * 36000 + 3 * 12000)
        self.assertEqual(c27["billed"], 4 * 42000 + 3 * 12000)
        out, _ = self.ledger("fee", "list")
        self.assertIn("¥420.00", out)
        self.assertIn("¥360.00", out)

    def test_import(self):
        self.ledger("init", "--name", "导入小区")
        path = os.path.join(self.dir, "households.csv")
        with open(path, "w", encoding="gb18030") as f:
            f.write("单元,业主,面积,电话,车位\n1-1-101,欧阳娜娜,88.8,13900001111,1\n1-1-102,李雷,66,,0\n")
        out, _ = self.ledger("household", "import", path)
        self.assertIn("2", out)
        self.assertIn("GB18030", out)
        names = [h["owner"] for h in self.json("household", "list")["households"]]
        self.assertEqual(names, ["欧阳娜娜", "李雷"])


class BadInputTest(BookTestCase):
    """Each bad input exits 2, names the field or row, changes nothing."""

    BAD = [
        (["pay", "1-1-101", "12.345"], "amount"),
        (["pay", "1-1-101", "1e3"], "amount"),
        (["pay", "1-1-101", "NaN"], "amount"),
        (["pay", "1-1-101", "９９９９９９９９９９９９９９"], "amount"),
        (["pay", "1-1-101", ""], "amount"),
        (["pay", "1-1-101", "  "], "amount"),
        (["pay", "1-1-101", "¥"], "amount"),
        (["pay", "1-1-101", "1,2,3"], "amount"),
        (["pay", "1-1-101", "0"], "amount"),
        (["pay", "1-1-101", "--", "-5"], "amount"),
        (["pay", "9-9-999", "360"], "9-9-999"),
        (["pay", "1-1", "360"], "unit"),
        (["pay", "1-1-101", "360", "--date", "2026-02-30"], "--date"),
        (["pay", "1-1-101", "360", "--date", "2026/13/01"], "--date"),
        (["pay", "1-1-101", "360", "--method", "paypal"], "--method"),
        (["household", "add", "1-1-101", "--owner", "重复", "--area", "50"], "1-1-101"),
        (["household", "add", "1-1-103", "--owner", "", "--area", "50"], "owner"),
        (["household", "add", "1-1-103", "--owner", "x" * 500, "--area", "50"], "owner"),
        (["household", "add", "1-1-103", "--owner", "a\x01b", "--area", "50"], "owner"),
        (["household", "add", "1-1-103", "--owner", "王", "--area", "-5"], "--area"),
        (["household", "add", "1-1-103", "--owner", "王", "--area", "50", "--phone", "abc"], "phone"),
        (["household", "add", "1-1-103", "--owner", "王", "--area", "50", "--status", "sold"], "--status"),
        (["household", "add", "1-1-103", "--owner", "王", "--area", "50", "--move-in", "2026-02-30"], "move-in"),
        (["fee", "set", "property", "-1"], None),
        (["fee", "set", "Property Fee", "360"], "fee code"),
        (["fee", "set", "property", "360", "--per", "car"], "--per"),
        (["fee", "set", "property", "360", "--from", "tomorrow"], "--from"),
        (["bill", "20x6"], "year"),
        (["bill", "1800"], "year"),
        (["void", "2026-000001", "--reason", "x"], "2026-000001"),
        (["void", "2026-1", "--reason", "x"], "receipt"),
        (["void", "2026-000001"], "--reason"),
        (["waive", "1-1-101", "property", "2026", "--reason", "x"], "property"),
        (["waive", "1-1-101", "property", "2026"], "--reason"),
        (["spend", "100", "--payee", "x", "--category", "party"], "--category"),
        (["spend", "100", "--category", "repair"], "--payee"),
        (["spend", "100.001", "--payee", "x", "--category", "repair"], "amount"),
        (["spend", "100", "--payee", "x", "--category", "repair", "--attach", "/nonexistent.pdf"], "--attach"),
        (["spend", "100", "--payee", "x", "--category", "repair", "--date", ""], "--date"),
        (["report", "everything"], "everything"),
        (["vote", "new", "--title", "x", "--matter", "10"], "--matter"),
        (["vote", "new", "--title", "", "--matter", "9"], "--title"),
        (["vote", "ballot", "1", "1-1-101", "yes"], "vote 1"),
        (["vote", "ballot", "x", "1-1-101", "yes"], "vote"),
        (["vote", "show", "7"], "vote 7"),
        (["spend", "6000", "--payee", "x", "--category", "repair"], "--vote"),
        (["spend-limit", "-1"], None),
        (["report", "income", "--period", "2026-Q5"], "--period"),
        (["household", "import", "/nonexistent.csv"], "nonexistent"),
        (["frobnicate"], "frobnicate"),
        (["pay", "1-1-101"], "UNIT AMOUNT"),
        (["pay", "--batch", "/nonexistent.csv"], "nonexistent"),
        (["pay", "--batch", "x.csv", "1-1-101", "10"], "--batch"),
        (["pay", "1-1-101", "10", "--json"], "--batch"),
    ]

    def test_bad_inputs_change_nothing(self):
        self.small_community()
        before = dump(self.book)
        for args, field in self.BAD:
            with self.subTest(args=args):
                _, err = self.ledger(*args, expect=2)
                self.assertTrue(err.strip(), "no message")
                if field is not None:
                    self.assertIn(field, err)
                if args[0] != "frobnicate":   # an unknown command lists the commands
                    # One problem, one line (usage errors add a "Try … --help" hint).
                    lines = [l for l in err.splitlines() if l and not l.startswith("Try ")]
                    self.assertEqual(len(lines), 1, err)
                self.assertEqual(dump(self.book), before, f"{args} changed the book")
        self.assertFalse(os.path.exists(self.book + ".files"))

    def test_bad_csv_reports_every_row(self):
        self.small_community()
        before = dump(self.book)
        path = os.path.join(self.dir, "bad.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("unit,owner,area\n"
                    "3-1-101,赵六,80\n"
                    "3-1-102,,80\n"          # line 3: empty owner
                    "3-1-103,孙七,abc\n"     # line 4: bad area
                    "1-1-101,重复,50\n"      # line 5: already in the book
                    "3-1-101,又来,60\n")     # line 6: duplicate in the file
        _, err = self.ledger("household", "import", path, expect=2)
        for line in ("line 3", "line 4", "line 5", "line 6"):
            self.assertIn(line, err)
        self.assertNotIn("line 2:", err)
        self.assertEqual(dump(self.book), before)


class HouseholdShowTest(BookTestCase):
    """household show UNIT: one household's charges, receipts, waivers and totals."""

    def test_household_show(self):
        self.small_community()
        self.ledger("bill", "2026")
        self.ledger("pay", "1-1-102", "1000", "--date", "2026-01-06")     # 600 settles, 400 prepaid
        r2, _ = self.ledger("pay", "2-1-102", "360", "--method", "bank", "--date", "2026-02-02")
        self.ledger("void", r2.strip(), "--reason", "收款记错户")
        self.ledger("pay", "2-1-102", "100", "--date", "2026-03-01")
        self.ledger("waive", "2-1-102", "property", "2026", "--reason", "低保户减免", "--amount", "60")
        before = dump(self.book)

        data = self.json("household", "show", "2号楼1单元102室")
        self.assertEqual(list(data.keys()), ["unit", "owner", "owner_key", "phone", "area", "spaces",
                                             "status", "move_in", "charges", "receipts", "waivers",
                                             "refunds", "billed", "waived", "paid", "owed", "credit",
                                             "received", "refunded", "opening_credit"])
        self.assertEqual((data["unit"], data["owner_key"], data["status"]), ("2-1-102", "Z1", "rented"))
        self.assertEqual(data["charges"], [{"year": 2026, "fee": "property", "fee_name": "物业费",
                                            "amount": 36000, "paid": 10000, "waived": 6000,
                                            "open": 20000, "opening": False}])
        self.assertEqual(data["receipts"], [
            {"number": "2026-000002", "date": "2026-02-02", "amount": 36000, "method": "bank",
             "voided": True, "void_date": "2026-06-30", "void_reason": "收款记错户",
             "settled": [{"year": 2026, "fee": "property", "amount": 36000}], "to_credit": 0},
            {"number": "2026-000003", "date": "2026-03-01", "amount": 10000, "method": "cash",
             "voided": False, "void_date": "", "void_reason": "",
             "settled": [{"year": 2026, "fee": "property", "amount": 10000}], "to_credit": 0}])
        self.assertEqual(data["waivers"], [{"date": "2026-06-30", "year": 2026, "fee": "property",
                                            "amount": 6000, "reason": "低保户减免"}])
        totals = {k: data[k] for k in ("billed", "waived", "paid", "owed", "credit", "received")}
        self.assertEqual(totals, {"billed": 36000, "waived": 6000, "paid": 10000, "owed": 20000,
                                  "credit": 0, "received": 10000})
        arrears = {h["unit"]: h["owed"] for h in self.json("report", "arrears")["households"]}
        self.assertEqual(data["owed"], arrears["2-1-102"])

        # Prepaid credit: what was received and did not settle a charge.
        prepaid = self.json("household", "show", "1-1-102")
        self.assertEqual((prepaid["paid"], prepaid["credit"], prepaid["received"], prepaid["owed"]),
                         (60000, 40000, 100000, 0))
        self.assertEqual(prepaid["receipts"][0]["to_credit"], 40000)
        self.assertEqual(sum(h["paid"] for h in (data, prepaid)) +
                         self.json("household", "show", "1-1-101")["paid"] +
                         self.json("household", "show", "2-1-101")["paid"],
                         self.json("report", "collection", "--period", "2026")["paid"])

        # The phone is masked in both forms.
        shown = self.json("household", "show", "1-1-101")
        self.assertEqual(shown["phone"], "138****1234")
        text, _ = self.ledger("household", "show", "1-1-101")
        self.assertIn("138****1234", text)
        self.assertNotIn("13812341234", text)

        text, _ = self.ledger("household", "show", "2-1-102")
        self.assertIn("2-1-102", text)
        self.assertIn("voided on 2026-06-30: 收款记错户", text)
        self.assertIn("低保户减免", text)
        self.assertIn("¥200.00", text)                     # outstanding

        for unit in ("9-9-999", "3-2"):
            _, err = self.ledger("household", "show", unit, expect=2)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
            self.assertIn(unit, err)
        self.ledger("household", "show", expect=2)
        self.assertEqual(dump(self.book), before)


class PayBatchTest(BookTestCase):
    """pay --batch: a day's statement in one transaction, all rows or none."""

    def receipts(self):
        out = subprocess.run(["sqlite3", self.book, "SELECT number, amount, method, date"
                              " FROM receipts ORDER BY year, seq"],
                             capture_output=True, text=True, check=True).stdout
        return [line.split("|") for line in out.splitlines()]

    def test_pay_batch(self):
        self.small_community()
        self.ledger("bill", "2026")
        first, _ = self.ledger("pay", "2-1-102", "100", "--date", "2026-01-02")
        self.assertEqual(first.strip(), "2026-000001")
        path = os.path.join(self.dir, "statement.csv")
        with open(path, "w", encoding="utf-8-sig") as f:   # with a BOM, as Excel saves it
            f.write("房号,金额,方式,日期\n"
                    "1-1-101,360,,\n"
                    "1-1-102,\"1,000.00\",现金,2026-01-06\n"
                    "2号楼1单元101室,480元,alipay,\n")
        out, err = self.ledger("pay", "--batch", path, "--method", "wechat",
                               "--date", "2026-03-01")
        self.assertEqual(err, "")
        self.assertEqual(out.splitlines(), ["2026-000002 1-1-101 360.00",
                                            "2026-000003 1-1-102 1000.00",
                                            "2026-000004 2-1-101 480.00"])
        self.assertEqual(self.receipts(), [
            ["2026-000001", "10000", "cash", "2026-01-02"],
            ["2026-000002", "36000", "wechat", "2026-03-01"],
            ["2026-000003", "100000", "cash", "2026-01-06"],
            ["2026-000004", "48000", "alipay", "2026-03-01"]])
        balance = {a["code"]: a["balance"] for a in self.json("report", "balance")["accounts"]}
        self.assertEqual(balance["wechat"], 36000)
        self.assertEqual(balance["cash"], 10000 + 100000)
        self.assertEqual(balance["alipay"], 48000)
        self.assertEqual(balance["prepaid"], 100000 - 60000)
        self.assertEqual(balance["receivable"], 36000 - 10000)

        # From standard input, as JSON; the date defaults to today (30 June).
        out, _ = self.ledger("pay", "--batch", "-", "--json", stdin="unit,amount\n2-1-102,260\n")
        data = json.loads(out)
        self.assertEqual(list(data.keys()), ["payments", "count", "total"])
        self.assertEqual(data["payments"], [{"receipt": "2026-000005", "unit": "2-1-102",
                                             "amount": 26000, "method": "cash",
                                             "date": "2026-06-30"}])
        self.assertEqual((data["count"], data["total"]), (1, 26000))
        self.assertEqual(self.json("report", "arrears")["total"], 0)

    def test_pay_batch_bad_rows_change_nothing(self):
        self.small_community()
        self.ledger("bill", "2026")
        before = dump(self.book)
        path = os.path.join(self.dir, "bad.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("unit,amount,method,date\n"
                    "1-1-101,360,,\n"             # line 2: good
                    "9-9-999,10,,\n"              # line 3: not registered
                    "1-1-102,12.345,,\n"          # line 4: three decimals
                    "2-1-101,10,paypal,\n"        # line 5: method
                    "2-1-102,10,,2026-02-30\n")   # line 6: no such date
        out, err = self.ledger("pay", "--batch", path, expect=2)
        self.assertEqual(out, "")
        lines = err.splitlines()
        self.assertEqual(len(lines), 4, err)
        for line, (number, words) in zip(lines, [(3, "unit “9-9-999”"),
                                                  (4, "amount “12.345”"),
                                                  (5, "method “paypal”"),
                                                  (6, "date “2026-02-30”")]):
            self.assertTrue(line.startswith(f"community-ledger: {path}: line {number}: {words}: "),
                            line)
        self.assertNotIn("line 2:", err)
        self.assertEqual(dump(self.book), before)


class VoteTest(BookTestCase):
    """Votes on the command line, and the spending rule that depends on them."""

    def vote(self, matter, choices):
        out, _ = self.ledger("vote", "new", "--title", "更换路灯", "--matter", str(matter))
        vote_id = out.strip()
        self.assertTrue(vote_id.isdigit(), out)
        for unit, choice in choices:
            self.ledger("vote", "ballot", vote_id, unit, choice)
        return vote_id

    def test_vote_flow_and_json(self):
        self.small_community()            # owners: 1-1-101, 1-1-102, Z1 (two units)
        vote_id = self.vote(9, [("1-1-101", "yes"), ("2-1-102", "同意"), ("1-1-102", "abstain")])
        shown = self.json("vote", "show", vote_id)
        for key, value in {"matter": 9, "status": "open", "heads_total": 3, "heads_voted": 3,
                           "heads_yes": 2, "area_total": 8950 + 12000 + 7025 + 6500,
                           "area_voted": 8950 + 12000 + 7025 + 6500,
                           "area_yes": 8950 + 7025 + 6500,
                           "participation_met": True, "passed": True}.items():
            self.assertEqual(shown[key], value, key)
        # The same owner again (through the other unit) needs --replace.
        self.ledger("vote", "ballot", vote_id, "2-1-101", "no", expect=2)
        self.ledger("vote", "ballot", vote_id, "2-1-101", "no", "--replace", "本人更正")
        self.assertEqual(self.json("vote", "show", vote_id)["heads_yes"], 1)
        out, _ = self.ledger("vote", "close", vote_id)
        self.assertEqual(out.strip(), "not passed")
        text, _ = self.ledger("vote", "show", vote_id)
        self.assertIn("two thirds", text)
        self.assertIn("more than half", text)
        self.assertIn("not enough owners were in favour", text)
        self.ledger("vote", "ballot", vote_id, "1-1-102", "yes", expect=2)

    def test_over_limit_spending_needs_a_passed_vote(self):
        self.small_community()
        # Cash to spend (no money account may go below zero): prepaid.
        self.ledger("pay", "1-1-101", "100000", "--method", "cash", "--date", "2026-01-05")
        before = dump(self.book)
        _, err = self.ledger("spend", "5000.01", "--payee", "路灯公司", "--category", "lighting",
                             expect=2)
        self.assertIn("¥5,000.00", err)
        self.assertIn("--vote", err)
        self.assertEqual(dump(self.book), before)
        self.ledger("spend", "5000.00", "--payee", "路灯公司", "--category", "lighting")

        failed = self.vote(9, [("1-1-101", "no"), ("1-1-102", "no"), ("2-1-101", "yes")])
        self.ledger("vote", "close", failed)
        everyone_yes = [("1-1-101", "yes"), ("1-1-102", "yes"), ("2-1-101", "yes")]
        passed = self.vote(9, everyone_yes)
        wrong_matter = self.vote(2, everyone_yes)
        self.ledger("vote", "close", passed)
        self.ledger("vote", "close", wrong_matter)
        before = dump(self.book)
        for vote_id, words in ((failed, "did not pass"), (wrong_matter, "matter 5 or 9"),
                               ("99", "not in this book")):
            _, err = self.ledger("spend", "8000", "--payee", "路灯公司", "--category", "lighting",
                                 "--vote", vote_id, expect=2)
            self.assertIn(words, err)
            self.assertEqual(dump(self.book), before)
        _, err = self.ledger("spend", "100", "--payee", "x", "--category", "repair",
                             "--maintenance-fund", "--vote", passed, expect=2)
        self.assertIn("matter 5", err)
        self.assertEqual(dump(self.book), before)
        self.ledger("spend", "8000", "--payee", "路灯公司", "--category", "lighting", "--vote", passed)
        out, _ = self.ledger("spend-limit", "10000")
        self.assertEqual(out.strip(), "¥10,000.00")
        self.ledger("spend", "8000", "--payee", "路灯公司", "--category", "lighting")

    def test_demo_votes(self):
        self.ledger("demo", "--households", "60", "--years", "1", "--end-year", "2026")
        votes = [self.json("vote", "show", str(i)) for i in range(1, 5)]
        self.assertTrue(votes[0]["passed"])                       # the budget
        self.assertTrue(votes[1]["passed"])                       # LED street lights
        self.assertFalse(votes[2]["participation_met"])           # covenant: too few
        self.assertEqual(votes[3]["matter"], 6)
        self.assertTrue(votes[3]["participation_met"])            # fund: under 3/4
        self.assertFalse(votes[3]["passed"])


class FingerprintTest(BookTestCase):
    """verify, published heads, proofs and tampering, from the outside."""

    def fingerprint(self):
        out, _ = self.ledger("verify")
        self.assertTrue(out.startswith("fingerprint "), out)
        return out.split()[1]

    def tamper(self, sql):
        subprocess.run(["sqlite3", self.book,
                        "DROP TRIGGER txns_no_update; DROP TRIGGER txns_no_delete;"
                        "DROP TRIGGER splits_no_update; DROP TRIGGER splits_no_delete;" + sql],
                       check=True)

    def test_independent_reimplementation_agrees(self):
        import reference_fingerprint
        self.small_community()
        self.ledger("bill", "2026")
        self.ledger("pay", "1-1-101", "360")
        self.ledger("spend", "12.5", "--payee", "五金店|螺丝\\刀", "--category", "repair",
                    "--memo", "a|b")
        self.assertEqual(self.fingerprint(), reference_fingerprint.fingerprint(self.book))

    def test_published_head_and_proofs(self):
        self.small_community()
        self.ledger("bill", "2026")
        head = self.fingerprint()
        receipt, _ = self.ledger("pay", "1-1-102", "600")
        out, _ = self.ledger("verify", "--head", head)
        self.assertIn("extends the published head", out)
        size = int(head.split(":")[0])
        forged = f"{size}:{'0' * 64}"
        _, err = self.ledger("verify", "--head", forged, expect=3)
        self.assertIn("does not extend", err)
        _, err = self.ledger("verify", "--head", f"{size + 5}:{head.split(':')[1]}", expect=3)
        self.assertIn("removed", err)
        proof = json.loads(self.ledger("proof", receipt.strip(), "--json")[0])
        self.assertTrue(proof["verified"])
        self.assertEqual(proof["tree_size"], size + 1)
        self.assertEqual(proof["fingerprint"], self.fingerprint())
        self.ledger("proof", "9999", expect=2)
        self.ledger("proof", "2026-999999", expect=2)
        self.ledger("verify", "--head", "nonsense", expect=2)
        out, _ = self.ledger("proof", "consistency", str(size))
        self.assertIn("extends", out)

    def test_tampering_exits_3_and_names_the_entry(self):
        self.small_community()
        self.ledger("bill", "2026")
        clean = os.path.join(self.dir, "clean.clbook")
        self.ledger("backup", clean)
        for sql, words in (("UPDATE splits SET amount = amount - 1 WHERE txn_id = 8 AND seq = 1;", "entry 8 "),
                           ("UPDATE txns SET memo = 'x' WHERE id = 3;", "entry 3 "),
                           ("DELETE FROM splits WHERE txn_id = 7; DELETE FROM txns WHERE id = 7;",
                            "entry 7 is missing"),
                           ("DELETE FROM splits WHERE txn_id > 9; DELETE FROM txns WHERE id > 9;",
                            "entry 10 is missing")):
            with self.subTest(sql=sql):
                shutil.copy(clean, self.book)
                self.tamper(sql)
                _, err = self.ledger("verify", expect=3)
                self.assertIn(words, err)


def merkle_head(hashes):
    """RFC 6962 MTH over leaf hashes (as tests/cli/reference_fingerprint.py)."""
    import hashlib
    if not hashes:
        return hashlib.sha256(b"").digest()
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return hashlib.sha256(b"\x01" + merkle_head(hashes[:k]) + merkle_head(hashes[k:])).digest()


def consistency_holds(m, old_root, n, new_root, proof):
    """RFC 9162 §2.1.4.2: does PROOF show that the tree of N leaves with
    NEW_ROOT extends the tree of M leaves with OLD_ROOT? Written from the
    RFC, not from the program."""
    import hashlib

    def node(a, b):
        return hashlib.sha256(b"\x01" + a + b).digest()

    if m == n:
        return old_root == new_root and not proof
    if m == 0:
        return not proof
    if m & (m - 1) == 0:
        proof = [old_root] + proof
    if not proof:
        return False
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0


class PublishedHeadTest(BookTestCase):
    """What a notice put on the board, checked from the outside: `proof
    consistency OLD-SIZE:OLD-ROOT` from a photo of the notice, `verify
    --export --head` together, and a history rewritten with a rebuilt tree
    found by `verify` through the notice (issue 15)."""

    def published(self):
        """A season until a notice, then one more payment; returns the
        fingerprint the notice printed, as a resident photographs it."""
        self.small_community()
        self.ledger("bill", "2026")
        self.ledger("pay", "1-1-101", "360", "--date", "2026-01-05")
        self.ledger("notice", os.path.join(self.dir, "notice.pdf"), "--period", "2026-Q1")
        self.ledger("pay", "1-1-102", "600", "--date", "2026-04-02")
        db = sqlite3.connect(f"file:{self.book}?mode=ro", uri=True)
        (head, txn_id), = db.execute("SELECT fingerprint, txn_id FROM notices").fetchall()
        db.close()
        # The notice shows the book just before its own entry.
        self.assertEqual(int(head.split(":")[0]), txn_id - 1)
        return head

    def entries(self):
        db = sqlite3.connect(f"file:{self.book}?mode=ro", uri=True)
        (n,), = db.execute("SELECT count(*) FROM txns").fetchall()
        db.close()
        return n

    def test_proof_consistency_from_a_notice_photo(self):
        head = self.published()
        size, root = int(head.split(":")[0]), head.split(":")[1]
        n = self.entries()
        self.assertEqual(n, size + 2)   # the notice's entry and the payment after it

        out, _ = self.ledger("proof", "consistency", head)
        first, *hashes = out.splitlines()
        new_head = first.split()[0]
        self.assertIn(f" extends {head}; proof (", first)
        self.assertTrue(new_head.startswith(f"{n}:"), first)
        proof = [bytes.fromhex(h.strip()) for h in hashes if len(h.strip()) == 64]
        self.assertEqual(len(proof), int(first.split("(")[1].split()[0]))
        self.assertTrue(consistency_holds(size, bytes.fromhex(root), n,
                                          bytes.fromhex(new_head.split(":")[1]), proof))
        self.assertIn("The proof verifies", out)

        # Up to a NEW-SIZE of the book: the notice's own entry.
        out, _ = self.ledger("proof", "consistency", head, str(size + 1))
        self.assertTrue(out.startswith(f"{size + 1}:"), out)

        # A wrong root, a root of another size: exit 3, and nothing proven.
        for wrong in (f"{size}:{'0' * 64}", f"{size - 1}:{root}",
                      f"{size}:{root[:-1]}{'0' if root[-1] != '0' else '1'}"):
            out, err = self.ledger("proof", "consistency", wrong, expect=3)
            self.assertIn("does not extend the published head", err)
            self.assertEqual(out, "")
        # More entries than the book has: entries were removed (exit 3).
        _, err = self.ledger("proof", "consistency", f"{n + 5}:{root}", expect=3)
        self.assertIn(f"covers {n + 5} entries but the book has only {n}", err)
        # A NEW-SIZE beyond the book, or below the old head, is the user's (exit 2).
        _, err = self.ledger("proof", "consistency", head, str(n + 1), expect=2)
        self.assertIn(f"the book has only {n} entries", err)
        _, err = self.ledger("proof", "consistency", head, str(size - 1), expect=2)
        self.assertIn("more than NEW-SIZE", err)
        _, err = self.ledger("proof", "consistency", f"{size}:xyz", expect=2)
        self.assertIn("64 hexadecimal digits", err)
        # The bare OLD-SIZE of before still proves the book's own heads.
        out, _ = self.ledger("proof", "consistency", str(size))
        self.assertIn(f" extends {head}; proof (", out)

    def test_verify_export_and_head_together(self):
        head = self.published()
        size = int(head.split(":")[0])
        workbook = os.path.join(self.dir, "audit.xlsx")
        self.ledger("export", "xlsx", workbook)

        _, err = self.ledger("verify", "--export", workbook, "--head", f"{size}:{'1' * 64}", expect=3)
        self.assertIn("does not extend the published head", err)
        # A workbook that is not one: the head is still checked, and the
        # exit status is the worse of the two.
        garbage = os.path.join(self.dir, "garbage.xlsx")
        with open(garbage, "wb") as f:
            f.write(b"not a workbook")
        out, err = self.ledger("verify", "--export", garbage, "--head", head, expect=3)
        self.assertIn(f"The book extends the published head {head}", out)
        self.assertIn("garbage.xlsx", err)
        _, err = self.ledger("verify", "--export", garbage, "--head", f"{size}:{'1' * 64}", expect=3)
        self.assertIn("does not extend the published head", err)
        # --head is about the book: without one it is refused.
        _, err = run(os.path.join(self.dir, "none.clbook"), "verify", "--export", workbook,
                     "--head", head, expect=2)
        self.assertIn("--head", err)
        # Both right: both said, exit 0.
        out, _ = self.ledger("verify", "--export", workbook, "--head", head)
        self.assertTrue(out.startswith("fingerprint "), out)
        self.assertIn(f"The book extends the published head {head}", out)

    def test_rewritten_history_with_rebuilt_tree_names_the_notice(self):
        import hashlib
        import reference_fingerprint
        head = self.published()
        n = self.entries()
        cached_head = self.ledger("proof", "consistency", "0")[0].split()[0]
        if reference_fingerprint.fingerprint(self.book) != cached_head:
            self.skipTest("tests/cli/reference_fingerprint.py does not rebuild this book's leaves "
                          "(test-published.c rebuilds the tree with the program's own code)")

        # One byte of the operator of entry 2, long before the notice (the
        # replay gives every ref and memo again, but not who typed an
        # entry), then the whole tree rebuilt from the changed journal,
        # every perfect subtree of the cache as the program stores it
        # (level, index, hash).
        db = sqlite3.connect(self.book)
        db.executescript("DROP TRIGGER txns_no_update; DROP TRIGGER merkle_nodes_no_delete;"
                         "UPDATE txns SET operator = operator || 'x' WHERE id = 2;"
                         "DELETE FROM merkle_nodes;")
        db.commit()
        db.close()
        level = [hashlib.sha256(b"\x00" + leaf).digest() for leaf in reference_fingerprint.leaves(self.book)]
        self.assertEqual(len(level), n)
        db = sqlite3.connect(self.book)
        depth = 0
        while level:
            db.executemany("INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)",
                           [(depth, i, h) for i, h in enumerate(level)])
            level = [hashlib.sha256(b"\x01" + level[i] + level[i + 1]).digest()
                     for i in range(0, len(level) - 1, 2)]
            depth += 1
        db.commit()
        db.close()
        # The tree agrees with the journal again: the proofs work, on the new history.
        rewritten = self.ledger("proof", "consistency", "0")[0].split()[0]
        self.assertNotEqual(rewritten, cached_head)
        self.assertEqual(rewritten, reference_fingerprint.fingerprint(self.book))

        _, err = self.ledger("verify", expect=3)
        self.assertIn(f"notice 2026-Q1 (entry {int(head.split(':')[0]) + 1}) published the fingerprint {head}", err)
        # And the resident's photo says the same.
        _, err = self.ledger("proof", "consistency", head, expect=3)
        self.assertIn("does not extend the published head", err)


class SettingsTest(BookTestCase):
    """The book's settings and committee members: read back, journaled,
    and bad values refused (exit 2) with the book unchanged."""

    def settings(self):
        out, _ = self.ledger("settings")
        return dict(line.split(" ", 1) for line in out.splitlines())

    def test_settings_read_back(self):
        self.small_community()
        values = self.settings()
        self.assertEqual(values["name"], "幸福里小区")
        self.assertEqual(values["address"], "")
        self.assertEqual(values["backup-dir"], self.book + ".backups")
        self.assertEqual(values["backup-keep"], "10")
        out, _ = self.ledger("settings", "address", "北京市朝阳区幸福路1号")
        self.assertEqual(out, "address 北京市朝阳区幸福路1号\n")
        folder = os.path.join(self.dir, "备份")
        os.mkdir(folder)
        self.ledger("settings", "backup-dir", folder)
        self.ledger("settings", "backup-keep", "3")
        self.ledger("settings", "name", "幸福里")
        values = self.settings()
        self.assertEqual(values["address"], "北京市朝阳区幸福路1号")
        self.assertEqual(values["backup-dir"], folder)
        self.assertEqual(values["backup-keep"], "3")
        self.assertEqual(values["name"], "幸福里")
        # Four journal entries of kind "setting", one per change.
        journal = subprocess.run(["sqlite3", self.book, "SELECT ref FROM txns WHERE kind = 'setting'"
                                  " ORDER BY id"], capture_output=True, text=True, check=True).stdout
        self.assertEqual(journal.split(), ["address", "backup_dir", "backup_keep", "name"])
        # Imports back up into the chosen folder first; three are kept.
        csv = os.path.join(self.dir, "h.csv")
        for i in range(5):
            with open(csv, "w", encoding="utf-8") as f:
                f.write(f"unit,owner,area\n9-1-{i + 101},赵六,50\n")
            self.ledger("household", "import", csv)
        self.assertEqual(len([n for n in os.listdir(folder) if n.startswith("book.clbook-") and "@" in n]), 3)
        self.assertFalse(os.path.exists(self.book + ".backups"))
        # "" goes back to the default folder.
        self.ledger("settings", "backup-dir", "")
        self.assertEqual(self.settings()["backup-dir"], self.book + ".backups")

    def test_members(self):
        self.small_community()
        self.ledger("member", "add", "王主任", "--role", "主任")
        self.ledger("member", "add", "李委员", "--role", "委员")
        self.ledger("member", "role", "李委员", "副主任")
        self.ledger("member", "retire", "王主任")
        out, _ = self.ledger("member", "list")
        self.assertEqual(out, "李委员\t副主任\t2026-06-30\n")
        listed = self.json("member", "list", "--all")
        self.assertEqual(listed, {"members": [
            {"name": "王主任", "role": "主任", "since": "2026-06-30", "retired": "2026-06-30",
             "active": False},
            {"name": "李委员", "role": "副主任", "since": "2026-06-30", "retired": "", "active": True}],
            "count": 2})
        self.assertEqual(self.json("member", "list")["count"], 1)
        # The name of a retired member may be used again.
        self.ledger("member", "add", "王主任", "--role", "委员")
        self.assertEqual(self.json("member", "list")["count"], 2)

    BAD = [
        (["settings", "address", "x" * 101], "address"),
        (["settings", "address", "幸福路\x011号"], "address"),
        (["settings", "name", ""], "community name"),
        (["settings", "backup-dir", "/nonexistent/folder"], "backup folder"),
        (["settings", "backup-keep", "0"], "backups to keep"),
        (["settings", "backup-keep", "101"], "backups to keep"),
        (["settings", "backup-keep", "ten"], "backups to keep"),
        (["settings", "colour", "blue"], "setting"),
        (["member", "add", "王主任", "--role", "委员"], "王主任"),
        (["member", "add", "", "--role", "委员"], "member name"),
        (["member", "add", "x" * 21, "--role", "委员"], "member name"),
        (["member", "add", "赵,六", "--role", "委员"], "member name"),
        (["member", "add", "赵\t六", "--role", "委员"], "member name"),
        (["member", "add", "赵六", "--role", ""], "role"),
        (["member", "add", "赵六"], "--role"),
        (["member", "retire", "无此人"], "无此人"),
        (["member", "role", "无此人", "委员"], "无此人"),
        (["member", "role", "王主任", ""], "role"),
    ]

    def test_bad_settings_change_nothing(self):
        self.small_community()
        self.ledger("member", "add", "王主任", "--role", "主任")
        before = dump(self.book)
        for args, field in self.BAD:
            with self.subTest(args=args):
                _, err = self.ledger(*args, expect=2)
                self.assertIn(field, err)
                lines = [l for l in err.splitlines() if l and not l.startswith("Try ")]
                self.assertEqual(len(lines), 1, err)
                self.assertEqual(dump(self.book), before, f"{args} changed the book")


class BookFileTest(BookTestCase):
    def test_missing_book_exits_1(self):
        _, err = self.ledger("household", "list", expect=1)
        self.assertIn("init", err)

    def test_foreign_file_exits_1(self):
        with open(self.book, "w") as f:
            f.write("not a book")
        _, err = self.ledger("household", "list", expect=1)
        self.assertIn("not a Community Ledger book", err)

    def test_init_twice_is_refused(self):
        self.ledger("init", "--name", "A")
        self.ledger("init", "--name", "B", expect=2)

    def test_backup_and_restore(self):
        self.small_community()
        self.ledger("bill", "2026")
        copy = os.path.join(self.dir, "copy.clbook")
        self.ledger("backup", copy)
        # VACUUM INTO writes the schema as tables, indexes, then triggers,
        # while a book created at version 1 and upgraded has them in the
        # order they were made: the same book, so the lines are compared
        # as sets (every row is a line of its own).
        saved = sorted(dump(copy).splitlines())
        self.assertEqual(saved, sorted(dump(self.book).splitlines()))
        self.ledger("pay", "1-1-101", "360")
        self.assertNotEqual(sorted(dump(self.book).splitlines()), saved)
        out, _ = self.ledger("restore", copy)
        self.assertIn(".backups", out)
        self.assertEqual(sorted(dump(self.book).splitlines()), saved)

    def test_restore_refuses_garbage(self):
        self.small_community()
        before = dump(self.book)
        junk = os.path.join(self.dir, "junk.clbook")
        with open(junk, "w") as f:
            f.write("junk")
        self.ledger("restore", junk, expect=1)
        self.assertEqual(dump(self.book), before)

    def test_help_for_every_command(self):
        out, _ = run(self.book, "--help")
        commands = ["init", "household add", "household edit", "household import",
                    "household list", "household show", "fee set", "fee list", "bill", "pay",
                    "void", "waive", "spend", "report", "backup", "restore", "demo", "vote new",
                    "vote ballot", "vote close", "vote show", "vote list", "spend-limit", "verify",
                    "settings", "member add", "member role", "member retire", "member list",
                    "proof", "proof consistency"]
        for command in commands:
            self.assertIn(command, out)
            with self.subTest(command=command):
                help_out, _ = run(self.book, *command.split(), "--help")
                self.assertIn("Usage:", help_out)
                self.assertIn(command, help_out)

    def test_demo(self):
        out, _ = self.ledger("demo", "--households", "40", "--years", "2", "--end-year", "2026")
        self.assertEqual(out.strip(), self.book)
        self.assertEqual(self.json("household", "list")["count"], 40)
        income = self.json("report", "income", "--period", "2026")
        self.assertGreater(income["income_total"], 0)
        self.assertEqual(income["opening"] + income["income_total"] - income["expense_total"],
                         income["closing"])
        self.ledger("demo", expect=2)       # never over an existing book


if __name__ == "__main__":
    unittest.main(verbosity=2)
