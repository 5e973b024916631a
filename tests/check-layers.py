#!/usr/bin/env python3
"""check-layers.py — the layers of ledger/ hold in the built code.

    check-layers.py SOURCE-ROOT LEDGER-BUILD-DIR

ledger/meson.build keeps each sub-library from including the headers of a
library above it; this checks what the include folders cannot see, from the
object files themselves (nm) and from the sources:

1. no dependency cycle between the modules (the .c files) of ledger/, apart
   from the ones listed in KNOWN_CYCLES;
2. no library uses a symbol defined in a library above it:
   base <- values <- core <- domain <- io, reports <- models; domain <- demo;
3. app/, ui/ and exports/ include no ledger/ header but "ledger.h", and
   app/ and ui/ no exports/ header but "exports.h" once that header exists;
4. no module uses one MUST_NOT_USE names for it, though their libraries
   would allow it.

Prints TAP; each failure names the modules, symbols or lines at fault.
"""
import collections
import os
import re
import subprocess
import sys

# Each library and the libraries it may use (everything below it).
MAY_USE = {
    'base': set(),
    'values': {'base'},
    'core': {'base', 'values'},
    'domain': {'base', 'values', 'core'},
    'io': {'base', 'values', 'core', 'domain'},
    'reports': {'base', 'values', 'core', 'domain'},
    'models': {'base', 'values', 'core', 'domain', 'reports'},
    'demo': {'base', 'values', 'core', 'domain'},
}

# Cycles allowed to remain: none. (When the library was cut, the book's
# SQL toolkit, its schema and the journal called each other; the toolkit
# is now core/ledger-sql.c below all three.) An entry would be a set of
# modules that may form one cycle; any cycle not within one fails.
KNOWN_CYCLES = []

# Modules kept apart inside one library: {module: {modules it must not use}}.
# The backup is told where it goes (a LedgerBackupPlace, which the settings
# fill and its callers pass); it reads no settings (issue 14).
MUST_NOT_USE = {
    'ledger-backup': {'ledger-settings'},
}

# Symbol types nm prints for a definition (text, data, bss, read-only,
# common, weak, indirect).
DEFINED = set('TDBRCVWGSi')


def read_symbols(build_dir):
    """{module: (library, defined symbols, undefined symbols)} from nm."""
    modules = {}
    for library in MAY_USE:
        archive = os.path.join(build_dir, 'libledger-%s.a' % library)
        if not os.path.exists(archive):
            raise SystemExit('Bail out! %s is not built' % archive)
        out = subprocess.run(['nm', '-A', archive], capture_output=True, text=True,
                             check=True).stdout
        for line in out.splitlines():
            # ARCHIVE:MEMBER:[ADDRESS] TYPE NAME
            parts = line.split(':', 2)
            if len(parts) != 3:
                continue
            fields = parts[2].split()
            member = os.path.basename(parts[1])
            module = re.sub(r'^[a-z]+_', '', member).replace('.c.o', '').replace('.o', '')
            entry = modules.setdefault(module, (library, set(), set()))
            if len(fields) == 3 and fields[1] in DEFINED:
                entry[1].add(fields[2])
            elif len(fields) == 2 and fields[0] == 'U':
                entry[2].add(fields[1])
    return modules


def module_graph(modules):
    """{module: {module it uses: [symbols]}} and {symbol: defining module}."""
    owner = {}
    for module, (_, defined, _) in modules.items():
        for symbol in defined:
            owner[symbol] = module
    graph = collections.defaultdict(dict)
    for module, (_, _, undefined) in modules.items():
        graph[module]
        for symbol in undefined:
            other = owner.get(symbol)
            if other is not None and other != module:
                graph[module].setdefault(other, []).append(symbol)
    return graph


def strongly_connected(graph):
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def describe_cycle(graph, component):
    """The edges inside @component, one per line, with a symbol each."""
    lines = []
    for a in sorted(component):
        for b in sorted(graph[a]):
            if b in component:
                lines.append('%s -> %s (%s)' % (a, b, sorted(graph[a][b])[0]))
    return lines


def check_cycles(graph):
    problems = []
    for component in strongly_connected(graph):
        if any(component <= known for known in KNOWN_CYCLES):
            continue
        problems.append('cycle: ' + ' <-> '.join(sorted(component)))
        problems += ['  ' + line for line in describe_cycle(graph, component)]
    return problems


def check_layers(modules, graph):
    problems = []
    for module in sorted(graph):
        library = modules[module][0]
        for other, symbols in sorted(graph[module].items()):
            other_library = modules[other][0]
            if other_library != library and other_library not in MAY_USE[library]:
                problems.append('%s (%s) uses %s (%s): %s' % (
                    module, library, other, other_library, ', '.join(sorted(symbols))))
    return problems


def check_kept_apart(graph):
    problems = []
    for module, others in sorted(MUST_NOT_USE.items()):
        if module not in graph:
            problems.append('%s is not built: update MUST_NOT_USE' % module)
            continue
        for other in sorted(others):
            if other in graph[module]:
                problems.append('%s uses %s: %s' % (
                    module, other, ', '.join(sorted(graph[module][other]))))
    return problems


INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def headers_in(folder):
    names = set()
    for root, _, files in os.walk(folder):
        names.update(f for f in files if f.endswith('.h'))
    return names


def sources_in(folder):
    for root, _, files in os.walk(folder):
        for f in sorted(files):
            if f.endswith(('.c', '.h')):
                yield os.path.join(root, f)


def check_includes(source_root):
    ledger_headers = headers_in(os.path.join(source_root, 'ledger')) - {'ledger.h'}
    exports_dir = os.path.join(source_root, 'exports')
    exports_public = os.path.exists(os.path.join(exports_dir, 'exports.h'))
    exports_headers = headers_in(exports_dir) - {'exports.h'}
    problems = []
    for folder in ('app', 'ui', 'exports'):
        for path in sources_in(os.path.join(source_root, folder)):
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for match in INCLUDE.finditer(text):
                name = os.path.basename(match.group(1))
                line = text.count('\n', 0, match.start()) + 1
                where = '%s:%d' % (os.path.relpath(path, source_root), line)
                if name in ledger_headers:
                    problems.append('%s includes "%s": only "ledger.h"' % (where, match.group(1)))
                elif folder != 'exports' and exports_public and name in exports_headers:
                    problems.append('%s includes "%s": only "exports.h"' % (where, match.group(1)))
    return problems


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    source_root, build_dir = sys.argv[1:]
    modules = read_symbols(build_dir)
    graph = module_graph(modules)
    checks = [
        ('no dependency cycle inside ledger/ but the known ones', check_cycles(graph)),
        ('no library uses one above it', check_layers(modules, graph)),
        ('app/, ui/ and exports/ include only the public headers', check_includes(source_root)),
        ('modules kept apart do not use each other', check_kept_apart(graph)),
    ]
    print('1..%d' % len(checks))
    failed = 0
    for number, (name, problems) in enumerate(checks, 1):
        print('%s %d - %s' % ('not ok' if problems else 'ok', number, name))
        for problem in problems:
            print('# ' + problem)
        failed += bool(problems)
    still = [known for known in KNOWN_CYCLES
             if any(known & component for component in strongly_connected(graph))]
    for known in KNOWN_CYCLES:
        if known not in still:
            print('# the known cycle %s is gone: delete it from KNOWN_CYCLES'
                  % ' <-> '.join(sorted(known)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
