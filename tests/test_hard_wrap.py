"""Pages saved hard-wrapped (html2text at 78 columns, lynx and w3m at 80) keep their paragraphs.

A wrap breaks a paragraph before the word that would pass the width, so its lines
start with whatever word came next: a name, a number, a quote, a Chinese character.
The cleaner tells a wrapped page by the width its lines stop at and joins a line the
wrap filled to the next; on a page saved a paragraph a line nothing changes.
"""

from __future__ import annotations

import textwrap

import pytest

from ingest.clean.runtogether import run_together, split_sentences
from ingest.clean.rejoin import wrap_width
from ingest.clean.scripts import columns
from ingest.clean.scoring import name_run_cost
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

MENU = ["Home", "World", "Business", "Sport", "Opinion", "Subscribe", "Sign in"]
FOOTER = ["About us", "Contact", "Terms of use", "Privacy policy", "© 2026 The Daily Record"]
ENGLISH = [
    "The regional parliament in Vienna voted on Thursday to extend the night train network to "
    "Warsaw, Zagreb and Rome by 2028, after a debate that lasted more than nine hours and "
    "divided the governing coalition along unusual lines.",
    "Transport Minister Leonore Gewessler said the 420 million euro plan would take about 310,000 "
    "passengers a year off short-haul flights. Critics in the Freedom Party called the figure "
    "optimistic and asked for an independent review before any contract is signed.",
    "Rail operators in Poland and Croatia welcomed the vote. Polish State Railways said new "
    "sleeper carriages ordered last spring would be ready for the Warsaw route, while Croatian "
    "officials warned that track works near Rijeka could delay the Zagreb service until 2029.",
    "Environmental groups, which had campaigned for the extension since 2019, said it was a "
    "first step. Greenpeace Austria urged the government to cut track access charges, which it "
    "says make a night train ticket twice as expensive as a budget flight on the same route.",
    "Tickets for the first new connection, Vienna to Rome via Venice, are expected to go on sale "
    "in October, according to Austrian Federal Railways, which will run the trains with its "
    "partners in Italy.",
]
JAPANESE = [
    "政府は三日、来年度から地方の鉄道路線を維持するための新しい補助金制度を設けると発表した。"
    "利用者の減少が続く路線を対象に、自治体と鉄道会社が共同で作る計画に国が費用の半分を出す。"
    "国土交通省によると、対象となる路線は全国でおよそ七十に上る見通しだという。",
    "制度の対象となるには、駅の周辺で商業施設や病院を集める街づくりの計画を同時に示す必要がある。"
    "専門家からは、路線を残すだけでなく利用者を増やす工夫がなければ効果は限られるとの声も出ている。",
    "一方で、すでに運行を休止している路線の沿線では、バスへの転換を求める意見も根強い。"
    "地元の商工会は、通学や通院に使う住民の意見を丁寧に聞いてほしいと話している。",
    "鉄道会社の多くは、燃料費や人件費の上昇で赤字が膨らんでおり、車両の更新も遅れている。"
    "ある会社の社長は、補助金の使い道を自由に決められるようにしてほしいと注文をつけた。",
    "国は年内に対象路線の募集を始め、来年春には最初の計画を認める予定だ。",
]


def _page(body_lines: list[str], title: str) -> str:
    return "\n".join(MENU) + f"\n\n{title}\n\n" + "\n\n".join(body_lines) + "\n\n" + "\n".join(FOOTER)


def _wrap_japanese(paragraph: str, width: int = 80) -> str:
    """Break a paragraph of wide characters where `width` columns fall, as lynx and w3m do."""
    per_line = width // 2
    return "\n".join(paragraph[i:i + per_line] for i in range(0, len(paragraph), per_line))


