"""The defection-cascade model gives identical results in the browser (widgets/js/src/cascade,
run here by Node) and in Python (bookquiz.cascade.model): thresholds, every round, the outcome
and the text the live region reads out.

Each named scenario also asserts what it is there to show, so a model that is wrong the same way
in both languages still fails."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bookquiz.cascade.model import Settings, run

ROOT = Path(__file__).resolve().parents[2]
MODEL_JS = ROOT / "widgets" / "js" / "src" / "cascade" / "model.js"

NODE_SCRIPT = """
import { run } from %s;
import { readFileSync } from "node:fs";
const cases = JSON.parse(readFileSync(0, "utf8"));
const keep = ({ thresholds, rounds, defected, outcome, summary }) =>
  ({ thresholds, rounds, defected, outcome, summary });
process.stdout.write(JSON.stringify(cases.map((c) => keep(run(c)))));
"""


def defected_by_round(result) -> list[int]:
    return [r.defected for r in result.rounds]


# name -> (settings, a check of what the scenario shows, on the Python result)
SCENARIOS = {
    "no initial defectors, nobody at threshold 0": (
        {"centre": 30, "spread": 10, "initial": 0},
        lambda r: defected_by_round(r) == [0] and r.outcome == "stalled",
    ),
    "no initial defectors, instigators at threshold 0 start a stall": (
        {"centre": 25, "spread": 10, "initial": 0},
        lambda r: r.rounds[0].new == 0 and r.rounds[1].new == 1 and r.defected == 1,
    ),
    "no initial defectors, a wide spread tips on its own": (
        {"centre": 30, "spread": 20, "initial": 0},
        lambda r: r.rounds[0].new == 0 and r.everyone,
    ),
    "everyone defects at the start": (
        {"initial": 100},
        lambda r: r.thresholds == () and r.everyone and r.last_round == 0 and "at the start" in r.summary,
    ),
    "everyone defects in the end": (
        {"centre": 30, "spread": 10, "initial": 10},
        lambda r: r.everyone and defected_by_round(r)[:3] == [10, 12, 14],
    ),
    "one point below the tipping share stalls": (
        {"centre": 30, "spread": 10, "initial": 8},
        lambda r: r.outcome == "stalled" and r.defected == 10,
    ),
    "the tipping share": (
        {"centre": 30, "spread": 10, "initial": 9},
        lambda r: r.everyone,
    ),
    "identical thresholds exactly at the starting share all go": (
        {"centre": 10, "spread": 0, "initial": 10},
        lambda r: defected_by_round(r) == [10, 100],
    ),
    "identical thresholds one point above the starting share": (
        {"centre": 11, "spread": 0, "initial": 10},
        lambda r: defected_by_round(r) == [10],
    ),
    "exact boundary with 7 units (1 of 7 is 14.28...%)": (
        {"units": 7, "centre": 14, "spread": 0, "initial": 15},
        lambda r: r.rounds[0].new == 1 and r.everyone,
    ),
    "just over the boundary with 7 units": (
        {"units": 7, "centre": 15, "spread": 0, "initial": 15},
        lambda r: defected_by_round(r) == [1],
    ),
    "a majority is more than half: 50 of 100 stalls": (
        {"centre": 60, "spread": 0, "initial": 50},
        lambda r: r.defected == 50 and r.outcome == "stalled",
    ),
    "a majority is more than half: 51 of 100 tips": (
        {"centre": 60, "spread": 0, "initial": 51},
        lambda r: r.defected == 51 and r.outcome == "tipped" and not r.everyone,
    ),
    "a broadcast tips a stalled cascade": (
        {"centre": 30, "spread": 10, "initial": 5, "signal": True, "signal_drop": 5, "signal_round": 4},
        lambda r: r.rounds[3].new == 0 and r.rounds[4].broadcast and r.everyone
        and not run(centre=30, spread=10, initial=5).tipped,
    ),
    "a broadcast lowering thresholds exactly to the share": (
        {"centre": 12, "spread": 0, "initial": 10, "signal": True, "signal_drop": 2, "signal_round": 3},
        lambda r: defected_by_round(r) == [10, 10, 10, 100] and r.rounds[3].broadcast,
    ),
    "a broadcast one point too weak": (
        {"centre": 12, "spread": 0, "initial": 10, "signal": True, "signal_drop": 1, "signal_round": 3},
        lambda r: defected_by_round(r) == [10, 10, 10, 10] and r.outcome == "stalled",
    ),
    "a broadcast in round 1 ends where a later one does": (
        {"centre": 35, "spread": 10, "initial": 10, "signal": True, "signal_drop": 8, "signal_round": 1},
        lambda r: r.defected
        == run(centre=35, spread=10, initial=10, signal=True, signal_drop=8, signal_round=6).defected,
    ),
    "a broadcast of 0 points changes nothing but is listed": (
        {"centre": 30, "spread": 10, "initial": 5, "signal": True, "signal_drop": 0, "signal_round": 2},
        lambda r: r.defected == run(centre=30, spread=10, initial=5).defected and r.rounds[-1].broadcast,
    ),
    "everyone had gone before the broadcast was due": (
        {"centre": 10, "spread": 0, "initial": 10, "signal": True, "signal_drop": 5, "signal_round": 5},
        lambda r: r.everyone and not any(x.broadcast for x in r.rounds) and "before the broadcast" in r.summary,
    ),
    "uniform thresholds 0, 1, ..., 99: Granovetter's riot, one more unit each round": (
        {"distribution": "uniform", "centre": 49, "spread": 50, "initial": 0},
        lambda r: r.thresholds == tuple(range(100)) and r.last_round == 100 and r.everyone,
    ),
    "uniform thresholds 1, 2, ..., 100: nobody starts the riot": (
        {"distribution": "uniform", "centre": 50, "spread": 50, "initial": 0},
        lambda r: r.thresholds == tuple(range(1, 101)) and defected_by_round(r) == [0],
    ),
    "uniform, narrow": (
        {"distribution": "uniform", "centre": 20, "spread": 5, "initial": 16},
        lambda r: r.everyone,
    ),
    "thresholds below zero count as zero": (
        {"centre": 0, "spread": 50, "initial": 0},
        lambda r: r.thresholds[:50] == (0,) * 50 and r.thresholds[50] > 0 and r.rounds[1].new == 50,
    ),
    "thresholds above 100 never move": (
        {"centre": 100, "spread": 50, "initial": 40},
        lambda r: max(r.thresholds) > 100 and not r.everyone,
    ),
    "a single unit": (
        {"units": 1, "centre": 0, "spread": 0, "initial": 0},
        lambda r: defected_by_round(r) == [0, 1],
    ),
    "a thousand units: finer thresholds, another tipping share": (
        {"units": 1000, "centre": 30, "spread": 10, "initial": 10},
        lambda r: r.everyone and not run(units=1000, centre=30, spread=10, initial=9).tipped,
    ),
    "101 units round the starting share half up": (
        {"units": 101, "centre": 40, "spread": 15, "initial": 13},
        lambda r: r.rounds[0].new == 13,
    ),
}

# A grid over every setting, for agreement only.
GRID = [
    {
        "units": units,
        "distribution": dist,
        "centre": centre,
        "spread": spread,
        "initial": initial,
        "signal": signal,
        "signal_drop": 7,
        "signal_round": 3,
    }
    for units, dist, centre, spread, initial, signal in itertools.product(
        (10, 100, 333), ("normal", "uniform"), (0, 20, 35, 70), (0, 5, 15, 50), (0, 4, 12, 30), (False, True)
    )
]


def test_there_are_enough_named_scenarios():
    assert len(SCENARIOS) >= 20


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_each_scenario_shows_what_it_claims(name):
    settings, shows = SCENARIOS[name]
    assert shows(run(Settings(**settings))), name


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run the browser's model")
def test_python_and_browser_agree_round_by_round():
    cases = [settings for settings, _ in SCENARIOS.values()] + GRID
    expected = [run(Settings(**c)).as_dict() for c in cases]
    process = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_SCRIPT % json.dumps(MODEL_JS.as_uri())],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
    )
    actual = json.loads(process.stdout)
    assert len(actual) == len(cases) > 500
    mismatches = [(c, e, a) for c, e, a in zip(cases, expected, actual, strict=True) if e != a]
    assert mismatches == [], mismatches[:3]
