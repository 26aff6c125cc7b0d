"""Near-duplicates and repeated passages in scripts written with and without spaces.

A run of Chinese, Japanese or Thai used to be one "word": an article had a handful
of word shingles and a paragraph none to match. Such runs are now overlapping
character bigrams (ingest.normalize), so the same thresholds find the same edits.
"""

from __future__ import annotations

import json
import re
import sqlite3

import numpy as np
import pytest

from ingest.normalize import NOSPACE, normalize_text, shingle_hashes, words
from scripts_corpus import SCRIPTS, article, edit_one_word, write_page

NOSPACE_SCRIPTS = ("zh", "ja", "th")


def jaccard(a: str, b: str, size: int) -> float:
    x, y = shingle_hashes(words(a), size), shingle_hashes(words(b), size)
    return len(np.intersect1d(x, y)) / len(np.union1d(x, y))


@pytest.mark.parametrize("script", NOSPACE_SCRIPTS + ("ko",))
def test_runs_without_spaces_give_a_token_a_character_and_korean_a_token_a_word(script):
    _, paragraphs = article(0, script)
    text = normalize_text("\n".join(paragraphs))
    tokens = words(text)
    if script == "ko":
        assert len(tokens) == len(text.split())
    else:  # overlapping bigrams: one a character, less one a run
        characters = len(re.findall(f"[{NOSPACE}]", text))
        assert characters - len(paragraphs) * 3 <= len(tokens) <= characters
        assert all(len(t) == 2 for t in tokens)


def test_a_light_edit_keeps_its_jaccard_in_every_script():
    """One word changed in a paragraph: the Jaccard of its shingles is about the same in every script."""
    figures = {}
    for script in SCRIPTS:
        _, paragraphs = article(1, script)
        figures[script] = jaccard(paragraphs[0], edit_one_word(paragraphs[0], script, 1), 3)
    english = figures.pop("en")
    assert 0.7 <= english < 1.0
    for script, value in figures.items():
        assert abs(value - english) < 0.15, (script, value, english)


def build(folder, script: str) -> dict[str, list[str]]:
    """Eight distinct articles, a trimmed and edited copy of the first, and a paragraph of
    the second reused (edited) inside the sixth and seventh."""
    pages = {}
    for seed in range(8):
        title, paragraphs = article(seed, script)
        pages[f"a{seed}.html"] = (title, paragraphs)
    title, paragraphs = pages["a0.html"]
    copy = paragraphs[:5]
    copy[2] = edit_one_word(copy[2], script, 2)
    pages["b_copy.html"] = (title + " 2", copy)
    reused = pages["a1.html"][1][3]
    for seed, name in ((5, "a5.html"), (6, "a6.html")):
        t, ps = pages[name]
        pages[name] = (t, ps[:2] + [edit_one_word(reused, script, seed)] + ps[2:])
    for name, (t, ps) in pages.items():
        write_page(folder / name, t, ps)
    return {name: ps for name, (_, ps) in pages.items()}


