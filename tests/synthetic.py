"""Synthetic news corpora for tests and benchmarks: articles with per-site boilerplate,
near-duplicate copies and reused background passages, all from a seeded RNG."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

_SYLLABLES = ["ka", "lo", "mi", "ren", "ta", "vo", "sil", "dan", "per", "qua", "bri", "to", "nes",
              "mar", "gol", "fin", "ud", "ex", "ser", "pal", "ko", "zu", "ber", "lin", "ost", "ra"]
SITE_BOILERPLATE = {
    "alpha-news": (["Menu", "Home", "World", "Share on Facebook"],
                   ["Subscribe to our newsletter", "© Alpha News. All rights reserved."]),
    "beta-times": (["Skip to main content", "Log in"],
                   ["- Advertisement -", "Comments", "Post with no comments."]),
    "gamma-wire": (["All news"], ["Related Story", "Read more:"]),
}


def make_vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Distinct pseudo-words, so that unrelated generated texts share few shingles."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], n: int | None = None) -> str:
    """One sentence of n (default 8-20) words, capitalised, ending in a period."""
    n = n or rng.randint(8, 20)
    words = [rng.choice(vocab) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, vocab: list[str], sentences: int | None = None) -> str:
    """A paragraph of 2-4 sentences."""
    return " ".join(sentence(rng, vocab) for _ in range(sentences or rng.randint(2, 4)))


@dataclass
class Doc:
    """One generated article file: where it goes, its story and its body paragraphs."""

    site: str
    name: str
    story: str
    title: str
    paragraphs: list[str]
    passages: list[int] = field(default_factory=list)

    def render(self) -> str:
        """The file text: site header, title, body, site footer."""
        head, foot = SITE_BOILERPLATE[self.site]
        return "\n".join(head + ["", self.title, ""] + [p + "\n" for p in self.paragraphs] + foot) + "\n"


def light_edit(text: str, rng: random.Random, rate: float = 0.03) -> str:
    """Drop a few words: what an editor's light touch does to the shingles."""
    words = text.split(" ")
    return " ".join(w for w in words if rng.random() >= rate or w.endswith("."))


def make_docs(n_stories: int, seed: int = 1, dup_rate: float = 0.1, passage_rate: float = 0.1,
              paragraphs: tuple[int, int] = (6, 12), passage_span: int | None = None) -> list[Doc]:
    """Stories, about dup_rate of them syndicated once more (edited), and background
    passages, each reused in a few other stories.

    A story draws its passage from all of them, or with `passage_span` from those that
    came up in the last `passage_span` stories: passages then come and go with the news,
    and each stretch of the corpus repeats as many as any other.
    """
    rng = random.Random(seed)
    vocab = make_vocabulary(rng)
    sites = sorted(SITE_BOILERPLATE)
    docs: list[Doc] = []
    backgrounds = [paragraph(rng, vocab, 3) for _ in range(max(1, int(n_stories * passage_rate)))]
    for i in range(n_stories):
        paras = [paragraph(rng, vocab) for _ in range(rng.randint(*paragraphs))]
        used = []
        if backgrounds and rng.random() < passage_rate * 3:
            k = rng.randrange(len(backgrounds)) if passage_span is None else \
                _recent_passage(rng, i, len(backgrounds), passage_rate, passage_span)
            paras.insert(rng.randint(1, len(paras)), light_edit(backgrounds[k], rng))
            used.append(k)
        title = sentence(rng, vocab, 8).rstrip(".")
        docs.append(Doc(sites[i % len(sites)], f"story{i:06d}", f"s{i}", title, paras, used))
        if rng.random() < dup_rate:
            copy = [light_edit(p, rng) for p in paras]
            docs.append(Doc(sites[(i + 1) % len(sites)], f"story{i:06d}-syn", f"s{i}",
                            "Update: " + title, copy, used))
    return docs


def _recent_passage(rng: random.Random, story: int, passages: int, rate: float, span: int) -> int:
    """A passage that came up in the `span` stories before this one (passage k comes up
    at story k / rate)."""
    newest = min(passages, int(story * rate) + 1)
    return rng.randrange(max(0, newest - max(1, int(span * rate))), newest)


def write_docs(docs: list[Doc], folder: Path) -> list[Path]:
    """Write the documents as plain-text files under folder/site/; returns the paths."""
    paths = []
    for doc in docs:
        path = folder / doc.site / f"{doc.name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc.render(), encoding="utf-8")
        paths.append(path)
    return paths
