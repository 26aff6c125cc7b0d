"""The plain-text cleaner: the five seed samples, single rules, and invariants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import COUNCIL_BODY as BODY
from conftest import GALLERY_SLIDES
from ingest.config import CleanOptions
from ingest.clean.dates import find_published, parse_date
from ingest.clean.lines import stripped_lines
from ingest.normalize import normalize_text
from ingest.clean.text import clean_text
from ingest.clean.credits import ends_with_credit
from ingest.clean.pagescan import match_lines
from ingest.clean.rules import RULES, family, match_line

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
SEEDS = sorted(name for name in GOLD if not name.startswith("_"))
OPTIONS = CleanOptions()



def clean(text: str, template: frozenset[str] = frozenset()):
    return clean_text(text, OPTIONS, template)


def page(*middle: str, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> str:
    """A small page: furniture, a headline, body paragraphs with `middle` inside, furniture."""
    lines = [*before, "Council approves budget for more buses", *BODY[:2], *middle, *BODY[2:], *after]
    return "\n\n".join(lines)


def rule_of(cleaned, line: str) -> str | None:
    for r in cleaned.removed:
        if r.text.strip() == line.strip():
            return r.rule
    return None


# --- the five seeds --------------------------------------------------------------

@pytest.mark.parametrize("name", SEEDS)
def test_seed_metadata(name):
    cleaned = clean((ROOT / "samples" / name).read_text(encoding="utf-8"))
    assert cleaned.title == GOLD[name]["title"]
    assert cleaned.published == GOLD[name]["published"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_body_paragraphs_exact_and_in_order(name):
    cleaned = clean((ROOT / "samples" / name).read_text(encoding="utf-8"))
    assert list(cleaned.paragraphs) == GOLD[name]["body_paragraphs"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_boilerplate_removed(name):
    cleaned = clean((ROOT / "samples" / name).read_text(encoding="utf-8"))
    removed = {r.text.strip() for r in cleaned.removed}
    for line in GOLD[name]["removed"]:
        assert line.strip() not in cleaned.paragraphs
        assert line.strip() in removed


def test_seed_003_hard_wrap_rejoined():
    cleaned = clean((ROOT / "samples" / "003_bbf00173a1504fe2.txt").read_text(encoding="utf-8"))
    assert any("bombers. It evoked condemnation" in p for p in cleaned.paragraphs)


def test_seed_004_rules_are_named():
    cleaned = clean((ROOT / "samples" / "004_7c46447cfe073ee4.txt").read_text(encoding="utf-8"))
    assert rule_of(cleaned, "Published 3 May 2019") == "published"
    assert rule_of(cleaned, "News > U.S.") == "pattern:breadcrumb"
    assert rule_of(cleaned, "Journalist Anya Parampil Schools Fox News on US Policies on Venezuela") == "teaser"
    assert rule_of(cleaned, "RELATED:") == "phrase:related"
    assert rule_of(cleaned, "US Seeks Meeting with Russia to Discuss Venezuela") == "title"
    assert family(rule_of(cleaned, "• facebook")) == "phrase"


# --- single rules on hand-made pages ------------------------------------------------

def test_counter_line_removed():
    cleaned = clean(page(before=("0 4,054",)))
    assert rule_of(cleaned, "0 4,054") == "pattern:counter"
    assert list(cleaned.paragraphs) == BODY


@pytest.mark.parametrize("line", ["Share", "Tweet", "• facebook", "Share on Facebook", "Teilen",
                                  "Поделиться", "Bagikan"])
def test_share_lines_removed(line):
    cleaned = clean(page(line))
    assert rule_of(cleaned, line) == "phrase:share"
    assert list(cleaned.paragraphs) == BODY


@pytest.mark.parametrize("marker", ["- Advertisement -", "Advertisement · Scroll to continue",
                                    "ADVERTISEMENT - CONTINUE READING BELOW"])
def test_ad_marker_inside_body_removed(marker):
    """An ad marker, also two of them joined by a separator (Reuters' "Advertisement · Scroll to continue")."""
    cleaned = clean(page(marker))
    assert rule_of(cleaned, marker) == "phrase:ad"
    assert list(cleaned.paragraphs) == BODY


def test_teaser_after_related_marker():
    cleaned = clean(page("RELATED:", "Mayor Unveils Plan for Free Weekend Parking Downtown"))
    assert rule_of(cleaned, "Mayor Unveils Plan for Free Weekend Parking Downtown") == "teaser"
    assert list(cleaned.paragraphs) == BODY


def test_inline_related_teaser():
    cleaned = clean(page("Related: Ten Bus Routes That Changed the City"))
    assert rule_of(cleaned, "Related: Ten Bus Routes That Changed the City") == "phrase:related"


def test_comment_widget_ends_the_article():
    tail = ("Comments", "Great article, I fully agree with everything the council decided here today.",
            "I think the buses will be empty most of the day, which is a waste of everyone's money.")
    cleaned = clean(page(after=tail))
    assert list(cleaned.paragraphs) == BODY
    assert rule_of(cleaned, tail[1]) == "end-marker"


def test_subscribe_box_after_body_removed():
    tail = ("Subscribe to our newsletter",
            "Sign up here to get the latest news, updates and special offers delivered to your inbox.")
    cleaned = clean(page(after=tail))
    assert list(cleaned.paragraphs) == BODY
    assert rule_of(cleaned, tail[0]) == "phrase:subscribe"


def test_caption_with_photo_credit_removed():
    caption = "The mayor speaks to reporters outside city hall on Monday. | Photo: Reuters"
    cleaned = clean(page(caption))
    assert rule_of(cleaned, caption) == "pattern:caption"


def test_navigation_menu_is_outside_the_dense_block():
    menu = ("Home", "News", "Sports", "Weather", "Opinion", "Local", "Business", "Contact")
    cleaned = clean(page(before=menu, after=menu))
    assert list(cleaned.paragraphs) == BODY
    assert cleaned.title == "Council approves budget for more buses"
    assert all(r.rule in ("density", "phrase:ui", "title") for r in cleaned.removed)


def test_hard_wrapped_line_is_rejoined():
    text = ("The council approved the new budget on Monday after a long and\n"
            "heated debate about the future of public transport in the city.\n\n" + "\n\n".join(BODY))
    cleaned = clean(text)
    assert cleaned.paragraphs[0] == ("The council approved the new budget on Monday after a long and "
                                     "heated debate about the future of public transport in the city.")


def test_rejoin_looks_through_closing_quotes():
    """A line ending in a quote mid-sentence continues; one ending a quoted sentence does not."""
    wrapped = ('The council said it would approve the "new budget"\n'
               "next week after a long debate about the future of the buses.")
    cleaned = clean(wrapped + "\n\n" + "\n\n".join(BODY))
    assert cleaned.paragraphs[0] == wrapped.replace("\n", " ")
    ended = ('The mayor told the reporters gathered outside: "We will build it."\n'
             "the crowd cheered as the plan for the new line was unveiled.")
    cleaned = clean(ended + "\n\n" + "\n\n".join(BODY))
    assert ended.replace("\n", " ") not in cleaned.paragraphs


def test_lines_without_blank_between_stay_separate_paragraphs():
    cleaned = clean("\n".join(BODY))
    assert list(cleaned.paragraphs) == BODY


def test_published_line_moves_to_metadata():
    cleaned = clean(page(before=("Published 3 May 2019",)))
    assert cleaned.published == "2019-05-03"
    assert rule_of(cleaned, "Published 3 May 2019") == "published"


@pytest.mark.parametrize("body", [
    ["Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt für den Nahverkehr beschlossen.",
     "Die Mitglieder sagten, der Plan bringe mehr Busse in die nördlichen Bezirke und billigere Fahrkarten.",
     "Gegner meinten, das Geld solle lieber in die Reparatur der Straßen fließen, die seit Jahren warten."],
    ["Городской совет в понедельник после долгих споров утвердил новый бюджет на общественный транспорт.",
     "Депутаты заявили, что план добавит автобусы в северные районы и снизит стоимость проезда для студентов.",
     "Противники считают, что деньги лучше направить на ремонт дорог, который откладывается уже много лет."],
    ["Dewan kota menyetujui anggaran baru pada hari Senin setelah perdebatan panjang tentang transportasi umum.",
     "Para anggota mengatakan rencana itu akan menambah bus di wilayah utara dan menurunkan tarif pelajar.",
     "Pihak yang menolak berpendapat dana itu sebaiknya dipakai untuk memperbaiki jalan yang rusak bertahun-tahun."],
])
def test_non_english_body_is_kept(body):
    menu = ("Startseite", "Главная", "Beranda", "Teilen", "Поделиться", "Bagikan")
    cleaned = clean("\n\n".join([*menu, "Überschrift / Заголовок / Judul berita", *body, *menu]))
    assert list(cleaned.paragraphs) == body


def test_template_lines_removed_with_rule_template():
    line = "Daily Bugle Media Group, Metro Edition"
    template = frozenset({normalize_text(line)})
    cleaned = clean(page(line), template)
    assert rule_of(cleaned, line) == "template"
    assert list(cleaned.paragraphs) == BODY


def test_empty_and_blank_text():
    for text in ("", "\n\n  \n", "Home"):
        cleaned = clean(text)
        assert cleaned.paragraphs == () or text == "Home"


def test_rule_names_come_from_the_fixed_vocabulary():
    cleaned = clean((ROOT / "samples" / "004_7c46447cfe073ee4.txt").read_text(encoding="utf-8"))
    assert {r.rule for r in cleaned.removed} <= set(RULES)


@pytest.mark.parametrize("line, rule", [
    ("12 Comments", "phrase:comments"), ("9H ago", "pattern:timestamp"),
    ("© 2019 Example Media. All rights reserved.", "pattern:copyright"),
    ("https://example.com/story", "pattern:url"), ("Home > World > Europe", "pattern:breadcrumb"),
    ("Alex on September 17, 2018 at 6:34 am said:", "phrase:comments"),
    ("The council met on Monday.", None),
    # a live blog's entry head: its time and its author or mark; a time before a sentence is none
    ("21:00 Jane Roe-Smith", "pattern:timestamp"), ("20:42 KEY EVENT", "pattern:timestamp"),
    ("14:30 The mayor opens the new hall.", None),
    # when, its time and its author, run together as some pages render them
    ("2 hours ago 10:05 Jane Roe", "pattern:timestamp"), ("21 mins ago11:48 Jane Roe", "pattern:timestamp"),
    ("2 hours ago the council met", None),
])
def test_match_line(line, rule):
    assert match_line(line, len(line.split())) == rule


# A copyright line is a short notice: the sign near its start or end, or next to a year.
NOTICES = ["© 2024 Some Media Ltd. All rights reserved", "© Libération", "Copyright © Verlag Muster",
           "Portions of this content are ©1998-2015 by individual contributors.",
           "The mayor opened the new depot on Monday. © dpa | Jane Doe", "2025 © Example Holdings",
           "本文版权所有©新华网", "Terms of use Privacy policy Cookies policy Topics © Future Media, Inc.",
           "Published Nov 20, 2019 Terms of Service Privacy Notice © Copyright Example Media",
           # Korean and Japanese notices that forbid redistribution or copying
           "<저작권자 ⓒ 예시뉴스, 무단전재 및 재배포 금지>", "ⓒ 예시일보, 무단 전재 및 재배포 금지",
           "無断転載・複製を禁じます", "無断転載禁止",
           "例示新聞デジタルに掲載の記事・写真の無断転載を禁じます。すべての内容は著作権法により保護されています。"]
# Sentences of an article that merely contain the sign in their middle.
SIGN_IN_SENTENCES = [
    "This isn’t supposed to be a manifesto™© we just think it’s pretty cool to share what we’ve learned.",
    "The band printed its logo with a © sign on every record sleeve it sold at the concerts that summer.",
]


@pytest.mark.parametrize("line", [
    "男は人気漫画を無断転載した疑いで、警視庁に逮捕された。",  # a report on piracy, not a notice
    "裁判所は記事の転載禁止をめぐる新聞社の主張を認めた。",  # a report on a ban, not the page's own
    "경찰은 영상을 무단으로 재배포한 혐의로 남성을 입건했다고 밝혔다.",
])
def test_a_report_on_copying_is_no_copyright_notice(line):
    assert match_line(line, len(line.split())) is None


@pytest.mark.parametrize("line", NOTICES)
def test_copyright_notice_lines_match(line):
    assert match_line(line, len(line.split())) == "pattern:copyright"


@pytest.mark.parametrize("line", SIGN_IN_SENTENCES)
def test_a_body_sentence_with_the_copyright_sign_inside_is_kept(line):
    assert match_line(line, len(line.split())) is None
    cleaned = clean(page(line, after=("© 2024 Some Media Ltd. All rights reserved",)))
    assert line in cleaned.paragraphs
    assert rule_of(cleaned, "© 2024 Some Media Ltd. All rights reserved") is not None


def test_dates():
    assert find_published("Published 3 May 2019") == "2019-05-03"
    assert find_published("Posted: May 3, 2019") == "2019-05-03"
    assert find_published("The meeting on 3 May 2019 was long.") is None
    assert parse_date("2019-02-30") is None


# --- invariants -----------------------------------------------------------------------

def _accounted(text: str, cleaned) -> None:
    """Every non-blank input line is in a paragraph or in removed (nothing silently lost).
    Blank as the cleaner sees it: a line of only whitespace and characters that show
    nothing (a zero-width space) is blank (lines.stripped_lines)."""
    removed = {r.line_no for r in cleaned.removed}
    body = "\n".join(cleaned.paragraphs)
    for no, line in enumerate(stripped_lines(text)):
        if line and no not in removed:
            assert line in body, (no, line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", "Share", "Comments", "RELATED:", "0 4,054", "Published 3 May 2019",
                     "News > U.S.", "• twitter", "- Advertisement -", *BODY,
                     "a line that ends without a stop and", "continues here in lower case."]),
), max_size=40))
@example(["\u200b"])  # a line of a zero-width space is blank: nothing to lose
@example(["\u200b" + BODY[0], BODY[1]])  # the same character before a sentence: the sentence is kept
def test_never_raises_and_loses_nothing(parts):
    text = "\n".join(parts)
    cleaned = clean(text, frozenset({normalize_text("Share")}))
    _accounted(text, cleaned)
    assert all(p.strip() == p and p for p in cleaned.paragraphs)


