"""The house chart helper: every chart carries a caption, a source line and a text alternative."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from coupbook.charts import finish


def test_finish_attaches_caption_source_and_alt():
    fig = finish(go.Figure(go.Bar(x=["a"], y=[1])), caption="One bar.", source="Made up.", alt="One bar of 1.")
    assert fig.layout.meta["coupbook"] == {"caption": "One bar.", "source": "Made up.", "alt": "One bar of 1."}


def test_a_source_that_says_source_is_not_labelled_twice():
    fig = finish(go.Figure(), caption="c", source="Source: Powell & Thyne (2011).", alt="a")
    assert fig.layout.meta["coupbook"]["source"] == "Powell & Thyne (2011)."


@pytest.mark.parametrize("missing", ["caption", "source", "alt"])
def test_every_part_is_required(missing):
    parts = {"caption": "c", "source": "s", "alt": "a", missing: "  "}
    with pytest.raises(ValueError, match=missing):
        finish(go.Figure(), **parts)
