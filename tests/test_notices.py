"""Precision of plain-text cleaning: kinds of page chrome the cleaner used to keep in the body.

- the placeholder an embedded player or post leaves when its script does not run ("To view
  this video please enable JavaScript", "Bitte aktivieren Sie JavaScript", "An dieser Stelle
  finden Sie externen Inhalt"), a line that asks the reader to write in to an address, and an
  article's reading time (ingest.clean.notices);
- relative timestamps in many languages ("vor 1 Std.", "Vandaag om 20:07", "Heute, 12:37 Uhr");
- the heading of a box of teasers ("More Trending", "Most read in Football", "Mehr zum Thema X")
  and every headline in the box after it, not only the first.

Each test also holds an article line that names the same things the other way (an article
about JavaScript, an address quoted with "him", a sentence that starts with a day's name).
"""

from __future__ import annotations

import pytest
from conftest import COUNCIL_BODY_DE, HARBOUR_BODY

from ingest.clean.notices import CONTACT, EMBED
from ingest.clean.pagescan import match_lines
from ingest.clean.rules import AD, COMMENTS, COUNTER, RELATED, SHARE, SUBSCRIBE, TIMESTAMP, UI, match_line
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

ARTICLE = HARBOUR_BODY


def _rule(line: str) -> str | None:
    return match_line(line, len(line.split()))


def _rules(line: str) -> tuple[str | None, str | None]:
    """The line's rule as the one-line matcher gives it, and as the page scan does."""
    return _rule(line), match_lines([line, "Council approves budget"], [len(line.split()), 3])[0]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n\n".join(block) for block in blocks)


@pytest.mark.parametrize("line", [
    "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "Bitte aktivieren Sie JavaScript damit Sie diesen Inhalt anzeigen können.",
    "Para ver este vídeo, habilita JavaScript en tu navegador.",
    "Pour voir cette vidéo, veuillez activer JavaScript.",
    "JavaScriptを有効にしてください。",
    "An dieser Stelle finden Sie externen Inhalt, der den Artikel ergänzt.",
    "Externen Inhalt anzeigen",
    "Následuje obsah vložený z jiného webu. Zde jej můžete přeskočit.",
    "Ce contenu externe ne peut pas être affiché.",
    "Empfohlener redaktioneller Inhalt",
    # a long consent notice of an embed: what the reader agrees to, and where to take it back (46 words)
    "Ich bin einverstanden, dass mir an dieser Stelle der externe Inhalt angezeigt wird. Dabei können persönliche "
    "Daten an andere Plattformen übermittelt werden. Mehr dazu lesen Sie in den Einstellungen zum Datenschutz, "
    "die Sie ganz unten auf jeder Seite finden, wo Sie Ihre Zustimmung jederzeit ändern oder widerrufen können.",
    "View this post on Instagram",
    "View this photo on Instagram",
    # ... in the embed's other languages
    "Sieh dir diesen Beitrag auf Instagram an", "Voir cette publication sur Instagram", "この投稿をInstagramで見る",
    # the credit line under an embedded post, with the account's handle
    "A post shared by Spice Girls (@spicegirls) on Jun 16, 2019 at 7:30am PDT",
    "Ein Beitrag geteilt von TSV Handball (@tsvhandball)",
    "山田太郎 (@taro_yamada)がシェアした投稿",
])
def test_player_and_embed_placeholders_are_notices(line):
    assert _rule(line) == EMBED
    # the page's scan finds it as the line alone is found
    assert match_lines(["Harbour opens", line, *ARTICLE], [2, len(line.split()), *map(len, map(str.split, ARTICLE))])[1] == EMBED


def test_a_post_shared_without_a_handle_is_no_embed():
    assert _rule("A post shared by the mayor on Monday drew thousands of replies from residents.") is None


def test_a_sentence_about_instagram_is_no_embed():
    assert _rule("She posted the photo on Instagram.") != EMBED
    assert _rule("Fans were asked to view this post on Instagram before the concert started.") is None


