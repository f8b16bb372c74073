// One question of a quiz: its inputs (from the type registry), Check / Try again / Show answer,
// and feedback that teaches without giving the answer away:
// - after a wrong attempt: the verdict, the type's feedback (the misconception of what was
//   chosen, a numeric range hint, a neutral "not yet"; never a count or a direction), the
//   question's hint, and how many tries are left;
// - once right, or once the learner chose "Show answer": the details (what was left out, why),
//   the explanation and the source.  "Show answer" is not offered once the answer is right,
//   and showing the answer locks the question.
// Each graded type has a try budget (`tries` in its registry entry, counted in record.js: one for
// true/false, two for the others).  Once it is spent and the answer is not right, "Try again" is
// no longer offered, only "Show answer"; a right answer after the budget (an older record) is
// shown as right but said not to count.  Open answers have no budget.
// Open answers (types with `review`) show the model answer and a checklist once submitted, but
// only once every graded question of the quiz has had a try (`locked()` says whether one has
// not): before that, the model answer would give their keys away.  A locked answer is saved,
// and the quiz calls `refresh()` when another question is answered.

import { h, list } from "./dom.js";
import { grade } from "./grading.js";
import { attemptsOf, emptyEntry, isoNow, isRevealed, rightEventually, triesLeft, triesOf } from "./record.js";
import { fullQuestion } from "./seal.js";
import { TYPES } from "./types/index.js";

export const LOCKED =
  "Answer the other questions of this quiz first: the model answer, the checklist and the example answers open once each of them has had a try.";

export const NO_TRIES_LEFT = "No tries left: open the answer to see why.";
export const TOO_LATE = "Right, but after the tries this question allows, so it does not count as right.";

const triesWord = (n) => `${n} ${n === 1 ? "try" : "tries"}`;

// Before the first attempt: the budget, said up front.
export function budgetText(tries) {
  return `You have ${triesWord(tries)} at this question.`;
}

// After a wrong attempt.
export function triesLeftText(left) {
  return left > 0 ? `${triesWord(left)} left.` : NO_TRIES_LEFT;
}

function verdict(kind, symbol, text) {
  return h("p", { class: `bookquiz-verdict bookquiz-${kind}` }, h("span", { "aria-hidden": "true", text: `${symbol} ` }), text);
}

function teaching(full, details) {
  return [
    details.length ? list("ul", "bookquiz-details", details) : null,
    full.explanation ? h("p", { class: "bookquiz-explanation" }, h("strong", { text: "Explanation: " }), full.explanation) : null,
    h("p", { class: "bookquiz-source", text: `Source: ${full.source}` }),
  ];
}

export function instructorKey(full) {
  return h(
    "div",
    { class: "bookquiz-instructor-key" },
    h("strong", { text: "Answer key: " }),
    list("ul", "bookquiz-key", full.key),
    full.explanation ? h("p", { text: full.explanation }) : null,
    h("p", { class: "bookquiz-source", text: `Source: ${full.source}` }),
  );
}

