"""Plain-text pages whose article the cleaner used to lose in part, found on unseen pages:
each test builds a page with the mechanism and checks that the article's lines stay."""

from __future__ import annotations

import pytest

from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()
MENU = ["Home", "News", "Boats", "Weather", "Marinas", "Sign in"]
FOOTER = ["Coast Gazette weekend edition", "About us", "Contact", "Jobs", "Advertise"]
TIP_TEXT = [
    "Lines that have rubbed against the quay all summer break in the first strong gust, so the harbour master "
    "asks owners to replace any line that shows wear and to add a second one at the bow before the first storm.",
    "A furled sail unrolls in a gale and drags the boat against its neighbours; the marina staff found three "
    "boats last January whose masts had snapped because a sail had been left on its furler.",
    "Rain fills an open cockpit faster than most small pumps can empty it, and a boat that sits low in the water "
    "takes waves over its stern, which is how two of the boats that sank last year went down.",
    "Cushions, buckets and fenders left on deck blow into the harbour and foul other boats' propellers, and the "
    "divers who clear them after each storm charge the owners by the hour for their work.",
    "The office keeps a list of the owners who live far away and checks their boats before a storm if they ask, "
    "for a small fee that covers the staff's time on the pontoons at night.",
]


def test_the_title_repeated_in_a_list_under_the_article_does_not_unseat_the_headline():
    """The headline words the page title with more words; the title itself comes back, word
    for word, in a list of stories under the article. That repeat is the title, not another
    teaser alike: the headline still anchors the article, and its opening, cut from the rest
    by an advertising box, stays."""
    title_part = "Winter storms: five tips for boat owners"
    opening = ["Every winter the storms on this coast sink a handful of boats in the marina, and most of them "
               "could have been saved with an hour of work on the evening before the storm arrived.",
               "The harbour master has gathered the advice her staff give to owners each year, and the insurers "
               "agree with every point of it, as they told the paper this week."]
    advert = ["Advertisement", "Storm cover deluxe", "Fits boats up to nine metres", "49,90 EUR", "Order now", "Mooring kit",
              "Two lines and four fenders", "29,90 EUR", "Order now", "Free delivery"]
    teasers = [title_part, "New pontoon opens at the north quay", "Ferry fares rise in spring",
               "Lighthouse keeper retires after forty years", "Sailing school looks for volunteers"]
    page = "\n\n".join([f"{title_part} | Coast Gazette", *MENU, f"{title_part} before the season ends",
                        "By Ana Lopez, 12 December", *opening, *advert, *TIP_TEXT, "Most read", *teasers, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == f"{title_part} before the season ends"
    for paragraph in (*opening, *TIP_TEXT):
        assert paragraph in cleaned.paragraphs
    assert not set(advert) & set(cleaned.paragraphs)
    assert not set(teasers) & set(cleaned.paragraphs)


def test_the_standfirst_above_a_long_share_row_stays():
    """Under the headline, a one-sentence standfirst, then the byline, the date and a share
    row of a dozen buttons: the standfirst is the article's, however far the share row
    puts it from the body (the line just above the body is out of reach)."""
    headline = "Harbour pier closed after divers find cracks"
    deck = "Ferries will leave from the southern quay for at least six weeks, the port said."
    share = ["Facebook", "Twitter", "Flipboard", "Pinterest", "Reddit", "LinkedIn", "WhatsApp", "Email",
             "Copy Link", "Print", "Comments"]
    page = "\n\n".join([f"{headline} | Coast Gazette", *MENU, headline, deck, "By Ana Lopez",
                        "February 7, 2024", *share, *TIP_TEXT, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == headline
    assert cleaned.paragraphs == (deck, *TIP_TEXT)
    # The byline, the date and the share row between them keep their rules.
    removed = {r.text for r in cleaned.removed}
    assert {"By Ana Lopez", "February 7, 2024", *share} <= removed


def test_a_paragraph_that_ends_in_an_emoji_is_a_sentence():
    """A post's paragraph may end in an emoji instead of a full stop (with a skin tone or a
    variation selector after it): it is a sentence of the article, not a line of chrome; a
    short line with an emoji ("Hot deals 🔥") is not."""
    last = "Next winter the whole crew wants to sail the route again, and this time with a bigger boat 😉"
    cheer = "The harbour master waved us goodbye from the pier at dawn and wished us calm seas 👍🏽"
    heart = "Thanks to everyone who followed the trip on the blog this year 🙏"
    promo = "Hot deals 🔥"
    headline = "Our winter trip along the coast"
    page = "\n\n".join([f"{headline} | Sailing blog", *MENU, headline, *TIP_TEXT[:3], cheer, TIP_TEXT[3], last,
                        heart, promo, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == (*TIP_TEXT[:3], cheer, TIP_TEXT[3], last, heart)


def test_an_emoji_ends_a_sentence_in_a_script_without_spaces_by_its_characters():
    """In Japanese or Chinese the words counted are characters (lines.word_counts): a long
    line that ends in an emoji is a sentence, a short one is not; U+FFFD is no emoji."""
    from ingest.clean.lines import sentence_ends, word_counts
    lines = ["今日は港の海がとても静かで、みんなで朝から気持ちよく船を出しました😊", "新着情報🔥",
             "今日は港の海がとても静かで、みんなで朝から気持ちよく船を出しました\ufffd"]
    text = "\n".join(lines)
    assert sentence_ends(lines, word_counts(text, lines, True), 8) == [True, False, False]


def test_a_private_use_character_after_a_full_stop_hides_no_sentence_end():
    """Chinese pages in GBK set a user-defined character (read as private use, U+E000-F8FF,
    shown as nothing) after a paragraph's full stop; icon fonts put their glyphs there too.
    The paragraph still ends a sentence, and the article keeps its opening paragraphs."""
    from ingest.clean.lines import sentence_ends, word_counts
    lines = ["国际新闻局开张伊始，就酝酿创办对外宣扬刊物，这份刊物的元老都是由他亲自挑选的。\ue004",
             "相关链接\ue004"]  # a link's label with an icon is no sentence
    assert sentence_ends(lines, word_counts("\n".join(lines), lines, True), 8) == [True, False]
    opening = ["对外宣传，也是他开国之初外交生涯的组成部分。政务院成立后，下设新闻总署，首任署长由他兼任，起初工作人员不多。\ue004",
               "国际新闻局开张伊始，就酝酿创办对外宣扬刊物。他在香港时就为当时的宣传刊物改稿，从此与大家熟悉起来。\ue004",
               "国际新闻局正副局长都是党员，由于他还有外交部的工作，局里的日常事务多由副局长处理，大家对此感触颇深。\ue004"]
    rest = ["一九五零年冬天，他要我参加访英代表团并任秘书，临动身前又取消了我出访的资格，我知悉自己不受信任。",
            "这是当时的政策使然，党对知识分子的使用和安排确实有许多经验教训，值得总结，我对工作从未放松丝毫。",
            "这时，他又与清华的老同学取得了联系，老同学已在北京大学东方语言文学系任教，两人常常见面谈心。"]
    menu = ["新浪首页 > 读书频道 > 正文", "[上一篇] [下一篇]", "【评论】【推荐】【打印】【关闭】", "相关链接",
            "少年时代(1)(2004/10/10 17:06)", "少年时代(2)(2004/10/10 17:06)", "版权所有 新浪网"]
    page = "\n\n".join(["投身外交_读书频道_新浪网", *menu[:1], "投身外交", *opening, *rest, *menu[1:]])
    assert clean_text(page, OPTIONS).paragraphs == (*opening, *rest)


@pytest.mark.parametrize("last", ["这是我想提出的一个值得深入研究的课题。□", "He never went back to the valley. ■",
                                  "“We will be back next spring,” she said.∎"])
def test_an_end_mark_after_the_last_sentence_hides_no_sentence_end(last):
    """Magazines close an article with a tombstone after its last full stop; the line still
    ends a sentence. A menu's label with the mark and no full stop does not."""
    from ingest.clean.lines import sentence_ends
    assert sentence_ends([last, "专题 □", "Sections ■"]) == [True, False, False]


def test_the_last_paragraph_with_its_end_mark_stays_and_joins_no_line_after_it():
    """The paragraph that closes with "。□" is the article's last, and the line after it (the
    magazine's issue) does not run on into it."""
    body = ["这几年来，城里的年轻人越来越多地选择在周末去郊外的小村子里住上两天，看看山水，也帮农户干点活。",
            "村里的老人说，以前一到冬天，整个村子就只剩下老人和孩子，现在周末常常热闹得像过年一样。",
            "这样的变化能不能持续下去，还要看村子能不能留住年轻人，这是一个值得深入研究的问题。□"]
    page = "\n\n".join(["首页 > 文章", "周末去乡下", *body, "——《城乡》杂志1998年3月号", "版权所有"])
    assert clean_text(page, OPTIONS).paragraphs[:3] == tuple(body)
