#!/usr/bin/python3
"""Replay property test (issue 15): random sequences of operations on random
books, through the real binary; after every step that changed the book,
`verify` (which replays the journal into an empty book and compares every
table) must pass, and the independent Python fingerprint must agree.

Operations the program refuses (exit 2: a vote not open, an amount that
would take cash below zero …) are part of the walk: they must leave the book
verifiable too.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import BINARY  # noqa: E402
import reference_fingerprint  # noqa: E402

SEEDS = [1, 2, 3, 4]
STEPS = 45
FEES = ["property", "parking"]
CHOICES = ["yes", "no", "abstain"]
NAMES = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "Zhou Li"]


class Walk:
    def __init__(self, test, seed, folder):
        self.test = test
        self.rand = random.Random(seed)
        self.book = os.path.join(folder, f"walk-{seed}.clbook")
        self.units = []
        self.receipts = []
        self.votes = []
        self.day = 1
        self.log = []

    def run(self, *args):
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   COMMUNITY_LEDGER_NOW="2026-12-31T10:00:00+08:00")
        env.pop("DISPLAY", None)
        proc = subprocess.run([BINARY, "--book", self.book, *args], capture_output=True,
                              text=True, env=env, timeout=120)
        self.log.append(f"{args} → {proc.returncode} {proc.stderr.strip()}")
        self.test.assertIn(proc.returncode, (0, 2), "\n".join(self.log))
        return proc

    def date(self):
        self.day = min(self.day + self.rand.randint(0, 3), 360)
        month, day = divmod(self.day - 1, 30)
        return f"2026-{month + 1:02d}-{min(day + 1, 28):02d}"

    def unit(self):
        return self.rand.choice(self.units)

    # --- the operations -------------------------------------------------
    def add_household(self):
        unit = f"{self.rand.randint(1, 9)}-{self.rand.randint(1, 3)}-{self.rand.randint(1, 6)}0{self.rand.randint(1, 4)}"
        args = ["household", "add", unit, "--owner", self.rand.choice(NAMES),
                "--area", str(self.rand.randint(40, 140)), "--spaces", str(self.rand.randint(0, 2))]
        if self.rand.random() < 0.5:
            args += ["--phone", f"139{self.rand.randint(10000000, 99999999)}"]
        if self.run(*args).returncode == 0:
            self.units.append(unit)

    def edit_household(self):
        self.run("household", "edit", self.unit(), "--owner", self.rand.choice(NAMES),
                 "--area", str(self.rand.randint(40, 140)),
                 "--status", self.rand.choice(["occupied", "rented", "vacant"]))

    def bill(self):
        self.run("bill", "2026")

    def pay(self):
        proc = self.run("pay", self.unit(), str(self.rand.choice([30, 120, 360, 480, 1000])),
                        "--method", self.rand.choice(["cash", "wechat", "bank"]),
                        "--date", self.date())
        if proc.returncode == 0:
            self.receipts.append(proc.stdout.strip().split()[-1])

    def void(self):
        if self.receipts:
            self.run("void", self.receipts.pop(self.rand.randrange(len(self.receipts))),
                     "--reason", "录入错误")

    def waive(self):
        self.run("waive", self.unit(), self.rand.choice(FEES), "2026", "--reason", "困难户",
                 "--amount", str(self.rand.choice([10, 50, 120])))

    def spend(self):
        args = ["spend", str(self.rand.choice([20, 80, 300])), "--payee", "五金店",
                "--category", self.rand.choice(["repair", "cleaning", "office"]),
                "--method", "cash", "--date", self.date()]
        if self.votes and self.rand.random() < 0.3:
            args += ["--vote", self.rand.choice(self.votes)]
        self.run(*args)

    def vote_new(self):
        proc = self.run("vote", "new", "--title", f"议题{len(self.votes) + 1}",
                        "--matter", str(self.rand.randint(1, 9)), "--opens", self.date())
        if proc.returncode == 0:
            self.votes.append(proc.stdout.strip().split()[-1])

    def ballot(self):
        if self.votes:
            self.run("vote", "ballot", self.rand.choice(self.votes), self.unit(),
                     self.rand.choice(CHOICES), "--date", self.date())

    def close(self):
        if self.votes:
            self.run("vote", "close", self.rand.choice(self.votes))

    def fee(self):
        self.run("fee", "set", self.rand.choice(FEES), str(self.rand.choice([300, 360, 420])),
                 "--from", "2026-01-01")

    def setting(self):
        if self.rand.random() < 0.5:
            self.run("member", "add", self.rand.choice(NAMES), "--role", "委员")
        else:
            self.run("spend-limit", str(self.rand.choice([1000, 5000])))

    def step(self):
        ops = [self.pay] * 4 + [self.bill, self.void, self.waive, self.spend, self.spend,
                                self.vote_new, self.ballot, self.ballot, self.close,
                                self.edit_household, self.add_household, self.fee, self.setting]
        self.rand.choice(ops)()

    def check(self):
        # verified on the day the walk writes on: verify refuses an entry
        # recorded on a day that has not come (after the day after today)
        env = dict(os.environ, COMMUNITY_LEDGER_NOW="2026-12-31T10:00:00+08:00")
        proc = subprocess.run([BINARY, "--book", self.book, "verify"], capture_output=True,
                              text=True, timeout=120, env=env)
        self.test.assertEqual(proc.returncode, 0, proc.stderr + "\n" + "\n".join(self.log[-5:]))
        self.test.assertEqual(proc.stdout.split()[-1],
                              reference_fingerprint.fingerprint(self.book))
        self.test.assertEqual(reference_fingerprint.commitment_mismatches(self.book), [])


class ReplayProperty(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="replay-walk-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_random_walks(self):
        for seed in SEEDS:
            with self.subTest(seed=seed):
                walk = Walk(self, seed, self.dir)
                walk.run("init", "--name", f"随机小区{seed}")
                for _ in range(4):
                    walk.add_household()
                walk.check()
                for _ in range(STEPS):
                    before = os.path.getmtime(walk.book)
                    walk.step()
                    if os.path.getmtime(walk.book) != before:
                        walk.check()
                walk.check()


if __name__ == "__main__":
    unittest.main(verbosity=2)
