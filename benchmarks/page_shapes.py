"""The shapes a scraper saves a page in, made from the dev sets' pages for the benchmarks.

Each takes a page's HTML (or the plain text a browser shows) and gives the plain text a
scraper would have saved: html2text's Markdown, a text node a line, a text browser's dump
(w3m, lynx), the text hard-wrapped at a width or run together on one line.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
import unicodedata

from ingest.clean.pagetree import parse_markup

_TOKEN = re.compile(r"\S+\s*")


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def hard_wrap(text: str, width: int) -> str:
    """The text as a scraper that wraps at `width` columns saves it (html2text, lynx, w3m):
    each line broken at spaces before the word that would pass the width, a word longer
    than a line (a run of Chinese or Japanese) broken where the width falls; wide
    characters take two columns."""
    out = []
    for line in text.split("\n"):
        rows, row, used = [], "", 0
        for token in _TOKEN.findall(line):
            word = token.rstrip()
            need = sum(map(_columns, word))
            if used + need <= width or (not row.strip() and need <= width):
                row, used = row + token, used + sum(map(_columns, token))
                continue
            if row.strip() and need <= width:
                rows.append(row.rstrip())
                row, used = token, sum(map(_columns, token))
                continue
            for char in token:  # longer than a line: broken inside
                if used + _columns(char) > width:
                    rows.append(row.rstrip())
                    row, used = "", 0
                if row or not char.isspace():
                    row, used = row + char, used + _columns(char)
        rows.append(row.rstrip())
        out.append("\n".join(rows))
    return "\n".join(out)


def as_markdown(html: str) -> str:
    """The page as html2text saves it (Markdown, wrapped at 78 columns), as scrapers do.
    Characters stay as they are (`unicode_snob`): by default html2text writes an entity's
    ASCII look-alike ("&aacute;" as "a"), which no cleaner can undo and no gold matches,
    so a page's score would measure the converter, not the cleaning."""
    import html2text  # optional: pip install -e '.[bench]'
    converter = html2text.HTML2Text()
    converter.unicode_snob = True
    try:
        return converter.handle(html)
    except Exception:  # noqa: BLE001 - html2text fails on a few malformed pages: count them as empty
        return ""


def as_text_nodes(html: str) -> str:
    """The page as BeautifulSoup's get_text("\n", strip=True) saves it: each text node, stripped,
    on a line of its own, scripts, styles and templates left out, a <noscript>'s text kept (the
    same lines as BeautifulSoup 4.15 with lxml gave on 200 of trafilatura's and fundus's pages)."""
    root = parse_markup(html)  # (an XHTML page's XML declaration aside, as BeautifulSoup reads it)
    if root is None:
        return ""
    for skipped in root.xpath("//script|//style|//template"):
        skipped.drop_tree()
    return "\n".join(filter(None, map(str.strip, root.itertext())))


def without_first_line(text: str) -> str:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    return text if first is None else "\n".join(lines[:first] + lines[first + 1:])


def as_scraped(text: str, wrap: int | None = None, collapse: bool = False) -> str:
    """The plain text run together on one line (`collapse`) and/or hard-wrapped at `wrap` columns."""
    if collapse:
        text = " ".join(text.split())
    if wrap:
        text = hard_wrap(text, wrap)
    return text


# A text browser's dump, as `w3m -dump` and `lynx -dump` save a page (lynx with its numbered
# links and their list, or without, -nolist): paragraphs wrapped at 80 columns, list bullets,
# image alt texts, form fields as brackets. Debian packages w3m and lynx.
DUMPS = {
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "lynx": ["lynx", "-dump", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "lynx-nolist": ["lynx", "-dump", "-nolist", "-stdin", "-force_html", "-assume_charset=utf-8",
                    "-display_charset=utf-8"],
}
DUMP_SECONDS = 20


def dump_available(tool: str) -> bool:
    """Whether the text browser a dump needs is installed."""
    return shutil.which(DUMPS[tool][0]) is not None


# The page's own charset declaration: the dev sets' pages are stored in UTF-8 whatever their
# <meta> says, and lynx believes the <meta> over -assume_charset (a GB2312 page came out as mojibake).
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)