@pytest.mark.parametrize("name", SEEDS)
def test_seeds_lose_nothing(name):
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    _accounted(text, clean(text))


# --- list bodies ------------------------------------------------------------------------

STEPS = [
    "Prep time: 10 minutes, cook time: 25 minutes, serves 4",
    "Ingredients",
    "2 cups of rice, rinsed and drained",
    "1 onion, finely chopped",
    "Heat the oil in a large pan over medium heat",
    "Add the onion and cook for 5 minutes until soft",
    "Method",
    "Stir in the rice and pour over the stock",
    "Simmer for 20 minutes with the lid on",
    "Season with salt and pepper to taste",
]
MENU = ("Home", "News", "Sports", "Weather", "Opinion", "Local", "Business", "Contact")


def test_list_body_after_prose_keeps_its_list_lines():
    """A recipe's short, unpunctuated steps continue the article that introduces them."""
    cleaned = clean(page(after=(*STEPS, *MENU)))
    for line in STEPS:
        if line not in ("Ingredients", "Method"):
            assert line in cleaned.paragraphs, line
    assert not set(MENU) & set(cleaned.paragraphs)


def test_navigation_list_after_body_still_goes():
    """Menus and teaser headlines in title case are labels, not list content."""
    teasers = ("Mayor Unveils Plan for Free Weekend Parking", "Ten Bus Routes That Changed the City",
               "Why the Northern Line Is Always Late", "City Council Election Results")
    cleaned = clean(page(after=(*MENU, *teasers, *MENU)))
    assert list(cleaned.paragraphs) == BODY


def test_list_extension_stops_at_a_rule_line():
    tail = ("Share this:", "Add the onion and cook for 5 minutes until soft",
            "Stir in the rice and pour over the stock", "Simmer for 20 minutes with the lid on",
            "Season with salt and pepper to taste")
    cleaned = clean(page(after=tail))
    assert list(cleaned.paragraphs) == BODY


# --- page-at-once helpers agree with their line-by-line definitions ---------------------

TRICKY_LINES = [
    "Share", "• facebook", "12 Comments", "Photo: Reuters", "The mayor spoke. | Photo: AP",
    "Council budget approved - Getty Images", "© 2019 Example Media", "(c) 2020 Example",
    "All Rights Reserved", "Alle Rechte vorbehalten", "Все права защищены", "News > U.S.",
    "Home / World / Europe", "Related: Ten Bus Routes", "https://example.com/a", "mail@example.com",
    "Alex on September 17, 2018 at 6:34 am said:", "İstanbul", "ΣΟΦΙΑΣ", "Published 3 May 2019",
    "a | b | c", "Copyright 2021 Example", "[Image: the harbour]", "— Source: Example",
    "١٢ تعليقات", "댓글 12", "12 件のコメント", "シェア", "共有する", "²³ views", "۱۲ نظر", "① 3 of 12",
    "首页", "关注我们", "기사 공유", "Boats in the harbour Foto: NTB", "市民が集まった。写真：共同",
    "Source: a: b", "Photo credit:   Jane Doe/AP", *NOTICES, *SIGN_IN_SENTENCES,
    # no-break and thin spaces, as many pages set them between words
    "Weitere\xa0Artikel\xa0zum\xa0Thema", "Share\u202fthis\u202farticle", "News\xa0>\xa0U.S.",
    "Le\xa0«\xa0dircab\xa0» de Richard Ferrand", "Photo\u2009: Reuters",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TRICKY_LINES), st.text(max_size=60)), max_size=30))
def test_match_lines_agrees_with_match_line(lines):
    from ingest.clean.pagescan import match_lines

    lines = [piece.strip() for line in lines for piece in line.splitlines() if piece.strip()]
    words = [len(line.split()) for line in lines]
    assert match_lines(lines, words) == [match_line(line, n) for line, n in zip(lines, words)]