def test_hard_wrapped_english_page_keeps_its_paragraphs():
    wrapped = ["\n".join(textwrap.wrap(p, 78)) for p in ENGLISH]
    continuations = [line for p in wrapped for line in p.splitlines()[1:]]
    # the wrap starts lines with capitals, which a lower-case rule would not join
    assert any(not line[0].islower() for line in continuations)
    cleaned = clean_text(_page(wrapped, "Night trains to reach Warsaw, Zagreb and Rome"), OPTIONS)
    assert list(cleaned.paragraphs) == ENGLISH


def test_hard_wrapped_japanese_page_keeps_its_body_joined_without_spaces():
    wrapped = [_wrap_japanese(p) for p in JAPANESE]
    assert sum(len(p.splitlines()) >= 2 for p in wrapped) >= 4
    cleaned = clean_text(_page(wrapped, "地方鉄道に新たな補助金"), OPTIONS)
    assert list(cleaned.paragraphs) == JAPANESE


# The addresses of tracking pixels and ads, as w3m and lynx write them: no wrap can break them.
TRACKERS = [f"https://ads.example.net/b?P={n}AorxEdAVuMTE4LgAAAAA2TzUA%2fX%3d1489053188%2fE%3d2078709551"
            f"%2fR%3djp_hdln_te%2fK%3d5%2fV%3d2.1%2fW%3dH%2fY%3djp%2fF%3d{n * 7919}" for n in range(1, 5)]


def test_lines_no_wrap_could_break_do_not_hide_the_wrap():
    """A text browser's dump wraps the paragraphs at 80 columns but writes each tracker's
    address whole: those lines pass any width, and the page is still read as wrapped."""
    for body in (["\n".join(textwrap.wrap(p, 78)) for p in ENGLISH], [_wrap_japanese(p) for p in JAPANESE]):
        page = "\n".join(TRACKERS[:2]) + "\n\n" + _page(body, "Night trains") + "\n\n" + "\n".join(TRACKERS[2:])
        expected = ENGLISH if body[0].isascii() else JAPANESE
        assert [p for p in clean_text(page, OPTIONS).paragraphs if p in expected] == expected


def test_a_link_list_of_addresses_wider_than_the_wrap_does_not_set_its_width():
    """lynx wraps a page's text at about 72 columns and lists its links' addresses under it,
    each whole: a list of addresses a little wider than the text, longer than the paragraphs,
    would make the width 80, and every line the wrap broke before a word that fits in 80 would
    stand alone."""
    body = ["\n".join(textwrap.wrap(p, 72)) for p in ENGLISH]
    links = [f"{n}. https://www.daily-record.example.org/archive/{63000 + n}/comment-page-1#comment-{2800 + n}"
             for n in range(1, 25)]
    assert min(map(len, links)) > 78
    page = _page(body, "Night trains to reach Warsaw, Zagreb and Rome") + "\n\nReferences\n\n" + "\n".join(links)
    assert list(clean_text(page, OPTIONS).paragraphs) == ENGLISH


JAPANESE_MORE = [
    "沿線の自治体でつくる協議会は四日、国の発表を受けて臨時の会合を開き、補助金の申請に向けた準備を始めることを確認した。"
    "会合では、駅前の空き店舗を活用した交流施設の整備や、通学時間帯の増便を求める意見が相次いだ。"
    "協議会の会長を務める市長は、鉄道は地域の暮らしを支える大切な足であり、この機会を逃すわけにはいかないと述べた。",
    "一方、鉄道会社の担当者は、補助金だけでは車両の更新や線路の補修にかかる費用をまかなうのは難しいとの見方を示した。"
    "同社によると、開業から六十年以上がたつ橋や隧道が多く、点検や補修の費用は年々増えているという。"
    "担当者は、国と自治体、会社の三者で長期的な計画を話し合う場を設けてほしいと話した。",
]


def test_a_wrap_that_gives_a_wide_character_one_column_is_told_too():
    """lynx wraps Chinese and Japanese by characters, as if each took one column: 70 to a line
    where w3m puts 40. Measured in columns its lines pass any wrap, in characters they fit."""
    body = JAPANESE + JAPANESE_MORE
    japanese = ["\n".join(p[i:i + 70] for i in range(0, len(p), 70)) for p in body]
    english = ["\n".join(textwrap.wrap(p, 70)) for p in ENGLISH]  # the same page's English summary
    cleaned = clean_text(_page(japanese + english, "地方鉄道に新たな補助金"), OPTIONS)
    assert list(cleaned.paragraphs) == body + ENGLISH


