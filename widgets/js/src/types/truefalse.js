// True or false: the learner judges one statement.

import { choiceInputs } from "./_choice.js";

export default {
  type: "truefalse",
  graded: true,
  inputs(_q, uid) {
    return choiceInputs(
      [
        { value: true, text: "True" },
        { value: false, text: "False" },
      ],
      uid,
      "radio",
    );
  },
  grade(q, response) {
    if (typeof response !== "boolean") return null;
    return response === q.answer
      ? { correct: true, feedback: [], details: [] }
      : { correct: false, feedback: [q.misconception], details: [] };
  },
};
