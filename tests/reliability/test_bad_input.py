#!/usr/bin/python3
"""test_bad_input.py — the bad-input battery ("Nothing lost")

Every command of the command line is run against a TABLE of bad values,
applied to each of its arguments and options where they make sense:
amounts (12.345, -5, 1e3, NaN, fourteen full-width nines, empty, spaces, ¥,
1,2,3), dates (2026-02-30, 2026/13/01, empty), units (unknown, malformed,
duplicate), over-long text (10,000 characters), control characters
(a\\x01b, a\\tb, a\\nb), invalid UTF-8 (the bytes FF FE, passed as a bytes
argument), files that are missing, are folders or are not what they should
be, and household CSV files with wrong columns, mixed encodings, duplicate
units, no rows, only a header, UTF-16 … (and payment statements for
`pay --batch` with the same faults, unknown units and bad amounts).

The README's rules decide what each case must do:

- exit 2 ("bad usage or bad input — nothing was written"); exit 1 where
  the README says the program could not do it: a file that cannot be
  written or read (`verify --export`: "1 the file cannot be read"), a
  foreign or damaged book given to `restore`; exit 3 where `verify
  --export` is given a file that is not a workbook;
- stderr holds one line per problem ("Try … --help" hints aside), and every
  line names the field (the option, the argument, `line N` of a CSV file,
  or the file); no control characters, no screenful-long line;
- `sqlite3 BOOK .dump` is identical before and after, BOOK.files/ holds
  the same files, and no file appeared next to the book (no half-written
  output, no new book for `init` and `demo`, which run on a fresh path).

The cases are generated from the table and run in parallel on identical
copies of one book (BAD_INPUT_JOBS, default four per CPU, at most 16).
After each case its copy is checked once: when the file's bytes are still the template's the dump is
necessarily the same; otherwise `sqlite3 BOOK .dump` is compared, and a
copy a case changed is restored from the template so that the next case
starts clean. One test per command reports every failing case with a
command line that reproduces it (BAD_INPUT_REPORT=FILE also writes them
all to FILE, one per line).

    COMMUNITY_LEDGER=/tmp/build-bad/app/community-ledger \\
        /usr/bin/python3 tests/reliability/test_bad_input.py -v
"""

import hashlib
import os
import queue
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get('COMMUNITY_LEDGER') or os.path.join(
    HERE, '..', '..', 'build', 'app', 'community-ledger')
JOBS = int(os.environ.get('BAD_INPUT_JOBS', str(min(16, 4 * (os.cpu_count() or 1)))))
NOW = '2026-06-30T10:00:00+08:00'

# ---------------------------------------------------------------------------
# The table of bad values

LONG = 'x' * 10000
CONTROL = ['a\x01b', 'a\tb', 'a\nb']
NOT_UTF8 = b'\xff\xfe'
# Wherever a value is text: too long, control characters, invalid UTF-8.
GENERIC = [LONG, *CONTROL, NOT_UTF8]
BLANK = ['', '  ']
AMOUNTS = ['12.345', '-5', '1e3', 'NaN', '９９９９９９９９９９９９９９', '', '  ', '¥', '1,2,3',
           *GENERIC]
DATES = ['2026-02-30', '2026/13/01', '', '  ', *GENERIC]
# Issue 13: an entry is not dated after today (NOW) unless days-ahead allows it.
FUTURE = ['2026-07-01', '2031-01-01', '2062-06-30']
UNITS_UNKNOWN = ['9-9-999', '3-2', 'a-b-c', '', *GENERIC]      # a unit of the book is wanted
UNITS_NEW = ['1-1-101', '3-2', 'a-b-c', '', *GENERIC]          # a new unit is wanted: 1-1-101 exists
TEXT_REQUIRED = [*BLANK, *GENERIC]
TEXT_OPTIONAL = GENERIC                                       # blank clears or omits: not bad
ENUM = ['bogus', '', *GENERIC]
INTEGER = ['abc', '-1', '1e3', '', LONG]                      # G_OPTION_ARG_INT options
VOTE_IDS = ['x', '0', '-5', '', '99', '1.5', *GENERIC]
RECEIPTS = ['2026-1', '', '2026-999999', *GENERIC]
YEARS = ['20x6', '', '  ', '-5', '99999', '1800', 'NaN', '1e3', *GENERIC]
PERIODS = ['2026-Q5', '2026-13', '2026-02-30', '2026/13', '', '  ', *GENERIC]

# Files, relative to the shared input folder {I} or the worker's folder {W}.
MISSING_DIR = '{I}/no-such-folder/out'     # its folder does not exist: cannot be written
A_FOLDER = '{I}/a-folder'                  # a folder where a file is wanted
MISSING_FILE = '{I}/no-such-file'


def dash_first(value):
    return (value.startswith(b'-') if isinstance(value, bytes) else value.startswith('-'))


def option_tokens(option):
    """How a message may name an option: --move-in, move-in, move in, move_in."""
    bare = option.lstrip('-')
    return (option, bare, bare.replace('-', ' '), bare.replace('-', '_'))


class Case:
    """One run: argv after `--book BOOK`, the exit status it must have, and
    the words of which every stderr line must hold one."""

    def __init__(self, command, where, value, argv, tokens, expect=2, fresh=False,
                 one_line=True, lines=(), not_lines=()):
        self.command = command          # the group it is reported under
        self.where = where              # the argument or option it is about
        self.value = value
        self.argv = argv
        self.tokens = tuple(tokens)
        self.expect = expect
        self.fresh = fresh              # runs on a path where no book is
        self.one_line = one_line
        self.lines = tuple(lines)       # "line N" that must be named (CSV)
        self.not_lines = tuple(not_lines)


def build(words, positionals=(), options=()):
    """argv: the command words, options, then the positionals (after "--"
    when one starts with a dash, as a user must write it)."""
    dash = ['--'] if any(dash_first(p) for p in positionals) else []
    return [*words, *options, *dash, *positionals]


def options_list(options):
    out = []
    for name, value in options.items():
        if value is True:
            out.append(name)
        elif value is not None:
            out += [name, value]
    return out


