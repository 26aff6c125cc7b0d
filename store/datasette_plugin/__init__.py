"""newsarchive's datasette plugin: the archive as a reading room, not only a table viewer.

Pages (register_routes, templates in ./templates): an article as it reads
(/<db>/-/article/ID), ranked search with copies folded under their original
(/<db>/-/search), a repeated passage (/<db>/-/passage/ID) and a near-duplicate
cluster (/<db>/-/cluster/ID). The articles table opens on readable rows (a `_table.html`
that datasette picks for every table, drawing articles of an archive as rows of title,
outlet, date and excerpt; `?_full=1` gives datasette's own table), and render_cell links
titles and passages to those pages. The articles table's search box finds words in
scripts its FTS index cannot (asgi_wrapper and filters_from_request, ./search_box.py).

Loaded three ways, all with these hooks: `newsarchive serve` registers this module;
installed, the `datasette` entry point does (pyproject.toml); and
`datasette FILE --plugins-dir PLUGINS_DIR` loads the one-line module in PLUGINS_DIR.
The templates are found either way: prepare_jinja2_environment adds their folder to
datasette's search path (after --template-dir, before datasette's own templates).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from datasette import hookimpl
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from . import pages, search_box

TEMPLATES = Path(__file__).with_name("templates")
PLUGINS_DIR = Path(__file__).with_name("plugins")  # for `datasette --plugins-dir`
STYLESHEET = Path(__file__).with_name("reading.css")
EXCERPT_CHARS = 300  # of a passage's text in the passages table


@hookimpl
def register_routes(datasette) -> list[tuple[str, Any]]:
    """The reading room's pages."""
    return pages.routes()


@hookimpl
def asgi_wrapper(datasette):
    """Send an articles table search that needs the script index to filters_from_request."""
    return search_box.wrap


@hookimpl
def filters_from_request(request, database, table, datasette):
    """The articles table's search in the script index (search_box.script_filter)."""
    return search_box.script_filter(request, database, table, datasette)


@hookimpl
def prepare_jinja2_environment(env, datasette) -> None:
    """Put the plugin's templates on datasette's search path, just before datasette's own
    (a --template-dir still overrides them), and give templates `newsarchive_url`."""
    loader = env.loader.loaders[0] if isinstance(env.loader, ChoiceLoader) else env.loader
    if isinstance(loader, FileSystemLoader) and str(TEMPLATES) not in loader.searchpath:
        defaults = [i for i, p in enumerate(loader.searchpath) if Path(p).parent.name == "datasette"]
        loader.searchpath.insert(defaults[-1] if defaults else len(loader.searchpath), str(TEMPLATES))
    env.globals["newsarchive_url"] = lambda database, kind, item=None, **args: pages.page_url(
        datasette, database, kind, item, **args)


@hookimpl
def extra_css_urls(template, database, table, columns, view_name, request, datasette):
    """The reading room's stylesheet, inline (a data: URL: no static files to serve), on
    the pages of an archive only (an installed plugin sees every database datasette serves)."""
    async def urls() -> list[str]:
        try:
            archive = database is not None and await datasette.get_database(database).table_exists("articles")
        except KeyError:
            archive = False
        if not archive:
            return []
        encoded = base64.b64encode(STYLESHEET.read_bytes()).decode("ascii")
        return [f"data:text/css;base64,{encoded}"]
    return urls


@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    """`newsarchive_reading`: draw this page's articles as readable rows (the articles
    table of an archive, unless ?_full=1 asks for datasette's own table, which is then
    `newsarchive_full`)."""
    async def variables() -> dict[str, Any]:
        archive = False
        if view_name == "table" and table == "articles":
            columns_of = await datasette.get_database(database).table_columns("articles")
            archive = {"title", "text", "content_hash"} <= set(columns_of)
        full = bool(request and request.args.get("_full"))
        return {"newsarchive_reading": archive and not full, "newsarchive_full": archive and full}
    return variables


def _link(href: str, text: Any) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


@hookimpl
def render_cell(row, value, column, table, database, datasette) -> Markup | None:
    """Links into the reading room: an article's title to its page, a passage (its text
    or a paragraph's passage_id) to the passage's page."""
    keys = row.keys() if hasattr(row, "keys") else []
    if isinstance(value, dict):  # a foreign key datasette expanded to its label
        value = value.get("value")
    if table == "articles" and column == "title" and "id" in keys and "content_hash" in keys:
        return _link(pages.page_url(datasette, database, "article", row["id"]), value or "(untitled)")
    if table == "passages" and column == "text" and "first_article_id" in keys and value is not None:
        text = value if len(value) <= EXCERPT_CHARS else value[:EXCERPT_CHARS] + " …"
        return _link(pages.page_url(datasette, database, "passage", row["id"]), text)
    if table == "paragraphs" and column == "passage_id" and isinstance(value, int):
        return _link(pages.page_url(datasette, database, "passage", value), f"passage {value}")
    if table is None and column == "passage" and isinstance(value, int):  # canned queries
        return _link(pages.page_url(datasette, database, "passage", value), f"passage {value}")
    return None
