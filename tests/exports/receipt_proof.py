#!/usr/bin/python3
"""receipt_proof.py — a receipt checked from its QR text alone.

Written from docs/leaf-format.md ("Receipts: rebuilding the leaf from the
QR") and RFC 9162 §2.1.3.2, not from the C: the QR text is read line by
line, the payment's leaf rebuilt, hashed with hashlib and the printed audit
path walked to the printed root.

    check(text) -> (True, fields) or (False, reason)
    python3 receipt_proof.py FILE    (exit 0 proven, 3 not)
"""
import hashlib
import re
import sys

METHODS = {"cash": "现金", "wechat": "微信", "alipay": "支付宝", "bank": "银行转账"}
MONEY = re.compile(r"¥(0|[1-9][0-9]{0,2}(,[0-9]{3})*)\.([0-9][0-9])")
FEE_CODE = re.compile(r"[a-z][a-z0-9_-]{0,31}")
HEX64 = re.compile(r"[0-9a-f]{64}")


class NotProven(Exception):
    pass


def fen(text):
    """'¥1,200.00' -> 120000; anything else is not a receipt's amount."""
    m = MONEY.fullmatch(text)
    if not m or (m.group(1) == "0" and m.group(3) == "00"):
        raise NotProven(f"not an amount as a receipt prints it: {text!r}")
    return int(m.group(1).replace(",", "")) * 100 + int(m.group(3))


def unescape(text):
    """The leaf's header escapes (\\\\, \\n, \\r) undone."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            nxt = text[i + 1:i + 2]
            if nxt not in ("\\", "n", "r"):
                raise NotProven(f"a backslash before {nxt!r}")
            out.append({"\\": "\\", "n": "\n", "r": "\r"}[nxt])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def escape(value, in_split):
    value = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return value.replace("|", "\\|") if in_split else value


class Lines:
    def __init__(self, lines):
        self.lines, self.i = lines, 0

    def peek(self):
        return self.lines[self.i] if self.i < len(self.lines) else None

    def take(self, label, optional=False):
        line = self.peek()
        if line is not None and line.startswith(label + "："):
            self.i += 1
            return line[len(label) + 1:]
        if optional:
            return None
        raise NotProven(f"line {self.i + 1}: expected {label}：, found {line!r}")


def parse_item(line):
    """'2025年度物业费（property）：¥1,200.00' -> ('property', 2025, 120000)."""
    before, _, amount = line.rpartition("：")
    if not re.fullmatch(r"[0-9]{4}年度.*", before, re.S) or not before.endswith("）"):
        raise NotProven(f"not an item line: {line!r}")
    code = before[before.rfind("（") + 1:-1]
    if "（" not in before or not FEE_CODE.fullmatch(code):
        raise NotProven(f"no fee code in {line!r}")
    return code, int(before[:4]), fen(amount)


def parse(text):
    text = text.replace("\r\n", "\n").rstrip("\n")
    lines = text.split("\n")
    if len(lines) < 2 or lines[0] != "小区公账收据":
        raise NotProven("not a receipt's QR text")
    r = Lines(lines)
    r.i = 2
    f = {"number": unescape(r.take("收据号"))}
    if not re.fullmatch(r"[0-9]{4}-[0-9]{6}", f["number"]):
        raise NotProven(f"not a receipt number: {f['number']!r}")
    f["unit"] = unescape(r.take("户号"))
    r.take("缴款人")
    f["items"] = []
    while r.peek() is not None and r.peek()[:1] in "0123456789" and r.peek()[:1] != "":
        f["items"].append(parse_item(r.peek()))
        r.i += 1
    credit = r.take("预交款", optional=True)
    f["credit"] = fen(credit) if credit is not None else 0
    f["total"] = fen(r.take("合计"))
    method = re.fullmatch(r"(.+)（([a-z]+)）", r.take("方式"))
    if not method or METHODS.get(method.group(2)) != method.group(1):
        raise NotProven("the method's name is not its code's")
    f["method"] = method.group(2)
    f["date"] = unescape(r.take("日期"))
    f["recorded_at"] = unescape(r.take("登记时间"))
    f["operator"] = unescape(r.take("经手人"))
    status = r.take("状态", optional=True)
    if status not in (None, "已作废"):
        raise NotProven(f"unknown status {status!r}")
    f["voided"] = status is not None
    entry = r.take("条目")
    if not re.fullmatch(r"[1-9][0-9]*", entry):
        raise NotProven(f"not an entry number: {entry!r}")
    f["entry"] = int(entry)
    f["version"] = r.take("叶版本")
    if f["version"] not in ("1", "2"):
        raise NotProven(f"unknown leaf version {f['version']!r}")
    f["leaf_hash"] = r.take("叶哈希")
    path = r.take("路径")
    f["path"] = path.split(",") if path else []
    size, _, root = r.take("账本指纹").partition(":")
    if not re.fullmatch(r"[1-9][0-9]*", size):
        raise NotProven("not a fingerprint")
    f["size"], f["root"] = int(size), root
    for h in [f["leaf_hash"], f["root"], *f["path"]]:
        if not HEX64.fullmatch(h):
            raise NotProven(f"not a hash: {h!r}")
    if r.peek() is not None:
        raise NotProven(f"line {r.i + 1} is one more: {r.peek()!r}")
    return f


def leaf(f):
    """The payment's leaf, as docs/leaf-format.md writes it."""
    unit = f["unit"]
    lines = [f"community-ledger leaf v{f['version']}",
             f"index: {f['entry']}", "kind: payment", f"date: {escape(f['date'], False)}",
             f"recorded_at: {escape(f['recorded_at'], False)}",
             f"operator: {escape(f['operator'], False)}",
             f"ref: {escape(f['number'], False)}", f"memo: {escape(unit, False)}", "reverses: ",
             f"split: {f['method']}||{f['total']}"]
    if f["total"] - f["credit"]:
        lines.append(f"split: receivable|{escape(unit, True)}|{-(f['total'] - f['credit'])}")
    if f["credit"]:
        lines.append(f"split: prepaid|{escape(unit, True)}|{-f['credit']}")
    if f["version"] == "2":
        lines.append("fact: receipt|" + "|".join(escape(v, True) for v in
                                                 (f["number"], unit, str(f["total"]), f["method"])))
        for code, year, amount in f["items"]:
            lines.append("fact: allocation|" + "|".join(escape(v, True) for v in
                                                        (unit, code, str(year), "payment", str(amount))))
    return ("\n".join(lines) + "\n").encode("utf-8")


def verify_inclusion(leaf_hash, index, size, path, root):
    """RFC 9162 §2.1.3.2."""
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


def check(text):
    try:
        f = parse(text)
        if sum(a for _, _, a in f["items"]) + f["credit"] != f["total"]:
            raise NotProven("the items and the credit do not add up to the total")
        leaf_hash = hashlib.sha256(b"\x00" + leaf(f)).digest()
        if leaf_hash.hex() != f["leaf_hash"]:
            raise NotProven(f"the rebuilt leaf hashes to {leaf_hash.hex()}, not {f['leaf_hash']}")
        if not verify_inclusion(leaf_hash, f["entry"] - 1, f["size"],
                                [bytes.fromhex(h) for h in f["path"]], bytes.fromhex(f["root"])):
            raise NotProven("the path does not lead to the root")
        return True, f
    except NotProven as e:
        return False, str(e)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        ok, what = check(fh.read())
    print("proven" if ok else f"not proven: {what}")
    sys.exit(0 if ok else 3)