class Command:
    """Generates the cases of one command from its valid form."""

    def __init__(self, cases, name, words, positionals=(), options=None, fresh=False):
        self.cases = cases
        self.name = name
        self.words = words
        self.positionals = list(positionals)
        self.options = dict(options or {})
        self.fresh = fresh

    def positional(self, index, label, values, tokens, expect=2, options=None):
        for value in values:
            args = list(self.positionals)
            args[index] = value
            opts = dict(self.options, **(options or {}))
            self.cases.append(Case(self.name, label, value,
                                   build(self.words, args, options_list(opts)),
                                   tokens, expect=expect, fresh=self.fresh))

    def option(self, option, values, tokens=None, expect=2, positionals=None, options=None):
        tokens = option_tokens(option) if tokens is None else tokens
        for value in values:
            opts = dict(self.options, **(options or {}))
            opts[option] = value
            self.cases.append(Case(self.name, option, value,
                                   build(self.words, positionals or self.positionals,
                                         options_list(opts)),
                                   tokens, expect=expect, fresh=self.fresh))

    def state(self, label, positionals=None, options=None, tokens=(), expect=2):
        """A good-looking value that the book's state makes wrong."""
        opts = dict(self.options, **(options or {}))
        self.cases.append(Case(self.name, label, None,
                               build(self.words, positionals or self.positionals,
                                     options_list(opts)),
                               tokens, expect=expect, fresh=self.fresh))


# ---------------------------------------------------------------------------
# Household CSV files: (name, bytes, lines that must be named, lines that must not)

def csv_cases():
    def utf8(text):
        return text.encode('utf-8')

    header = 'unit,owner,area,phone,spaces,owner_key,status,move_in\n'
    good = '3-1-101,赵六,80,,0,,,\n'
    files = [
        ('wrong-columns', utf8('房号,姓名,大小\n3-1-101,赵六,80\n'), (), ()),
        ('foreign-columns', utf8('foo,bar,baz\n3-1-101,赵六,80\n'), (), ()),
        ('missing-area', utf8('unit,owner\n3-1-101,赵六\n'), (), ()),
        ('unknown-column', utf8('unit,owner,area,colour\n3-1-101,赵六,80,red\n'), (), ()),
        ('duplicate-column', utf8('unit,owner,area,面积\n3-1-101,赵六,80,80\n'), (), ()),
        ('no-header', utf8('3-1-101,赵六,80\n3-1-102,孙七,81\n'), (), ()),
        ('mixed-utf8-then-gb18030',
         utf8('unit,owner,area\n3-1-101,张三,50\n') + '3-1-102,李四,60\n'.encode('gb18030'), (), ()),
        ('mixed-gb18030-then-utf8',
         'unit,owner,area\n3-1-101,李四,60\n'.encode('gb18030') + utf8('3-1-102,张三,50\n'), (), ()),
        ('duplicate-units', utf8('unit,owner,area\n3-1-101,赵六,80\n3-1-101,孙七,81\n'),
         ('line 3',), ('line 2:',)),
        ('unit-in-the-book', utf8('unit,owner,area\n3-1-101,赵六,80\n1-1-101,王伟,89.5\n'),
         ('line 3',), ('line 2:',)),
        ('zero-rows', b'', (), ()),
        ('only-a-header', utf8('unit,owner,area\n'), (), ()),
        ('header-and-blank-lines', utf8('unit,owner,area\n\n\n'), (), ()),
        ('utf-16', 'unit,owner,area\n3-1-101,赵六,80\n'.encode('utf-16'), (), ()),
        ('utf-16le-no-bom', 'unit,owner,area\n3-1-101,赵六,80\n'.encode('utf-16-le'), (), ()),
        ('utf-32', 'unit,owner,area\n3-1-101,赵六,80\n'.encode('utf-32'), (), ()),
        ('invalid-bytes', b'unit,owner,area\n3-1-101,\xff\xfe,80\n', (), ()),
        ('nul-byte', b'unit,owner,area\n3-1-101,a\x00b,80\n', (), ()),
        ('extra-field', utf8('unit,owner,area\n3-1-101,赵六,80\n3-1-102,孙七,81,多余\n'),
         ('line 3',), ('line 2:',)),
        ('missing-field', utf8('unit,owner,area\n3-1-101,赵六,80\n3-1-102,孙七\n'),
         ('line 3',), ('line 2:',)),
        ('unclosed-quote', utf8('unit,owner,area\n3-1-101,赵六,80\n3-1-102,"孙七,81\n'),
         ('line 3',), ('line 2:',)),
        ('several-bad-rows', utf8('unit,owner,area\n'
                                  '3-1-101,赵六,80\n'
                                  '3-1-102,,80\n'        # line 3: empty owner
                                  '3-1-103,孙七,abc\n'   # line 4: bad area
                                  '1-1-101,重复,50\n'    # line 5: already in the book
                                  '3-1-101,又来,60\n'),  # line 6: duplicate in the file
         ('line 3', 'line 4', 'line 5', 'line 6'), ('line 2:',)),
    ]

    def one_bad(column, value):
        fields = {'unit': '3-1-102', 'owner': '孙七', 'area': '81', 'phone': '', 'spaces': '0',
                  'owner_key': '', 'status': '', 'move_in': ''}
        fields[column] = value
        row = ','.join(fields[c] for c in
                       ('unit', 'owner', 'area', 'phone', 'spaces', 'owner_key', 'status',
                        'move_in'))
        return utf8(header + good + row + '\n')

    bad_columns = [('area', v) for v in AMOUNTS if isinstance(v, str) and v != 'a\nb']
    bad_columns += [('area', '"a\nb"'), ('unit', '3-2'), ('unit', 'a-b-c'), ('unit', ''),
                    ('unit', '9-9-9999999'), ('owner', ''), ('owner', '  '), ('owner', LONG),
                    ('owner', 'a\x01b'), ('owner', 'a\tb'), ('owner', '"a\nb"'),
                    ('phone', 'abc'), ('phone', '12'), ('phone', LONG), ('spaces', '-1'),
                    ('spaces', 'x'), ('spaces', '100'), ('owner_key', LONG),
                    ('owner_key', 'a\x01b'), ('status', 'sold'), ('move_in', '2026-02-30'),
                    ('move_in', '2026/13/01'), ('move_in', LONG)]
    for i, (column, value) in enumerate(bad_columns):
        shown = value if len(value) <= 20 else f'{value[:8]}… ({len(value)} characters)'
        files.append((f'{column}-{i:02} {column}={shown!r} on line 3', one_bad(column, value),
                      ('line 3',), ('line 2:',)))
    return files


