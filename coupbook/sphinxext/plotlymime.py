"""myst-nb plugin that draws plotly figures in the static book.

When a notebook runs in a kernel, plotly emits only ``application/vnd.plotly.v1+json``, and
myst-nb has no renderer for it: the default build drops every chart with a warning.  This plugin
renders that JSON as a ``<figure>`` with a box for the chart (as tall as the chart will be, so
nothing moves when it draws), its caption, its source line and a text alternative (taken from
``layout.meta["coupbook"]``, set by :func:`coupbook.charts.finish`); the figure itself goes into
the page as JSON (``<script type="application/json">``, escaped by
:func:`coupbook.sphinxext.htmlsafe.script_json`), never as code.  On pages with a chart it adds
``_static/coupbook/charts.js`` (deferred; source in ``coupbook/sphinxext/js/src/charts.js``),
which fetches plotly.js (a partial bundle with the trace types the course uses, see
tools/vendor_assets.py) only when a chart comes near the screen, after the text has painted,
and draws each chart fitted to its width and in the page's light or dark theme.

Notebooks keep plotly's default renderer, so their stored outputs are deterministic JSON and
they still work in JupyterLab.  Registered in pyproject.toml under ``myst_nb.mime_renderers``.
"""

from __future__ import annotations

import html
import json
from typing import Any

from docutils import nodes

from coupbook.sphinxext.htmlsafe import script_json

PLOTLY_MIME = "application/vnd.plotly.v1+json"
CHARTS_JS = "coupbook/charts.js"  # relative to _static/ (built from coupbook/sphinxext/js by esbuild)
# plotly.js, relative to charts.js (tools/vendor_assets.py copies it there).
PLOTLY_JS = "../offline/plotly/plotly-cartesian.min.js"
# Trace types that bundle draws; a figure with another type fails the build (see check_traces).
PLOTLY_TRACES = frozenset(
    {"bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour", "image", "pie", "scatter"}
    | {"scatterternary", "violin"}
)
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
# Plotly chrome that would link off-site or clutter a printed page.
PLOT_CONFIG = {"responsive": True, "displaylogo": False, "modeBarButtonsToRemove": ["sendDataToCloud"]}
DEFAULT_HEIGHT = 450  # plotly's own default


class UnsupportedTrace(ValueError):
    """A figure uses a trace type that the book's plotly.js bundle cannot draw."""


def chart_notes(figure: dict[str, Any]) -> dict[str, str]:
    """Return the caption, source and alt text stored in a figure's ``layout.meta``."""
    meta = (figure.get("layout") or {}).get("meta") or {}
    notes = meta.get("coupbook") if isinstance(meta, dict) else None
    return notes if isinstance(notes, dict) else {}


def check_traces(figure: dict[str, Any], where: str) -> None:
    unknown = sorted({t.get("type", "scatter") for t in figure.get("data", [])} - PLOTLY_TRACES)
    if unknown:
        raise UnsupportedTrace(
            f"{where}: plotly trace type {', '.join(unknown)} is not in the book's plotly.js bundle "
            f"(plotly.js-cartesian-dist-min: {', '.join(sorted(PLOTLY_TRACES))}); see tools/vendor_assets.py"
        )


def figure_html(figure: dict[str, Any], element_id: str) -> str:
    """The HTML for one chart: figure, plot box, figure JSON, caption, source line, text alternative."""
    notes = chart_notes(figure)
    esc = html.escape
    desc_id = f"{element_id}-desc"
    height = (figure.get("layout") or {}).get("height") or DEFAULT_HEIGHT
    parts = [f'<figure class="coupbook-chart" aria-describedby="{desc_id}">']
    parts.append(
        f'<div class="coupbook-chart-frame"><div class="coupbook-chart-plot" id="{element_id}" '
        f'style="min-height:{int(height)}px"></div></div>'
    )
    payload = {
        "data": figure.get("data", []),
        "layout": figure.get("layout", {}),
        "config": {**PLOT_CONFIG, **(figure.get("config") or {})},
    }
    parts.append(f'<script type="application/json" id="{element_id}-data">{script_json(payload)}</script>')
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
    parts.append(
        '<noscript><p class="coupbook-noscript">The chart needs JavaScript, which is turned off or blocked '
        "in this browser; its text description above says what it shows.</p></noscript>"
    )
    parts.append("</figure>")
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
        check_traces(figure, element_id)
        renderer.add_js_file("coupbook-charts", CHARTS_JS, {"defer": "defer", "data-plotly": PLOTLY_JS})
        return [nodes.raw(text=figure_html(figure, element_id), format="html", classes=["output"])]