def article_of(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute("SELECT article_id FROM sightings WHERE location LIKE ?", [f"%/{name}"]).fetchone()[0]


@pytest.mark.parametrize("script", NOSPACE_SCRIPTS + ("ko",))
def test_trimmed_copy_and_reused_paragraph_are_found(cli, db_path, tmp_path, script):
    folder = tmp_path / script
    folder.mkdir()
    pages = build(folder, script)
    cli("ingest", folder, "--db", db_path)
    conn = sqlite3.connect(db_path)
    original, copy = article_of(conn, "a0.html"), article_of(conn, "b_copy.html")
    assert original != copy
    duplicates = dict(conn.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"))
    assert duplicates == {copy: original}, "only the trimmed copy is a near-duplicate"

    def passage(name: str, text: str) -> int | None:
        return conn.execute("SELECT passage_id FROM paragraphs WHERE article_id = ? AND text = ?",
                            [article_of(conn, name), text]).fetchone()[0]

    source = pages["a1.html"][3]
    group = {passage("a1.html", source), passage("a5.html", pages["a5.html"][2]),
             passage("a6.html", pages["a6.html"][2])}
    assert len(group) == 1 and None not in group, "the reused paragraph is one passage in all three"
    others = conn.execute("SELECT count(DISTINCT passage_id) FROM paragraphs WHERE passage_id IS NOT NULL "
                          "AND passage_id != ?", [group.pop()]).fetchone()[0]
    copies = conn.execute("SELECT count(DISTINCT passage_id) FROM paragraphs WHERE article_id IN (?, ?) "
                          "AND passage_id IS NOT NULL", [original, copy]).fetchone()[0]
    assert others == copies, "no passage but the reused one, and those a copy shares with its original"


def test_an_archive_signed_before_bigrams_asks_for_reclean_only_if_it_has_such_text(cli, runner, db_path,
                                                                                     tmp_path):
    from ingest.cli import app
    english, chinese = tmp_path / "en", tmp_path / "zh"
    english.mkdir(), chinese.mkdir()
    write_page(english / "a.html", *article(0, "en"))
    write_page(chinese / "a.html", *article(0, "zh"))
    write_page(english / "b.html", *article(1, "en"))

    def forget_tokens(path):
        with sqlite3.connect(path) as conn:
            conn.execute("DELETE FROM _settings WHERE key = 'shingle_tokens'")

    cli("ingest", english / "a.html", "--db", db_path)
    forget_tokens(db_path)
    cli("ingest", english / "b.html", "--db", db_path)  # nothing to re-sign: it records the tokens
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM _settings WHERE key = 'shingle_tokens'").fetchone()[0] == 1

    cjk = tmp_path / "cjk.db"
    cli("ingest", chinese, "--db", cjk)
    forget_tokens(cjk)
    refused = runner.invoke(app, ["ingest", str(english), "--db", str(cjk)])
    assert refused.exit_code == 1 and "reclean" in refused.output
    assert refused.output.strip().count("\n") == 0


def two_character_word(paragraph_text: str) -> str:
    """A two-character stretch from the middle of a sentence of a script without spaces."""
    middle = len(paragraph_text) // 2
    return paragraph_text[middle:middle + 2]


@pytest.mark.parametrize("script", NOSPACE_SCRIPTS + ("ko",))
def test_a_word_inside_a_sentence_is_found_ranked_and_highlighted(cli, db_path, tmp_path, script):
    folder = tmp_path / script
    folder.mkdir()
    pages = {f"a{seed}.html": article(seed, script) for seed in range(6)}
    _, paragraphs = pages["a3.html"]
    if script == "ko":  # Korean: a word with a particle attached is found by the bare word
        word = paragraphs[1].split()[5]
        paragraphs[1] = paragraphs[1].replace(word, word + "은", 1)
    else:
        word = two_character_word(paragraphs[1])
    pages["b_title.html"] = (f"{word} {article(9, script)[0]}", article(9, script)[1])
    for name, (title, ps) in pages.items():
        write_page(folder / name, title, ps)
    cli("ingest", folder, "--db", db_path)
    hits = json_lines(cli("search", word, "--all", "--json", "--db", db_path).stdout)
    conn = sqlite3.connect(db_path)
    holding = {article_of(conn, name) for name, (title, ps) in pages.items()
               if word in title or any(word in p for p in ps)}
    assert {h["id"] for h in hits} == holding  # found inside sentences, and nowhere else
    assert hits[0]["id"] == article_of(conn, "b_title.html")  # the title weighs more
    inside = next(h for h in hits if h["id"] == article_of(conn, "a3.html"))
    assert f"[{word}" in inside["snippet"]


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_an_archive_without_the_bigram_index_gets_it_on_the_next_ingest(cli, db_path, tmp_path):
    folder = tmp_path / "zh"
    folder.mkdir()
    title, paragraphs = article(1, "zh")
    write_page(folder / "a.html", title, paragraphs)
    cli("ingest", folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TABLE _script_fts")  # as an archive made before it
    word = two_character_word(paragraphs[2])
    assert json_lines(cli("search", word, "--json", "--db", db_path).stdout) == []  # searchable, as before
    write_page(folder / "b.html", *article(2, "en"))
    cli("ingest", folder, "--db", db_path)
    found = json_lines(cli("search", word, "--json", "--db", db_path).stdout)
    assert [h["title"] for h in found] == [title]


def test_a_snippet_marks_the_word_where_case_folding_changes_lengths_before_it():
    from store.script_index import snippet

    text = "Die Straße und die Maße vor dem Bahnhof in 東京 wurden gesperrt."
    assert "[東京]" in snippet(text, ["東京"])
    assert "[bahnhof]" not in snippet(text, ["bahnhof"]) and "[Bahnhof]" in snippet(text, ["bahnhof"])


def set_tokens(path, value: str | None) -> None:
    """Make an archive look signed by a newsarchive whose tokens were `value` (None: not stored)."""
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM _settings WHERE key = 'shingle_tokens'")
        if value is not None:
            conn.execute("INSERT INTO _settings (key, value) VALUES ('shingle_tokens', ?)", [json.dumps(value)])


def stored_tokens(path) -> str:
    with sqlite3.connect(path) as conn:
        return json.loads(conn.execute("SELECT value FROM _settings WHERE key = 'shingle_tokens'").fetchone()[0])


CUT_AT_MARKS = "words; bigrams in scripts without spaces"  # what the tokens were before words kept their marks


def test_an_archive_signed_when_words_were_cut_at_their_marks_asks_for_reclean_only_if_it_has_such_words(
        cli, runner, db_path, tmp_path):
    """A word's vowel signs used to cut it into pieces: an archive of accented Latin text has the
    same signatures today and just records the new tokens; one with Hindi text is refused with a
    one-line message until `reclean` signs it again, which keeps its ids."""
    from ingest.cli import app
    from scripts_corpus import news_page
    latin, hindi = tmp_path / "latin", tmp_path / "hindi"
    latin.mkdir(), hindi.mkdir()
    for seed in (0, 1):
        (latin / f"{seed}.txt").write_text(news_page("vi", seed)[0], encoding="utf-8")
        (hindi / f"{seed}.txt").write_text(news_page("hi", seed)[0], encoding="utf-8")

    cli("ingest", latin / "0.txt", "--db", db_path)
    today = stored_tokens(db_path)
    set_tokens(db_path, CUT_AT_MARKS)
    cli("ingest", latin / "1.txt", "--db", db_path)  # nothing to sign again: it records today's tokens
    assert stored_tokens(db_path) == today != CUT_AT_MARKS

    marked = tmp_path / "hi.db"
    cli("ingest", hindi / "0.txt", "--db", marked)
    with sqlite3.connect(marked) as conn:
        ids = conn.execute("SELECT id, text FROM articles").fetchall()
    set_tokens(marked, CUT_AT_MARKS)
    refused = runner.invoke(app, ["ingest", str(hindi / "1.txt"), "--db", str(marked)])
    assert refused.exit_code == 1 and "reclean" in refused.output and "marks" in refused.output
    assert refused.output.strip().count("\n") == 0
    cli("reclean", "--db", marked)
    assert stored_tokens(marked) == today
    cli("ingest", hindi / "1.txt", "--db", marked)
    with sqlite3.connect(marked) as conn:
        assert conn.execute("SELECT id, text FROM articles WHERE id IN (%s)" % ",".join("?" * len(ids)),
                            [i for i, _ in ids]).fetchall() == ids

    set_tokens(marked, "tokens of a newsarchive yet to come")
    newer = runner.invoke(app, ["ingest", str(hindi / "1.txt"), "--db", str(marked)])
    assert newer.exit_code == 1 and "upgrade newsarchive" in newer.output