def pay_csv_cases():
    """Payment statements for `pay --batch`: (name, bytes, lines that must
    be named, lines that must not)."""
    def utf8(text):
        return text.encode('utf-8')

    header = 'unit,amount,method,date\n'
    good = '1-1-101,10,,\n'
    files = [
        ('wrong-columns', utf8('房号,钱,方式\n1-1-101,10,现金\n'), (), ()),
        ('foreign-columns', utf8('foo,bar\n1-1-101,10\n'), (), ()),
        ('missing-amount', utf8('unit,method\n1-1-101,cash\n'), (), ()),
        ('missing-unit', utf8('amount,date\n10,2026-01-05\n'), (), ()),
        ('unknown-column', utf8('unit,amount,memo\n1-1-101,10,x\n'), (), ()),
        ('duplicate-column', utf8('unit,amount,金额\n1-1-101,10,10\n'), (), ()),
        ('household-register', utf8('unit,owner,area\n3-1-101,赵六,80\n'), (), ()),
        ('no-header', utf8('1-1-101,10\n1-1-102,20\n'), (), ()),
        ('mixed-utf8-then-gb18030',
         utf8('unit,amount,method\n1-1-101,10,现金\n') + '1-1-102,10,微信\n'.encode('gb18030'),
         (), ()),
        ('mixed-gb18030-then-utf8',
         'unit,amount,method\n1-1-101,10,微信\n'.encode('gb18030') + utf8('1-1-102,10,现金\n'),
         (), ()),
        ('zero-rows', b'', (), ()),
        ('only-a-header', utf8('unit,amount\n'), (), ()),
        ('header-and-blank-lines', utf8('unit,amount\n\n,\n\n'), (), ()),
        ('utf-16', 'unit,amount\n1-1-101,10\n'.encode('utf-16'), (), ()),
        ('utf-16le-no-bom', 'unit,amount\n1-1-101,10\n'.encode('utf-16-le'), (), ()),
        ('utf-32', 'unit,amount\n1-1-101,10\n'.encode('utf-32'), (), ()),
        ('invalid-bytes', b'unit,amount,method\n1-1-101,10,\xff\xfe\n', (), ()),
        ('nul-byte', b'unit,amount\n1-1-101,1\x000\n', (), ()),
        ('extra-field', utf8('unit,amount\n1-1-101,10\n1-1-102,10,多余\n'),
         ('line 3',), ('line 2:',)),
        ('missing-field', utf8('unit,amount,method\n1-1-101,10,cash\n1-1-102,10\n'),
         ('line 3',), ('line 2:',)),
        ('unclosed-quote', utf8('unit,amount\n1-1-101,10\n1-1-102,"10\n'),
         ('line 3',), ('line 2:',)),
        ('unknown-unit', utf8('unit,amount\n1-1-101,10\n9-9-999,10\n'),
         ('line 3',), ('line 2:',)),
        ('bad-amount-on-one-line', utf8('unit,amount\n1-1-101,10\n1-1-102,12.345\n2-1-101,10\n'),
         ('line 3',), ('line 2:', 'line 4:')),
        ('several-bad-rows', utf8(header + good +
                                  '9-9-999,10,,\n'              # line 3: not registered
                                  '1-1-102,abc,,\n'             # line 4: bad amount
                                  '2-1-101,10,paypal,\n'        # line 5: bad method
                                  '1-1-102,10,,2026-02-30\n'    # line 6: no such date
                                  '3-2,0,bogus,2026/13/01\n'),  # line 7: all four
         ('line 3', 'line 4', 'line 5', 'line 6', 'line 7'), ('line 2:',)),
    ]

    def one_bad(column, value):
        fields = {'unit': '1-1-102', 'amount': '20', 'method': '', 'date': ''}
        fields[column] = value
        row = ','.join(fields[c] for c in ('unit', 'amount', 'method', 'date'))
        return utf8(header + good + row + '\n')

    bad_columns = [('amount', v) for v in AMOUNTS + ['0']
                   if isinstance(v, str) and v != 'a\nb']
    bad_columns += [('amount', '"a\nb"')]
    bad_columns += [('unit', v) for v in ('9-9-999', '3-2', 'a-b-c', '', '  ', LONG,
                                          'a\x01b', 'a\tb', '"a\nb"')]
    bad_columns += [('method', v) for v in ('bogus', 'paypal', LONG, 'a\x01b', '"a\nb"')]
    bad_columns += [('date', v) for v in ('2026-02-30', '2026/13/01', LONG, 'a\x01b',
                                          '"a\nb"')]
    for i, (column, value) in enumerate(bad_columns):
        shown = value if len(value) <= 20 else f'{value[:8]}… ({len(value)} characters)'
        files.append((f'{column}-{i:02} {column}={shown!r} on line 3', one_bad(column, value),
                      ('line 3',), ('line 2:',)))
    return files


def csv_file_name(label):
    """The file a CSV case is written to: its label up to the first space."""
    return label.split(' ')[0] + '.csv'


# ---------------------------------------------------------------------------
# The cases, command by command

