"""Bytes to text: UTF-8 first, then the encoding charset-normalizer detects.

charset-normalizer alone misreads short Western European news: for the
windows-1252 bytes of "Juan Guaidó se proclamó ..." its best() guess is cp775
("Guaid¾"), although cp1252 decodes the bytes just as cleanly. So among the
candidates that read about as cleanly as the best one (chaos within
CHAOS_TOLERANCE) and whose letters fit a language about as well (COHERENCE_TOLERANCE),
the first encoding of LEGACY_PREFERENCE wins; the statistics
decide only when none of those fits. Text that is mostly control characters is
binary, whatever it decodes as. Where the plausible readings differ (Turkish
windows-1254 bytes read as windows-1252 turn "ş" into "þ" and decode just as
cleanly), the reading whose words look most like a language wins: CLD2's score for
its language (pycld2, already the language detector) must beat the preferred
reading's by LANGUAGE_MARGIN. A language whose alphabet windows-1252 cannot write (Hungarian,
Czech, Polish, Turkish, ...: OWN_CODE_PAGES) was written in one of its own code pages: where
CLD2 finds one in the preferred reading, the best-scoring reading in those wins.

An encoding the input declares (a WARC record's HTTP charset, else the page's <meta charset>
or <?xml encoding>), read as browsers read its label (a "gb2312" page as GBK, an
"iso-8859-1" one as windows-1252), is the page's when it decodes the bytes; only
windows-1252, the default servers and templates state whatever the page holds, goes first
among the readings and gives way to one that looks far more like a language (a Russian
page whose template says iso-8859-1). Chinese, Japanese and
Korean pages in legacy encodings need more: charset-normalizer's chaos measure can drop
the clean GBK reading of a large page full of markup and offer only one-byte readings,
whose gibberish CLD2 scores higher as Russian than the true reading as Chinese; so where
the statistics offer no CJK encoding, a reading in one in which CLD2 finds Chinese,
Japanese or Korean wins. Such a page with a few damaged bytes (a character cut in two)
reads with U+FFFD there, as a browser shows it, instead of being rejected as binary.

ISO-2022-JP and ISO-2022-KR are 7-bit: UTF-8 reads them, as gibberish between escapes. Where
an escape that designates one of their character sets says so, they are read as themselves.

`decode(data, limit)` decodes at most the first `limit` bytes (an incremental
decoder, so a character split at the cut is dropped, not an error): a 45 MB file
costs a 45 MB string and more in the cleaner, the prefix costs what the limit
allows. Detection always looks at a bounded prefix (SNIFF_BYTES) only.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

import pycld2
from charset_normalizer import from_bytes

# Legacy encodings that news scrapers actually meet, most common first.
LEGACY_PREFERENCE = ("cp1252", "iso8859_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251",
                     "koi8_r", "cp1253", "cp1254", "cp1257", "shift_jis", "euc_jp", "gb18030",
                     "big5", "euc_kr")
# The legacy encodings browsers decode (the WHATWG Encoding Standard), by Python's names,
# less its two classic Mac OS ones: what a news page or a scraper's file can be in.
# charset-normalizer also offers DOS and Mac code pages (cp775, cp852, mac_iceland, whose
# could-be list names mac_roman; johab), which read an English page with a few curly
# quotes at least as "cleanly" and turn its quotes into letters.
WEB_ENCODINGS = frozenset({
    "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "koi8_r", "koi8_u", "cp874", "cp1250", "cp1251", "cp1252",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "iso8859_1", "latin_1",
    "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis",
    "cp932", "euc_kr", "cp949",
})
CHAOS_TOLERANCE = 0.05
# ...and whose letters fit a language about as well as the best reading's (charset-normalizer's
# coherence, within this much): undeclared Hebrew in windows-1255 reads as well-formed Greek
# or Cyrillic in windows-1253 or windows-1251 (coherence 0.28 and 0.32 against 0.80), which
# CLD2 then scores higher than the Hebrew
COHERENCE_TOLERANCE = 0.1
# A reading that is not the preferred one wins when CLD2 scores its language this many
# times higher (a Turkish page: 1608 in windows-1254, 827 in windows-1252; readings
# that differ in no letter score alike).
LANGUAGE_MARGIN = 1.25
# How much of the sample CLD2 reads to score a reading (bytes; about 1 ms per 20 KB).
LANGUAGE_SAMPLE_BYTES = 20_000
SNIFF_BYTES = 200_000
MAX_CONTROL_SHARE = 0.05
# Unicode category Cc except tab, newline, vertical tab, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# A page's own word on its encoding: <meta charset>, <meta http-equiv="Content-Type"
# content="...; charset=..."> or <?xml encoding>, looked for in its first DECLARATION_BYTES
# (browsers prescan 1024 bytes; pages that put scripts and styles first declare later).
DECLARATION_BYTES = 4096
_CHARSET_PARAMETER = r"""charset\s{0,4}=\s{0,4}["']?([A-Za-z0-9._:-]{1,40})"""  # as Content-Type has it
_DECLARED = re.compile(
    ("<meta[^>]{0,400}?" + _CHARSET_PARAMETER
     + r"""|<\?xml[^>]{0,200}?encoding\s{0,4}=\s{0,4}["']([A-Za-z0-9._:-]{1,40})""").encode(), re.I)
_CONTENT_TYPE_CHARSET = re.compile(_CHARSET_PARAMETER, re.I)
# Labels whose decoder in browsers (the WHATWG Encoding Standard) reads a superset of what
# Python's codec of that name reads: a "gb2312" page holds GBK characters, "iso-8859-1"
# pages hold windows-1252 quotes, "shift_jis" pages Microsoft's extensions.
_BROWSER_DECODER = {
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "chinese", "csgb2312",
                     "csiso58gb231280", "iso-ir-58", "gb18030"), "gb18030"),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"), "big5hkscs"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "ms932",
                     "windows-31j"), "cp932"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean",
                     "windows-949", "iso-ir-149", "cseuckr", "csksc56011987"), "cp949"),
    **dict.fromkeys(("iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp819",
                     "ibm819", "iso_8859-1", "x-cp1252"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5", "iso_8859-9"), "cp1254"),
    **dict.fromkeys(("tis-620", "iso-8859-11", "iso8859-11", "windows-874", "dos-874"), "cp874"),
}
# The one declaration that is often wrong: windows-1252 ("iso-8859-1", "latin1"), the default
# charset servers and page templates state whatever the page holds. Any other encoding a page
# declares, and that reads its bytes, is the page's (CLD2's scores cannot overrule it: it scores
# the gibberish of Hebrew or Bulgarian bytes read as KOI8-R higher than the true reading)
DEFAULT_CHARSET = "cp1252"
# The multi-byte encodings of Chinese, Japanese and Korean pages, as browsers read them. Text
# in another encoding seldom reads strictly as one of them, so one that does is a candidate
# even when charset-normalizer, whose chaos measure the markup of a large legacy page can
# push past its threshold, offers none.
CJK_ENCODINGS = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949")
# A page in one of them with a few damaged bytes (a file cut inside a character, a CMS that
# joined two strings) reads with U+FFFD there, as a browser shows it, when it decodes
# into at least DAMAGED_CJK_RATIO characters of its script for each invalid byte (on 47
# Chinese pages in GBK, the wrong one of the five makes one invalid byte every 14 to 30
# characters) and CLD2 finds Chinese, Japanese or Korean in the reading.
DAMAGED_CJK_RATIO = 60
# GBK's bytes A3 A0, which Chinese pages set as a full-width space (an indent of two opens
# many a paragraph): Python's gb18030 reads them as U+E5E5, a private-use character, where
# browsers (the WHATWG index) show U+3000, the ideographic space
GBK_SPACE = "\ue5e5"
# Every CJK codec of Python's, by its name: the statistics may offer any of them
CJK_CODECS = frozenset({
    *CJK_ENCODINGS, "big5", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_kr", "gb2312", "gbk",
    "hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3",
    "iso2022_jp_ext", "iso2022_kr", "johab", "shift_jis", "shift_jis_2004", "shift_jisx0213",
})
# CLD2's codes of the languages written in them
CJK_LANGUAGES = frozenset({"zh", "zh-Hant", "ja", "ko"})


def declared_encoding(data: bytes) -> str | None:
    """The Python codec of the encoding a page declares in its first DECLARATION_BYTES (as a
    browser reads that label: browser_codec), or None: no declaration, UTF-8, or a label
    that is no web encoding."""
    found = _DECLARED.search(data[:DECLARATION_BYTES])
    return None if found is None else browser_codec((found.group(1) or found.group(2)).decode("ascii"))


def content_type_charset(content_type: str) -> str | None:
    """The charset label a Content-Type value names ("text/html; charset=ISO-8859-2"), or None."""
    found = _CONTENT_TYPE_CHARSET.search(content_type)
    return found.group(1) if found else None


def browser_codec(label: str) -> str | None:
    """The Python codec that reads an encoding label's text as browsers do (the superset
    _BROWSER_DECODER names, else the label's own codec), or None for UTF-8 or a label that
    names no web encoding."""
    label = label.strip().lower()
    if label in _BROWSER_DECODER:
        return _BROWSER_DECODER[label]
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    return name if name in WEB_ENCODINGS else None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(data: bytes) -> str | None:
    """The legacy encoding the bytes are most plausibly in, or None if they look binary
    (see `reading_encoding`, which also says whether a few bytes are damaged)."""
    found = reading_encoding(data)
    return None if found is None else found[0]


def reading_encoding(data: bytes, label: str | None = None) -> tuple[str, str] | None:
    """(encoding, errors) to read bytes that are not UTF-8 with, or None if they look binary;
    errors is "replace" for a CJK page with a few damaged bytes (DAMAGED_CJK_RATIO), else
    "strict".

    - Where the statistics (_ranked_by_statistics) offer no CJK encoding, a reading in one of
      CJK_ENCODINGS in which CLD2 finds Chinese, Japanese or Korean wins (_cjk_reading).
    - The encoding the input declares wins when it reads the bytes: `label`, the one its
      transport names (a WARC record's HTTP Content-Type), which outranks a page's own, as in
      browsers; else the page's (declared_encoding). A declared DEFAULT_CHARSET only goes
      first among the statistics' readings.
    - Of those readings the first wins unless another looks far more like a language
      (_most_like_a_language).
    """
    sample = data[:SNIFF_BYTES]
    ranked = _ranked_by_statistics(sample)
    declared = (label and browser_codec(label)) or declared_encoding(sample)
    if CJK_CODECS.isdisjoint(ranked):
        found = _cjk_reading(sample, declared)
        if found is not None:
            return found
    if declared is not None and (declared in ranked or _decodes(sample, declared)):
        if declared != DEFAULT_CHARSET:
            return declared, "strict"
        ranked = _declared_first(declared, ranked)
    if not ranked:
        return None
    return _most_like_a_language(sample, ranked), "strict"


def _cjk_reading(sample: bytes, declared: str | None) -> tuple[str, str] | None:
    """(encoding, errors) of a reading in CJK_ENCODINGS in which CLD2 finds Chinese, Japanese
    or Korean, the declared one or else the one it scores highest; None if there is none.

    For bytes that statistics read in a one-byte encoding only: CLD2 scores the gibberish
    Cyrillic of GBK bytes read as windows-1251 higher as Russian than the Chinese reading as
    Chinese, so the language contest cannot decide between them. Text in a one-byte
    encoding seldom reads as a CJK encoding at all, and then as its Latin words with a few
    stray characters, which CLD2 does not take for Chinese, Japanese or Korean; or, in
    Shift_JIS, as halfwidth katakana, which _cjk_language_score turns down.
    """
    errors, order = "strict", _declared_first(declared, CJK_ENCODINGS)
    cjk = [e for e in order if _decodes(sample, e)]
    if not cjk:
        errors = "replace"
        cjk = [e for e in order if _few_damaged_bytes(sample, e)]
    scores = {e: _cjk_language_score(sample, e) for e in cjk}
    confident = [e for e in cjk if scores[e] > 0]
    if not confident:
        return None
    best = declared if declared in confident else max(confident, key=scores.__getitem__)
    return best, errors


def _declared_first(declared: str | None, encodings: Iterable[str]) -> list[str]:
    """The encodings with the declared one (if any) first."""
    rest = [e for e in encodings if e != declared]
    return rest if declared is None else [declared, *rest]


def _cjk_language_score(sample: bytes, encoding: str) -> float:
    """CLD2's score for the reading in `encoding` (invalid bytes read as U+FFFD) if the
    language it finds there is Chinese, Japanese or Korean and it is not mostly halfwidth
    katakana, else 0."""
    text = _decode_prefix(sample, encoding, LANGUAGE_SAMPLE_BYTES, "replace")
    if len(_HALFWIDTH_KATAKANA.findall(text)) > MAX_HALFWIDTH_KATAKANA * len(_CJK_CHARACTER.findall(text)):
        return 0.0
    language, score, _ = _cld2(_CONTROLS.sub("", text))
    return score if language in CJK_LANGUAGES else 0.0


def _ranked_by_statistics(sample: bytes) -> list[str]:
    """charset-normalizer's readings of the bytes, the most plausible first (see
    reading_encoding)."""
    matches = list(from_bytes(sample))
    offered = {encoding for match in matches for encoding in match.could_be_from_charset}
    missing = [e for e in LEGACY_PREFERENCE if e not in offered and _decodes(sample, e)]
    if missing:
        matches += list(from_bytes(sample, cp_isolation=missing))
    if not matches:
        return []
    for keep in (lambda m: WEB_ENCODINGS.intersection(m.could_be_from_charset),
                 lambda m: m.coherence > 0):  # a reading in no language at all is no reading
        if any(keep(m) for m in matches):
            matches = [m for m in matches if keep(m)]
    least = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least + CHAOS_TOLERANCE]
    most = max(m.coherence for m in plausible)  # how well its letters fit a language
    plausible = [m for m in plausible if m.coherence >= most - COHERENCE_TOLERANCE]
    ranked = [encoding for encoding in LEGACY_PREFERENCE
              if any(encoding in match.could_be_from_charset for match in plausible)]
    ranked += [m.encoding for m in sorted(plausible, key=lambda m: m.chaos) if m.encoding not in ranked]
    return ranked


