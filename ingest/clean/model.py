"""The learned line model: probability that each line of a plain-text page is article body.

Logistic regression (or a small network) over the shallow features of
ingest.clean.features, then a second one that also sees the first one's log-odds
of the lines around (auto-context), with weights shipped in the package
(line_model.json, written by benchmarks/train_line_model.py) and run with numpy.
A line is body when its log-odds are above the model's threshold; an optional
two-state sequence step (Viterbi over the lines' log-odds, with a cost for each
switch between body and boilerplate: the model's switch_cost, 0 in the shipped
one, which cross-validated best) smooths the decision.

- line_probabilities(lines): each line's probability of being body;
- line_log_odds(lines): the same as log-odds, to add to another classifier's line
  scores;
- clean_with_model(text, options): a full Cleaned (title, published date, body
  paragraphs, removed lines with rule "model:<probability>").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress, count, repeat
from pathlib import Path

import numpy as np

from . import rules as R
from .cleaned import Cleaned
from .dates import find_published
from .features import FEATURE_NAMES, line_features, logit_context
from ..models import RemovedLine

WEIGHTS_FILE = "line_model.json"
MODEL_RULE = "model"


@dataclass(frozen=True)
class Stage:
    """One classifier: standardisation, then layers (tanh between them), one output."""

    mean: np.ndarray
    scale: np.ndarray
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]  # (weights, bias)

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Log-odds of body for each row of a feature matrix."""
        h = (features - self.mean) / self.scale
        last = len(self.layers) - 1
        for i, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if i < last:
                h = np.tanh(h)
        return h[:, 0]

    def to_json(self) -> dict:
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "layers": [{"w": w.tolist(), "b": b.tolist()} for w, b in self.layers]}

    @classmethod
    def from_json(cls, data: dict) -> "Stage":
        layers = tuple((np.asarray(layer["w"], dtype=np.float64), np.asarray(layer["b"], dtype=np.float64))
                       for layer in data["layers"])
        return cls(np.asarray(data["mean"], dtype=np.float64), np.asarray(data["scale"], dtype=np.float64),
                   layers)


