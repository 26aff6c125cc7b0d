"""Write ingest/clean/player_words.json: the text a video.js player shows, in every language it
was translated to, for ingest/clean/player.py.

    git clone https://github.com/videojs/video.js   # only to run this script
    python benchmarks/make_player_words.py path/to/video.js [--out FILE]

video.js (Apache License 2.0) is the player under many news sites' videos (Brightcove's
player is built on it). A page saved with its player drawn holds the player's controls and its
caption-settings dialog as text: "Current Time 0:00", "Playback Rate", "Text Edge Style",
"This is a modal window.". Their words are the keys and values of the player's lang/*.json.
Every version of every such file in the repository's history is read (an older player says
"Duration Time" and "Dropshadow" where today's says "Duration" and "Drop shadow"); a version
git cannot read (a shallow or partial clone) is skipped. The strings are kept as written, without
the "{1}" placeholders that a number or the player's name fills.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "ingest" / "clean" / "player_words.json"
_PLACEHOLDER = re.compile(r"\{\d+\}")


def _git(checkout: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, text=True, check=False)
    return done.stdout if done.returncode == 0 else ""


def _strings(translations: dict) -> set[str]:
    """The keys and values of one lang/*.json, placeholders dropped."""
    out = set()
    for text in (*translations, *translations.values()):
        if isinstance(text, str):
            text = " ".join(_PLACEHOLDER.sub(" ", text).split())
            if text:
                out.add(text)
    return out


def build(checkout: Path) -> dict:
    """The player's strings in every version of its lang/*.json files."""
    strings: set[str] = set()
    commits = _git(checkout, "log", "--format=%H", "--", "lang").split()
    if not commits:
        raise SystemExit(f"{checkout}: no git history of lang/ found; give a clone of video.js")
    for commit in commits:
        for path in _git(checkout, "ls-tree", "--name-only", commit, "lang/").split():
            if path.endswith(".json"):
                try:
                    strings |= _strings(json.loads(_git(checkout, "show", f"{commit}:{path}") or "{}"))
                except json.JSONDecodeError:
                    continue
    head = _git(checkout, "rev-parse", "HEAD").strip()
    return {"source": f"video.js lang/*.json, every version up to {head} (Apache License 2.0)",
            "strings": sorted(strings)}


def main() -> None:
    """Build player_words.json from a video.js clone."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkout", type=Path, help="a git clone of https://github.com/videojs/video.js")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = build(args.checkout)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data['strings'])} strings -> {args.out}")


if __name__ == "__main__":
    main()