@pytest.mark.parametrize("line", ["Weitere\xa0Artikel\xa0zum\xa0Thema", "Related\xa0stories",
                                  "Share\u202fthis\u202farticle", "Accueil\xa0»\xa0Politique\xa0»\xa0France"])
def test_a_rule_reads_wide_spaces_as_spaces(line):
    """A no-break or thin space between a line's words is a space to the rules, on the page as on its own."""
    plain = " ".join(line.split())
    assert match_line(plain, len(plain.split())) is not None
    assert match_line(line, len(line.split())) == match_line(plain, len(plain.split()))
    cleaned = clean(page(after=(line, "Ten Bus Routes That Changed the City")))
    assert rule_of(cleaned, line) == rule_of(clean(page(after=(plain, "Ten Bus Routes That Changed the City"))), plain)


def test_a_quotation_in_guillemets_is_no_breadcrumb():
    # "»" between spaces separates a trail's links, but not after the "«" that opens a quotation
    assert match_line("Le « dircab » de Richard Ferrand", 6) is None
    assert match_line("Accueil » Politique » France", 5) == "pattern:breadcrumb"


def test_word_counts_agree_with_str_split():
    import sys

    from ingest.clean.lines import OTHER_SPACE, word_counts

    inner = {chr(c) for c in range(sys.maxunicode + 1)
             if chr(c).isspace() and len(f"a{chr(c)}b".splitlines()) == 1} - {" "}
    assert inner <= set(OTHER_SPACE)
    for lines in (["a b", "c"], ["a  b"], ["a\tb c"], ["x\xa0y"], ["one two three", "four\u2009five"]):
        assert word_counts("\n".join(lines), lines) == [len(line.split()) for line in lines]


# --- scripts written without spaces -------------------------------------------------

UNSPACED_PAGES = {
    "ja": (("ホーム", "政治", "経済", "国際", "スポーツ", "ログイン", "シェアする", "ランキング"),
           "市議会、公共交通の新予算を承認",
           ["市議会は月曜日、長い議論の末に公共交通の新しい予算を承認した。",
            "議員らによると、この計画で北部の地区にバスが増え、学生の運賃も下がるという。",
            "反対派は、その資金を何年も先送りされてきた道路の補修に使うべきだと主張している。",
            "市長は記者会見で、来年の春までに新しい路線の運行を始めたいと述べた。"]),
    "zh": (("首页", "新闻", "国际", "财经", "体育", "登录", "分享到微信", "热门排行"),
           "市议会批准公共交通新预算",
           ["市议会星期一经过长时间的讨论，批准了新的公共交通预算。",
            "议员们表示，这项计划将为北部地区增加公交车，并降低学生的票价。",
            "反对者认为，这笔钱应该用于修理已经拖延了很多年的道路。",
            "市长在记者会上说，希望在明年春天之前开通新的线路！"]),
    # Thai ends sentences with a space, not a full stop.
    "th": (("หน้าแรก", "ข่าว", "กีฬา", "บันเทิง", "เข้าสู่ระบบ", "แชร์"),
           "สภาเมืองอนุมัติงบขนส่งใหม่",
           ["สภาเมืองอนุมัติงบประมาณใหม่สำหรับระบบขนส่งสาธารณะเมื่อวันจันทร์ หลังจากการอภิปรายที่ยาวนาน",
            "สมาชิกสภากล่าวว่าแผนนี้จะเพิ่มรถโดยสารในเขตทางเหนือ และลดค่าโดยสารสำหรับนักเรียน",
            "ฝ่ายค้านเห็นว่าควรนำเงินไปซ่อมถนนที่ถูกเลื่อนมาหลายปีแล้ว"]),
}


@pytest.mark.parametrize("lang", sorted(UNSPACED_PAGES))
def test_unspaced_script_page_keeps_its_body(lang):
    menu, headline, body = UNSPACED_PAGES[lang]
    cleaned = clean("\n\n".join([*menu, headline, *body, *menu]))
    assert list(cleaned.paragraphs) == body
    assert cleaned.title == headline
    # Out of the body by density, or by a rule that knows the word ("首页" is "Home", "แชร์" "Share").
    assert all(r.rule == "density" or r.rule.startswith("phrase:") for r in cleaned.removed if r.text in menu)


def test_a_thai_page_loses_its_furniture_and_the_related_box_under_the_article():
    """Thai ends a sentence with no mark, so a related-news box's headlines read as sentences;
    the box's heading ("ข่าวที่เกี่ยวข้อง", related news) marks them, and Thai share, comment,
    subscribe and copyright lines and a Thai dateline are furniture as their English kin are."""
    menu, _, body = UNSPACED_PAGES["th"]
    headline = "สภาเมืองอนุมัติงบขนส่งใหม่ เพิ่มรถเมล์เขตเหนือ"
    related = ["ข่าวที่เกี่ยวข้อง",
               "ผู้ว่าฯ เปิดห้องสมุดแห่งใหม่กลางเมือง พร้อมพื้นที่อ่านหนังสือสำหรับเด็กและเยาวชน",
               "ค่าโดยสารรถไฟฟ้าจะปรับขึ้นในฤดูใบไม้ผลิ หลังผู้ประกอบการยื่นขอปรับราคาตั้งแต่ปีที่แล้ว",
               "พายุฝนถล่มท่าเรือ ชาวประมงหลายร้อยรายได้รับผลกระทบ หน่วยงานเร่งให้ความช่วยเหลือ",
               "โรงเรียนในเขตเหนือได้รับงบเพิ่มเพื่อจ้างครูใหม่ หลังจำนวนนักเรียนเพิ่มขึ้นต่อเนื่อง"]
    furniture = {"4 ธ.ค. 2569 10:30 น.": "pattern:timestamp", "แชร์": "phrase:share",
                 "แสดงความคิดเห็น": "phrase:comments", "ติดตามเรา": "phrase:subscribe",
                 "สงวนลิขสิทธิ์ 2569 บริษัท ข่าวตัวอย่าง จำกัด": "pattern:copyright"}
    lines = [headline + " - ข่าวตัวอย่าง", *menu, headline, "4 ธ.ค. 2569 10:30 น.", "แชร์", *body, *related,
             "แสดงความคิดเห็น", "ติดตามเรา", "สงวนลิขสิทธิ์ 2569 บริษัท ข่าวตัวอย่าง จำกัด"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == body
    assert cleaned.title == headline
    assert {line: rule_of(cleaned, line) for line in furniture} == furniture
    assert rule_of(cleaned, related[0]) == "phrase:related"
    assert all(rule_of(cleaned, teaser) == "teaser" for teaser in related[1:])


# A notice of a few sentences after the article, as a consent box is (Japanese).
_JA_NOTICE = [f"当サイトでは{n}のためにクッキーを使用し、お客様の端末に情報を保存して、閲覧状況の測定や広告の表示、"
              "サービスの改善に利用しています。" for n in ("広告", "分析", "ソーシャルメディア", "動画")]


@pytest.mark.parametrize("separator", [" - ", " | ", "｜"])
def test_a_short_cjk_headline_anchors_the_article(separator):
    """A 9-character Japanese headline is a full headline (18 columns): repeating the page
    title, it anchors the article that follows it, and a notice further down stays out."""
    menu, _, body = UNSPACED_PAGES["ja"]
    headline = "市議会が新予算可決"
    lines = [headline + separator + "毎日新報", *menu, headline, *body, "ホーム", "お問い合わせ",
             *(f"メニュー{k}" for k in range(30)), "プライバシー設定", *_JA_NOTICE, "すべて同意する"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == body
    assert cleaned.title == headline


def test_unspaced_words_are_counted_by_characters():
    from ingest.clean.scripts import CHARS_PER_WORD_CJK, word_count

    sentence = UNSPACED_PAGES["ja"][2][1]
    assert word_count(sentence) >= len(sentence) / CHARS_PER_WORD_CJK - 2
    assert word_count("ホーム") == 1
    assert word_count("Appleが新型iPhoneを発表") == 2 + word_count("が新型を発表")
    for line in ("one two three", "Überschrift über alles", "Заголовок новости дня", "한국어 문장은 띄어 쓴다"):
        assert word_count(line) == len(line.split())


def _word_count_by_runs(line: str) -> int:
    """word_count's definition, run by run: each run of CJK or of Southeast Asian
    letters counts its characters over the script's characters per word, the other
    space-separated words one each."""
    import re

    from ingest.clean import scripts

    runs = re.findall(f"[{scripts.HAN_KANA}]+|[{scripts._SOUTHEAST}]+", line)
    if not runs:
        return len(line.split())
    sea = sum(len(run) for run in runs if re.match(f"[{scripts._SOUTHEAST}]", run))
    cjk = sum(map(len, runs)) - sea
    rest = len(re.sub(f"[{scripts.HAN_KANA}]+|[{scripts._SOUTHEAST}]+", " ", line).split())
    n = rest + (int(cjk / scripts.CHARS_PER_WORD_CJK + 0.5) if cjk else 0) + (
        int(sea / scripts.CHARS_PER_WORD_SEA + 0.5) if sea else 0)
    return max(1, n) if line.strip() else 0


_MIXED_SCRIPT = st.text(alphabet=st.sampled_from("ab É1.,:  \t\u3000\xa0。、「」日本語のカナ漢字ภาษาไทยဗမာខ្មែរ한국"),
                        max_size=40) | st.text(alphabet=st.sampled_from("abcÉ —’ 日本 ภา"), min_size=60, max_size=150)


@settings(max_examples=300, deadline=None)
@given(st.lists(_MIXED_SCRIPT, max_size=12))
def test_page_word_counts_agree_with_the_definition_in_every_script(lines):
    from ingest.clean.lines import word_counts
    from ingest.clean.scripts import has_unspaced, word_count

    lines = [piece.strip() for line in lines for piece in line.splitlines() if piece.strip()]
    text = "\n".join(lines)
    assert [word_count(line) for line in lines] == list(map(_word_count_by_runs, lines))
    assert word_counts(text, lines, has_unspaced(text)) == list(map(_word_count_by_runs, lines))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aกขໄ\u0dff\u0f00。 1.,%)」*\""), max_size=8))
