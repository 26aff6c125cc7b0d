"""Shallow, language-independent features of each line of a page (for the line model).

After boilerpipe (Kohlschütter et al. 2010, "Boilerplate detection using shallow
text features"): each non-blank line gets numbers that say how much it looks like
running text, computed for the whole page at once with numpy:

- size: length in characters, words (script aware: characters/2 in runs of
  scripts written without spaces, Han, kana, Thai, Lao, Khmer, Myanmar), mean
  word length, length against the page's long lines;
- shape: closing punctuation (also 。！？), a final colon, shares of punctuation,
  digits, upper case, capitalised words, wide-script and kana characters,
  separators ("|", "»", "/", "•"), a leading bullet, digit or capital, a URL;
- language: stopword density with the jusText stoplist (about 100 languages)
  that covers most of the page's frequent words;
- page: relative position (by lines and characters), blank lines around it,
  repetition of the line within the page, the shape rule of ingest.clean.rules
  (one-hot);
- context: the same main features of the previous and next two lines, and
  means over windows of 3 and 10 lines around it.

line_features(lines, line_numbers) returns a float32 matrix (one row a line, the
columns named by FEATURE_NAMES).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, count, repeat

import numpy as np

from . import rules as R
from .pagescan import match_lines
from .scripts import columns
from .titleparts import ANCHOR_MIN_COLUMNS, TITLE_SEPARATOR, title_key

# --- character classes -------------------------------------------------------
NEWLINE, SPACE, LOWER, UPPER, DIGIT, PUNCT, WIDE, KANA, OTHER = range(9)
N_CLASSES = 9
# Scripts written without spaces between words: a "word" is two characters.
_WIDE_RANGES = [(0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FDF),
                (0x3005, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035), (0x3038, 0x303C),
                (0x30A0, 0x30FF), (0x3100, 0x312F), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
                (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F)]
_KANA_RANGE = (0x3040, 0x309F)
_SEPARATORS = "|»›>/•·▪●–—"
_BULLETS = frozenset("•●▪◦·*‣∙►▶■□-–—>»")
_TERMINAL = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]】」』）*"


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    """The class of each code point of the Basic Multilingual Plane (uint8)."""
    table = np.full(0x10000, OTHER, dtype=np.uint8)
    for cp in range(0x10000):
        cat = unicodedata.category(chr(cp))
        if cat[0] == "L":
            table[cp] = UPPER if cat in ("Lu", "Lt") else LOWER
        elif cat == "Nd":
            table[cp] = DIGIT
        elif cat[0] in "PS":
            table[cp] = PUNCT
        elif cat == "Zs" or chr(cp) in "\t\r\x0b\x0c":
            table[cp] = SPACE
    for lo, hi in _WIDE_RANGES:
        seg = table[lo:hi + 1]
        seg[seg != PUNCT] = WIDE
    table[_KANA_RANGE[0]:_KANA_RANGE[1] + 1] = KANA
    table[10] = NEWLINE
    return table


def _char_set_table(chars: str) -> np.ndarray:
    """A bool per code point of the Basic Multilingual Plane: whether it is one of chars."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


@lru_cache(maxsize=1)
def _separator_table() -> np.ndarray:
    return _char_set_table(_SEPARATORS)


# --- stoplists ---------------------------------------------------------------
LANG_SAMPLE_LINES = 12  # the page's lines with most words pick its stoplist
LANG_SAMPLE_WORDS = 1000  # at most this many of their words


@lru_cache(maxsize=1)
def _stoplists() -> tuple[list[frozenset[str]], dict[str, int], np.ndarray, np.ndarray]:
    """jusText's stoplists; and which lists hold each stopword, as a sparse matrix: a
    stopword's number, and for number k the list indices holders[indptr[k]:indptr[k + 1]]."""
    import justext  # imported here: only the model needs it

    names = sorted(justext.get_stoplists())
    lists = [frozenset(justext.get_stoplist(name)) for name in names]
    held: dict[str, list[int]] = {}
    for i, words in enumerate(lists):
        for w in words:
            held.setdefault(w, []).append(i)
    number = {w: k for k, w in enumerate(held)}
    indptr = np.zeros(len(held) + 1, dtype=np.intp)
    np.cumsum([len(ix) for ix in held.values()], out=indptr[1:])
    holders = np.fromiter(chain.from_iterable(held.values()), np.intp, int(indptr[-1]))
    return lists, number, indptr, holders


