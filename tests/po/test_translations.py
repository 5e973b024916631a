#!/usr/bin/env python3
"""The Chinese translation is complete, and nothing escapes it.

1. Every source, .ui and data file of the project that has a translatable
   string is listed in po/POTFILES.in, and every file listed exists: a
   string in a file that is not listed would never reach the translators.
2. The strings of those files, extracted afresh with xgettext (as
   `meson compile community-ledger-pot` does), are all translated in
   po/zh_CN.po: not one is untranslated or fuzzy.
3. No message is cut short at a format macro xgettext cannot expand
   (G_GINT64_FORMAT: use PRId64).
4. Every translation keeps the printf conversions and the mnemonic of
   its original (msgfmt --check), so a Chinese string can't crash a
   g_strdup_printf().
5. The operation a failing query names ("while reading receipts"), the
   "doing" argument of ledger_book_set_sqlite_error() and its siblings, is
   an N_()-marked literal: a bare one would put English into the Chinese
   message ("（操作：reading receipts）"). With 2, each is then translated.

Usage: test_translations.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
PO = os.path.join(ROOT, "po", "zh_CN.po")
FOLDERS = ("app", "ui", "ledger", "exports", "data")

# What marks a string for translation in C, in GtkBuilder files and in the
# data files merged with i18n.merge_file().
C_MARKERS = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')
UI_MARKER = 'translatable="yes"'
DATA_SUFFIXES = (".desktop.in", ".metainfo.xml.in", ".gschema.xml")

# xgettext's keywords for GLib's gettext macros (meson's "glib" preset).
KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
            "g_dpgettext2:2c,3"]

failures = []


def fail(message):
    failures.append(message)
    print("not ok:", message)


def listed_files():
    with open(os.path.join(ROOT, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def translatable(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith(".c"):
        return bool(C_MARKERS.search(text))
    if path.endswith(".ui"):
        return UI_MARKER in text
    if path.endswith(".gschema.xml"):
        return "gettext-domain" in text
    return path.endswith(DATA_SUFFIXES)


def check_potfiles():
    listed = listed_files()
    for path in listed:
        if not os.path.exists(os.path.join(ROOT, path)):
            fail(f"po/POTFILES.in lists {path}, which does not exist")
    for folder in FOLDERS:
        for dirpath, _dirs, names in os.walk(os.path.join(ROOT, folder)):
            for name in sorted(names):
                path = os.path.relpath(os.path.join(dirpath, name), ROOT)
                if "screenshots" in path.split(os.sep):
                    continue
                if not (name.endswith((".c", ".ui")) or name.endswith(DATA_SUFFIXES)):
                    continue
                if translatable(path) and path not in listed:
                    fail(f"{path} has translatable strings but is not in po/POTFILES.in")
    print(f"ok: po/POTFILES.in lists {len(listed)} files")


def extract(pot):
    files = [p for p in listed_files() if os.path.exists(os.path.join(ROOT, p))]
    c_like = [p for p in files if p.endswith(".c")]
    others = [p for p in files if not p.endswith(".c")]
    base = ["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=community-ledger",
            "-o", pot, "--directory", ROOT]
    subprocess.run(base + ["--language=C"] + [f"--keyword={k}" for k in KEYWORDS] + c_like,
                   check=True)
    for path in others:
        extra = []
        if path.endswith(".gschema.xml"):
            extra = ["--its", "/usr/share/glib-2.0/gettext/its/gschema.its"] \
                if os.path.exists("/usr/share/glib-2.0/gettext/its/gschema.its") else []
        if path.endswith(".in"):
            # i18n.merge_file() inputs: xgettext knows them by their inner name.
            lang = "Desktop" if path.endswith(".desktop.in") else None
            extra += [f"--language={lang}"] if lang else []
            if path.endswith(".metainfo.xml.in"):
                its = "/usr/share/gettext/its/metainfo.its"
                extra += ["--its", its] if os.path.exists(its) else ["--language=AppData"]
        subprocess.run(base + ["--join-existing"] + extra + [path], check=True)


# Functions whose argument (0-based index) names the operation in a
# translated message; a forwarder passes its own parameter, named doing.
DOING_ARGS = {"ledger_book_set_sqlite_error": 2, "ledger_sql_set_error": 2,
              "ledger_book_finish_rows": 3, "ledger_sql_finish_rows": 3,
              "ledger_book_finish_row": 3, "ledger_sql_finish_row": 3,
              # forwarders of a doing string (ledger-payment.c's receipt reader)
              "ledger_receipts_of_household": 2, "read_receipts": 5,
              "read_receipt_rows": 4, "read_receipt_lines": 3}
DOING_CALL = re.compile(r'\b(' + "|".join(DOING_ARGS) + r')\s*\(')
MARKED_LITERAL = re.compile(r'^N_\s*\(\s*"(?:[^"\\]|\\.)*"\s*\)$')


def call_arguments(text, start):
    """The arguments of the call whose "(" is at text[start - 1]."""
    args, depth, current, i = [], 0, [], start
    while i < len(text):
        c = text[i]
        if c == '"':
            end = i + 1
            while text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            current.append(text[i:end + 1])
            i = end + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append("".join(current).strip())
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    return args


def check_doing_arguments():
    calls = 0
    for folder in FOLDERS:
        for dirpath, _dirs, names in os.walk(os.path.join(ROOT, folder)):
            for name in sorted(n for n in names if n.endswith(".c")):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                for match in DOING_CALL.finditer(text):
                    args = call_arguments(text, match.end())
                    index = DOING_ARGS[match.group(1)]
                    if len(args) <= index:
                        continue  # the definition's parameter list, or a pointer
                    doing = " ".join(args[index].split())
                    line = text.count("\n", 0, match.start()) + 1
                    where = f"{os.path.relpath(path, ROOT)}:{line}"
                    # A definition's parameter, or a forwarder passing it on.
                    if re.search(r'(?:^|\W)doing$', doing):
                        continue
                    calls += 1
                    if not MARKED_LITERAL.match(doing):
                        fail(f"{where}: the operation {doing} of {match.group(1)}() "
                             "must be an N_()-marked literal")
    print(f"ok: {calls} operation names passed to the SQL error helpers")


def check_translations():
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "community-ledger.pot")
        extract(pot)
        # A message cut short where a macro such as G_GINT64_FORMAT stood:
        # xgettext does not expand it, so the program asks for a string no
        # catalogue has. (PRId64 and friends are understood.)
        with open(pot, encoding="utf-8") as f:
            for msgid in re.findall(r'^msgid "(%|.*[^%]%)"$', f.read(), re.M):
                fail(f"message cut short at a format macro (use PRId64): {msgid}")
        merged = os.path.join(tmp, "zh_CN.po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, PO, pot],
                       check=True)
        untranslated = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                      capture_output=True, text=True, check=True).stdout
        fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", PO],
                               capture_output=True, text=True, check=True).stdout
        for name, text in (("untranslated", untranslated), ("fuzzy", fuzzy)):
            # Each entry's msgid, the lines of a long one joined.
            for entry in re.findall(r'^msgid ((?:".*"\n)+)', text, re.M):
                msgid = "".join(re.findall(r'"(.*)"', entry))
                if msgid:
                    fail(f"{name} in po/zh_CN.po: {msgid}")
        stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                               capture_output=True, text=True)
        if stats.returncode != 0:
            fail("msgfmt --check: " + stats.stderr.strip().replace("\n", " | "))
        print("ok:", stats.stderr.strip().splitlines()[-1] if stats.stderr.strip() else "msgfmt")


check_potfiles()
check_doing_arguments()
check_translations()
print(f"{len(failures)} problems")
sys.exit(1 if failures else 0)
