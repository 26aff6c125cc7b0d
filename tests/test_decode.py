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


@pytest.mark.parametrize("text, encoding", [
    ("Juan Guaidó se proclamó presidente interino de Venezuela el miércoles. " * 3, "cp1252"),
    ("Der Bürgermeister äußerte sich über die Straße und die Brücke. " * 3, "cp1252"),
    ("Москва заявила о новых мерах поддержки экономики. " * 3, "cp1251"),
    ("東京都で新しい選手が発表された。経済の話題も続いた。" * 3, "shift_jis"),
    ("经济政策发布了新的措施，政府表示将继续支持。" * 3, "gb18030"),
    # windows-1252 decodes these bytes as cleanly ("Erdoðan", "baþkaný"); only the
    # language tells them apart
    ("Cumhurbaşkanı Erdoğan, İstanbul'da düzenlenen törende işsizlik oranı hakkında "
     "açıklama yaptı ve şirketlerin yatırımlarının artacağını söyledi. " * 2, "cp1254"),
    ("Prezydent Wrocławia ogłosił, że żadna zmiana nie będzie wprowadzona w przyszłym "
     "miesiącu, a mieszkańcy zostaną poinformowani. " * 2, "cp1250"),
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
