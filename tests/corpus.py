"""Generated news corpora and a real `newsarchive` subprocess, for the slow tests.

The corpus is deterministic (seeded) and exercises every kind of row: new articles,
near-duplicate copies, exact duplicates under another path, wire background
passages repeated across stories, boilerplate lines, and inputs that are rejected.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_benchmark_script(name: str) -> ModuleType:
    """benchmarks/NAME.py imported as a module, registered in sys.modules (a dataclass of
    the script's looks its module up there)."""
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module

_SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "zu", "ri", "go", "ma", "el",
              "tor", "ban", "sil", "mer", "qua", "dor", "fen", "lis", "ost", "pra"]
BOILERPLATE = ["Share this:", "- Advertisement -", "Subscribe to our newsletter", "Read more"]


def vocabulary(rng: random.Random, size: int = 600) -> list[str]:
    """Made-up words, so no two generated stories share text by accident."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random, vocab: list[str], n: int) -> str:
    words = [rng.choice(vocab) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, vocab: list[str]) -> str:
    return " ".join(_sentence(rng, vocab, rng.randint(10, 18)) for _ in range(rng.randint(1, 3)))


def article_text(rng: random.Random, vocab: list[str], background: list[str]) -> str:
    """One plain-text article as a scraper saves it: title, date, boilerplate, body."""
    lines = [" ".join(w.capitalize() for w in rng.sample(vocab, 6)),
             f"Published: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             rng.choice(BOILERPLATE)]
    body = [_paragraph(rng, vocab) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.4:
        body.insert(rng.randint(1, len(body)), rng.choice(background))
    lines += body + [rng.choice(BOILERPLATE)]
    return "\n\n".join(lines) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 7, with_rejects: bool = True) -> list[Path]:
    """Write about n input files under folder (in a few sub-folders); returns their paths."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    background = [_paragraph(rng, vocab) for _ in range(5)]
    texts: list[str] = []
    paths: list[Path] = []
    for i in range(n):
        kind = rng.random()
        if texts and kind < 0.1:  # near-duplicate: an earlier story with one paragraph rewritten
            parts = rng.choice(texts).split("\n\n")
            parts[-2] = _paragraph(rng, vocab)
            text = "\n\n".join(parts)
        elif texts and kind < 0.15:  # exact duplicate under another path
            text = rng.choice(texts)
        elif with_rejects and kind < 0.17:
            text = ""  # an empty file: a reject
        else:
            text = article_text(rng, vocab, background)
        texts.append(text) if text else None
        path = folder / f"site{i % 4}" / f"{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_config(path: Path, batch_size: int, **input_options: object) -> Path:
    """A config file with a small batch size (and optional [input] options)."""
    lines = ["[archive]", f"batch_size = {batch_size}", "", "[input]"]
    lines += [f"{key} = {value!r}" for key, value in input_options.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli_command(*args: object, prelude: str = "") -> list[str]:
    """The command line that runs `newsarchive ARGS` from this checkout (prelude: Python run first)."""
    code = prelude + "\nfrom ingest.cli import app\napp()\n"
    return [sys.executable, "-c", code, *[str(a) for a in args]]


def cli_env() -> dict[str, str]:
    """The environment for a subprocess that imports this checkout's packages."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def start(*args: object, prelude: str = "") -> subprocess.Popen:
    """Start `newsarchive ARGS` as a real process."""
    return subprocess.Popen(cli_command(*args, prelude=prelude), cwd=ROOT, env=cli_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(*args: object, timeout: float = 120, prelude: str = "") -> subprocess.CompletedProcess:
    """Run `newsarchive ARGS` to the end."""
    return subprocess.run(cli_command(*args, prelude=prelude), cwd=ROOT, env=cli_env(),
                          capture_output=True, text=True, timeout=timeout)


def query(db_path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of a query on a read-only connection (safe while an ingest writes)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
