#!/usr/bin/python3
"""`meson install` puts every file in its place, and the installed app runs.

Usage: test_install.py MESON BUILD-DIR

Installs BUILD-DIR (already built: --no-rebuild) into a temporary DESTDIR
and checks that the program, the desktop file, the metainfo, both icons,
the GSettings schema, the Chinese translation and the manual page are
there. Compiles the installed schema, then starts the program the way the
installed desktop file's Exec line says: --version, a headless command on
a new book, and, when there is a display ($DISPLAY, as under xvfb-run),
the window, which must still be running three seconds later.
"""
import gettext
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

APP_ID = 'org.communityledger.CommunityLedger'
BINARY = 'community-ledger'

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('not ok:', message)
    return condition


def introspect(meson, build, what):
    out = subprocess.run(meson + ['introspect', build, what], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def expected_paths(options):
    """Installed path (absolute, without DESTDIR) of each file, by what it is."""
    prefix = options['prefix']

    def under(option, *parts):
        return os.path.join(prefix, options[option], *parts)

    return {
        'program': under('bindir', BINARY),
        'desktop file': under('datadir', 'applications', APP_ID + '.desktop'),
        'metainfo': under('datadir', 'metainfo', APP_ID + '.metainfo.xml'),
        'icon': under('datadir', 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg'),
        'symbolic icon': under('datadir', 'icons', 'hicolor', 'symbolic', 'apps',
                               APP_ID + '-symbolic.svg'),
        'schema': under('datadir', 'glib-2.0', 'schemas', APP_ID + '.gschema.xml'),
        'translation': under('localedir', 'zh_CN', 'LC_MESSAGES', BINARY + '.mo'),
        'manual page': under('mandir', 'man1', BINARY + '.1'),
    }


def check_files(destdir, paths, version):
    for what, path in paths.items():
        full = destdir + path
        if not check(os.path.isfile(full), f'the {what} is not installed at {path}'):
            continue
        check(os.path.getsize(full) > 0, f'the installed {what} {path} is empty')
    if failures:
        return
    check(os.access(destdir + paths['program'], os.X_OK), 'the program is not executable')
    with open(destdir + paths['translation'], 'rb') as f:
        catalog = gettext.GNUTranslations(f)
    check(catalog.gettext('Community Ledger') == '小区公账',
          'the installed translation does not translate "Community Ledger"')
    with open(destdir + paths['manual page'], encoding='utf-8') as f:
        page = f.read()
    check('@VERSION@' not in page and f'Community Ledger {version}' in page,
          f'the installed manual page does not name version {version}')
    with open(destdir + paths['metainfo'], encoding='utf-8') as f:
        check('xml:lang="zh_CN">小区公账</name>' in f.read(),
              'the installed metainfo has no Chinese name')


def compile_schema(destdir, paths):
    schemas = os.path.dirname(destdir + paths['schema'])
    subprocess.run(['glib-compile-schemas', '--strict', schemas], check=True)
    check(os.path.isfile(os.path.join(schemas, 'gschemas.compiled')),
          'glib-compile-schemas wrote no gschemas.compiled')
    return schemas


def exec_line(destdir, paths):
    """The installed desktop file's Exec command, its program in DESTDIR."""
    with open(destdir + paths['desktop file'], encoding='utf-8') as f:
        lines = [line.rstrip('\n') for line in f]
    execs = [line[len('Exec='):] for line in lines if line.startswith('Exec=')]
    check(len(execs) == 1, f'the desktop file has {len(execs)} Exec lines')
    argv = [a for a in shlex.split(execs[0]) if not (len(a) == 2 and a[0] == '%')]
    check(argv[0] == BINARY or argv[0] == paths['program'],
          f'Exec= runs {argv[0]}, not the installed {BINARY}')
    argv[0] = destdir + paths['program']
    return argv


def run(argv, env, *args):
    result = subprocess.run(argv + list(args), env=env, capture_output=True, text=True,
                            timeout=120)
    check(result.returncode == 0,
          f'{shlex.join(args)} exited {result.returncode}: {result.stderr.strip()}')
    return result.stdout


def run_headless(argv, env, tmp, version):
    out = run(argv, env, '--version')
    check(out.strip() == f'{BINARY} {version}', f'--version printed {out!r}')
    book = os.path.join(tmp, 'x.clbook')
    run(argv, env, '--book', book, 'init', '--name', 'Test')
    check(os.path.isfile(book), 'init wrote no book')
    out = run(argv, env, '--book', book, 'report', 'balance', '--json')
    try:
        report = json.loads(out)
    except json.JSONDecodeError:
        check(False, f'report balance --json printed {out!r}')
        return book
    check(report.get('report') == 'balance' and isinstance(report.get('accounts'), list),
          f'report balance --json printed {out!r}')
    return book


def run_window(argv, env, tmp, destdir, paths, schemas, book):
    data_dir = destdir + os.path.dirname(os.path.dirname(paths['desktop file']))
    gui_env = dict(env,
                   XDG_DATA_DIRS=data_dir + ':/usr/share',
                   GSETTINGS_SCHEMA_DIR=schemas,
                   COMMUNITY_LEDGER_BOOK=book,
                   GSK_RENDERER='cairo',
                   # No session bus: the window can't hand over to another
                   # running instance of the app and exit at once.
                   DBUS_SESSION_BUS_ADDRESS='unix:path=' + os.path.join(tmp, 'no-bus'))
    log_path = os.path.join(tmp, 'window.log')
    with open(log_path, 'w') as log:
        window = subprocess.Popen(argv, env=gui_env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline and window.poll() is None:
                time.sleep(0.1)
            alive = window.poll() is None
        finally:
            window.terminate()
            try:
                window.wait(timeout=10)
            except subprocess.TimeoutExpired:
                window.kill()
                window.wait()
    with open(log_path) as log:
        output = log.read()
    check(alive, f'the installed window exited with {window.returncode} within 3 s:\n{output}')
    if alive:
        print(f'ok: the installed window ran for 3 s ({data_dir})')


def main():
    meson = shlex.split(sys.argv[1])
    build = sys.argv[2]
    options = {o['name']: o['value'] for o in introspect(meson, build, '--buildoptions')}
    version = introspect(meson, build, '--projectinfo')['version']
    paths = expected_paths(options)

    tmp = tempfile.mkdtemp(prefix='test-install-')
    try:
        destdir = os.path.join(tmp, 'root')
        subprocess.run(meson + ['install', '-C', build, '--destdir', destdir, '--no-rebuild',
                                '--quiet'], check=True)
        check_files(destdir, paths, version)
        if failures:
            return 1
        schemas = compile_schema(destdir, paths)
        argv = exec_line(destdir, paths)

        env = dict(os.environ, LC_ALL='C.UTF-8', LANG='C.UTF-8', LANGUAGE='en',
                   GSETTINGS_BACKEND='memory', GTK_A11Y='none', NO_AT_BRIDGE='1',
                   G_DEBUG='fatal-criticals',
                   XDG_DATA_HOME=os.path.join(tmp, 'home', 'data'),
                   XDG_CONFIG_HOME=os.path.join(tmp, 'home', 'config'),
                   XDG_CACHE_HOME=os.path.join(tmp, 'home', 'cache'))
        env.pop('COMMUNITY_LEDGER_BOOK', None)
        book = run_headless(argv, env, tmp, version)
        if os.environ.get('DISPLAY'):
            run_window(argv, env, tmp, destdir, paths, schemas, book)
        else:
            print('# no DISPLAY: the window was not started (run under xvfb-run)')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f'{len(failures)} problems')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
