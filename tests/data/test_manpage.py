#!/usr/bin/python3
"""The manual page formats without warnings and documents every command.

Usage:
  test_manpage.py warnings PAGE
      man (or groff, without man-db) formats PAGE with every warning on;
      fails on any warning and on an empty page.
  test_manpage.py commands PAGE PROGRAM
      runs PROGRAM --help, and fails for each command it lists that has no
      .SS heading of its own in PAGE, each .SS heading that names no
      command, and each option of a command's --help the page does not
      mention. The page can't fall behind the program.
"""
import os
import re
import shutil
import subprocess
import sys


def formatter(page):
    env = dict(os.environ, LC_ALL='C.UTF-8', MANWIDTH='80', MAN_KEEP_FORMATTING='')
    if shutil.which('man'):
        argv = ['man', '--warnings', '-E', 'UTF-8', '-l', page]
    else:
        argv = ['groff', '-man', '-Tutf8', '-k', '-ww', page]
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)


def warnings(page):
    result = formatter(page)
    if result.returncode != 0 or result.stderr.strip():
        print(f'{result.args[0]} exited {result.returncode}:\n{result.stderr}', file=sys.stderr)
        return 1
    for section in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'EXIT STATUS',
                    'ENVIRONMENT', 'FILES', 'EXAMPLES', 'SEE ALSO'):
        if not re.search(rf'^{section}$', result.stdout, re.M):
            print(f'the formatted page has no section {section}', file=sys.stderr)
            return 1
    return 0


def listed_commands(program):
    """The command names of `PROGRAM --help`: two-space indent, name, description."""
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='en', LANG='C.UTF-8')
    out = subprocess.run([program, '--help'], env=env, capture_output=True, text=True,
                         timeout=60, check=True).stdout
    commands = []
    in_commands = False
    for line in out.splitlines():
        if line.strip() == 'Commands:':
            in_commands = True
        elif in_commands and not line.strip():
            break
        elif in_commands:
            m = re.match(r'^  ([a-z][a-z-]*(?: [a-z][a-z-]*)?)\s{2,}\S', line)
            if not m:
                raise SystemExit(f'cannot read the command line {line!r} of --help')
            commands.append(m.group(1))
    if len(commands) < 20:
        raise SystemExit(f'--help lists only {len(commands)} commands: {commands}')
    return commands


def command_words(program, command):
    """What `PROGRAM COMMAND --help` names: its long options (but --help, --book
    and --operator), and the words its usage line offers as alternatives
    (report balance|arrears|…, settings [url|committee|…])."""
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='en', LANG='C.UTF-8')
    out = subprocess.run([program, *command.split(), '--help'], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    options = re.findall(r'^\s+(?:-\w, )?(--[a-z][a-z-]*)', out, re.M)
    words = [o for o in options if o not in ('--help', '--book', '--operator')]
    usage = re.search(r'^\s+community-ledger \S+ ' + re.escape(command) + r'(.*)$', out, re.M)
    if usage is None:
        raise SystemExit(f'no usage line in "{command} --help"')
    for choice in re.findall(r'(?<![\w-])[a-z][a-z0-9-]*(?:\|[a-z][a-z0-9-]*)+', usage.group(1)):
        words.extend(choice.split('|'))
    return words


def headings(page):
    """The text of each .SS heading, with roff's \\- turned into -."""
    with open(page, encoding='utf-8') as f:
        text = f.read()
    found = []
    for m in re.finditer(r'^\.SS "?([^"\n]*)"?$', text, re.M):
        found.append(m.group(1).replace('\\-', '-'))
    return found, text.replace('\\-', '-')


def commands(page, program):
    listed = listed_commands(program)
    heads, text = headings(page)
    failures = []
    documented = set()
    for head in heads:
        # the longest listed command the heading starts with ("proof consistency" before "proof")
        match = max((c for c in listed if head == c or head.startswith(c + ' ')),
                    key=len, default=None)
        if match is None:
            failures.append(f'the heading ".SS {head}" names no command of --help')
        else:
            documented.add(match)
    for command in listed:
        if command not in documented:
            failures.append(f'command "{command}" has no .SS heading in {page}')
            continue
        for word in command_words(program, command):
            if not re.search(rf'(?<![\w-]){re.escape(word)}(?![\w-])', text):
                failures.append(f'"{command}" names {word}, which is not in {page}')
    for message in failures:
        print(message, file=sys.stderr)
    print(f'{len(listed)} commands, {len(documented)} documented')
    return 1 if failures else 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'warnings':
        return warnings(sys.argv[2])
    if len(sys.argv) == 4 and sys.argv[1] == 'commands':
        return commands(sys.argv[2], sys.argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main())
