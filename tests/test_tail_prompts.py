"""Prompts under an article (subscribe, follow, sign up) that read as sentences go with the
article's last lines: sitelines.label_trailing_prompts."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE, COUNCIL_BODY_ES
from ingest.config import CleanOptions
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()

FINNISH_BODY = [
    "Kaupunginvaltuusto hyväksyi uuden talousarvion maanantaina pitkän joukkoliikennettä koskevan keskustelun jälkeen.",
    "Jäsenten mukaan suunnitelma tuo lisää busseja pohjoisiin kaupunginosiin ja alentaa opiskelijoiden lippujen hintoja.",
    "Vastustajien mielestä rahat olisi pitänyt käyttää teiden korjaamiseen, joka on viivästynyt jo vuosia.",
    "Pormestari odottaa ensimmäisten uusien linjojen aloittavan liikennöinnin ennen kesän loppua.",
]

JAPANESE_BODY = [
    "政府は13日、新たな経済対策を閣議決定した。総額は約20兆円となり、物価高に対応する家計支援策などを盛り込んだ。",
    "首相は記者団に対し「国民の暮らしを守るため、あらゆる手段を講じる」と述べた。財源には国債の追加発行を充てる方針だ。",
    "野党からは規模ありきの対策だとの批判が出ており、国会審議では財政規律のあり方が焦点となる見通しだ。",
    "経済対策には、電気・ガス料金の補助の延長や、低所得世帯への給付金も含まれる。",
]


def _page(headline: str, body: list[str], tail: str) -> str:
    return "\n\n".join(["Home", "News", "Sport", headline, *body, tail, "Privacy Policy", "Contact"])


def _removed_rule(cleaned, line: str) -> str | None:
    return next((r.rule for r in cleaned.removed if r.text.strip() == line), None)


@pytest.mark.parametrize("headline, body, tail", [
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Follow The Daily Courier on Twitter and Instagram and on Facebook for the latest news."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Abonnieren Sie jetzt unsere digitale Ausgabe und lesen Sie den ganzen Bericht."),
    # a prompt after an exclamation
    ("Valtuusto hyväksyi talousarvion", FINNISH_BODY,
     "Saat parhaat uutiset suoraan sähköpostiisi! Tilaa niin monta uutiskirjettä kuin haluat!"),
    # a call to click, after a question or an exclamation
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Do you rely on our reporting? Click here to support it."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Der Kurier jetzt auch digital! Einfach hier klicken und kostenlos registrieren!"),
    # a line naming the site's channel to its reader, whatever word it opens with: a purpose
    # clause before the verb, the channel named
    ("Council approves budget for more buses", COUNCIL_BODY,
     "For the latest stories from the city hall, sign up for our free weekly newsletters."),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Get the day's top stories from The Daily Courier delivered to your inbox."),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "The best of The Daily Courier, every day, in your in-box, plus alerts when we publish major stories."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Folgst du schon dem Kurier auf Whatsapp?"),
    # the site's app, named with both app platforms, whether or not the line speaks to the reader
    ("Council approves budget for more buses", COUNCIL_BODY,
     "For the latest stories and breaking news, download the Daily Courier apps for iOS and Android."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Die Kurier-App: jetzt kostenlos im App Store und bei Google Play."),
    # a paywall's notice: a subscriber or subscription named to the reader or of the article
    ("Council approves budget for more buses", COUNCIL_BODY, "This article is for subscribers only."),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "If you're seeing this message but you're already a subscriber, you can log in for immediate access."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "Dieser Artikel ist nur für Abonnenten verfügbar."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Als abonnee lees je ook alle plusartikels. Je moet nog even inloggen."),
    ("El consejo aprueba el presupuesto", COUNCIL_BODY_ES,
     "Con tu suscripción navegás sin límites y accedés a contenidos exclusivos."),
    ("経済対策20兆円を閣議決定", JAPANESE_BODY, "有料会員になると会員限定の有料記事もお読みいただけます。"),
    # an appeal for the site's journalism
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Support independent local journalism: become a member of The Daily Courier today."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Helfen Sie mit und unterstützen Sie unseren Journalismus auch in Zukunft!"),
    ("El consejo aprueba el presupuesto", COUNCIL_BODY_ES,
     "Apoya el periodismo independiente de tu ciudad con una pequeña donación cada mes."),
], ids=["en-follow", "de-subscribe", "fi-after-exclamation", "en-click-after-question", "de-click-after-exclamation",
         "en-newsletter", "en-inbox", "en-in-box", "de-whatsapp",
        "app-en", "app-de", "paywall-en-only", "paywall-en-already", "paywall-de", "paywall-nl", "paywall-es", "paywall-ja",
        "appeal-en", "appeal-de", "appeal-es"])
def test_a_prompt_under_the_article_goes(headline, body, tail):
    cleaned = clean_text(_page(headline, body, tail), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert _removed_rule(cleaned, tail) == "phrase:subscribe"


def test_verb_mid_sentence_or_high_in_the_body_stays():
    # "register" inside a sentence and "Follow" opening a line far above the end are the article's
    body = [COUNCIL_BODY[0], "Follow-up talks with the bus operators are planned for the autumn, the council said.",
            *COUNCIL_BODY[1:], "Residents who want a student fare must register with the transport office first."]
    cleaned = clean_text(_page("Council approves budget for more buses", body[:-1], body[-1]), OPTIONS)
    assert list(cleaned.paragraphs) == body


@pytest.mark.parametrize("last", [
    "The full budget is on the council's website. Click here for the second half of the report.",  # after a full stop
    "Click here for the second half of this report on the budget.",  # a link of the article's own, opening the line
])
def test_a_link_the_article_points_to_stays(last):
    body = [*COUNCIL_BODY, last]
    cleaned = clean_text(_page("Council approves budget for more buses", body[:-1], body[-1]), OPTIONS)
    assert list(cleaned.paragraphs) == body


@pytest.mark.parametrize("last", ["Riders can already buy the cheaper fares in the app on your phone, the mayor added.",
                                  "The app will be available for iOS and Android from Monday, the transport office said."])
def test_an_app_the_article_is_about_stays(last):
    # the article's subject, "the app", with the reader addressed or its platforms named, is no
    # prompt of the site's
    body = [*COUNCIL_BODY, last]
    cleaned = clean_text(_page("Council approves budget for more buses", body[:-1], body[-1]), OPTIONS)
    assert list(cleaned.paragraphs) == body


def _html_article(paragraphs: list[str]):
    """The HTML cleaner's reading of a page whose <article> holds these paragraphs."""
    from ingest.clean.html import clean_html

    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html><html><head><title>Council approves budget for more buses - Daily Courier</title></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council approves budget for more buses</h1>{body}</article>
