"""Search for real words inside sentences of Chinese, Japanese, Korean and Thai news.

tests/test_scripts.py searches generated text; here the sentences are real language
(written for these tests), the words real words: a two-character Chinese word, a
Japanese verb in kanji and kana, a Korean noun with a particle attached, a Thai word
inside a run of letters. Each is found inside its sentence, ranked (a title match
first) and marked in the snippet, and a word that is not there finds nothing.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import as_an_older_version_stored
from scripts_corpus import write_page

FILLER = {
    "zh": ["今天上午，市政府召开新闻发布会，介绍了城市交通建设的最新进展。",
           "据介绍，新建的地铁线路预计将于明年年底开通运营，覆盖城市东部的多个社区。"],
    "ja": ["市は来年度の予算案について、福祉と教育に重点を置く方針を示した。",
           "関係者によると、新しい図書館の建設は来月にも始まる見通しだという。"],
    "ko": ["시는 내년 예산안에서 복지와 교육 분야에 중점을 두겠다고 밝혔다.",
           "관계자에 따르면 새 도서관 건설은 다음 달에 시작될 전망이다."],
    "th": ["เทศบาลเมืองประกาศแผนพัฒนาระบบขนส่งสาธารณะในพื้นที่ชานเมืองเพื่อลดปัญหาการจราจร",
           "เจ้าหน้าที่ระบุว่าโครงการก่อสร้างห้องสมุดแห่งใหม่จะเริ่มต้นในเดือนหน้าตามแผนที่วางไว้"],
}
# (sentence holding the word, the word as a user types it, the word as the snippet marks it)
CASES = {
    "zh": ("国务院总理今天在北京会见了来访的代表团，双方就经济合作等问题深入交换了意见。", "经济", "经济"),
    "ja": ("東京都は新しい経済対策を発表し、中小企業への支援を拡大する考えを示した。", "発表し", "発表し"),
    "ko": ("대통령은 오늘 국회에서 내년 경제 정책의 방향을 직접 설명했다.", "대통령", "대통령은"),
    "th": ("นายกรัฐมนตรีเดินทางไปประชุมกับผู้ว่าราชการจังหวัดเพื่อหารือเรื่องงบประมาณปีหน้า", "ประชุม", "ประชุม"),
}


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("script", sorted(CASES))
def test_a_real_word_inside_a_sentence_is_found_ranked_and_marked(cli, db_path, tmp_path, script):
    sentence, word, marked = CASES[script]
    filler = FILLER[script]
    write_page(tmp_path / "inside.html", filler[0][:12], [filler[0], sentence, filler[1]])
    write_page(tmp_path / "titled.html", f"{word} {filler[1][:10]}", [filler[1], filler[0]])
    write_page(tmp_path / "other.html", filler[1][:12], [filler[0] + filler[1]])
    cli("ingest", tmp_path, "--db", db_path)
    hits = json_lines(cli("search", word, "--all", "--json", "--db", db_path).stdout)
    titles = [h["title"] for h in hits]
    assert len(hits) == 2 and titles[0].startswith(word), titles  # the title weighs more
    inside = hits[1]
    assert f"[{marked}]" in inside["snippet"], inside["snippet"]
    assert json_lines(cli("search", word[::-1] + word[::-1], "--json", "--db", db_path).stdout) == []


@pytest.mark.parametrize("script", sorted(CASES))
def test_novel_search_finds_a_word_in_an_articles_own_text_not_in_a_passage_it_repeats(cli, db_path, tmp_path,
                                                                                       script):
    """`search --novel` in a script without spaces: a later story that has the word only in
    the background it repeats is left out; one that also writes it itself is found, marked."""
    from scripts_corpus import article

    sentence, word, _ = CASES[script]
    _, generated = article(500, script, paragraphs=1)
    background = sentence + ("" if script in ("zh", "ja", "th") else " ") + generated[0]
    stories = {name: article(seed, script, paragraphs=4) for seed, name in enumerate(("first", "repeats", "writes"))}
    first = tmp_path / "night1"
    first.mkdir()
    title, own = stories["first"]
    write_page(first / "first.html", f"first {title}", [own[0], background, *own[1:]])
    cli("ingest", first, "--db", db_path)
    later = tmp_path / "night2"
    later.mkdir()
    title, own = stories["repeats"]
    write_page(later / "repeats.html", f"repeats {title}", [own[0], background, *own[1:]])
    title, own = stories["writes"]
    middle = len(own[2]) // 2
    gap = " " if script == "ko" else ""
    own_words = own[2][:middle] + gap + word + gap + own[2][middle:]  # the word in text of its own
    write_page(later / "writes.html", f"writes {title}", [own[0], background, own[1], own_words, *own[3:]])
    cli("ingest", later, "--db", db_path)

    every = {h["title"].split()[0] for h in json_lines(cli("search", word, "--all", "--json", "--db", db_path).stdout)}
    assert every == {"first", "repeats", "writes"}
    novel = json_lines(cli("search", word, "--novel", "--all", "--json", "--db", db_path).stdout)
    assert {h["title"].split()[0] for h in novel} == {"first", "writes"}
    writes = next(h for h in novel if h["title"].startswith("writes"))
    assert f"[{word}" in writes["snippet"], writes["snippet"]  # marked where it wrote the word


# Devanagari writes vowel signs and the virama as combining marks, which FTS5's unicode61
# tokenizer (and \w) takes for separators: "समाचार" (news) is indexed as the tokens सम च र.
HINDI = ["नगर निगम ने आज सुबह शहर की सड़कों की मरम्मत के लिए नई योजना की घोषणा की।",
         "अधिकारियों के अनुसार यह काम अगले महीने शुरू होगा और दो साल में पूरा किया जाएगा।",
         "स्थानीय लोगों ने इस फैसले का स्वागत किया और जल्द काम शुरू करने की मांग की।"]


def test_a_devanagari_word_is_searched_whole_not_letter_by_letter(cli, db_path, tmp_path):
    """"समाचार" finds the story that writes it, not one that only holds its pieces as
    tokens of other words ("समान चार" is सम न च र), as searching its letters one by one did."""
    write_page(tmp_path / "writes.html", "शहर की योजना",
               [HINDI[0], "इस बारे में एक समाचार पत्र ने सबसे पहले खबर दी थी।", HINDI[1], HINDI[2]])
    write_page(tmp_path / "pieces.html", "नगर के नियम",
               [HINDI[1], "नगर निगम ने सभी दुकानों के लिए समान चार नियम बनाए हैं।", HINDI[2], HINDI[0]])
    cli("ingest", tmp_path, "--db", db_path)
    hits = json_lines(cli("search", "समाचार", "--all", "--json", "--db", db_path).stdout)
    assert [h["title"] for h in hits] == ["शहर की योजना"]


# (a sentence with the word, the word, a sentence with a word that holds the word's consonants
# in its order, two sentences without either). With vowel signs and viramas for separators,
# both words were the tokens of their consonants ("काम" and "कुमार" were क म and क म र) and
# each found the other.
WORDS_AND_LOOKALIKES = {
    "hi": ("नगर निगम ने आज शाम नए काम की घोषणा की।", "काम", "कुमार सानू ने कल रात एक नया गीत गाया।",
           ["राज्य सरकार ने आज सुबह नई सड़क योजना स्वीकृत की।", "अधिकारियों के अनुसार योजना अगले साल पूरी होगी।"]),
    "bn": ("সরকার আজ নতুন নাম ঘোষণা করেছে।", "নাম", "বাড়ির পাশে একটি নিম গাছ আছে।",
           ["রাজ্য সরকার আজ সকালে নতুন সড়ক প্রকল্প অনুমোদন করেছে।", "কর্মকর্তারা জানান প্রকল্পটি আগামী বছর শেষ হবে।"]),
    "ta": ("இன்று மாலை கூட்டம் நடைபெறும்.", "மாலை", "மேசை மேல் புத்தகம் உள்ளது.",
           ["மாநில அரசு இன்று புதிய சாலை திட்டத்திற்கு ஒப்புதல் அளித்தது.",
            "அதிகாரிகளின் கூற்றுப்படி திட்டம் அடுத்த ஆண்டு நிறைவடையும்."]),
}


def write_word_and_lookalike(folder, language: str) -> str:
    """Two pages in `folder`, "writes" (the word) and "lookalike" (the other word); the word."""
    sentence, word, lookalike, filler = WORDS_AND_LOOKALIKES[language]
    write_page(folder / "writes.html", "writes", [filler[0], sentence, filler[1]])
    write_page(folder / "lookalike.html", "lookalike", [filler[1], lookalike, filler[0]])
    return word


@pytest.mark.parametrize("language", sorted(WORDS_AND_LOOKALIKES))
def test_a_word_with_vowel_signs_does_not_find_another_that_holds_its_consonants(cli, db_path, tmp_path, language):
    word = write_word_and_lookalike(tmp_path, language)
    cli("ingest", tmp_path, "--db", db_path)
    hits = json_lines(cli("search", word, "--all", "--json", "--db", db_path).stdout)
    assert [h["title"] for h in hits] == ["writes"]
    assert f"[{word}]" in hits[0]["snippet"], hits[0]["snippet"]


def test_an_archive_indexed_with_an_older_tokenizer_is_indexed_again_when_next_written(cli, db_path, tmp_path):
    """An older newsarchive indexed words cut at their vowel signs: the next ingest indexes
    the archive again with today's tokenizer, every article under its id."""
    import sqlite3

    import sqlite_utils

    from store.script_index import SCRIPT_FTS
    from store.connection import fts_tokenizer
    from store.schema import FTS_TOKENIZE, NOVEL_FTS, drop_articles_fts

    first = tmp_path / "night1"
    first.mkdir()
    word = write_word_and_lookalike(first, "hi")
    write_page(first / "zh.html", FILLER["zh"][0][:12], [FILLER["zh"][0], CASES["zh"][0], FILLER["zh"][1]])
    cli("ingest", first, "--db", db_path)
    older = "unicode61 remove_diacritics 2"
    db = sqlite_utils.Database(db_path)
    ids = {r["title"]: r["id"] for r in db.query("SELECT id, title FROM articles")}
    drop_articles_fts(db)
    db["articles"].enable_fts(["title", "text"], tokenize=older, create_triggers=True)
    for table in (NOVEL_FTS, SCRIPT_FTS):
        db.execute(f"DROP TABLE {table}")
        db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(title, text, content='', tokenize='{older}')")
    db.conn.commit()
    db.close()
    assert len(json_lines(cli("search", word, "--all", "--json", "--db", db_path).stdout)) == 2  # the old fault

    later = tmp_path / "night2"
    later.mkdir()
    write_page(later / "next.html", "next", [HINDI[0], *WORDS_AND_LOOKALIKES["hi"][3]])
    cli("ingest", later, "--db", db_path)
    conn = sqlite3.connect(db_path)
    assert {t: fts_tokenizer(conn, t) for t in ("articles_fts", NOVEL_FTS, SCRIPT_FTS)} == dict.fromkeys(
        ("articles_fts", NOVEL_FTS, SCRIPT_FTS), FTS_TOKENIZE)
    assert {title: i for i, title in conn.execute("SELECT id, title FROM articles") if title in ids} == ids
    conn.close()
    assert [h["id"] for h in json_lines(cli("search", word, "--all", "--json", "--db", db_path).stdout)] == [
        ids["writes"]]
    zh_word = CASES["zh"][1]
    assert [h["id"] for h in json_lines(cli("search", zh_word, "--all", "--json", "--db", db_path).stdout)] == [
        ids[FILLER["zh"][0][:12]]]


