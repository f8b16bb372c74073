// The defection-cascade model: a threshold model after Granovetter (1978) and Singh's coordination
// game (2014).  The same model, with the same arithmetic, is in Python
// (widgets/src/bookquiz/cascade/model.py); tests/unit/test_cascade_parity.py runs both on the
// same scenarios and requires identical results, round by round.  Keep the two in step:
// - every setting is a whole number and the dynamics compare integers only;
// - uniform thresholds are integer arithmetic; normal quantiles use only + - * / (a Taylor
//   series for erf and bisection), which IEEE 754 doubles evaluate identically in both languages;
// - rounding is Math.floor(x + 0.5) (Python: math.floor(x + 0.5)), integer division floors.

export const DISTRIBUTIONS = ["normal", "uniform"];
export const LIMITS = {
  units: [1, 1000],
  centre: [0, 100],
  spread: [0, 50],
  initial: [0, 100],
  signal_drop: [0, 50],
  signal_round: [1, 20],
};
export const DEFAULTS = {
  units: 100,
  distribution: "normal",
  centre: 25,
  spread: 10,
  initial: 0,
  signal: false,
  signal_drop: 10,
  signal_round: 1,
};
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const SQRT_HALF = Math.SQRT1_2; // 0.7071067811865476, as in model.py

/** Settings from any object: missing, non-numeric or out-of-range values fall back or are clamped. */
export function settingsFrom(values = {}) {
  const out = { ...DEFAULTS };
  for (const [name, [low, high]] of Object.entries(LIMITS)) {
    const value = Math.round(Number(values[name]));
    if (Number.isFinite(value)) out[name] = Math.min(high, Math.max(low, value));
  }
  if (DISTRIBUTIONS.includes(values.distribution)) out.distribution = values.distribution;
  if (typeof values.signal === "boolean") out.signal = values.signal;
  return out;
}

export function normalCdf(z) {
  const x = z * SQRT_HALF;
  const x2 = x * x;
  let term = x;
  let total = x;
  let n = 0;
  while (n < 400) {
    n += 1;
    term = (-term * x2) / n;
    const add = term / (2 * n + 1);
    total += add;
    if (Math.abs(add) <= 1e-17 * Math.abs(total)) break;
  }
  return 0.5 + 0.5 * (TWO_OVER_SQRT_PI * total);
}

export function normalQuantile(p) {
  let low = -6.0;
  let high = 6.0;
  for (let k = 0; k < 60; k += 1) {
    const mid = (low + high) / 2;
    if (normalCdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const scoreCache = new Map();
function normalScores(units) {
  if (!scoreCache.has(units)) {
    scoreCache.set(
      units,
      Array.from({ length: units }, (_, i) => normalQuantile((2 * i + 1) / (2 * units))),
    );
  }
  return scoreCache.get(units);
}

/** Units that defect at the start: `initial` percent of them, rounded half up. */
export function initialCount(s) {
  return Math.floor((2 * s.units * s.initial + 100) / 200);
}

/** Thresholds (whole percent, lowest first, below 0 counts as 0) of the units still to decide. */
export function thresholds(s) {
  const n = s.units - initialCount(s);
  const { centre: c, spread: w } = s;
  let raw;
  if (s.distribution === "uniform") {
    raw = Array.from({ length: n }, (_, i) => Math.floor((2 * c * n + 2 * w * (2 * i + 1 - n) + n) / (2 * n)));
  } else {
    raw = normalScores(n).map((z) => Math.floor(c + w * z + 0.5));
  }
  return raw.map((t) => Math.max(0, t));
}

/** Run the cascade to its end (see model.py's run for the rule). */
export function run(values) {
  const s = settingsFrom(values);
  const limits = thresholds(s);
  const n = s.units;
  let defected = initialCount(s);
  const gone = limits.map(() => false);
  const rounds = [{ round: 0, new: defected, defected, broadcast: false }];
  let r = 0;
  while (defected < n) {
    r += 1;
    const broadcast = s.signal && r >= s.signal_round;
    const drop = broadcast ? s.signal_drop : 0;
    const movers = [];
    for (const [i, t] of limits.entries()) if (!gone[i] && 100 * defected >= n * (t - drop)) movers.push(i);
    const pending = s.signal && r < s.signal_round;
    if (movers.length === 0 && !pending && !(broadcast && r === s.signal_round)) break;
    for (const i of movers) gone[i] = true;
    defected += movers.length;
    rounds.push({ round: r, new: movers.length, defected, broadcast });
  }
  const result = { settings: s, thresholds: limits, rounds, defected, outcome: 2 * defected > n ? "tipped" : "stalled" };
  result.summary = summary(result);
  return result;
}

export function percent(count, units) {
  return Math.floor((200 * count + units) / (2 * units));
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The state in words (the live region's text; the same words as model.py's summary). */
export function summary(result) {
  const s = result.settings;
  const n = s.units;
  const d = result.defected;
  const last = result.rounds[result.rounds.length - 1].round;
  const start = result.rounds[0].new;
  const parts = [];
  if (d === n) {
    const when = last === 0 ? "at the start" : `by round ${last}`;
    parts.push(`The cascade tips: all ${n} units have defected ${when}.`);
  } else if (2 * d > n) {
    parts.push(`The cascade tips: ${d} of ${n} units (${percent(d, n)}%) have defected when it stops after round ${last}.`);
  } else {
    const needed = Math.floor(n / 2) + 1;
    parts.push(
      `The cascade stalls: ${d} of ${n} units (${percent(d, n)}%) have defected when it stops ` +
        `after round ${last}; a majority needs ${needed}.`,
    );
  }
  parts.push(`At the start ${plural(start, "unit", "units")} (${percent(start, n)}%) defected.`);
  if (s.signal) {
    if (result.rounds.some((r) => r.broadcast)) {
      const moved = result.rounds.filter((r) => r.round === s.signal_round).reduce((sum, r) => sum + r.new, 0);
      parts.push(
        `The broadcast in round ${s.signal_round} lowered every threshold by ` +
          `${plural(s.signal_drop, "point", "points")}; ${plural(moved, "unit", "units")} went over in that round.`,
      );
    } else {
      parts.push(`Every unit had defected before the broadcast due in round ${s.signal_round}.`);
    }
  }
  return parts.join(" ");
}
