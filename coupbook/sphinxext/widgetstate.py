"""The widget state and widget views that myst-nb embeds in each page, made safe, edition-true
and ready for the static book's widget loader.

myst-nb embeds the notebook's widget state (every quiz's text) and each widget view as JSON in
``<script>`` elements, escaping only the exact lower-case ``</script>``.  A bank text with
``</SCRIPT>`` or ``</script >`` would end the element and run whatever follows.  Both are
re-encoded with :func:`coupbook.sphinxext.htmlsafe.script_json`, which leaves no ``<``, ``>`` or
``&``; on the way the edition's quiz flag is set (:func:`coupbook.sphinxext.edition.mark_quizzes`),
every widget is checked to be one the static book can draw, each widget's module and style
sheet become files (:mod:`coupbook.sphinxext.staticwidgets`), and each view gets a
``<noscript>`` note.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.builders.html._assets import _JavaScript

from . import staticwidgets
from .edition import mark_quizzes
from .htmlsafe import script_json

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
VIEW_SCRIPT = re.compile(rf'^<script type="{re.escape(WIDGET_VIEW)}">(.*)</script>$', re.S)


def rewrite_widget_state(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    rewritten = []
    for script in scripts:
        attributes = script.attributes
        if attributes.get("type") == WIDGET_STATE and attributes.get("body"):
            state = json.loads(attributes["body"])
            mark_quizzes(state, app.config.coupbook_edition)
            staticwidgets.check_models(state, pagename)
            if app.builder.format == "html":
                url = functools.partial(context["pathto"], resource=True)
                staticwidgets.externalise(state, Path(app.outdir), pagename, url)
            attributes = {**attributes, "body": script_json(state)}
            script = _JavaScript(script.filename, priority=script.priority, **attributes)
        rewritten.append(script)
    context["script_files"] = rewritten


def escape_widget_views(app, doctree, docname) -> None:
    models = (staticwidgets.page_widget_state(app.env, docname).get("state")) or {}
    for node in doctree.findall(nodes.raw):
        match = VIEW_SCRIPT.match(node.astext()) if "html" in node.get("format", "") else None
        if match:
            view = json.loads(match.group(1))
            note = staticwidgets.noscript(models.get(view.get("model_id")))
            text = f'<script type="{WIDGET_VIEW}">{script_json(view)}</script>{note}'
            node.replace_self(nodes.raw(text, text, format="html", classes=node.get("classes", [])))


def setup(app) -> None:
    app.connect("html-page-context", rewrite_widget_state, priority=900)
    app.connect("doctree-resolved", escape_widget_views)
