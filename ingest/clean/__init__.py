"""Cleaning: raw page -> title, date, body paragraphs and removed lines (one module per stage).

- document: dispatch by media type, template lines, Article or Reject;
- html: HTML pages (trafilatura, checked against the line classifier);
- htmltext: HTML to one line per block, for the line classifier;
- text: the plain-text line classifier (block reasoning over line scores), in stages:
  lines (word counts, sentence ends), runtogether (a page saved on one line, read as its
  pieces), rejoin, gallery, scoring, blocks (where the body is), labels;
- rules: the line-shape rules (share rows, subscribe prompts, counters, ...);
- dates: published dates found in datelines;
- cleaned: the result type every cleaner returns.
"""

from .cleaned import Cleaned
from .document import clean, clean_document, drop_template_paragraphs

__all__ = ["Cleaned", "clean", "clean_document", "drop_template_paragraphs"]
