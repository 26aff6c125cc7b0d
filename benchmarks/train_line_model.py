"""Train the line model (ingest/clean/line_model.json) on the labelled dev pages, and
cross-validate it by site and by set.

usage: python benchmarks/train_line_model.py [--eval-only | --no-eval] [--kinds set,site,ext]
                                             [--hidden N] [--switch-cost C] [--out FILE]
                                             [--ext CORPUS [--ext-weight W]]

Pages: ../shared/eval/<set>/text/*.txt with gold bodies in <set>/gold.jsonl. A
non-blank line is labelled body when most of its character 6-grams (whitespace
removed, lower case) occur in the gold body; a line too short for that is body when
it is a gold line, or continues or starts one (hard-wrapped lines).

Reports, scored with ../shared/eval/score_boilerplate.py (F1 and the number of
pages with recall < 0.5), for each set held out:
- "set": trained on the other two sets;
- "site": 5-fold cross-validation over all pages grouped by site (URL host, or
  file-name prefix), figures of the set's pages when they were held out;
then the rule cleaner alone, with the lines the held-out model gives log-odds
above 1, 2 or 3 added, and with the held-out model weighing in on its line scores
(clean.line_model: ingest.clean.scoring.MODEL_WEIGHT, MODEL_CLIP).
With --ext CORPUS (trafilatura's evaluation pages saved as text, as the external check
has them; optional), the EVEN pages (i % 2 == 0 over sorted URLs; the odd half is
never read) add partial labels: a line a "with" snippet covers is body, one a
"without" snippet covers is not, the rest weigh nothing. They join every training set
above, and "ext" scores the even pages as the external check does, each of two folds
of sites (site_fold) by a model trained on the dev pages and the other fold.
Then trains on all pages (and the even external ones) and writes the weights
(deterministic: fixed seed). Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from ingest.clean.features import FEATURE_NAMES, line_features, logit_context  # noqa: E402
from ingest.clean.model import LineModel, Stage, clean_with_model  # noqa: E402

SETS = ("aeb-dev", "fundus-dev", "readability-dev")
SEED = 20
GRAM = 6
SHORT = 20  # characters (normalised) below which a line is matched whole
_SPACE = re.compile(r"\s+")


@dataclass
class Page:
    set: str
    id: str
    site: str
    text: str
    nos: list[int]
    lines: list[str]
    labels: np.ndarray
    features: np.ndarray
    mask: np.ndarray | None = None  # 1 for labelled lines (partial labels), None: all are
    weight: float = 1.0  # how many fully labelled pages the page counts in training


def _norm(text: str) -> str:
    return _SPACE.sub("", text).lower()


def label_lines(lines: list[str], gold: str) -> np.ndarray:
    """1.0 for each line that is gold body (see the module docstring), else 0.0."""
    g = _norm(gold)
    grams = {g[i:i + GRAM] for i in range(len(g) - GRAM + 1)}
    gold_lines = {_norm(x) for x in gold.splitlines() if x.strip()}
    norm = [_norm(x) for x in lines]
    out = np.zeros(len(lines))
    for i, s in enumerate(norm):
        if len(s) >= SHORT:
            hits = sum(s[j:j + GRAM] in grams for j in range(len(s) - GRAM + 1))
            out[i] = hits >= 0.5 * (len(s) - GRAM + 1)
        elif s in gold_lines:
            out[i] = 1.0
        elif s and s in g:
            prev = norm[i - 1][-SHORT:] if i else ""
            nxt = norm[i + 1][:SHORT] if i + 1 < len(norm) else ""
            out[i] = bool(prev and prev + s in g) or bool(nxt and s + nxt in g)
    return out


def site_of(set_name: str, page_id: str, url: str) -> str:
    """The page's site: its URL's host, else the file name's prefix ("de-Spiegel", "bbc")."""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    if host:
        return host
    if set_name == "fundus-dev":
        return page_id.split("_")[0]
    return re.sub(r"[-_]?\d+$", "", page_id)


def load_pages(sets=SETS) -> list[Page]:
    pages = []
    for name in sets:
        gold = {r["id"]: r for r in map(json.loads, open(SHARED / "eval" / name / "gold.jsonl", encoding="utf-8"))}
        for path in sorted((SHARED / "eval" / name / "text").glob("*.txt")):
            pid = path.name[:-4]
            if pid not in gold:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            stripped = [x.strip() for x in text.splitlines()]
            nos = [i for i, x in enumerate(stripped) if x]
            lines = [x for x in stripped if x]
            pages.append(Page(name, pid, site_of(name, pid, gold[pid]["url"]), text, nos, lines,
                              label_lines(lines, gold[pid]["body"]), line_features(lines, nos)))
    return pages


