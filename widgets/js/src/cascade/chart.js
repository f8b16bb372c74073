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

/** Every unit as a mark at its threshold (stacked where thresholds are equal): filled went over,
 *  hollow did not; squares on the left are the units that went over at the start. */
export function thresholdChart(result) {
  const { thresholds, rounds, settings, defected } = result;
  const n = settings.units;
  const start = rounds[0].new;
  const decided = defected - start; // went over during the rounds: the lowest thresholds
  const maxT = Math.max(100, ...thresholds);
  const left = PAD.left + 16;
  const plotW = WIDTH - left - PAD.right;
  const size = n > 200 ? 2 : 3.2;
  const counts = new Map();
  let tallest = 1;
  for (const t of thresholds) {
    counts.set(t, (counts.get(t) || 0) + 1);
    tallest = Math.max(tallest, counts.get(t));
  }
  tallest = Math.max(tallest, Math.ceil(start / 2));
  const height = Math.min(260, PAD.top + PAD.bottom + 10 + tallest * size * 2.2);
  const base = height - PAD.bottom;
  const dy = Math.min(size * 2.2, (base - PAD.top) / tallest);
  const x = (t) => left + (plotW * t) / maxT;
  const root = frame(
    height,
    "Chart: each unit at its threshold; filled marks went over, hollow ones did not; squares on the left went over at the start.",
  );

  root.append(svg("line", { x1: left, x2: WIDTH - PAD.right, y1: base + 2, y2: base + 2, class: "grid" }));
  for (const t of [0, 25, 50, 75, 100]) {
    root.append(svg("text", { x: x(t), y: base + 16, class: "tick", "text-anchor": "middle", text: `${t}%` }));
  }
  root.append(svg("text", { x: left + plotW / 2, y: height - 3, class: "axis", "text-anchor": "middle", text: "threshold" }));
  for (let i = 0; i < start; i += 1) {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const side = size * 1.7;
    root.append(svg("rect", { x: 4 + col * (side + 1), y: base - (row + 1) * dy, width: side, height: side, class: "unit gone" }));
  }
  const final = percent(defected, n);
  root.append(svg("line", { x1: x(final), x2: x(final), y1: PAD.top, y2: base + 2, class: "broadcast" }));
  root.append(svg("text", { x: Math.min(x(final) + 3, WIDTH - 60), y: PAD.top + 8, class: "tick", text: `final ${final}%` }));
  const stacked = new Map();
  thresholds.forEach((t, i) => {
    const level = stacked.get(t) || 0;
    stacked.set(t, level + 1);
    const cls = i < decided ? "unit gone" : "unit stayed";
    root.append(svg("circle", { cx: x(t), cy: base - level * dy - dy / 2, r: size, class: cls }));
  });
  return root;
}