@dataclass(frozen=True)
class LineModel:
    """A trained line model: a first stage over the line features and, optionally, a
    second over the same features plus the first stage's log-odds around each line
    (features.logit_context); and the sequence step's settings."""

    feature_names: tuple[str, ...]
    first: Stage
    second: Stage | None
    prior: float  # share of body lines (weighted) in training, for information
    switch_cost: float  # Viterbi: cost of a change between body and boilerplate (0: none)
    threshold: float = 0.0  # a line is body if its log-odds are above this

    def logits(self, features: np.ndarray) -> np.ndarray:
        """The model's log-odds of body for each row of a page's feature matrix (rows in
        page order: the second stage looks at the neighbours)."""
        logit = self.first.logits(features)
        if self.second is None or len(logit) == 0:
            return logit
        return self.second.logits(np.concatenate([features, logit_context(logit)], axis=1))

    def to_json(self) -> dict:
        """The model as a JSON-serialisable dict (what from_json reads)."""
        return {"feature_names": list(self.feature_names), "first": self.first.to_json(),
                "second": self.second.to_json() if self.second else None,
                "prior": self.prior, "switch_cost": self.switch_cost, "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict) -> "LineModel":
        """A model from the dict to_json wrote; ValueError if it does not fit the features."""
        names = tuple(data["feature_names"])
        if names != FEATURE_NAMES:
            raise ValueError("line model weights were trained on other features; retrain with "
                             "benchmarks/train_line_model.py")
        second = Stage.from_json(data["second"]) if data.get("second") else None
        return cls(names, Stage.from_json(data["first"]), second, float(data["prior"]),
                   float(data["switch_cost"]), float(data.get("threshold", 0.0)))


@lru_cache(maxsize=1)
def default_model() -> LineModel:
    """The model shipped with the package (ingest/clean/line_model.json)."""
    text = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return LineModel.from_json(json.loads(text))


def load_model(path: str | Path | None = None) -> LineModel:
    """The model in a weights file, or the shipped one."""
    if path is None:
        return default_model()
    return LineModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _page_lines(text: str) -> tuple[list[int], list[str]]:
    stripped = list(map(str.strip, text.splitlines()))
    return list(compress(count(), stripped)), list(filter(None, stripped))


def line_log_odds(lines: list[str], line_numbers: list[int] | None = None,
                  model: LineModel | None = None, rules: list[str | None] | None = None) -> np.ndarray:
    """Each stripped non-blank line's log-odds of being body (0: as likely body as not);
    `rules` are the lines' pagescan.match_lines results if already known."""
    model = model or default_model()
    if not lines:
        return np.zeros(0)
    return model.logits(line_features(lines, line_numbers, rules)) - model.threshold


def line_probabilities(lines: list[str], line_numbers: list[int] | None = None,
                       model: LineModel | None = None) -> np.ndarray:
    """Probability that each stripped non-blank line is article body (before smoothing)."""
    model = model or default_model()
    if not lines:
        return np.zeros(0)
    return 1.0 / (1.0 + np.exp(-model.logits(line_features(lines, line_numbers))))


def viterbi(log_odds: np.ndarray, switch_cost: float) -> np.ndarray:
    """The body/boilerplate labelling that maximises the sum of the body lines' log-odds
    less switch_cost per change of state (a two-state HMM); bool per line."""
    n = len(log_odds)
    if n == 0:
        return np.zeros(0, dtype=bool)
    # score of the best labelling of lines[:i+1] ending in state out (0) / body (1)
    out_s, body_s = 0.0, float(log_odds[0])
    from_body_out = np.zeros(n, dtype=bool)  # best predecessor of "out" at i was "body"
    from_body_in = np.ones(n, dtype=bool)  # best predecessor of "body" at i was "body"
    for i in range(1, n):
        lo = float(log_odds[i])
        stay_out, enter_out = out_s, body_s - switch_cost
        stay_in, enter_in = body_s, out_s - switch_cost
        from_body_out[i] = enter_out > stay_out
        from_body_in[i] = stay_in >= enter_in
        out_s = max(stay_out, enter_out)
        body_s = max(stay_in, enter_in) + lo
    labels = np.zeros(n, dtype=bool)
    state = body_s > out_s
    for i in range(n - 1, -1, -1):
        labels[i] = state
        state = from_body_in[i] if state else from_body_out[i]
    return labels


def body_lines(lines: list[str], line_numbers: list[int] | None = None,
               model: LineModel | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Which lines are body (bool, after the sequence step) and each line's probability."""
    model = model or default_model()
    if not lines:
        return np.zeros(0, dtype=bool), np.zeros(0)
    logit = model.logits(line_features(lines, line_numbers))
    margin = logit - model.threshold
    body = viterbi(margin, model.switch_cost) if model.switch_cost > 0 else margin > 0
    return body, 1.0 / (1.0 + np.exp(-logit))


TITLE_LOOKBACK = 12
_PROBABILITY_LABELS = tuple(f"{MODEL_RULE}:{k / 100:.2f}" for k in range(101))


def _title_index(lines: list[str], body: np.ndarray, first: int) -> int | None:
    """The headline just before the first body line: the nearest line above it that is not
    a sentence, has 3 to 30 words (or 6 to 60 wide characters) and matches no rule."""
    for i in range(first - 1, max(-1, first - TITLE_LOOKBACK), -1):
        line = lines[i]
        words = len(line.split())
        if line[-1] in ".!?。！？" or R.match_line(line, words) is not None:
            continue
        if 3 <= words <= 30 or (words < 3 and 6 <= len(line) <= 60 and not line.isascii()):
            return i
    return None


def clean_with_model(text: str, options=None, model: LineModel | None = None) -> Cleaned:
    """Clean plain text with the line model alone: title, published date, body paragraphs,
    and every other line removed with rule "model:<probability of body>" (or "title",
    "published"). `options` (CleanOptions) is accepted for the cleaners' common signature."""
    nos, lines = _page_lines(text)
    body, prob = body_lines(lines, nos, model)
    names = np.array(_PROBABILITY_LABELS, dtype=object)[np.rint(prob * 100).astype(np.intp)]
    names[body] = None
    labels: list[str | None] = names.tolist()
    title = published = None
    firsts = np.flatnonzero(body)
    if len(firsts):
        t = _title_index(lines, body, int(firsts[0]))
        if t is not None:
            title, labels[t] = lines[t], R.TITLE
    for i in compress(count(), labels):
        line = lines[i]
        if labels[i] != R.TITLE and len(line) < 120 and line[0] in "PpUuLlFfDd":
            date = find_published(line)
            if date:
                labels[i] = R.PUBLISHED
                published = published or date
    paragraphs: list[str] = []
    prev_no = -2
    for i in compress(count(), map(bool, body)):
        line = lines[i]
        if labels[i] is not None:
            continue
        # a hard-wrapped continuation joins the line it continues
        if (paragraphs and nos[i] == prev_no + 1 and line[0].islower()
                and paragraphs[-1][-1] not in ".!?:;。"):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        prev_no = nos[i]
    removed = tuple(map(tuple.__new__, repeat(RemovedLine),
                        zip(compress(nos, labels), compress(lines, labels), filter(None, labels))))
    return Cleaned(title, published, tuple(paragraphs), removed)
