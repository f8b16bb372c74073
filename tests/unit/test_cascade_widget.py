"""The Cascade widget's Python side: settings are validated, results follow every change, and the
widget state holds what the front end needs."""

from __future__ import annotations

import pytest
import traitlets

from bookquiz.assets import esm
from bookquiz.cascade import Cascade, Settings, SettingsError, run
from bookquiz.cascade.model import smallest_drop_that_tips, smallest_initial_that_tips


def test_results_are_computed_at_creation_and_follow_each_setting():
    cascade = Cascade(centre=30, spread=10, initial=10)
    assert (cascade.outcome, cascade.defected) == ("tipped", 100)
    assert cascade.rounds[0] == {"round": 0, "new": 10, "defected": 10, "broadcast": False}
    cascade.initial = 8
    assert (cascade.outcome, cascade.defected) == ("stalled", 10)
    assert cascade.summary == run(centre=30, spread=10, initial=8).summary
    cascade.signal, cascade.signal_drop, cascade.signal_round = True, 5, 3
    assert cascade.outcome == "tipped"
    assert cascade.rounds[3]["broadcast"] is True
    assert cascade.settings == Settings(centre=30, spread=10, initial=8, signal=True, signal_drop=5, signal_round=3)


def test_a_front_end_update_of_settings_and_results_is_consistent():
    cascade = Cascade(centre=30, spread=10, initial=10)
    expected = run(centre=35, spread=10, initial=10).as_dict()
    # What the browser sends when a slider moves: the settings and its own results at once.
    results = {k: expected[k] for k in ("thresholds", "rounds", "defected", "outcome", "summary")}
    cascade.set_state({"centre": 35, **results})
    assert cascade.centre == 35
    assert cascade.rounds == expected["rounds"] and cascade.summary == expected["summary"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"centre": 101}, "centre must be between 0 and 100"),
        ({"spread": 2.5}, "spread must be a whole number"),
        ({"distribution": "cauchy"}, "distribution must be one of normal, uniform"),
        ({"signal": 1}, "signal must be True or False"),
        ({"units": 0}, "units must be between 1 and 1000"),
    ],
)
def test_bad_settings_are_named(settings, message):
    with pytest.raises(SettingsError, match=message):
        Cascade(**settings)


def test_unknown_settings_and_out_of_range_changes_are_refused():
    with pytest.raises(TypeError, match="unknown settings: centr"):
        Cascade(centr=30)
    cascade = Cascade()
    with pytest.raises(traitlets.TraitError):
        cascade.initial = 101


def test_state_and_bundle():
    cascade = Cascade(title="How many?", centre=30)
    state = cascade.get_state()
    for name in ("title", "units", "distribution", "centre", "spread", "initial", "signal", "signal_drop"):
        assert name in state
    assert state["thresholds"] == list(run(centre=30).thresholds)
    bundle = esm("cascade")
    assert "bookquiz-cascade" in bundle and "render" in bundle
    assert "bookquiz-cascade" not in esm("quiz")
    assert ".bookquiz-cascade-svg" in cascade._css and "--bq-accent" in cascade._css
    assert repr(cascade) == f"Cascade({cascade.summary})"


def test_search_helpers():
    assert smallest_initial_that_tips(centre=30, spread=10) == 9
    assert smallest_initial_that_tips(centre=100, spread=0) == 51  # only a majority at the start
    drop = smallest_drop_that_tips(centre=35, spread=10, initial=10, signal_round=2)
    assert run(centre=35, spread=10, initial=10, signal=True, signal_drop=drop, signal_round=2).tipped
    assert not run(centre=35, spread=10, initial=10, signal=True, signal_drop=drop - 1, signal_round=2).tipped
