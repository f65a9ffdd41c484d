"""Build one regex alternation from many words as a trie, so the engine branches per character."""
from __future__ import annotations

import regex


def _char(c: str) -> str:
    if c == "\u0902":
        return "[\u0902\u0901]"
    if c in ".\u0970":
        return "[.\u0970]"
    if c == " ":
        return r"[ \t]+"
    return regex.escape(c)


def trie_regex(words) -> str:
    root: dict = {}
    for w in set(words):
        if not w:
            continue
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    return "(?:" + _emit(root) + ")"


def _emit(node: dict) -> str:
    end = "" in node
    branches = [(_char(c) + _emit(child)) if child else _char(c) for c, child in node.items() if c != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body
