// Open answer: the learner writes, presses "Compare with the model answer", then sees the model
// answer and a checklist of criteria, ticks those met and submits the self-assessment (or says
// "None of these yet").  Strong and weak example answers open only after the learner has
// submitted.  Self-assessed, never graded (correct: null), so it has no try budget (no `tries`):
// the answer can be revised at any time.
// Response: {text, met: [criterion indices], assessed: true once the self-assessment is submitted};
// only then does the answer count as a reflection done (`done`, used by record.js).
// A real attempt comes first (`checkText`, the twin of bookquiz/qtypes/open.py's text_problem;
// tests/fixtures/open_answers.json holds the cases both must agree on): refused are an empty
// text, fewer than q.min_words words (MIN_WORDS unless the bank says otherwise), fewer than
// MIN_DISTINCT different words, or a text that mostly copies the prompt.  The quiz keeps the
// model answer locked until every graded question of the quiz has had a try (see question.js).

import { h } from "../dom.js";

export const MIN_WORDS = 12;
export const MIN_DISTINCT = 8;
const COPY_SHARE = 0.5; // at most this share of the answer's three-word runs may be the prompt's

export function minWords(q) {
  return Number.isInteger(q?.min_words) && q.min_words > 0 ? q.min_words : MIN_WORDS;
}

// Words: split at white space, punctuation trimmed from both ends, lower case.
export function words(text) {
  return String(text)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, "").toLowerCase())
    .filter(Boolean);
}

export function countWords(text) {
  return words(text).length;
}

const runs = (found) => found.slice(0, -2).map((w, n) => `${w} ${found[n + 1]} ${found[n + 2]}`);

// Why the answer is refused ({rule, message}), or null when it is accepted.
export function checkText(q, text) {
  const found = words(text);
  const fewest = Math.min(MIN_DISTINCT, minWords(q));
  if (!found.length) return { rule: "empty", message: "Write your answer first." };
  if (found.length < minWords(q)) {
    const n = found.length;
    return { rule: "short", message: `${lengthNote(q)} Your answer has ${n} ${n === 1 ? "word" : "words"} so far.` };
  }
  const different = new Set(found).size;
  if (different < fewest) {
    return {
      rule: "repetitive",
      message: `Your answer uses only ${different} different words: explain your reasoning with at least ${fewest} different words.`,
    };
  }
  const mine = runs(found);
  const asked = new Set(runs(words(q?.prompt || "")));
  if (mine.length && mine.filter((r) => asked.has(r)).length > COPY_SHARE * mine.length) {
    return { rule: "copied", message: "Most of your answer repeats the question: answer it in your own words." };
  }
  return null;
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
        const problem = checkText(q, text);
        return problem ? { problem: problem.message } : { response: { text, met: [] } };
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
  // A reflection is done once some attempt's self-assessment was submitted.
  done(attempts) {
    return (attempts || []).some((a) => a?.response?.assessed === true);
  },
  // What follows a submitted answer: the model answer, the checklist and its submit buttons,
  // the examples.  `response` is the last response; `onChange(fields)` saves fields of it.
  review(q, response, uid, onChange) {
    const ticked = new Set(Array.isArray(response?.met) ? response.met : []);
    let assessed = response?.assessed === true;
    const boxes = q.criteria.map((criterion, n) => ({
      id: `${uid}-crit${n}`,
      input: h("input", { type: "checkbox", id: `${uid}-crit${n}`, checked: ticked.has(n) }),
      text: criterion,
    }));
    const met = () => boxes.flatMap((box, n) => (box.input.checked ? [n] : []));
    const status = h("p", { class: "bookquiz-self-assessment", role: "status" });
    const showStatus = () => {
      status.dataset.state = assessed ? "assessed" : "open";
      status.textContent = assessed
        ? `Self-assessment saved: ${met().length} of ${boxes.length} criteria met. Change the ticks at any time.`
        : "Tick the criteria your answer meets and submit your self-assessment: it counts in your progress only then.";
    };
    for (const box of boxes)
      box.input.addEventListener("change", () => {
        onChange({ met: met() });
        showStatus();
      });
    const submit = h("button", { type: "button", class: "bookquiz-assess", text: "Submit my self-assessment" });
    const none = h("button", { type: "button", class: "bookquiz-assess-none", text: "None of these yet" });
    submit.addEventListener("click", () => {
      if (!met().length) {
        status.dataset.state = "problem";
        status.textContent = "Tick each criterion your answer meets, or press “None of these yet” if it meets none.";
        return;
      }
      assessed = true;
      onChange({ met: met(), assessed });
      showStatus();
    });
    none.addEventListener("click", () => {
      for (const box of boxes) box.input.checked = false;
      assessed = true;
      onChange({ met: [], assessed });
      showStatus();
    });
    showStatus();
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
      h("div", { class: "bookquiz-actions" }, submit, none),
      status,
      ...examples,
    ];
  },
};
