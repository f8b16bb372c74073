// Classify: the learner puts each item in a category.  A wrong attempt names no right category
// and counts nothing: it shows an item's misconception where the bank gives one for the
// category chosen ("“item”, placed under Category: why that is a mistake"), otherwise a plain
// "not yet"; each item's `why` comes once the answer is right or shown.  Two tries (`tries`,
// counted in record.js); then only "Show answer" is offered.

import { h } from "../dom.js";

const own = (object, key) => Boolean(object) && Object.hasOwn(object, key);

export const MISPLACED = "Not yet: at least one item is under the wrong category — reread each item against the definitions.";
// After the notes, when some misplaced item has none: the learner must not think the notes are all.
export const NOT_ONLY = "Other items may be misplaced too: reread every item, not only those above.";

export function placed(item, category, misconception) {
  return `“${item}”, placed under ${category}: ${misconception}`;
}

export default {
  type: "classify",
  graded: true,
  tries: 2, // attempts that count; after a second wrong one only "Show answer" is offered
  inputs(q, uid) {
    const node = h("ul", { class: "bookquiz-classify-list" });
    const selects = q.items.map((item, n) => {
      const id = `${uid}-i${n}`;
      const select = h("select", { id }, h("option", { value: "", text: "Choose a category…" }));
      // A category's value is its position, never its id (sealed): read/write map the two.
      for (const [k, c] of q.categories.entries()) select.append(h("option", { value: String(k), text: c.label }));
      node.append(h("li", {}, h("label", { for: id, text: item.text }), select));
      return { item, select };
    });
    const position = (categoryId) => q.categories.findIndex((c) => c.id === categoryId);
    return {
      node,
      read() {
        if (selects.some(({ select }) => !select.value)) return { problem: "Choose a category for every item first." };
        return { response: Object.fromEntries(selects.map(({ item, select }) => [item.id, q.categories[Number(select.value)].id])) };
      },
      write(response) {
        for (const { item, select } of selects) {
          const k = own(response, item.id) ? position(response[item.id]) : -1;
          select.value = k < 0 ? "" : String(k);
        }
      },
      disable(disabled) {
        for (const { select } of selects) select.disabled = disabled;
      },
      focus() {
        selects[0].select.focus();
      },
    };
  },
  grade(q, response) {
    if (response === null || typeof response !== "object" || Array.isArray(response)) return null;
    const labels = Object.fromEntries(q.categories.map((c) => [c.id, c.label]));
    const feedback = [];
    const details = [];
    let right = 0;
    for (const item of q.items) {
      const chosen = own(response, item.id) ? response[item.id] : undefined;
      if (chosen === item.category) {
        right += 1;
        continue;
      }
      details.push(`${item.text}: ${labels[item.category]}. ${item.why}`);
      if (typeof chosen === "string" && own(item.misconceptions, chosen)) {
        feedback.push(placed(item.text, labels[chosen], item.misconceptions[chosen]));
      }
    }
    if (right === q.items.length) return { correct: true, feedback: [], details: [] };
    if (!feedback.length) return { correct: false, feedback: [MISPLACED], details };
    return { correct: false, feedback: feedback.length < details.length ? [...feedback, NOT_ONLY] : feedback, details };
  },
};
