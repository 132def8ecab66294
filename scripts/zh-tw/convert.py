#!/usr/bin/env python3
"""Draft Traditional Chinese (Taiwan) code messages from errmap's Simplified sources.

For every catalogue in mappings/*.toml (except taxonomy.toml) this writes
OUT/<catalogue>.ftl with one message per code, in the catalogue's order:

- a code whose vendor writes English (or another language): our Simplified
  Chinese message from locales/zh-CN/codes/<catalogue>.ftl, same id, same
  Fluent variables;
- a code whose vendor writes Simplified Chinese (`language = "zh-CN"` on the
  catalogue or on the code): the vendor's own `message` from the mapping file,
  its {0}, {1}, ... placeholders turned into the Fluent variables named by the
  code's `params`.

The text is converted with OpenCC's phrase-level Taiwan configuration (s2twp);
Fluent placeables ({ $name }) are left untouched. OpenCC only gives a draft:
a character-level conversion is not Taiwan wording, so the output is then
reviewed by hand, phrase by phrase, and the reviewed files live in
locales/zh-TW/codes/. This script never writes there unless told to: it writes
to the directory given with --out, and refuses to replace an existing file
there unless --force is given.

Run it from anywhere, with a Python that has OpenCC (PyPI `opencc`):

    python3 -m venv .venv-zh
    .venv-zh/bin/pip install opencc fluent.syntax
    .venv-zh/bin/python scripts/zh-tw/convert.py --out /tmp/zh-tw-draft
    diff -ru /tmp/zh-tw-draft locales/zh-TW/codes     # what the review changed

Options: --out DIR (required), --force (replace files in DIR), --only CAT
(one catalogue; repeatable).
"""

import argparse
import re
import sys
import tomllib
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[2]
MAPPINGS = ROOT / "mappings"
ZH_CN_CODES = ROOT / "locales" / "zh-CN" / "codes"
REVIEWED = ROOT / "locales" / "zh-TW" / "codes"

PLACEABLE = re.compile(r"\{[^{}]*\}")
MESSAGE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*) = (.*)$")


def message_id(catalogue: str, code: str) -> str:
    """`<catalogue>-<code>`, every character outside [A-Za-z0-9-] replaced by `_`."""
    return catalogue + "-" + re.sub(r"[^A-Za-z0-9-]", "_", code)


def convert(converter, text: str) -> str:
    """s2twp on the text between Fluent placeables; the placeables are kept verbatim."""
    out, last = [], 0
    for m in PLACEABLE.finditer(text):
        out.append(converter.convert(text[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(converter.convert(text[last:]))
    return "".join(out)


def read_ftl(path: Path):
    """(header comment lines, {id: value}) of a zh-CN codes file: single-line messages only."""
    header, messages = [], {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("###"):
            header.append(line)
        elif not line.strip():
            continue
        else:
            m = MESSAGE.match(line)
            if not m:
                sys.exit(f"{path}:{n}: not a single-line message; extend convert.py")
            messages[m.group(1)] = m.group(2)
    return header, messages


def vendor_text(path: Path, code: dict) -> str:
    """The vendor's message as a Fluent pattern: {0}, {1}, ... become { $param }."""
    text = code["message"].strip()
    params = code.get("params", [])

    def placeholder(m):
        i = int(m.group(1))
        if i >= len(params):
            sys.exit(f"{path}: code {code['code']}: placeholder {{{i}}} has no params entry")
        return "{ $" + params[i] + " }"

    text = re.sub(r"\{(\d+)\}", placeholder, text)
    if PLACEABLE.sub("", text).count("{") or PLACEABLE.sub("", text).count("}") or "\n" in text:
        sys.exit(f"{path}: code {code['code']}: message needs Fluent escaping; extend convert.py")
    return text


def header_for(catalogue: str, name: str, zh_cn_header, from_cn: bool, from_vendor: bool):
    if from_cn and not from_vendor:
        lines = [h.replace("Simplified Chinese", "Traditional Chinese (Taiwan)") for h in zh_cn_header]
        lines.append(
            f"### Converted from locales/zh-CN/codes/{catalogue}.ftl (OpenCC s2twp) and reviewed by hand for Taiwan usage."
        )
        return lines
    if from_vendor and not from_cn:
        return [
            f"### errmap's own Traditional Chinese (Taiwan) translations of {name} error messages.",
            f"### The vendor's Simplified Chinese text (the `message` of each code in mappings/{catalogue}.toml)",
            "### is the source of truth; these lines are ours, drafted with OpenCC s2twp and reviewed by hand.",
        ]
    return [
        f"### errmap's own Traditional Chinese (Taiwan) translations of {name} error messages.",
        f"### Codes the vendor writes in Chinese: the vendor's Simplified text in mappings/{catalogue}.toml",
        f"### is the source of truth. Codes the vendor writes in English: converted from our Simplified",
        f"### translations in locales/zh-CN/codes/{catalogue}.ftl; the vendor's English text is the source",
        "### of truth. These lines are ours, drafted with OpenCC s2twp and reviewed by hand.",
    ]


def build(catalogue: str, converter) -> str:
    path = MAPPINGS / f"{catalogue}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    default_language = data.get("language", "en")
    cn_path = ZH_CN_CODES / f"{catalogue}.ftl"
    cn_header, cn_messages = read_ftl(cn_path) if cn_path.exists() else ([], {})
    lines, from_cn, from_vendor = [], False, False
    for code in data.get("code", []):
        mid = message_id(catalogue, code["code"])
        if code.get("language", default_language) == "zh-CN" and "message" in code:
            text = vendor_text(path, code)
            from_vendor = True
        elif mid in cn_messages:
            text = cn_messages[mid]
            from_cn = True
        else:
            sys.exit(f"{catalogue}: no Simplified source for {mid}")
        lines.append(f"{mid} = {convert(converter, text)}")
    header = header_for(catalogue, data.get("name", catalogue), cn_header, from_cn, from_vendor)
    return "\n".join(header + [""] + lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="directory for the draft .ftl files")
    parser.add_argument("--force", action="store_true", help="replace files that already exist in --out")
    parser.add_argument("--only", action="append", default=[], help="convert only this catalogue")
    args = parser.parse_args()

    out = args.out.resolve()
    if out == REVIEWED.resolve() and not args.force:
        sys.exit(f"{out} holds the hand-reviewed files; write the draft elsewhere and diff")
    catalogues = sorted(p.stem for p in MAPPINGS.glob("*.toml") if p.stem != "taxonomy")
    for only in args.only:
        if only not in catalogues:
            sys.exit(f"no catalogue {only}")
    if args.only:
        catalogues = [c for c in catalogues if c in args.only]

    converter = opencc.OpenCC("s2twp")
    texts = {c: build(c, converter) for c in catalogues}
    out.mkdir(parents=True, exist_ok=True)
    existing = [c for c in catalogues if (out / f"{c}.ftl").exists()]
    if existing and not args.force:
        sys.exit(f"{out}: already has {', '.join(c + '.ftl' for c in existing)}; use --force to replace")
    for catalogue, text in texts.items():
        target = out / f"{catalogue}.ftl"
        target.write_text(text, encoding="utf-8")
        count = sum(1 for line in text.splitlines() if MESSAGE.match(line))
        print(f"{target}: {count} messages")


if __name__ == "__main__":
    main()