# --- partial labels: snippets of trafilatura's evaluation pages ------------------------
def label_snippets(lines: list[str], body: list[str], boilerplate: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Labels and mask of a page's lines from snippets: a line a `body` snippet covers
    (whitespace-normalised, it may span lines) is body, one a `boilerplate` snippet
    covers is not, and the rest (and lines both cover) are unlabelled (mask 0)."""
    normed = [" ".join(x.split()) for x in lines]
    page = " ".join(normed)
    starts = np.cumsum([0] + [len(x) + 1 for x in normed[:-1]]) if normed else np.zeros(0, int)
    hit = np.zeros((2, len(lines)), dtype=bool)
    for k, snippets in enumerate((body, boilerplate)):
        for snippet in snippets:
            s = " ".join(snippet.split())
            at = page.find(s) if s else -1
            while at >= 0:
                first = int(np.searchsorted(starts, at, side="right")) - 1
                last = int(np.searchsorted(starts, at + len(s) - 1, side="right")) - 1
                hit[k, first:last + 1] = True
                at = page.find(s, at + 1)
    return hit[0].astype(np.float64), (hit[0] ^ hit[1]).astype(np.float64)


EXT_WEIGHT = 1.0  # a partially labelled page counts this many fully labelled ones (cross-validated: 1 and 3 alike)


def load_ext_pages(corpus: Path, weight: float = EXT_WEIGHT) -> list[Page]:
    """The even pages (i % 2 == 0 over sorted URLs; the odd half stays held out) of
    trafilatura's evaluation corpus as saved for the external check: corpus/tests/
    evaldata.json (snippets "with" and "without" per URL) and corpus/text/NNNN.txt (the
    page as a browser shows it); pages without a text file are skipped (a page with no
    labelled line is kept: it weighs nothing in training and is scored in ext_cross_validate)."""
    data = json.loads((corpus / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for i, url in enumerate(sorted(data)):
        path = corpus / "text" / f"{i:04d}.txt"
        if i % 2 or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        stripped = [x.strip() for x in text.splitlines()]
        nos = [k for k, x in enumerate(stripped) if x]
        lines = [x for x in stripped if x]
        labels, mask = label_snippets(lines, data[url]["with"], data[url]["without"])
        pages.append(Page("ext", f"{i:04d}", site_of("ext", str(i), url), text, nos, lines,
                          labels, line_features(lines, nos), mask, weight))
    return pages


def site_fold(site: str) -> int:
    """0 or 1: the external check's fold of a site (a hash, the same in every run)."""
    return hashlib.md5(site.encode("utf-8")).digest()[-1] % 2


# --- training ------------------------------------------------------------------------
def _weights(pages: list[Page]) -> np.ndarray:
    """Each line's weight: its words (plus one) over its page's, so every page counts the
    same (times the page's weight; a partially labelled page's only on its labelled lines)."""
    out = []
    for p in pages:
        w = np.exp(p.features[:, FEATURE_NAMES.index("log_words")])  # words + 1
        if p.mask is not None:
            w = w * p.mask
            out.append(p.weight * w / max(w.sum(), 1e-12))
            continue
        out.append(p.weight * w / w.sum())
    w = np.concatenate(out)
    return w / w.mean()


def train_stage(X: np.ndarray, y: np.ndarray, sw: np.ndarray, hidden: int = 0, epochs: int = 400,
                l2: float = 1e-3, seed: int = SEED) -> Stage:
    """Fit one stage by full-batch Adam on weighted log-loss (deterministic for a seed)."""
    X = X.astype(np.float64)
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-6
    Z = (X - mean) / scale
    rng = np.random.default_rng(seed)
    sizes = [Z.shape[1]] + ([hidden] if hidden else []) + [1]
    params = []
    for a, b in zip(sizes, sizes[1:]):
        params += [rng.normal(0, 1 / np.sqrt(a), (a, b)), np.zeros(b)]
    m = [np.zeros_like(q) for q in params]
    v = [np.zeros_like(q) for q in params]
    lr, b1, b2 = 0.01, 0.9, 0.999
    n = len(y)
    for t in range(1, epochs + 1):
        acts = [Z]
        h = Z
        for k in range(0, len(params), 2):
            h = h @ params[k] + params[k + 1]
            if k + 2 < len(params):
                h = np.tanh(h)
            acts.append(h)
        p = 1 / (1 + np.exp(-acts[-1][:, 0]))
        g = ((p - y) * sw / n)[:, None]
        grads = [None] * len(params)
        for k in range(len(params) - 2, -1, -2):
            a_in = acts[k // 2]
            grads[k] = a_in.T @ g + l2 * params[k]
            grads[k + 1] = g.sum(axis=0)
            if k:
                g = (g @ params[k].T) * (1 - a_in ** 2)
        for i, (q, gq) in enumerate(zip(params, grads)):
            m[i] = b1 * m[i] + (1 - b1) * gq
            v[i] = b2 * v[i] + (1 - b2) * gq ** 2
            q -= lr * (m[i] / (1 - b1 ** t)) / (np.sqrt(v[i] / (1 - b2 ** t)) + 1e-8)
    return Stage(mean, scale, tuple((params[k], params[k + 1]) for k in range(0, len(params), 2)))


INNER_FOLDS = 3


def train(pages: list[Page], hidden: int = 0, epochs: int = 400, l2: float = 1e-3,
          seed: int = SEED, stages: int = 2) -> LineModel:
    """Fit the model: the first stage on the line features; the second on them plus the
    context of first-stage log-odds that a first stage trained without the page's site
    gives (INNER_FOLDS folds by site), so it learns from realistic mistakes."""
    X = np.concatenate([p.features for p in pages])
    y = np.concatenate([p.labels for p in pages])
    sw = _weights(pages)
    first = train_stage(X, y, sw, hidden, epochs, l2, seed)
    prior = float(np.average(y, weights=sw))
    if stages == 1:
        return LineModel(FEATURE_NAMES, first, None, prior, switch_cost=0.0)
    folds = grouped_folds(pages, INNER_FOLDS, seed)
    logits: dict[int, np.ndarray] = {}
    for f in range(INNER_FOLDS):
        inner = [p for p, g in zip(pages, folds) if g != f]
        if not inner:
            inner = pages
        stage = train_stage(np.concatenate([p.features for p in inner]),
                            np.concatenate([p.labels for p in inner]), _weights(inner),
                            hidden, epochs, l2, seed)
        for i, (p, g) in enumerate(zip(pages, folds)):
            if g == f:
                logits[i] = stage.logits(p.features)
    X2 = np.concatenate([np.concatenate([p.features, logit_context(logits[i])], axis=1)
                         for i, p in enumerate(pages)])
    second = train_stage(X2, y, sw, hidden, epochs, l2, seed)
    return LineModel(FEATURE_NAMES, first, second, prior, switch_cost=0.0)


# --- evaluation ------------------------------------------------------------------------
def load_scorer():
    import importlib.util
    spec = importlib.util.spec_from_file_location("score_boilerplate", SHARED / "eval" / "score_boilerplate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer, bodies: dict[str, str], set_name: str) -> tuple[float, float, float, int]:
    """F1, P, R of the set's pages given their bodies, and the pages with recall < 0.5."""
    gold_path = SHARED / "eval" / set_name / "gold.jsonl"
    gold = {r["id"]: r["body"] for r in map(json.loads, open(gold_path, encoding="utf-8"))}
    low = sum(1 for pid, g in gold.items() if scorer.rec(*scorer.tp_fp_fn(g, bodies.get(pid, ""))) < 0.5)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for pid, body in bodies.items():
            fh.write(json.dumps({"id": pid, "body": body}, ensure_ascii=False) + "\n")
    with contextlib.redirect_stdout(io.StringIO()):
        f1, p, r = scorer.score(fh.name, str(gold_path))
    Path(fh.name).unlink()
    return f1, p, r, low


def predict_bodies(model: LineModel, pages: list[Page]) -> dict[str, str]:
    return {p.id: "\n\n".join(clean_with_model(p.text, None, model).paragraphs) for p in pages}


def with_switch(model: LineModel, switch_cost: float, threshold: float = 0.0) -> LineModel:
    return LineModel(model.feature_names, model.first, model.second, model.prior, switch_cost, threshold)


def grouped_folds(pages: list[Page], k: int, seed: int = SEED) -> list[int]:
    """A fold number for each page; all pages of a site share one."""
    sites = sorted({p.site for p in pages})
    order = np.random.default_rng(seed).permutation(len(sites))
    fold_of = {sites[j]: i % k for i, j in enumerate(order)}
    return [fold_of[p.site] for p in pages]


def held_out_models(pages: list[Page], kind: str, hidden: int,
                    extra: list[Page] = ()) -> list[tuple[LineModel, list[Page]]]:
    """(model, the pages it did not see) for each split: by set, or 5 folds grouped by site;
    `extra` pages (partially labelled, other sites) join every training set."""
    extra = list(extra)
    if kind == "set":
        return [(train([p for p in pages if p.set != held] + extra, hidden), [p for p in pages if p.set == held])
                for held in SETS]
    folds = grouped_folds(pages, 5)
    return [(train([p for p, g in zip(pages, folds) if g != f] + extra, hidden),
             [p for p, g in zip(pages, folds) if g == f]) for f in range(5)]


UNION_THRESHOLDS = (1.0, 2.0, 3.0)


def rule_union_bodies(model: LineModel | None, pages: list[Page], threshold: float) -> dict[str, str]:
    """Bodies of the rule cleaner (ingest.clean.text.clean_text), plus the lines the model
    gives log-odds above threshold (none when model is None): one way to combine them."""
    from ingest.clean.text import clean_text
    from ingest.config import CleanOptions

    options = CleanOptions()
    out = {}
    for p in pages:
        removed = {r.line_no for r in clean_text(p.text, options).removed}
        keep = np.array([no not in removed for no in p.nos], dtype=bool)
        if model is not None:
            keep |= model.logits(p.features) > threshold
        out[p.id] = "\n\n".join(line for line, k in zip(p.lines, keep) if k)
    return out


def rule_model_bodies(model: LineModel, pages: list[Page]) -> dict[str, str]:
    """Bodies of the rule cleaner with the model weighing in on its line scores, as
    clean.line_model does (ingest.clean.scoring.MODEL_WEIGHT, MODEL_CLIP)."""
    from ingest.clean.text import clean_text
    from ingest.config import CleanOptions

    options = CleanOptions(line_model=True)
    return {p.id: "\n\n".join(clean_text(p.text, options, line_model=model).paragraphs) for p in pages}


def cross_validate(pages: list[Page], scorer, hidden: int, switch_costs=(0.0, 0.5, 1.0, 2.0),
                   kinds=("set", "site"), extra: list[Page] = ()) -> None:
    """Print held-out figures per set: trained on the other sets, and 5-fold by site; then
    the rule cleaner alone and with the lines the held-out model is sure of added."""
    for kind in kinds:
        splits = held_out_models(pages, kind, hidden, extra)
        for threshold in (None,) + UNION_THRESHOLDS:
            bodies = {}
            for model, test in splits:
                bodies.update(rule_union_bodies(model if threshold else None, test, threshold or 0.0))
            for name in SETS:
                mine = {p.id: bodies[p.id] for p in pages if p.set == name}
                f1, p_, r, low = score(scorer, mine, name)
                what = "rules alone" if threshold is None else f"rules + model > {threshold:.1f}"
                print(f"held out by {kind:<4} {what:<19} {name:<16} "
                      f"F1 {f1:.3f} P {p_:.3f} R {r:.3f} recall<0.5 {low}", flush=True)
        bodies = {}
        for model, test in splits:
            bodies.update(rule_model_bodies(model, test))
        for name in SETS:
            f1, p_, r, low = score(scorer, {p.id: bodies[p.id] for p in pages if p.set == name}, name)
            print(f"held out by {kind:<4} {'clean.line_model':<19} {name:<16} "
                  f"F1 {f1:.3f} P {p_:.3f} R {r:.3f} recall<0.5 {low}", flush=True)
        for sc in switch_costs:
            bodies: dict[str, str] = {}
            for model, test in splits:
                bodies.update(predict_bodies(with_switch(model, sc), test))
            for name in SETS:
                mine = {p.id: bodies[p.id] for p in pages if p.set == name}
                f1, p_, r, low = score(scorer, mine, name)
                print(f"held out by {kind:<4} switch {sc:3.1f} hidden {hidden:2d}  {name:<16} "
                      f"F1 {f1:.3f} P {p_:.3f} R {r:.3f} recall<0.5 {low}", flush=True)


def snippet_counts(body: str, item: dict) -> np.ndarray:
    """tp, fp, fn, tn of a page's snippets in a cleaned body, as the external check counts
    them (whitespace-normalised substrings)."""
    text = " ".join(body.split())
    kept = sum(" ".join(w.split()) in text for w in item["with"])
    leaked = sum(" ".join(w.split()) in text for w in item["without"])
    return np.array([kept, leaked, len(item["with"]) - kept, len(item["without"]) - leaked])


def ext_bodies(model: LineModel | None, pages: list[Page]) -> dict[str, str]:
    """Bodies of the rule cleaner on plain-text pages, with `model` weighing in (None: off)."""
    from store.textform import typed_form
    from ingest.clean.text import clean_text
    from ingest.config import CleanOptions

    options = CleanOptions(line_model=model is not None)
    return {p.id: "\n\n".join(clean_text(typed_form(p.text), options, line_model=model).paragraphs)
            for p in pages}


def ext_cross_validate(dev: list[Page], ext: list[Page], corpus: Path, hidden: int) -> None:
    """The external check's figures (snippet P/R/F1, pages keeping under half their body
    snippets) of the even pages, each fold of sites (site_fold) scored by a model that did
    not see it: rules alone, the model trained on the dev pages, and on them plus the
    other fold's partial labels."""
    data = json.loads((corpus / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(data)
    folds = [[p for p in ext if site_fold(p.site) == f] for f in (0, 1)]
    dev_model = train(dev, hidden)
    runs = {"rules alone": (None, None), "model (dev)": (dev_model, dev_model),
            "model (dev + ext)": tuple(train(dev + folds[1 - f], hidden) for f in (0, 1))}
    for name, models in runs.items():
        total, low = np.zeros(4), 0
        for f in (0, 1):
            for pid, body in ext_bodies(models[f], folds[f]).items():
                c = snippet_counts(body, data[urls[int(pid)]])
                total += c
                low += c[0] < (c[0] + c[2]) / 2
        tp, fp, fn, _ = total
        p_, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"ext even, folds by site  {name:<19} {len(ext)} pages P {p_:.4f} R {r:.4f} "
              f"F1 {2 * p_ * r / max(p_ + r, 1e-9):.4f} with<half {low}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-only", action="store_true", help="cross-validate, write no weights")
    ap.add_argument("--no-eval", action="store_true", help="only train on all pages and write")
    ap.add_argument("--hidden", type=int, default=0, help="hidden units (0: logistic regression)")
    ap.add_argument("--switch-cost", type=float, default=0.0, help="Viterbi switch cost shipped")
    ap.add_argument("--kinds", default="set,site,ext",
                    help="cross-validations to run: set, site, ext (with --ext)")
    ap.add_argument("--out", type=Path, default=REPO / "ingest" / "clean" / "line_model.json")
    ap.add_argument("--ext", type=Path, metavar="CORPUS",
                    help="also learn from the partial labels of trafilatura's evaluation pages saved "
                         "as text (CORPUS/tests/evaldata.json, CORPUS/text/NNNN.txt; even pages only), "
                         "and cross-validate on them (kinds: ext)")
    ap.add_argument("--ext-weight", type=float, default=EXT_WEIGHT,
                    help="how many fully labelled pages a partially labelled one counts")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score_boilerplate.py").is_file():
        print(f"skipped: evaluation data not found under {SHARED / 'eval'}")
        return 0
    t0 = time.time()
    pages = load_pages()
    print(f"{len(pages)} pages, {sum(len(p.lines) for p in pages)} lines, "
          f"{int(sum(p.labels.sum() for p in pages))} body lines ({time.time() - t0:.1f} s)", flush=True)
    kinds = tuple(args.kinds.split(","))
    ext: list[Page] = []
    if args.ext:
        if not (args.ext / "tests" / "evaldata.json").is_file():
            print(f"--ext: {args.ext / 'tests' / 'evaldata.json'} not found")
            return 2
        ext = load_ext_pages(args.ext, args.ext_weight)
        print(f"{len(ext)} external pages, {int(sum(p.mask.sum() for p in ext))} labelled lines, "
              f"{int(sum((p.mask * p.labels).sum() for p in ext))} body", flush=True)
    if not args.no_eval:
        dev_kinds = tuple(k for k in kinds if k != "ext")
        if dev_kinds:
            cross_validate(pages, load_scorer(), args.hidden, kinds=dev_kinds, extra=ext)
        if ext and "ext" in kinds:
            ext_cross_validate(pages, ext, args.ext, args.hidden)
    if not args.eval_only:
        model = with_switch(train(pages + ext, args.hidden), args.switch_cost)
        data = model.to_json()
        for stage in ("first", "second"):
            for layer in (data[stage] or {}).get("layers", ()):
                layer["w"] = np.round(np.asarray(layer["w"]), 6).tolist()
                layer["b"] = np.round(np.asarray(layer["b"]), 6).tolist()
        args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
