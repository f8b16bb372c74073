"""Build-time fixes for what Jupyter Book's theme and extensions put in every page.

- Jupyter Book always loads sphinx-thebe, which injects ``const THEBE_JS_URL = ...`` twice
  (an uncaught SyntaxError on every page) and points at unpkg.com.  The book has no live-code
  button (it must work offline), so its scripts are dropped from every page.
- docutils marks bibliography entries with the deprecated ARIA role ``doc-biblioentry`` inside
  a ``role="list"``, which axe reports as a list without list items (critical); the entries
  become plain list items.
"""

from __future__ import annotations

THEBE_MARKERS = ("sphinx-thebe.js", "THEBE_JS_URL", "unpkg.com/thebe")


def is_thebe_script(script) -> bool:
    text = f"{getattr(script, 'filename', '') or ''} {script.attributes.get('body', '')}"
    return any(marker in text for marker in THEBE_MARKERS)


def drop_thebe(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [s for s in scripts if not is_thebe_script(s)]


def fix_citation_roles(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app) -> None:
    app.connect("html-page-context", drop_thebe, priority=900)
    app.connect("html-page-context", fix_citation_roles, priority=900)
