"""An article already extracted (as trafilatura, newspaper or a feed's full text save it)
keeps its lists, tables and parts; a list inside an article keeps its lines on a whole page too."""

from __future__ import annotations

import pytest

from ingest.clean.inlists import bridge_lists, introduces_list
from ingest.clean.rules import no_chrome
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

PROSE = [
    "The regional water board published its yearly report on Thursday after months of delays.",
    "It found that most towns in the valley now lose less water through leaking pipes than before.",
    "Engineers said the new pressure sensors installed last winter made the biggest difference.",
    "Several smaller villages, however, still rely on mains that were laid more than sixty years ago.",
]
MORE = [
    "The board said it would spend most of next year's budget on the villages at the bottom of the list.",
    "Residents can read the full report at the town hall or ask for a printed copy by post.",
    "A public meeting about the repairs is planned for the second week of the spring holidays.",
]
RANKING = ["1. Northfield", "2. Easton", "3. Millbrook", "4. Harwick", "5. Stoneleigh", "6. Greywater",
           "7. Oakham", "8. Ridgeway"]
INTRO = "The towns that lost the least water over the year were ranked as follows:"


def clean(text: str):
    return clean_text(text, OPTIONS)


def test_a_list_a_sentence_introduces_with_a_colon_stays_on_a_whole_page():
    # Chrome before and after the article: the page is not an article alone.
    lines = ["Share on Facebook", "News", "Water board says leaks are down across the valley",
             *PROSE, INTRO, *RANKING, *MORE, "Follow us", "© 2025 Valley Courier. All rights reserved."]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == [*PROSE, INTRO, *RANKING, *MORE]


def test_a_list_with_no_prose_after_it_is_not_bridged():
    # A prompt ending in a colon and then only menu lines: no prose resumes, nothing joins.
    scores = [12.0, 11.0, -3.0, -3.0, -3.0, -3.0]
    rules = [None] * 6
    texts = [PROSE[0], "You can find all of the stories from this week's edition here:", "Home", "World",
             "Sport", "Weather"]
    words = [len(t.split()) for t in texts]
    assert not bridge_lists(scores, rules, texts, words, 8)
    assert scores == [12.0, 11.0, -3.0, -3.0, -3.0, -3.0]


@pytest.mark.parametrize("line, introduces", [
    (INTRO, True),
    ("下表列出了今年漏水最少的几个城镇及其排名情况：", True),  # counted by characters, full-width colon
    ("Contents:", False),  # a label, no sentence
    ("a walk along the river in the first week of autumn :: my travel notes ::", False),  # a title
    ("World Europe Business Sport Weather Culture Travel Opinion Video Latest:", False),  # menu labels
])
def test_what_introduces_a_list(line, introduces):
    from ingest.clean.lines import word_counts
    from ingest.clean.scripts import has_unspaced
    n = word_counts(line, [line], has_unspaced(line))[0]
    assert introduces_list(line, n, OPTIONS.min_paragraph_words) is introduces


def test_an_extracted_article_keeps_a_table_between_its_parts():
    # No colon before the table, no chrome on the page: the article was extracted already.
    table = ["Town Loss in 2023 Loss in 2024", "Northfield 12% 9%", "Easton 15% 11%", "Millbrook 18% 16%",
             "Harwick 21% 17%", "Stoneleigh 25% 24%", "Ashford 27% 26%", "Greywater 30% 28%"]
    lines = [*PROSE, "Water lost through leaks in each town", *table, *MORE]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == lines


@pytest.mark.parametrize("reply", [False, True])
def test_a_comment_column_of_a_long_table_ends_the_article_only_with_chrome_after_it(reply):
    # A word of a comments widget heads a table's column ("Comment"); a table of more
    # lines than the resume window follows, then the post goes on. With no rule line
    # after the marker the post resumes; a "Reply" after it is a comment thread's.
    from ingest.clean.labels import ends_article
    from ingest.clean.lines import sentence_ends
    from ingest.clean.pagescan import match_lines

    cells = ["queued", "30 s", "claimed", "1 min", "running", "10 min", "paused", "1 day", "retrying",
             "5 min", "failed", "none", "done", "none", "archived", "never", "deleted", "never", "lost", "never"]
    tail = [*MORE, *PROSE]
    texts = ["Comment", *cells, *tail, *(["Reply"] if reply else [])]
    words = [len(t.split()) for t in texts]
    rules = match_lines(texts, words)
    ends = sentence_ends(texts)
    scores = [float(n) if e and n >= 8 else -3.0 for n, e in zip(words, ends)]
    assert rules[0] is not None and all(r is None for r in rules[1:len(cells) + len(tail) + 1])
    before = 200.0  # a long post before the table
    assert ends_article(0, len(texts), rules, texts, scores, words, ends, 8, before) is reply


