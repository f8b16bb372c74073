// A learner's record of one question (answer format version 2), and what it counts for.
// The twin of bookquiz/record.py:
//   {"attempts": [{"response", "correct": true|false|null, "at": ISO time}], "revealed", "revealed_at"}
// Right at the first try: the first attempt is right; right eventually: an attempt within the
// type's try budget (`tries` in its registry entry: 1 for truefalse, 2 for the other graded
// types) is right, so attempts beyond the budget (from an older build, or edited) never count.
// An answer shown with "Show answer" never counts as right.  In the browser the counts use the
// `correct` flag stored with each attempt (set by the grader when the learner answered).

import { TYPES } from "./types/index.js";

export function isoNow(date = new Date()) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function emptyEntry() {
  return { attempts: [], revealed: false, revealed_at: null };
}

// A version 1 entry ({response, correct, attempts: n, revealed}) as version 2: n attempts of
// which only the last response is known.
export function migrateEntry(old, at = null) {
  if (!old || typeof old !== "object") return emptyEntry();
  if (Array.isArray(old.attempts)) return old;
  const entry = { attempts: [], revealed: old.revealed === true, revealed_at: old.revealed === true ? at : null };
  if ("response" in old) {
    const n = Number.isInteger(old.attempts) && old.attempts > 1 ? Math.min(old.attempts, 1000) : 1;
    for (let i = 1; i < n; i += 1) entry.attempts.push({ response: null, correct: false, at });
    entry.attempts.push({ response: old.response, correct: typeof old.correct === "boolean" ? old.correct : null, at });
  }
  return entry;
}

export function attemptsOf(entry) {
  return entry && Array.isArray(entry.attempts) ? entry.attempts : [];
}

export function isRevealed(entry) {
  return Boolean(entry && entry.revealed === true);
}

// The attempts that count for a question type: its `tries`; none for a self-assessed type
// (open answers may be revised freely); one for a type this build does not know.
export function triesOf(typeName) {
  const type = TYPES[typeName];
  if (type && type.graded === false) return Number.POSITIVE_INFINITY;
  return Number.isInteger(type?.tries) && type.tries > 0 ? type.tries : 1;
}

export function countedAttempts(entry, typeName) {
  return attemptsOf(entry).slice(0, triesOf(typeName));
}

export function triesLeft(entry, typeName) {
  return Math.max(0, triesOf(typeName) - attemptsOf(entry).length);
}

export function rightFirstTry(entry) {
  const attempts = attemptsOf(entry);
  return !isRevealed(entry) && attempts.length > 0 && attempts[0].correct === true;
}

// Right within the try budget of the question's type, and the answer never shown.
export function rightEventually(entry, typeName) {
  return !isRevealed(entry) && countedAttempts(entry, typeName).some((a) => a.correct === true);
}

export function isGraded(question) {
  const type = TYPES[question.type];
  return type ? type.graded !== false : true;
}

// Counts over questions ([{id, type}]) and their records ({id: entry}).
export function summarise(questions, answers) {
  const graded = questions.filter(isGraded);
  const open = questions.filter((q) => !isGraded(q));
  const entry = (q) => (answers ? answers[q.id] : undefined);
  return {
    graded: graded.length,
    answered: graded.filter((q) => attemptsOf(entry(q)).length > 0).length,
    firstTry: graded.filter((q) => rightFirstTry(entry(q))).length,
    eventually: graded.filter((q) => rightEventually(entry(q), q.type)).length,
    shown: graded.filter((q) => isRevealed(entry(q))).length,
    reflections: open.filter((q) => TYPES[q.type].done(attemptsOf(entry(q)))).length, // self-assessed
    open: open.length,
  };
}

// The score line of a quiz (and the words My progress uses).
export function scoreText(s) {
  const parts = [];
  if (s.graded) {
    parts.push(`First try: ${s.firstTry} of ${s.graded} right.`);
    parts.push(`Right eventually: ${s.eventually} of ${s.graded}.`);
    parts.push(`Answers shown: ${s.shown}.`);
  }
  if (s.open) parts.push(`Reflections self-assessed: ${s.reflections} of ${s.open}.`);
  return parts.join(" ");
}
