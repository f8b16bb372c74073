"""Build-time fixes for what Jupyter Book's theme and extensions put in every page.

- Jupyter Book always loads sphinx-thebe, which injects ``const THEBE_JS_URL = ...`` twice
  (an uncaught SyntaxError on every page) and points at unpkg.com.  The book has no live-code
  button (it must work offline), so its scripts are dropped from every page.
- docutils marks bibliography entries with the deprecated ARIA role ``doc-biblioentry`` inside
  a ``role="list"``, which axe reports as a list without list items (critical); the entries
  become plain list items.
- Nothing blocks the first paint: every script file of a page is deferred (it runs once the
  page is parsed, in order) except ``documentation_options.js``, which the page's inline scripts
  extend as they run (a few hundred bytes).
- The theme's own ``<head>`` scripts (``_templates/layout.html`` passes its blocks through the
  ``coupbook_lighter_head`` filter): ``fontawesome.js`` (1.5 MB, it swaps each ``<i>`` icon for
  an SVG) is dropped, because the icons the theme's buttons use come from a small style sheet
  (``_static/coupbook/icons.css``, made by tools/vendor_assets.py from the pinned Font Awesome
  package); and Sphinx's search scripts (the search index, 116 kB) are dropped from every page
  but the search page, because the theme uses them elsewhere only for search-as-you-type, which
  is off (``search_as_you_type`` in its options): the search box opens the search page.
- myst-nb labels the toggle of a hidden cell "Toggle hidden content", which hides its visible
  text ("Show code cell source") from screen readers; the toggle is written without the label.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup
from sphinx.builders.html._assets import _JavaScript

THEBE_MARKERS = ("sphinx-thebe.js", "THEBE_JS_URL", "unpkg.com/thebe")
# Run as they are parsed: inline scripts after them add to what this file defines.
KEEP_BLOCKING = ("documentation_options.js",)
THEME_SCRIPTS = ("scripts/fontawesome.js", "searchtools.js", "language_data.js", "searchindex.js")
THEME_SCRIPT = re.compile(
    r'[ \t]*<script\b[^>]*\bsrc="[^"]*(?:' + "|".join(map(re.escape, THEME_SCRIPTS)) + r')[^"]*"[^>]*></script>\n?'
)


def is_thebe_script(script) -> bool:
    text = f"{getattr(script, 'filename', '') or ''} {script.attributes.get('body', '')}"
    return any(marker in text for marker in THEBE_MARKERS)


def drop_thebe(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [s for s in scripts if not is_thebe_script(s)]


def defer_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    deferred = []
    for script in scripts:
        attributes = script.attributes
        external = bool(script.filename) and not attributes.get("body")
        if external and not script.filename.endswith(KEEP_BLOCKING) and not {"async", "defer"} & set(attributes):
            script = _JavaScript(script.filename, priority=script.priority, **{**attributes, "defer": "defer"})
        deferred.append(script)
    context["script_files"] = deferred


def lighter_head(html: str) -> Markup:
    """A block of the theme's ``<head>`` without the scripts in THEME_SCRIPTS (see module docstring)."""
    return Markup(THEME_SCRIPT.sub("", str(html)))


SCRIPT_FILE = re.compile(r'<script\b(?![^>]*\b(?:defer|async)\b)(?=[^>]*\bsrc="(?![^"]*(?:' + "|".join(
    map(re.escape, KEEP_BLOCKING)
) + r'))[^"]+")')


def deferred(html: str) -> Markup:
    """A template block with ``defer`` on every script file (the search page's search scripts)."""
    return Markup(SCRIPT_FILE.sub("<script defer", str(html)))


def register_filters(app) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is not None and hasattr(templates, "environment"):
        templates.environment.filters["coupbook_lighter_head"] = lighter_head
        templates.environment.filters["coupbook_deferred"] = deferred


def fix_citation_roles(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def visit_hidden_cell(self, node) -> None:
    """myst-nb's toggle for a hidden cell, without its ``aria-label``: the visible "Show code
    cell source" is the name (axe's label-content-name-mismatch; the label hid that text)."""
    self.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n</summary>\n')


def override_hidden_cells(app) -> None:
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_HideCellInput))


def setup(app) -> None:
    app.connect("builder-inited", register_filters)
    app.connect("builder-inited", override_hidden_cells)
    app.connect("html-page-context", drop_thebe, priority=900)
    app.connect("html-page-context", defer_scripts, priority=950)
    app.connect("html-page-context", fix_citation_roles, priority=900)