def all_cases():
    cases = []

    def cmd(name, words, positionals=(), options=None, fresh=False):
        return Command(cases, name, words, positionals, options, fresh)

    book = ('{BOOK}',)

    # init and demo make a new book: they run on a fresh path (nothing may
    # appear there), and once on the existing book (which must not change).
    c = cmd('init', ['init'], options={'--name': '新小区'}, fresh=True)
    c.option('--name', TEXT_REQUIRED)
    cmd('init', ['init'], options={'--name': '新小区'}).state('existing book', tokens=book)

    c = cmd('demo', ['demo'], options={'--households': '5', '--years': '1',
                                       '--end-year': '2026'}, fresh=True)
    c.option('--households', ['-5', 'abc', '1e3', '', '100001', LONG])
    c.option('--years', ['-1', 'abc', '51', '', LONG])
    c.option('--end-year', ['-1', 'abc', '1800', '99999', ''])
    c.option('--seed', ['-1', 'abc', '', LONG])
    c.option('--name', TEXT_REQUIRED)
    cmd('demo', ['demo'], options={'--households': '5', '--years': '1'}).state(
        'existing book', tokens=book)

    c = cmd('household add', ['household', 'add'], ['1-1-103'],
            {'--owner': '新业主', '--area': '50'})
    c.positional(0, 'UNIT', UNITS_NEW, ('unit',))
    c.option('--owner', TEXT_REQUIRED)
    c.option('--area', AMOUNTS)
    c.option('--phone', ['abc', '12', *GENERIC])
    c.option('--spaces', INTEGER + ['100'])
    c.option('--owner-key', TEXT_OPTIONAL)
    c.option('--status', ENUM)
    c.option('--move-in', [v for v in DATES if v not in BLANK])   # blank: no date

    c = cmd('household edit', ['household', 'edit'], ['1-1-101'])
    c.positional(0, 'UNIT', UNITS_UNKNOWN, ('unit',), options={'--owner': '王伟'})
    c.option('--owner', TEXT_REQUIRED)
    c.option('--area', AMOUNTS)
    c.option('--phone', ['abc', '12', *GENERIC])
    c.option('--spaces', INTEGER + ['100'])
    c.option('--owner-key', TEXT_OPTIONAL)
    c.option('--status', ENUM)
    c.option('--move-in', [v for v in DATES if v not in BLANK])   # blank clears it

    for label, data, lines, not_lines in csv_cases():
        path = '{I}/csv/' + csv_file_name(label)
        cases.append(Case('household import', 'FILE.csv', label,
                          ['household', 'import', path], ('line ', path), one_line=False,
                          lines=lines, not_lines=not_lines))
    c = cmd('household import', ['household', 'import'], ['{I}/x.csv'])
    c.positional(0, 'FILE.csv', [MISSING_FILE + '.csv'], (MISSING_FILE + '.csv',))
    c.positional(0, 'FILE.csv', [A_FOLDER], (A_FOLDER,))
    c.positional(0, 'FILE.csv', [b'{I}/\xff\xfe.csv'], ('.csv',))

    c = cmd('household show', ['household', 'show'], ['1-1-101'])
    c.positional(0, 'UNIT', UNITS_UNKNOWN, ('unit',))
    c.positional(0, 'UNIT', UNITS_UNKNOWN, ('unit',), options={'--json': True})

    c = cmd('fee set', ['fee', 'set'], ['property', '360'])
    c.positional(0, 'CODE', ['', 'Prop Fee', *GENERIC], ('fee code', 'code'))
    c.positional(1, 'AMOUNT', AMOUNTS, ('amount',))
    c.option('--per', ENUM)
    c.option('--from', DATES + ['2028-01-01', '1999-12-31'])   # after next year, before 2000
    c.option('--name', TEXT_REQUIRED)

    c = cmd('bill', ['bill'], ['2026'])
    c.positional(0, 'YEAR', YEARS + ['2028', '2062', '1999'], ('year',))

    c = cmd('pay', ['pay'], ['1-1-101', '10'])
    c.positional(0, 'UNIT', UNITS_UNKNOWN, ('unit',))
    c.positional(1, 'AMOUNT', AMOUNTS + ['0', '1000000.01'], ('amount',))
    c.option('--method', ENUM)
    c.option('--date', DATES + FUTURE)

    # pay --batch FILE: a statement of payments, all rows or none.
    for label, data, lines, not_lines in pay_csv_cases():
        path = '{I}/pay-csv/' + csv_file_name(label)
        cases.append(Case('pay --batch', 'FILE', label, ['pay', '--batch', path],
                          ('line ', path), one_line=False, lines=lines, not_lines=not_lines))
    c = cmd('pay --batch', ['pay'], options={'--batch': '{I}/pay.csv'})
    c.option('--batch', [MISSING_FILE + '.csv'], (MISSING_FILE + '.csv',))
    c.option('--batch', [A_FOLDER], (A_FOLDER,))
    c.option('--batch', [b'{I}/\xff\xfe.csv'], ('.csv',))
    c.option('--batch', ['', '  '], ('--batch', '  '))
    c.option('--method', ENUM)
    c.option('--date', DATES + FUTURE)
    c.state('UNIT AMOUNT with --batch', positionals=['1-1-101', '10'], tokens=('--batch',))
    c.state('--json without --batch', positionals=['1-1-101', '10'],
            options={'--batch': None, '--json': True}, tokens=('--batch',))

    c = cmd('void', ['void'], ['2026-000001'], {'--reason': '收错户号'})
    c.positional(0, 'RECEIPT', RECEIPTS, ('receipt',))
    c.state('a voided receipt', positionals=['2026-000002'], tokens=('2026-000002',))
    c.option('--reason', TEXT_REQUIRED)

    c = cmd('waive', ['waive'], ['1-1-102', 'property', '2026'],
            {'--reason': '低保户减免', '--amount': '10'})
    c.positional(0, 'UNIT', UNITS_UNKNOWN, ('unit',))
    c.positional(1, 'FEE', ENUM, ('fee',))
    c.positional(2, 'YEAR', YEARS, ('year',))
    c.state('a year not billed', positionals=['1-1-102', 'property', '2030'], tokens=('2030',))
    c.state('a settled charge', positionals=['1-1-101', 'property', '2026'],
            options={'--amount': None}, tokens=('property',))
    c.option('--reason', TEXT_REQUIRED)
    c.option('--amount', AMOUNTS + ['100000'])

    c = cmd('spend', ['spend'], ['10'], {'--payee': '五金店', '--category': 'repair'})
    c.positional(0, 'AMOUNT', AMOUNTS, ('amount',))
    c.state('over the spend limit', positionals=['6000'], tokens=('--vote',))
    c.option('--payee', TEXT_REQUIRED)
    c.option('--category', ENUM)
    c.option('--memo', TEXT_OPTIONAL)
    c.option('--date', DATES + FUTURE)
    c.option('--invoice', TEXT_OPTIONAL)
    c.option('--approvers', TEXT_OPTIONAL + ['王五', '张三,张三', '张三, 张 三', '张三,'])  # 张三 is the member
    c.option('--method', ENUM)
    c.option('--vote', ['abc', '-1', '99', '1', '', LONG])   # 1 is still open
    c.option('--attach', [MISSING_FILE + '.jpg', A_FOLDER, ''])
    c.state('maintenance fund without a vote', options={'--maintenance-fund': True},
            tokens=('--vote',))

    c = cmd('vote new', ['vote', 'new'], options={'--title': '新表决', '--matter': '9'})
    c.option('--title', TEXT_REQUIRED)
    c.option('--matter', ['0', '10', '-1', 'abc', '', LONG])
    c.option('--description', TEXT_OPTIONAL)
    c.option('--opens', DATES + FUTURE)
    c.option('--closes', DATES + ['2026-01-01'])             # before it opens (today)

    c = cmd('vote ballot', ['vote', 'ballot'], ['1', '1-1-102', 'yes'])
    c.positional(0, 'ID', VOTE_IDS, ('vote',))
    c.state('a closed vote', positionals=['2', '1-1-102', 'yes'], tokens=('vote 2',))
    c.positional(1, 'UNIT', UNITS_UNKNOWN, ('unit',))
    c.state('a second ballot', positionals=['1', '1-1-101', 'no'], tokens=('--replace',))
    c.positional(2, 'CHOICE', ENUM, ('choice',))
    c.option('--date', DATES + ['2025-01-01'] + FUTURE)      # before the vote opened, after today
    c.option('--scan', [MISSING_FILE + '.jpg', A_FOLDER, ''])
    c.option('--replace', TEXT_REQUIRED, positionals=['1', '1-1-101', 'no'])

    c = cmd('vote close', ['vote', 'close'], ['1'])
    c.positional(0, 'ID', VOTE_IDS, ('vote',))
    c.state('a closed vote', positionals=['2'], tokens=('vote 2',))

    c = cmd('vote show', ['vote', 'show'], ['1'])
    c.positional(0, 'ID', VOTE_IDS, ('vote',))

    c = cmd('spend-limit', ['spend-limit'], ['8000'])
    c.positional(0, 'AMOUNT', AMOUNTS, ('amount',))

    c = cmd('settings', ['settings'], ['committee'])
    c.positional(0, 'KEY', ENUM, ('setting',))
    c = cmd('settings', ['settings'], ['committee', '新业委会'])
    c.positional(1, 'committee', ['x' * 41, *GENERIC], ('committee',))
    c = cmd('settings', ['settings'], ['url', 'https://example.org/x'])
    c.positional(1, 'url', ['ftp://example.org', '=1+1', 'example.org', 'https://',
                            'https://exa mple.org', 'https://example.org/<a>', *GENERIC],
                 ('url',))

    c = cmd('settings', ['settings'], ['name', '新名字'])
    c.positional(1, 'name', [*TEXT_REQUIRED], ('community name',))
    c = cmd('settings', ['settings'], ['address', '幸福路1号'])
    c.positional(1, 'address', ['x' * 101, *GENERIC], ('address',))
    c = cmd('settings', ['settings'], ['backup-dir', '{I}'])
    c.positional(1, 'backup-dir', [MISSING_DIR, '{I}/x.csv', *GENERIC], ('backup folder',))
    c = cmd('settings', ['settings'], ['backup-keep', '5'])
    c.positional(1, 'backup-keep', ['0', '101', '-1', 'abc', '1e3', '', '  ', '5.5', *GENERIC],
                 ('backups to keep',))
    c = cmd('settings', ['settings'], ['days-ahead', '5'])
    c.positional(1, 'days-ahead', ['367', '-1', 'abc', '1e3', '5.5', '99999999999999999999', *GENERIC],
                 ('days ahead',))

    # Committee members: 张三 (主任) is one in the template.
    c = cmd('member add', ['member', 'add'], ['李四'], {'--role': '委员'})
    c.positional(0, 'NAME', ['张三', 'a,b', 'x' * 21, *TEXT_REQUIRED], ('member name',))
    c.option('--role', TEXT_REQUIRED)
    c = cmd('member role', ['member', 'role'], ['张三', '副主任'])
    c.positional(0, 'NAME', ['王五', *TEXT_REQUIRED], ('member name',))
    c.positional(1, 'ROLE', TEXT_REQUIRED, ('role',))
    c = cmd('member retire', ['member', 'retire'], ['张三'])
    c.positional(0, 'NAME', ['王五', *TEXT_REQUIRED], ('member name',))

    c = cmd('report', ['report'], ['income'])
    c.positional(0, 'NAME', ENUM, ('report',))
    c.option('--period', PERIODS)

    c = cmd('notice', ['notice'], ['{W}/notice.pdf'], {'--period': '2026-Q1'})
    c.positional(0, 'FILE.pdf', [MISSING_DIR + '.pdf'], (MISSING_DIR + '.pdf',), expect=1)
    # Issue 13: an output that exists and is not a regular file is refused as bad input.
    c.positional(0, 'FILE.pdf', [A_FOLDER], (A_FOLDER,))
    c.option('--period', PERIODS)
    c.option('--png', [MISSING_DIR + '.png'], (MISSING_DIR + '.png',), expect=1)
    c.option('--png', [A_FOLDER], (A_FOLDER,))
    c.option('--html', [MISSING_DIR + '.html'], (MISSING_DIR + '.html',), expect=1)
    c.option('--html', [A_FOLDER], (A_FOLDER,))
    c.option('--qr-payload', [A_FOLDER], (A_FOLDER,))
    c.option('--qr-payload', [MISSING_DIR + '.txt'], (MISSING_DIR + '.txt',), expect=1)

    c = cmd('receipt', ['receipt'], ['2026-000001', '{W}/receipt.pdf'])
    c.positional(0, 'RECEIPT', RECEIPTS, ('receipt',))
    c.positional(1, 'FILE.pdf', [MISSING_DIR + '.pdf'], (MISSING_DIR + '.pdf',), expect=1)
    c.positional(1, 'FILE.pdf', [A_FOLDER], (A_FOLDER,))

    c = cmd('export xlsx', ['export', 'xlsx'], ['{W}/audit.xlsx'], {'--period': '2026'})
    c.positional(0, 'FILE', [MISSING_DIR + '.xlsx'], (MISSING_DIR + '.xlsx',), expect=1)
    c.positional(0, 'FILE', [A_FOLDER], (A_FOLDER,))
    c.option('--period', PERIODS)

    c = cmd('verify', ['verify'])
    c.option('--head', ['abc', '', '5:' + '0' * 63, '5:' + 'g' * 64, '-1:' + '0' * 64, *GENERIC])
    # README: "1 the file cannot be read"; "3 … says the file is not a workbook".
    c.option('--export', [MISSING_FILE + '.xlsx'], (MISSING_FILE + '.xlsx',), expect=1)
    c.option('--export', [A_FOLDER], (A_FOLDER,), expect=1)
    c.option('--export', ['{I}/not-a-workbook.xlsx'], ('{I}/not-a-workbook.xlsx',), expect=3)
    c.option('--export', ['{I}/x.csv'], ('{I}/x.csv',), expect=3)
    # --export with --head is no bad input since issue 15: both checks run
    # (tests/cli/test_cli.py PublishedHeadTest).

    c = cmd('proof', ['proof'], ['1'])
    c.positional(0, 'ENTRY', ['abc', '', '0', '-5', '99999', '2026-999999', '1.5', *GENERIC],
                 ('entry', 'receipt'))
    c.option('--size', ['abc', '-5', '1e3', '', LONG])
    c = cmd('proof', ['proof', 'consistency'], ['3', '5'])
    c.positional(0, 'OLD-SIZE', ['abc', '-1', '', '99999', LONG, NOT_UTF8], ('size', 'head'))
    c.positional(1, 'NEW-SIZE', ['abc', '-1', '', '99999', '1', LONG, NOT_UTF8],
                 ('size', 'head', 'entries'))

    c = cmd('backup', ['backup'], ['{W}/copy.clbook'])
    c.positional(0, 'FILE', [MISSING_DIR + '.clbook'], (MISSING_DIR + '.clbook',), expect=1)
    c.positional(0, 'FILE', [A_FOLDER], (A_FOLDER,))
    c.positional(0, 'FILE', ['{W}/book.clbook'], ('backup file',))     # the book itself

    # README: exit 1 for a damaged or foreign book.
    c = cmd('restore', ['restore'], ['{I}/x.clbook'])
    for path in (MISSING_FILE + '.clbook', A_FOLDER, '{I}/x.csv', '{I}/plain.sqlite',
                 '{I}/damaged.clbook', '{I}/not-a-workbook.xlsx'):
        c.positional(0, 'FILE', [path], (path,), expect=1)

    # The global option, on a payment: "--operator NAME records who made the entry".
    for value in TEXT_REQUIRED:
        cases.append(Case('--operator', '--operator', value,
                          ['--operator', value, 'pay', '1-1-101', '10'],
                          ('operator',)))
    return cases