def test_text_saved_decomposed_is_found_by_the_word_as_typed(cli, db_path, tmp_path):
    """A page saved in decomposed Unicode (NFD: Hangul as jamo, as macOS writes it) is stored
    composed, so the word a reader types (composed) finds it; a decomposed query finds it too."""
    sentence, word, _ = CASES["ko"]
    write_page(tmp_path / "decomposed.html", FILLER["ko"][1][:12], [FILLER["ko"][0], sentence, FILLER["ko"][1]])
    page = tmp_path / "decomposed.html"
    page.write_text(unicodedata.normalize("NFD", page.read_text(encoding="utf-8")), encoding="utf-8")
    cli("ingest", tmp_path, "--db", db_path)
    for query in (word, unicodedata.normalize("NFD", word)):
        hits = json_lines(cli("search", query, "--json", "--db", db_path).stdout)
        assert len(hits) == 1 and f"[{word}" in hits[0]["snippet"], (query, hits)


def test_reclean_composes_an_article_an_older_version_stored_decomposed(cli, db_path, tmp_path):
    """An archive written before text was stored composed holds a decomposed page as it came,
    which the word as typed does not find; `reclean` composes it and the article keeps its id."""
    sentence, word, _ = CASES["ko"]
    page = tmp_path / "page.html"
    write_page(page, FILLER["ko"][1][:12], [FILLER["ko"][0], sentence, FILLER["ko"][1]])
    page.write_text(unicodedata.normalize("NFD", page.read_text(encoding="utf-8")), encoding="utf-8")
    cli("ingest", tmp_path, "--db", db_path)
    article_id = as_an_older_version_stored(db_path, "UPDATE articles SET title = nfd(title), text = nfd(text)",
                                            functions={"nfd": lambda text: text and unicodedata.normalize("NFD", text)})
    assert json_lines(cli("search", word, "--json", "--db", db_path).stdout) == []
    cli("reclean", "--db", db_path)
    hits = json_lines(cli("search", word, "--json", "--db", db_path).stdout)
    assert [h["id"] for h in hits] == [article_id]