def page_stoplist(tokens: list[str]) -> frozenset[str]:
    """The stoplist that holds most of the words (empty if none).

    `tokens` are lower-cased words (split at whitespace) of the page's prose;
    only the first LANG_SAMPLE_WORDS are looked at, so this costs the same on any page.
    """
    lists, number, indptr, holders = _stoplists()
    sample = tokens[:LANG_SAMPLE_WORDS]
    ids = np.fromiter(map(number.get, sample, repeat(-1)), np.intp, len(sample))
    ids = ids[ids >= 0]
    if not len(ids):
        return frozenset()
    first, lens = indptr[ids], indptr[ids + 1] - indptr[ids]
    # the list indices of every sampled stopword, one after the other
    offsets = np.repeat(first - np.cumsum(lens) + lens, lens) + np.arange(int(lens.sum()))
    hits = np.bincount(holders[offsets], minlength=len(lists))
    return lists[int(np.argmax(hits))]


# --- the features --------------------------------------------------------------
RULE_NAMES = (R.SHARE, R.SUBSCRIBE, R.AD, R.COMMENTS, R.RELATED, R.UI, R.COUNTER, R.CAPTION,
              R.BREADCRUMB, R.BULLET, R.TIMESTAMP, R.COPYRIGHT, R.URL, R.BYLINE)
_RULE_INDEX = {name: i for i, name in enumerate(RULE_NAMES)}

BASE_NAMES = ("log_chars", "log_words", "log_word_len", "rel_chars", "terminal", "colon_end",
              "punct", "digit", "upper", "wide", "kana", "cap_words", "separators", "bullet_start",
              "digit_start", "upper_start", "url", "stop_density", "log_stops", "any_rule",
              "repeated", "blank_before", "blank_after")
CONTEXT_BASE = ("log_chars", "log_words", "terminal", "stop_density", "any_rule", "punct",
                "cap_words")
CONTEXT_OFFSETS = (-2, -1, 1, 2)
WINDOW_BASE = ("log_chars", "terminal", "stop_density", "any_rule")
WINDOWS = (3, 10, 25)
BLOCK_NAMES = ("in_block", "log_dist_block", "block_share", "stop_vs_page", "dense_vs_page",
               "block_sentence", "block_chars", "has_anchor", "after_anchor", "is_anchor")
FEATURE_NAMES = (
    BASE_NAMES
    + ("pos", "char_pos", "log_lines_before", "log_lines_after", "log_page_lines")
    + BLOCK_NAMES
    + tuple(f"rule={name}" for name in RULE_NAMES)
    + tuple(f"{name}@{off:+d}" for off in CONTEXT_OFFSETS for name in CONTEXT_BASE)
    + tuple(f"{name}~{w}" for w in WINDOWS for name in WINDOW_BASE)
)
_B = {name: i for i, name in enumerate(BASE_NAMES)}


@dataclass
class _Chars:
    """A page's characters as code points and classes, and where each line starts and ends."""

    cps: np.ndarray
    cls: np.ndarray
    starts: np.ndarray  # index of each line's first character
    ends: np.ndarray  # index just past each line's last character
    counts: np.ndarray  # (lines, N_CLASSES) characters of each class
    word_starts: np.ndarray
    cap_starts: np.ndarray
    separators: np.ndarray


def _chars(page: str, n: int) -> _Chars:
    """Character classes and per-line counts of the lines joined by newlines."""
    cps = np.frombuffer(page.encode("utf-32-le"), dtype=np.uint32)
    bmp = np.minimum(cps, 0xFFFF)
    cls = _class_table()[bmp]
    if cps.max() > 0xFFFF:
        cls[(cps > 0xFFFF) & (cps < 0x20000)] = PUNCT  # emoji and other symbols
        cls[cps >= 0x20000] = WIDE  # Han extensions
    newlines = np.flatnonzero(cls == NEWLINE)
    starts = np.concatenate(([0], newlines + 1))
    ends = np.concatenate((newlines, [len(cps)]))
    line_id = np.repeat(np.arange(n), ends - starts + 1)[:len(cps)]
    counts = np.bincount(line_id * N_CLASSES + cls, minlength=n * N_CLASSES).reshape(n, N_CLASSES)
    # A word starts at a spaced-script character after a space, a line start or a wide character.
    spaced = _SPACED[cls]
    prev = np.empty_like(cls)
    prev[0] = NEWLINE
    prev[1:] = cls[:-1]
    word_start = spaced & _BREAK[prev]
    word_starts = np.bincount(line_id[word_start], minlength=n)
    cap_starts = np.bincount(line_id[word_start & (cls == UPPER)], minlength=n)
    seps = np.bincount(line_id[_separator_table()[bmp]], minlength=n)
    return _Chars(cps, cls, starts, ends, counts, word_starts, cap_starts, seps)


