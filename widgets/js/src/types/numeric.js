// Numeric: the learner types a number, graded with a tolerance.  A wrong number gets the bank's
// hint (all `hints` ranges carry one text, which the bank lint checks, and a number outside every
// range gets that text too) or, without hints, one neutral line (outOfRange); never "too high" or
// "too low": a direction would let a learner who knows nothing find the answer by halving the
// interval.  Two tries (`tries`, counted in record.js); then only
// "Show answer" is offered.

import { h } from "../dom.js";

export function formatNumber(value) {
  return String(Number(value));
}

export function outOfRange(value) {
  return `${formatNumber(value)} is not within the accepted range.`;
}

// "7", "7.5", "7,5", "-3", "1e3": a number.  Anything else ("7 days", "about 7") is not.
export function parseNumber(raw) {
  const text = raw
    .trim()
    .replace(/^\+/, "")
    .replace(/^(-?\d+),(\d+)$/, "$1.$2");
  if (text === "") return { problem: "Enter a number first." };
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return { problem: "Type only the number, in digits, without units or words (for example 15, not “15 days”)." };
  }
  return { response: value };
}

export default {
  type: "numeric",
  graded: true,
  tries: 2, // attempts that count; after a second wrong one only "Show answer" is offered
  inputs(q, uid) {
    const id = `${uid}-value`;
    const input = h("input", { type: "text", inputmode: "decimal", id, autocomplete: "off", size: 10 });
    const label = `Your answer${q.unit ? ` (${q.unit})` : ""}`;
    return {
      node: h("div", { class: "bookquiz-numeric" }, h("label", { for: id, text: label }), input),
      read() {
        return parseNumber(input.value);
      },
      write(response) {
        input.value = typeof response === "number" ? String(response) : "";
      },
      disable(disabled) {
        input.readOnly = disabled;
      },
      focus() {
        input.focus();
      },
    };
  },
  grade(q, response) {
    if (typeof response !== "number" || !Number.isFinite(response)) return null;
    if (Math.abs(response - q.answer) <= q.tolerance + 1e-9) return { correct: true, feedback: [], details: [] };
    for (const hint of q.hints || []) {
      if (hint.min <= response && response <= hint.max) return { correct: false, feedback: [hint.text], details: [] };
    }
    // Outside every range: the same hint (the bank lint requires one text for all ranges), so
    // whether a hint appears never tells the learner which side of the answer they are on.
    const fallback = q.hints?.length ? q.hints[0].text : outOfRange(response);
    return { correct: false, feedback: [fallback], details: [] };
  },
};
