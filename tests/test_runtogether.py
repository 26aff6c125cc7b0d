"""A page saved run together on one line (a scraper's " ".join(text.split()), get_text(" ")) is
read as its pieces: sentences, the menu's runs of capitalised words, the headline where the page
says its title again, markers that open a piece; a run of names glued to a sentence scores as no
text. The article stays, what ran into it goes with a rule."""

from __future__ import annotations

import pytest

from ingest.clean.runtogether import run_together, split_sentences
from ingest.clean.scoring import name_run_cost
from ingest.clean.text import clean_text
from ingest.config import CleanOptions
from page_texts import ENGLISH, FOOTER, JAPANESE, MENU, page as _page

OPTIONS = CleanOptions()


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


@pytest.mark.parametrize("before, marker", [("Advertisement", "Share this article"),
                                             ("48 reactions", "Join the conversation")])
def test_a_marker_further_in_a_piece_ends_the_article(before, marker):
    """The box under the article opens with its heading run on after a word with no full stop
    ("... Advertisement Share this article Storm warning ..."): the heading is cut out where it
    stands in the piece, ends the article, and the stories after it stay out."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    page = "\n".join([f"{headline} | The Daily Record", *MENU, headline, *ENGLISH, before, marker, *BLURBS, *FOOTER])
    cleaned = clean_text(" ".join(page.split()), OPTIONS)
    kept = " ".join(cleaned.paragraphs)
    assert ENGLISH[-1] in kept
    assert not any(blurb[:40] in kept for blurb in BLURBS)
    assert any(r.text == marker and r.rule for r in cleaned.removed)


def test_a_share_row_further_in_a_piece_is_cut_out_and_a_sign_up_prompt_is_not():
    """A share row run on after the byline's date is cut out of its piece; a sign-up prompt run
    on after a label ("NEW LOOK Sign up") is not: it heads a box in the middle of an article as
    often as it closes one, and cut out there it ended the article."""
    line = ("By Anna Berger May 4, 2022 Share Facebook Twitter The regional parliament in Vienna voted "
            "on Thursday to extend the night train network. NEW LOOK Sign up Get the morning briefing "
            "in your inbox every day.") * 8
    _, pieces = split_sentences([0], [line])
    assert "Share Facebook Twitter" in pieces
    assert "By Anna Berger May 4, 2022" in pieces
    assert "NEW LOOK Sign up Get the morning briefing in your inbox every day." in pieces


def test_a_live_blogs_clock_times_run_into_its_items_are_cut_off_them():
    """A live blog's time stamps run into its items' first words ("14:10 Hospital staff ..."):
    cut after the time, the stamp goes and the item's sentence is read whole; a time inside the
    article's sentence ("at 10:30 Tuesday") leaves the sentence to the article."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    said = "The vote came at 10:30 Thursday night, after the last of the amendments had failed."
    live = ["Live", "14:44", "Storm warning for Alpine passes as snow returns to the high valleys.",
            "14:10", "Hospital staff in Graz call off their strike after a pay deal.",
            "13:52", "Three new bridges over the Danube win the council's backing."]
    page = "\n".join([f"{headline} | The Daily Record", *MENU, headline, *ENGLISH[:3], said, *live, *ENGLISH[3:],
                      *FOOTER])
    cleaned = clean_text(" ".join(page.split()), OPTIONS)
    kept = " ".join(cleaned.paragraphs)
    assert said in kept and ENGLISH[-1] in kept
    assert "14:10" not in kept and "13:52" not in kept
    assert "Hospital staff in Graz call off their strike after a pay deal." in cleaned.paragraphs


LISTED = ["Storm warning for Alpine passes as snow returns to the high valleys",
           "Hospital staff in Graz call off their strike after a pay deal with the region",
           "Three new bridges over the Danube win the council's backing after a debate"]