def test_ends_unpunctuated_is_a_thai_or_lao_letter_before_a_number_and_closers(line):
    """The definition as a regex: a Thai or Lao letter, then a number (with at least one
    digit) or nothing, then closing quotes or brackets. Lines are stripped: no line break."""
    import re

    from ingest.clean.scripts import ends_unpunctuated

    definition = re.compile("[\u0e00-\u0eff](?:[ 0-9.,/%]*[0-9][ 0-9.,/%]*)?[\"'”’»)\\]」』）*]*")
    assert ends_unpunctuated(line) == any(definition.fullmatch(line[i:]) for i in range(len(line)))


def test_has_unspaced_finds_every_such_character_and_no_other():
    from ingest.clean import scripts

    ranges = [(0x0E01, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF), (0x3400, 0x4DBF),
              (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F)]
    for lo, hi in ranges:
        for c in range(lo, hi + 1):
            assert scripts.has_unspaced("Latin text — " + chr(c)), hex(c)
    # Supplementary ideographs are found with the BMP ones they come with.
    assert scripts.has_unspaced("𠀋 — 漢字")
    others = "Grüße — “quoted” ½ € Ελληνικά Русский עברית العربية हिन्दी 한국어 😀 ｡"
    assert not scripts.has_unspaced(others)


def test_the_utf8_prefilter_passes_every_character_of_an_unspaced_script():
    from ingest.clean import scripts

    for c in range(0x110000):
        if not 0xD800 <= c < 0xE000 and scripts._DENSE_CHAR.match(chr(c)):
            assert scripts._may_hold_unspaced("Latin text — " + chr(c)), hex(c)
            if scripts._SEA_RUN.match(chr(c)):
                assert chr(c).encode()[0] in scripts._SEA_LEADS, hex(c)
    lines = ["plain", "Grüße — “quoted”", "日本語", "x 𠀋", "ภาษา ไทย", "Tiếng Việt", "\ufffd"]
    lines += ["Tiếng Việt " * 10 + "日本", "Grüße — “quoted” " * 10]
    assert scripts.unspaced_word_counts(lines) == {i: scripts.word_count(line) for i, line in enumerate(lines)
                                                   if scripts._DENSE_CHAR.search(line)}


# --- end markers inside the article ---------------------------------------------------

LONG_BODY = [
    *BODY,
    "Bus drivers welcomed the decision but asked the council to hire more staff before the new routes start.",
    "The transport office said it would publish the new timetables in the spring and ask riders for comments.",
    "Shop owners in the northern districts hope that more buses will bring more customers into their streets.",
]


@pytest.mark.parametrize("box", [
    ("Subscribe to our newsletter", "Get the day's top stories in your inbox", "Sign up"),
    ("New buses at the depot on Monday. — © Jane Doe",),
])
def test_inline_box_or_photo_credit_does_not_end_a_long_article(box):
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], *box, *LONG_BODY[3:], "Home", "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert all(family(rule_of(cleaned, line)) in ("phrase", "pattern") for line in box)


def test_comment_section_after_a_long_article_still_ends_it():
    comments = []
    for name in ("Anna", "Ben", "Carla", "Dieter"):
        comments += [f"{name} says:", f"I think the council made the right choice here, and {name.lower()} "
                     "will take the bus to work every day from now on.", "Reply"]
    lines = ["Council approves budget for more buses", *LONG_BODY, "Comments", *comments]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert rule_of(cleaned, comments[1]) == "end-marker"


def test_an_article_given_as_one_paragraph_resumes_after_a_comment_counter():
    """A comment counter under the deck does not end an article whose body is one long
    paragraph (Markdown of a page that sets its body in one block, a scraper that joins a
    body's paragraphs): each of its sentences counts towards the article resuming."""
    deck = ("The city council approved a budget on Monday that puts more buses on the roads of the northern "
            "districts, after a long debate about parking fees. Critics said the plan leaves the shops of the "
            "old town to pay for it, and the opposition promised to fight the fees in court next year.")
    body = " ".join(LONG_BODY)
    lines = ["Council approves budget for more buses", deck, "Share on Facebook", "Share on Twitter",
             "5 comments", body, "Most read", "Mayor opens new library", "Bus fares to rise in spring"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == [deck, body]


def test_copyright_notice_ends_the_article():
    after = ["The Daily Bugle is published by Daily Bugle Media in the city and in three other counties.",
             "Our journalists follow the editorial code that the press council adopted in the year 2019."]
    lines = ["Council approves budget for more buses", *LONG_BODY, "© 2024 Daily Bugle Media. All rights reserved.",
             *after]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY


# A footer that credits each data provider in turn, each with its reserved rights: a long line.
DATA_NOTICE = ("Market data is delayed by at least fifteen minutes and is provided for information only. "
               "Quotes: Copyright 2024 Example Quotes, Inc. All Rights Reserved. Index levels: Example Indices "
               "Research Systems Inc. 2024. All rights reserved. Fund ratings are the property of Example Ratings "
               "and its licensors and may not be copied, adapted or distributed without their written consent, "
               "and they are provided without any warranty of being accurate, complete or timely.")
# An article's sentence that names the phrase once.
RESERVED_ONCE = ("The court heard that the photographer had printed the words all rights reserved under every "
                 "picture he sold, and that the agency had removed them before it passed the pictures on to "
                 "the newspapers that bought them from it over the following three years.")


def test_a_long_notice_that_reserves_rights_twice_goes_and_a_sentence_naming_it_once_stays():
    assert match_line(DATA_NOTICE, len(DATA_NOTICE.split())) == "pattern:copyright"
    assert match_line(RESERVED_ONCE, len(RESERVED_ONCE.split())) is None
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], RESERVED_ONCE, *LONG_BODY[3:],
             "Search", "World", "Business", "Tech", "Follow us", DATA_NOTICE, "Terms of Use", "Privacy Policy"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == [*LONG_BODY[:3], RESERVED_ONCE, *LONG_BODY[3:]]
    assert rule_of(cleaned, DATA_NOTICE) == "pattern:copyright"


@pytest.mark.parametrize("promo", ["CLICK HERE TO GET THE DAILY BUGLE APP", "READ MORE ON BUGLE BUSINESS BY CLICKING HERE",
                                   "HIER KLICKEN FÜR MEHR NACHRICHTEN"])
def test_a_call_to_click_set_in_capitals_inside_the_article_goes(promo):
    own = ["WHAT HAPPENS NEXT", "Readers can click here to see the full report the council published."]
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], promo, *own, *LONG_BODY[3:], "Home"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == [*LONG_BODY[:3], *own, *LONG_BODY[3:]]
    assert rule_of(cleaned, promo) == "phrase:subscribe"