_SPACED = np.zeros(N_CLASSES, dtype=bool)
_SPACED[[LOWER, UPPER, DIGIT, PUNCT, OTHER]] = True
_BREAK = np.zeros(N_CLASSES, dtype=bool)
_BREAK[[SPACE, NEWLINE, WIDE, KANA]] = True
_IS_TERMINAL = _char_set_table("".join(_TERMINAL))
_IS_CLOSER = _char_set_table(_CLOSERS)
_IS_COLON = _char_set_table(":：")
_IS_BULLET = _char_set_table("".join(_BULLETS))
CLOSERS_SKIPPED = 3  # closing quotes or brackets looked behind for the closing punctuation


def _line_ends(c: _Chars) -> np.ndarray:
    """Each line's last character (as a code point of the Basic Multilingual Plane, others
    folded to U+FFFF) before up to CLOSERS_SKIPPED closing quotes or brackets."""
    bmp = np.minimum(c.cps, 0xFFFF)
    pos = c.ends - 1
    for _ in range(CLOSERS_SKIPPED):
        back = _IS_CLOSER[bmp[pos]] & (pos > c.starts)
        if not back.any():
            break
        pos = pos - back
    return bmp[pos]


def _lines_containing(low_page: str, starts: np.ndarray, needles: tuple[str, ...]) -> np.ndarray:
    """Whether each line of the page contains one of the needles (str.find, no regex)."""
    hits = []
    for needle in needles:
        at = low_page.find(needle)
        while at >= 0:
            hits.append(at)
            at = low_page.find(needle, at + 1)
    out = np.zeros(len(starts), dtype=bool)
    if hits:
        out[np.searchsorted(starts, np.array(hits), side="right") - 1] = True
    return out


def script_words(lines: list[str]) -> np.ndarray:
    """Words of each line: space-separated words, and characters/2 in scripts without spaces."""
    if not lines:
        return np.zeros(0)
    c = _chars("\n".join(lines), len(lines))
    return c.word_starts + (c.counts[:, WIDE] + c.counts[:, KANA]) / 2.0


def _shift(x: np.ndarray, off: int, fill: float) -> np.ndarray:
    """x moved so that row i holds x[i + off] (fill past the ends)."""
    out = np.full_like(x, fill)
    if off > 0:
        out[:-off] = x[off:]
    elif off < 0:
        out[-off:] = x[:off]
    else:
        out[:] = x
    return out


def _window_mean(x: np.ndarray, half: int) -> np.ndarray:
    """Mean of x (a vector, or each column of a matrix) over the rows i-half .. i+half that exist."""
    n = len(x)
    c = np.zeros((n + 1,) + x.shape[1:])
    np.cumsum(x, axis=0, out=c[1:])
    i = np.arange(n)
    lo = np.maximum(0, i - half)
    hi = np.minimum(n, i + half + 1)
    if x.ndim == 1:
        return (c[hi] - c[lo]) / (hi - lo)
    return (c[hi] - c[lo]) / (hi - lo)[:, None]


