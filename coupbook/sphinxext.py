"""Sphinx extension with the book's build-time fixes (listed in _config.yml extra_extensions).

- Jupyter Book always loads sphinx-thebe, which injects ``const THEBE_JS_URL = ...`` twice
  (an uncaught SyntaxError on every page) and points at unpkg.com.  The book has no live-code
  button (it must work offline), so its scripts are dropped from every page.
- myst-nb embeds the notebook's widget state (every quiz's text) and each widget view as JSON
  in ``<script>`` elements, escaping only the exact lower-case ``</script>``.  A bank text with
  ``</SCRIPT>`` or ``</script >`` would end the element and run whatever follows.  Both are
  re-encoded with :func:`coupbook.htmlsafe.script_json`, which leaves no ``<``, ``>`` or ``&``.
- docutils marks bibliography entries with the deprecated ARIA role ``doc-biblioentry`` inside
  a ``role="list"``, which axe reports as a list without list items (critical); the entries
  become plain list items.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.builders.html._assets import _JavaScript

from coupbook.htmlsafe import rescript_json

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
VIEW_SCRIPT = re.compile(rf'^<script type="{re.escape(WIDGET_VIEW)}">(.*)</script>$', re.S)
THEBE_MARKERS = ("sphinx-thebe.js", "THEBE_JS_URL", "unpkg.com/thebe")


def is_thebe_script(script) -> bool:
    text = f"{getattr(script, 'filename', '') or ''} {script.attributes.get('body', '')}"
    return any(marker in text for marker in THEBE_MARKERS)


def drop_thebe(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [s for s in scripts if not is_thebe_script(s)]


def escape_widget_state(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    escaped = []
    for script in scripts:
        attributes = script.attributes
        if attributes.get("type") == WIDGET_STATE and attributes.get("body"):
            attributes = {**attributes, "body": rescript_json(attributes["body"])}
            script = _JavaScript(script.filename, priority=script.priority, **attributes)
        escaped.append(script)
    context["script_files"] = escaped


def escape_widget_views(app, doctree, docname) -> None:
    for node in doctree.findall(nodes.raw):
        match = VIEW_SCRIPT.match(node.astext()) if "html" in node.get("format", "") else None
        if match:
            text = f'<script type="{WIDGET_VIEW}">{rescript_json(match.group(1))}</script>'
            node.replace_self(nodes.raw(text, text, format="html", classes=node.get("classes", [])))


def fix_citation_roles(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.connect("html-page-context", drop_thebe, priority=900)
    app.connect("html-page-context", fix_citation_roles, priority=900)
    app.connect("html-page-context", escape_widget_state, priority=900)
    app.connect("doctree-resolved", escape_widget_views)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
