"""Per-source template lines: learned from repeats across stories, removed later, overridable."""

from __future__ import annotations

import json
import random
import sqlite3

import pytest

from ingest.config import Config, ConfigError, config_from_dict
from ingest.pipeline import ingest
from synthetic import make_vocabulary, paragraph

LINE = "Watch our evening bulletin live at seven."


def write_story(folder, name, rng, vocab, extra=LINE, body=None):
    body = body or [paragraph(rng, vocab, 3) for _ in range(5)]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n\n".join([f"Headline of {name} about things here", *body, extra]) + "\n",
                               encoding="utf-8")
    return body


def learned(db):
    return sqlite3.connect(db).execute("SELECT source, example, status, articles FROM boilerplate_lines").fetchall()


def learn_then_add_a_later_story(tmp_path, seed: int, status: str | None = None):
    """Three stories teach LINE; optionally set its status; then a fourth story arrives."""
    rng, vocab = random.Random(seed), make_vocabulary(random.Random(seed + 1))
    site, db = tmp_path / "in" / "site", tmp_path / "a.db"
    for i in range(3):
        write_story(site, f"{i}.txt", rng, vocab)
    ingest([tmp_path / "in"], db, Config())
    assert learned(db) == [("site", LINE, "learned", 3)]
    if status:
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE boilerplate_lines SET status = ?", [status])
    write_story(site, "later.txt", rng, vocab)
    ingest([tmp_path / "in"], db, Config())
    conn = sqlite3.connect(db)
    later = conn.execute("SELECT article_id FROM sightings WHERE location LIKE '%later.txt'").fetchone()[0]
    return conn, later


def test_line_in_three_stories_is_learned_and_removed_from_later_articles(tmp_path):
    conn, later = learn_then_add_a_later_story(tmp_path, 1)
    assert LINE not in conn.execute("SELECT text FROM articles WHERE id = ?", [later]).fetchone()[0]
    assert conn.execute("SELECT rule FROM removed_lines WHERE article_id = ? AND text = ?",
                        [later, LINE]).fetchone() == ("template",)


def test_copies_of_one_story_and_other_sources_do_not_count(tmp_path):
    rng, vocab = random.Random(3), make_vocabulary(random.Random(4))
    body = write_story(tmp_path / "in" / "site", "a.txt", rng, vocab)
    write_story(tmp_path / "in" / "site", "a-copy.txt", rng, vocab, body=body[:4])  # a trimmed copy
    write_story(tmp_path / "in" / "other", "b.txt", rng, vocab)
    db = tmp_path / "a.db"
    ingest([tmp_path / "in"], db, Config())
    assert learned(db) == []


def test_long_repeated_paragraphs_are_passages_not_templates(tmp_path):
    rng, vocab = random.Random(5), make_vocabulary(random.Random(6))
    background = paragraph(rng, vocab, 3)
    for i in range(4):
        write_story(tmp_path / "in" / "site", f"{i}.txt", rng, vocab, extra=background)
    db = tmp_path / "a.db"
    ingest([tmp_path / "in"], db, Config())
    assert learned(db) == []


def test_a_line_marked_keep_is_not_removed(tmp_path):
    conn, later = learn_then_add_a_later_story(tmp_path, 7, status="keep")
    assert LINE in conn.execute("SELECT text FROM articles WHERE id = ?", [later]).fetchone()[0]


def test_a_line_learned_while_the_next_batch_is_being_cleaned_is_removed_from_it(tmp_path):
    """Batches are cleaned one ahead of the writes; a template learned by the batch being
    written must still apply to the next one, as in a strictly batch-by-batch ingest."""
    from store.archive import Archive
    from ingest.config import ArchiveOptions, InputOptions
    from ingest.pipeline import Ingester, batched, find_inputs

    rng, vocab = random.Random(21), make_vocabulary(random.Random(22))
    for i in range(12):
        write_story(tmp_path / "in" / "site", f"{i:02}.txt", rng, vocab)
    copy = tmp_path / "in" / "site" / "07a.txt"  # the first file of the batch after 06's
    copy.write_bytes((tmp_path / "in" / "site" / "06.txt").read_bytes())
    tables = ("articles", "removed_lines", "boilerplate_lines", "paragraphs", "sightings")
    contents = []
    for workers, ahead in ((1, True), (2, True), (1, False)):
        db = tmp_path / f"{workers}-{ahead}.db"
        config = Config(archive=ArchiveOptions(batch_size=2), input=InputOptions(workers=workers))
        if ahead:
            ingest([tmp_path / "in"], db, config)
        else:  # each batch started only after the previous one is written
            archive = Archive.open(db, config.dedup)
            ingester = Ingester(archive, config, archive.start_run([], 0))
            for batch in batched(find_inputs([tmp_path / "in"], config.input), 2):
                ingester.ingest_batch(batch)
            archive.close()
        conn = sqlite3.connect(db)
        contents.append({t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables})
    assert contents[0]["removed_lines"] == contents[2]["removed_lines"]
    assert contents[0] == contents[1] == contents[2]
    template_removals = [row for row in contents[0]["removed_lines"] if row[-1] == "template"]
    assert len(template_removals) >= 12 - 3 - 1  # every story after the third (learned mid-batch)
    assert len(contents[0]["sightings"]) == len(contents[0]["articles"]) + 1  # the copy is a sighting


