"""Ingest throughput by input format: the same N articles as plain files, one JSONL, one WARC, one RSS feed.

usage: python benchmarks/readers.py [-n 2000] [--workers 0] [--workdir DIR]

The N articles (tests/synthetic.py: stories with near-duplicates and repeated passages)
are written four ways, each article with its own URL:
  files  one HTML page a file (canonical link, nav, article, footer)
  jsonl  one JSON line an article, the page in its "html" field, as fundus writes it
  warc   one WARC (warcio's writer): a request and an HTML response record an article
  rss    one RSS 2.0 feed: an item an article, its body in content:encoded
Each is ingested into a fresh archive by `python -m ingest.cli ingest` in a child process.
Printed side by side: articles archived, articles/s by wall clock and by CPU time (the
child and its workers), and the readers alone (find, read, split and decode every input
in this process, no cleaning): inputs/s of CPU time.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from ingest.config import InputOptions  # noqa: E402
from ingest.models import RawDocument  # noqa: E402
from ingest.sources import expand_records, find_inputs, read_input, to_document  # noqa: E402

from synthetic import make_docs  # noqa: E402

FORMATS = ("files", "jsonl", "warc", "rss")


def body_html(doc) -> str:
    """The article's body as HTML paragraphs."""
    return "".join(f"<p>{html.escape(p)}</p>" for p in doc.paragraphs)


def page(doc, url: str) -> str:
    """The article as a news page."""
    return (f'<!doctype html><html lang="en"><head><title>{html.escape(doc.title)}</title>'
            f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="{doc.site}"></head>'
            f'<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
            f"<article><h1>{html.escape(doc.title)}</h1>{body_html(doc)}</article>"
            f"<footer>Copyright {doc.site}. All rights reserved.</footer></body></html>")


def url_of(doc) -> str:
    return f"https://{doc.site.lower().replace(' ', '-')}.example/{doc.name}"


def write_inputs(docs, folder: Path) -> dict[str, Path]:
    """The articles written in every format; the path to ingest for each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths = {name: folder / name for name in FORMATS}
    for path in paths.values():
        path.mkdir(parents=True)
    for doc in docs:
        (paths["files"] / f"{doc.name}.html").write_text(page(doc, url_of(doc)), encoding="utf-8")
    with (paths["jsonl"] / "articles.jsonl").open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"url": url_of(doc), "title": doc.title, "html": page(doc, url_of(doc)),
                                  "publisher": doc.site}) + "\n")
    with (paths["warc"] / "crawl.warc").open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for doc in docs:
            url = url_of(doc)
            writer.write_record(writer.create_warc_record(url, "request",
                                                          payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", http_headers=headers,
                                                          payload=BytesIO(page(doc, url).encode())))
    items = "".join(f"<item><title>{html.escape(doc.title)}</title><link>{url_of(doc)}</link>"
                    f"<content:encoded><![CDATA[{body_html(doc)}]]></content:encoded></item>\n" for doc in docs)
    (paths["rss"] / "feed.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Synthetic News</title>\n'
        + items + "</channel></rss>\n", encoding="utf-8")
    return paths


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest(path: Path, db: Path, config: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the child and its workers, articles archived)."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "ingest.cli", "ingest", str(path), "--db", str(db), "--config", str(config),
                    "--json"], check=True, capture_output=True, text=True, cwd=ROOT)
    wall, used = time.perf_counter() - start, children_cpu() - cpu
    import sqlite3

    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return wall, used, articles


def read_only(path: Path) -> tuple[float, int]:
    """(CPU seconds, documents) to find, read, split and decode every input of a path."""
    options = InputOptions()
    start, count = time.process_time(), 0
    for found in find_inputs([path], options):
        items = expand_records([read_input(found, options) if isinstance(found, Path) else found])
        for item in items:
            doc = item if not hasattr(item, "data") else to_document(item, None, options.max_clean_bytes, True,
                                                                      options)
            count += isinstance(doc, RawDocument)
    return time.process_time() - start, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="stories to generate (about 10%% more articles)")
    parser.add_argument("--workers", type=int, default=0, help="input.workers for the ingests (0: one a core)")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="readers-"))
    docs = make_docs(args.n, seed=7)
    paths = write_inputs(docs, work / "inputs")
    config = work / "config.toml"
    config.write_text(f"[input]\nworkers = {args.workers}\n", encoding="utf-8")
    print(f"{len(docs)} articles, written as {', '.join(FORMATS)} under {work}")
    print(f"{'format':<7} {'archived':>8} {'wall s':>7} {'art/s':>7} {'cpu s':>7} {'art/cpu-s':>9} "
          f"{'read-only inputs/cpu-s':>22}")
    for name in FORMATS:
        read_cpu, read_docs = read_only(paths[name])
        wall, cpu, articles = ingest(paths[name], work / f"{name}.db", config)
        print(f"{name:<7} {articles:>8} {wall:>7.1f} {len(docs) / wall:>7.0f} {cpu:>7.1f} {len(docs) / cpu:>9.0f} "
              f"{read_docs / read_cpu:>22.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
