// Multiple select: the learner ticks every option that applies.  A wrong attempt says how many
// ticked options are right and how many wrong, never which; the misconceptions and what was
// left out come once the answer is right or shown.

import { choiceInputs } from "./_choice.js";

export function tally(right, wrong, missed) {
  const chosen = right + wrong;
  if (chosen === 0) return "You chose no option.";
  let text = `Of your ${chosen} ${chosen === 1 ? "choice" : "choices"}, ${right} ${right === 1 ? "is" : "are"} right and ${wrong} wrong.`;
  if (missed) text += " At least one right option is not chosen yet.";
  return text;
}

export default {
  type: "multiple",
  graded: true,
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
    if (wrong.length || missed.length) {
      return { correct: false, feedback: [tally(right.length, wrong.length, missed.length)], details };
    }
    return { correct: true, feedback: [], details };
  },
};
