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

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import chain, repeat
from operator import contains

import numpy as np

from . import rules as R

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


@lru_cache(maxsize=1)
def _separator_table() -> np.ndarray:
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in _SEPARATORS]] = True
    return table


# --- stoplists ---------------------------------------------------------------
_WORD = re.compile(r"\w+")
LANG_SAMPLE_WORDS = 3000  # words of the page looked at to pick its stoplist
LANG_TOP_WORDS = 80  # its most frequent words decide


@lru_cache(maxsize=1)
def _stoplists() -> tuple[list[frozenset[str]], dict[str, np.ndarray]]:
    """jusText's stoplists, and for each stopword the indices of the lists that hold it."""
    import justext  # imported here: only the model needs it

    names = sorted(justext.get_stoplists())
    lists = [frozenset(justext.get_stoplist(name)) for name in names]
    holders: dict[str, list[int]] = {}
    for i, words in enumerate(lists):
        for w in words:
            holders.setdefault(w, []).append(i)
    return lists, {w: np.array(ix, dtype=np.intp) for w, ix in holders.items()}


def page_stoplist(tokens: list[str]) -> frozenset[str]:
    """The stoplist that covers most occurrences of the page's frequent words (empty if none).

    `tokens` are the page's lower-cased words; only the first LANG_SAMPLE_WORDS
    and of them the LANG_TOP_WORDS most frequent are looked at, so this costs the
    same on any page.
    """
    lists, holders = _stoplists()
    top = Counter(tokens[:LANG_SAMPLE_WORDS]).most_common(LANG_TOP_WORDS)
    found = [(holders[w], c) for w, c in top if w in holders]
    if not found:
        return frozenset()
    ids = np.concatenate([ix for ix, _ in found])
    weights = np.repeat([float(c) for _, c in found], [len(ix) for ix, _ in found])
    hits = np.bincount(ids, weights=weights, minlength=len(lists))
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