# An extracted Chinese article with sub-headings and a short table of figures between its
# paragraphs (written for this test).
CHINESE = [
    "市水务局周四发布了年度报告，报告显示全市大部分城镇的管网漏损率比去年明显下降。",
    "工程师表示，去年冬天安装的压力传感器在发现漏点方面发挥了最大的作用。",
    "不过，一些偏远村庄仍在使用六十多年前铺设的旧管道，维修难度较大。",
    "各镇漏损率",
    "北田镇 百分之九",
    "东安镇 百分之十一",
    "米溪镇 百分之十六",
    "石桥镇 百分之二十四",
    "下一步计划",
    "水务局表示，明年的大部分预算将用于改造排名靠后的村庄的供水管网。",
    "居民可以在镇政府查阅完整报告，也可以申请邮寄纸质版本。",
    "有关维修工程的公众说明会计划在春节假期后的第二周举行。",
]
JAPANESE = [
    "県の水道局は木曜日、年次報告書を公表し、多くの町で漏水が前年より減ったと明らかにした。",
    "技術者によると、昨年の冬に設置した圧力センサーが漏水の発見に最も役立ったという。",
    "一方で、一部の集落では六十年以上前に敷設された古い水道管が今も使われている。",
    "町ごとの漏水率",
    "北田町 九パーセント",
    "東野町 十一パーセント",
    "米川町 十六パーセント",
    "石橋町 二十四パーセント",
    "今後の計画",
    "水道局は、来年度予算の大半を順位の低い集落の水道管の改修に充てるとしている。",
    "住民は町役場で報告書の全文を閲覧できるほか、郵送で冊子を取り寄せることもできる。",
    "改修工事についての住民説明会は、春の連休明けに開かれる予定だ。",
]


@pytest.mark.parametrize("lines", [CHINESE, JAPANESE], ids=["zh", "ja"])
def test_an_extracted_cjk_article_keeps_its_body(lines):
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == lines
    assert not cleaned.removed


def test_a_page_with_chrome_is_no_extracted_article():
    assert no_chrome([None, "published", "pattern:caption", None])
    assert not no_chrome([None, "phrase:share", None])


VIETNAMESE = [
    "Ngày 22/10, bác sĩ Trung tâm Kiểm tra sức khỏe cho biết người bệnh đã bị đau bụng kéo dài suốt ba tháng trước khi đến khám.",
    "Kết quả nội soi cho thấy một khối u nhỏ ở ruột non, và bệnh nhân được chuyển sang khoa ung bướu để điều trị tiếp.",
    "Theo bác sĩ, bệnh này thường gặp ở người trên 60 tuổi, đặc biệt là nam giới, và dễ bị bỏ qua ở giai đoạn đầu.",
    "Bác sĩ khuyên người dân nên khám sức khỏe định kỳ mỗi năm để phát hiện sớm các bệnh lý nguy hiểm.",
]
MENU_VI = ["Mới nhất", "Thời sự", "Thế giới", "Kinh doanh", "Pháp luật", "Thể thao", "Giải trí", "Sức khỏe",
           "Đời sống", "Giáo dục"]


def test_a_page_whose_menu_no_rule_knows_is_no_extracted_article():
    """A page in a language the rules have no words for has no line with a chrome rule; its menu,
    a run of short entries none of which ends a sentence, still tells it from an article alone,
    and the menu stays out of the body."""
    headline = "Đau bụng kéo dài, phát hiện ung thư ruột non"
    page = [headline + " - Báo Tin Tức", *MENU_VI, headline, *VIETNAMESE, "Trở lại Sức khỏe"]
    cleaned = clean("\n\n".join(page))
    assert list(cleaned.paragraphs) == VIETNAMESE


def test_a_whole_page_still_loses_a_block_of_teasers_after_the_article():
    # With chrome on the page, a weak dense block far from the article is not joined to it.
    teasers = ["Read more: the ferry timetable changes again next month and riders are not pleased about it."]
    lines = ["Share on Facebook", "Water board says leaks are down across the valley", *PROSE, *MORE,
             "Follow us", "Home", "World", "Sport", "Weather", "Culture", "Travel", *teasers,
             "© 2025 Valley Courier. All rights reserved."]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == [*PROSE, *MORE]


def test_an_extracted_chinese_article_whose_lines_end_without_a_full_stop_keeps_them():
    # Scored as Chinese headlines (long lines without 。), it was lost whole: a page
    # with no chrome takes its run of text lines however short the article.
    lines = [line.rstrip("。") for line in CHINESE[:3] + CHINESE[9:]]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == lines


def test_a_lone_line_with_no_sentence_is_still_no_article():
    cleaned = clean("市水务局年度报告显示全市管网漏损率明显下降")
    assert cleaned.paragraphs == ()


def test_an_extracted_article_keeps_the_labels_it_repeats():
    # Three recipes, each with its own "Ingredients" and "Method": the article's structure,
    # where on a whole page a label repeated three times ("Article content") is the site's.
    lines = ["Three soups for a cold week, each ready in less than an hour and cheap to make at home."]
    for soup, first, second in [("leek", "Slice the leeks thinly and soften them in butter for ten minutes.",
                                 "Add the stock and simmer until the potatoes are tender, then blend."),
                                ("tomato", "Roast the tomatoes with garlic until their skins start to blister.",
                                 "Blend them with the stock and season the soup with a little sugar."),
                                ("lentil", "Rinse the lentils and cook them with the onion and the spices.",
                                 "Stir in the lemon juice just before serving so that it stays fresh.")]:
        lines += [f"A simple {soup} soup that keeps well in the fridge for several days.", "Ingredients",
                  f"500 g {soup}s, one onion, a litre of stock", "Method", first, second]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == lines


def test_an_extracted_article_keeps_its_closing_credit():
    lines = [*CHINESE[:3], *CHINESE[9:], "（本报记者 林川）"]
    cleaned = clean("\n\n".join(lines))
    assert list(cleaned.paragraphs) == lines


def test_a_page_of_one_long_line_without_a_sentence_end_keeps_it():
    # A weak run of text lines needs two lines; a run strong enough alone does not.
    line = " ".join(f"the river path near bridge number {k} was closed for repairs after the storm"
                    for k in range(8))
    assert list(clean(line).paragraphs) == [line]