# Han, kana, Hangul and fullwidth forms; not the halfwidth katakana (U+FF61-FF9F) that
# Shift_JIS gives the bytes 0xA1-0xDF, which are the letters of KOI8-R, ISO-8859 and
# windows-125x text: Russian read as cp932 is 98% halfwidth katakana (CLD2 calls it
# Japanese), Japanese pages hold a few percent at most
_CJK_CHARACTER = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]")
_HALFWIDTH_KATAKANA = re.compile(r"[\uff61-\uff9f]")
MAX_HALFWIDTH_KATAKANA = 0.25  # of the reading's CJK characters


def _few_damaged_bytes(sample: bytes, encoding: str) -> bool:
    """Whether the bytes read in a CJK encoding with invalid bytes, but DAMAGED_CJK_RATIO
    characters of its script or more for each of them."""
    text = _decode_prefix(sample, encoding, None, "replace")
    invalid = text.count("\ufffd")
    return invalid > 0 and len(_CJK_CHARACTER.findall(text)) >= DAMAGED_CJK_RATIO * invalid


# Languages whose alphabet windows-1252 cannot write (Hungarian "ő", Czech "ř", Turkish "ş"), by
# CLD2's codes, and the code pages their writers' systems used: Windows' for the language and
# its ISO twins. Text in such a language was written in one of them, whatever windows-1252
# makes of it: undeclared Hungarian reads in windows-1252 as cleanly as in ISO-8859-2, "õ" for
# "ő", and CLD2 finds Hungarian in both, scoring them within LANGUAGE_MARGIN.
_CENTRAL_EUROPEAN = ("cp1250", "iso8859_2")
OWN_CODE_PAGES = {
    **dict.fromkeys(("cs", "sk", "pl", "hu", "sl", "hr", "bs"), _CENTRAL_EUROPEAN),
    "ro": (*_CENTRAL_EUROPEAN, "iso8859_16"),
    "tr": ("cp1254", "iso8859_9"), "az": ("cp1254", "iso8859_9"),
    "lv": ("cp1257", "iso8859_13", "iso8859_4"), "lt": ("cp1257", "iso8859_13", "iso8859_4"),
    "vi": ("cp1258",),
}


