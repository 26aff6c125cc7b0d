"""Reading inputs into RawDocuments (or Rejects): one module per format.

- files: finding files under folders and reading their bytes (bounded, never hanging);
- stdin: standard input (`ingest -`), its kind told by its first bytes;
- pages: a single HTML page or plain-text file;
- jsonl: JSON Lines of scraped articles, one input a line (`file.jsonl#L3`);
- jsonfile: a JSON file of one scraped article or an array of them (`items.json#3`);
- warc: WARC files, one input an HTML response record (`crawl.warc#1234`);
- feeds: RSS and Atom feeds, one input an entry (`feed.xml#entry=3`).

A file is read whole (`read_input`, up to input.max_file_bytes), then split into its
records (`expand_records`: one input a JSON line or WARC record, each with its own
location and sha256, kept byte for byte), then each input is decoded for cleaning
(`to_document`), which tells the format from the input's location, so that `reclean`
decodes a stored record as the ingest did. Reading never raises for bad input: it
becomes a Reject naming the input (or record) and why.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..config import InputOptions
from ..models import RawDocument, Reject, Skipped
from . import feeds, jsonfile, jsonl, pages, warc
from .files import InputFile, input_size, location_of, printable, read_input, walk
from .stdin import STDIN, read_stdin

__all__ = ["InputFile", "STDIN", "expand_records", "find_inputs", "input_size", "location_of", "printable",
           "read_document", "read_input", "read_records", "read_stdin", "to_document"]


def find_inputs(paths: list[str | Path], options: InputOptions) -> Iterator[Path | InputFile | Reject]:
    """Every wanted file under the paths, in a stable order; what cannot be listed is a Reject.

    A path given by name is always yielded (whatever its kind or ending), so that
    reading it can say what is wrong with it; it is read even when it is a symbolic
    link that leads elsewhere: the user named it. Inside the named folders, a link
    (to a file or a folder) that leads outside all of them is a Reject unless
    input.follow_links_outside is true: a folder of scraped files should not make
    the ingest read, and archive, a private file elsewhere. A named folder that is
    itself a link is followed, and its target is then one of the folders named.
    `-` is standard input, read there and then.
    """
    roots = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    for given in paths:
        if str(given) == STDIN:  # `ingest -`: standard input, read here and now
            yield read_stdin(options)
            continue
        path = Path(given)
        if path.is_dir():
            yield from walk(path, options, roots)
        elif path.exists() or path.is_symlink():
            yield path.absolute()
        else:
            yield Reject(location_of(path), "no such file or folder")


def expand_records(items: list[InputFile | Reject]) -> list[InputFile | Reject | Skipped]:
    """The inputs with each JSON Lines file replaced by one input a line (sources.jsonl),
    each JSON file by one input an object (sources.jsonfile), each WARC file by one input
    an HTML response (sources.warc; its other records become `Skipped`), and each feed by
    one input an entry (sources.feeds).
    A .xml file that is neither a feed nor a page is a Reject (a sitemap is no article), and so
    is a file its splitter (or the splitter's library) fails on unforeseen: an internal error,
    without a fingerprint so that the next run tries it again; the run goes on."""
    out: list[InputFile | Reject | Skipped] = []
    for item in items:
        if not isinstance(item, InputFile):
            out.append(item)
            continue
        try:
            out += _records(item)
        except Exception as exc:  # noqa: BLE001 - a splitter's bug (or its library's) on one file, not the run's
            # no fingerprint: tried again by the next run, as to_document's internal errors are
            out.append(Reject(item.location, f"internal error while splitting this file into its records "
                                             f"({type(exc).__name__}: {exc}); please report it. "
                                             f"It is tried again on the next run."[:300]))
    return out


def _records(item: InputFile) -> list[InputFile | Reject | Skipped]:
    name = item.path.name
    if jsonl.is_file(name):
        return jsonl.split(item)
    if jsonfile.is_file(name):
        return jsonfile.split(item)
    if warc.is_file(name):
        return warc.split(item)
    if feeds.is_feed(name, item.data):
        return feeds.split(item)
    if name.lower().removesuffix(".gz").endswith(feeds.XML_FILE) and feeds.root_name(item.data) != "html":
        root = feeds.root_name(item.data)
        return [Reject(item.location, "an XML file that is not an RSS or Atom feed"
                       + (f" (its root element is <{root}>)" if root else ""), item.sha256)]
    return [item]


def holds_records(name: str) -> bool:
    """Whether a file (by name) may hold many inputs: JSON Lines, JSON, WARC, a feed (or a .xml)."""
    lower = name.lower().removesuffix(".gz")
    return (jsonl.is_file(name) or jsonfile.is_file(name) or warc.is_file(name)
            or lower.endswith(feeds.FEED_FILE + (feeds.XML_FILE,)))


def read_records(items: Iterable[Path | InputFile | Reject],
                 options: InputOptions) -> Iterator[Path | InputFile | Reject | Skipped]:
    """The inputs, with each file that holds records (`holds_records`) and standard input
    read and split into its records as they come, so that batches are cut between records:
    batch_size and batch_bytes then hold for a WARC or JSON Lines file of thousands of
    articles too, and its cleaning overlaps the writing of the batch before. Other files
    are left as paths, to be read with their batch."""
    for item in items:
        if isinstance(item, InputFile) or (isinstance(item, Path) and holds_records(item.name)):
            yield from expand_records([read_input(item, options) if isinstance(item, Path) else item])
        else:
            yield item


def to_document(item: InputFile, root_source: str | None = None, max_clean_bytes: int | None = None,
                site_source: bool = True, options: InputOptions | None = None) -> RawDocument | Reject:
    """Decode an input into a RawDocument, or a Reject if it is empty or binary.

    Its source: with `site_source`, the site the input names (an HTML page's og:site_name
    or canonical URL's host, a record's own site field, a WARC record's host); else
    `root_source`, else the name of the folder it was read from.

    Of an input larger than `max_clean_bytes` only the first part is decoded, to be
    cleaned (see `pages.clean_part`); its `content` is still the whole input.
    """
    location = item.location
    try:
        if jsonl.is_location(location) or jsonfile.is_location(location):  # a JSON line, an object of a file
            return jsonl.document(item, root_source, site_source, options or InputOptions())
        if warc.is_location(location):  # one response record of a WARC file
            return warc.document(item, root_source, site_source, max_clean_bytes)
        if feeds.is_location(location):  # one entry of a feed
            return feeds.document(item, root_source, site_source, options or InputOptions())
        return pages.document(item, root_source, site_source, max_clean_bytes)
    except Exception as exc:  # noqa: BLE001 - a reader's bug (or its library's) on one input, not the run's
        # no fingerprint: tried again by the next run, as prepare's internal errors are
        return Reject(location, f"internal error while reading this input ({type(exc).__name__}: {exc}); "
                                f"please report it. It is tried again on the next run."[:300])


def read_document(path: Path, options: InputOptions, root_source: str | None = None) -> RawDocument | Reject:
    """Read one file into a RawDocument, or a Reject saying why it cannot be used."""
    item = read_input(path, options)
    return item if isinstance(item, Reject) else to_document(item, root_source, options.max_clean_bytes,
                                                             options.source == "site", options)