def test_every_line_of_a_wrapped_page_is_kept_or_removed_with_its_rule():
    wrapped = ["\n".join(textwrap.wrap(p, 78)) for p in ENGLISH]
    text = _page(wrapped, "Night trains to reach Warsaw, Zagreb and Rome")
    cleaned = clean_text(text, OPTIONS)
    removed = {r.line_no: r for r in cleaned.removed}
    kept = " ".join(cleaned.paragraphs)
    for no, line in enumerate(text.splitlines()):
        if line.strip():
            assert no in removed or line.strip() in kept, line
    assert all(r.rule for r in cleaned.removed)


def test_a_page_saved_a_paragraph_a_line_is_not_taken_for_a_wrap():
    """Headlines of about a line's width followed by a capitalised line stay apart."""
    teasers = ["Minister defends the night train plan against critics in the Freedom Party",
               "Operators in Poland prepare sleeper carriages for the new Warsaw service",
               "Greenpeace Austria calls for lower track charges on every night connection",
               "Rome tickets go on sale in October, Austrian Federal Railways confirms"]
    lines = ENGLISH + teasers * 3
    assert wrap_width(columns(lines)) is None
    page = _page(ENGLISH, "Night trains to reach Warsaw, Zagreb and Rome") + "\n\nMore news\n" + "\n".join(teasers)
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == ENGLISH


def test_the_width_is_told_from_the_page_at_any_common_width():
    for width in (64, 72, 78, 100, 132):
        wrapped = "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in ENGLISH * 2)
        lines = [line for line in wrapped.splitlines() if line]
        assert width - 20 < wrap_width(columns(lines)) <= width


def test_a_page_run_together_on_one_line_keeps_its_article():
    """A scraper that collapses whitespace saves menus, article and footer as one line:
    read as its sentences, the article is kept, and what goes keeps a rule and the line."""
    page = _page(ENGLISH, "Night trains to reach Warsaw, Zagreb and Rome") + "\nTop photo: Reuters"
    one_line = " ".join(page.split())  # read as one line, the whole page ends in a photo credit
    cleaned = clean_text(one_line, OPTIONS)
    kept = " ".join(cleaned.paragraphs)
    sentences = [s.strip() + "." for p in ENGLISH for s in p.split(". ") if len(s) > 40]
    assert sum(s.rstrip(".") in kept for s in sentences) >= len(sentences) - 1
    assert all(r.rule and r.line_no == 0 for r in cleaned.removed)


def test_a_menu_run_together_with_the_article_is_cut_off_it():
    """On a page run together, a menu has no sentence end of its own: its run of capitalised
    words glues onto the sentence after it. The run is a piece of its own and goes; the
    article's sentences stay."""
    menu = ["Home", "World", "Europe", "Business", "Markets", "Sport", "Culture", "Opinion", "Podcasts"]
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    page = "\n".join([f"{headline} | The Daily Record", *menu, headline, *ENGLISH, *FOOTER])
    cleaned = clean_text(" ".join(page.split()), OPTIONS)
    kept = " ".join(cleaned.paragraphs)
    assert " ".join(menu[1:4]) not in kept
    sentences = [s.strip().rstrip(".") for p in ENGLISH for s in p.split(". ")]
    assert all(s in kept for s in sentences)
    assert any(" ".join(menu[1:4]) in r.text and r.rule for r in cleaned.removed)