<footer><p>© 2026 Daily Courier. All rights reserved.</p></footer></body></html>"""
    return clean_html(page, OPTIONS)


def test_an_extractors_reading_loses_the_prompt_the_classifier_told():
    """trafilatura keeps a prompt inside the <article> as a paragraph; the line classifier, which
    reads the page's lines, tells it as the site's prompt, and the HTML body loses it too."""
    prompt = "Follow The Daily Courier on Twitter and Instagram and on Facebook for the latest news."
    cleaned = _html_article([*COUNCIL_BODY, prompt])
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {r.rule for r in cleaned.removed if r.text == prompt} == {"phrase:subscribe"}


def test_a_paywalls_box_of_several_notices_goes_whole():
    # each notice found lets the search go a line further up: the box's lines all go, the article's stay
    box = ["First-time subscribers also receive a welcome gift with their subscription to our story archive.",
           "If you're seeing this message but you're already a subscriber, you can log in for immediate access.",
           "Subscribe for unlimited access to every article, from one dollar a week."]
    cleaned = clean_text(_page("Council approves budget for more buses", [*COUNCIL_BODY, *box[:2]], box[2]), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {_removed_rule(cleaned, line) for line in box} == {"phrase:subscribe"}


def test_a_report_on_support_for_journalism_stays():
    line = "The regional foundation said it would support local journalism with two million euros over five years."
    body = [*COUNCIL_BODY, line]
    assert list(clean_text(_page("Council approves budget for more buses", body, ""), OPTIONS).paragraphs) == body


@pytest.mark.parametrize("line", [
    # the article's own subscribers: neither the reader addressed nor an article named
    "The streaming service said it had gained two million subscribers in the last quarter of the year.",
    "Subscribers to the city's bike scheme will pay more from March, the transport office said.",
    # the reader addressed, but no subscriber named
    "Residents who want a student fare can apply online, and you can also ask at the transport office.",
], ids=["subscribers", "subscribers-opening", "no-subscriber"])
def test_an_articles_own_subscribers_stay(line):
    body = [*COUNCIL_BODY, line]
    cleaned = clean_text(_page("Council approves budget for more buses", body, ""), OPTIONS)
    assert list(cleaned.paragraphs) == body

# A prompt that bids the reader not miss the site's news goes wherever it stands in the body:
# sitelines.label_reader_notices.
@pytest.mark.parametrize("headline, body, prompt", [
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Never miss the latest news from the city hall by signing up to our newsletter today!"),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Get The Daily Courier's morning edition by email and never miss our top stories"),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "Du willst nichts mehr verpassen?"),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "2026 nichts mehr versäumen!"),
], ids=["en-newsletter", "en-email", "de-heading", "de-heading-year"])
def test_a_prompt_not_to_miss_the_news_goes_mid_body(headline, body, prompt):
    page = _page(headline, [*body[:1], prompt, *body[1:]], "")  # above the last lines
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert _removed_rule(cleaned, prompt) == "phrase:subscribe"


@pytest.mark.parametrize("line", [
    # an article's own advice names no channel of the site's
    "Don't miss the first new bus routes when they open on the northern side of the river next June.",
    # "never missed" is another word
    "The mayor, who never missed a council meeting in twelve years, said she was pleased with the vote.",
], ids=["advice", "never-missed"])
def test_an_articles_own_dont_miss_stays(line):
    body = [*COUNCIL_BODY[:2], line, *COUNCIL_BODY[2:]]
    cleaned = clean_text(_page("Council approves budget for more buses", body, ""), OPTIONS)
    assert list(cleaned.paragraphs) == body


def test_an_extractors_reading_loses_a_prompt_under_a_share_row_the_classifier_cut_off():
    """The line classifier's body ends at the share row (an end marker), so it tells nothing of
    the prompt below it; trafilatura keeps both in the <article>: the reading's own last lines
    are asked, as the classifier asks its body's."""
    from ingest.clean.html import clean_html

    prompt = "Get the day's top stories from The Daily Courier delivered to your inbox every morning."
    paragraphs = "".join(f"<p>{p}</p>" for p in COUNCIL_BODY)
    page = f"""<!DOCTYPE html><html><head><title>Council approves budget for more buses - Daily Courier</title></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council approves budget for more buses</h1>{paragraphs}
<p>Share this article: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></p><p>{prompt}</p></article>
<footer><p>© 2026 Daily Courier. All rights reserved.</p></footer></body></html>"""
    cleaned = clean_html(page, OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {r.rule for r in cleaned.removed if r.text == prompt} == {"phrase:subscribe"}


def test_a_body_about_a_privacy_policy_keeps_its_lines():
    # one or two lines that point the reader to the privacy policy are a notice; a body of them is a policy
    policy = ["This privacy policy explains how we collect and use your personal data when you visit our website.",
              "Please read our privacy policy carefully before you subscribe to any of our newsletters.",
              "We may change our privacy policy from time to time, and you will find every change on this page.",
              "If you have any questions about our privacy policy, you may contact us at the address below."]
    body = [COUNCIL_BODY[0], *policy, *COUNCIL_BODY[1:]]
    cleaned = clean_text(_page("Privacy policy of The Daily Courier", body, ""), OPTIONS)
    assert all(line in cleaned.paragraphs for line in policy)
    notice = [COUNCIL_BODY[0], policy[1], *COUNCIL_BODY[1:]]
    cleaned = clean_text(_page("Council approves budget for more buses", notice, ""), OPTIONS)
    assert _removed_rule(cleaned, policy[1]) == "phrase:privacy"


SIGN_UP_FORM = ["Get the day's top stories and offers in your inbox",
                "Sign up for breaking news, reviews, opinion and more.",
                "Contact me with news and offers from other brands of the group",
                "By submitting your information you agree to the Terms & Conditions and Privacy Policy."]


def test_a_sign_up_form_in_mid_body_goes_from_its_prompt_to_its_notice():
    body = [*COUNCIL_BODY[:2], *SIGN_UP_FORM, *COUNCIL_BODY[2:]]
    cleaned = clean_text(_page("Council approves budget for more buses", body, ""), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {_removed_rule(cleaned, line) for line in SIGN_UP_FORM[:3]} == {"phrase:subscribe"}


def test_the_articles_lines_above_a_notice_it_quotes_stay():
    # no prompt above the notice: the lines are the article's
    quoted = "By using the app you agree to its privacy policy, the company's notice says."
    body = [*COUNCIL_BODY, quoted]
    cleaned = clean_text(_page("Council approves budget for more buses", body, ""), OPTIONS)
    assert all(line in cleaned.paragraphs for line in COUNCIL_BODY)


@pytest.mark.parametrize("notice", [
    "By signing up you consent to receive the above newsletter from the Daily Courier.",
    "By submitting you agree to our Terms of Service",
    "Mit meiner Anmeldung zum Newsletter stimme ich der Werbevereinbarung zu.",
    "En vous inscrivant, vous acceptez de recevoir nos offres par courriel.",
    "Al suscribirte aceptas recibir nuestro boletín cada mañana.",
])
def test_a_forms_consent_notice_goes_whatever_it_names(notice):
    """A form's consent notice, told by how it opens ("By signing up", "Mit meiner Anmeldung") and
    its consent ("you consent", "stimme ich zu"), goes even when it names no privacy policy."""
    body = [*COUNCIL_BODY[:2], notice, *COUNCIL_BODY[2:]]
    cleaned = clean_text(_page("Council approves budget for more buses", body, ""), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert _removed_rule(cleaned, notice) == "phrase:privacy"


def test_a_sentence_that_opens_like_a_consent_notice_but_consents_to_nothing_stays():
    line = "By signing up thousands of new members, the club became the largest in the region this year."
    body = [*COUNCIL_BODY[:2], line, *COUNCIL_BODY[2:]]
    cleaned = clean_text(_page("Council approves budget for more buses", body, ""), OPTIONS)
    assert line in cleaned.paragraphs


READER_COMMENTS = {
    "en": ["Anna said the new buses are long overdue and she hopes the northern routes come first this summer.",
           "Tom wrote that the road repairs matter more to him, since he drives to work every single day of the week."],
    "de": ["Anna meint, die neuen Busse seien längst überfällig, und hofft auf die nördlichen Linien zuerst.",
           "Tom schreibt, die Straßen seien ihm wichtiger, weil er jeden Tag mit dem Auto zur Arbeit fährt."],
    "fi": ["Anna sanoo, että uudet bussit ovat myöhässä, ja toivoo pohjoisten linjojen tulevan ensin tänä kesänä.",
           "Tom kirjoittaa, että tiet ovat hänelle tärkeämpiä, koska hän ajaa töihin autolla joka ikinen päivä."],
}


@pytest.mark.parametrize("headline, body, tags, comments", [
    ("Council approves budget for more buses", COUNCIL_BODY, "Tags: budget, buses, city council, transport",
     ["2 Comments", *READER_COMMENTS["en"]]),
    ("Council approves budget for more buses", COUNCIL_BODY, "Filed under city council ,  transport ,  buses",
     ["2 Comments", *READER_COMMENTS["en"]]),
    ("Council approves budget for more buses", COUNCIL_BODY, "In This Article: city council, transport, buses",
     ["2 Comments", *READER_COMMENTS["en"]]),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "Schlagwörter: Haushalt Stadtrat Nahverkehr Busse",
     ["2 Kommentare", *READER_COMMENTS["de"]]),
    ("Kaupunginvaltuusto hyväksyi talousarvion", FINNISH_BODY, "Avainsanat: talousarvio, joukkoliikenne",
     ["2 kommenttia", *READER_COMMENTS["fi"]]),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "This entry was posted in City council, Transport. Bookmark the permalink.", ["2 Comments", *READER_COMMENTS["en"]]),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Dieser Eintrag wurde veröffentlicht in Politik und verschlagwortet mit Haushalt, Busse. Permanentlink.",
     ["2 Kommentare", *READER_COMMENTS["de"]]),
], ids=["en", "en-filed-under", "en-in-this-article", "de", "fi", "en-entry", "de-entry"])
def test_a_line_of_tags_under_the_article_goes(headline, body, tags, comments):
    # the readers' comments make one block with the article; their heading ends it after the tags
    cleaned = clean_text(_page(headline, [*body, tags, *comments], ""), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert _removed_rule(cleaned, tags) == "pattern:tags"


def test_a_labelled_sentence_or_a_label_high_in_the_body_stays():
    # a sentence after the label is the article's ("Themen: ..." of a meeting it reports)
    agenda = "Themen: Der Haushalt und die neuen Buslinien. Danach beriet der Rat über die Schulen."
    body = [*COUNCIL_BODY_DE, agenda]
    assert list(clean_text(_page("Stadtrat beschließt Haushalt für mehr Busse", body, ""), OPTIONS).paragraphs) == body
    # high in the body, a label is no index under the article
    body = [COUNCIL_BODY_DE[0], "Themen: Haushalt, Nahverkehr, Schulen", *COUNCIL_BODY_DE[1:]]
    assert list(clean_text(_page("Stadtrat beschließt Haushalt für mehr Busse", body, ""), OPTIONS).paragraphs) == body


def test_the_tags_under_a_label_alone_go_with_it():
    tags = ["Tags:", "City council", "Public transport"]
    # a sentence under the tags keeps them in the body block (a comment policy, as Disqus shows it)
    policy = "As you comment, please be respectful of other readers and keep to the topic of the story."
    cleaned = clean_text(_page("Council approves budget for more buses",
                               [*COUNCIL_BODY, *tags, policy, "2 Comments", *READER_COMMENTS["en"]], ""), OPTIONS)
    assert list(cleaned.paragraphs)[:len(COUNCIL_BODY)] == COUNCIL_BODY
    assert {_removed_rule(cleaned, line) for line in tags} == {"pattern:tags"}


@pytest.mark.parametrize("quote", [
    "Die Bürgermeisterin sagte am Montag: „Wir zeigen unsere Pläne für die neuen Linien künftig auch im Newsletter.“",
    "„Unsere Pläne für die neuen Linien stehen ab heute auch im Newsletter der Stadt“, sagte die Bürgermeisterin am Montag.",
], ids=["ends-quoted", "opens-quoted"])
def test_a_quoted_line_that_names_a_channel_stays(quote):
    # an official's words about her own newsletter, as the article's last line
    body = [*COUNCIL_BODY_DE, quote]
    cleaned = clean_text(_page("Stadtrat beschließt Haushalt für mehr Busse", body, ""), OPTIONS)
    assert list(cleaned.paragraphs) == body


def test_the_walk_under_a_label_alone_is_bounded():
    # a page of labels and short lines under them: each label looks at TAG_ITEMS_MOST lines at most
    # (the walk once ran over every label below it: a page of N labels cost N**2 steps)
    from ingest.clean.sitelines import TAG_ITEMS_MOST, label_trailing_tags
    texts = [COUNCIL_BODY[0], "Tags:", *["x y"] * (3 * TAG_ITEMS_MOST)]
    words = [len(t.split()) for t in texts]
    labels: list = [None] * len(texts)
    label_trailing_tags(0, len(texts), labels, texts, words)
    assert labels.count("pattern:tags") == 1 + TAG_ITEMS_MOST


LONG_APPEAL = ("Before you go on with your day, ask yourself how likely it is that the story you just read would "
               "have been told by anyone else. Consider what the city would look like without The Daily Courier: "
               "who would sit through the council's meetings, read its budgets and ask its questions? Reporting "
               "like this is not cheap, and we have no paywall, so we depend on readers like you. You can support "
               "our journalism for as little as three dollars a month, and every gift keeps our reporters on the beat.")


def test_a_long_appeal_for_the_sites_journalism_goes():
    # longer than a prompt (PROMPT_MAX_WORDS), it still names the site's journalism, support and the reader
    assert len(LONG_APPEAL.split()) > 40
    cleaned = clean_text(_page("Council approves budget for more buses", COUNCIL_BODY, LONG_APPEAL), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert _removed_rule(cleaned, LONG_APPEAL) == "phrase:subscribe"


def test_a_long_last_paragraph_on_funding_journalism_stays():
    # the article's own news on support for journalism, told of others, not asked of the reader
    last = ("The regional foundation said on Monday that it would support local journalism with two million "
            "euros over the next five years. Newsrooms of every size may apply from March, and a jury of "
            "editors and readers will choose the projects, which must serve towns that have lost their paper, "
            "the foundation's director said at the announcement in the city hall, where the council had met.")
    assert len(last.split()) > 40
    body = [*COUNCIL_BODY, last]
    cleaned = clean_text(_page("Council approves budget for more buses", body[:-1], last), OPTIONS)
    assert list(cleaned.paragraphs) == body


PROFILE_LINES = ["เฟซบุ๊ก https://fb.me/dailycourier", "Twitter: twitter.com/dailycourier", "LINE ID = @dailycourier",
                 "Donate via PayPal https://paypal.me/dailycourier"]


def test_the_sites_pages_on_social_networks_under_an_html_article_go():
    """An extractor keeps the site's follow and donation links under the article, each a name and
    an address or a handle, in whatever language the name is written."""
    cleaned = _html_article([*COUNCIL_BODY, *PROFILE_LINES])
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {r.rule for r in cleaned.removed if r.text in PROFILE_LINES} == {"phrase:subscribe"}


@pytest.mark.parametrize("line", [
    "Her reply: https://twitter.com/MayorJane/status/1191978649899151360",  # a post the article cites
    "The mayor answered her critics on https://twitter.com/MayorJane late on Monday, after the vote in the council.",
])
def test_a_post_or_a_page_the_article_cites_stays(line):
    body = [*COUNCIL_BODY[:-1], line, COUNCIL_BODY[-1]]  # among the article's last lines
    cleaned = clean_text(_page("Council approves budget for more buses", body, "Share"), OPTIONS)
    assert list(cleaned.paragraphs) == body


@pytest.mark.parametrize("headline, body, name, note", [
    ("Council approves budget for more buses", COUNCIL_BODY, "MARTHA QUINN",
     "Quinn covers city hall for The Daily Courier. She is based in Springfield."),
    ("Council approves budget for more buses", COUNCIL_BODY, "Martha Quinn",
     "Martha Quinn is a staff reporter at The Daily Courier who writes about transport."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "Anna Muster",
     "Anna Muster, Jahrgang 1984, ist Redakteurin im Ressort Stadt."),
])
def test_an_authors_note_under_the_article_goes_with_the_name_above_it(headline, body, name, note):
    cleaned = clean_text("\n\n".join(["Home", "News", "Sport", headline, *body, name, note, "Privacy Policy"]),
                         OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert _removed_rule(cleaned, name) == _removed_rule(cleaned, note) == "phrase:author"


@pytest.mark.parametrize("headline, body, ending", [
    # a profile's last section, headed with a name: the paragraph names no journalist's trade
    ("Council approves budget for more buses", COUNCIL_BODY,
     ["Martha Quinn", "Quinn will take her seat on the council in January, after the count is confirmed."]),
    # "autoridades" is no "autor"
    ("El concejo aprueba el presupuesto", COUNCIL_BODY_ES,
     ["Pedro Sánchez", "Sánchez dijo que las autoridades locales revisarán el plan de autobuses en enero."]),
])
def test_a_paragraph_about_a_person_under_a_heading_with_the_name_stays(headline, body, ending):
    cleaned = clean_text(_page(headline, body + ending, "Share this"), OPTIONS)
    assert list(cleaned.paragraphs)[-2:] == ending
