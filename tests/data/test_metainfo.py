#!/usr/bin/python3
"""The built AppStream metainfo and desktop file carry their Chinese texts.

Usage: test_metainfo.py BUILT.metainfo.xml BUILT.desktop SCREENSHOTS-DIR

Fails when the metainfo has no zh_CN name or summary (the translation was
not merged from po/zh_CN.po), when the desktop file has no Name[zh_CN] or
Comment[zh_CN], or when a screenshot the metainfo names is not in
data/screenshots/.
"""
import configparser
import sys
import xml.etree.ElementTree as ET

LANG = '{http://www.w3.org/XML/1998/namespace}lang'
URL_PREFIX = 'https://communityledger.org/screenshots/'

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def texts(root, tag):
    """{lang or None: text} of the component's direct children TAG."""
    return {e.get(LANG): (e.text or '').strip() for e in root.findall(tag)}


def has_cjk(text):
    return any('\u4e00' <= c <= '\u9fff' for c in text)


def check_metainfo(path, screenshots_dir):
    root = ET.parse(path).getroot()
    check(root.findtext('id') == 'org.communityledger.CommunityLedger', 'metainfo: wrong id')
    for tag in ('name', 'summary', 'developer_name'):
        found = texts(root, tag)
        check(found.get(None), f'metainfo: no English <{tag}>')
        check(has_cjk(found.get('zh_CN', '')),
              f'metainfo: no Chinese <{tag} xml:lang="zh_CN"> (is po/zh_CN.po merged?)')
    zh_paragraphs = [p for p in root.findall('description/p') if p.get(LANG) == 'zh_CN']
    check(zh_paragraphs and all(has_cjk(p.text or '') for p in zh_paragraphs),
          'metainfo: the description has no Chinese paragraphs')

    releases = root.findall('releases/release')
    check([(r.get('version'), r.get('date')) for r in releases] == [('0.1.0', '2026-12-03')],
          'metainfo: expected the one release 0.1.0 of 2026-12-03')
    check(root.findtext('provides/binary') == 'community-ledger', 'metainfo: <provides><binary>')

    shots = root.findall('screenshots/screenshot')
    check(len(shots) == 6, f'metainfo: {len(shots)} screenshots, expected 6')
    for shot in shots:
        check(shot.find('caption') is not None, 'metainfo: a screenshot without a caption')
        langs = set()
        for image in shot.findall('image'):
            url = image.text.strip()
            lang = image.get(LANG) or 'en'
            langs.add(lang)
            check(url.startswith(URL_PREFIX + lang + '/'), f'metainfo: {url} is not under {lang}/')
            local = screenshots_dir + '/' + url[len(URL_PREFIX):]
            try:
                with open(local, 'rb') as f:
                    check(f.read(8) == b'\x89PNG\r\n\x1a\n', f'{local} is not a PNG')
            except OSError:
                failures.append(f'metainfo: {url} has no file {local}')
        check(langs == {'en', 'zh_CN'}, f'metainfo: a screenshot in {sorted(langs)}')


def check_desktop(path):
    entry = configparser.RawConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(path, encoding='utf-8')
    group = entry['Desktop Entry']
    check(group.get('Name[zh_CN]') == '小区公账', 'desktop: Name[zh_CN] is not 小区公账')
    check(has_cjk(group.get('Comment[zh_CN]', '')), 'desktop: no Comment[zh_CN]')
    check(group.get('Exec') == 'community-ledger', 'desktop: Exec is not community-ledger')
    check(group.get('Icon') == 'org.communityledger.CommunityLedger', 'desktop: wrong Icon')


def main():
    metainfo, desktop, screenshots_dir = sys.argv[1:4]
    check_metainfo(metainfo, screenshots_dir)
    check_desktop(desktop)
    for message in failures:
        print(message, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