def line_features(lines: list[str], line_numbers: list[int] | None = None,
                  rules: list[str | None] | None = None) -> np.ndarray:
    """The feature matrix of a page's stripped non-blank lines (float32, FEATURE_NAMES columns).

    `line_numbers` are the lines' numbers in the input (blank lines between them
    show as gaps); `rules` the shape rule of each line (pagescan.match_lines) if
    already known.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    page_text = "\n".join(lines)
    c = _chars(page_text, n)
    counts, word_starts = c.counts, c.word_starts
    chars = counts[:, 1:].sum(axis=1).astype(np.float64)  # all but the newline
    wide = (counts[:, WIDE] + counts[:, KANA]).astype(np.float64)
    words = word_starts + wide / 2.0
    letters = counts[:, LOWER] + counts[:, UPPER]
    base = np.zeros((n, len(BASE_NAMES)), dtype=np.float64)
    base[:, _B["log_chars"]] = np.log1p(chars)
    base[:, _B["log_words"]] = np.log1p(words)
    base[:, _B["log_word_len"]] = np.log1p((chars - counts[:, SPACE]) / np.maximum(words, 1.0))
    long_line = np.partition(chars, (9 * (n - 1)) // 10)[(9 * (n - 1)) // 10]
    base[:, _B["rel_chars"]] = np.log1p(chars) - np.log1p(long_line)
    safe = np.maximum(chars, 1.0)
    base[:, _B["punct"]] = counts[:, PUNCT] / safe
    base[:, _B["digit"]] = counts[:, DIGIT] / safe
    base[:, _B["upper"]] = counts[:, UPPER] / np.maximum(letters, 1)
    base[:, _B["wide"]] = wide / safe
    base[:, _B["kana"]] = counts[:, KANA] / np.maximum(wide, 1.0)
    base[:, _B["cap_words"]] = c.cap_starts / np.maximum(word_starts, 1)
    base[:, _B["separators"]] = np.minimum(c.separators, 5) / 5.0

    last = _line_ends(c)
    base[:, _B["terminal"]] = _IS_TERMINAL[last]
    base[:, _B["colon_end"]] = _IS_COLON[last]
    heads = np.minimum(c.cps[c.starts], 0xFFFF)
    head_cls = c.cls[c.starts]
    base[:, _B["bullet_start"]] = _IS_BULLET[heads]
    base[:, _B["digit_start"]] = head_cls == DIGIT
    base[:, _B["upper_start"]] = head_cls == UPPER
    low_page = page_text.lower()
    lows = low_page.split("\n")
    if len(low_page) != len(page_text):  # lower() lengthened a letter (İ): line by line
        base[:, _B["url"]] = [("http" in k or "www." in k) for k in lows]
    else:
        base[:, _B["url"]] = _lines_containing(low_page, c.starts, ("http", "www."))

    tokens = list(map(str.split, lows))
    n_tokens = np.fromiter(map(len, tokens), np.intp, n)
    prose = np.argsort(-n_tokens, kind="stable")[:LANG_SAMPLE_LINES]
    stop = page_stoplist(list(chain.from_iterable(tokens[i] for i in sorted(prose))))
    flat = list(chain.from_iterable(tokens))
    if flat and stop:
        hits = np.fromiter(map(stop.__contains__, flat), bool, len(flat))
        owner = np.repeat(np.arange(n), n_tokens)
        stops = np.bincount(owner[hits], minlength=n).astype(np.float64)
    else:
        stops = np.zeros(n)
    base[:, _B["stop_density"]] = stops / np.maximum(words, 1.0)
    base[:, _B["log_stops"]] = np.log1p(stops)

    if rules is None:
        rules = match_lines(lines, list(map(len, map(str.split, lines))))
    onehot = np.zeros((n, len(RULE_NAMES)))
    for i in compress(count(), rules):
        onehot[i, _RULE_INDEX.get(rules[i], _RULE_INDEX[R.UI])] = 1.0
    base[:, _B["any_rule"]] = onehot.any(axis=1)
    seen = Counter(lows)
    if len(seen) < n:
        base[:, _B["repeated"]] = np.fromiter(map(seen.__getitem__, lows), np.intp, n) > 1
    nos = np.arange(n) if line_numbers is None else np.asarray(line_numbers)
    gaps = np.diff(nos) > 1
    base[1:, _B["blank_before"]] = gaps
    base[0, _B["blank_before"]] = 1.0
    base[:-1, _B["blank_after"]] = gaps
    base[-1, _B["blank_after"]] = 1.0

    idx = np.arange(n, dtype=np.float64)
    cum = np.cumsum(chars) - chars
    page = np.stack([idx / max(n - 1, 1), cum / max(chars.sum(), 1.0), np.log1p(idx),
                     np.log1p(n - 1 - idx), np.full(n, np.log1p(n))], axis=1)
    ctx_cols = [_B[name] for name in CONTEXT_BASE]
    ctx = [_shift(base[:, ctx_cols], off, 0.0) for off in CONTEXT_OFFSETS]
    win_cols = [_B[name] for name in WINDOW_BASE]
    win = [_window_mean(base[:, win_cols], w) for w in WINDOWS]
    block = _block_features(base, words, win, _headline_anchor(lines, lows, words))
    return np.concatenate([base, page, block, onehot, *ctx, *win], axis=1).astype(np.float32)


SENTENCE_WORDS = 8  # a sentence line of at least this many words counts for the dense block


def densest_block(gain: np.ndarray) -> tuple[int, int]:
    """Indices [start, end) of the run of lines with the highest sum of gain (Kadane, vectorised)."""
    c = np.concatenate(([0.0], np.cumsum(gain)))
    low_at = np.minimum.accumulate(c)
    end = int(np.argmax(c - low_at))
    if c[end] - low_at[end] <= 0:
        return 0, 0
    start = int(np.flatnonzero(c[:end + 1] == low_at[end])[-1])
    return start, end


def _headline_anchor(lines: list[str], lows: list[str], words: np.ndarray) -> int | None:
    """Index of the first line after the first that repeats the longest part of the first
    line (a saved page starts with its title, "Headline - Site"; the headline repeats
    it above the article), or None."""
    if len(lines) < 3:
        return None
    first = lows[0]
    longest = max(columns([title_key(part) for part in TITLE_SEPARATOR.split(first)]))
    if longest < ANCHOR_MIN_COLUMNS:
        return None
    whole = title_key(first)
    for i in range(1, len(lines)):
        if words[i] <= 60 and lows[i][:4] in first:
            k = title_key(lows[i])
            width = columns([k])[0]
            if width >= ANCHOR_MIN_COLUMNS and width >= 0.85 * longest and k in whole:
                return i
    return None


def _block_features(base: np.ndarray, words: np.ndarray, win: list[np.ndarray],
                    anchor: int | None) -> np.ndarray:
    """Where the line stands against the page's densest run of sentences and against the
    headline that repeats the page's title, and its neighbourhood's stopword density
    and sentence share against the page's best."""
    n = len(words)
    sentence = (base[:, _B["terminal"]] > 0) & (words >= SENTENCE_WORDS) & (base[:, _B["any_rule"]] == 0)
    gain = np.where(sentence, words, np.where(base[:, _B["any_rule"]] > 0, -8.0, -3.0))
    start, end = densest_block(gain)
    idx = np.arange(n)
    inside = (idx >= start) & (idx < end)
    dist = np.where(inside, 0, np.where(idx < start, start - idx, idx - end + 1))
    share = np.full(n, (end - start) / n)
    w10 = win[1]
    stop10 = w10[:, WINDOW_BASE.index("stop_density")]
    term10 = w10[:, WINDOW_BASE.index("terminal")]
    has_anchor = np.full(n, anchor is not None, dtype=np.float64)
    after = idx > anchor if anchor is not None else np.zeros(n, dtype=bool)
    is_anchor = idx == anchor if anchor is not None else np.zeros(n, dtype=bool)
    return np.stack([inside, np.log1p(dist), share, stop10 - stop10.max(), term10 - term10.max(),
                     inside * base[:, _B["terminal"]], inside * base[:, _B["log_chars"]],
                     has_anchor, after, is_anchor], axis=1)


