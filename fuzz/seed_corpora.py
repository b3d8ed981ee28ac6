#!/usr/bin/env python3
"""Seed corpora and dictionaries for the fuzz targets, built from the repository's own files.

usage: seed_corpora.py REPO OUT

OUT/case_loader/        every case file of cases/, validation/ and tests/input_errors/
OUT/unit_parser/        every quantity written in those files ("0.1 mol/L", "25 degC", ...)
OUT/reaction_equation/  every equation and formula in them, and a few written here
OUT/<target>.dict       libFuzzer dictionaries: the case-file keys and choices of
                        docs/reference/case-files.md, the units of docs/reference/units.md
                        and the YAML and unit syntax (fuzz/yaml.dict)
Made at run time so that new cases and keys reach the fuzzers without a copy kept here.
"""
import hashlib
import pathlib
import re
import sys

CASE_DIRS = ["cases", "validation", "tests/input_errors"]
# A YAML scalar that starts like a number and has more after it: a quantity with a unit.
QUANTITY = re.compile(r"(?:^|[:,\[{]\s*)([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s+[^\s,#\]}'\"][^,#\]}'\"]*)")
EQUATION = re.compile(r"(?:equation|formula)\s*:\s*([^,#}\n]+)")
EXTRA_EQUATIONS = [
    "A -> B", "A + B -> C", "2 A -> B", "0.5 A + 1.5 B -> C\n2.5e-3 m^3/mol/s",
    "A + B -> C\n0.2 L/mol/s", "Ba+2 + SO4-2 -> BaSO4(aq)\n1e3 L/mol/s",
    "2 Na+ + CO3-2 -> Na2CO3\n1 L^2/mol^2/s", "A -> 2 B + C\n0.1 1/min",
]
YAML_SYNTAX = pathlib.Path(__file__).with_name("yaml.dict")


def write(directory, text):
    directory.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(text.encode()).hexdigest()[:16]
    (directory / name).write_text(text, encoding="utf-8")


def dict_line(token):
    escaped = token.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' if token and all(32 <= ord(c) < 127 for c in token) else None


def write_dict(path, tokens, extra=""):
    lines = sorted({line for line in map(dict_line, tokens) if line})
    path.write_text(extra + "\n".join(lines) + "\n", encoding="utf-8")


def main(repo, out):
    texts = []
    for folder in CASE_DIRS:
        for case in sorted((repo / folder).rglob("*.yaml")):
            text = case.read_text(encoding="utf-8")
            texts.append(text)
            write(out / "case_loader", text)
    quantities, equations = set(), set(EXTRA_EQUATIONS)
    for text in texts:
        for line in text.splitlines():
            body = line.split("#", 1)[0] if not line.lstrip().startswith("# expect") else ""
            quantities.update(m.strip() for m in QUANTITY.findall(body))
            equations.update(m.strip() for m in EQUATION.findall(body))
    for q in quantities:
        write(out / "unit_parser", q)
    for e in equations:
        write(out / "reaction_equation", e)

    reference = (repo / "docs/reference/case-files.md").read_text(encoding="utf-8")
    keys = set(re.findall(r"`([a-z][a-z0-9-]*)`", reference))
    units_doc = (repo / "docs/reference/units.md").read_text(encoding="utf-8")
    units = set(re.findall(r"^\| `([^`]+)`", units_doc, flags=re.M))
    units.update(re.findall(r"`([^`\s]+)`", units_doc))
    syntax = YAML_SYNTAX.read_text(encoding="utf-8")
    write_dict(out / "case_loader.dict", {k + ":" for k in keys} | units | keys, syntax)
    write_dict(out / "unit_parser.dict", units | {"^", "^-", "*", "/", ".", " ", "e+", "e-", "1/"})
    names = {"A", "B", "C", "Ba+2", "SO4-2", "Na+", "Cl-", "CO3-2", "BaSO4(aq)"}
    extremes = {"1e300", "1e999", "1e-400", "2147483648", "4294967297", "0.", ".5"}
    write_dict(out / "reaction_equation.dict",
               names | extremes | {" -> ", " + ", "->", "\n", "e+", "e-"} | units)
    for target in ("case_loader", "unit_parser", "reaction_equation"):
        print(f"seed_corpora: {target}: {len(list((out / target).iterdir()))} seeds")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