def test_a_headline_the_page_shows_in_two_lists_is_cut_out_of_both():
    """Teasers' headlines run together, shown in two lists in opposite orders: each headline the
    page says again is a piece of its own in both, and the headline kept once at most."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    page = "\n".join([f"{headline} | The Daily Record", *MENU, headline, *ENGLISH, "Europe", *LISTED,
                      "Most read", *LISTED[::-1], *FOOTER])
    line = " ".join(page.split())
    _, pieces = split_sentences([0], [line])
    assert all(pieces.count(listed) == 2 for listed in LISTED)
    kept = " ".join(clean_text(line, OPTIONS).paragraphs)
    assert ENGLISH[-1] in kept and all(kept.count(listed) <= 1 for listed in LISTED)


def test_prose_the_page_says_twice_or_inside_its_sentences_is_not_cut():
    """A paywall's preview says the article's first sentences again and stops before a name
    ("... Critics in the" + "Subscribe now ..."): prose shown twice, its copy in the article is
    not cut at the name ("the" + "Freedom Party"); nor does a wording its sentences share
    ("held in jail in lieu of a bond of ...") cut them."""
    article = " ".join(ENGLISH)
    preview = article[:article.index("Freedom Party")].strip()
    line = f"{preview} Subscribe now to read the whole story. {article}"
    _, pieces = split_sentences([0], [line])
    assert ENGLISH[1].split(". ")[1] in pieces  # "Critics in the Freedom Party called ... signed."
    names = ["Anna Berger", "Tom Weber", "Lea Roth", "Max Kurz", "Eva Stein", "Jan Vogel", "Ida Brandt", "Ole Lang",
             "Una Frey", "Kai Sommer", "Pia Busch", "Ben Haas", "Zoe Graf", "Tim Ernst", "Mia Beck", "Leo Roth"]
    log = " ".join(f"{name} was arrested and held in jail in lieu of a bond of {n + 1},000 dollars."
                   for n, name in enumerate(names))  # (16 sentences, each said once)
    _, pieces = split_sentences([0], [log])
    assert "Tom Weber was arrested and held in jail in lieu of a bond of 2,000 dollars." in pieces


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


@pytest.mark.parametrize("gap", ["  ", "   ", " \u00a0 "])
def test_a_page_on_one_line_typed_with_two_spaces_is_read_not_rejected(gap, cli, db_path, tmp_path):
    """A page saved on one line whose writer put two spaces between sentences: a marker phrase
    ("Share this Link") before the double space once left a piece of no text, and every run
    rejected the article as an internal error. Each piece is the stripped text of some words,
    and the page is archived with its article."""
    headline = "Night trains to reach Warsaw, Zagreb and Rome"
    page = gap.join([headline, *ENGLISH, "Share this Link", "Student Dies After Diet Pills She Bought Online.",
                     *FOOTER])
    _, pieces = split_sentences([0], [page])
    assert pieces and all(piece and piece == piece.strip() for piece in pieces)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one-line.txt").write_text(page, encoding="utf-8")
    result = cli("ingest", folder, "--db", db_path)
    assert "new 1" in result.output and "rejected 0" in result.output
    shown = cli("clean", folder / "one-line.txt")
    assert ENGLISH[0][:40] in shown.output


JAPANESE_MENU = ["ニュース", "政治", "経済", "国際", "社会", "スポーツ", "ログイン"]
JAPANESE_HEADLINE = "地方鉄道の維持へ新たな補助金制度　政府が来年度から"
# more of the story (written for these tests): a page run together is one of a thousand
# characters or more
JAPANESE_MORE = [
    "補助金の申請は来年四月から受け付ける予定で、政府は初年度に三百億円程度を見込んでいる。"
    "財務省との調整では、既存の交付金との重複を避けることが条件になったという。",
    "北海道の沿線自治体の首長は記者会見で、制度の創設を歓迎すると述べた。"
    "ただ、冬の除雪費用が大きな負担になっている現状も訴え、支援の上乗せを求めた。",
    "九州の第三セクター鉄道では、観光列車の運行で利用者を増やした例もある。"
    "担当者は、地域の食材を使った車内販売が人気を集め、週末は満席が続いていると話した。",
    "国土交通省は、夏までに対象路線の選定基準をまとめ、各地で説明会を開く方針だ。"
    "説明会では、鉄道会社の経営状況や沿線人口の見通しなども示すとしている。",
    "一方、利用者団体からは、運賃の値上げにつながらないよう求める声が上がっている。"
    "高校生の通学定期の負担を抑える仕組みを、制度の中に設けるべきだという意見も多い。",
    "専門家の一人は、鉄道を残すかどうかの議論は、地域の将来像を住民と一緒に描く機会でもあると指摘した。"
    "そのうえで、数字だけで判断せず、時間をかけて話し合うことが大切だと述べた。",
]


def test_a_japanese_menu_run_together_with_the_article_is_cut_off_it():
    """Japanese sets no space between words: on a page run together, the spaces between a menu's
    short items are where its lines broke. The menu's run is a piece of its own and goes, with
    the headline, which says the title again, cut out of what ran into it; the article stays."""
    body = [*JAPANESE, *JAPANESE_MORE]
    page = "\n".join([f"{JAPANESE_HEADLINE}：毎日の新聞", *JAPANESE_MENU, JAPANESE_HEADLINE, *body, *FOOTER])
    one_line = " ".join(page.split())
    assert run_together([one_line])
    # the headline, counted in characters, is cut out where the title runs it into the site's name
    headline = " ".join(JAPANESE_HEADLINE.split())  # (its ideographic space run together)
    assert split_sentences([0], [one_line])[1].count(headline) == 2
    cleaned = clean_text(one_line, OPTIONS)
    kept = "".join(cleaned.paragraphs)
    assert "政治 経済 国際" not in kept and "ログイン" not in kept
    assert all(s + "。" in kept for j in body for s in j.split("。") if s)
    assert cleaned.title == headline


def test_words_a_japanese_sentence_sets_between_spaces_leave_it_whole():
    """A page sets its linked words between spaces inside a sentence ("気象庁 は", "と 宮崎県
    に"): the sentence is no menu's run and stays one piece, and so does a list's items with
    their commas."""
    linked = "この地震で、 気象庁 は 高知県 と 宮崎県 に1メートルの津波注意報を出した。"
    listed = "宮崎県： 延岡市 、 西都市 、 木城町 、 川南町 、 都農町 、 日南市"
    menu = " ".join(JAPANESE_MENU)
    _, pieces = split_sentences([0], [" ".join([menu, *JAPANESE, linked, listed] * 2)])
    assert linked in pieces and listed in pieces
    assert menu in pieces
