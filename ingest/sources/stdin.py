"""Standard input (`ingest -`): one input of any kind the readers take, told by its first bytes."""

from __future__ import annotations

import hashlib
import json
import io
import sys
from pathlib import Path

from ..config import InputOptions
from ..models import Reject
from . import feeds
from .files import InputFile, gunzip, read_capped
from .pages import HTML_SNIFF

STDIN = "-"


def kind_of(data: bytes) -> str:
    """What a stream holds, by its first bytes: warc, jsonl, json, xml (an RSS or Atom feed), html or txt."""
    head = data[:512].lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):  # JSON Lines if its first line is a whole value, else one (pretty) object
        end = data.find(b"\n")
        try:
            json.loads(data if end < 0 else data[:end])
        except (ValueError, RecursionError):
            return "json"
        return "jsonl"
    if feeds.has_feed_root(data):
        return "xml"
    return "html" if head.lower().startswith(HTML_SNIFF) else "txt"


def read_stdin(options: InputOptions, stream: "io.BufferedIOBase | None" = None) -> InputFile | Reject:
    """Standard input (`ingest -`) as one input, read up to input.max_file_bytes: a JSON
    Lines stream, a WARC, an RSS or Atom feed, an HTML page or plain text, told by its
    first bytes (gzip is decompressed). Its location is `stdin.jsonl` (`.json`, `.warc`, `.xml`,
    `.html`, `.txt`), so that its records are named as a file's are (`stdin.jsonl#L3`),
    and its source is "stdin"."""
    stream = stream or sys.stdin.buffer
    data = read_capped(stream.read, options.max_file_bytes)
    if data is None:
        return Reject("stdin", f"standard input is larger than input.max_file_bytes "
                               f"({options.max_file_bytes:,} bytes)", None)
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, "stdin", options.max_file_bytes)
        if isinstance(data, Reject):
            return data
    location = f"stdin.{kind_of(data)}"
    return InputFile(Path("stdin") / location, location, hashlib.sha256(data).hexdigest(), data)
