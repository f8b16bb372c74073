// Open answer: the learner writes, presses "Compare with the model answer", then sees the model
// answer and a checklist of criteria and ticks those met.  Strong and weak example answers
// open only after the learner has submitted.  Self-assessed, never graded (correct: null), so it
// has no try budget (no `tries`): the answer can be revised at any time.
// Response: {text, met: [criterion indices]}.
// A real attempt comes first: an answer shorter than q.min_words words (MIN_WORDS unless the
// bank says otherwise) is not accepted, and the quiz keeps the model answer locked until every
// graded question of the quiz has had a try (see question.js).

import { h } from "../dom.js";

export const MIN_WORDS = 12;

export function minWords(q) {
  return Number.isInteger(q?.min_words) && q.min_words > 0 ? q.min_words : MIN_WORDS;
}

export function countWords(text) {
  return String(text).split(/\s+/).filter(Boolean).length;
}

export function lengthNote(q) {
  return `Write at least ${minWords(q)} words first.`;
}

export default {
  type: "open",
  graded: false,
  checkLabel: "Compare with the model answer",
  retryLabel: "Revise my answer",
  inputs(q, uid) {
    const id = `${uid}-text`;
    const noteId = `${uid}-note`;
    const area = h("textarea", { id, rows: 6, class: "bookquiz-open-text", "aria-describedby": noteId });
    const note = h("p", { id: noteId, class: "bookquiz-open-note", text: lengthNote(q) });
    return {
      node: h("div", { class: "bookquiz-open" }, h("label", { for: id, text: "Your answer" }), note, area),
      read() {
        const text = area.value.trim();
        if (!text) return { problem: "Write your answer first." };
        const words = countWords(text);
        if (words < minWords(q)) {
          return { problem: `${lengthNote(q)} Your answer has ${words} ${words === 1 ? "word" : "words"} so far.` };
        }
        return { response: { text, met: [] } };
      },
      write(response) {
        area.value = response && typeof response.text === "string" ? response.text : "";
      },
      disable(disabled) {
        area.readOnly = disabled;
      },
      focus() {
        area.focus();
      },
    };
  },
  grade() {
    return { correct: null, feedback: [], details: [] };
  },
  // What follows a submitted answer: the model answer, the checklist, the examples.
  // `met` are the ticked criteria; `onMet(indices)` saves a change.
  review(q, met, uid, onMet) {
    const ticked = new Set(Array.isArray(met) ? met : []);
    const boxes = q.criteria.map((criterion, n) => ({
      id: `${uid}-crit${n}`,
      input: h("input", { type: "checkbox", id: `${uid}-crit${n}`, checked: ticked.has(n) }),
      text: criterion,
    }));
    const save = () => onMet(boxes.flatMap((box, n) => (box.input.checked ? [n] : [])));
    for (const box of boxes) box.input.addEventListener("change", save);
    const rows = boxes.map((box) => h("div", { class: "bookquiz-choice" }, box.input, h("label", { for: box.id, text: box.text })));
    const examples = [
      ["A strong answer", q.strong_example],
      ["A weak answer", q.weak_example],
    ]
      .filter(([, text]) => text)
      .map(([title, text]) => h("details", { class: "bookquiz-example" }, h("summary", { text: title }), h("p", { text })));
    return [
      h("p", { class: "bookquiz-verdict bookquiz-saved", text: "Your answer is saved. Compare it with the model answer." }),
      h("p", { class: "bookquiz-model-answer" }, h("strong", { text: "Model answer: " }), q.model_answer),
      h("fieldset", { class: "bookquiz-checklist" }, h("legend", { text: "Tick each criterion your answer meets:" }), ...rows),
      ...examples,
    ];
  },
};
