"""Choosing an HTML page's body among three readings by agreement, not by length.

The readings are trafilatura's (the base: precision-leaning, the best single
extractor on most news pages), readability-lxml's (another DOM-scoring
extractor) and the plain-text line classifier's (run on the page's block text).
They are compared by their sets of word 4-grams; in scripts written without
spaces (Chinese, Japanese, Thai, ...) every character counts as a word, so the
4-grams are character 4-grams there.

Decisions, in order (each needs another reading's evidence, never length alone):
- trafilatura found nothing: readability's reading when the line classifier
  agrees with half of it (or found nothing either), else the classifier's;
- readability's reading contains trafilatura's (CONTAIN of its 4-grams) and
  EXTEND times as much again (half as much: a related-links box or a caption
  readability keeps is far shorter): trafilatura stopped early inside the same article
  (it does at embedded widgets), so readability's reading is taken;
- trafilatura's reading is under TINY of the line classifier's, readability's
  does not contain it (it read another part of the page, or nothing), and the
  classifier's does: the classifier's reading is taken;
- otherwise trafilatura's reading stays. A longer reading that does not contain
  trafilatura's is never taken: comments and teaser lists are longer too.

The thresholds were checked by leaving one eval set out (see the README).
"""

from __future__ import annotations

from dataclasses import dataclass

from .scripts import units

N = 4

# readability's reading replaces trafilatura's when it contains this share of
# trafilatura's 4-grams ...
CONTAIN = 0.8
# ... and has at least this many times as many 4-grams again (0.5: 1.5x as long).
# Chosen leaving one eval set out (HTML F1 of the held-out set): aeb-dev held out,
# the others pick 0.5 (0.980); fundus-dev held out, 0.4 and 0.5 tie (0.955, 0.956);
# readability-dev held out, 0.5..1.0 tie (0.946 at 0.5, 0.945 at 1.0). Leaving one site out
# (benchmarks/chooser_cv.py, CONTAIN/EXTEND/TINY on a grid) every fit keeps 0.5: 0.980 / 0.956 / 0.946.
EXTEND = 0.5
# trafilatura's reading is "too little" under this share of the line classifier's.
TINY = 0.1
# readability is not consulted when this share of the classifier's reading is in trafilatura's.
# A shortcut for speed only: on the 303 dev pages it changes no choice (benchmarks/chooser_cv.py)
# and spares readability on 273 of them.
AGREE = 0.8

TRAFILATURA, READABILITY, CLASSIFIER = "trafilatura", "readability", "classifier"


def grams(text: str) -> set[tuple[str, ...]]:
    """The set of unit N-grams of a text (the whole text when it is shorter)."""
    u = units(text)
    if len(u) <= N:
        return {tuple(u)} if u else set()
    return {tuple(u[i:i + N]) for i in range(len(u) - N + 1)}


def reading_grams(paragraphs: list[str] | tuple[str, ...]) -> set[tuple[str, ...]]:
    """The N-grams of a reading (paragraph by paragraph: none spans two paragraphs)."""
    out: set[tuple[str, ...]] = set()
    for p in paragraphs:
        out |= grams(p)
    return out


def containment(inner: set, outer: set) -> float:
    """Share of `inner`'s N-grams that are in `outer` (0 when `inner` is empty)."""
    return len(inner & outer) / len(inner) if inner else 0.0


@dataclass(frozen=True)
class Choice:
    """Which reading is the body, and why (for the removed lines' rule names)."""

    reading: str
    reason: str


def settled(gt: set, gl: set) -> bool:
    """True when the line classifier's reading lies (AGREE of it) inside trafilatura's.

    Two independent readings then agree that the page has no prose outside
    trafilatura's, and readability (a third parse of the page) is not consulted.
    """
    return bool(gt) and containment(gl, gt) >= AGREE


def choose_reading(gt: set, gr: set, gl: set, contain: float = CONTAIN, extend: float = EXTEND,
                   tiny: float = TINY) -> Choice:
    """Pick the body among trafilatura's, readability's and the classifier's readings.

    The arguments are the readings' N-gram sets (reading_grams). trafilatura's
    reading is kept unless another's evidence says so (see the module docstring).
    The thresholds default to the module's; benchmarks/chooser_cv.py varies them.
    """
    if not gt:
        # trafilatura found nothing: readability when the classifier agrees with
        # half of it (or found nothing either), else the classifier.
        if gr and (not gl or containment(gr, gl) >= 0.5):
            return Choice(READABILITY, "trafilatura empty; classifier agrees")
        if gl:
            return Choice(CLASSIFIER, "trafilatura empty")
        return Choice(READABILITY, "trafilatura empty") if gr else Choice(TRAFILATURA, "empty")
    in_read = containment(gt, gr)
    if in_read >= contain and len(gr - gt) >= extend * len(gt):
        return Choice(READABILITY, "readability contains and extends trafilatura")
    if len(gt) < tiny * len(gl) and in_read < contain and containment(gt, gl) >= contain:
        return Choice(CLASSIFIER, "trafilatura too little; classifier contains it")
    return Choice(TRAFILATURA, "base")
