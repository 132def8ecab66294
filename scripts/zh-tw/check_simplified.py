#!/usr/bin/env python3
"""Flag Simplified-only characters in zh-TW .ftl files.

A character is flagged when it is in the explicit list below, or when OpenCC's
s2tw conversion of the character on its own changes it (it has a different
Traditional form). Characters shared by both scripts in Taiwan usage can be
whitelisted in ALLOW. Needs OpenCC (PyPI `opencc`). Usage, from the repository:

    .venv-zh/bin/python scripts/zh-tw/check_simplified.py [FILE...]

With no FILE it checks every locales/zh-TW/**/*.ftl. Exits 1 if anything is flagged.
"""
import sys, re, opencc
from pathlib import Path
EXPLICIT = set("账号码录验证户设务应邮错误访问频请输过时选择绑页网络")  # 繁 is the same in both scripts
ALLOW = set("台准游")  # also Traditional in some words: 平台, 核准/獲准, 上游 (s2tw maps the lone character)
conv = opencc.OpenCC("s2tw")
bad = 0
ROOT = Path(__file__).resolve().parents[2]
for path in sys.argv[1:] or sorted(map(str, (ROOT / "locales" / "zh-TW").rglob("*.ftl"))):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        hits = sorted({c for c in line if '\u3400' <= c <= '\u9fff' and c not in ALLOW and (c in EXPLICIT or conv.convert(c) != c)})
        if hits:
            bad += 1
            print(f"{path}:{n}: {''.join(hits)}: {line.rstrip()[:150]}")
print(f"{bad} line(s) with Simplified-only characters", file=sys.stderr)
sys.exit(1 if bad else 0)
