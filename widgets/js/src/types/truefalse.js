// True or false: the learner judges one statement.  One try (`tries: 1`): after a wrong answer
// the other option is plainly right, so a second try would measure nothing; only "Show answer"
// follows it (question.js).

import { choiceInputs } from "./_choice.js";

export default {
  type: "truefalse",
  graded: true,
  tries: 1, // one attempt counts: after a wrong one, the other answer is the key
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