def test_only_a_run_of_capitalised_words_is_cut_out_of_a_sentence():
    """A menu's run is cut out of the sentence it glued onto, the sentence keeping its first
    word; a list with commas, numbers and a script without case are not cut."""
    menu = "Home World Europe Business Markets Sport Culture Opinion"
    sentence = "Critics in the Freedom Party called the figure optimistic."
    listed = "Pack 1 Green, 1 Red, 1 Yellow, 2 Blue, 1 Purple, 3 Orange and 10 Olives today."
    line = " ".join([*ENGLISH, f"{menu} {sentence}", listed, *JAPANESE])
    _, pieces = split_sentences([0], [line])
    assert menu in pieces and sentence in pieces
    assert listed in pieces
    assert [p for p in pieces if p[0] > "\u3000"] == [s + "。" for j in JAPANESE for s in j.split("。") if s]


# A "latest news" list as a page run together saves it: each teaser's headline, byline and time
# glue onto the next, with no sentence end among them.
TEASERS = [
    "Latest news Mayor hopes tram line to Schwechat opens by spring By Anna Berger Nov 20, 2026 10:14 AM",
    "Storm warning for Alpine passes as snow returns By Staff Reporter Nov 20, 2026 09:02 AM",
    "Hospital strike in Graz called off after pay deal By Mark Ortiz Nov 19, 2026 08:45 PM",
    "City Council backs plan for three new Danube bridges By Staff Reporter Nov 19, 2026 06:30 PM",
    "Museum reopens Roman gallery after two years By Lena Fischer Nov 19, 2026 04:12 PM",
    "Police name driver in A1 crash near Linz By Staff Reporter Nov 19, 2026 02:55 PM.",
]
GERMAN = [
    "Der Landtag in Wien hat am Donnerstag beschlossen, das Netz der Nachtzüge bis 2028 nach Warschau, "
    "Zagreb und Rom zu verlängern.",
    "Die Debatte dauerte mehr als neun Stunden und spaltete die Regierungsparteien.",
    "Nach Angaben des Ministeriums kostet der Plan rund 420 Millionen Euro.",
    "Die Bahngesellschaften in Polen und Kroatien begrüßten die Entscheidung des Parlaments.",
    "Kritiker der Opposition nannten die Zahlen der Regierung zu optimistisch.",
    "Umweltverbände fordern seit Jahren niedrigere Gebühren für die Nutzung der Schienen.",
    "Die Österreichischen Bundesbahnen rechnen mit Bauarbeiten an der Strecke bei Rijeka.",
    "Der Verband der Reisebüros erwartet eine große Nachfrage nach Plätzen in den Schlafwagen.",
    "Die Grünen im Gemeinderat verlangen zusätzliche Halte in Graz und Klagenfurt.",
    "Der Verkauf der Fahrkarten für die erste Verbindung beginnt im Oktober.",
]


def test_a_list_of_headlines_run_together_goes_and_the_article_stays():
    """On a page run together, a list of teasers (headline, byline, time, the next headline)
    reads as one long sentence. Its words are capitalised far more often than the page's
    sentences are: it goes, with a rule, and every sentence of the article stays."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    page = "\n".join([f"{headline} | The Daily Record", *MENU, headline, *ENGLISH, *TEASERS, *FOOTER])
    cleaned = clean_text(" ".join(page.split()), OPTIONS)
    kept = " ".join(cleaned.paragraphs)
    sentences = [s.strip().rstrip(".") for p in ENGLISH for s in p.split(". ")]
    assert all(s in kept for s in sentences)
    assert not any(t.split(" By ")[0][-30:] in kept for t in TEASERS)
    assert any("tram line to Schwechat" in r.text and r.rule for r in cleaned.removed)


def test_a_german_article_run_together_keeps_its_capitalised_nouns():
    """German capitalises its nouns: its sentences are measured against the page's own
    sentences, not against English, and none of them goes as a run of names."""
    headline = "Nachtzüge fahren bald nach Warschau, Zagreb und Rom"
    page = "\n".join([headline, *MENU, headline, *GERMAN, *FOOTER])
    one_line = " ".join(page.split())
    assert run_together([one_line])
    cleaned = clean_text(one_line, OPTIONS)
    kept = " ".join(cleaned.paragraphs)
    assert all(s in kept for s in GERMAN)


def test_a_page_run_together_is_cut_at_its_headline():
    """A page run together starts with its <title>; its headline says the same words again
    between the menu and the byline, run into both. Cut out where it stands, the headline is
    the page's title and the article's anchor: the menu before it goes, the first sentence
    after the byline stays."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    page = "\n".join([f"{headline} - Europe - The Daily Record", *MENU, "Latest news Europe", headline,
                      "By Anna Berger", *ENGLISH, *TEASERS, *FOOTER])
    cleaned = clean_text(" ".join(page.split()), OPTIONS)
    assert cleaned.title == headline
    kept = " ".join(cleaned.paragraphs)
    assert kept.startswith(ENGLISH[0][:60]) or kept.startswith("By Anna Berger " + ENGLISH[0][:60])
    assert "Latest news" not in kept and "Sign in" not in kept


