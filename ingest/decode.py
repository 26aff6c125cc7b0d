"""Bytes to text: UTF-8 first, then the encoding charset-normalizer detects.

charset-normalizer alone misreads short Western European news: for the
windows-1252 bytes of "Juan Guaidó se proclamó ..." its best() guess is cp775
("Guaid¾"), although cp1252 decodes the bytes just as cleanly. So among the
candidates that read about as cleanly as the best one (chaos within
CHAOS_TOLERANCE), the first encoding of LEGACY_PREFERENCE wins; the statistics
decide only when none of those fits. Text that is mostly control characters is
binary, whatever it decodes as. Where the plausible readings differ (Turkish
windows-1254 bytes read as windows-1252 turn "ş" into "þ" and decode just as
cleanly), the reading whose words look most like a language wins: CLD2's score for
its language (pycld2, already the language detector) must beat the preferred
reading's by LANGUAGE_MARGIN.

`decode(data, limit)` decodes at most the first `limit` bytes (an incremental
decoder, so a character split at the cut is dropped, not an error): a 45 MB file
costs a 45 MB string and more in the cleaner, the prefix costs what the limit
allows. Detection always looks at a bounded prefix (SNIFF_BYTES) only.
"""

from __future__ import annotations

import codecs
import re

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


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(data: bytes) -> str | None:
    """The legacy encoding the bytes are most plausibly in, or None if they look binary.

    charset-normalizer's candidates, plus those of LEGACY_PREFERENCE that decode the bytes
    but that it left out (it offers no cp1252 for some English pages with a few curly
    quotes). Readings in WEB_ENCODINGS are kept while there is one; a reading it finds
    coherent in no language (three kanji among English words) is dropped while another
    reading is coherent. Among the candidates that read about as
    cleanly as the best (chaos within CHAOS_TOLERANCE), the first of LEGACY_PREFERENCE
    wins, unless another reading looks far more like a language (_most_like_a_language).
    """
    sample = data[:SNIFF_BYTES]
    matches = list(from_bytes(sample))
    offered = {encoding for match in matches for encoding in match.could_be_from_charset}
    missing = [e for e in LEGACY_PREFERENCE if e not in offered and _decodes(sample, e)]
    if missing:
        matches += list(from_bytes(sample, cp_isolation=missing))
    if not matches:
        return None
    for keep in (lambda m: WEB_ENCODINGS.intersection(m.could_be_from_charset),
                 lambda m: m.coherence > 0):  # a reading in no language at all is no reading
        if any(keep(m) for m in matches):
            matches = [m for m in matches if keep(m)]
    least = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least + CHAOS_TOLERANCE]
    ranked = [encoding for encoding in LEGACY_PREFERENCE
              if any(encoding in match.could_be_from_charset for match in plausible)]
    ranked += [m.encoding for m in sorted(plausible, key=lambda m: m.chaos) if m.encoding not in ranked]
    return _most_like_a_language(sample, ranked)


def _language_score(text: str) -> float:
    """CLD2's normalised score for the language it finds in the text (0 when it finds none)."""
    try:
        _, _, languages = pycld2.detect(text)
    except pycld2.error:  # control characters it takes for invalid UTF-8
        return 0.0
    return float(languages[0][3])


def _most_like_a_language(sample: bytes, ranked: list[str]) -> str:
    """The first of the ranked encodings unless a later one's reading scores LANGUAGE_MARGIN
    times higher as a language (readings that differ in no letter score alike)."""
    readings: dict[str, str] = {}
    for encoding in ranked:
        try:
            readings[encoding] = _decode_prefix(sample, encoding, LANGUAGE_SAMPLE_BYTES)
        except (UnicodeDecodeError, LookupError):
            continue
    if len(set(readings.values())) < 2:
        return next(iter(readings), ranked[0])
    scores = {encoding: _language_score(text) for encoding, text in readings.items()}
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


def decode(data: bytes, limit: int | None = None) -> str | None:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM; UTF-8 with a few invalid bytes, which become
    U+FFFD, _damaged_utf8), else as the detected encoding; None if binary.

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
    except UnicodeDecodeError:
        if _damaged_utf8(data):
            text = _decode_prefix(data, "utf-8-sig", limit, "replace")
        else:
            encoding = detect_encoding(data)
            if encoding is None:
                return None
            try:
                text = _decode_prefix(data, encoding, limit)
            except (UnicodeDecodeError, LookupError):
                return None
    return None if looks_binary(text) else text
