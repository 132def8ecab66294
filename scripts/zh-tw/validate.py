#!/usr/bin/env python3
"""Validate errmap's zh-TW code files and the touched zh-CN files.

1. Every file parses as Fluent (fluent.syntax): no Junk, no annotations.
2. For each catalogue, the ids of locales/zh-TW/codes/<cat>.ftl equal the ids of
   its sources: the zh-CN file plus, for codes the vendor writes in Chinese, the en
   file (together: one id per code of mappings/<cat>.toml).
3. Per message, the Fluent variables equal those of the zh-CN source (or the en
   one where there is no zh-CN message), and equal the en ones wherever en has the id.
4. Go format verbs (%s, %v, %d, %q, %f, %+v) appear in the same order as in zh-CN.
Needs fluent.syntax (PyPI). Usage, from the repository:

    .venv-zh/bin/python scripts/zh-tw/validate.py [ZH_TW_CODES_DIR]

ZH_TW_CODES_DIR defaults to locales/zh-TW/codes (pass a draft folder to check it).
"""
import re, sys, tomllib
from pathlib import Path
from fluent.syntax import FluentParser, ast, visitor

main = Path(__file__).resolve().parents[2]
tw_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else main / "locales/zh-TW/codes"
parser = FluentParser(with_spans=False)
problems = 0

class Vars(visitor.Visitor):
    def __init__(self): super().__init__(); self.names = set()
    def visit_VariableReference(self, node): self.names.add(node.id.name); self.generic_visit(node)

def text_of(msg):
    out = []
    class T(visitor.Visitor):
        def visit_TextElement(self, node): out.append(node.value)
    T().visit(msg)
    return "".join(out)

def load(path):
    global problems
    res = parser.parse(path.read_text(encoding="utf-8"))
    msgs = {}
    for e in res.body:
        if isinstance(e, ast.Junk):
            problems += 1
            print(f"PARSE ERROR {path}: {[a.message for a in e.annotations]} in {e.content[:80]!r}")
        elif isinstance(e, ast.Message):
            if e.id.name in msgs:
                problems += 1; print(f"DUPLICATE {path}: {e.id.name}")
            v = Vars(); v.visit(e)
            msgs[e.id.name] = (v.names, re.findall(r"%[+#]?[a-z]", text_of(e)))
    return msgs

def mid(cat, code): return cat + "-" + re.sub(r"[^A-Za-z0-9-]", "_", code)

parsed = 0
for f in sorted((main / "locales/zh-CN").rglob("*.ftl")):
    load(f); parsed += 1
for f in sorted((main / "locales/zh-TW").glob("*.ftl")):
    load(f); parsed += 1

for mp in sorted((main / "mappings").glob("*.toml")):
    cat = mp.stem
    if cat == "taxonomy": continue
    data = tomllib.loads(mp.read_text(encoding="utf-8"))
    lang = data.get("language", "en")
    codes = {mid(cat, c["code"]): c.get("language", lang) for c in data.get("code", [])}
    tw_path = tw_dir / f"{cat}.ftl"
    if not tw_path.exists():
        problems += 1; print(f"MISSING {tw_path}"); continue
    tw = load(tw_path); parsed += 1
    cn_path = main / f"locales/zh-CN/codes/{cat}.ftl"; en_path = main / f"locales/en/codes/{cat}.ftl"
    cn = load(cn_path) if cn_path.exists() else {}
    en = load(en_path) if en_path.exists() else {}
    source_ids = set(cn) | {i for i in en if codes.get(i) == "zh-CN"}
    if set(tw) != source_ids or set(tw) != set(codes):
        problems += 1
        print(f"IDS {cat}: extra {sorted(set(tw) - source_ids)} missing {sorted(source_ids - set(tw))} "
              f"vs mapping extra {sorted(set(tw) - set(codes))} missing {sorted(set(codes) - set(tw))}")
    for i, (names, verbs) in tw.items():
        ref = cn.get(i) or en.get(i)
        if ref is None: continue
        if names != ref[0]:
            problems += 1; print(f"VARS {cat} {i}: zh-TW {sorted(names)} source {sorted(ref[0])}")
        if i in en and names != en[i][0]:
            problems += 1; print(f"VARS-EN {cat} {i}: zh-TW {sorted(names)} en {sorted(en[i][0])}")
        if i in cn and verbs != cn[i][1]:
            problems += 1; print(f"VERBS {cat} {i}: zh-TW {verbs} zh-CN {cn[i][1]}")
    nvars = sum(1 for n, _ in tw.values() if n)
    print(f"{cat}: {len(tw)} messages (ids = {'zh-CN' if cn else ''}{'+' if cn and source_ids - set(cn) else ''}{'en' if source_ids - set(cn) else ''}), {nvars} with variables")
print(f"parsed {parsed} file loads; {problems} problem(s)")
sys.exit(1 if problems else 0)