def test_a_lede_between_a_byline_and_an_instagram_embed_is_the_articles():
    """The embed's placeholder under the article's first paragraph is a notice, not the
    headline of a teaser whose blurb that paragraph would be."""
    from ingest.clean.text import clean_text
    from ingest.config import CleanOptions
    lede = ("A few months ago, a young artist from the harbour town drew the mayor as a giant, "
            "and the drawing went round the whole coast within a week.")
    rest = ["The mayor did not like it, and said so at the council meeting on Monday, to the delight of the artist.",
            "The drawing now hangs in the town hall, where visitors can see it on weekdays until the end of the month."]
    page = _page(["Mayor drawn as a giant | Coast Herald", "Home", "News", "Culture"],
                 ["Mayor drawn as a giant", "by Anna Keller", "Coast Herald staff writer", lede,
                  "View this photo on Instagram", *rest, "Comments", "More stories"])
    assert clean_text(page, CleanOptions()).paragraphs == (lede, *rest)



@pytest.mark.parametrize("line", [
    "Social media unavailable in Iran after the protests",  # no player's medium
    "The video, which was posted on Monday, is no longer available on the platform.",  # named too late
    "A video of the arrest was not available to reporters on Monday, the police said in a statement "
    "to the press.",  # too long for a player's error
    "Police released a video of the crash on Monday.",  # nothing went wrong
])
def test_an_articles_line_about_a_video_is_no_players_error(line):
    assert _rules(line) == (None, None)


