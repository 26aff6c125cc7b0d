"""newsarchive's reading room for `datasette FILE --plugins-dir DIR` (DIR: this folder).

datasette loads every .py file of a plugins folder as a module of its own; this one
brings in the hooks of store.datasette_plugin (newsarchive must be importable).
"""

from store.datasette_plugin import (
                                    asgi_wrapper,
                                    extra_css_urls,
                                    extra_template_vars,
                                    filters_from_request,
                                    prepare_jinja2_environment,
                                    register_routes,
                                    render_cell,
)

__all__ = ["asgi_wrapper", "extra_css_urls", "extra_template_vars", "filters_from_request",
           "prepare_jinja2_environment", "register_routes", "render_cell"]
