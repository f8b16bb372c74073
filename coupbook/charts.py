"""Plotly figures for the book, each with a caption, a source line and a text alternative.

Every chart in the book goes through :func:`finish`, which applies the house style and stores
the caption, source and alt text in ``layout.meta["coupbook"]``; the static-book renderer
(:mod:`coupbook.sphinxext.plotlymime`) turns them into a ``<figure>`` with a caption and a text
description, and the browser tests check that every chart has them.
"""

from __future__ import annotations

import plotly.graph_objects as go

# Colour-blind-safe qualitative palette (Okabe & Ito); charts also vary marker symbols,
# so colour is never the only signal.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def finish(fig: go.Figure, *, caption: str, source: str, alt: str, height: int = 420) -> go.Figure:
    """Apply the house style and attach the caption, source line and text alternative."""
    # The page prints "Source:" before the source line, so a source that starts with it would say it twice.
    source = source.strip().removeprefix("Source:").strip()
    for name, text in (("caption", caption), ("source", source), ("alt", alt)):
        if not text or not text.strip():
            raise ValueError(f"every chart needs a {name}")
    fig.update_layout(
        template="plotly_white",
        colorway=PALETTE,
        font={"family": FONT, "size": 14},
        height=height,
        margin={"l": 60, "r": 20, "t": 50, "b": 60},
        meta={"coupbook": {"caption": caption, "source": source, "alt": alt}},
    )
    return fig


def glue(name: str, fig: go.Figure) -> None:
    """Show ``fig`` and store it under ``name`` for myst-nb's ``{glue}`` directive.

    The book can then place the chart elsewhere on the page, e.g. inside a dropdown (predict,
    then reveal); live in JupyterLab the chart shows where the cell is.  ``myst_nb.glue`` cannot
    take a plotly figure, so the plotly JSON bundle is displayed with the metadata glue reads.
    """
    import plotly.io as pio
    from IPython.display import display

    bundle = pio.renderers["plotly_mimetype"].to_mimebundle(fig)
    display(bundle, raw=True, metadata={"scrapbook": {"name": name, "mime_prefix": ""}})


def class_styles() -> dict[str, dict]:
    """The look of each course class, from the style table ``data/classes.csv``, in its order.

    ``{id: {"label", "symbol", "colour", "definition"}}``: every chart that shows classes draws them
    from here, so a class has the same symbol and colour everywhere.
    """
    from coupbook.data import load  # the data package imports nothing from the charts

    return {
        row.id: {"label": row.label, "symbol": row.symbol, "colour": row.colour, "definition": row.definition}
        for row in load("classes").itertuples()
    }
