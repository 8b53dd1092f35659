#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
"""Helps keep the .ts files complete after `ninja update_translations` (lupdate).

  tsfill.py todo  FILE.ts [OUT.json]   write the unfinished messages as JSON
                                       ([{"context", "source", "comment", "numerus"}])
  tsfill.py apply FILE.ts IN.json      fill unfinished messages from JSON entries that have
                                       "translation" (a string, or a list for plural forms);
                                       an entry with "context" only matches that context
  tsfill.py check FILE.ts              list unfinished messages and translations whose
                                       placeholders (%1, %n, %L1) or accelerators (&X) do not
                                       match the source; exits 1 when there is any
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(\d+|n)")
ACCELERATOR = re.compile(r"&(?!&|[a-zA-Z]+;|#\d+;)(\w)")


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def save(tree, path):
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(body)
        out.write("\n")


def messages(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def is_unfinished(message):
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished"


def todo(path, out=None):
    _, root = load(path)
    items = []
    for context, message in messages(root):
        if not is_unfinished(message) or (message.find("translation") is not None and message.find("translation").get("type") == "vanished"):
            continue
        item = {"context": context, "source": message.findtext("source")}
        if message.findtext("comment"):
            item["comment"] = message.findtext("comment")
        if message.findtext("extracomment"):
            item["comment"] = message.findtext("extracomment")
        if message.get("numerus") == "yes":
            item["numerus"] = True
        items.append(item)
    text = json.dumps(items, ensure_ascii=False, indent=1)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        print(text)
    print(f"{len(items)} unfinished in {path}", file=sys.stderr)


def apply(path, memory_path):
    tree, root = load(path)
    with open(memory_path, encoding="utf-8") as f:
        entries = json.load(f)
    by_context = {}
    by_source = {}
    for entry in entries:
        if "translation" not in entry:
            continue
        if entry.get("context"):
            by_context[(entry["context"], entry["source"])] = entry["translation"]
        by_source.setdefault(entry["source"], entry["translation"])
    filled = 0
    for context, message in messages(root):
        if not is_unfinished(message):
            continue
        source = message.findtext("source")
        value = by_context.get((context, source), by_source.get(source))
        if value is None:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if message.get("numerus") == "yes":
            forms = value if isinstance(value, list) else [value]
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
        filled += 1
    save(tree, path)
    print(f"filled {filled} messages in {path}", file=sys.stderr)


def accelerators(text):
    return [m.group(1).lower() for m in ACCELERATOR.finditer(text or "")]


def check(path):
    _, root = load(path)
    problems = 0
    for context, message in messages(root):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "vanished":
            continue
        if is_unfinished(message):
            print(f"unfinished: {context}: {source!r}")
            problems += 1
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for form in forms:
            want = sorted(set(PLACEHOLDER.findall(source)))
            have = sorted(set(PLACEHOLDER.findall(form)))
            if message.get("numerus") == "yes":
                want = [p for p in want if p != "n"]
                have = [p for p in have if p != "n"]
            if want != have:
                print(f"placeholders {want} vs {have}: {context}: {source!r} -> {form!r}")
                problems += 1
            if bool(accelerators(source)) != bool(accelerators(form)):
                print(f"accelerator: {context}: {source!r} -> {form!r}")
                problems += 1
    print(f"{problems} problems in {path}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "todo":
        todo(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif len(sys.argv) == 4 and sys.argv[1] == "apply":
        apply(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