# Arabic and Hebrew writers add vowel marks to a word or leave them out as they please
# (tanween on "جداً", very; shadda and harakat on a name; Hebrew points): a word is
# found however either side wrote it. (language, filler sentences, a sentence with the
# word as the story writes it, the word as written, the word as a reader types it)
ARABIC = ["أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المدن الكبرى خلال العام المقبل.",
          "وقال المتحدث باسم الوزارة إن المشروع سيبدأ الشهر المقبل بتمويل كامل من الحكومة."]
HEBREW = ["משרד הבריאות הודיע היום על תוכנית חדשה לפיתוח בתי החולים בערים הגדולות.",
          "לדברי הדובר, העבודות יתחילו בחודש הבא וימומנו במלואן על ידי הממשלה."]
MARKED_WORDS = {
    "ar-tanween": (ARABIC, "وأكد الوزير أن الوضع الصحي في البلاد مستقر جداً وأن الحكومة تتابع التطورات.",
                   "جداً", "جدا"),
    "ar-harakat": (ARABIC, "وشارك في الاجتماع الدكتور مُحَمَّد العلي ممثلاً عن نقابة الأطباء.", "مُحَمَّد", "محمد"),
    "ar-typed-with-marks": (ARABIC, "وشارك في الاجتماع الدكتور محمد العلي ممثلا عن نقابة الأطباء.", "محمد",
                            "مُحَمَّد"),
    "ar-tatweel": (ARABIC, "وعقد المؤتمر الصحفي في مدينة القـــاهرة بحضور عدد من الوزراء.", "القـــاهرة",
                   "القاهرة"),
    "he-points": (HEBREW, "ראש העיר אמר בטקס כי הוא מאחל שָׁלוֹם לכל תושבי השכונה.", "שָׁלוֹם", "שלום"),
}


