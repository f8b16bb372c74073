// Multiple select: the learner ticks every option that applies.  A wrong attempt teaches
// without counting (counts of right and wrong choices let a learner eliminate options): it shows
// the misconception of each wrong option ticked, or, when every ticked option is right, says
// that something right is still missing.  What was left out comes once the answer is right or
// shown.  Two tries (`tries`, counted in record.js); then only "Show answer" is offered.

import { choiceInputs } from "./_choice.js";

export const NO_CHOICE = "You chose no option.";
export const MISSING = "Not yet: something right is still missing — reread the question and the options.";

export default {
  type: "multiple",
  graded: true,
  tries: 2, // attempts that count; after a second wrong one only "Show answer" is offered
  inputs(q, uid) {
    return choiceInputs(
      q.options.map((o) => ({ value: o.id, text: o.text })),
      uid,
      "checkbox",
    );
  },
  grade(q, response) {
    if (!Array.isArray(response) || !response.every((r) => typeof r === "string")) return null;
    const chosen = new Set(response);
    const wrong = q.options.filter((o) => chosen.has(o.id) && !o.correct);
    const right = q.options.filter((o) => chosen.has(o.id) && o.correct);
    const missed = q.options.filter((o) => o.correct && !chosen.has(o.id)).map((o) => o.text);
    const details = [...wrong.map((o) => o.misconception), ...right.filter((o) => o.feedback).map((o) => o.feedback)];
    if (missed.length) details.push(`You left out: ${missed.join("; ")}`);
    if (!chosen.size) return { correct: false, feedback: [NO_CHOICE], details };
    if (wrong.length) return { correct: false, feedback: wrong.map((o) => o.misconception), details };
    if (missed.length) return { correct: false, feedback: [MISSING], details };
    return { correct: true, feedback: [], details };
  },
};
