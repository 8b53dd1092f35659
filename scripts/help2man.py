#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
"""Turns a program's --help (and each of its commands' --help) into a troff man page.

  help2man.py --program PATH --name NAME --version X.Y.Z --output FILE.1 [--subcommands]
              [--program-arg=ARG ...]

The help text is read as the addcow tool and QCommandLineParser write it: a "Usage:" line,
paragraphs, and sections that start with an unindented "Title:" line followed by lines
indented by two spaces; "  TERM  DESCRIPTION" lines (two or more spaces between) become
tagged paragraphs, deeper-indented lines continue the description above them.
With --subcommands, the "Commands:" section names the commands; `PROGRAM COMMAND --help`
is read for each and added under COMMAND REFERENCE.
"""
import argparse
import datetime
import os
import re
import subprocess
import sys

ITEM = re.compile(r"^  (\S(?:.*?\S)?)\s{2,}(\S.*)$")


def escape(text):
    text = text.replace("\\", "\\e")
    return text


def line(text):
    """One troff text line: no control character at its start."""
    text = escape(text)
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def term(text):
    """Options and command names in bold (with real minus signs), arguments in italics."""
    out = []
    for token in re.split(r"(\s+|,\s*|\|)", text):
        if not token or token.isspace() or token.startswith(",") or token == "|":
            out.append(token)
        elif token.startswith("-"):
            name, eq, value = token.partition("=")
            out.append("\\fB" + escape(name).replace("-", "\\-") + "\\fR" + (eq + "\\fI" + escape(value) + "\\fR" if eq else ""))
        elif re.fullmatch(r"[a-z][a-z0-9-]*", token):
            out.append("\\fB" + escape(token).replace("-", "\\-") + "\\fR")  # a command name
        elif token.startswith("[") or token.endswith("]"):
            out.append(escape(token).replace("-", "\\-"))
        else:
            out.append("\\fI" + escape(token) + "\\fR")
    return "".join(out)


def run_help(program, args):
    result = subprocess.run([program, *args, "--help"], capture_output=True, text=True, check=False)
    text = result.stdout if result.stdout.strip() else result.stderr
    if result.returncode != 0 or not text.strip():
        sys.exit(f"help2man.py: {program} {' '.join(args)} --help failed ({result.returncode}): {result.stderr.strip()}")
    return text


def parse(text):
    """Returns (usage lines, description paragraphs, [(title, body lines)], trailing paragraphs)."""
    lines = text.rstrip("\n").split("\n")
    usage = []
    i = 0
    # "Usage: PROGRAM ..." and indented further forms; QCommandLineParser puts the description
    # on the next unindented line, without a blank line between.
    while i < len(lines) and lines[i].strip():
        stripped = lines[i].strip()
        if stripped.startswith("Usage:"):
            stripped = stripped[len("Usage:"):].strip()
        elif not lines[i].startswith(" "):
            break
        usage.append(stripped)
        i += 1
    blocks = []
    block = []
    for raw in lines[i:]:
        if raw.strip():
            block.append(raw.rstrip())
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    description, sections, trailing = [], [], []
    for block in blocks:
        first = block[0]
        if not first.startswith(" ") and first.endswith(":") and len(block) > 1:
            sections.append((first[:-1], block[1:]))
        elif sections:
            trailing.append(" ".join(l.strip() for l in block))
        else:
            description.append(" ".join(l.strip() for l in block))
    return usage, description, sections, trailing


def render_section(title, body, out):
    if title.lower().startswith("example"):
        out.append(".PP")
        out.append(".RS")
        out.append(".nf")
        out.extend(line(l[2:] if l.startswith("  ") else l) for l in body)
        out.append(".fi")
        out.append(".RE")
        return
    prose = []
    in_item = False

    def flush():
        if prose:
            out.append(".PP")
            out.append(line(" ".join(prose)))
            prose.clear()

    for raw in body:
        match = ITEM.match(raw)
        indent = len(raw) - len(raw.lstrip())
        if match:
            flush()
            out.append(".TP")
            out.append(term(match.group(1)))
            out.append(line(match.group(2)))
            in_item = True
        elif in_item and indent > 2:
            out.append(line(raw.strip()))
        else:
            in_item = False
            prose.append(raw.strip())
    flush()


def synopsis(usage, out):
    out.append(".nf")
    for u in usage:
        words = u.split(" ", 2)
        program = "\\fB" + escape(os.path.basename(words[0])) + "\\fR"
        rest = [w for w in words[1:]]
        if rest and re.fullmatch(r"[a-z][a-z-]*", rest[0]):
            program += " \\fB" + escape(rest.pop(0)) + "\\fR"
        out.append(program + (" " + term(" ".join(rest)) if rest else ""))
    out.append(".fi")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--program", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--section", default="1")
    parser.add_argument("--subcommands", action="store_true")
    parser.add_argument("--program-arg", action="append", default=[])
    options = parser.parse_args()

    usage, description, sections, trailing = parse(run_help(options.program, options.program_arg))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)
    name = options.name

    out = [f'.\\" Generated by scripts/help2man.py from {name} --help; do not edit.',
           f'.TH {name.upper()} {options.section} "{date:%Y-%m-%d}" "{name} {options.version}" "User Commands"',
           ".SH NAME"]
    summary = description[0].split(". ")[0].rstrip(".") if description else name
    out.append(line(f"{name} \\- {summary[0].lower() + summary[1:]}").replace("\\e-", "\\-"))
    out.append(".SH SYNOPSIS")
    synopsis(usage, out)
    out.append(".SH DESCRIPTION")
    for paragraph in description:
        out.append(".PP")
        out.append(line(paragraph))
    commands = []
    for title, body in sections:
        out.append(f'.SH "{escape(title.upper())}"')
        render_section(title, body, out)
        if options.subcommands and title.lower() == "commands":
            commands = [m.group(1) for m in map(ITEM.match, body) if m]
    for paragraph in trailing:
        out.append(".PP")
        out.append(line(paragraph))

    if commands:
        out.append(".SH \"COMMAND REFERENCE\"")
        for command in commands:
            cusage, cdescription, csections, ctrailing = parse(run_help(options.program, [*options.program_arg, command]))
            out.append(f'.SS "{escape(name)} {escape(command)}"')
            synopsis(cusage, out)
            for paragraph in cdescription:
                out.append(".PP")
                out.append(line(paragraph))
            for title, body in csections:
                out.append(".PP")
                out.append(f"\\fB{escape(title)}:\\fR")
                render_section(title, body, out)
            for paragraph in ctrailing:
                out.append(".PP")
                out.append(line(paragraph))

    others = {"addcow": "addcow-studio", "addcow-studio": "addcow"}
    out.append(".SH \"SEE ALSO\"")
    see_also = [f"\\fB{others[name]}\\fR(1)"] if name in others else []
    out.append(", ".join(see_also + ["\\fBqemu-img\\fR(1)"]))
    with open(options.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