def test_what_depends_on_the_order_of_arrival_is_counted_in_runs(cli, tmp_path):
    """Template lines clean only the articles that arrive after they are learned: a run
    says how many it learned, and `runs` shows it, so two orders' differences are accounted for."""
    rng, vocab = random.Random(5), make_vocabulary(random.Random(6))
    site, db = tmp_path / "in" / "site", tmp_path / "a.db"
    for i in range(3):
        write_story(site, f"{i}.txt", rng, vocab)
    summary = json.loads(cli("ingest", tmp_path / "in", "--db", db, "--json").stdout)
    assert summary["templates_learned"] == len(learned(db)) == 1
    write_story(site, "later.txt", rng, vocab)
    assert json.loads(cli("ingest", tmp_path / "in", "--db", db, "--json").stdout)["templates_learned"] == 0
    runs = [json.loads(line) for line in cli("runs", "--json", "--db", db).stdout.splitlines()]
    assert [run["counts"]["templates_learned"] for run in runs] == [0, 1]  # newest first
    conn = sqlite3.connect(db)
    kept = conn.execute("SELECT count(*) FROM articles WHERE text LIKE ?", [f"%{LINE}%"]).fetchone()[0]
    assert kept == 3  # the three that taught it keep it until `reclean`; the fourth lost it


def test_a_line_few_articles_of_a_mixed_folder_share_is_not_learned(tmp_path):
    """A folder of many sites is one source for plain text: a subheading that three of its
    forty stories happen to share is under clean.template_min_share of the source, so it is
    no template (with the share turned off, the same folder learns it)."""
    rng, vocab = random.Random(31), make_vocabulary(random.Random(32))
    for i in range(40):
        write_story(tmp_path / "in" / "mixed", f"{i:02}.txt", rng, vocab,
                    extra="Conclusion" if i % 19 == 0 else f"Filed under {vocab[i]} and {vocab[i + 40]}")
    for share, expected in ((0.1, []), (0.0, ["Conclusion"])):
        db = tmp_path / f"{share}.db"
        ingest([tmp_path / "in"], db, config_from_dict({"clean": {"template_min_share": share}}))
        assert [example for _, example, _, _ in learned(db)] == expected


def test_a_line_that_reaches_its_share_after_three_stories_is_learned_then(tmp_path):
    """A new line in a source with a long history is learned once it is in a tenth of the
    latest stories, later than its third, and counted as learned in that run."""
    rng, vocab = random.Random(33), make_vocabulary(random.Random(34))
    site, db = tmp_path / "in" / "site", tmp_path / "a.db"
    for i in range(40):
        write_story(site, f"{i:02}.txt", rng, vocab, extra=f"Filed under {vocab[i]} and {vocab[i + 40]}")
    ingest([tmp_path / "in"], db, Config())
    for i in range(40, 50):
        write_story(site, f"{i:02}.txt", rng, vocab)
    summary = ingest([tmp_path / "in"], db, config_from_dict({"archive": {"batch_size": 2}}))
    assert [(example, status) for _, example, status, _ in learned(db)] == [(LINE, "learned")]
    assert summary.templates_learned == 1
    conn = sqlite3.connect(db)
    kept = conn.execute("SELECT count(*) FROM articles WHERE text LIKE ?", [f"%{LINE}%"]).fetchone()[0]
    removed = conn.execute("SELECT count(*) FROM removed_lines WHERE rule = 'template'").fetchone()[0]
    assert kept + removed == 10 and 3 < kept < 10


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_template_min_share_is_validated(value):
    with pytest.raises(ConfigError, match="clean.template_min_share"):
        config_from_dict({"clean": {"template_min_share": value}})