@pytest.mark.parametrize("case", sorted(MARKED_WORDS))
def test_an_arabic_or_hebrew_word_is_found_with_or_without_its_vowel_marks(cli, db_path, tmp_path, case):
    filler, sentence, written, typed = MARKED_WORDS[case]
    write_page(tmp_path / "writes.html", "writes", [filler[0], sentence, filler[1]])
    write_page(tmp_path / "other.html", "other", [filler[1], filler[0]])
    cli("ingest", tmp_path, "--db", db_path)
    hits = json_lines(cli("search", typed, "--all", "--json", "--db", db_path).stdout)
    assert [h["title"] for h in hits] == ["writes"]
    assert f"[{written}]" in hits[0]["snippet"], hits[0]["snippet"]


def test_an_arabic_word_without_marks_finds_no_longer_word_it_starts():
    """"جدا" (very) is not "جدار" (wall): folding marks keeps words whole."""
    from store.script_index import snippet

    text = "سقط جدار المدرسة القديم أمس، والوضع الآن هادئ جداً في الحي."
    assert "[جداً]" in snippet(text, ["جدا"]) and "[جدار" not in snippet(text, ["جدا"])


def test_an_archive_with_the_older_bigram_index_gets_the_script_index_on_its_next_write(cli, db_path, tmp_path):
    """An archive whose second index held bigrams only (_bigram_fts) searched Arabic in
    articles_fts, marks and all: its next ingest makes the script index, ids kept."""
    import sqlite3

    from store.schema import FTS_TOKENIZE
    from store.script_index import OLDER_FTS, SCRIPT_FTS

    filler, sentence, written, typed = MARKED_WORDS["ar-tanween"]
    first = tmp_path / "night1"
    first.mkdir()
    write_page(first / "writes.html", "writes", [filler[0], sentence, filler[1]])
    write_page(first / "zh.html", FILLER["zh"][0][:12], [FILLER["zh"][0], CASES["zh"][0], FILLER["zh"][1]])
    cli("ingest", first, "--db", db_path)
    with sqlite3.connect(db_path) as conn:  # as the older newsarchive left it
        conn.execute(f"DROP TABLE {SCRIPT_FTS}")
        conn.execute(f"CREATE VIRTUAL TABLE {OLDER_FTS} USING fts5(title, text, content='', tokenize="
                     f"'{FTS_TOKENIZE.replace(chr(39), chr(39) * 2)}')")
        ids = dict(conn.execute("SELECT title, id FROM articles"))
    assert json_lines(cli("search", typed, "--json", "--db", db_path).stdout) == []  # the old fault

    later = tmp_path / "night2"
    later.mkdir()
    write_page(later / "other.html", "other", [filler[1], filler[0]])
    cli("ingest", later, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert SCRIPT_FTS in tables and OLDER_FTS not in tables
        assert {title: i for title, i in conn.execute("SELECT title, id FROM articles") if title in ids} == ids
    assert [h["id"] for h in json_lines(cli("search", typed, "--json", "--db", db_path).stdout)] == [ids["writes"]]
    zh_hits = json_lines(cli("search", CASES["zh"][1], "--json", "--db", db_path).stdout)
    assert [h["id"] for h in zh_hits] == [ids[FILLER["zh"][0][:12]]]
