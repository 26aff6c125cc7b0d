"""Text browsers' dumps (`lynx -dump`), without the link numbers they write into the text.

lynx numbers a page's links in the order they come: the link's text follows its number in
brackets ("[11]Introduction"), and the dump ends with the numbered list of the addresses
("References", then "  11. https://..."). Left in, a number glues to the word after it: the
archive would store and index "[11]Introduction", search would not find "Introduction", and
the line classifier would read every paragraph with links as a line of markup. Here the
numbers go and the text stays, on the same lines (a removed line keeps its number in the
input). The address list stays too: the line classifier removes it as it removes any run
of addresses.

A text is such a dump when it ends with that list: at least MIN_LINKS addresses, numbered
up from one of the first few numbers, holding at least half the numbers up to its last
(lynx numbers the page's form fields too, and lists only links). Then only the bracketed
numbers up to the list's last are removed, so a footnote mark in a text that has no such
list ("as reported[3]") is left alone. The list is read from the end of the text, one line
at a time, and stops a few lines above its first item: the work is linear in the text.
"""

from __future__ import annotations

import re

MIN_LINKS = 3  # a list this long ends the dump of any page with a menu
# A line of the list: its number, then an address's scheme ("https:", "file:", "mailto:").
_ADDRESS_ITEM = re.compile(r"[ \t]*+(\d{1,6})\.[ \t]++[A-Za-z][A-Za-z0-9+.\-]{0,30}:")
# Lines between two items: the list's headings ("Visible links:", "Hidden links:"), and an
# address lynx broke over lines (a share link's text); more in a row end the list.
_BETWEEN_MAX = 6
_FIRST_MAX = 5  # the list's first number (a search field before the first link takes 1)
_NUMBER = re.compile(r"\[(\d{1,6})\]")


def numbered_links(text: str) -> int:
    """The highest number of the address list at the end of a lynx dump, or 0 if the text
    does not end with such a list (see the module's docstring)."""
    if "[1]" not in text:
        return 0
    top = items = between = 0
    last = None  # the number of the item below the line being read
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        end = start - 1
        if not line.strip():
            continue
        item = _ADDRESS_ITEM.match(line)
        if item is None:
            between += 1
            if top == 0 or between > _BETWEEN_MAX:
                break
            continue
        number = int(item[1])
        if last is not None and number >= last:
            break  # a numbered list of the page above the dump's
        last, top, items, between = number, top or number, items + 1, 0
    # lynx numbers form fields too, which the list leaves out: most numbers must be there
    return top if items >= MIN_LINKS and items * 2 >= top and last is not None and last <= _FIRST_MAX else 0


def without_link_numbers(text: str) -> str:
    """The text without the "[N]" link numbers of a lynx dump (see numbered_links), on the
    same lines; any other text as it is."""
    count = numbered_links(text)
    if not count:
        return text
    return _NUMBER.sub(lambda m: "" if 1 <= int(m[1]) <= count else m[0], text)