// spec: the question as embedded (public part plus `sealed`); entry(): its record;
// commit(entry): save a new record.
// locked(): true while the model answer of an open question must stay closed.
// The inputs are drawn from the whole question held in memory: the ids of options, items and
// categories are sealed (authors name them after what they mean), so the DOM carries only their
// positions and each type maps them back to the ids that records, exports and regrading use.
export function questionView({ bank, spec, index, total, uid, instructor, entry, commit, locked = () => false }) {
  const type = TYPES[spec.type];
  const full = fullQuestion(bank, spec);
  const inputs = type.inputs(full, uid);
  const feedback = h("div", { class: "bookquiz-feedback", role: "status", "aria-live": "polite", tabindex: "-1" });
  const section = h("section", {
    class: `bookquiz-question bookquiz-${spec.type}`,
    "data-question": spec.id,
    "aria-labelledby": `${uid}-legend`,
  });
  const legend = h(
    "legend",
    { id: `${uid}-legend` },
    h("span", { class: "bookquiz-qnum", text: `Question ${index + 1} of ${total}. ` }),
    h("span", { class: "bookquiz-prompt", text: spec.prompt }),
  );
  const check = h("button", { type: "button", class: "bookquiz-check", text: type.checkLabel || "Check answer" });
  const retry = h("button", { type: "button", class: "bookquiz-retry", text: type.retryLabel || "Try again" });
  const reveal = h("button", { type: "button", class: "bookquiz-reveal", text: "Show answer" });
  const lockNote = type.review ? h("p", { class: "bookquiz-lock-note", text: LOCKED }) : null;
  const tries = triesOf(spec.type);
  const budgetNote = Number.isFinite(tries) ? h("p", { class: "bookquiz-budget", text: budgetText(tries) }) : null;
  section.append(
    h("fieldset", {}, legend, lockNote, inputs.node, budgetNote),
    h("div", { class: "bookquiz-actions" }, check, retry, reveal),
    feedback,
  );
  if (instructor) section.append(instructorKey(full));

  function buttons({ checking, retrying, revealing }) {
    inputs.disable(!checking);
    check.hidden = !checking;
    retry.hidden = !retrying;
    reveal.hidden = !revealing || type.graded === false;
  }

  // Ready for an answer: the tries this record leaves are said before the learner checks.
  function editing(record) {
    feedback.replaceChildren();
    delete section.dataset.state;
    buttons({ checking: true, retrying: false, revealing: true });
    if (budgetNote) {
      const left = triesLeft(record, spec.type);
      budgetNote.textContent = left >= tries ? budgetText(tries) : triesLeftText(left);
      budgetNote.hidden = false;
    }
  }

  function reviewNodes(record) {
    const attempts = attemptsOf(record);
    const last = attempts[attempts.length - 1];
    const onChange = (fields) => {
      const current = entry();
      const all = attemptsOf(current);
      const latest = all[all.length - 1];
      commit({ ...current, attempts: [...all.slice(0, -1), { ...latest, response: { ...latest.response, ...fields } }] });
    };
    return [...type.review(full, last.response, uid, onChange), ...teaching(full, [])].filter(Boolean);
  }

  function drawLock() {
    if (lockNote) lockNote.hidden = !locked();
  }

  // Draw the question from its record.
  function show(record) {
    drawLock();
    const attempts = attemptsOf(record);
    const revealed = isRevealed(record);
    const last = attempts[attempts.length - 1];
    if (!attempts.length && !revealed) {
      inputs.write(undefined);
      editing(record);
      return;
    }
    if (budgetNote) {
      budgetNote.hidden = true; // the feedback says what is left; keep the hidden text current too
      budgetNote.textContent = triesLeftText(triesLeft(record, spec.type));
    }
    if (last) inputs.write(last.response);
    if (type.review) {
      if (locked()) {
        feedback.replaceChildren(
          h("p", { class: "bookquiz-verdict bookquiz-saved", text: "Your answer is saved." }),
          h("p", { class: "bookquiz-locked", text: LOCKED }),
        );
        section.dataset.state = "locked";
      } else {
        feedback.replaceChildren(...reviewNodes(record));
        section.dataset.state = "submitted";
      }
      buttons({ checking: false, retrying: true, revealing: false });
      return;
    }
    const nodes = [];
    if (revealed) nodes.push(verdict("revealed", "→", "Answer shown:"), list("ul", "bookquiz-key", full.key));
    let details = [];
    let right = false;
    if (last) {
      const result = grade(full, last.response);
      details = result.details;
      right = result.correct === true;
      if (right) nodes.push(verdict("right", "✓", "Correct."));
      else nodes.push(verdict("wrong", "✗", revealed ? "Your last answer was not right." : "Not quite."));
      if (!right && !revealed && result.feedback.length) nodes.push(list("ul", "bookquiz-misconceptions", result.feedback));
    }
    // The question is over once the last answer is right or the answer was shown; until then the
    // learner may try again while the budget lasts.
    const done = right || revealed;
    const left = triesLeft(record, spec.type);
    if (done) nodes.push(...teaching(full, details));
    if (attempts.length) nodes.push(h("p", { class: "bookquiz-attempts", text: `Attempts: ${attempts.length}.` }));
    if (!done && attempts.length) nodes.push(h("p", { class: "bookquiz-tries", text: triesLeftText(left) }));
    if (right && !revealed && !rightEventually(record, spec.type)) {
      nodes.push(h("p", { class: "bookquiz-tries", text: TOO_LATE }));
    }
    feedback.replaceChildren(...nodes.filter(Boolean));
    section.dataset.state = revealed ? "revealed" : right ? "correct" : "wrong";
    buttons({ checking: false, retrying: !done && left > 0, revealing: !done });
  }

  function complain(message) {
    feedback.replaceChildren(h("p", { class: "bookquiz-verdict bookquiz-problem", text: message }));
  }

  check.addEventListener("click", () => {
    const current = entry() || emptyEntry();
    if (triesLeft(current, spec.type) === 0) {
      show(current); // the budget is spent (another tab, an old record): nothing more to check
      return;
    }
    const read = inputs.read();
    if (read.problem) {
      complain(read.problem);
      return;
    }
    const result = grade(full, read.response);
    const record = {
      ...current,
      attempts: [...attemptsOf(current), { response: read.response, correct: result.correct, at: isoNow() }],
    };
    commit(record);
    show(record);
    if (!retry.hidden) retry.focus();
    else feedback.focus();
  });
  retry.addEventListener("click", () => {
    const current = entry();
    if (triesLeft(current, spec.type) === 0) return;
    editing(current);
    inputs.focus();
  });
  reveal.addEventListener("click", () => {
    const record = { ...(entry() || emptyEntry()), revealed: true, revealed_at: isoNow() };
    commit(record);
    show(record);
    feedback.focus();
  });

  // Another question was answered: an open answer may unlock (a draft being written is left alone).
  function refresh() {
    drawLock();
    const record = entry();
    if (type.review && attemptsOf(record).length && section.dataset.state) show(record);
  }

  show(entry());
  return { node: section, show, refresh };
}