def test_article_after_the_headline_wins_over_a_longer_notice_further_down():
    notice = [f"We and our {n} partners store cookies on your device to measure traffic, show you personalised "
              "advertising and improve our services, as described in our privacy policy." for n in
              ("advertising", "analytics", "social media", "video", "measurement", "survey")]
    lines = ["Council approves budget for more buses | Daily Bugle", "Home", "News", "Sign in",
             "Council approves budget for more buses", *LONG_BODY, "Home", "Contact us",
             *(f"Menu item {k}" for k in range(30)), "Privacy settings", *notice, "Accept all"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert cleaned.title == "Council approves budget for more buses"


# The article's second part, after something that interrupts it (a chart, a Related box).
SECOND_PART = ["The chart shows that the number of riders has grown every year since the new lines opened.",
               "Transport planners expect the growth to continue once the northern routes are in service.",
               "They also warned that fares alone will not pay for the drivers the new routes will need.",
               "The council will review the figures again next year before it decides on further routes."]
CHART = ["Bus riders per day", *(f"’{year}" for year in range(10, 30)), "$4.2", "million",
         "Source: City transport office"]
RELATED_BOX = ["Related", "Tram fares frozen for another year", "New cycle lanes open in the old town",
               "Ferry service returns after the winter break", "Night buses extended to the airport",
               "Train station renamed after local poet", "Parking fees rise in the city centre",
               "Bridge repairs start next month", "Airport link delayed until autumn"]


@pytest.mark.parametrize("interruption", [CHART, RELATED_BOX], ids=["chart", "related-box"])
def test_an_interruption_between_two_parts_of_the_article_keeps_both(interruption):
    """A chart or a Related box inside an article goes, and does not end the article."""
    lines = ["Council approves budget for more buses", *LONG_BODY, *interruption, *SECOND_PART,
             "Home", "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY + SECOND_PART
    assert all(rule_of(cleaned, line) for line in interruption)


def test_long_unpunctuated_line_between_two_others_is_damped_as_a_listed_headline():
    from ingest.clean.scoring import SANDWICH, damp_teasers

    words = [12, 24, 30, 3, 24]
    ends = [False, False, False, True, False]
    rules = [None] * 5
    scores = [-1.0, 12.0, 15.0, -3.0, 12.0]
    damp_teasers(rules, words, ends, scores, [1, 2, 4], ["a", "b", "c", "d", "e"])
    # Between two lines without closing punctuation: a listed headline; next to a sentence: not.
    assert scores == [-1.0, 12.0 * SANDWICH, 15.0, -3.0, 12.0]


def test_paragraphs_between_a_repeated_label_are_no_teasers():
    from ingest.clean.scoring import damp_teasers

    # "Article content" between paragraphs is a label, not a list of headlines.
    keys = ["article content", "the city council approved", "article content", "members said", "article content"]
    scores = [-3.0, 16.0, -3.0, 17.0, -3.0]
    damp_teasers([None] * 5, [2, 16, 2, 17, 2], [False, True, False, True, False], scores, [1, 3], keys)
    assert scores == [-3.0, 16.0, -3.0, 17.0, -3.0]
    lines = ["Council approves budget for more buses", "Home", "News"]
    for paragraph in LONG_BODY:
        lines += ["Article content", paragraph]
    cleaned = clean("\n\n".join([*lines, "Article content", "Contact us"]))
    # No paragraph is lost, and the label the page repeats goes as a repeat, not as body.
    assert list(cleaned.paragraphs) == LONG_BODY
    assert "pattern:repeat" in {r.rule for r in cleaned.removed if r.text == "Article content"}


def test_a_paragraph_before_a_line_of_marks_only_is_no_repeat():
    """A line with no words ("*", a section break or an empty list item as Markdown writes
    it) repeats no paragraph: its empty text is a prefix of every line, which made the two
    paragraphs above it captions repeated next to themselves."""
    lines = ["Council approves budget for more buses", "Home", "News", LONG_BODY[0], LONG_BODY[1], "*",
             *LONG_BODY[2:], "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert [p for p in cleaned.paragraphs if p in LONG_BODY] == LONG_BODY


def test_a_subheading_that_occurs_once_stays_in_the_body():
    lines = ["Council approves budget for more buses", LONG_BODY[0], "What happens next",
             *LONG_BODY[1:], "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert "What happens next" in cleaned.paragraphs


# --- issue 20: kinds of chrome on pages the rules were not tuned on ---------------------

@pytest.mark.parametrize("prompt", ["Recevoir la newsletter", "Newsletter abonnieren", "Get our newsletter"])
def test_a_short_line_naming_a_newsletter_is_a_subscribe_prompt_in_any_language(prompt):
    assert match_line(prompt, len(prompt.split())) == "phrase:subscribe"
    # A sentence about a newsletter is no prompt.
    sentence = "The council will send its own newsletter to every household in the northern districts."
    assert match_line(sentence, len(sentence.split())) is None


@pytest.mark.parametrize("tail", [
    ["Recevoir la newsletter",  # a newsletter prompt
     "Every morning the editors pick the stories you should not miss and send them to you by email.",
     "Our team of reporters covers the city, the region and the country from six local offices."],
    ["Share this article",  # a share row
     "Jane Doe has covered city hall for the paper since 2015 and writes about transport and housing.",
     "She lives in the northern districts with her family and takes the bus to work every day."],
], ids=["newsletter prompt", "share row"])
def test_a_prompt_or_share_row_after_the_body_ends_the_article(tail):
    lines = ["Council approves budget for more buses", *LONG_BODY, *tail]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert rule_of(cleaned, tail[1]) == "end-marker"


def test_an_inline_box_of_several_prompt_lines_does_not_end_a_long_article():
    box = ["Newsletter", "Get the day's top stories delivered to your inbox", "Subscribe now", "Most recent newsletter"]
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], *box, *LONG_BODY[3:], "Home", "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY


@pytest.mark.parametrize("reply", ["Antworten", "Responder", "Répondre", "Rispondi", "Svar", "Ответить"])
def test_reply_in_other_languages_is_a_comments_line(reply):
    assert match_line(reply, 1) == "phrase:comments"


def test_a_comment_thread_with_a_german_reply_button_ends_the_article():
    comments = []
    for name in ("Anna", "Ben", "Carla"):
        comments += [f"{name} sagt:", f"Ich finde, der Rat hat hier richtig entschieden, und {name} fährt ab "
                     "jetzt jeden Tag mit dem Bus zur Arbeit in die Stadt.", "Antworten"]
    lines = ["Council approves budget for more buses", *LONG_BODY, *comments]
    cleaned = clean("\n\n".join(lines))
    # The first reply button ends the article: the comments after it go.
    assert list(cleaned.paragraphs[:len(LONG_BODY)]) == LONG_BODY
    assert rule_of(cleaned, comments[4]) == rule_of(cleaned, comments[7]) == "end-marker"


def test_a_line_cut_short_for_a_teaser_ends_no_sentence():
    from ingest.clean.lines import sentence_ends

    assert sentence_ends(["The council met on Tuesday and agreed ...", "The council met on Tuesday…",
                          "The council met on Tuesday."]) == [False, False, True]


def test_a_tight_list_of_headlines_after_spaced_paragraphs_goes():
    headlines = [f"{topic} as the city plans its biggest change to public transport in twenty years"
                 for topic in ("Tram fares frozen", "New cycle lanes open", "Ferry service returns",
                               "Night buses extended", "Train station renamed")]
    # Paragraphs are set apart by blank lines; the most-read box is one line after another.
    text = "\n\n".join(["Council approves budget for more buses", *LONG_BODY, "Most read"]) + "\n" + "\n".join(headlines)
    cleaned = clean(text)
    assert list(cleaned.paragraphs) == LONG_BODY
    assert all(rule_of(cleaned, h) is not None for h in headlines)


def test_a_tight_list_of_headlines_with_numbers_in_them_goes_but_quantities_stay():
    headlines = ["Coal mine explosion in the north kills 90 people, state media say",
                 "Hiker dead after 400-metre fall on the mountain trail near the border",
                 "Tram fares frozen as the city plans its biggest change in twenty years",
                 "Storm leaves 12,000 homes without power for a second night in a row"]
    # Paragraphs are set apart by blank lines; a box of headlines between two of them is one
    # line after another. A number in the middle of a headline is its news, not a quantity.
    def page(run):
        return ("\n\n".join([*MENU, "Council approves budget for more buses", "Share on Facebook", *LONG_BODY[:3]])
                + "\n\n" + "\n".join(run) + "\n\n" + "\n\n".join([*LONG_BODY[3:], *MENU]))

    cleaned = clean(page(headlines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert all(rule_of(cleaned, h) is not None for h in headlines)
    # A quantity leads its line: the article's own list, set tight as lists are.
    items = ["2 new depots will be built in the north and the east of the city",
             "40 electric buses are ordered from a maker in the south of the country",
             "120 drivers are to be hired and trained before the end of next year",
             "3 routes will run all night from the spring of next year on"]
    cleaned = clean(page(items))
    assert list(cleaned.paragraphs) == [*LONG_BODY[:3], *items, *LONG_BODY[3:]]


def test_a_sub_heading_between_two_copies_of_the_page_s_label_stays():
    sub = "Officials say the new routes will start running before the summer"
    # Each paragraph is followed by the page's own label ("Article content", where an ad may
    # go); the sub-heading is set close between two of them, like a headline of a list.
    text = "\n\n".join([*MENU, "Council approves budget for more buses", "Share on Facebook"])
    for k, paragraph in enumerate(LONG_BODY):
        text += "\n\n" + paragraph + "\n\nArticle content"
        if k == 3:
            text += ("\nA bus at the new depot on Monday. Photo: Jane Doe / City Press\nArticle content\n"
                     + sub + "\nArticle content")
    cleaned = clean(text + "\n\n" + "\n\n".join(MENU))
    assert list(cleaned.paragraphs) == [*LONG_BODY[:4], sub, *LONG_BODY[4:]]


JA_HEADLINES = ["東京都が新しい防災計画を発表、地震に備えた避難所の数を来年までに二倍に増やす方針を明らかに",
                "プロ野球の開幕戦、満員の球場で新人投手が完封勝利を挙げて詰めかけた大勢のファンを沸かせる",
                "円安が続く中で輸入品の値上がりが各地の家計を圧迫、政府は追加の経済対策を年内にも検討へ",
                "人気俳優が主演する新作映画が公開初日に観客動員の記録を更新したと配給会社が正式に発表"]


def test_a_list_of_unpunctuated_headlines_after_a_japanese_article_goes():
    menu, headline, body = UNSPACED_PAGES["ja"]
    # Counted by characters, each headline is as long as a sentence; prose ends with 。, headlines do not.
    cleaned = clean("\n\n".join([*menu, headline, *body, "関連記事", *JA_HEADLINES, *menu]))
    assert list(cleaned.paragraphs) == body
    assert all(rule_of(cleaned, h) is not None for h in JA_HEADLINES)


def test_a_japanese_sentence_with_a_bracketed_credit_ends_a_sentence():
    from ingest.clean.lines import sentence_ends

    assert sentence_ends(["市長は記者会見で新しい路線について述べた。【東京支局・山田太郎】",
                          "市長が記者会見【東京支局】"]) == [True, False]


def test_an_articles_last_sentence_signed_with_its_agencys_copyright_stays():
    menu, headline, body = UNSPACED_PAGES["ja"]
    signed = [*body[:-1], body[-1] + "(c)AFP/Aminu ABUBAKAR"]
    cleaned = clean("\n\n".join([*menu, headline, *signed, "写真・動画 購入のお問合せ>", *menu]))
    assert list(cleaned.paragraphs) == signed


@pytest.mark.parametrize("line, signed", [
    ("The council met on Monday. ©AFP", True),
    ("市長は記者会見で新しい路線について述べた。(c)AFP/Jiji", True),
    ("Photo (c) City Press", False),  # no sentence before the sign
    ("The council met on Monday and said the routes will open in the spring (c) 2024 City Press", False),
])
def test_a_sentence_signed_with_a_copyright(line, signed):
    from ingest.clean.lines import signed_sentence

    assert signed_sentence(line) is signed


def test_a_japanese_enumeration_after_the_body_is_kept_as_its_list():
    menu, headline, body = UNSPACED_PAGES["ja"]
    towns = ["宮崎県： 高鍋町 、 新富町 、 宮崎市 、 日南市", "福岡県： 久留米市 、 大牟田市 、 柳川市",
             "佐賀県： 神埼市 、 白石町 、 鹿島市", "熊本県： 阿蘇市 、 産山村 、 高森町 、 南阿蘇村"]
    cleaned = clean("\n\n".join([*menu, headline, *body, "各地の震度は次のとおり。", *towns, *menu]))
    assert list(cleaned.paragraphs) == [*body, "各地の震度は次のとおり。", *towns]



# A Taiwanese travel blog: its lines end without 。 (a space ends a clause, a line a sentence),
# as its teasers and comments do; only its run of lines tells the post from them.
ZH_BLOG_BODY = [
    "寒流來襲的週末 一早就從台北出發 沿著中橫公路往合歡山前進",
    "山路彎彎曲曲 車子開得很慢 沿途的樹林已經覆上一層薄薄的白霜",
    "到了武嶺停車場 氣溫只剩下零下兩度 大家趕緊把手套和毛帽都戴上",
    "遠方的山頭一片雪白 陽光照在雪地上閃閃發亮 真的很漂亮",
    "小朋友第一次看到雪 開心得在地上打滾 還堆了一個歪歪的小雪人",
    "停車場旁邊的小販賣著熱騰騰的烤玉米和薑茶 排隊的人潮一直沒有斷過",
    "中午在清境農場附近的餐廳吃飯 點了一鍋熱呼呼的山藥排骨湯",
    "下午繼續往松雪樓走 步道有些地方結冰 走起來要特別小心",
    "沿路遇到許多專程上山拍照的攝影愛好者 腳架一字排開相當壯觀",
    "傍晚的雲海從山谷慢慢升起 夕陽把整片天空染成橘紅色",
    "這樣的景色讓人捨不得離開 大家都拿起相機拍個不停",
    "晚上住在山下的民宿 老闆準備了豐盛的晚餐 還送上自己種的高山茶",
    "窗外的星空非常清楚 連銀河都看得見 這是在城市裡很難看到的景象",
    "隔天早上五點起床看日出 雖然天氣很冷 但一切都很值得",
    "回程的路上車潮很多 花了將近七個小時才回到台北",
    "下次想挑平日再來 人比較少 也可以多走幾條步道",
]
ZH_BLOG_MENU = ("首頁", "部落格", "旅遊", "美食", "相簿", "登入")
ZH_BLOG_TEASERS = ("【台中美食】逢甲夜市必吃小吃大推薦", "『宜蘭』礁溪溫泉一日遊懶人包",
                   "[花蓮住宿] 海景民宿超療癒的兩天一夜", "新竹內灣老街吃喝玩樂全攻略")
ZH_BLOG_COMMENTS = ("發表留言", "#1 小美 於 2024/01/10 21:05", "好羨慕喔 我也好想帶孩子去看雪",
                    "#2 阿明 於 2024/01/11 08:30", "照片拍得真好 請問那間民宿在哪裡呢")


def test_a_chinese_blog_whose_lines_end_without_a_sentence_mark_keeps_its_body():
    headline = "合歡山賞雪之旅 武嶺到松雪樓一日遊"
    text = "\n\n".join([f"{headline} @ 阿德的旅行筆記 :: 部落格 ::", *ZH_BLOG_MENU, "\n".join(ZH_BLOG_TEASERS),
                        headline, *ZH_BLOG_BODY, "\n".join(ZH_BLOG_COMMENTS), *ZH_BLOG_MENU])
    cleaned = clean(text)
    assert list(cleaned.paragraphs) == ZH_BLOG_BODY
    assert cleaned.title == headline
    assert all(rule_of(cleaned, line) == "density" for line in ZH_BLOG_TEASERS)
    assert rule_of(cleaned, "發表留言") == "phrase:comments"
    assert all(rule_of(cleaned, line) == "end-marker" for line in ZH_BLOG_COMMENTS[1:])


def test_a_thai_article_whose_paragraphs_end_in_a_number_a_quote_or_a_credit_keeps_its_body():
    """Thai has no full stop: a paragraph ends with its last word, or a year, a quote, a credit after it."""
    menu, headline, _ = UNSPACED_PAGES["th"]
    body = ["สภาเมืองอนุมัติงบประมาณใหม่สำหรับระบบขนส่งสาธารณะเมื่อวันจันทร์ที่ 12 มกราคม 2567",
            "สมาชิกสภากล่าวว่าแผนนี้จะเพิ่มรถโดยสารในเขตทางเหนืออีก 40 คัน และลดค่าโดยสารสำหรับนักเรียนลง 20%",
            "ฝ่ายค้านเห็นว่าควรนำเงินไปซ่อมถนนที่ถูกเลื่อนมาหลายปีแล้ว \"เราต้องการถนนที่ปลอดภัย\"",
            "นายกเทศมนตรีกล่าวว่าจะเปิดเส้นทางใหม่ภายในเดือนมิถุนายน 2567",
            "ผู้ประกอบการร้านค้าในเขตทางเหนือหวังว่าจะมีลูกค้ามากขึ้นเมื่อมีรถโดยสารเพิ่มขึ้น (ภาพ: สำนักข่าว)"]
    cleaned = clean("\n\n".join([*menu, headline, *body, *menu]))
    assert list(cleaned.paragraphs) == body
    assert cleaned.title == headline

LIST_POST_ITEMS = [
    "+ Added a curves tool with separate red, green and blue channels", "+ Added batch export to WebP and AVIF",
    "+ Added a dark theme", "+ Added keyboard shortcuts for every filter", "+ Added crop presets for common print sizes",
    "+ Added a history panel that lists every edit", "+ Layers can now be grouped and locked",
    "+ Added a straighten tool that finds the horizon", "* Opening large RAW files is twice as fast",
    "* The brush tool no longer lags on large screens", "* Exported files keep their colour profile",
    "* The histogram updates while you drag a slider", "* Fixed a crash when undoing a rotation",
    "* Fixed thumbnails that stayed blank after an import", "* Fixed the clone tool sampling from the wrong layer",
    "- Removed the old slideshow mode",
]


def test_a_post_that_is_only_a_list_keeps_its_list():
    headline = "Harbour 2.4 brings curves and batch export"
    links = ["Download", "User forum", "Harbour on Mastodon", "Report a bug"]
    text = "\n\n".join([f"{headline} - Harbour Photo Editor News", "Harbour News", "Powered by Blogsite", headline,
                        "\n".join(LIST_POST_ITEMS), "Newer Older", "Links:", "\n".join(links)])
    cleaned = clean(text)
    assert list(cleaned.paragraphs) == LIST_POST_ITEMS
    assert cleaned.title == headline
    assert all(rule_of(cleaned, line) == "density" for line in ["Powered by Blogsite", "Newer Older", *links])


def test_a_run_of_sentences_still_wins_over_a_longer_list_of_headlines():
    """A page with an article keeps reading it as the run of sentences, not as lines of text."""
    headlines = [f"{topic} as the city plans its biggest change to public transport in years"
                 for topic in ("Tram fares frozen", "New cycle lanes open", "Ferry service returns",
                               "Night buses extended", "Train station renamed", "Parking fees rise",
                               "Bridge repairs start", "Airport link delayed")]
    cleaned = clean("\n\n".join(["\n".join(headlines), "Council approves budget for more buses", *LONG_BODY]))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert all(rule_of(cleaned, line) == "density" for line in headlines)


@pytest.mark.parametrize("list_first", [True, False])
def test_a_short_article_is_never_traded_for_a_long_list_of_headlines_beside_it(list_first):
    """A sentence is a weak run of sentences; thirty headlines are a long run of text lines,
    but one that does not hold the article."""
    topics = ["Tram fares frozen", "New cycle lanes open", "Ferry service returns", "Night buses extended",
              "Train station renamed", "Parking fees rise", "Bridge repairs start", "Airport link delayed",
              "School traffic eases", "Harbour strike ends", "Library hours extended", "Park renovation approved",
              "Market square reopens", "Taxi ranks moved", "River path closed"]
    headlines = ([f"{t} as the city plans its biggest change in years" for t in topics]
                 + [f"{t} while the region waits for new money from the state" for t in topics])
    menu = ["Home", "News", "Sport", "Weather", "Contact", "Jobs", "Login", "Search"]
    article = ["Council approves budget for more buses", *BODY[:1]]
    parts = ["Most read", *headlines, *menu, *article] if list_first else [*article, *menu, "Most read", *headlines]
    cleaned = clean("\n\n".join(parts))
    assert list(cleaned.paragraphs) == BODY[:1]

@pytest.mark.parametrize("notice", [
    "By signing up, you agree to our Terms of Use and Privacy Policy. You can unsubscribe at any time.",
    "Mit der Anmeldung willigen Sie der Verarbeitung Ihrer Daten gemäß unserer Datenschutzerklärung ein.",
    "En vous inscrivant, vous acceptez notre politique de confidentialité.",
])
def test_a_privacy_notice_inside_the_article_goes(notice):
    cleaned = clean(page(notice))
    assert list(cleaned.paragraphs) == BODY
    assert rule_of(cleaned, notice) == "phrase:privacy"


def test_a_sentence_that_reports_on_a_privacy_policy_stays():
    report = "The company said its new privacy policy would let it share the data of its users with advertisers."
    cleaned = clean(page(report))
    assert list(cleaned.paragraphs) == [*BODY[:2], report, *BODY[2:]]


def test_a_blog_title_names_its_post_before_an_at_sign():
    from ingest.clean.headline import headline_anchor

    texts = ["Snow on the mountain pass in January @ A walker's notebook :: Blog ::", "Home", "About",
             "Snow on the mountain pass in January", "We left before dawn."]
    assert headline_anchor(texts, [len(t.split()) for t in texts], [None] * len(texts)) == 3

@pytest.mark.parametrize("line, rule", [
    ("Sdílet článek", "phrase:share"), ("Udostępnij", "phrase:share"), ("Del artikkel", "phrase:share"),
    ("分享", "phrase:share"), ("Související", "phrase:related"), ("Leggi anche", "phrase:related"),
    ("Läs också", "phrase:related"), ("関連記事", "phrase:related"), ("Reklama", "phrase:ad"),
    ("Annonse", "phrase:ad"), ("광고", "phrase:ad"),
    # Sentences that start with the same words are no furniture.
    ("Del artikkel som ble publisert i går handlet om bussene i byen.", None),
    ("Reklama w telewizji kosztuje coraz więcej, mówią eksperci.", None),
])
def test_interface_words_in_other_languages(line, rule):
    assert match_line(line, len(line.split())) == rule


def test_a_foreign_related_marker_makes_the_next_headline_a_teaser():
    cleaned = clean(page("Leggi anche", "Il sindaco presenta il piano per i parcheggi gratuiti in centro"))
    assert rule_of(cleaned, "Il sindaco presenta il piano per i parcheggi gratuiti in centro") == "teaser"
    assert list(cleaned.paragraphs) == BODY


@pytest.mark.parametrize("line, rule", [
    ("Commenti", "phrase:comments"), ("Komentáře (12)", "phrase:comments"), ("댓글", "phrase:comments"),
    ("發表留言", "phrase:comments"), ("留言 (42)", "phrase:comments"), ("回覆", "phrase:comments"),
    ("評論", "phrase:comments"),
    ("Iscriviti", "phrase:subscribe"), ("Prenumerera", "phrase:subscribe"), ("订阅", "phrase:subscribe"),
    ("Commenti e opinioni dei lettori sono benvenuti su questo sito ogni giorno.", None),
])
def test_comment_and_subscribe_words_in_other_languages(line, rule):
    assert match_line(line, len(line.split())) == rule


@pytest.mark.parametrize("line, rule", [
    ("分享到：", "phrase:share"), ("打印", "phrase:share"), ("공유하기", "phrase:share"),
    ("この記事を共有", "phrase:share"), ("แชร์", "phrase:share"),
    ("ログイン", "phrase:subscribe"), ("로그인", "phrase:subscribe"), ("关注我们", "phrase:subscribe"),
    ("สมัครสมาชิก", "phrase:subscribe"), ("我要评论", "phrase:comments"), ("แสดงความคิดเห็น", "phrase:comments"),
    ("推荐阅读", "phrase:related"), ("猜你喜欢", "phrase:related"), ("おすすめ記事", "phrase:related"),
    ("ランキング", "phrase:related"), ("많이 본 뉴스", "phrase:related"), ("ข่าวที่เกี่ยวข้อง", "phrase:related"),
    ("返回顶部", "phrase:ui"), ("下一篇", "phrase:ui"), ("前の記事", "phrase:ui"), ("이전 기사", "phrase:ui"),
    ("หน้าแรก", "phrase:ui"), ("โฆษณา", "phrase:ad"),
    ("Chia sẻ", "phrase:share"), ("Tin liên quan", "phrase:related"), ("Bình luận", "phrase:comments"),
    ("शेयर करें", "phrase:share"), ("ये भी पढ़ें", "phrase:related"), ("विज्ञापन", "phrase:ad"),
    ("اقرأ أيضاً", "phrase:related"), ("التعليقات", "phrase:comments"), ("الرئيسية", "phrase:ui"),
    ("सर्वाधिकार सुरक्षित © 2024", "pattern:copyright"), ("جميع الحقوق محفوظة © 2024", "pattern:copyright"),
])
def test_interface_words_of_asian_and_arabic_scripts(line, rule):
    """A page's furniture in Chinese, Japanese, Korean, Thai, Vietnamese, Hindi and Arabic: one line tested alone and as
    a page (the page-wide gates find a Thai word, whose vowel and tone marks \\w leaves out, and a
    word before a full-width colon)."""
    assert match_line(line, len(line.split())) == rule
    assert match_lines(["The council approved the budget on Monday after a long debate.", line],
                       [10, len(line.split())]) == [None, rule]


def test_a_schedule_in_title_case_after_the_body_is_kept_as_its_list():
    dates = [f"June {day} – {city}, {state} @ {hall} Amphitheatre" for day, city, state, hall in
             [(9, "West Palm Beach", "FL", "Coral Sky"), (10, "Tampa", "FL", "Credit Union"),
              (14, "Alpharetta", "GA", "Ameris Bank"), (17, "Nashville", "TN", "Bridgestone"),
              (19, "Charlotte", "NC", "Music Pavilion")]]
    lines = ["Council approves budget for more buses", *LONG_BODY, "Tour Dates", *dates, *MENU]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == [*LONG_BODY, "Tour Dates", *dates]


@pytest.mark.parametrize("line, rule", [
    ("DØMT: Nordmannen ble dømt i den sentrale straffedomstolen i London. Foto: NTB", "pattern:caption"),
    ("Der Bürgermeister spricht vor dem Rathaus. Bild: Jane Doe/dpa", "pattern:caption"),
    ("議員らが記者会見に臨んだ。写真: 共同", "pattern:caption"),
    ("The hunter was taken to hospital after eating a rabbit Credit: Getty Images", "pattern:caption"),
    ("Der Bürgermeister vor dem Rathaus am Montag Foto: dpa", "pattern:caption"),
    # The credit is short and ends the line; a sentence about a photo is no caption.
    ("He showed us the album. Photo: one of the pictures was taken in 1920. It was his father.", None),
])
def test_a_caption_that_ends_with_its_credit_after_a_full_stop(line, rule):
    assert match_line(line, len(line.split())) == rule
    from ingest.clean.pagescan import match_lines
    assert match_lines([line], [len(line.split())]) == [rule]


@pytest.mark.parametrize("line, rule", [
    ("Vis mer", "phrase:ui"), ("Mehr anzeigen", "phrase:ui"), ("Annonsørinnhold", "phrase:ui"),
    ("Schließen", "phrase:ui"), ("검색", "phrase:ui"), ("Weiterlesen", "phrase:related"),
    ("Lire la suite", "phrase:related"),
])
def test_interface_labels_in_other_languages(line, rule):
    assert match_line(line, len(line.split())) == rule


def test_a_foreign_show_more_button_inside_the_body_goes():
    cleaned = clean(page("Mehr anzeigen"))
    assert list(cleaned.paragraphs) == BODY
    assert rule_of(cleaned, "Mehr anzeigen") == "phrase:ui"


def test_a_box_of_teaser_headlines_inside_the_article_goes():
    # Kickers and headlines in title case: no sentence, no list item among them.
    box = ["Most Popular", "ROYAL VISIT", "Prince Opens New Children's Hospital Wing", "TIME TRAVELLER",
           "Man Finds Century-Old Photograph Of Himself"]
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], *box, *LONG_BODY[3:], "Home", "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert all(rule_of(cleaned, line) for line in box)


def test_a_subheading_or_a_short_list_inside_the_article_stays():
    middle = ["What happens next", "The first routes", "Night buses"]
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], *middle, *LONG_BODY[3:], "Home"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == [*LONG_BODY[:3], *middle, *LONG_BODY[3:]]


def test_a_photo_gallery_between_two_parts_of_the_article_goes_and_the_parts_join():
    gallery = []
    for number, (title, caption) in enumerate(GALLERY_SLIDES, 1):
        gallery += [f"{number}/4 {title}", caption, "Getty Images"]
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], "Share", *gallery, *LONG_BODY[3:],
             "Home", "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert all(rule_of(cleaned, line) == "pattern:gallery" for line in gallery)


def test_numbered_lines_that_are_no_gallery_stay():
    from ingest.clean.gallery import gallery_lines

    # Fractions in a recipe, a single numbered caption, numbers that do not rise.
    lines = ["1/2 cup of sugar and a pinch of salt", "1/2 cup of milk", "3/4 cup of flour", "[1/5] A reporter in Kyiv",
             "2/3 of the voters agreed", "1/3 said no"]
    assert not any(gallery_lines(lines, "".join(line[0] for line in lines)))


@pytest.mark.parametrize("head", ["About the author", "Über die Autor:in", "À propos de l'auteur",
                                  "Über den Autor/ die Autorin", "About the Author - Jane Doe", "About the authors | Jane Doe"])
def test_the_authors_box_after_the_body_ends_the_article(head):
    assert match_line(head, len(head.split())) == "phrase:author"
    bio = ["Jane Doe has covered city hall for the paper since 2015 and writes about transport and housing.",
           "She studied economics in Leeds and worked for two regional papers before she joined the team."]
    lines = ["Council approves budget for more buses", *LONG_BODY, head, *bio]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert rule_of(cleaned, bio[0]) == "end-marker"


@pytest.mark.parametrize("line", [
    "About the author: he wrote three books on the city's history",  # a sentence after the colon
    "Über den Autor des Buches ist wenig bekannt",  # no separator: a sentence about an author
    "About the authors - Jane Doe, John Roe and Max Mustermann",  # more than a name
])
def test_a_sentence_about_an_author_is_no_authors_box(line):
    assert match_line(line, len(line.split())) is None


@pytest.mark.parametrize("caption", [
    "The mayor speaks to reporters outside the town hall on Monday. Jane Doe/Example Agency",
    "Volunteers clear the river bank after the flood last week. (Jan Novak/Daily Example)",
    "Der Bürgermeister spricht vor dem Rathaus mit den Journalisten. Getty Images",
    "El alcalde habla con los periodistas frente al ayuntamiento. EFE",
    "Foto de familia de los alcaldes en la plaza mayor de Madrid Agencia/ J.J. Pérez",  # no full stop
    "The mayor at the town hall in April 2022. (Jan Novak/The Daily Example)",  # a year before it
    "The new tram waits at the depot before its first run. (City of Example via AP)",  # a handout
    "The old bridge in 2019, before the repairs began. (Example Daily via AP, File)",
])
def test_caption_ending_with_a_photo_credit_is_removed(caption):
    cleaned = clean(page(caption))
    assert caption not in cleaned.paragraphs
    assert rule_of(cleaned, caption) == "pattern:caption"


@pytest.mark.parametrize("line", [
    "The council met on Tuesday. The budget passed by a wide margin.",  # ends a sentence
    "Sept. 5 -- River Amphitheatre. Seattle, WA",  # a place, no credit
    "Why the grant is promising for the region. (More)",  # an aside in brackets
    "Residents can send their views to the council. (sent via email)",  # no name before "via"
    "The first paragraph of the report was long. The",  # a hard-wrapped next sentence
    "It said the plan is good. Mayor",  # one capitalised word that is no agency's initials
    "The network still speaks the old protocol known as TCP/IP",  # a slash, no names after it
])
def test_line_without_a_credit_is_no_credit_caption(line):
    assert not ends_with_credit(line)


TEASERS = [
    "Bridge repairs to close the river road for a month",
    "The city will close the river road in March while workers replace the old bridge deck.",
    "School board weighs a later start for older pupils",
    "Parents and teachers will be asked for their views before the board votes in the autumn.",
    "New library opens in the eastern district",
    "The library has room for twenty thousand books and a hall for public readings and concerts.",
]


def test_a_list_of_related_stories_after_the_article_goes():
    more = "More stories from the city desk this week"  # the list goes on under another heading
    lines = ["Council approves budget for more buses", *LONG_BODY, *TEASERS, more, "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == LONG_BODY
    assert not set(TEASERS) & set(cleaned.paragraphs)


def test_an_article_of_short_sections_keeps_its_sections():
    # Subheading and paragraph, again and again, then the article's closing paragraphs.
    lines = ["Council approves budget for more buses", *LONG_BODY[:2], *TEASERS, *LONG_BODY[2:]]
    cleaned = clean("\n\n".join(lines))
    for line in (*LONG_BODY, *TEASERS[1::2]):
        assert line in cleaned.paragraphs


def test_lines_of_invisible_characters_are_blank_and_edges_lose_them():
    """A site that sets a line of one zero-width non-joiner between its paragraphs stores no
    paragraph of it; a word joiner or a byte order mark at a paragraph's edge goes too (it hid
    the full stop that ends the sentence); inside a word, a zero-width non-joiner stays."""
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", a ZWNJ inside the word
    body = [BODY[0], f"\ufeff{BODY[1]}\u2060\u2060", f"{BODY[2][:-1]} ({persian}).", BODY[3]]
    cleaned = clean("\n\u200c\n".join(["Council approves budget for more buses", *body]))
    assert list(cleaned.paragraphs) == [BODY[0], BODY[1], f"{BODY[2][:-1]} ({persian}).", BODY[3]]


def test_the_links_to_the_previous_and_next_article_join_no_line_above_them():
    # set a line each under the last teaser, in lower case: no sentence goes on there
    links = ["vorheriger Artikel: Ein Pfarrer, der den Ball liebt: Am Vormittag Hostien verteilen",
             "nächster Artikel: In der Leichenhalle: Fast zwei Jahre unauffindbar"]
    page = ("\n\n".join([*MENU, "Council approves budget for more buses", *LONG_BODY, "Das könnte Sie auch interessieren:",
                         "Achtung! So wird das Wetter in der Osterwoche"])
            + "\n" + "Ein Ostergeschenk? Maut am Mittwoch und Sonntag ausgesetzt\n" + "\n".join(links)
            + "\n\n" + "\n\n".join(MENU))
    cleaned = clean(page)
    assert list(cleaned.paragraphs) == LONG_BODY
    assert all(rule_of(cleaned, link) == "phrase:related" for link in links)


def test_a_sign_up_box_with_a_sentence_of_its_own_does_not_end_a_long_article():
    """A newsletter box between the article's paragraphs says what the app does in a sentence
    of its own, between its prompts: the article resumes after the box (the box's sentence,
    prose as the article's is, stays with it)."""
    box = ["Subscribe to our newsletter",
           "Access your favourite topics in a personalised feed while you are on the go.",
           "Download the app", "Email address", "Sign up", "Newsletter"]
    lines = ["Council approves budget for more buses", *LONG_BODY[:3], *box, *LONG_BODY[3:], "Home", "Contact us"]
    cleaned = clean("\n\n".join(lines))
    assert [p for p in cleaned.paragraphs if p in LONG_BODY] == LONG_BODY
    assert not {"Subscribe to our newsletter", "Download the app", "Sign up", "Newsletter"} & set(cleaned.paragraphs)



@pytest.mark.parametrize("first", ["Subscribe to our newsletter", "Comments"])
def test_a_lone_paragraph_between_two_lines_is_a_boxs_own_but_a_comment_between_comments(first):
    """After a sign-up box's first line, its one sentence between two of its prompts is the
    box's own, and the article resuming after the box keeps it (ends_article is False); after a
    comments heading, one paragraph between "says:" and "Reply" is a comment, and a comment of
    three paragraphs after it is no article resuming (True)."""
    from ingest.clean.labels import ends_article
    from ingest.clean.lines import sentence_ends
    from ingest.clean.pagescan import match_lines

    if first == "Comments":
        middle = ["Anna says:", "I think the council made the right choice, and I will take the bus from now on.",
                  "Reply", "Ben says:"]
    else:
        middle = ["Access your favourite topics in a personalised feed while you are on the go.",
                  "Download the app", "Email address", "Sign up"]
    texts = [first, *middle, *LONG_BODY[:3], "Reply" if first == "Comments" else "Home"]
    words = [len(t.split()) for t in texts]
    rules = match_lines(texts, words)
    ends = sentence_ends(texts)
    scores = [float(n) if e and n >= 8 else -3.0 for n, e in zip(words, ends)]
    assert rules[0] is not None and rules[-1] is not None
    before = 60.0  # the article above the box or the comments
    assert ends_article(0, len(texts), rules, texts, scores, words, ends, 8, before) is (first == "Comments")