BLURBS = ["Storm warning for Alpine passes as snow returns to the high valleys this weekend.",
          "Hospital staff in Graz call off their strike after a pay deal with the region.",
          "Three new bridges over the Danube win the city council's backing after a long debate.",
          "The Roman gallery of the city museum reopens after two years of building works."]


@pytest.mark.parametrize("marker", ["Leave a comment", "Share this article", "Newsletter abonnieren"])
def test_a_marker_run_into_what_follows_the_article_ends_it(marker):
    """On a page run together, the box under the article opens with its heading run into the
    sentence after it: cut after the heading, the marker ends the article as a line of its own
    would, and what follows it (sentences too) stays out of it."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    page = "\n".join([f"{headline} | The Daily Record", *MENU, headline, *ENGLISH, marker, *BLURBS, *FOOTER])
    cleaned = clean_text(" ".join(page.split()), OPTIONS)
    kept = " ".join(cleaned.paragraphs)
    assert ENGLISH[-1] in kept
    assert not any(blurb[:40] in kept for blurb in BLURBS)
    assert any(r.text.startswith(marker) and r.rule for r in cleaned.removed)


def test_a_marker_word_that_opens_a_sentence_leaves_it_whole():
    """A paywall's panel in the middle of the article, "Subscribe now to read the latest news
    ...": the phrase's sentence goes on in lower case, so it is no marker of its own, and the
    article after the panel stays."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    panel = ["Subscribe now to read the latest news in your city and across the country.",
             "Unlimited digital access to the Daily Record and its app.",
             "Subscribe now to read the latest news in your city and across the country.",
             "Exclusive articles from our columnists, and the weekly food newsletter.",
             "Sign in to continue with your reading experience, or register for free.",
             "Create an account to comment on the articles you read.",
             "Register to unlock this article, it is free for readers."]
    page = "\n".join([f"{headline} | The Daily Record", *MENU, headline, *ENGLISH[:2], *panel, *ENGLISH[2:], *FOOTER])
    kept = " ".join(clean_text(" ".join(page.split()), OPTIONS).paragraphs)
    assert all(paragraph[:60] in kept for paragraph in ENGLISH[:4])


def test_a_page_that_repeats_itself_has_no_headline_cut_out_of_it():
    """Where more than HEADLINE_MAX_WORDS of the first words come again, the page repeats
    itself (a feed of the same story twice): its sentences stay whole."""
    line = " ".join(ENGLISH * 2)
    _, pieces = split_sentences([0], [line])
    sentences = [s if s.endswith(".") else s + "." for p in ENGLISH for s in p.split(". ")]
    assert pieces == sentences * 2


