#!/usr/bin/python3
"""Every keyboard accelerator the code registers is in the shortcuts window.

Reads the accelerators from ui/*.c and app/*.c (gtk_widget_class_add_binding_action
and gtk_application_set_accels_for_action, plus GtkApplication's own Ctrl+?
for win.show-help-overlay) and the shortcuts of ui/gtk/help-overlay.ui, and
fails naming each accelerator that the window does not list in the group
for its action's prefix (group id "shortcuts-PREFIX-…"). TAP output.

Usage: check-shortcuts.py SOURCE-ROOT
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

MODIFIERS = {
    'GDK_CONTROL_MASK': 'ctrl', 'GDK_SHIFT_MASK': 'shift', 'GDK_ALT_MASK': 'alt',
    'GDK_SUPER_MASK': 'super',
}
XML_MODIFIERS = {'ctrl': 'ctrl', 'control': 'ctrl', 'primary': 'ctrl', 'shift': 'shift',
                 'alt': 'alt', 'mod1': 'alt', 'super': 'super'}


def canonical(mods, key):
    """('ctrl', 'shift'), 'P' -> 'alt+ctrl+shift+p' style, order-free."""
    return '+'.join(sorted(set(mods)) + [key.lower()])


def parse_accel_string(text):
    """'<ctrl><shift>n' or '<Control>q' -> canonical; None if unparsable."""
    mods = [XML_MODIFIERS.get(m.lower(), m.lower()) for m in re.findall(r'<([^>]+)>', text)]
    key = re.sub(r'<[^>]+>', '', text).strip()
    return canonical(mods, key) if key else None


def code_accelerators(root):
    """[(prefix, action, canonical accel, where)] registered in the code."""
    found = []
    binding = re.compile(
        r'gtk_widget_class_add_binding_action\s*\(\s*\w+\s*,\s*GDK_KEY_(\w+)\s*,\s*([^,]+?)\s*,\s*"([\w.-]+)"',
        re.S)
    app_accels = re.compile(
        r'gtk_application_set_accels_for_action\s*\([^,]+,\s*"([\w.-]+)"\s*,\s*(\w+)\s*\)', re.S)
    for path in sorted(glob.glob(os.path.join(root, 'ui', '*.c')) + glob.glob(os.path.join(root, 'app', '*.c'))):
        text = open(path, encoding='utf-8').read()
        rel = os.path.relpath(path, root)
        for m in binding.finditer(text):
            key, mask, action = m.groups()
            mods = [] if mask.strip() == '0' else [MODIFIERS[t.strip()] for t in mask.split('|')]
            found.append((action.split('.')[0], action, canonical(mods, key), rel))
        for m in app_accels.finditer(text):
            action, array = m.groups()
            decl = re.search(r'\b' + re.escape(array) + r'\s*\[\s*\]\s*=\s*\{([^}]*)\}', text)
            assert decl, f'{rel}: cannot find the accelerators {array}'
            for accel in re.findall(r'"([^"]+)"', decl.group(1)):
                found.append((action.split('.')[0], action, parse_accel_string(accel), rel))
    # GtkApplication adds win.show-help-overlay with Ctrl+? itself.
    found.append(('win', 'win.show-help-overlay', canonical(['ctrl'], 'question'), 'GtkApplication'))
    return found


def overlay_accelerators(path):
    """{group id: set of canonical accels} of the shortcuts window."""
    groups = {}
    for group in ET.parse(path).getroot().iter('object'):
        if group.get('class') != 'GtkShortcutsGroup':
            continue
        accels = groups.setdefault(group.get('id') or '', set())
        for shortcut in group.iter('object'):
            for prop in shortcut.findall('property'):
                if prop.get('name') == 'accelerator':
                    for part in prop.text.split():
                        accels.add(parse_accel_string(part))
    return groups


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    overlay = overlay_accelerators(os.path.join(root, 'ui', 'gtk', 'help-overlay.ui'))
    code = code_accelerators(root)
    failures = []
    if len(code) < 20:
        failures.append(f'only {len(code)} accelerators found in the code: is the pattern out of date?')
    for prefix, action, accel, where in code:
        listed = any(accel in accels for gid, accels in overlay.items()
                     if prefix in gid.split('-')[1:])
        if not listed:
            failures.append(f'{where}: {action} ({accel}) is not in a "shortcuts-…{prefix}…" group of help-overlay.ui')
    print('1..2')
    print(f'ok 1 - {len(code)} accelerators read from the code, {len(overlay)} groups in the window')
    if failures:
        print('not ok 2 - the shortcuts window lists every accelerator')
        for f in failures:
            print('# ' + f)
        return 1
    print('ok 2 - the shortcuts window lists every accelerator')
    return 0


if __name__ == '__main__':
    sys.exit(main())