def _cld2(text: str) -> tuple[str, float, bool]:
    """CLD2's code, normalised score and certainty for the language it finds in the text
    ("un", 0 and False where it finds none)."""
    try:
        reliable, _, languages = pycld2.detect(text)
    except pycld2.error:  # control characters it takes for invalid UTF-8
        return "un", 0.0, False
    return languages[0][1], float(languages[0][3]), reliable


def _language_score(text: str) -> float:
    """CLD2's normalised score for the language it finds in the text (0 when it finds none)."""
    return _cld2(text)[1]


def _most_like_a_language(sample: bytes, ranked: list[str]) -> str:
    """The first of the ranked encodings unless a later one's reading scores LANGUAGE_MARGIN
    times higher as a language (readings that differ in no letter score alike); but where
    CLD2 finds in the first reading a language of OWN_CODE_PAGES, the reading in one of its
    code pages (ranked or not) that scores highest."""
    readings: dict[str, str] = {}
    for encoding in ranked:
        try:
            readings[encoding] = _decode_prefix(sample, encoding, LANGUAGE_SAMPLE_BYTES)
        except (UnicodeDecodeError, LookupError):
            continue
    if len(set(readings.values())) < 2:
        return next(iter(readings), ranked[0])
    found = {encoding: _cld2(text) for encoding, text in readings.items()}
    scores = {encoding: score for encoding, (_, score, _) in found.items()}
    language, _, sure = found[next(iter(readings))]
    pages = OWN_CODE_PAGES.get(language, ()) if sure else ()  # (a short text: CLD2 is not sure)
    if pages:  # the language's own code pages, offered by the statistics or not, if they read the bytes
        own = [e for e in readings if e in pages]
        for encoding in pages:
            if encoding not in readings:
                try:
                    text = _decode_prefix(sample, encoding, LANGUAGE_SAMPLE_BYTES)
                except UnicodeDecodeError:
                    continue
                own.append(encoding)
                scores[encoding] = _language_score(text)
        own = [e for e in own if scores[e] > 0]  # (C1 controls, where windows-1252 had quotes: no language)
        if own:
            return max(own, key=scores.__getitem__)  # (the first of equals: the ranked order)
    best = max(scores.values())
    return next(e for e in readings if scores[e] * LANGUAGE_MARGIN >= best)


