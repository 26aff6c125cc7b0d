"""Pages saved without their <title> line: no headline anchor (blocks.headline_anchor) tells
the cleaner where the article starts, so what is dense elsewhere on the page must not pass
for it."""

from __future__ import annotations

import pytest

from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

MENU = ["Home", "World", "Business", "Sport", "Opinion", "Subscribe", "Sign in"]
ARTICLE = [
    "The town council voted on Tuesday to keep the library open on Sundays, after a petition "
    "signed by more than two thousand residents.",
    "The extra hours will cost about forty thousand euros a year, which the council said "
    "would come from the culture budget.",
]
TAGS = ("budget council election festival harbour housing library market museum parking "
        "police railway school theatre tourism traffic weather youth bridge canal cinema "
        "climate concert cycling elderly energy farming ferry football forest garden health "
        "heritage hospital")


def test_a_tag_cloud_is_no_article_however_many_words_it_has():
    """A line of thirty-odd names with no punctuation mark (a tag cloud, a drop-down's options)
    scored as a long line of text and outweighed a short article."""
    tags = TAGS.split()
    assert len(tags) >= 30 and len(tags) > sum(len(p.split()) for p in ARTICLE) / 2
    page = "\n".join(MENU) + "\n\nTags\n" + " ".join(tags) + "\n\n" + "\n\n".join(ARTICLE) + "\n\nContact\nImprint"
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == ARTICLE
    assert not any(" ".join(tags[:5]) in p for p in cleaned.paragraphs)


def test_a_long_line_of_prose_without_a_full_stop_is_still_text():
    """A run of names has no punctuation at all; a long line with a comma is prose."""
    line = ("The council said the library would stay open on Sundays from next month and the "
            "museum would follow in the spring, once the new staff have been hired and trained "
            "for the longer opening hours")
    assert len(line.split()) >= 30 and not line.endswith(".")
    page = "\n".join(MENU) + "\n\n" + "\n\n".join(ARTICLE + [line]) + "\n\nContact\nImprint"
    assert line in clean_text(page, OPTIONS).paragraphs



# A Hindi article cut after its first paragraph (a preview above an app's prompt), then a
# list of the site's headlines, two of them questions. Hindi ends its sentences with "।".
HINDI_PARAGRAPH = ("नगर निगम ने बुधवार को कहा कि शहर के पुराने पुस्तकालय को अगले महीने से रविवार को भी "
                   "खोला जाएगा। अधिकारियों के अनुसार नए कर्मचारियों की भर्ती के बाद संग्रहालय भी वसंत में "
                   "इसी तरह लंबे समय तक खुला रहेगा और इसके लिए बजट में अलग से राशि रखी गई है")
HINDI_HEADLINES = ["बारिश से कई शहरों में जाम लगा", "क्या इस साल सर्दी जल्दी आएगी?", "नई ट्रेनों की पूरी सूची",
                   "सोने के दाम फिर बढ़े", "बच्चों के लिए पांच आसान खेल", "रात में नींद क्यों नहीं आती?",
                   "पहाड़ों पर बर्फबारी शुरू", "शेयर बाजार में तेजी लौटी", "किसानों को नई योजना का लाभ",
                   "गर्मी की छुट्टियों के लिए सस्ती जगहें"]


