"""Pages saved hard-wrapped (html2text at 78 columns, lynx and w3m at 80) keep their paragraphs.

A wrap breaks a paragraph before the word that would pass the width, so its lines
start with whatever word came next: a name, a number, a quote, a Chinese character.
The cleaner tells a wrapped page by the width its lines stop at and joins a line the
wrap filled to the next; on a page saved a paragraph a line nothing changes.
"""

from __future__ import annotations

import textwrap

from ingest.clean.rejoin import wrap_width
from ingest.clean.scripts import columns
from ingest.clean.text import clean_text
from ingest.config import CleanOptions
from page_texts import ENGLISH, JAPANESE, page as _page

OPTIONS = CleanOptions()


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
