"""A word a page writes with soft hyphens (U+00AD, HTML's &shy;: where a long word may break
across lines) is found by the word as a reader types it, in HTML and in plain text, and
`reclean` repairs an article an older version stored with them (store.textform)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import as_an_older_version_stored

SHY = "\u00ad"
WORD = "Bundesregierung"
HYPHENATED = f"Bundes{SHY}regie{SHY}rung"
PARAGRAPHS = [
    f"Die {HYPHENATED} hat am Mittwoch in Berlin einen neuen Plan für den Ausbau der Bahnstrecken vorgestellt.",
    "Der Plan sieht vor, dass bis zum Jahr 2030 mehr als zwanzig Milliarden Euro investiert werden sollen.",
    "Kritiker bemängeln, dass viele der geplanten Projekte schon seit Jahren angekündigt worden seien.",
]


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def write_pages(folder, shape: str) -> None:
    if shape == "html":
        body = "".join(f"<p>{p.replace(SHY, '&shy;')}</p>\n" for p in PARAGRAPHS)
        (folder / "bahn.html").write_text(
            "<html><head><title>Neuer Plan für die Bahn</title></head><body><nav><a href='/'>Start</a></nav>"
            f"<article><h1>Neuer Plan für die Bahn</h1>\n{body}</article><footer>Impressum</footer></body></html>",
            encoding="utf-8")
    else:
        (folder / "bahn.txt").write_text("Neuer Plan für die Bahn\n\n" + "\n\n".join(PARAGRAPHS) + "\n",
                                         encoding="utf-8")


@pytest.mark.parametrize("shape", ["html", "text"])
def test_a_word_written_with_soft_hyphens_is_found_as_typed(cli, db_path, tmp_path, shape):
    write_pages(tmp_path, shape)
    cli("ingest", tmp_path, "--db", db_path)
    hits = json_lines(cli("search", WORD, "--json", "--db", db_path).stdout)
    assert len(hits) == 1 and f"[{WORD}]" in hits[0]["snippet"], hits
    # A query pasted from the page, soft hyphens and all, finds it too.
    assert len(json_lines(cli("search", HYPHENATED, "--json", "--db", db_path).stdout)) == 1
    (text,) = sqlite3.connect(db_path).execute("SELECT text FROM articles").fetchone()
    assert SHY not in text and WORD in text


def test_reclean_removes_the_soft_hyphens_an_older_version_stored(cli, db_path, tmp_path):
    """An archive written before soft hyphens were dropped holds the word split, which the
    word as typed does not find; `reclean` stores it whole and the article keeps its id."""
    write_pages(tmp_path, "html")
    cli("ingest", tmp_path, "--db", db_path)
    article_id = as_an_older_version_stored(db_path, "UPDATE articles SET text = replace(text, ?, ?)", WORD, HYPHENATED)
    assert json_lines(cli("search", WORD, "--json", "--db", db_path).stdout) == []
    cli("reclean", "--db", db_path)
    hits = json_lines(cli("search", WORD, "--json", "--db", db_path).stdout)
    assert [h["id"] for h in hits] == [article_id]


def test_the_typed_form_normalises_line_by_line_as_the_whole_text_would_be():
    """store.textform normalises a line at a time: composed characters, combining marks, Hangul
    jamo and Indic nuktas next to line breaks (and soft hyphens among them) come out as the
    whole text's normal form C."""
    import random
    import unicodedata

    from store.textform import typed_form

    pieces = ["a", "e", "A", "\u0301", "\u0308", "\u0327", "\n", "\r", " ", SHY, "\u1100", "\u1161", "\u11a8",
              "\uac00", "\u0915", "\u093c", "\u09a1", "\u09bc", "\u0b47", "\u0b3e", "\u212b", "\uf900", "\u0f71",
              "\u0f72", "\u05b0", "\u0591", "é"]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert typed_form(text) == unicodedata.normalize("NFC", text.replace(SHY, ""))


def test_the_typed_form_of_a_long_text_is_its_normal_form_c():
    """Tested a block of lines at a time (store.textform.NFC_BLOCK_CHARS): a long text with
    combining marks, jamo and compatibility characters on either side of the blocks' cuts comes
    out as the whole text's normal form C, and a text already in it is returned as it is."""
    import random
    import unicodedata

    from store.textform import NFC_BLOCK_CHARS, typed_form

    pieces = ["a", "e", "\u0301", "\u0308", "\n", " ", "\u1100", "\u1161", "\u11a8", "\u0915",
              "\u093c", "\u212b", "\uf900", "é", "’", "word "]
    rng = random.Random(11)
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(NFC_BLOCK_CHARS // 4, 3 * NFC_BLOCK_CHARS)))
        assert typed_form(text) == unicodedata.normalize("NFC", text)
        normal = unicodedata.normalize("NFC", text)
        assert typed_form(normal) is normal

