// Single choice: the learner picks one option (one or more may be accepted, each saying why).
// Two tries (`tries`, counted in record.js); then only "Show answer" is offered.

import { choiceInputs, findOption } from "./_choice.js";

export default {
  type: "single",
  graded: true,
  tries: 2, // attempts that count; after a second wrong one only "Show answer" is offered
  inputs(q, uid) {
    return choiceInputs(
      q.options.map((o) => ({ value: o.id, text: o.text })),
      uid,
      "radio",
    );
  },
  grade(q, response) {
    const chosen = findOption(q, response);
    if (!chosen) return { correct: false, feedback: ["Choose one option."], details: [] };
    if (!chosen.correct) return { correct: false, feedback: [chosen.misconception], details: [] };
    return { correct: true, feedback: [], details: chosen.feedback ? [chosen.feedback] : [] };
  },
};
