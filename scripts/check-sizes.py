#!/usr/bin/env python3
"""Checks that no file under src/ is over 600 lines and no function over 80.

Functions are found by brace structure after comments, strings and
preprocessor lines are blanked: a '{' whose header (the text since the last
';', '{' or '}') holds a ')' and that is not inside another function opens a
function body; namespaces, classes and initialiser lists are told apart by
their header. Lambdas count towards the function that holds them, because
they are part of what a reader of that function must hold in mind.

    scripts/check-sizes.py [ROOT]      (ROOT defaults to src/)
Exits 1 and lists each offender as FILE:LINE when a limit is passed.
"""
import os
import re
import sys

MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80

CONTROL = re.compile(r"\b(if|for|while|switch|catch|do|else|try)\b")
TYPE_HEAD = re.compile(r"\b(namespace|class|struct|union|enum)\b")


def blank_noise(text):
    """Comments, string and char literals and preprocessor lines become
    spaces (newlines kept), so braces inside them never count."""
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            while i < n and text[i] != "\n":
                # a continued preprocessor line runs on
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append(" \n")
                    i += 2
                    continue
                out.append(" ")
                i += 1
            continue
        if c in " \t":
            out.append(c)
            i += 1
            continue
        at_line_start = c == "\n"
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                out.append(" ")
                i += 1
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        m = re.match(r'R"([^(]*)\(', text[i:i + 20]) if c == "R" else None
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + len(m.group(0)))
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        if c in "\"'":
            # a digit separator (1'000) is not a char literal
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (min(j, n - 1) - i + 1))
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def long_functions(text):
    """(start line, length) of each function body over the limit."""
    clean = blank_noise(text)
    stack = []  # (kind, start line)
    header_start = 0
    line = 1
    found = []
    for i, c in enumerate(clean):
        if c == "\n":
            line += 1
        elif c == "{":
            header = clean[header_start:i]
            in_function = any(kind == "function" for kind, _ in stack)
            if in_function:
                kind = "block"
            elif TYPE_HEAD.search(header) and ")" not in header.split("{")[-1].split(TYPE_HEAD.search(header).group(0))[-1]:
                kind = "type"
            elif ")" in header and not CONTROL.search(header.split(")")[-1]) and not re.search(r"=\s*$", header):
                kind = "function"
            else:
                kind = "block"
            # a function's length runs from the line of its signature's end
            # (the line of its opening brace), not from a wrapped signature's
            # first line
            stack.append((kind, line))
            header_start = i + 1
        elif c == "}":
            if stack:
                kind, start = stack.pop()
                if kind == "function" and line - start + 1 > MAX_FUNCTION_LINES:
                    found.append((start, line - start + 1))
            header_start = i + 1
        elif c == ";":
            header_start = i + 1
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    problems = []
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith((".cc", ".h", ".cpp", ".hpp")):
                continue
            path = os.path.normpath(os.path.join(dirpath, name))
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            lines = text.count("\n")
            if lines > MAX_FILE_LINES:
                problems.append(f"{path}:1: file has {lines} lines (limit {MAX_FILE_LINES})")
            for start, length in long_functions(text):
                problems.append(f"{path}:{start}: function of {length} lines (limit {MAX_FUNCTION_LINES})")
    for p in sorted(problems):
        print(p)
    if problems:
        print(f"{len(problems)} over the limits", file=sys.stderr)
        return 1
    print("sizes: every file under the line limit and every function under the function limit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
