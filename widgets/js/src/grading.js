// Grading in the browser, so quizzes work in the static book with no kernel.  Each type's rules
// live in its module in ./types/ (the twin of bookquiz/qtypes/); this adds what every type
// shares: an unreadable response is simply wrong, and a wrong attempt also shows the
// question's hint.  tests/unit/test_grading_parity.py runs Python and this on the same cases.
//
// A result is {correct: true|false|null, feedback: [shown after every attempt, never the
// answer], details: [shown once the answer is right or shown]}.

import { TYPES } from "./types/index.js";

export const UNREADABLE = "This answer could not be read.";

export function grade(question, response) {
  const type = TYPES[question.type];
  const result = type ? type.grade(question, response) : null;
  if (!result) return { correct: false, feedback: [UNREADABLE], details: [] };
  const out = { correct: result.correct, feedback: result.feedback || [], details: result.details || [] };
  if (out.correct === false && question.hint) out.feedback = [...out.feedback, question.hint];
  return out;
}
