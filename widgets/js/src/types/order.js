// Order: the learner moves events (or steps) into order with Earlier/Later buttons (keyboard
// friendly).  Items arrive in a fixed shuffle; their ids and the right order (q.order) are
// sealed.  A wrong order gets one neutral line (UNORDERED) and the question's hint, never how
// many items are in place: with three or four items a count solves the question in a few tries.
// Two tries (`tries`, counted in record.js); then only "Show answer" is offered.

import { h } from "../dom.js";

const MOVES = {
  up: { delta: -1, word: "earlier", label: "↑ Earlier", edge: "first" },
  down: { delta: 1, word: "later", label: "↓ Later", edge: "last" },
};

// The items may be events or the steps of a procedure, so the feedback calls them items.
export const UNORDERED = "Not yet: at least one item is out of order — reread the sequence in the chapter.";

export default {
  type: "order",
  graded: true,
  tries: 2, // attempts that count; after a second wrong one only "Show answer" is offered
  inputs(q) {
    const text = Object.fromEntries(q.items.map((i) => [i.id, i.text]));
    const start = q.items.map((i) => i.id);
    // A button's data-item is the item's place in the shuffle as drawn, never its id (sealed:
    // authors name ids after what they mean); responses keep the ids.
    const slot = Object.fromEntries(start.map((id, n) => [id, String(n)]));
    let current = [...start];
    let disabled = false;
    const list = h("ol", { class: "bookquiz-order-list" });
    const announcer = h("p", { class: "bookquiz-visually-hidden", "aria-live": "polite" });

    function move(id, direction) {
      if (disabled) return;
      const { delta, edge } = MOVES[direction];
      const from = current.indexOf(id);
      const to = from + delta;
      if (to < 0 || to >= current.length) {
        announcer.textContent = `“${text[id]}” is already ${edge}.`;
        return;
      }
      [current[from], current[to]] = [current[to], current[from]];
      draw();
      list.querySelector(`button[data-item="${slot[id]}"][data-direction="${direction}"]`).focus();
      announcer.textContent = `“${text[id]}” moved to position ${to + 1} of ${current.length}.`;
    }

    function moveButton(id, direction) {
      return h("button", {
        type: "button",
        class: "bookquiz-move",
        "data-item": slot[id],
        "data-direction": direction,
        "aria-label": `Move “${text[id]}” ${MOVES[direction].word}`,
        "aria-disabled": disabled ? "true" : null,
        text: MOVES[direction].label,
        onclick: () => move(id, direction),
      });
    }

    function draw() {
      list.replaceChildren(
        ...current.map((id) =>
          h(
            "li",
            { class: "bookquiz-order-item" },
            h("span", { class: "bookquiz-order-text", text: text[id] }),
            moveButton(id, "up"),
            moveButton(id, "down"),
          ),
        ),
      );
    }
    draw();
    return {
      node: h("div", {}, list, announcer),
      read() {
        return { response: [...current] };
      },
      write(response) {
        const known = Array.isArray(response) && response.length === start.length && response.every((id) => id in text);
        current = known ? [...response] : [...start];
        draw();
      },
      disable(value) {
        // aria-disabled keeps the buttons focusable, so keyboard focus is never lost.
        disabled = value;
        draw();
      },
      focus() {
        list.querySelector("button").focus();
      },
    };
  },
  grade(q, response) {
    const expected = q.order;
    if (!Array.isArray(response) || !response.every((r) => typeof r === "string")) return null;
    if (response.length !== expected.length) return null;
    const a = [...response].sort();
    const b = [...expected].sort();
    if (a.some((v, i) => v !== b[i])) return null;
    if (response.every((id, i) => id === expected[i])) return { correct: true, feedback: [], details: [] };
    return { correct: false, feedback: [UNORDERED], details: [] };
  },
};
