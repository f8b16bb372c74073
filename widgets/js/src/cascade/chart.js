// Two small SVG charts of a cascade run (plain DOM, no plotting library): the share of units that
// have defected after each round, and every unit placed at its threshold.  Colours come from CSS
// classes (cascade.css), so the charts follow the page's light or dark theme, also when it is
// switched live; shape and position carry the meaning, never colour alone.  The numbers are in
// the rounds table and the live-region text next to the charts.

import { percent } from "./model.js";

const NS = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const PAD = { left: 34, right: 10, top: 10, bottom: 30 };

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function frame(height, label) {
  return svg("svg", {
    viewBox: `0 0 ${WIDTH} ${height}`,
    class: "bookquiz-cascade-svg",
    role: "img",
    "aria-label": label,
    focusable: "false",
  });
}

/** Every how many rounds to label the x axis so that labels never crowd. */
export function labelStep(count, room) {
  const fits = Math.max(1, Math.floor(room / 22));
  return Math.max(1, Math.ceil(count / fits));
}

/** Share defected (0-100 %) after each round, with the majority line and the broadcast marked. */
export function roundsChart(result) {
  const height = 190;
  const { rounds, settings } = result;
  const n = settings.units;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const last = Math.max(1, rounds[rounds.length - 1].round);
  const x = (r) => PAD.left + (plotW * r) / last;
  const y = (share) => PAD.top + plotH * (1 - share / 100);
  const root = frame(height, "Chart: share of units that have defected, round by round. The table below gives the numbers.");

  for (const share of [0, 50, 100]) {
    root.append(
      svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(share), y2: y(share), class: share === 50 ? "majority" : "grid" }),
      svg("text", { x: PAD.left - 4, y: y(share) + 4, class: "tick", "text-anchor": "end", text: `${share}%` }),
    );
  }
  root.append(svg("text", { x: WIDTH - PAD.right, y: y(50) - 4, class: "tick", "text-anchor": "end", text: "majority" }));

  const heard = rounds.find((r) => r.broadcast);
  if (heard) {
    root.append(
      svg("line", { x1: x(heard.round), x2: x(heard.round), y1: PAD.top, y2: PAD.top + plotH, class: "broadcast" }),
      svg("text", { x: x(heard.round) + 3, y: PAD.top + 10, class: "tick", text: "broadcast" }),
    );
  }

  const points = rounds.map((r) => [x(r.round), y((100 * r.defected) / n)]);
  root.append(svg("polyline", { points: points.map((p) => p.join(",")).join(" "), class: "line" }));
  for (const [px, py] of points) root.append(svg("circle", { cx: px, cy: py, r: rounds.length > 40 ? 1.5 : 3, class: "point" }));

  const step = labelStep(last + 1, plotW);
  for (let r = 0; r <= last; r += step) {
    root.append(
      svg("text", { x: x(r), y: height - PAD.bottom + 14, class: "tick", "text-anchor": "middle", text: r === 0 ? "start" : String(r) }),
    );
  }
  root.append(svg("text", { x: PAD.left + plotW / 2, y: height - 3, class: "axis", "text-anchor": "middle", text: "round" }));
  return root;
}

/** Thresholds in bands of BAND points: per band, the units that went over (filled, at the bottom)
 *  and those that did not (hollow, on top); the first bar is the units that went over at the
 *  start.  A dotted line marks the final share. */
export const BAND = 5;

export function bands(result) {
  const { thresholds, rounds, defected } = result;
  const decided = defected - rounds[0].new; // the lowest thresholds went over during the rounds
  const count = Math.max(Math.floor(100 / BAND) + 1, Math.floor(Math.max(0, ...thresholds) / BAND) + 1);
  const out = Array.from({ length: count }, (_, k) => ({ from: k * BAND, gone: 0, stayed: 0 }));
  thresholds.forEach((t, i) => {
    const band = out[Math.floor(t / BAND)];
    if (i < decided) band.gone += 1;
    else band.stayed += 1;
  });
  return out;
}

export function thresholdChart(result) {
  const { rounds, settings, defected } = result;
  const n = settings.units;
  const start = rounds[0].new;
  const height = 160;
  const top = 22; // room for the final-share label above the bars
  const startW = 14;
  const left = PAD.left + startW + 12;
  const plotW = WIDTH - left - PAD.right;
  const plotH = height - top - PAD.bottom;
  const base = top + plotH;
  const groups = bands(result);
  const tallest = Math.max(1, start, ...groups.map((b) => b.gone + b.stayed));
  const barW = plotW / groups.length;
  const x = (share) => left + (plotW * share) / (groups.length * BAND);
  const y = (k) => base - (plotH * k) / tallest;
  const root = frame(
    height,
    "Chart: how many units have each threshold, in bands of 5 points; filled parts went over, hollow parts did not.",
  );
  root.append(
    svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: base, y2: base, class: "grid" }),
    svg("text", { x: PAD.left - 4, y: top + 8, class: "tick", "text-anchor": "end", text: String(tallest) }),
    svg("text", { x: PAD.left - 4, y: base, class: "tick", "text-anchor": "end", text: "0" }),
    svg("text", { x: PAD.left - 4, y: top + 20, class: "tick", "text-anchor": "end", text: "units" }),
  );
  if (start > 0) root.append(svg("rect", { x: PAD.left + 2, y: y(start), width: startW, height: base - y(start), class: "unit gone" }));
  root.append(svg("text", { x: PAD.left + 2 + startW / 2, y: base + 14, class: "tick", "text-anchor": "middle", text: "start" }));
  groups.forEach((b, k) => {
    const bx = left + k * barW + 0.5;
    const w = Math.max(1, barW - 1);
    if (b.gone) root.append(svg("rect", { x: bx, y: y(b.gone), width: w, height: base - y(b.gone), class: "unit gone" }));
    if (b.stayed) {
      const high = y(b.gone + b.stayed);
      root.append(svg("rect", { x: bx, y: high, width: w, height: y(b.gone) - high, class: "unit stayed" }));
    }
  });
  for (const t of [25, 50, 75, 100]) {
    root.append(svg("text", { x: x(t), y: base + 14, class: "tick", "text-anchor": "middle", text: `${t}%` }));
  }
  root.append(svg("text", { x: x(0), y: base + 14, class: "tick", "text-anchor": "start", text: "0%" }));
  root.append(svg("text", { x: left + plotW / 2, y: height - 3, class: "axis", "text-anchor": "middle", text: "threshold" }));
  const final = percent(defected, n);
  const right = x(final) > WIDTH / 2;
  root.append(
    svg("line", { x1: x(final), x2: x(final), y1: top - 8, y2: base, class: "broadcast" }),
    svg("text", {
      x: right ? x(final) - 3 : x(final) + 3,
      y: top - 10,
      class: "tick",
      "text-anchor": right ? "end" : "start",
      text: `final share ${final}%`,
    }),
  );
  return root;
}
