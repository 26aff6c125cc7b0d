"""A long alternation of phrases, cut down to the alternatives a line's first character allows.

sre tries an alternation's branches one after the other: a short line that starts with a gate
word ("the", "news", "more") and is no phrase of rules._SHORT (some 1,500 alternatives, 13,000
characters) took 5 us to fail, a twentieth of a page's cleaning. A line can only match the
alternatives that can start with its first character, so `Alternation` keeps, for each first
character, the pattern with the others left out (built on first use, then kept): the same
matches, the same group names, found among a few dozen alternatives.

The pattern is read by a small parser of the regular-expression syntax the phrase lists use
(literals, escapes, classes, groups, lookarounds, quantifiers; another kind of group is refused
with its place). Whether a class, an escape or "." can take the character, sre itself says.
What the cut cannot be sure of it keeps: a group that repeats or may match nothing stays whole,
and an alternative that may match nothing stays in every cut. tests/test_alternation.py checks
the cuts against the whole pattern; rules._SHORT_CUT agreed with rules._SHORT_L on every line
of the dev sets and the outside corpora (489,000 lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# How many hex digits an escape of a character by its code has, and the escapes of a place
# (zero width: a word's edge, the text's start or end).
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_PLACE_ESCAPES = frozenset("bBAZ")
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
# The most cut patterns kept (one a first character: the lines that reach the pattern start with
# the few dozen characters of its gate words, or a digit); past it, the whole pattern is used.
MAX_CUTS = 256
_NEVER = "(?!)"  # what is left of an alternation none of whose branches can start with the character


@dataclass
class _Atom:
    text: str  # as written, without its quantifier (a group: its opener; `branches` hold the rest)
    quantifier: str = ""
    branches: list[list[_Atom]] | None = None  # a group's alternatives
    zero_width: bool = False  # a place (^, \\b) or a lookaround: matches no character

    def written(self) -> str:
        """The atom as a pattern again, its quantifier after it."""
        if self.branches is None:
            return self.text + self.quantifier
        return self.text + _write(self.branches) + ")" + self.quantifier


def _write(branches: list[list[_Atom]]) -> str:
    """Alternatives as a pattern again (none: one that never matches)."""
    return "|".join("".join(atom.written() for atom in sequence) for sequence in branches) if branches else _NEVER


def _escape_end(pattern: str, at: int) -> int:
    """Where the escape at `at` ends: "\\s", "\\.", "\\u00e9", "\\x41", "\\N{...}", "\\12"."""
    kind = pattern[at + 1]
    if kind in _HEX_DIGITS:
        return at + 2 + _HEX_DIGITS[kind]
    if kind == "N":
        return pattern.index("}", at) + 1
    end = at + 2
    while kind.isdigit() and end < len(pattern) and pattern[end].isdigit() and end < at + 4:
        end += 1
    return end


def _parse(pattern: str, at: int = 0, depth: int = 0) -> tuple[list[list[_Atom]], int]:
    """The alternatives (sequences of atoms) of `pattern` from `at` to its end or to the ")"
    that closes the group at `depth`, and where they end."""
    branches: list[list[_Atom]] = [[]]
    while at < len(pattern):
        char = pattern[at]
        if char == "|":
            branches.append([])
            at += 1
            continue
        if char == ")":
            if depth == 0:
                raise ValueError(f"unbalanced ')' at {at} in the pattern")
            return branches, at
        if char == "(":
            end = pattern.index(">", at) + 1 if pattern.startswith("(?P<", at) else next(
                (at + len(o) for o in (*_LOOKAROUND, "(?:") if pattern.startswith(o, at)), at + 1)
            if pattern[end - 1] != ">" and pattern.startswith("(?", at) and end == at + 1:
                raise ValueError(f"a group of a kind this parser does not read at {at}: {pattern[at:at + 6]!r}")
            inner, close = _parse(pattern, end, depth + 1)
            atom = _Atom(pattern[at:end], branches=inner, zero_width=pattern.startswith(_LOOKAROUND, at))
            at = close + 1
        elif char == "[":
            end = at + 1
            end += pattern[end] == "^"
            end += pattern[end] == "]"  # a "]" first in a class is one of its characters
            while pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            atom, at = _Atom(pattern[at:end + 1]), end + 1
        elif char == "\\":
            end = _escape_end(pattern, at)
            atom = _Atom(pattern[at:end], zero_width=pattern[at + 1] in _PLACE_ESCAPES)
            at = end
        else:
            atom = _Atom(char, zero_width=char in "^$")
            at += 1
        if m := _QUANTIFIER.match(pattern, at):
            atom.quantifier = m.group()
            at = m.end()
        branches[-1].append(atom)
    if depth:
        raise ValueError("unclosed '(' in the pattern")
    return branches, at


def _may_be_empty(quantifier: str) -> bool:
    return quantifier[:1] in ("?", "*") or quantifier.startswith(("{0", "{,"))


def _empty(atom: _Atom) -> bool:
    """Whether the atom can match no character."""
    if atom.zero_width or _may_be_empty(atom.quantifier):
        return True
    return atom.branches is not None and any(all(map(_empty, sequence)) for sequence in atom.branches)


def _starts(atom: _Atom, char: str, flags: int) -> bool:
    """Whether a match of the atom can start with `char` (a lookaround or a place takes none:
    what follows it must)."""
    if atom.zero_width:
        return False
    if atom.branches is not None:
        return any(_sequence_starts(sequence, char, flags) for sequence in atom.branches)
    if len(atom.text) == 1 and atom.text != ".":
        return atom.text == char
    if atom.text[:1] == "\\" and atom.text[1:2].isdigit():
        return True  # a group's text again: anything
    return re.fullmatch(atom.text, char, flags) is not None  # a class, an escape, "."


def _sequence_starts(sequence: list[_Atom], char: str, flags: int) -> bool:
    for atom in sequence:
        if _starts(atom, char, flags):
            return True
        if not _empty(atom):
            return False
    return False


def _cut(branches: list[list[_Atom]], char: str, flags: int) -> list[list[_Atom]]:
    """The alternatives a match that starts with `char` can take, each cut in turn."""
    kept = []
    for sequence in branches:
        cut = _cut_sequence(sequence, char, flags)
        if cut is not None:
            kept.append(cut)
    return kept


def _cut_sequence(sequence: list[_Atom], char: str, flags: int) -> list[_Atom] | None:
    """The sequence with its first atom that can take `char` cut, or None if no match of it
    can start with `char`. The atoms before that one cannot take it: they match nothing here."""
    for i, atom in enumerate(sequence):
        if _starts(atom, char, flags):
            if atom.branches is None or atom.quantifier or _empty(atom):
                return sequence  # a literal, a class, or a group that repeats or may match nothing
            inner = _cut(atom.branches, char, flags)
            return [*sequence[:i], _Atom(atom.text, atom.quantifier, inner), *sequence[i + 1:]]
        if not _empty(atom):
            return None
    return sequence  # every atom may match nothing: the match may go on after it


class Alternation:
    """A pattern matched, for each line, in the form cut to its first character (see above).

    `lead` is a pattern of what may come before that character (matched possessively, so the
    character is the first one it leaves); `body` the alternation; `tail` what follows it.
    """

    def __init__(self, lead: str, body: str, tail: str, flags: int = 0) -> None:
        self._lead = re.compile(lead, flags)
        self._prefix, self._tail, self._flags = "^" + lead, tail, flags
        self._branches = _parse(body)[0]
        self.pattern = re.compile(self._prefix + "(?:" + body + ")" + tail, flags)
        self._cuts: dict[str, re.Pattern[str]] = {}

    def match(self, line: str) -> re.Match[str] | None:
        """self.pattern.match(line), tried on the alternatives the line's first character allows."""
        char = line[self._lead.match(line).end():][:1]
        cut = self._cuts.get(char)
        if cut is None:
            if len(self._cuts) >= MAX_CUTS:
                return self.pattern.match(line)
            cut = self._cuts[char] = self.cut(char)
        return cut.match(line)

    def cut(self, char: str) -> re.Pattern[str]:
        """The pattern with only the alternatives a match that starts, after the lead, with `char` can take."""
        body = _write(_cut(self._branches, char, self._flags)) if char else _write(self._branches)
        return re.compile(self._prefix + "(?:" + body + ")" + self._tail, self._flags)