COMMAND_ORDER = ['init', 'household add', 'household edit', 'household import',
                 'household show', 'fee set', 'bill', 'pay', 'pay --batch', 'void', 'waive',
                 'spend', 'vote new', 'vote ballot', 'vote close', 'vote show', 'spend-limit',
                 'settings', 'member add', 'member role', 'member retire', 'report', 'notice', 'receipt', 'export xlsx', 'verify', 'proof',
                 'backup', 'restore', 'demo', '--operator']

# ---------------------------------------------------------------------------
# Running


def environment():
    env = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8', COMMUNITY_LEDGER_NOW=NOW)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    env.pop('COMMUNITY_LEDGER_BOOK', None)
    return env


ENV = environment()


def ledger(book, *args, check=True):
    proc = subprocess.run([BINARY, '--book', book, *args], capture_output=True, env=ENV,
                          timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f'setup: community-ledger {" ".join(map(str, args))} exited '
                             f'{proc.returncode}: {proc.stderr.decode(errors="replace")}')
    return proc.stdout.decode().strip()


def substitute(value, places):
    if isinstance(value, bytes):
        for key, path in places.items():
            value = value.replace(key.encode(), os.fsencode(path))
        return value
    for key, path in places.items():
        value = value.replace(key, path)
    return value


def shell_word(arg):
    """An argument as a bash word a reader can paste."""
    if isinstance(arg, bytes):
        try:
            arg = arg.decode('utf-8')
        except UnicodeDecodeError:
            return "$'" + ''.join(chr(b) if 0x20 < b < 0x7f and b not in b"'\\" else f'\\x{b:02x}'
                                  for b in arg) + "'"
    if len(arg) > 60 and arg == arg[0] * len(arg):
        return f'"$(printf \'{arg[0]}%.0s\' {{1..{len(arg)}}})"'
    if any(ord(ch) < 0x20 or ord(ch) == 0x7f for ch in arg):
        return "$'" + ''.join(ch if ord(ch) >= 0x20 and ch not in "'\\" else f'\\x{ord(ch):02x}'
                              for ch in arg) + "'"
    if arg and all(ch.isalnum() or ch in '-_./:=,+@%' or ord(ch) > 0x7f for ch in arg):
        return arg
    return "'" + arg.replace("'", "'\\''") + "'"


