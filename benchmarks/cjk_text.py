"""Text in Chinese, Japanese, Korean and English for the benchmarks, recombined from the
gold bodies of ../shared/eval: the real text there is a few pages per language.

`recombined_articles`: articles of real sentences, each used once (so two articles share
no text by chance). `generated_article`: articles of any number, from word-sized
pieces of that text (real words with real frequencies; see `pieces`).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

_HAN_AND_KANA_CHAR = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL_CHAR = re.compile("[\uac00-\ud7a3]")
_KANA_CHAR = re.compile("[\u3040-\u30ff]")
# a sentence: up to and including its terminal mark (CJK marks need no space after them)
_SENTENCE = re.compile(r"[^。！？!?.]*(?:[。！？]+[」』）”\"]*|[.!?]+(?=\s|$))")


def body_language(body: str) -> str | None:
    """"zh", "ja" or "ko" when over a third of the body is written in that script, else None.

    Korean separates words by spaces (Hangul is not among the scripts without spaces,
    as the dedup benchmark used to select its pages), so it is told by its own characters."""
    if len(_HANGUL_CHAR.findall(body)) > len(body) / 3:
        return "ko"
    han_and_kana = len(_HAN_AND_KANA_CHAR.findall(body))
    if han_and_kana <= len(body) / 3:
        return None
    return "ja" if len(_KANA_CHAR.findall(body)) > han_and_kana / 10 else "zh"


def cjk_sentences(eval_dir: Path) -> dict[str, list[str]]:
    """The distinct sentences (at least 12 characters, ending with a sentence mark) of
    the gold bodies of every eval set written in Chinese, Japanese or Korean, per language,
    in file order. Lines without a sentence mark (menus, captions, lists) are left out."""
    pools: dict[str, list[str]] = {"zh": [], "ja": [], "ko": []}
    seen: set[str] = set()
    for gold in sorted(eval_dir.glob("*/gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["body"]
            language = body_language(body)
            if language is None:
                continue
            for paragraph in body.splitlines():
                for match in _SENTENCE.finditer(paragraph):
                    sentence = match.group().strip()
                    if len(sentence) >= 12 and sentence not in seen:
                        seen.add(sentence)
                        pools[language].append(sentence)
    return pools


def recombined_articles(pools: dict[str, list[str]], seed: int = 0) -> list[tuple[str, str, list[str]]]:
    """(language, title, paragraphs) articles made of the pooled sentences, each sentence
    used once (so two articles share no text but what make_dupes.py plants): shuffled per
    language with a fixed seed, a title and then 4-6 paragraphs of 2-4 sentences (Korean,
    whose paragraphs count words, not characters: 3-5)."""
    out = []
    for language, sentences in sorted(pools.items()):
        rng = random.Random(f"{language}-{seed}")
        pool = list(sentences)
        rng.shuffle(pool)
        joiner = " " if language == "ko" else ""
        low, high = (3, 5) if language == "ko" else (2, 4)
        while len(pool) >= 1 + 4 * low:
            title = pool.pop().rstrip("。.！？!?")[:40]
            paragraphs = []
            for _ in range(rng.randint(4, 6)):
                if len(pool) < low:
                    break
                paragraphs.append(joiner.join(pool.pop() for _ in range(min(len(pool), rng.randint(low, high)))))
            out.append((language, title, paragraphs))
    return out


_CLAUSE = re.compile(r"[^，、,；;。！？!?.]+[，、,；;。！？!?.]*")
_ENDS = ("。", "！", "？", "!", "?", ".")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
_JA_SEGMENT = re.compile("[\u4e00-\u9fff々]+[\u3041-\u3093]*|[\u30a1-\u30fcー]+[\u3041-\u3093]*|[\u3041-\u3093]+")


def pieces(text: str, language: str, rng: random.Random) -> list[str]:
    """The pieces articles are recombined from: English words; Korean words (as spaces
    part them, particles attached); Japanese runs of kanji or katakana with the kana
    that follow; Chinese runs cut into stretches of 2-4 ideographs (about a word). Whole
    clauses or sentences would repeat in thousands of articles and chain them into
    passages and near-duplicates of each other, which real news is not."""
    if language == "en":
        return [w for w in (w.strip(".,;:!?\"'()[]“”‘’") for w in text.split()) if w.isalpha()]
    if language == "ko":
        return [w.strip(".,\"'()") for w in text.split() if re.search("[\uac00-\ud7a3]", w)]
    if language == "ja":
        return _JA_SEGMENT.findall(text)
    out = []
    for run in _HAN_RUN.findall(text):
        at = 0
        while at < len(run):
            size = rng.randint(2, 4)
            out.append(run[at:at + size])
            at += size
    return out


def piece_pools(eval_dir: Path) -> dict[str, list[str]]:
    """The pieces of every eval set's gold bodies, per language (zh, ja, ko, en), the
    English ones from bodies in ASCII letters."""
    rng = random.Random(0)
    pools: dict[str, list[str]] = {"zh": [], "ja": [], "ko": [], "en": []}
    for gold in sorted(eval_dir.glob("*/gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["body"]
            language = body_language(body)
            if language is None:
                letters = sum(c.isascii() and c.isalpha() for c in body)
                language = "en" if letters > len(body) / 2 and " the " in body else None
            if language is not None:
                pools[language] += pieces(body, language, rng)
    return pools


def generated_article(rng: random.Random, pool: list[str], language: str) -> tuple[str, list[str]]:
    """(title, paragraphs): 3-6 paragraphs of 2-4 sentences of random pieces (English
    8-20 words; Korean 6-14 words; Chinese and Japanese 8-20 pieces, a comma now and then)."""
    def sentence() -> str:
        if language == "en":
            return " ".join(rng.choice(pool) for _ in range(rng.randint(8, 20))).capitalize() + "."
        if language == "ko":
            return " ".join(rng.choice(pool) for _ in range(rng.randint(6, 14))) + "."
        comma = "，" if language == "zh" else "、"
        return "".join(rng.choice(pool) + (comma if rng.random() < 0.1 else "")
                       for _ in range(rng.randint(8, 20))).rstrip(comma) + "。"

    joiner = "" if language in ("zh", "ja") else " "
    title = sentence().rstrip("。.")[:60]
    return title, [joiner.join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