# the same characters, counted in UTF-8: C0 controls and DEL are bytes of their own there
# (every byte of a longer sequence is 0x80 or more), C1 controls are 0xC2 then 0x80-0x9F
_C0_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def control_characters(text: str) -> int:
    """How many control characters (_CONTROLS) a text holds. Counted on its UTF-8 bytes:
    deleting bytes is a C loop, about ten times faster than the regex over the text,
    and every input passes here."""
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded) - len(encoded.translate(None, _C0_BYTES)) + len(_C1_UTF8.findall(encoded))


def looks_binary(text: str) -> bool:
    """Whether decoded text is mostly control characters (a binary file that happened to decode)."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return False
    return control_characters(sample) / len(sample) > MAX_CONTROL_SHARE


def _decode_prefix(data: bytes, encoding: str, limit: int | None, errors: str = "strict") -> str:
    """The bytes (at most the first `limit`) as text; raises UnicodeDecodeError or LookupError
    (with `errors` "strict")."""
    if limit is None or len(data) <= limit:
        return data.decode(encoding, errors)
    return codecs.getincrementaldecoder(encoding)(errors).decode(data[:limit], final=False)


# A UTF-8 file damaged in a few places (a CMS that cut a string inside a character, a
# scraper that joined files) is still UTF-8: read in a legacy encoding, every other
# non-ASCII character of it turns into two ("się" into "siÄ\x99"). Its bytes hold valid
# multi-byte sequences by the hundred where a legacy encoding's text holds almost none
# (an accented letter of windows-1252 is one high byte, then ASCII): with at least
# DAMAGED_UTF8_RATIO valid sequences for each invalid byte, the few invalid bytes
# become U+FFFD, as a browser shows them.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
DAMAGED_UTF8_RATIO = 10  # legacy encodings' text: under 0.25 (GBK, Shift_JIS, EUC-KR, windows-1252 make a few by chance)


def _damaged_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are UTF-8 with a few invalid bytes (see above)."""
    sample = data[:SNIFF_BYTES]
    invalid = sample.decode("utf-8", "replace").count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    return invalid > 0 and len(_UTF8_SEQUENCE.findall(sample)) >= DAMAGED_UTF8_RATIO * invalid