def tree(path):
    """Relative path → SHA-256 of every file under @path."""
    out = {}
    for root, _, names in os.walk(path):
        for name in names:
            full = os.path.join(root, name)
            with open(full, 'rb') as f:
                out[os.path.relpath(full, path)] = hashlib.sha256(f.read()).hexdigest()
    return out


class Worker:
    """A copy of the template book that runs cases one after the other."""

    def __init__(self, root, template, index):
        self.template = template
        self.dir = os.path.join(root, f'worker-{index}')
        self.book = os.path.join(self.dir, 'book.clbook')
        self.reset()

    def reset(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.copytree(self.template, self.dir)
        self.before = self.snapshot()
        with open(self.book, 'rb') as f:
            self.book_hash = hashlib.sha256(f.read()).digest()

    def snapshot(self):
        """(sqlite3 .dump, BOOK.files/, the folder's names)."""
        dump = subprocess.run(['sqlite3', self.book, '.dump'], capture_output=True,
                              check=True).stdout
        return dump, tree(self.book + '.files'), sorted(os.listdir(self.dir))

    def unchanged(self):
        """The snapshot after a case, cheaply when nothing moved: a book
        whose bytes are those of the template dumps the same, so `sqlite3
        .dump` runs (once) only when the file differs from the template."""
        with open(self.book, 'rb') as f:
            same_bytes = hashlib.sha256(f.read()).digest() == self.book_hash
        if same_bytes:
            return (self.before[0], tree(self.book + '.files'), sorted(os.listdir(self.dir)))
        return self.snapshot()

    def run(self, case, inputs):
        places = {'{W}': self.dir, '{I}': inputs}
        argv = [substitute(a, places) for a in case.argv]
        book = os.path.join(self.dir, 'fresh.clbook') if case.fresh else self.book
        places['{BOOK}'] = book
        started = time.monotonic()
        try:
            proc = subprocess.run([BINARY, '--book', book, *argv], capture_output=True,
                                  env=ENV, timeout=60)
            status, err = proc.returncode, proc.stderr
        except subprocess.TimeoutExpired:
            status, err = 'timeout', b''
        elapsed = time.monotonic() - started
        problems = check_output(case, status, err, places)
        after = self.unchanged()
        if after != self.before:
            problems += describe_change(self.before, after)
            self.reset()
        repro = 'community-ledger --book ' + shell_word(book) + ' ' + \
            ' '.join(shell_word(a) for a in argv)
        return {'case': case, 'status': status, 'stderr': err, 'problems': problems,
                'repro': repro, 'elapsed': elapsed}


def check_output(case, status, err, places):
    problems = []
    if status != case.expect:
        shown = f'killed by signal {-status}' if isinstance(status, int) and status < 0 \
            else f'exit {status}'
        problems.append(f'{shown}, expected exit {case.expect}')
    try:
        text = err.decode('utf-8')
    except UnicodeDecodeError:
        problems.append('stderr is not valid UTF-8')
        text = err.decode('utf-8', errors='replace')
    lines = [line for line in text.split('\n')
             if line.strip() and not line.startswith('Try “community-ledger')]
    if not lines:
        problems.append('no message on stderr')
    tokens = [substitute(t, places).lower() for t in case.tokens]
    for line in lines:
        if not any(t in line.lower() for t in tokens):
            problems.append(f'a line does not name {" / ".join(case.tokens)}: {line[:200]!r}')
    if case.one_line and len(lines) > 1:
        problems.append(f'{len(lines)} lines for one problem: '
                        f'{[line[:120] for line in lines]!r}')
    for line in lines:
        if len(line) > 400:
            problems.append(f'a message line of {len(line)} characters: {line[:120]!r}…')
    if any((ord(ch) < 0x20 and ch != '\n') or 0x7f <= ord(ch) <= 0x9f for ch in text):
        problems.append(f'a control character in the message: {text[:200]!r}')
    for line_no in case.lines:
        if line_no not in text:
            problems.append(f'{line_no} is not named')
    for line_no in case.not_lines:
        if line_no in text:
            problems.append(f'{line_no} is named, but that row is good')
    return problems


def describe_change(before, after):
    out = []
    if before[0] != after[0]:
        old = before[0].decode(errors='replace').splitlines()
        new = after[0].decode(errors='replace').splitlines()
        added = [line for line in new if line not in set(old)]
        out.append(f'the book changed (sqlite3 .dump): +{len(added)} lines, e.g. '
                   f'{[line[:160] for line in added[:3]]!r}')
    if before[1] != after[1]:
        out.append(f'BOOK.files/ changed: {sorted(set(after[1]) ^ set(before[1]))[:5]!r}')
    if before[2] != after[2]:
        out.append(f'the folder changed: {sorted(set(after[2]) ^ set(before[2]))!r}')
    return out


def make_inputs(inputs):
    os.makedirs(os.path.join(inputs, 'a-folder'))
    os.makedirs(os.path.join(inputs, 'csv'))
    for label, data, _, _ in csv_cases():
        with open(os.path.join(inputs, 'csv', csv_file_name(label)), 'wb') as f:
            f.write(data)
    os.makedirs(os.path.join(inputs, 'pay-csv'))
    for label, data, _, _ in pay_csv_cases():
        with open(os.path.join(inputs, 'pay-csv', csv_file_name(label)), 'wb') as f:
            f.write(data)
    with open(os.path.join(inputs, 'pay.csv'), 'w', encoding='utf-8') as f:
        f.write('unit,amount\n1-1-101,10\n')
    with open(os.path.join(inputs, 'x.csv'), 'w', encoding='utf-8') as f:
        f.write('unit,owner,area\n5-1-101,周八,70\n')
    with open(os.path.join(inputs, 'not-a-workbook.xlsx'), 'w', encoding='utf-8') as f:
        f.write('this is not a workbook\n')
    with open(os.path.join(inputs, '发票.jpg'), 'wb') as f:
        f.write(b'\xff\xd8\xff\xe0 invoice scan')
    db = sqlite3.connect(os.path.join(inputs, 'plain.sqlite'))
    db.execute('CREATE TABLE t (x)')
    db.commit()
    db.close()


def make_template(template, inputs):
    """The book every case starts from: households, a bill, a receipt and
    a voided one, an open vote with a ballot, a closed vote, an expenditure
    with an attachment (so BOOK.files/ exists), both settings."""
    os.makedirs(template)
    book = os.path.join(template, 'book.clbook')
    ledger(book, 'init', '--name', '坏输入测试小区')
    ledger(book, 'household', 'add', '1-1-101', '--owner', '王伟', '--area', '89.50',
           '--phone', '13812341234')
    ledger(book, 'household', 'add', '1-1-102', '--owner', '李娜', '--area', '120', '--spaces', '1')
    ledger(book, 'household', 'add', '2-1-101', '--owner', '张敏', '--area', '70.25',
           '--owner-key', 'Z1')
    ledger(book, 'bill', '2026')
    assert ledger(book, 'pay', '1-1-101', '360', '--date', '2026-01-05') == '2026-000001'
    assert ledger(book, 'pay', '1-1-102', '100', '--date', '2026-01-06') == '2026-000002'
    ledger(book, 'void', '2026-000002', '--reason', '收错户号')
    assert ledger(book, 'vote', 'new', '--title', '更换路灯', '--matter', '9',
                  '--opens', '2026-06-01') == '1'
    ledger(book, 'vote', 'ballot', '1', '1-1-101', 'yes')
    assert ledger(book, 'vote', 'new', '--title', '年度预算', '--matter', '9',
                  '--opens', '2026-06-01') == '2'
    for unit in ('1-1-101', '1-1-102', '2-1-101'):
        ledger(book, 'vote', 'ballot', '2', unit, 'yes')
    ledger(book, 'vote', 'close', '2')
    ledger(book, 'spend', '100', '--payee', '五金店', '--category', 'repair',
           '--date', '2026-03-01', '--attach', os.path.join(inputs, '发票.jpg'))
    ledger(book, 'settings', 'url', 'https://example.org/xfl')
    ledger(book, 'settings', 'committee', '测试业委会')
    ledger(book, 'member', 'add', '张三', '--role', '主任')
    ledger(book, 'backup', os.path.join(inputs, 'x.clbook'))
    with open(book, 'rb') as f:
        head = f.read(8192)
    with open(os.path.join(inputs, 'damaged.clbook'), 'wb') as f:
        f.write(head)
    assert os.path.isdir(book + '.files'), 'the attachment folder is missing'


def invalid_text(book):
    """Every TEXT value of the book that is not valid UTF-8."""
    problems = []
    db = sqlite3.connect(f'file:{book}?mode=ro', uri=True)
    db.text_factory = bytes
    try:
        tables = [r[0].decode() for r in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table'")]
        for table in tables:
            columns = [r[1].decode() for r in db.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                for (value,) in db.execute(f'SELECT "{column}" FROM "{table}"'
                                           f' WHERE typeof("{column}") = \'text\''):
                    try:
                        value.decode('utf-8')
                    except UnicodeDecodeError:
                        problems.append(f'{table}.{column} holds invalid UTF-8: {value[:100]!r}')
    finally:
        db.close()
    return problems


class BadInputBattery(unittest.TestCase):
    results = None

    @classmethod
    def setUpClass(cls):
        cls.started = time.monotonic()
        cls.root = tempfile.mkdtemp(prefix='bad-input-')
        cls.inputs = os.path.join(cls.root, 'inputs')
        make_inputs(cls.inputs)
        template = os.path.join(cls.root, 'template')
        make_template(template, cls.inputs)

        cases = all_cases()
        todo = queue.Queue()
        for case in cases:
            todo.put(case)
        results = []
        lock = threading.Lock()
        workers = [Worker(cls.root, template, i) for i in range(max(1, JOBS))]

        def work(worker):
            while True:
                try:
                    case = todo.get_nowait()
                except queue.Empty:
                    return
                result = worker.run(case, cls.inputs)
                with lock:
                    results.append(result)

        threads = [threading.Thread(target=work, args=(w,)) for w in workers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        cls.results = results
        cls.elapsed = time.monotonic() - cls.started

        by_command = {}
        for r in results:
            by_command.setdefault(r['case'].command, []).append(r)
        print(f'\nbad-input battery: {len(results)} cases in {cls.elapsed:.1f} s '
              f'({max(1, JOBS)} workers)', file=sys.stderr)
        for name in COMMAND_ORDER:
            rs = by_command.get(name, [])
            failed = sum(1 for r in rs if r['problems'])
            print(f'  {name:18} {len(rs):4} cases, {failed:3} failing', file=sys.stderr)
        if os.environ.get('BAD_INPUT_REPORT'):
            with open(os.environ['BAD_INPUT_REPORT'], 'w', encoding='utf-8') as f:
                for r in results:
                    if r['problems']:
                        f.write(f'{r["case"].command}\t{r["case"].where}\t'
                                f'{shell_word(r["case"].value) if r["case"].value is not None else "(state)"}'
                                f'\t{" | ".join(r["problems"])}\t{r["repro"]}\n')

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def check_command(self, name):
        results = [r for r in self.results if r['case'].command == name]
        self.assertTrue(results, f'no cases for {name}')
        failures = [r for r in results if r['problems']]
        if failures:
            report = [f'{len(failures)} of {len(results)} bad-input cases of “{name}” failed:']
            for r in failures:
                c = r['case']
                report.append(f'- {c.where} = {shell_word(c.value) if c.value is not None else "(state)"}'
                              f'\n    $ {r["repro"]}'
                              f'\n    ' + '\n    '.join(r['problems']))
            self.fail('\n'.join(report))

    def test_every_command_is_covered(self):
        names = {r['case'].command for r in self.results}
        self.assertEqual(sorted(names), sorted(COMMAND_ORDER))

    def test_non_utf8_file_names(self):
        """A file name that is not UTF-8 (a GBK-named folder, say) is either
        refused (exit 2, nothing written) or accepted without putting
        invalid UTF-8 into the book: the book must still export and verify."""
        work = os.path.join(self.root, 'non-utf8')
        shutil.copytree(os.path.join(self.root, 'template'), work)
        book = os.path.join(work, 'book.clbook')
        d = os.fsencode(work)
        with open(d + b'/\xc4\xe3.jpg', 'wb') as f:
            f.write(b'scan')
        with open(d + b'/\xc4\xe3.csv', 'w', encoding='utf-8') as f:
            f.write('unit,owner,area\n6-1-101,吴九,66\n')
        runs = [   # GBK names: 审计.xlsx, 备份.clbook, 收据.pdf, 你.jpg, 你.csv, 公示.pdf …
            ['export', 'xlsx', d + b'/\xc9\xf3\xbc\xc6.xlsx', '--period', '2026'],
            ['backup', d + b'/\xb1\xb8\xb7\xdd.clbook'],
            ['receipt', '2026-000001', d + b'/\xca\xd5\xbe\xdd.pdf'],
            ['spend', '10', '--payee', '五金店', '--category', 'repair', '--attach',
             d + b'/\xc4\xe3.jpg'],
            ['vote', 'ballot', '1', '1-1-102', 'yes', '--scan', d + b'/\xc4\xe3.jpg'],
            ['household', 'import', d + b'/\xc4\xe3.csv'],
            ['notice', d + b'/\xb9\xab\xca\xbe.pdf', '--period', '2026-Q1',
             '--html', d + b'/\xb9\xab\xca\xbe.html', '--png', d + b'/\xb9\xab\xca\xbe.png'],
        ]
        problems = []
        for args in runs:
            before = subprocess.run(['sqlite3', book, '.dump'], capture_output=True).stdout
            proc = subprocess.run([BINARY, '--book', book, *args], capture_output=True,
                                  env=ENV, timeout=120)
            repro = 'community-ledger --book BOOK ' + ' '.join(shell_word(a) for a in args)
            if proc.returncode == 2:
                after = subprocess.run(['sqlite3', book, '.dump'], capture_output=True).stdout
                if after != before:
                    problems.append(f'{repro}: exit 2 but the book changed')
            elif proc.returncode != 0:
                problems.append(f'{repro}: exit {proc.returncode}: '
                                f'{proc.stderr.decode(errors="replace").strip()}')
        problems += invalid_text(book)
        out = os.path.join(work, 'final.xlsx')
        proc = subprocess.run([BINARY, '--book', book, 'export', 'xlsx', out, '--period', '2026'],
                              capture_output=True, env=ENV, timeout=120)
        if proc.returncode != 0:
            problems.append(f'afterwards `export xlsx` exits {proc.returncode}: '
                            f'{proc.stderr.decode(errors="replace").strip()}')
        self.assertFalse(problems, '\n'.join(problems))


def _add_command_tests():
    for name in COMMAND_ORDER:
        method = 'test_' + name.strip('-').replace(' ', '_').replace('-', '_')

        def test(self, name=name):
            self.check_command(name)
        test.__name__ = method
        test.__doc__ = f'every bad input of “{name}” exits as the README says, names the ' \
                       f'field and changes nothing'
        setattr(BadInputBattery, method, test)


_add_command_tests()

if __name__ == '__main__':
    unittest.main(verbosity=2)