# --- the second stage: the first stage's log-odds of the lines around -------------------
LOGIT_OFFSETS = (-2, -1, 1, 2)
LOGIT_WINDOWS = (1, 2, 5, 12)
LOGIT_NAMES = (("logit",) + tuple(f"logit@{off:+d}" for off in LOGIT_OFFSETS)
               + tuple(f"logit~{w}" for w in LOGIT_WINDOWS)
               + ("logit_block", "logit_block_dist", "logit_block_share", "logit_vs_best",
                  "logit_mass_before"))


def logit_context(logit: np.ndarray) -> np.ndarray:
    """Second-stage features of each line from the first stage's log-odds of all lines:
    its own and its neighbours', window means, the densest run of positive log-odds
    (membership, distance, share of the page), its window against the page's best, and
    the share of the page's positive log-odds above it (LOGIT_NAMES columns)."""
    n = len(logit)
    x = logit.astype(np.float64)
    cols = [x] + [_shift(x, off, -4.0) for off in LOGIT_OFFSETS]
    wins = [_window_mean(x, w) for w in LOGIT_WINDOWS]
    start, end = densest_block(x)
    idx = np.arange(n)
    inside = (idx >= start) & (idx < end)
    dist = np.where(inside, 0, np.where(idx < start, start - idx, idx - end + 1))
    pos = np.maximum(x, 0.0)
    mass = (np.cumsum(pos) - pos) / max(pos.sum(), 1e-9)
    return np.stack(cols + wins + [inside, np.log1p(dist), np.full(n, (end - start) / n),
                                   wins[2] - wins[2].max(), mass], axis=1)
