#!/usr/bin/python3
"""An independent implementation of the book's fingerprint, written from
docs/leaf-format.md alone: it reads the journal with Python's sqlite3, builds
each canonical leaf (version 1 or 2), computes the RFC 6962 tree head with
hashlib, and recomputes every owner commitment of the version-2 household
facts from the salts and owner records the book keeps.

Usage: reference_fingerprint.py BOOK  →  prints SIZE:ROOT (and exits 1 when a
commitment does not match)
"""
import hashlib
import sqlite3
import sys


def escape(value, in_split=False):
    value = (value or "").replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return value.replace("|", "\\|") if in_split else value


def split_fields(text):
    """A fact's text → its name and unescaped fields."""
    fields, field, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            nxt = text[i + 1]
            field.append({"\\": "\\", "n": "\n", "r": "\r", "|": "|"}[nxt])
            i += 2
            continue
        if c == "|":
            fields.append("".join(field))
            field = []
        else:
            field.append(c)
        i += 1
    fields.append("".join(field))
    return fields


def connect(path):
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def has_column(db, table, column):
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


def entries(db):
    """(index, version, leaf text, facts) for every journal entry."""
    versioned = has_column(db, "txns", "leaf")
    txns = db.execute("SELECT id, kind, date, recorded_at, operator, ref, memo, reverses, "
                      + ("leaf" if versioned else "1") + " FROM txns ORDER BY id").fetchall()
    for (index, kind, date, recorded_at, operator, ref, memo, reverses, version) in txns:
        lines = [f"community-ledger leaf v{version}", f"index: {index}", f"kind: {escape(kind)}",
                 f"date: {escape(date)}", f"recorded_at: {escape(recorded_at)}",
                 f"operator: {escape(operator)}", f"ref: {escape(ref)}", f"memo: {escape(memo)}",
                 f"reverses: {reverses if reverses else ''}"]
        for account, unit, amount in db.execute(
                "SELECT s.account, h.unit, s.amount FROM splits s"
                " LEFT JOIN households h ON h.id = s.household_id"
                " WHERE s.txn_id = ? ORDER BY s.seq", (index,)):
            lines.append(f"split: {escape(account, True)}|{escape(unit, True)}|{amount}")
        facts = []
        if version == 2:
            facts = [row[0] for row in db.execute(
                "SELECT fact FROM facts WHERE txn_id = ? ORDER BY seq", (index,))]
            lines.extend(f"fact: {fact}" for fact in facts)
        yield index, version, ("\n".join(lines) + "\n").encode("utf-8"), facts


def leaves(path):
    db = connect(path)
    for _, _, leaf, _ in entries(db):
        yield leaf


def commitment(salt, field, value):
    return hashlib.sha256(f"{salt}\n{field}\n{value}".encode("utf-8")).hexdigest()


def commitment_mismatches(path):
    """Every household fact whose commitments the book's salts and owner
    records do not reproduce, as (entry, unit, field) tuples."""
    db = connect(path)
    if not has_column(db, "txns", "leaf"):
        return []
    salts = dict(db.execute("SELECT unit, salt FROM household_salts"))
    records = {(txn, unit): (owner, phone) for txn, unit, owner, phone in
               db.execute("SELECT txn_id, unit, owner, phone FROM owner_records")}
    wrong = []
    for index, version, _, facts in entries(db):
        for fact in facts:
            fields = split_fields(fact)
            if fields[0] != "household":
                continue
            unit, owner_commitment, phone_commitment = fields[1], fields[7], fields[8]
            owner, phone = records.get((index, unit), (None, None))
            salt = salts.get(unit)
            if salt is None or owner is None or commitment(salt, "owner", owner) != owner_commitment:
                wrong.append((index, unit, "owner"))
            if salt is None or phone is None or commitment(salt, "phone", phone) != phone_commitment:
                wrong.append((index, unit, "phone"))
    return wrong


# The snapshot's tables, their keys and which rows the earlier entries wrote.
SNAPSHOT_TABLES = [
    ("fees", "id", "txn_id < ?"), ("charges", "id", "txn_id < ?"),
    ("allocations", "txn_id, charge_id", "txn_id < ?"), ("receipts", "number", "txn_id < ?"),
    ("voids", "receipt", "txn_id < ?"), ("waivers", "id", "txn_id < ?"),
    ("expenditures", "id", "txn_id < ?"), ("attachments", "id", "txn_id < ?"),
    ("votes", "id", "txn_id < ?"), ("ballots", "id", "txn_id < ?"),
    ("vote_results", "vote_id", "txn_id < ?"), ("notices", "id", "txn_id < ?"),
    ("notice_files", "notice_id, kind", "notice_id IN (SELECT id FROM notices WHERE txn_id < ?)"),
    ("announcements", "expenditure_id",
     "notice_id IN (SELECT id FROM notices WHERE txn_id < ?)"),
]


def row_text(row):
    def value(v):
        if v is None:
            return "\\N"
        if isinstance(v, int):
            return str(v)
        return escape(v, True)
    return "|".join(value(v) for v in row) + "\n"


def snapshot_mismatches(path):
    """The tables whose rows before the upgrade do not give the digest the
    snapshot entry committed to (docs/leaf-format.md)."""
    db = connect(path)
    if not has_column(db, "txns", "leaf"):
        return []
    wrong = []
    for index, _, _, facts in entries(db):
        for fact in facts:
            fields = split_fields(fact)
            if fields[0] != "snapshot":
                continue
            table, rows, digest = fields[1:]
            key, where = next((k, w) for t, k, w in SNAPSHOT_TABLES if t == table)
            found = db.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY {key}",
                               (index,)).fetchall()
            text = "".join(row_text(r) for r in found).encode("utf-8")
            if str(len(found)) != rows or hashlib.sha256(text).hexdigest() != digest:
                wrong.append(table)
    return wrong


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
    sys.exit(1 if commitment_mismatches(sys.argv[1]) or snapshot_mismatches(sys.argv[1]) else 0)