def _without_charset(match: re.Match) -> str:
    return "" if "charset" in match.group(0).lower() else match.group(0)


def as_browser_dump(html: str, tool: str) -> str:
    """The page as the text browser `tool` (a key of DUMPS) dumps it, or "" if it fails."""
    html = _META.sub(_without_charset, html)
    try:
        done = subprocess.run(DUMPS[tool], input=html.encode("utf-8"), capture_output=True,
                              timeout=DUMP_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout.decode("utf-8", errors="replace")


# The page as a browser shows it: the shape of ../shared/eval's text/ pages, in which
# snippets.py and fundus_pages.py render the outside checks and boilerplate.py --browser the dev sets.
BROWSER = "chromium"  # the shape's name (boilerplate.py --browser)
RENDER_SECONDS = 30  # per command to the browser: a page that takes longer is not rendered
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update",
                  "--blink-settings=imagesEnabled=false"]


def browser_available() -> bool:
    """Whether the browser Chromium needs is installed."""
    return shutil.which("chromium") is not None


class Chromium:
    """Headless Chromium spoken to over the DevTools protocol on a pipe (fds 3 and 4),
    JavaScript off and every URL blocked: a page is laid out from its own HTML only."""

    def __init__(self) -> None:
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def as_fds_3_and_4() -> None:
            os.dup2(commands_read, 3)
            os.dup2(answers_write, 4)

        # (a helper Chromium starts in a session of its own may still write there as it is removed)
        self._profile = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
        self._process = subprocess.Popen(
            ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={self._profile.name}", "--remote-debugging-pipe",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=as_fds_3_and_4, pass_fds=(3, 4), start_new_session=True)
        os.close(commands_read)
        os.close(answers_write)
        self._buffer, self._sent = b"", 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setScriptExecutionDisabled", value=True, session=True)
        self.call("Network.enable", session=True)
        self.call("Network.setBlockedURLs", urls=["http://*", "https://*"], session=True)

    def call(self, method: str, session: bool = False, **params) -> dict:
        """Send one command and wait (RENDER_SECONDS at most) for its answer."""
        self._sent += 1
        message = {"id": self._sent, "method": method, "params": params,
                   **({"sessionId": self._session} if session else {})}
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + RENDER_SECONDS
        while True:
            while b"\0" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._answers], [], [], left)[0]:
                    raise TimeoutError(f"chromium did not answer {method} within {RENDER_SECONDS}s")
                chunk = os.read(self._answers, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"chromium closed its pipe during {method}")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._sent:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def inner_text(self, html: str) -> str:
        """The page as a browser shows it: its <title>, a blank line, document.body.innerText,
        with blank runs squeezed to one blank line as the dev sets' text pages have them."""
        frame = self.call("Page.getFrameTree", session=True)["frameTree"]["frame"]["id"]
        self.call("Page.setDocumentContent", frameId=frame, html=html, session=True)
        value = self.call("Runtime.evaluate", expression="[document.title, document.body ? document.body.innerText"
                          " : '']", returnByValue=True, session=True)["result"].get("value") or ["", ""]
        title, text = (part or "" for part in value)
        text = re.sub(r"\n{3,}", "\n\n", re.sub(r"(?m)^[ \t\u00a0]+$", "", text))
        return (title.strip() + "\n\n" if title.strip() else "") + text

    def close(self) -> None:
        """Stop the browser and its renderers (its whole process group: a renderer left running
        wrote into the profile while it was being removed), then remove the profile."""
        try:
            os.killpg(self._process.pid, signal.SIGKILL)
        except ProcessLookupError:  # (the group is gone already)
            pass
        self._process.wait(timeout=10)
        self._profile.cleanup()
