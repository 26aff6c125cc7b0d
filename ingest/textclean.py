"""Plain-text boilerplate removal: a line classifier (baseline).

Each line is kept as a body paragraph or removed with the name of the rule that
removed it. Titles and "Published ..." dates are moved to metadata.
"""

from __future__ import annotations

import re

from .cleaned import Cleaned
from .config import CleanOptions
from .dates import find_published
from .models import RemovedLine

_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$""")


def clean_text(text: str, options: CleanOptions, template: frozenset[str] = frozenset()) -> Cleaned:
    """Split plain text into title, published date, body paragraphs and removed lines."""
    from .normalize import normalize_text

    lines = text.splitlines()
    title = None
    published = None
    paragraphs: list[str] = []
    removed: list[RemovedLine] = []
    for no, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if template and normalize_text(line) in template:
            removed.append(RemovedLine(no, line, "template"))
            continue
        date = find_published(line)
        if date and published is None and len(line.split()) <= 8:
            published = date
            removed.append(RemovedLine(no, line, "published"))
            continue
        n = len(line.split())
        if n >= options.min_paragraph_words or (n >= 4 and _SENTENCE_END.search(line)):
            paragraphs.append(line)
        elif title is None and not paragraphs and 3 <= n:
            title = line
        else:
            removed.append(RemovedLine(no, line, "short-line"))
    return Cleaned(title, published, tuple(paragraphs), tuple(removed))