def _class_counts(lines: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per line: counts of each character class, word starts, capitalised word starts and
    separator characters."""
    n = len(lines)
    page = "\n".join(lines)
    cps = np.frombuffer(page.encode("utf-32-le"), dtype=np.uint32)
    cls = _class_table()[np.minimum(cps, 0xFFFF)]
    cls[(cps > 0xFFFF) & (cps < 0x20000)] = PUNCT  # emoji and other symbols
    cls[cps >= 0x20000] = WIDE  # Han extensions
    line_id = np.cumsum(cls == NEWLINE)
    counts = np.bincount(line_id * N_CLASSES + cls, minlength=n * N_CLASSES).reshape(n, N_CLASSES)
    # A word starts at a spaced-script character after a space, a line start or a wide character.
    spaced = (cls == LOWER) | (cls == UPPER) | (cls == DIGIT) | (cls == PUNCT) | (cls == OTHER)
    prev = np.empty_like(cls)
    prev[0] = NEWLINE
    prev[1:] = cls[:-1]
    starts = spaced & ((prev == SPACE) | (prev == NEWLINE) | (prev == WIDE) | (prev == KANA))
    word_starts = np.bincount(line_id[starts], minlength=n)
    cap_starts = np.bincount(line_id[starts & (cls == UPPER)], minlength=n)
    seps = np.bincount(line_id[_separator_table()[np.minimum(cps, 0xFFFF)]], minlength=n)
    return counts, word_starts, cap_starts, seps


def script_words(lines: list[str]) -> np.ndarray:
    """Words of each line: space-separated words, and characters/2 in scripts without spaces."""
    counts, word_starts, _, _ = _class_counts(lines)
    return word_starts + (counts[:, WIDE] + counts[:, KANA]) / 2.0


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
    """Mean of x over the rows i-half .. i+half that exist."""
    c = np.concatenate(([0.0], np.cumsum(x, dtype=np.float64)))
    n = len(x)
    i = np.arange(n)
    lo = np.maximum(0, i - half)
    hi = np.minimum(n, i + half + 1)
    return (c[hi] - c[lo]) / (hi - lo)


def line_features(lines: list[str], line_numbers: list[int] | None = None,
                  rules: list[str | None] | None = None) -> np.ndarray:
    """The feature matrix of a page's stripped non-blank lines (float32, FEATURE_NAMES columns).

    `line_numbers` are the lines' numbers in the input (blank lines between them
    show as gaps); `rules` the shape rule of each line (rules.match_lines) if
    already known.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    counts, word_starts, cap_starts, seps = _class_counts(lines)
    chars = counts[:, 1:].sum(axis=1).astype(np.float64)  # all but the newline
    wide = (counts[:, WIDE] + counts[:, KANA]).astype(np.float64)
    words = word_starts + wide / 2.0
    letters = counts[:, LOWER] + counts[:, UPPER]
    base = np.zeros((n, len(BASE_NAMES)), dtype=np.float64)
    base[:, _B["log_chars"]] = np.log1p(chars)
    base[:, _B["log_words"]] = np.log1p(words)
    base[:, _B["log_word_len"]] = np.log1p((chars - counts[:, SPACE]) / np.maximum(words, 1.0))
    long_line = np.percentile(chars, 90)
    base[:, _B["rel_chars"]] = np.log1p(chars) - np.log1p(long_line)
    safe = np.maximum(chars, 1.0)
    base[:, _B["punct"]] = counts[:, PUNCT] / safe
    base[:, _B["digit"]] = counts[:, DIGIT] / safe
    base[:, _B["upper"]] = counts[:, UPPER] / np.maximum(letters, 1)
    base[:, _B["wide"]] = wide / safe
    base[:, _B["kana"]] = counts[:, KANA] / np.maximum(wide, 1.0)
    base[:, _B["cap_words"]] = cap_starts / np.maximum(word_starts, 1)
    base[:, _B["separators"]] = np.minimum(seps, 5) / 5.0

    ends = [s[-1:] for s in map(str.rstrip, lines, repeat(_CLOSERS))]
    base[:, _B["terminal"]] = np.fromiter(map(_TERMINAL.__contains__, ends), bool, n)
    base[:, _B["colon_end"]] = np.fromiter(map(":：".__contains__, ends), bool, n)
    heads = "".join(line[0] for line in lines)
    base[:, _B["bullet_start"]] = np.fromiter(map(_BULLETS.__contains__, heads), bool, n)
    base[:, _B["digit_start"]] = np.fromiter(map(str.isdigit, heads), bool, n)
    base[:, _B["upper_start"]] = np.fromiter(map(str.isupper, heads), bool, n)
    lows = "\n".join(lines).lower().split("\n")
    base[:, _B["url"]] = np.fromiter(
        (a or b for a, b in zip(map(contains, lows, repeat("http")), map(contains, lows, repeat("www.")))),
        bool, n)

    tokens = list(map(_WORD.findall, lows))
    flat = list(chain.from_iterable(tokens))
    stop = page_stoplist(flat)
    if flat and stop:
        hits = np.fromiter(map(stop.__contains__, flat), bool, len(flat))
        owner = np.repeat(np.arange(n), np.fromiter(map(len, tokens), np.intp, n))
        stops = np.bincount(owner[hits], minlength=n).astype(np.float64)
    else:
        stops = np.zeros(n)
    base[:, _B["stop_density"]] = stops / np.maximum(words, 1.0)
    base[:, _B["log_stops"]] = np.log1p(stops)

    if rules is None:
        rules = R.match_lines(lines, list(map(len, map(str.split, lines))))
    onehot = np.zeros((n, len(RULE_NAMES)))
    for i, rule in enumerate(rules):
        if rule is not None:
            onehot[i, _RULE_INDEX.get(rule, _RULE_INDEX[R.UI])] = 1.0
    base[:, _B["any_rule"]] = onehot.any(axis=1)
    seen = Counter(lows)
    base[:, _B["repeated"]] = np.fromiter((seen[k] > 1 for k in lows), bool, n)
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
    win = [np.stack([_window_mean(base[:, c], w) for c in win_cols], axis=1) for w in WINDOWS]
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


_NONWORD = re.compile(r"\W+")
_TITLE_SEP = re.compile(r"\s+(?:[|\-–—:»·•]|::)\s+")
ANCHOR_MIN_CHARS = 12


def _key(low: str) -> str:
    return _NONWORD.sub(" ", low).strip()


def _headline_anchor(lines: list[str], lows: list[str], words: np.ndarray) -> int | None:
    """Index of the first line after the first that repeats the longest part of the first
    line (a saved page starts with its title, "Headline - Site"; the headline repeats
    it above the article), or None."""
    if len(lines) < 3:
        return None
    first = lows[0]
    parts = [_key(part) for part in _TITLE_SEP.split(first)]
    longest = max(map(len, parts))
    if longest < ANCHOR_MIN_CHARS:
        return None
    whole = _key(first)
    for i in range(1, len(lines)):
        if words[i] <= 60 and lows[i][:4] in first:
            k = _key(lows[i])
            if len(k) >= ANCHOR_MIN_CHARS and len(k) >= 0.85 * longest and k in whole:
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
