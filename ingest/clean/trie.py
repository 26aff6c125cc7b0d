"""An alternation of literal words factored by prefix, for the patterns that look for many.

sre tries an alternation's branches one after the other, so a pattern of hundreds of words
tests every word where none is (most places). Factored by prefix (a trie written as a
pattern), it tests one character for each branch of the first letters, and goes on only
where a word starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie(entries: Iterable[tuple[str, str]]) -> str:
    """An alternation of literal words, each followed by its own pattern, factored by prefix.

    sre tries the branches of an alternation one after the other; factored, it
    tests one character per branch instead of every word. Where a word ends,
    its patterns are tried first, in the order given.
    """
    tree: dict = {}
    for word, tail in entries:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault("", []).append(tail)
    return _alternation(tree)


def _alternation(node: dict) -> str:
    branches = list(node.get("", ()))
    chars = sorted(ch for ch in node if ch)
    branches += [re.escape(ch) + _alternation(node[ch]) for ch in chars if ch.isascii()]
    others = [re.escape(ch) + _alternation(node[ch]) for ch in chars if not ch.isascii()]
    if len(others) > 1 and len(branches) > 0:
        # Every branch is tried where the word fails (most lines): the words of other scripts
        # are one branch behind a test for a non-ASCII character, not one test each.
        branches.append("(?=[^\x00-\x7f])(?:" + "|".join(others) + ")")
    else:
        branches += others
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
