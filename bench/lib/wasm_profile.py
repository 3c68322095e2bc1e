#!/usr/bin/env python3
"""Where a wasm module's bytes go, without extra tools (a poor man's `twiggy top`).

Usage: bench/lib/wasm_profile.py FILE.wasm [N]

Prints section sizes, then the N largest function bodies by name (from the `name` section, so use
the wasm Cargo writes before wasm-bindgen/wasm-opt, e.g. target/wasm32-unknown-unknown/release/
carryover.wasm) and the code size summed by crate (first path segment of the demangled name).
Sizes there are before wasm-opt -Oz, so read them as proportions.
"""
import re
import sys
from collections import Counter

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
            12: "datacount"}


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def demangle(name):
    """Rough demangling, enough to read paths: legacy `_ZN…E` and v0 `_R…` Rust symbols."""
    if name.startswith("_ZN"):
        parts, i = [], 3
        while i < len(name) and name[i].isdigit():
            j = i
            while name[j].isdigit():
                j += 1
            n = int(name[i:j])
            parts.append(name[j:j + n])
            i = j + n
        if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
            parts.pop()
        text = "::".join(parts)
        for a, b2 in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","),
                      ("$LP$", "("), ("$RP$", ")"), ("$u7b$", "{"), ("$u7d$", "}"), ("$BP$", "*"),
                      ("..", "::")):
            text = text.replace(a, b2)
        return text.lstrip("_")
    if name.startswith("_R"):
        return "::".join(m[1] for m in re.finditer(r"(?:Cs[0-9A-Za-z]*_|\d)(?:\d+)?([a-z_][A-Za-z0-9_]{2,})", name)) or name
    return name


def main():
    b = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    i, sizes, names, bodies, imports = 8, Counter(), {}, [], 0
    while i < len(b):
        sid = b[i]
        n, i = leb(b, i + 1)
        end = i + n
        label = SECTIONS.get(sid, str(sid))
        if sid == 0:
            ln, j = leb(b, i)
            cname = b[j:j + ln].decode()
            label = f"custom:{cname}"
            if cname == "name":
                k = j + ln
                while k < end:
                    sub, k = leb(b, k + 0) if False else (b[k], k + 1)
                    sl, k = leb(b, k)
                    if sub == 1:
                        cnt, m = leb(b, k)
                        for _ in range(cnt):
                            idx, m = leb(b, m)
                            nl, m = leb(b, m)
                            names[idx] = demangle(b[m:m + nl].decode(errors="replace"))
                            m += nl
                    k += sl
        elif sid == 2:
            cnt, m = leb(b, i)
            for _ in range(cnt):
                for _ in range(2):
                    nl, m = leb(b, m)
                    m += nl
                kind = b[m]
                m += 1
                if kind == 0:
                    imports += 1
                    _, m = leb(b, m)
                elif kind == 1:
                    m += 1
                    flags = b[m]; m += 1
                    _, m = leb(b, m)
                    if flags & 1: _, m = leb(b, m)
                elif kind == 2:
                    flags = b[m]; m += 1
                    _, m = leb(b, m)
                    if flags & 1: _, m = leb(b, m)
                elif kind == 3:
                    m += 2
        elif sid == 10:
            cnt, m = leb(b, i)
            for f in range(cnt):
                sz, m = leb(b, m)
                bodies.append((sz, imports + f))
                m += sz
        sizes[label] += n
        i = end
    total = len(b)
    print(f"{sys.argv[1]}: {total} bytes")
    for label, n in sizes.most_common():
        print(f"  {n:>9}  {100 * n / total:5.1f}%  {label}")
    if not bodies:
        return
    print(f"\nlargest {top} function bodies")
    for sz, idx in sorted(bodies, reverse=True)[:top]:
        print(f"  {sz:>9}  {names.get(idx, f'func[{idx}]')[:110]}")
    by_crate = Counter()
    for sz, idx in bodies:
        name = names.get(idx, "?")
        # Generic instances are named after the innermost impl: count each under every crate it names.
        crates = set(re.findall(r"(?:^|[<\s&(,])_?([a-z][a-z0-9_]*)::", name)) or {"?"}
        for c in crates:
            by_crate[c] += sz
    print("\ncode bytes by crate named in the function's path (a generic counts for each crate it names)")
    for c, n in by_crate.most_common(20):
        print(f"  {n:>9}  {c}")


if __name__ == "__main__":
    main()
