import assert from "node:assert/strict";
import { test } from "node:test";
import { BAND, bands, labelStep } from "../src/cascade/chart.js";
import { DEFAULTS, initialCount, normalCdf, normalQuantile, percent, run, settingsFrom, thresholds } from "../src/cascade/model.js";

test("settings fall back to the defaults and are clamped to their ranges", () => {
  assert.deepEqual(settingsFrom({}), DEFAULTS);
  const s = settingsFrom({ centre: 140, spread: -3, initial: "12", units: 0, distribution: "cauchy", signal: "yes", signal_round: 2.6 });
  assert.equal(s.centre, 100);
  assert.equal(s.spread, 0);
  assert.equal(s.initial, 12);
  assert.equal(s.units, 1);
  assert.equal(s.distribution, "normal");
  assert.equal(s.signal, false);
  assert.equal(s.signal_round, 3);
});

test("the normal distribution function and its inverse", () => {
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-15);
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-12);
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12);
  assert.ok(Math.abs(normalQuantile(0.5)) < 1e-12);
});

test("thresholds are evenly spaced quantiles, rounded half up, lowest first, never below 0", () => {
  const normal = thresholds(settingsFrom({ centre: 25, spread: 10 }));
  assert.equal(normal.length, 100);
  assert.deepEqual(normal.slice(0, 5), [0, 3, 5, 7, 8]);
  assert.equal(normal[99], 51);
  assert.deepEqual(
    normal,
    [...normal].sort((a, b) => a - b),
  );
  const uniform = thresholds(settingsFrom({ distribution: "uniform", centre: 49, spread: 50 }));
  assert.deepEqual(
    uniform,
    Array.from({ length: 100 }, (_, i) => i),
  );
  assert.equal(thresholds(settingsFrom({ initial: 30 })).length, 70, "the units that defect at the start have no threshold");
});

test("the share that defects at the start is rounded half up", () => {
  assert.equal(initialCount(settingsFrom({ units: 101, initial: 13 })), 13);
  assert.equal(initialCount(settingsFrom({ units: 10, initial: 15 })), 2);
  assert.equal(initialCount(settingsFrom({ units: 10, initial: 14 })), 1);
  assert.equal(percent(1, 7), 14);
  assert.equal(percent(1, 8), 13);
});

test("a cascade that stalls, one that tips, and a broadcast that tips a stalled one", () => {
  const stalled = run({ centre: 30, spread: 10, initial: 8 });
  assert.equal(stalled.outcome, "stalled");
  assert.deepEqual(
    stalled.rounds.map((r) => r.defected),
    [8, 9, 10],
  );
  assert.equal(
    stalled.summary,
    "The cascade stalls: 10 of 100 units (10%) have defected when it stops after round 2; a majority needs 51. " +
      "At the start 8 units (8%) defected.",
  );
  const tipped = run({ centre: 30, spread: 10, initial: 9 });
  assert.equal(tipped.outcome, "tipped");
  assert.equal(tipped.defected, 100);
  const broadcast = run({ centre: 30, spread: 10, initial: 5, signal: true, signal_drop: 5, signal_round: 4 });
  assert.deepEqual(
    broadcast.rounds.slice(0, 5).map((r) => [r.defected, r.broadcast]),
    [
      [5, false],
      [6, false],
      [6, false],
      [6, false],
      [8, true],
    ],
  );
  assert.equal(broadcast.defected, 100);
  assert.match(broadcast.summary, /The broadcast in round 4 lowered every threshold by 5 points; 2 units went over in that round\.$/);
});

test("bands split each 5-point band into units that went over and units that did not", () => {
  const result = run({ centre: 30, spread: 10, initial: 8 });
  const b = bands(result);
  assert.equal(BAND, 5);
  assert.equal(
    b.reduce((sum, x) => sum + x.gone + x.stayed, 0),
    92,
  );
  assert.equal(
    b.reduce((sum, x) => sum + x.gone, 0),
    2,
  );
  assert.equal(b.length, 21);
  assert.ok(bands(run({ centre: 100, spread: 50, initial: 40 })).length > 21, "thresholds above 100 get bands too");
});

test("round labels never crowd", () => {
  assert.equal(labelStep(5, 276), 1);
  assert.equal(labelStep(101, 276), 9);
});
