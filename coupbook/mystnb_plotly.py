"""myst-nb plugin that draws plotly figures in the static book.

When a notebook runs in a kernel, plotly emits only ``application/vnd.plotly.v1+json``, and
myst-nb has no renderer for it: the default build drops every chart with a warning.  This plugin
renders that JSON as a ``<figure>`` with the chart, its caption, its source line and a text
alternative (taken from ``layout.meta["coupbook"]``, set by :func:`coupbook.charts.finish`), and
asks for the vendored plotly.js once per page, only on pages that have a chart.

Notebooks keep plotly's default renderer, so their stored outputs are deterministic JSON and
they still work in JupyterLab.  Registered in pyproject.toml under ``myst_nb.mime_renderers``.
"""

from __future__ import annotations

import html
import json
from typing import Any

from docutils import nodes

from coupbook.htmlsafe import script_json

PLOTLY_MIME = "application/vnd.plotly.v1+json"
PLOTLY_JS = "offline/plotly/plotly.min.js"  # relative to _static/, see tools/vendor_assets.py
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
# Plotly chrome that would link off-site or clutter a printed page.
PLOT_CONFIG = {"responsive": True, "displaylogo": False, "modeBarButtonsToRemove": ["sendDataToCloud"]}


def chart_notes(figure: dict[str, Any]) -> dict[str, str]:
    """Return the caption, source and alt text stored in a figure's ``layout.meta``."""
    meta = (figure.get("layout") or {}).get("meta") or {}
    notes = meta.get("coupbook") if isinstance(meta, dict) else None
    return notes if isinstance(notes, dict) else {}


def figure_html(figure: dict[str, Any], element_id: str) -> str:
    """The HTML for one chart: figure, caption, source line, text alternative and draw call."""
    notes = chart_notes(figure)
    esc = html.escape
    desc_id = f"{element_id}-desc"
    parts = [f'<figure class="coupbook-chart" aria-describedby="{desc_id}">']
    parts.append(f'<div class="coupbook-chart-plot" id="{element_id}"></div>')
    if notes.get("caption") or notes.get("source"):
        parts.append("<figcaption>")
        if notes.get("caption"):
            parts.append(f'<span class="coupbook-chart-caption">{esc(notes["caption"])}</span>')
        if notes.get("source"):
            parts.append(f' <span class="coupbook-chart-source">Source: {esc(notes["source"])}</span>')
        parts.append("</figcaption>")
    parts.append(
        f'<details class="coupbook-chart-alt" id="{desc_id}"><summary>Text description of this '
        f"chart</summary><p>{esc(notes.get('alt', 'No text description was provided.'))}</p></details>"
    )
    parts.append("</figure>")
    payload = {
        "data": figure.get("data", []),
        "layout": figure.get("layout", {}),
        "config": {**PLOT_CONFIG, **(figure.get("config") or {})},
    }
    parts.append(
        "<script>(function(){var f=" + script_json(payload) + ";"
        f'window.Plotly.newPlot("{element_id}",f.data,f.layout,f.config);'
        "})();</script>"
    )
    return "".join(parts)


class PlotlyMimeRenderer:
    """myst-nb MIME renderer plugin for plotly's JSON output (see module docstring)."""

    # Prefer the JSON (priority 25) over any text/html fallback (30) in HTML builders.
    mime_priority_overrides = [(builder, PLOTLY_MIME, 25) for builder in HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline) -> list[nodes.Element] | None:
        if data.mime_type != PLOTLY_MIME or inline:
            return None
        figure = data.content if isinstance(data.content, dict) else json.loads(data.string)
        element_id = f"plotly-fig-{data.cell_index}-{data.output_index}"
        if data.cell_index is None:  # a glued figure (coupbook.charts.glue) has no cell position
            document = renderer.renderer.document  # renderer is myst-nb's NbElementRenderer
            glued = document.get("coupbook_glued_figures", 0) + 1
            document["coupbook_glued_figures"] = glued
            element_id = f"plotly-fig-glued-{glued}"
        renderer.add_js_file("coupbook-plotly", PLOTLY_JS, {})
        return [nodes.raw(text=figure_html(figure, element_id), format="html", classes=["output"])]
