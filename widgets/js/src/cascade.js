// Cascade view: a threshold model of defection the learner can play with.  The model runs here
// (cascade/model.js), so it works in the static book with no kernel; every change of a control
// re-runs it, redraws the charts and the rounds table, says the outcome in a polite live region,
// and copies the settings and the results to the Python model (Cascade's traitlets) when a kernel
// is listening.  Standard anywidget: it uses only model.get/set/on/off/save_changes, and render
// returns its cleanup.

import { roundsChart, thresholdChart } from "./cascade/chart.js";
import { DEFAULTS, LIMITS, percent, run, settingsFrom } from "./cascade/model.js";
import { h, uniqueId } from "./dom.js";

const SETTINGS = Object.keys(DEFAULTS);
const RESULTS = ["thresholds", "rounds", "defected", "outcome", "summary"];
const ANNOUNCE_AFTER_MS = 400; // a slider moved by holding an arrow key is announced once it rests

const SLIDERS = [
  { name: "centre", label: "Centre of the thresholds", unit: "%" },
  { name: "spread", label: "Spread of the thresholds", unit: " points" },
  { name: "initial", label: "Share that defects at the start", unit: "%" },
];
const SIGNAL_SLIDERS = [
  { name: "signal_drop", label: "The broadcast lowers every threshold by", unit: " points" },
  { name: "signal_round", label: "The broadcast is heard in round", unit: "" },
];

function same(a, b) {
  return SETTINGS.every((name) => a[name] === b[name]);
}

function readModel(model) {
  return settingsFrom(Object.fromEntries(SETTINGS.map((name) => [name, model.get(name)])));
}

function slider(uid, spec) {
  const id = `${uid}-${spec.name}`;
  const [min, max] = LIMITS[spec.name];
  const input = h("input", { type: "range", id, name: spec.name, min, max, step: 1 });
  const output = h("output", { for: id, class: "bookquiz-cascade-value" });
  const row = h("div", { class: "bookquiz-cascade-row" }, h("label", { for: id, text: spec.label }), input, output);
  return {
    row,
    input,
    show(value) {
      input.value = String(value);
      const text = `${value}${spec.unit}`;
      output.textContent = text;
      input.setAttribute("aria-valuetext", text);
    },
  };
}

