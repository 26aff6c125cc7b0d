"""Scraped articles as a JSON file (.json, optionally .gz): one object (trafilatura's JSON
output, one page a file) or an array of objects (`scrapy crawl -o items.json`).

Each object is an input of its own at `file.json#N` (N counts from 1), its raw bytes the
object's exact bytes in the file (JSON is UTF-8: the slice of the decoded text, encoded
again, is the file's bytes), read as a JSON line is (sources.jsonl: the same fields, the
same rejects). A file that is not JSON is a reject naming it; an array that breaks off
keeps the objects before the break and is a reject at the element where it broke.
"""

from __future__ import annotations

import hashlib
import json
import re

from ..models import Reject
from .files import InputFile

JSON_FILE = ".json"
_LOCATION = re.compile(r"\.json(?:\.gz)?#\d+$", re.IGNORECASE)
_SPACE = " \t\r\n"


def is_file(name: str) -> bool:
    """Whether a file (by name) is a JSON file."""
    return name.lower().removesuffix(".gz").endswith(JSON_FILE)


def is_location(location: str) -> bool:
    """Whether a stored location names one object of a JSON file."""
    return _LOCATION.search(location) is not None


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACE:
        i += 1
    return i


def _element(item: InputFile, number: int, raw: str) -> InputFile:
    data = raw.encode("utf-8")
    return InputFile(item.path, f"{item.location}#{number}", hashlib.sha256(data).hexdigest(), data)


def split(item: InputFile) -> list[InputFile | Reject]:
    """The file as one input an object (see the module's docstring)."""
    try:
        text = item.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [Reject(item.location, f"not a JSON file: not UTF-8 ({exc})"[:300], item.sha256)]
    decoder = json.JSONDecoder()
    i = _skip(text, 0)
    if not text.startswith("[", i):  # one value: the file is one record
        try:
            _, end = decoder.raw_decode(text, i)
        except (json.JSONDecodeError, RecursionError) as exc:
            return [Reject(item.location, f"not a JSON file ({type(exc).__name__}: {exc})"[:300], item.sha256)]
        if _skip(text, end) != len(text):
            return [Reject(item.location, "not a JSON file: more than one value (JSON Lines? name it .jsonl)",
                           item.sha256)]
        return [_element(item, 1, text[i:end])]
    out: list[InputFile | Reject] = []
    i = _skip(text, i + 1)
    while not text.startswith("]", i):
        try:
            _, end = decoder.raw_decode(text, i)
        except (json.JSONDecodeError, RecursionError) as exc:
            out.append(Reject(f"{item.location}#{len(out) + 1}", f"the JSON array breaks off here "
                                                                  f"({type(exc).__name__}: {exc})"[:300],
                              f"json:{hashlib.sha256(text[i:].encode()).hexdigest()}"))
            return out
        out.append(_element(item, len(out) + 1, text[i:end]))
        i = _skip(text, end)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
        elif not text.startswith("]", i):
            out.append(Reject(f"{item.location}#{len(out) + 1}", "the JSON array breaks off here (no , or ] "
                                                                 "after an element)",
                              f"json:{hashlib.sha256(text[i:].encode()).hexdigest()}"))
            return out
    return out