def test_latin_names_inside_japanese_sentences_are_no_run_of_names():
    """In a line of Japanese the Latin words are names, capitalised as names are ("Apple Watch
    Series 10"): on a page run together, such a sentence keeps its score, while a piece of
    English teasers goes as a run of names."""
    sentences = [s.strip() + "." for p in ENGLISH for s in p.split(". ") if s]
    branded = "米Apple Inc.は九日、新しいApple Watch Series 10とAirPods Pro Max USB-Cを発表した。"
    teasers = " ".join(TEASERS[:2])
    texts = [*sentences, branded, teasers]
    words = [len(t.split()) for t in sentences] + [len(branded) // 2, len(teasers.split())]
    ends = [True] * len(texts)
    scores = [float(w) for w in words]
    name_run_cost(texts, words, ends, scores)
    assert scores[-2] == words[-2]  # the Japanese sentence
    assert scores[-1] < 0  # the teasers' headlines, bylines and times


HINDI = ["नगर निगम ने बुधवार को कहा कि शहर का पुराना पुस्तकालय अगले महीने से रविवार को भी खुला रहेगा।",
         "अधिकारियों ने बताया कि इसके लिए दो हजार से अधिक निवासियों ने एक याचिका पर हस्ताक्षर किए थे।",
         "क्या संग्रहालय भी इसी तरह खुलेगा?",
         "निगम के अनुसार नए कर्मचारियों की भर्ती के बाद वसंत में इस पर फैसला लिया जाएगा।"]
ARABIC = ["قال المجلس البلدي يوم الثلاثاء إن المكتبة القديمة ستبقى مفتوحة أيام الأحد ابتداء من الشهر المقبل.",
          "هل سيفتح المتحف أبوابه أيضا؟",
          "وأضاف المسؤولون أن القرار جاء بعد عريضة وقعها أكثر من ألفي ساكن من سكان المدينة."]


def test_a_page_run_together_is_cut_at_the_full_stops_of_its_script():
    """Hindi ends its sentences with "।", Arabic asks with "؟": a page in those scripts run
    together on one line is read as its sentences too, not as one piece kept or dropped whole."""
    for sentences in (HINDI, ARABIC):
        line = " ".join(sentences * 8)
        assert run_together([line])
        _, pieces = split_sentences([0], [line])
        assert pieces == sentences * 8


def test_a_long_paragraph_among_lines_is_not_cut_into_sentences():
    long_paragraph = " ".join(f"Officials in the town of stop number {i} said the new service would call "
                              f"there twice a week from next year." for i in range(1, 26))
    assert len(long_paragraph) > 2000
    cleaned = clean_text(_page([long_paragraph] + ENGLISH, "Night trains"), OPTIONS)
    assert cleaned.paragraphs[0] == long_paragraph


def test_a_wrap_that_breaks_at_a_sentence_end_keeps_the_paragraph_whole():
    """The wrap breaks a line before the word that would not fit, also right after a full stop:
    the paragraph goes on in the next line, and is one paragraph of the article."""
    paragraph = ("The first night train to Warsaw left Vienna on Sunday with every berth taken. "
                 "Railway staff said the next three departures were already sold out, and that "
                 "extra carriages would be added in the summer.")
    body = ENGLISH[:2] + [paragraph] + ENGLISH[2:]
    wrapped = ["\n".join(textwrap.wrap(p, 78)) for p in body]
    rows = wrapped[2].splitlines()
    assert rows[0].endswith(".") and rows[1][0].isupper()  # the wrap broke it at the full stop
    cleaned = clean_text(_page(wrapped, "Night trains to reach Warsaw, Zagreb and Rome"), OPTIONS)
    assert list(cleaned.paragraphs) == body


def test_a_headline_after_a_wrapped_paragraph_that_fills_its_last_line_stays_apart():
    """A line the wrap did not break (a headline: no sentence end, its next line blank) is no
    part of the paragraph before it, even when that paragraph's last line is full."""
    last = "The first night train to Warsaw left Vienna on Sunday with every berth taken."
    wrapped = ["\n".join(textwrap.wrap(p, 78)) for p in ENGLISH] + [last]
    headline = "Minister promises more carriages"
    assert len(last) + 1 + len("Minister") > 76
    page = (_page(wrapped, "Night trains to reach Warsaw, Zagreb and Rome")
            .replace(last + "\n\n", last + "\n" + headline + "\n\n"))
    cleaned = clean_text(page, OPTIONS)
    assert last in cleaned.paragraphs
    assert not any(headline in p for p in cleaned.paragraphs)


CHANGES = [
    "Player skins can now have two layers across the whole model, and arms and legs can be edited",
    "Added options for choosing which pieces of the skin are shown to other players",
    "Realms now has an activity chart, so that owners can see who has been online",
    "Enchanting has been redone and now costs lapis lazuli as well as experience",
    "Villager trading has been rebalanced, and villagers now harvest and plant crops themselves",
]


def test_wrapped_list_items_stay_apart_and_keep_their_continuations():
    """A list saved wrapped: an item the wrap broke goes on in the next line whatever its
    bullet, and the next item, with the same bullet, starts after a full line too."""
    for bullet in "+*":
        items = [f"{bullet} {change}" for change in CHANGES]
        wrapped = [line for item in items for line in textwrap.wrap(item, 78)]
        # the premise: an item the wrap broke, and a full line right before the next item
        assert len(wrapped) > len(items)
        assert any(len(line) >= 76 and wrapped[i + 1][0] == bullet for i, line in enumerate(wrapped[:-1]))
        body = ["\n".join(textwrap.wrap(p, 78)) for p in ENGLISH]
        page = _page(body[:3] + ["\n".join(wrapped)] + body[3:], "Night trains to reach Warsaw, Zagreb and Rome")
        cleaned = clean_text(page, OPTIONS)
        assert [p for p in cleaned.paragraphs if p[0] == bullet] == items


# Wire briefs of two or three paragraphs, as a news agency's text feed saves them: too few
# lines to tell the wrap by their count.
BRIEFS = {
    "en": ("Ferry terminal to open in spring",
           ["The harbour authority said on Monday that the new ferry terminal in Bergen would open in "
            "April, two years later than planned, after builders found old foundations under the quay.",
            "Passengers from Hirtshals and Kiel will board from a covered walkway, and the terminal will "
            "berth three ships at once, the authority said in a statement published on its website.",
            "Shop owners in the old town welcomed the news but asked the city for more parking near the "
            "harbour, where most visitors arriving by ferry spend their first hours."]),
    "de": ("Neues Fährterminal öffnet im Frühjahr",
           ["Die Hafenbehörde teilte am Montag mit, dass das neue Fährterminal in Bergen im April öffnen "
            "werde, zwei Jahre später als geplant, nachdem Bauarbeiter alte Fundamente unter dem Kai fanden.",
            "Fahrgäste aus Hirtshals und Kiel sollen über einen überdachten Gang an Bord gehen, und das "
            "Terminal werde drei Schiffe zugleich abfertigen, hieß es in einer Mitteilung der Behörde."]),
}


def test_a_short_wrapped_brief_keeps_its_headline_and_every_line_of_its_body():
    """A brief's first line, cut where the wrap fell ("... the new ferry terminal in"), is
    neither taken for its title nor left out of its body."""
    for language, (headline, paragraphs) in BRIEFS.items():
        for width in (60, 66, 70, 72, 76):
            page = f"{headline}\n\n" + "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in paragraphs) + "\n"
            cleaned = clean_text(page, OPTIONS)
            assert (cleaned.title, list(cleaned.paragraphs)) == (headline, paragraphs), (language, width)


def test_a_short_page_of_lines_of_their_own_lengths_is_not_taken_for_a_wrap():
    """Teasers one under another, each narrower than the page's widest line by more than the
    next one's first word, stay apart from the article and from each other."""
    headline, paragraphs = BRIEFS["en"]
    teasers = ["Bergen council approves the new bus lanes along the harbour front",
               "Record number of cruise ships expected in the city this summer",
               "Fish market to stay open until ten on weekdays from next month",
               "Ferry operator orders two electric ships for the Kiel route"]
    page = f"{headline}\n\n" + "\n\n".join(paragraphs) + "\n\nMore news\n" + "\n".join(teasers) + "\n"
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == paragraphs
