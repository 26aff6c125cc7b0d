"""Bytes to text (ingest.decode): legacy encodings are read as the people who wrote them meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.decode import decode, detect_encoding

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))


def english_with_quotes(path: Path) -> str:
    """A sample article in plain ASCII but for a few typographic quotes and a dash, as an
    English page saved by an old Windows tool has them."""
    text = path.read_text(encoding="utf-8").encode("ascii", "ignore").decode("ascii")
    return text.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace(" - ", " \u2014 ", 1) + \
        "\n\nThe mayor\u2019s office said \u201cno comment\u201d.\n"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_english_page_with_a_few_curly_quotes_in_windows_1252_reads_back(path):
    text = english_with_quotes(path)
    data = text.encode("cp1252")
    assert not data.isascii()
    assert decode(data) == text, detect_encoding(data)


HUNGARIAN = ("A kormány szerint a főváros új közlekedési terve jövőre lép életbe, és a "
             "belső kerületekben csökkenti a forgalmat. A polgármester hétfőn azt mondta, hogy "
             "az első ütemet ősszel kezdik. ") * 2
CZECH = ("Ministr financí řekl, že státní rozpočet na příští rok počítá se schodkem, který "
         "bude nižší než letos. Poslanci o něm budou jednat v září a opozice žádá změny. ") * 2


@pytest.mark.parametrize("text, encoding", [
    ("Juan Guaidó se proclamó presidente interino de Venezuela el miércoles. " * 3, "cp1252"),
    ("Der Bürgermeister äußerte sich über die Straße und die Brücke. " * 3, "cp1252"),
    ("Москва заявила о новых мерах поддержки экономики. " * 3, "cp1251"),
    ("東京都で新しい選手が発表された。経済の話題も続いた。" * 3, "shift_jis"),
    ("经济政策发布了新的措施，政府表示将继续支持。" * 3, "gb18030"),
    # undeclared Hebrew: windows-1253 reads the bytes as well-formed Greek, and CLD2 scores
    # that higher than the Hebrew; its letters fit Greek far worse than these fit Hebrew
    ("השם עבר מופיע בתנ\"ך כשמו של סבו של אברהם אבינו. ראש הממשלה הודיע היום כי הממשלה תאשר את "
     "התקציב החדש בשבוע הבא, לאחר דיון ארוך בכנסת. שר האוצר אמר כי התקציב יכלול השקעות בחינוך. ", "cp1255"),
    # windows-1252 decodes these bytes as cleanly ("Erdoðan", "baþkaný"); only the
    # language tells them apart
    ("Cumhurbaşkanı Erdoğan, İstanbul'da düzenlenen törende işsizlik oranı hakkında "
     "açıklama yaptı ve şirketlerin yatırımlarının artacağını söyledi. " * 2, "cp1254"),
    ("Prezydent Wrocławia ogłosił, że żadna zmiana nie będzie wprowadzona w przyszłym "
     "miesiącu, a mieszkańcy zostaną poinformowani. " * 2, "cp1250"),
    # Hungarian in either Central European code page reads in windows-1252 just as cleanly,
    # "õ" for "ő" and "û" for "ű", and CLD2 finds Hungarian in both readings
    (HUNGARIAN, "iso8859_2"), (HUNGARIAN, "cp1250"),
    # ISO-8859-2 Czech in windows-1250 turns "š" and "ž" into "ą" and "ľ"
    (CZECH, "iso8859_2"), (CZECH, "cp1250"),
])
def test_legacy_text_in_its_own_encoding_reads_back(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("text", [
    "Kolejne organizacje sprzeciwiają się atakom wymierzonym w fundację, nadawcę telewizji. " * 8,
    "Der Bürgermeister äußerte sich über die Straße und die Brücke, die Grünen widersprachen. " * 8,
    "東京都で新しい選手が発表された。経済の話題も続いた。" * 4,
])
def test_utf8_with_a_character_cut_in_two_stays_utf8(text):
    """A UTF-8 page a CMS damaged in one place (a string cut inside a character) reads as
    UTF-8 with one replacement character, not as windows-1252 mojibake throughout."""
    data = text.encode("utf-8")
    cut = len(text[:len(text) // 2].encode("utf-8"))  # a character's boundary
    damaged = data[:cut] + b"\xc4" + data[cut:]  # the first byte of "ę" alone
    decoded = decode(damaged)
    assert decoded.count("\ufffd") == 1
    assert decoded.replace("\ufffd", "") == text


CUT_PAGES = {
    "zh": "据新华社报道，今年以来，各地持续推进农村人居环境整治，群众生活条件明显改善。",
    "ja": "東京都は新しい計画を発表し、市民の生活を支える取り組みを続けると述べた。",
    "ko": "정부는 새로운 경제 정책을 발표하고 시민들의 생활을 지원하겠다고 밝혔다.",
}


def legacy_page(body: str, charset: str | None) -> str:
    """A small news page of eight paragraphs, declaring `charset` in a <meta> (or nothing)."""
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<html><head>{meta}<title>news</title></head><body>"
            + "".join(f"<p>{body}</p>\n" for _ in range(8)) + "</body></html>")


@pytest.mark.parametrize("language, encoding, charset", [
    ("zh", "gb18030", "gb2312"), ("zh", "gb18030", None), ("ja", "euc_jp", "euc-jp"),
    ("ko", "cp949", "euc-kr"), ("ko", "cp949", None),
])
def test_cjk_page_with_a_character_cut_in_two_reads_in_its_encoding(language, encoding, charset):
    """A GBK, EUC-JP or EUC-KR page with one character cut in half (its first byte kept, as a
    CMS that cuts a string by bytes leaves it) reads as a browser shows it: one U+FFFD there,
    every other character as written, not a one-byte encoding's gibberish or "binary"."""
    text = legacy_page(CUT_PAGES[language], charset)
    cut = text.index("</p>", len(text) // 2) - 1  # the full stop ("。", or a Hangul syllable before ".")
    cut -= text[cut] == "."
    data = text[:cut].encode(encoding) + text[cut].encode(encoding)[:1] + text[cut + 1:].encode(encoding)
    assert decode(data) == text[:cut] + "\ufffd" + text[cut + 1:], detect_encoding(data)


@pytest.mark.parametrize("text, encoding, charset", [
    # windows-1252 reads these bytes too ("Magyarorsz\u00e1g", "gy\u00f5ri")
    ("Magyarország kormánya bejelentette, hogy a győri gyár hűtőrendszerét fejlesztik. " * 4,
     "iso8859_2", "iso-8859-2"),
    # browsers read "iso-8859-1" pages as windows-1252: 0x84 and 0x93 are quotes, not controls
    ("Die Sängerin stellte ihr Album „Brave New Woman“ vor, das im Frühjahr erscheint. " * 4,
     "cp1252", "iso-8859-1"),
])
def test_page_reads_in_the_charset_it_declares(text, encoding, charset):
    page = legacy_page(text, charset)
    assert decode(page.encode(encoding)) == page


def test_a_wrong_declaration_gives_way_to_the_language():
    """A Russian windows-1251 page whose template declares iso-8859-1: windows-1252 reads the
    bytes, but as accented Latin gibberish; the Russian reading wins."""
    page = legacy_page("Москва заявила о новых мерах поддержки экономики и малого бизнеса. " * 4, "iso-8859-1")
    assert decode(page.encode("cp1251")) == page


def test_russian_koi8_r_is_not_read_as_japanese_halfwidth_katakana():
    """Shift_JIS reads KOI8-R's lowercase letters as halfwidth katakana, and CLD2 calls that
    Japanese; a reading that is mostly halfwidth katakana is no CJK reading."""
    text = "Москва заявила о новых мерах поддержки экономики. Правительство России сообщило. " * 4
    data = text.encode("koi8_r")
    data.decode("cp932")  # the trap: the bytes are valid Shift_JIS (windows-31j)
    assert decode(data) == text


def test_gbk_full_width_space_reads_as_browsers_show_it():
    """Chinese pages indent paragraphs with GBK's A3 A0, which Python's gb18030 reads as a
    private-use character: it is the ideographic space browsers show."""
    text = legacy_page(CUT_PAGES["zh"], "gbk")
    data = text.encode("gb18030").replace("<p>".encode(), b"<p>\xa3\xa0\xa3\xa0")
    assert decode(data) == text.replace("<p>", "<p>\u3000\u3000")


def test_a_hebrew_page_reads_in_the_charset_it_declares():
    """A page that declares windows-1255 is Hebrew, whatever CLD2 scores: it scores the
    gibberish of these bytes read as Greek (windows-1253) higher than the Hebrew."""
    headlines = ["יש סטודנטים שמעדיפים לשכב מול טרקטורים במקום על הדשא בקמפוס", "חולים בלי תרופות בבתי החולים בצפון",
                 "בדרך של הפרוטסטנטיות החדשה", "הממשלה אישרה את התקציב לאחר דיון ארוך", "שביתה כללית במשק מחר בבוקר",
                 "מחירי הדירות עלו שוב בחודש האחרון", "ועדת החינוך דנה ברפורמה בבתי הספר", "גשם ראשון צפוי בסוף השבוע"]
    links = "".join(f'<li><a href="https://news.example.org.il/article.php?sid={800 + i}">{h}</a></li>\n'
                    for i, h in enumerate(headlines))
    page = f'<html><head><meta charset="windows-1255"><title>חדשות</title></head><body><ul>\n{links}</ul></body></html>'
    assert decode(page.encode("cp1255")) == page


JAPANESE = "東京都は新しい防災計画を発表した。カタカナのテストも含む。\n"
KOREAN = "서울시는 새로운 교통 정책을 발표했다.\n"


@pytest.mark.parametrize("text, encoding", [
    (JAPANESE * 20, "iso2022_jp"), (KOREAN * 20, "iso2022_kr"),
    ("ﾃｽﾄ 半角カナ\n" * 20, "iso2022_jp_ext"),  # halfwidth katakana: only the _ext variant has them
])
def test_iso_2022_text_reads_in_the_encoding_its_escapes_name(text, encoding):
    data = text.encode(encoding)
    assert data.isascii()  # UTF-8 reads it too, as gibberish between escapes
    assert decode(data) == text
    assert decode(data, limit=len(data) // 2) == text[:len(decode(data, limit=len(data) // 2))]


def test_ascii_with_escapes_that_name_no_character_set_stays_as_it_is():
    text = "The council approved the harbour budget after a long debate. " * 10
    saved = text + "\x1b[1mUpdated\x1b[0m at 9 pm.\n"  # a terminal's bold, saved with the text
    assert decode(saved.encode()) == saved


def test_a_language_s_own_code_page_that_reads_only_controls_does_not_win():
    """Hungarian written in windows-1252 ("õ" for "ő", curly quotes) with a byte windows-1250
    lacks: ISO-8859-2 still decodes it, its quotes turned into C1 controls, in no language."""
    text = HUNGARIAN.replace("ő", "õ").replace("ű", "û") + "\u201eIdézet\u201d \u0192 2 €\n"
    assert decode(text.encode("cp1252")) == text