def test_a_long_line_of_prose_ended_in_its_script_is_text():
    """A line of prose in a script whose full stop is its own ("।") is no run of names: it lost
    its score as one, and the site's list of headlines under it was kept instead."""
    assert len(HINDI_PARAGRAPH.split()) >= 30
    page = "\n".join(MENU + [HINDI_PARAGRAPH, "और पढ़ें", "Trending"] + HINDI_HEADLINES + ["Contact", "Imprint"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == [HINDI_PARAGRAPH]


PART_ONE = [
    "The regional parliament voted on Thursday to extend the night train network to Warsaw and "
    "Zagreb by 2028, after a debate that lasted more than nine hours.",
    "Transport Minister Leonore Gewessler said the plan would take about 310,000 passengers a "
    "year off short-haul flights between the three capitals.",
]
PLAYER = ["Play", "Mute", "Current Time 0:00", "Duration 2:31", "Loaded: 0%", "Fullscreen",
          "Captions off", "Quality", "Auto", "Close"]
PART_TWO = [
    "Rail operators in Poland and Croatia welcomed the vote. Polish State Railways said new "
    "sleeper carriages would be ready for the Warsaw route in the spring.",
    "Tickets for the first new connection are expected to go on sale in October, according to "
    "the railway, which will run the trains with its partners.",
]
NOTICE = [
    "We noticed that you are reading this page with a program that hides the advertising that "
    "pays for our newsroom and for the reporters who write these stories every day.",
    "Please allow the advertising on this site in your program's settings, or take out a "
    "subscription so that we can keep publishing our reporting for all of our readers.",
    "You can change the setting for this site at any time, and it will be remembered the "
    "next time that you open one of the pages of our site in this browser.",
]


def test_an_article_cut_by_a_player_outweighs_a_denser_notice_after_it():
    """Without its headline anchor the densest run of sentences was a notice after the
    article; the article, in two parts around a video player, holds more."""
    def score(lines):
        return sum(len(line.split()) for line in lines)
    assert score(NOTICE) > max(score(PART_ONE), score(PART_TWO))
    assert score(NOTICE) < score(PART_ONE) + score(PART_TWO)
    footer = ["About us", "Contact", "Careers", "Advertise", "Newsletters", "Archive", "Weather",
              "Puzzles", "Obituaries", "Events", "Terms of use", "Privacy policy"]
    page = "\n".join([*MENU, "", *PART_ONE, "", *PLAYER, "", *PART_TWO, "", *footer, "", *NOTICE])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == PART_ONE + PART_TWO


# A blog post written in lines without 。 (the page has no run of sentences: its article is
# its run of lines of text), under a side bar whose menu names the comments.
PLACES = ["台北週末市集", "陽明山竹子湖", "宜蘭冬山河", "花蓮七星潭", "台南老街", "新竹內灣老街", "苗栗南庄",
          "嘉義阿里山", "高雄旗津", "屏東墾丁", "台東池上", "南投日月潭", "基隆和平島", "澎湖吉貝"]
SIDEBAR = ["最新文章", *(f"{place}一日遊的行程與心得分享" for place in PLACES), "留言"]
POST = ["今年秋天第二次來到山上的營地 楓葉已經轉紅", "沿著山路一路開上來 雲霧停在山頭久久不散",
        "營區的老闆換上了新的木頭招牌 看起來更有味道", "除了露營和民宿 今年還多了許多手作的木頭飾品",
        "楓香樹從綠轉黃再轉紅 層層疊疊非常好看", "清晨的空氣很冷 地上鋪滿了昨夜落下的葉子",
        "攝影班的學員們早早就到了 各自尋找最好的角度", "中午過後露營的朋友才陸續進場搭帳篷",
        "傍晚我們沿著溪邊的吊橋走了一段 景色更加迷人", "下次想在更早的季節再來一次 看看不同的顏色"]


def test_a_post_in_lines_without_full_stops_is_not_ended_by_a_menu_above_it():
    """With no headline anchor the run of lines of text starts in the side bar; a menu entry
    that names the comments ended it there, before the post: the post's lines of text,
    which end no sentence, are the article going on."""
    post = [f"{a} {b}" for a, b in zip(POST, POST[1:] + POST[:1])]  # lines of thirty-odd characters
    page = "\n".join(["首頁", "登入", *SIDEBAR, "", "\n\n".join(post), "", "關於我們", "隱私權政策"])
    cleaned = clean_text(page, OPTIONS)
    assert all(line in cleaned.paragraphs for line in post)


def test_teasers_cut_short_in_brackets_are_no_sentences():
    """A list of posts under the article gives each teaser's first words and "[…]" (WordPress
    writes its excerpts so): cut short, they end no sentence and do not join the article."""
    teasers = ["Sometimes readers ask me why the bridge took three years to plan and build […]",
               "I want to tell you about another important change to the night timetable, […]",
               "It has been a long time since I last wrote about the ferry landing and the […]",
               "In September, to celebrate the first year of the new service, we decided to […]"]
    page = "\n".join([*MENU, "", *ARTICLE, "", "Share", "Previous post", "Next post", "",
                      *(f"* {title}\n{teaser}" for title, teaser in
                        zip(["Bridge plans", "Night trains", "Ferry landing", "One year on"], teasers)),
                      "", "Contact", "Imprint"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == ARTICLE


@pytest.mark.parametrize("label", ["What you need to know:", "Das Wichtigste in Kürze:", "この記事のポイント："])
def test_a_label_that_ends_with_a_colon_over_the_body_is_no_headline(label):
    """The line just above the body of a page without its <title> is taken for the headline
    unless it is a byline, a date or another line with a rule; a line that ends with a colon
    introduces the body ("What you need to know:") and is no headline either: the headline is
    the line above it. (It shares no word with the body, which would name it anyway.)"""
    headline = "Victory for the campaigners"
    page = "\n\n".join([*MENU, headline, label, *ARTICLE, "Contact", "Imprint"])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(ARTICLE)
    assert cleaned.title == headline
