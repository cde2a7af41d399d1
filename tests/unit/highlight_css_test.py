#!/usr/bin/env python3
"""Contrast check for the token palette, components/code/highlight.css.

Every colour in highlight.css must reach a WCAG 2 contrast ratio of at least
4.5:1 (axe-core's rule for normal text) against the code background of its
colour scheme: --skiff-code-bg of the .skiff-code rule in code_block.css,
light (outside any @media) and dark (inside @media (prefers-color-scheme:
dark)), and that background under each translucent line tint (marked,
inserted, deleted lines) declared next to it. Every token class that
tools/libskiff/render/highlighter.h documents must also have a colour.

A Python script rather than a C++ test: the input is a stylesheet, and a
brace-level CSS reader plus the WCAG formula is a few dozen lines here.

Usage: highlight_css_test.py SOURCE_ROOT   (exit status 1 on any failure)
"""

import re
import sys
from pathlib import Path

MINIMUM_RATIO = 4.5
LINE_TINTS = ("--skiff-code-mark", "--skiff-code-ins", "--skiff-code-del")
DARK_MEDIA = re.compile(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)")


def rules(css):
    """(scheme, selector, {property: value}) for every style rule; scheme is
    'dark' inside @media (prefers-color-scheme: dark), else 'light'."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out = []

    def walk(text, scheme):
        pos = 0
        while True:
            brace = text.find("{", pos)
            if brace < 0:
                return
            prelude = text[pos:brace].strip()
            depth, end = 1, brace + 1
            while depth:
                if end >= len(text):
                    raise ValueError("unbalanced braces near: " + prelude)
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                end += 1
            body = text[brace + 1:end - 1]
            if prelude.startswith("@"):
                if DARK_MEDIA.fullmatch(prelude):
                    walk(body, "dark")
                elif prelude.startswith("@media"):
                    walk(body, scheme)
            else:
                declarations = {}
                for part in body.split(";"):
                    if ":" in part:
                        name, value = part.split(":", 1)
                        declarations[name.strip()] = value.strip()
                out.append((scheme, " ".join(prelude.split()), declarations))
            pos = end

    walk(css, "light")
    return out


def parse_color(value):
    """(r, g, b, alpha) for #rgb, #rrggbb, #rrggbbaa, rgb() and rgba(); None
    for anything else."""
    value = value.strip().lower()
    m = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})", value)
    if m:
        h = m.group(1)
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        alpha = int(h[6:8], 16) / 255 if len(h) == 8 else 1.0
        return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), alpha)
    m = re.fullmatch(r"rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)", value)
    if m:
        alpha = m.group(4)
        if alpha is None:
            a = 1.0
        elif alpha.endswith("%"):
            a = float(alpha[:-1]) / 100
        else:
            a = float(alpha)
        return (float(m.group(1)), float(m.group(2)), float(m.group(3)), a)
    return None


def over(color, background):
    """`color` (with alpha) composited over the opaque `background`."""
    r, g, b, a = color
    return tuple(a * c + (1 - a) * d for c, d in zip((r, g, b), background[:3])) + (1.0,)


def luminance(color):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def scheme_variables(all_rules, selector, scheme):
    """Custom properties of `selector` in `scheme`; dark inherits light."""
    variables = {}
    for wanted in ("light", scheme):
        for rule_scheme, rule_selector, declarations in all_rules:
            if rule_scheme == wanted and rule_selector == selector:
                variables.update({k: v for k, v in declarations.items() if k.startswith("--")})
    return variables


def resolve(value, variables):
    m = re.fullmatch(r"var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)", value.strip())
    if not m:
        return value
    if m.group(1) in variables:
        return resolve(variables[m.group(1)], variables)
    return m.group(2) or value


def main(root):
    code_dir = root / "components" / "code"
    palette = rules((code_dir / "highlight.css").read_text(encoding="utf-8"))
    layout = rules((code_dir / "code_block.css").read_text(encoding="utf-8"))
    header = (root / "tools" / "libskiff" / "render" / "highlighter.h").read_text(encoding="utf-8")
    classes = sorted(set(re.findall(r"\bhl-[a-z]+\b", header)) - {"hl-XX"})
    failures = []

    if not classes:
        failures.append("no hl-* classes found in highlighter.h")
    class_rules = {}
    for cls in classes:
        found = [d for s, sel, d in palette if s == "light" and sel == f".skiff-code .{cls}" and "color" in d]
        if found:
            class_rules[cls] = found[0]
        else:
            failures.append(f"{cls} has no colour rule (.skiff-code .{cls}) in highlight.css")

    for scheme in ("light", "dark"):
        layout_vars = scheme_variables(layout, ".skiff-code", scheme)
        if "--skiff-code-bg" not in layout_vars:
            failures.append(f"{scheme}: code_block.css sets no --skiff-code-bg on .skiff-code")
            continue
        background = parse_color(layout_vars["--skiff-code-bg"])
        if background is None or background[3] != 1.0:
            failures.append(f"{scheme}: --skiff-code-bg is not an opaque colour")
            continue
        backgrounds = {"background": background}
        for tint in LINE_TINTS:
            if tint in layout_vars and parse_color(layout_vars[tint]):
                backgrounds[tint] = over(parse_color(layout_vars[tint]), background)

        variables = scheme_variables(palette, ".skiff-code", scheme)
        checked = {}
        # Every colour literal of the scheme, named by where it appears.
        for rule_scheme, selector, declarations in palette:
            if rule_scheme not in ("light", scheme):
                continue
            for name, value in declarations.items():
                if rule_scheme == "light" and scheme == "dark" and name.startswith("--"):
                    continue  # replaced by the dark block's own values
                color = parse_color(resolve(value, variables))
                if color is not None:
                    checked[f"{selector} {name}"] = color
        for selector_name, color in sorted(checked.items()):
            for where, bg in backgrounds.items():
                ratio = contrast(over(color, bg), bg)
                if ratio < MINIMUM_RATIO:
                    failures.append(f"{scheme}: {selector_name} has contrast {ratio:.2f} on {where}")

        for cls, declarations in class_rules.items():
            if parse_color(resolve(declarations["color"], variables)) is None:
                failures.append(f"{scheme}: the colour of {cls} does not resolve to a colour")

        print(f"{scheme}: {len(checked)} colours checked against {len(backgrounds)} backgrounds")

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]))
