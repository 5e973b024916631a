#!/usr/bin/python3
"""An independent implementation of the book's fingerprint, written from the
README's "Verifying the books" section alone: it reads the journal with
Python's sqlite3, builds each canonical leaf, and computes the RFC 6962 tree
head with hashlib. Usage: reference_fingerprint.py BOOK  →  prints SIZE:ROOT
"""
import hashlib
import sqlite3
import sys


def escape(value, in_split=False):
    value = (value or "").replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return value.replace("|", "\\|") if in_split else value


def leaves(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    txns = db.execute("SELECT id, kind, date, recorded_at, operator, ref, memo, reverses"
                      " FROM txns ORDER BY id").fetchall()
    for (index, kind, date, recorded_at, operator, ref, memo, reverses) in txns:
        lines = ["community-ledger leaf v1", f"index: {index}", f"kind: {escape(kind)}",
                 f"date: {escape(date)}", f"recorded_at: {escape(recorded_at)}",
                 f"operator: {escape(operator)}", f"ref: {escape(ref)}", f"memo: {escape(memo)}",
                 f"reverses: {reverses if reverses else ''}"]
        for account, unit, amount in db.execute(
                "SELECT s.account, h.unit, s.amount FROM splits s"
                " LEFT JOIN households h ON h.id = s.household_id"
                " WHERE s.txn_id = ? ORDER BY s.seq", (index,)):
            lines.append(f"split: {escape(account, True)}|{escape(unit, True)}|{amount}")
        yield ("\n".join(lines) + "\n").encode("utf-8")


def mth(hashes):
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return hashlib.sha256(b"\x01" + mth(hashes[:k]) + mth(hashes[k:])).digest()


def fingerprint(path):
    hashes = [hashlib.sha256(b"\x00" + leaf).digest() for leaf in leaves(path)]
    root = mth(hashes) if hashes else hashlib.sha256(b"").digest()
    return f"{len(hashes)}:{root.hex()}"


if __name__ == "__main__":
    print(fingerprint(sys.argv[1]))