def test_the_line_under_a_players_error_that_asks_to_reload_is_the_players():
    error, retry = ("We apologize, but this video has failed to load.",
                    "Try refreshing your browser, or tap here to see other videos from our team.")
    page = _page(["Harbour reopens after storm | Coast Herald", "Home", "News"],
                 ["Harbour reopens after storm", ARTICLE[0], error, retry, *ARTICLE[1:]], ["Contact", "Privacy"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == ARTICLE
    assert {r.text: r.rule for r in cleaned.removed}.get(retry) == EMBED
    # a line that asks to refresh, under no player's error, is no notice
    assert _rules(retry) == (None, None)


EMBED_BLOCK_DE = ["An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.",
                  "Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.",
                  "YouTube-Inhalte erlauben",
                  "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
                  "Personenbezogene Daten können an Drittplattformen übermittelt werden. Mehr dazu in unserer "
                  "Datenschutzerklärung."]


def test_the_lines_between_an_embeds_placeholder_and_its_consent_notice_are_the_placeholders():
    page = _page(["Stadtrat beschließt Haushalt für mehr Busse", "Startseite", "Politik"],
                 ["Stadtrat beschließt Haushalt für mehr Busse", *COUNCIL_BODY_DE[:2], *EMBED_BLOCK_DE,
                  *COUNCIL_BODY_DE[2:]], ["Impressum", "Datenschutz"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY_DE
    rules = {r.text: r.rule for r in cleaned.removed}
    assert {rules[line] for line in EMBED_BLOCK_DE[1:4]} == {EMBED}


@pytest.mark.parametrize("line", [
    "Got a story? Get in touch with our news team by emailing us at tips@example.co.uk.",
    "Are protests breaking out in your area? Get in touch at news@example.com",
    "Haben Sie Hinweise? Schreiben Sie uns an redaktion@example.de – wir freuen uns über Ihre Nachricht an unsere Redaktion.",
    "Vous avez une information ? Écrivez-nous à redaction@example.fr, votre message sera lu.",
])
def test_a_line_that_asks_the_reader_to_write_in_is_a_notice(line):
    assert _rule(line) == CONTACT


@pytest.mark.parametrize("line", [
    "3 Min Lesezeit",
    "17.04.2024, 12:24 Lesezeit: 5 Min.",
    "05 Gennaio 2025 Aggiornato alle 16:01 1 minuti di lettura",
    "4 minutes de lecture",
    "Leestijd 3 minuten",
    "vor 1 Std.",
    "Vandaag om 20:07",
    "včera 14:40",
    "Heute, 12:37 Uhr",
    "28.04.2023 | 17:52 Uhr",
    "hace 2 horas",
    "3 uur geleden",
    "5 минут назад",
])
def test_reading_times_and_relative_timestamps_are_timestamps(line):
    assert _rule(line) == TIMESTAMP



def test_a_reading_time_and_a_disclosure_in_one_language_are_found_on_a_page_in_it():
    """A Turkish reading time ("dk") and a French disclosure ("affiliés") are looked for only on a
    page in a language that writes them (one that holds "ı", or "é"): there the page's scan finds
    what the line's rule finds, and a page in another language is not scanned for them."""
    turkish = ["Belediye meclisi kütüphanenin pazar günleri de açık kalmasına karar verdi.", "3 dk okuma"]
    french = ["Le conseil municipal a décidé d'ouvrir la bibliothèque le dimanche.",
              "Cet article contient des liens affiliés : nous pouvons toucher une commission si vous achetez."]
    for lines, rule in ((turkish, TIMESTAMP), (french, AD)):
        assert _rule(lines[1]) == rule
        assert match_lines(lines, [len(line.split()) for line in lines])[1] == rule


@pytest.mark.parametrize("line", [
    "More Trending", "Most read in Football", "You may like", "You Might Also Like …",
    "Mehr zum Thema Hitzeschäden", "Die Redaktion empfiehlt", "EDITOR'S CHOICE", "Les plus lus",
    "Más leídas", "Meest gelezen", "Самое читаемое",
    # a reader's prompt with its teaser on the same line, no separator
    "À lire aussi La natalité russe menacée", "Les også En far for de store anledninger",
    "Lesen Sie auch Wie die Stadt ihre Brücken saniert",
    # ... and the same prompts with a separator
    "Lea también: El puerto amplía su terminal de contenedores", "Czytaj także: Sejm przyjął ustawę o szkołach",
    "Artículos relacionados", "Verwandte Artikel",
    # a box's heading in the word orders and forms Spanish, Portuguese and German sites use
    "TAMBIÉN LEA", "Lea también", "Te puede interesar", "LE RECOMENDAMOS", "Saiba mais", "Auch interessant",
    "También lea: Congreso aprueba la ley de vivienda", "Further reading", "Weiterführende Links:",
    # a teaser's blurb and its link
    "Der Komet trägt jetzt den Namen seines Entdeckers. mehr",
    "When you walk into almost any store, you're immediately overloaded with sights, sounds,… Read more Read more",
    "Le maire a présenté son projet de budget pour l'année prochaine. Lire la suite",
])
def test_teaser_box_headings_are_related_markers(line):
    assert _rule(line) == RELATED


@pytest.mark.parametrize(("line", "rule"), [
    ("Enlace copiado", SHARE), ("Link kopiert", SHARE), ("Show more comments", COMMENTS),
    ("See all comments", COMMENTS), ("Mehr Kommentare laden", COMMENTS), ("スポンサード リンク", AD),
    ("Sponsored links", AD), ("Related Recipes", RELATED), ("過去のエントリ", RELATED),
    ("Create an account", SUBSCRIBE), ("Already have an account?", SUBSCRIBE),
    ("Vous avez déjà un compte ?", SUBSCRIBE), ("¿Ya tienes una cuenta?", SUBSCRIBE),
    ("Artikel anhören", UI), ("Listen to this article", UI), ("Fotostrecke ansehen", UI), ("Zobrazit vše", UI),
    ("See all", UI), ("Aufklappen", UI), ("This advertisement has not loaded yet.", AD),
    ("44 Bilder", COUNTER), ("12 photos", COUNTER),
    ("ADVERTISING inRead invented by Teads", AD), ("Promoted Links by Taboola", AD), ("Recommended by Outbrain", AD),
    ("Enviá tu comentario", COMMENTS), ("Next Up In Culture", RELATED), ("Most Read Business Stories", RELATED),
    ("Más sobre Conflicto mapuche", RELATED), ("Check out more articles on example.com!", RELATED),
    ("Related post: Pickled Brussels Sprouts Recipe", RELATED), ("This is a modal window.", UI),
    ("Zum Weiterlesen:", RELATED), ("Advertisements", AD), ("Keine Kommentare", COMMENTS), ("Sin comentarios", COMMENTS),
    ("Sie sind aktuell nicht eingeloggt.", SUBSCRIBE), ("You are not logged in.", SUBSCRIBE), ("PDF", UI), ("Read now", UI), ("View this image ›", UI), ("Retweet this article!", SHARE),
    ("Purchase Licensing Rights", UI), ("Reprints & Permissions", UI), ("Feedback", UI),
    ("Schicken Sie uns Ihr Feedback!", UI), ("Send us your feedback", UI),
    # the article goes on after the ad, in other languages; a gallery's and a video's buttons
    ("Gleich weiterlesen ...", AD), ("Weiter nach der Anzeige", AD), ("La suite après la publicité", AD),
    ("El artículo continúa después del anuncio", AD), ("Zur Galerie", UI), ("Watch video 02:17", UI),
])
def test_widget_words_in_many_languages(line, rule):
    """A copied link's notice, a comment list's buttons, sponsored links, a box of related
    recipes, an account's prompts, a player's and a gallery's buttons, a gallery's count: each a
    line of its own."""
    assert _rule(line) == rule


@pytest.mark.parametrize("line", [
    # a paywall's or an overlay's log-in and register buttons, alone on their line, in many languages
    "Einloggen", "Registrieren", "Accedi", "Registrati", "Connexion", "Se connecter", "Iniciar sesión", "Inloggen",
    "Logga in", "Zaloguj się", "Přihlásit se", "Giriş yap", "ログインする", "新規登録", "今すぐ登録",
    # ... and what follows a prompt's verb on its line: "or", "and", "now", "free" in several languages
    "Log in or create an account to continue", "Anmelden und weiterlesen", "Sign in or register",
    "Connectez-vous ou créez un compte", "Inicia sesión o regístrate",
])
def test_an_account_prompt_is_a_button_not_the_end_of_the_article(line):
    """A paywall's box stands above the article as often as under it: its log-in buttons go
    (rule "phrase:ui") without ending the body, as a subscription box's line would."""
    assert _rule(line) == UI


@pytest.mark.parametrize("line", [
    # an article's advice or headings that start with the same verbs are no buttons
    "Registrieren Sie sich in unserer Krisenvorsorgeliste", "Register of Deeds", "Follow the money",
    "Connexion Internet à la campagne",
])
def test_an_article_line_that_starts_with_an_account_verb_is_no_prompt(line):
    assert _rule(line) is None


def test_a_line_that_names_feedback_or_reprints_is_no_button():
    """Only the button's words alone on their line are one: an article's line about them is not."""
    assert _rule("Feedback from readers shaped the new timetable") is None
    assert _rule("Reprints of the 1923 edition sold out") is None


def test_a_line_of_code_is_no_copy_button():
    """A Dockerfile's "COPY . ." in an article's code is no button (only "Copy code" is)."""
    assert _rule("COPY . .") is None and _rule("Copy code") == UI


def test_a_count_of_likes_keeps_its_case():
    """Counts of likes and shares are counters in lower case only ("66 Likes" under a teaser card
    counted as the article's own line, and a card joined the body)."""
    assert _rule("66 likes") == COUNTER and _rule("66 Likes") is None


@pytest.mark.parametrize(("line", "rule"), [
    # a notice to a reader with an ad blocker
    ("We noticed you're using an ad blocker.", AD),
    ("Some site features may not work correctly while an ad blocker is enabled, because they break scripts.", AD),
    ("Sie haben vermutlich einen Ad-Blocker aktiviert.", AD),
    ("Pour continuer, désactivez votre bloqueur de publicité.", AD),
    # a video player's error: an embed's notice
    ("We apologize, but this video has failed to load.", EMBED),
    ("Media playback is unsupported on your device", EMBED),
    ("Video Unavailable", EMBED),
    ("Unfortunately, this video is not available in your region.", EMBED),
    ("Dieses Video ist leider nicht mehr verfügbar.", EMBED),
    ("Este vídeo no está disponible", EMBED),
    ("Cette vidéo n'est pas disponible", EMBED),
    ("该视频无法播放", EMBED),
])
def test_an_ad_blocker_notice_or_a_players_error_is_found_alone_and_on_a_page(line, rule):
    assert _rules(line) == (rule, rule)


@pytest.mark.parametrize("line", [
    "Publishers lose billions a year to ad blocking, the industry group said on Monday.",  # about ad blocking
    "Read more about ad blocking here.",
    "The police had blocked the road, and you are using the detour since Monday.",  # no ad blocker named
])
def test_a_line_about_ad_blocking_is_no_notice(line):
    assert _rule(line) is None


@pytest.mark.parametrize("line", ["Search for:", "Suche nach:", "Sök efter:"])
def test_a_search_boxs_label_is_ui(line):
    assert _rule(line) == UI


def test_a_sentence_about_a_search_is_no_search_label():
    for line in ("Search for: the missing girl", "Search for the missing girl goes on"):
        assert _rule(line) is None


@pytest.mark.parametrize("line", ["Zurück zur Übersicht", "Zurück", "Volver", "返回", "Mehr erfahren", "Learn more",
                                  "En savoir plus"])
def test_a_button_back_to_the_list_or_to_learn_more_is_ui(line):
    assert _rule(line) == UI


@pytest.mark.parametrize("line", [
    "Facebook Twitter Google+ Whatsapp", "Teilen Merken Drucken", "Social Sharing", "Per E-Mail teilen E-Mail",
    "Partager sur Facebook Twitter", "Compartir Imprimir", "Udostępnij Drukuj",
])
def test_a_row_of_share_buttons_is_a_share_row(line):
    assert _rule(line) == SHARE


@pytest.mark.parametrize("line", [
    "Share or comment on this article: Your $1 bill could be worth up THOUSANDS - here's how to check if you have it",
    "Teilen Sie diesen Artikel: Stadtrat beschließt Haushalt für mehr Busse und längere Takte",
])
def test_a_prompt_to_share_the_article_with_its_headline_is_share_whatever_its_length(line):
    assert _rules(line) == (SHARE, SHARE)


@pytest.mark.parametrize("line", [
    "Share prices fell: the article in the paper said the board had warned of it",  # no article's noun before it
    "Del artículo 14: la ley dice que el consejo decide el presupuesto cada año",  # Spanish "of the"
    "Share this article",  # no headline after it (a button: the short phrases' rule)
])
def test_other_lines_opening_with_a_share_verb_are_no_share_prompt(line):
    from ingest.clean.rules import share_prompt
    assert not share_prompt(line.lower())


@pytest.mark.parametrize("line", [
    # an article about JavaScript names it without asking the reader to turn it on
    "The library is written in JavaScript and runs in the browser as well as on the server.",
    # an address quoted in a report, with no word to the reader
    "The police said the suspect had written to the council from the address j.doe@example.com.",
    "Readers can reach the author at the address given at the foot of the page, said the editor.",
    # a day's name opens a sentence
    "Heute beginnt in Berlin der Prozess gegen die mutmaßlichen Täter.",
    "Hier ist die Lage anders als in Hamburg.",
    # a number of minutes is no reading time
    "Die Fahrt dauert 3 Minuten länger als geplant.",
    # "more" opens a sentence
    "More trending topics were discussed at the summit than ever before.",
    "Mehr zu tun hatte die Feuerwehr am Sonntag, als ein Sturm über die Stadt zog.",
    # networks named in a short line of text, or one button with words around it
    "Facebook and Twitter on trial",
    # "more" that ends a sentence, or a word that ends with it
    "The council said it would need more.", "The team moved to Baltimore",
    "Facebook posts on the rise",
])
def test_article_lines_are_left_alone(line):
    rule = _rule(line)
    assert rule not in (EMBED, CONTACT, TIMESTAMP, RELATED, SHARE), rule


def test_match_lines_finds_the_notices_match_line_finds():
    lines = ["Harbour news", "Please enable JavaScript to view the comments.", ARTICLE[0],
             "Write to us at desk@example.org with your story.", "3 min read", "Externer Inhalt"]
    words = [len(line.split()) for line in lines]
    assert match_lines(lines, words) == [match_line(line, n) for line, n in zip(lines, words)]
    assert match_lines(lines, words)[1:] == [EMBED, None, CONTACT, TIMESTAMP, EMBED]


def test_a_player_notice_between_paragraphs_leaves_the_body():
    notice = "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video"
    page = _page(["Home", "News"], ARTICLE[:2], [notice], ARTICLE[2:], ["© 2026 Harbour Post"])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(ARTICLE)
    assert [r.rule for r in cleaned.removed if r.text == notice] == [EMBED]


def test_every_headline_of_a_teaser_box_inside_the_article_leaves_it():
    box = ["More Trending", "Council votes to keep the old lighthouse open for visitors",
           "World 1 day ago", "Storm closes mountain pass for the second time this winter",
           "Local bakery wins national bread award"]
    page = _page(["Home", "News"], ARTICLE[:2], box, ARTICLE[2:], ["© 2026 Harbour Post"])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(ARTICLE)
    assert {r.text for r in cleaned.removed} >= set(box)


@pytest.mark.parametrize("line, credit", [
    ("정청래 더불어민주당 대표가 18일 서울 여의도 국회에서 열린 의원총회에서 최고위원과 대화하고 있다. 뉴스1", True),
    ("이 후보가 15일 전남 순천시에서 열린 선거 유세에서 연설을 마치고 시민들에게 인사하고 있다. 홍길동 기자", True),
    ("警視庁を出る容疑者＝13日、東京・霞ケ関で（山田太郎撮影）", True),
    # a Korean caption's bracketed credit: "[사진 출처 = ...]", "(사진=...)"
    ("1989년 사법연수원 졸업식에서 모친과 기념 촬영을 하는 당선인. [사진 출처 = 연합뉴스]", True),
    ("시민들이 광장에 모여 촛불을 들고 있다. (사진=뉴스1)", True),
    ("정부는 13일 새로운 대책을 발표했다(자세한 내용은 아래 참조)", False),
    # a Korean paragraph goes on after its sentence; a credit word inside a sentence
    ("민주당은 12일 국회에서 비공개 최고위를 열었다. 이날 회의에는 당대표 선거를 논의한 기자", False),
    ("민주당은 12일 국회에서 최고위를 열었다. 연합뉴스 기자는 이를 보도했다.", False),
])
def test_captions_in_scripts_without_capitals_end_with_their_credit(line, credit):
    from ingest.clean.credits import ends_with_credit

    assert ends_with_credit(line) is credit


@pytest.mark.parametrize("stem", sorted({s for s, *_ in __import__("ingest.clean.notices", fromlist=["_STEMS"])._STEMS}
                                        | {p for _, p, _ in __import__("ingest.clean.pagescan",
                                                                       fromlist=["_PAGE_PHRASES"])._PAGE_PHRASES}))
def test_a_page_without_a_words_probe_character_lacks_the_word(stem):
    """The page scans skip a word whose scripts.probe character the page lacks: the character
    is the word's own (none for a word in ASCII, which is always searched for)."""
    from ingest.clean.scripts import probe

    char = probe(stem)
    assert (char == "") == stem.isascii()
    assert char == "" or (char in stem and not char.isascii())


def test_a_notice_in_another_script_is_found_on_a_page_mostly_in_latin():
    """A Japanese embed notice and a Korean cookie notice on an English page that holds curly
    quotes (a page of two-byte characters, where the probe characters are looked for)."""
    notice = "外部サイトのコンテンツを表示するにはJavaScriptを有効にしてください"
    cookies = "당사는 쿠키를 사용합니다"
    lines = ["“Quoted” headline of the day", notice, cookies, *ARTICLE]
    rules = match_lines(lines, [len(line.split()) for line in lines])
    assert rules[1] == EMBED and rules[2] == "phrase:cookies" and rules[0] is None
