"""Where an article came from: its URL in canonical form, its site, and its language.

The URL, site name and author of an HTML page come from trafilatura's metadata
(canonical link, og:url, og:site_name, author tags), read by the HTML cleaner. Here:
the canonical form of a URL (courlan: host lower-cased, default port, fragment and
tracking parameters dropped), a site for a page that names none (its host), and the
language: the page's own `<html lang>` where it declares one, else detected from
the cleaned text by CLD2 (pycld2: Google's Compact Language Detector 2, the detector
Common Crawl annotates its pages with; 80+ languages, its tables compiled in: 7 MB and
no start-up cost, 0.07 ms an article. py3langid, tried first, took 0.8 s and 105 MB
in every process that loaded its model).
"""

from __future__ import annotations

import html as html_entities
import re
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pycld2
from courlan import normalize_url

# <html ... lang="de-AT">: the attribute within the tag's first 500 characters (bounded, linear).
_HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*",
                        re.IGNORECASE)
# og:site_name, its attributes in either order; og:url or the canonical link. Each
# quantifier is bounded, so a search costs a bounded amount per position (linear).
_SITE_NAME = re.compile(
    r"<meta\b[^>]{0,300}?(?:property|name)\s*=\s*[\"']og:site_name[\"'][^>]{0,300}?content\s*=\s*[\"']([^\"'<>]{1,200})"
    r"|<meta\b[^>]{0,300}?content\s*=\s*[\"']([^\"'<>]{1,200})[\"'][^>]{0,300}?(?:property|name)\s*=\s*[\"']og:site_name",
    re.IGNORECASE)
_PAGE_URL = re.compile(
    r"<link\b[^>]{0,300}?rel\s*=\s*[\"']?canonical[^>]{0,300}?href\s*=\s*[\"']?(https?://[^\"'\s<>]{1,2000})"
    r"|<meta\b[^>]{0,300}?property\s*=\s*[\"']og:url[\"'][^>]{0,300}?content\s*=\s*[\"'](https?://[^\"'\s<>]{1,2000})",
    re.IGNORECASE)
SNIFF_CHARS = 65_536  # a page's site is looked for in its first 64 KB (its head)
DETECT_CHARS = 1_000  # the language is detected on the cleaned text's first characters
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # CLD2 refuses them
MAX_URL_CHARS = 2_048


def canonical_url(url: str | None) -> str | None:
    """The URL's canonical form, or None for no URL or one that is not http(s)."""
    if not url or len(url) > MAX_URL_CHARS:
        return None
    try:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return None
        return normalize_url(url.strip()).split("#", 1)[0]  # tracking parameters go, the rest is sorted
    except (ValueError, TypeError):  # malformed ports, IPv6 literals
        return None


def fetch_time(value: str | None) -> str | None:
    """A fetch time as ISO 8601 (`2019-11-19T10:00:00+00:00`; a WARC-Date's `Z` kept as
    UTC), or the value as given (at most 64 characters) when it is no ISO date, or a Unix
    timestamp in seconds or milliseconds."""
    if value is None or not value.strip():
        return None
    text = value.strip()[:64]
    try:
        if text.replace(".", "", 1).isdigit():  # a Unix time
            seconds = float(text)
            seconds = seconds / 1000 if seconds > 1e11 else seconds
            return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")
        return datetime.fromisoformat(text).isoformat(timespec="seconds")
    except (ValueError, OverflowError, OSError):
        return text


def site_of(url: str | None, site_name: str | None) -> str | None:
    """The page's site: its declared name (og:site_name), else its URL's host without www."""
    if site_name and site_name.strip():
        return " ".join(site_name.split())[:200]
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def sniff_site(html: str) -> str | None:
    """The site an HTML page names in its head (og:site_name, else its canonical URL's host),
    read before cleaning so that the page's source, and the source's template lines, are its site's.
    An attribute's character references are decoded ("Smith &amp; Sons" is "Smith & Sons"),
    as trafilatura decodes the site name it stores in `site`."""
    found = _SITE_NAME.search(html, 0, SNIFF_CHARS)
    if found:
        name = " ".join(html_entities.unescape(found.group(1) or found.group(2)).split())
        if name:
            return name[:200]
    found = _PAGE_URL.search(html, 0, SNIFF_CHARS)
    return site_of(html_entities.unescape(found.group(1) or found.group(2)), None) if found else None


def declared_language(html: str) -> str | None:
    """The primary language subtag an HTML page declares on its <html> element, lower case."""
    found = _HTML_LANG.search(html, 0, 20_000)
    return found.group(1).lower() if found else None


def detect_language(text: str) -> str | None:
    """The language of a text (an ISO 639-1 code where one exists, as CLD2 names it), or
    None when CLD2 cannot tell (too little text, no letters)."""
    sample = _CONTROLS.sub(" ", text[:DETECT_CHARS]).encode("utf-8", "replace").decode("utf-8")
    try:
        _, _, languages = pycld2.detect(sample)
    except pycld2.error:  # text CLD2 refuses (control characters it takes for invalid UTF-8)
        return None
    code = languages[0][1]
    return None if code in ("un", "xxx") else code
