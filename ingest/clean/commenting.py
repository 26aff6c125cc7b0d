"""The comment box's prompt at the end of an article's body: comment_prompts.

A comment box left in the text under an article opens with a line that names a comment
(vocabulary.COMMENT_STEMS) and says the reader must sign in or register to write one
(COMMENT_ACCESS: "Para comentar debes registrarte y completar los datos generales.", "Du musst
eingeloggt sein um Kommentare zu schreiben!", "Para poder comentar tenés que ingresar con tu
usuario"), that the comments are closed (COMMENT_CLOSED: "Die Kommentarfunktionalität ist um
diese Uhrzeit deaktiviert.", "Comments are closed.") or that it is the comment form's own line
(COMMENT_FORM: "Please enter your comment!", "Save my name, email, and website in this browser
for the next time I comment."). The body block often takes it in as its last lines, with what
follows it. Such a line among the block's last COMMENT_TAIL_ITEMS lines
gets rule COMMENTS, an end marker (ingest.clean.labels.ends_article then takes what follows it
out of the body unless the article resumes). Where the block ran on past the box into the teasers
under it and the box's own end marker cut the body short, the body's new last lines are asked
again (ingest.clean.text). An article's own sentence about comments ("declined
to comment", "the comments were closed to the public") is one of many in a paragraph longer than
COMMENT_PROMPT_MAX_WORDS or above the block's tail; a reporter's "asked to comment" names no
sign-in. Only the tail is looked at: its lines joined and lower-cased once and searched for the
stems with one regex scan (about 2 us a page); the few that hold one are looked at further.
"""

from __future__ import annotations

import re
from itertools import islice

from .vocabulary import COMMENT_ACCESS, COMMENT_CLOSED, COMMENT_FORM, COMMENT_STEMS

COMMENT_TAIL_ITEMS = 6
COMMENT_PROMPT_MAX_WORDS = 30
_STEM = re.compile("|".join(map(re.escape, COMMENT_STEMS)))


def comment_prompts(texts: list[str], words: list[int], rules: list, start: int, end: int) -> list[int]:
    """Indices of the lines among the last COMMENT_TAIL_ITEMS of the block [start, end) without a
    rule that are a comment box's prompt (see above); the block's first line is never one."""
    tail = [i for i in islice((i for i in range(end - 1, start, -1) if rules[i] is None), COMMENT_TAIL_ITEMS)
            if words[i] <= COMMENT_PROMPT_MAX_WORDS]
    lows = "\n".join(texts[i] for i in tail).lower()
    if _STEM.search(lows) is None:  # most tails: one scan of a few hundred characters
        return []
    return [i for i, low in zip(tail, lows.split("\n"))
            if _STEM.search(low) is not None and (any(map(low.__contains__, COMMENT_ACCESS))
                                                  or any(map(low.__contains__, COMMENT_CLOSED))
                                                  or any(map(low.__contains__, COMMENT_FORM)))]