function roundsTable(result) {
  const n = result.settings.units;
  const rows = result.rounds.map((r) =>
    h(
      "tr",
      {},
      h("th", { scope: "row", text: r.round === 0 ? "Start" : String(r.round) }),
      h("td", { text: String(r.new) }),
      h("td", { text: String(r.defected) }),
      h("td", { text: `${percent(r.defected, n)}%` }),
      h("td", { text: r.broadcast ? "in force" : "–" }),
    ),
  );
  return h(
    "table",
    { class: "bookquiz-cascade-table" },
    h("caption", { text: `Units that defected, round by round (of ${n})` }),
    h("thead", {}, h("tr", {}, ...["Round", "Went over", "In all", "Share", "Broadcast"].map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, ...rows),
  );
}

export function render({ model, el }) {
  const uid = uniqueId("bookquiz-cascade");
  const initial = readModel(model);
  const root = h("div", { class: "bookquiz bookquiz-cascade" });
  const title = model.get("title");
  if (title) root.append(h("p", { class: "bookquiz-title", text: title }));

  const shapeName = `${uid}-shape`;
  const shapes = [
    ["normal", "Bell curve (normal)"],
    ["uniform", "Even (uniform)"],
  ].map(([value, text]) => {
    const id = `${uid}-shape-${value}`;
    const input = h("input", { type: "radio", name: shapeName, id, value });
    return { value, input, node: h("div", { class: "bookquiz-choice" }, input, h("label", { for: id, text })) };
  });
  const shapeSet = h(
    "fieldset",
    { class: "bookquiz-cascade-shape" },
    h("legend", { text: "Shape of the thresholds" }),
    ...shapes.map((s) => s.node),
  );
  const sliders = Object.fromEntries([...SLIDERS, ...SIGNAL_SLIDERS].map((spec) => [spec.name, slider(uid, spec)]));
  const signalId = `${uid}-signal`;
  const signalBox = h("input", { type: "checkbox", id: signalId, name: "signal" });
  const signalSet = h(
    "fieldset",
    { class: "bookquiz-cascade-signal" },
    h("legend", { text: "Focal signal" }),
    h("div", { class: "bookquiz-choice" }, signalBox, h("label", { for: signalId, text: "Broadcast a focal signal" })),
    ...SIGNAL_SLIDERS.map((spec) => sliders[spec.name].row),
  );
  const resetButton = h("button", { type: "button", class: "bookquiz-cascade-reset", text: "Back to the starting settings" });
  const controls = h(
    "fieldset",
    { class: "bookquiz-cascade-controls" },
    h("legend", { text: `Settings (${initial.units} units)` }),
    shapeSet,
    ...SLIDERS.map((spec) => sliders[spec.name].row),
    signalSet,
    h("div", { class: "bookquiz-actions" }, resetButton),
  );

  const status = h("p", { class: "bookquiz-cascade-summary", role: "status", "aria-live": "polite" });
  const roundsFigure = h("figure", { class: "bookquiz-cascade-figure" });
  const unitsFigure = h("figure", { class: "bookquiz-cascade-figure" });
  const tableWrap = h("div", { class: "bookquiz-table-wrap" });
  const details = h("details", { class: "bookquiz-cascade-details" }, h("summary", { text: "The rounds as a table" }), tableWrap);
  root.append(controls, status, roundsFigure, unitsFigure, details);
  // In JupyterLab, keys pressed on a control (arrows on a slider, Space on a checkbox) go to the
  // control, not to the notebook's shortcuts: Lumino skips an element with this attribute.
  for (const control of root.querySelectorAll("input, button, summary")) control.setAttribute("data-lm-suppress-shortcuts", "true");
  el.append(root);

  let current = initial;
  let timer = null;

  function showControls(s) {
    for (const shape of shapes) shape.input.checked = shape.value === s.distribution;
    for (const [name, view] of Object.entries(sliders)) view.show(s[name]);
    signalBox.checked = s.signal;
    for (const spec of SIGNAL_SLIDERS) sliders[spec.name].input.disabled = !s.signal;
  }

  function draw(result, announce) {
    roundsFigure.replaceChildren(
      roundsChart(result),
      h("figcaption", { text: "Share of all units that have defected, after each round. The dashed line marks a majority." }),
    );
    unitsFigure.replaceChildren(
      thresholdChart(result),
      h("figcaption", {
        text:
          "How many units have each threshold, in bands of 5 points: the filled part of a bar went over, the hollow part did not. " +
          "The bar marked “start” went over at the start; the dotted line marks the final share.",
      }),
    );
    tableWrap.replaceChildren(roundsTable(result));
    root.dataset.outcome = result.outcome;
    clearTimeout(timer);
    if (announce) timer = setTimeout(() => (status.textContent = result.summary), ANNOUNCE_AFTER_MS);
    else status.textContent = result.summary;
  }

  function publish(result) {
    for (const name of SETTINGS) model.set(name, result.settings[name]);
    for (const name of RESULTS) model.set(name, result[name]);
    try {
      model.save_changes();
    } catch {
      /* no kernel (static book): the page alone runs the model */
    }
  }

  // The learner moved a control: run, draw, announce, tell Python.
  function fromControls() {
    const values = { ...current };
    values.distribution = shapes.find((s) => s.input.checked)?.value ?? current.distribution;
    for (const [name, view] of Object.entries(sliders)) values[name] = Number(view.input.value);
    values.signal = signalBox.checked;
    const next = settingsFrom(values);
    if (same(next, current)) return; // "input" and "change" both fire for one move
    current = next;
    showControls(current);
    const result = run(current);
    draw(result, true);
    publish(result);
  }

  // Python changed a setting (cascade.centre = 30): show it; Python computes its own results.
  function fromModel() {
    const incoming = readModel(model);
    if (same(incoming, current)) return;
    current = incoming;
    showControls(current);
    draw(run(current), true);
  }

  function reset() {
    current = initial;
    showControls(current);
    const result = run(current);
    draw(result, true);
    publish(result);
  }

  controls.addEventListener("input", fromControls);
  controls.addEventListener("change", fromControls);
  resetButton.addEventListener("click", reset);
  for (const name of SETTINGS) model.on(`change:${name}`, fromModel);

  showControls(current);
  const first = run(current);
  draw(first, false);
  if (RESULTS.some((name) => JSON.stringify(model.get(name)) !== JSON.stringify(first[name]))) publish(first);

  return () => {
    clearTimeout(timer);
    for (const name of SETTINGS) model.off(`change:${name}`, fromModel);
    root.remove();
  };
}

export default { render };