# 7-bit encodings that switch character sets by escape sequences: their bytes are ASCII, so
# UTF-8 reads them, with the escapes as control characters and the Japanese or Korean text as
# ASCII gibberish ("%3%s%=!<%k"). An escape that designates a set of theirs names the family
# as surely as a byte order mark names UTF-16 (no other text holds one): ISO-2022-KR's
# announcer "ESC $ ) C", or ISO-2022-JP's JIS X 0208, 0212, Roman or katakana designations
# (browsers read ISO-2022-JP; the _ext and _2 variants add katakana and more sets).
_ISO_2022 = re.compile(rb"\x1b(?:(\$\)C)|\$[@B]|\$\(D|\([JI])")
ISO_2022_KR = ("iso2022_kr",)
ISO_2022_JP = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2")


def _iso_2022(data: bytes, limit: int | None) -> str | None:
    """The bytes read in the ISO-2022 encoding their first designating escape (in the first
    SNIFF_BYTES) names, or None when they hold none or no such encoding reads them."""
    found = _ISO_2022.search(data, 0, SNIFF_BYTES)
    if found is None:
        return None
    for encoding in ISO_2022_KR if found.group(1) else ISO_2022_JP:
        try:
            return _decode_prefix(data, encoding, limit)
        except UnicodeDecodeError:
            continue
    return None


