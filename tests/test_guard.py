"""A body that is only leftover chrome is refused, so two stories never become one article."""

from __future__ import annotations

import base64
import random
import sqlite3

import pytest

from ingest.clean.guard import SENTENCE_BYTES, lost_body_reason, prose_bytes
from ingest.config import ConfigError, config_from_dict
from synthetic import make_vocabulary, sentence

CHROME = ["Home", "News", "Motor sport",
          "Regional Motor Racing News | the independent voice of motor sport in the south "
          "since 1998 | www.racing-news.example"]


def story(seed: int, sentences: int = 10) -> list[str]:
    rng = random.Random(seed)
    vocab = make_vocabulary(rng, 600)
    return [sentence(rng, vocab, 16) for _ in range(sentences)]


def saved_twice(body: list[str]) -> str:
    """A page a scraper saved with its article twice (mobile and desktop copies), same chrome."""
    return "\n".join([*CHROME, "", *body, "", *body, "", "Share", "Comments"]) + "\n"


def test_two_stories_with_the_same_leftover_chrome_never_become_one_article(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    stories = {"a.txt": story(1), "b.txt": story(2)}
    for name, body in stories.items():
        (folder / name).write_text(saved_twice(body), encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    conn = sqlite3.connect(db_path)
    rejected = {loc.rsplit("/", 1)[-1] for loc, in conn.execute("SELECT location FROM rejects")}
    archived = dict((loc.rsplit("/", 1)[-1], text) for loc, text in conn.execute(
        "SELECT s.location, a.text FROM sightings s JOIN articles a ON a.id = s.article_id"))
    for name, body in stories.items():
        # Each input is refused, or archived as an article that holds its own story.
        assert (name in rejected) != (name in archived)
        if name in archived:
            assert body[0] in archived[name]
    assert len(set(archived.values())) == len(archived)


def test_leftover_chrome_is_rejected_with_the_reason(cli, db_path, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(saved_twice(story(3)), encoding="utf-8")
    result = cli("ingest", page, "--db", db_path)
    conn = sqlite3.connect(db_path)
    reasons = [r for r, in conn.execute("SELECT reason FROM rejects")]
    articles = [t for t, in conn.execute("SELECT text FROM articles")]
    if articles:  # the cleaner found the article: then it must be the story, not the chrome
        assert story(3)[0] in articles[0]
    else:
        assert len(reasons) == 1 and "min_body_share" in reasons[0]
        assert "rejected 1" in result.output


def sentences_of(n: int, seed: int = 7) -> list[str]:
    return story(seed, n)


def test_a_short_post_above_a_long_comment_thread_is_kept():
    post = sentences_of(2)
    page = post + sentences_of(30, seed=8)  # the comments: 15 times the post
    assert lost_body_reason(post, prose_bytes(page), 0.1) is None


def test_chrome_without_a_sentence_is_refused_below_the_share():
    chrome = [CHROME[-1]]
    page = chrome + sentences_of(12)
    reason = lost_body_reason(chrome, prose_bytes(page), 0.1, ["density", "density", "phrase:ui"])
    assert reason is not None and "min_body_share" in reason and "'density'" in reason


def test_a_stray_sentence_is_refused_below_half_the_share():
    stray = sentences_of(1)
    page = stray + sentences_of(40, seed=9)
    assert len(stray[0].encode()) >= SENTENCE_BYTES
    assert lost_body_reason(stray, prose_bytes(page), 0.1) is not None
    assert lost_body_reason(stray, prose_bytes(page), 0.0) is None  # 0 turns the check off


def test_prose_is_measured_in_bytes_so_scripts_without_spaces_weigh_alike():
    english = "The council approved the budget on Monday after a long debate."
    chinese = "市议会周一在就公共交通进行长时间辩论后批准了新预算。"
    assert prose_bytes([english]) > 0 and prose_bytes([chinese]) > 0
    assert prose_bytes(["Home", "新闻"]) == 0


def blob(seed: int, size: int) -> str:
    """What a consent script keeps in an element's text: base64, one token, no space."""
    rng = random.Random(seed)
    return base64.b64encode(bytes(rng.randrange(256) for _ in range(size))).decode()


def test_a_line_that_is_one_token_is_no_prose():
    assert prose_bytes([blob(1, 600), "https://news.example/2026/12/07/" + "a-long-slug-" * 10]) == 0
    assert prose_bytes([blob(1, 600), sentences_of(1)[0]]) == prose_bytes(sentences_of(1))


def test_a_short_article_beside_hidden_base64_blobs_is_archived(cli, db_path, tmp_path):
    article = sentences_of(3, seed=11)
    blobs = "".join(f'<div class="embedding" hidden>{blob(n, 5500)}</div>' for n in range(3))
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Council passes budget</title></head><body><article>"
                    "<h1>Council passes budget</h1>" + "".join(f"<p>{p}</p>" for p in article)
                    + f"</article>{blobs}</body></html>", encoding="utf-8")
    cli("ingest", page, "--db", db_path)
    conn = sqlite3.connect(db_path)
    assert [r for r, in conn.execute("SELECT reason FROM rejects")] == []
    assert article[0] in conn.execute("SELECT text FROM articles").fetchone()[0]


@pytest.mark.parametrize("value", [-0.1, 1.5, "much"])
def test_min_body_share_is_validated(value):
    with pytest.raises(ConfigError, match="clean.min_body_share"):
        config_from_dict({"clean": {"min_body_share": value}})


@pytest.mark.parametrize("post", [
    ["नगर परिषद ने सोमवार को लंबी बहस के बाद नया बजट मंजूर किया।",
     "सदस्यों ने कहा कि योजना से उत्तरी इलाकों में और बसें चलेंगी।"],  # Hindi: a danda ends it
    ["وافق مجلس المدينة على الميزانية الجديدة يوم الاثنين بعد نقاش طويل؟",
     "قال الأعضاء إن الخطة ستضيف المزيد من الحافلات إلى الأحياء الشمالية؟"],  # Arabic question mark
    ["สภาเมืองอนุมัติงบประมาณใหม่เมื่อวันจันทร์หลังจากการอภิปรายเรื่องการขนส่งสาธารณะ",
     "สมาชิกกล่าวว่าแผนนี้จะเพิ่มรถประจำทางในเขตทางเหนือและลดค่าโดยสารสำหรับนักเรียน"],  # Thai: no full stop
    ["Der Stadtrat beschloss am Montag den Haushalt: „Wir haben lange genug auf neue Busse gewartet.“",
     "Die Bürgermeisterin sagte: „Die ersten neuen Linien fahren noch vor dem Ende des Sommers.“"],  # „...“
])
def test_a_short_post_in_any_script_above_a_long_thread_is_kept(post):
    size = sum(len(p.encode()) for p in post)
    thread = sentences_of(60, seed=8)
    page = post + thread[:next(n for n in range(len(thread)) if prose_bytes(post + thread[:n]) * 0.075 > size)]
    share = size / prose_bytes(page)
    assert 0.05 <= share < 0.1  # below the share, above half of it: kept only as sentences
    assert lost_body_reason(post, prose_bytes(page), 0.1) is None
