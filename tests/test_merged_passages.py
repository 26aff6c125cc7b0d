"""A paragraph that merges two reused passages does not make them one passage.

Wire stories reuse background paragraphs; a later story may run two of them as one
paragraph. That paragraph contains each (containment above passage_containment), so
its edges would join the two passages into one component, and every story repeating
the first would be shown as repeating the second. Built in every script, in both
orders: the merge after the passages' copies, and copies arriving after the merge.
"""

from __future__ import annotations

import sqlite3

import pytest

from scripts_corpus import SCRIPTS, article, write_page


def joined(script: str, first: str, second: str) -> str:
    return first + ("" if script in ("zh", "ja") else " ") + second


def corpus(script: str) -> tuple[list[tuple[str, list[str]]], str, str]:
    """Six unrelated stories: two repeat passage A, two passage B, and one runs A and B as
    one paragraph (where it stands in the list decides the arrival order)."""
    _, backgrounds = article(900, script, paragraphs=2)
    a, b = backgrounds
    stories = []
    for seed in range(6):
        title, paragraphs = article(seed, script, paragraphs=5)
        stories.append((title, paragraphs))
    with_a = [(t, [*p[:2], a, *p[2:]]) for t, p in stories[:2]]
    with_b = [(t, [*p[:3], b, *p[3:]]) for t, p in stories[2:4]]
    merged = [(stories[4][0], [*stories[4][1][:2], joined(script, a, b), *stories[4][1][2:]])]
    return with_a + with_b + merged + [stories[5]], a, b


def passages_of(db, text: str) -> set[int]:
    """The passages of the paragraphs that are exactly this text."""
    with sqlite3.connect(db) as conn:
        return {p for (p,) in conn.execute("SELECT passage_id FROM paragraphs WHERE text = ?", [text])}


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("merge_first", [False, True], ids=["merge-last", "merge-first"])
def test_a_merged_paragraph_keeps_two_passages_apart(cli, tmp_path, script, merge_first):
    stories, a, b = corpus(script)
    if merge_first:  # the merge arrives first, the stories that repeat A and B later
        stories = [stories[4], *stories[:4], stories[5]]
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "a.db"
    for number, (title, paragraphs) in enumerate(stories):  # one run a story: arrival order is fixed
        write_page(folder / f"story{number}.html", title, paragraphs)
        cli("ingest", folder / f"story{number}.html", "--db", db)
    in_a, in_b = passages_of(db, a), passages_of(db, b)
    assert len(in_a) == 1 and len(in_b) == 1 and None not in in_a | in_b, (in_a, in_b)
    assert in_a != in_b, "the merged paragraph joined the two passages into one"
    with sqlite3.connect(db) as conn:
        merged_passage = conn.execute("SELECT passage_id FROM paragraphs WHERE text = ?",
                                      [joined(script, a, b)]).fetchone()
    assert merged_passage is not None and merged_passage[0] in in_a | in_b | {None}