def decode(data: bytes, limit: int | None = None, label: str | None = None) -> str | None:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM; UTF-8 with a few invalid bytes, which become
    U+FFFD, _damaged_utf8; ISO-2022-JP or -KR where their escapes say so, _iso_2022), else as
    the detected encoding (reading_encoding; `label`: the encoding the input's transport
    names, such as a WARC record's HTTP charset); None if binary.

    With `limit`, only the first `limit` bytes are decoded (the caller cleans no more than
    that); whether the bytes are UTF-8 is then decided on that prefix.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = _decode_prefix(data, "utf-16", limit)
        except UnicodeDecodeError:
            return None
        return None if looks_binary(text) else text
    if b"\x00" in data[:8192]:
        return None
    try:
        text = _decode_prefix(data, "utf-8-sig", limit)
        if "\x1b" in text:  # (an escape is a control character: text holds none)
            text = _iso_2022(data, limit) or text
    except UnicodeDecodeError:
        if _damaged_utf8(data):
            text = _decode_prefix(data, "utf-8-sig", limit, "replace")
        else:
            found = reading_encoding(data, label)
            if found is None:
                return None
            encoding, errors = found
            try:
                text = _decode_prefix(data, encoding, limit, errors)
            except (UnicodeDecodeError, LookupError):
                return None
            if encoding == "gb18030" and GBK_SPACE in text:
                text = text.replace(GBK_SPACE, "\u3000")
    return None if looks_binary(text) else text
