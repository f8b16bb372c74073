// Grading in the browser, so quizzes work in the static book with no kernel.
// Mirrors bookquiz/grading.py rule for rule; tests/unit/test_grading_parity.py runs both on
// the same cases.  Response shapes: single -> option id; multiple -> [option ids];
// truefalse -> boolean; classify -> {item id: category id}; order -> [item ids]; numeric -> number.

const UNREADABLE = "This answer could not be read.";

export function formatNumber(value) {
  return String(Number(value));
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function gradeSingle(q, response) {
  const chosen = q.options.find((o) => o.id === response);
  if (!chosen) return { correct: false, feedback: ["Choose one option."] };
  return { correct: chosen.correct, feedback: chosen.correct ? [] : [chosen.misconception] };
}

function gradeMultiple(q, response) {
  if (!Array.isArray(response) || !response.every((r) => typeof r === "string")) return null;
  const chosen = new Set(response);
  const feedback = q.options.filter((o) => chosen.has(o.id) && !o.correct).map((o) => o.misconception);
  const missed = q.options.filter((o) => o.correct && !chosen.has(o.id)).map((o) => o.text);
  if (missed.length) feedback.push(`You left out: ${missed.join("; ")}`);
  return { correct: feedback.length === 0, feedback };
}

function gradeTrueFalse(q, response) {
  if (typeof response !== "boolean") return null;
  const right = response === q.answer;
  return { correct: right, feedback: right ? [] : [q.misconception] };
}

function gradeClassify(q, response) {
  if (!isPlainObject(response)) return null;
  const labels = Object.fromEntries(q.categories.map((c) => [c.id, c.label]));
  const feedback = [];
  for (const item of q.items) {
    const chosen = Object.prototype.hasOwnProperty.call(response, item.id) ? response[item.id] : undefined;
    if (chosen === item.category) continue;
    if (typeof chosen !== "string" || !Object.prototype.hasOwnProperty.call(labels, chosen)) {
      feedback.push(`${item.text}: not classified yet.`);
      continue;
    }
    const misconceptions = item.misconceptions || {};
    const note = Object.prototype.hasOwnProperty.call(misconceptions, chosen) ? misconceptions[chosen] : item.why;
    feedback.push(`${item.text}: not ${labels[chosen]}. ${note}`);
  }
  return { correct: feedback.length === 0, feedback };
}

function gradeOrder(q, response) {
  const expected = q.items.map((i) => i.id);
  if (!Array.isArray(response) || response.length !== expected.length) return null;
  const a = [...response].sort();
  const b = [...expected].sort();
  if (a.some((v, i) => v !== b[i])) return null;
  const right = response.filter((id, i) => id === expected[i]).length;
  if (right === expected.length) return { correct: true, feedback: [] };
  return { correct: false, feedback: [`${right} of ${expected.length} events are in the right place.`] };
}

function gradeNumeric(q, response) {
  if (typeof response !== "number" || !Number.isFinite(response)) return null;
  if (Math.abs(response - q.answer) <= q.tolerance + 1e-9) return { correct: true, feedback: [] };
  for (const hint of q.hints || []) {
    if (hint.min <= response && response <= hint.max) return { correct: false, feedback: [hint.text] };
  }
  const direction = response < q.answer ? "too low" : "too high";
  return { correct: false, feedback: [`${formatNumber(response)} is ${direction}.`] };
}

const QUESTION_GRADERS = {
  single: gradeSingle,
  multiple: gradeMultiple,
  truefalse: gradeTrueFalse,
  classify: gradeClassify,
  order: gradeOrder,
  numeric: gradeNumeric,
};

export function grade(question, response) {
  const grader = QUESTION_GRADERS[question.type];
  const result = grader ? grader(question, response) : null;
  return result || { correct: false, feedback: [UNREADABLE] };
}

export function countCorrect(questions, answers) {
  return questions.filter((q) => {
    const entry = answers[q.id];
    return entry && !entry.revealed && "response" in entry && grade(q, entry.response).correct;
  }).length;
}
