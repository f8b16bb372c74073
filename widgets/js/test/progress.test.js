import assert from "node:assert/strict";
import { test } from "node:test";
import { migrateEntry, rightEventually, rightFirstTry, scoreText, summarise } from "../src/record.js";

const at = "2026-01-01T00:00:00Z";
const attempt = (correct) => ({ response: "x", correct, at });
const questions = [
  { id: "a", type: "single" },
  { id: "b", type: "multiple" },
  { id: "c", type: "numeric" },
  { id: "d", type: "open" },
];

test("first try, eventually and shown are counted apart; a shown answer never counts as right", () => {
  const answers = {
    a: { attempts: [attempt(true)], revealed: false, revealed_at: null },
    b: { attempts: [attempt(false), attempt(true)], revealed: false, revealed_at: null },
    c: { attempts: [attempt(false)], revealed: true, revealed_at: at },
    d: { attempts: [{ response: { text: "t", met: [0] }, correct: null, at }], revealed: false, revealed_at: null },
  };
  const s = summarise(questions, answers);
  assert.deepEqual(s, { graded: 3, answered: 3, firstTry: 1, eventually: 2, shown: 1, reflections: 0, open: 1 });
  assert.equal(scoreText(s), "First try: 1 of 3 right. Right eventually: 2 of 3. Answers shown: 1. Reflections self-assessed: 0 of 1.");
});

test("everything wrong at first scores 0 at the first try", () => {
  const answers = Object.fromEntries(
    questions.slice(0, 3).map((q) => [q.id, { attempts: [attempt(false), attempt(true)], revealed: false, revealed_at: null }]),
  );
  const s = summarise(questions, answers);
  assert.equal(s.firstTry, 0);
  assert.equal(s.eventually, 3);
});

test("revealed after a right answer (from version 1) does not count", () => {
  const entry = { attempts: [attempt(true)], revealed: true, revealed_at: at };
  assert.equal(rightFirstTry(entry), false);
  assert.equal(rightEventually(entry), false);
});

test("version 1 entries migrate: earlier attempts unknown and wrong", () => {
  assert.deepEqual(migrateEntry({ response: 3, correct: true, attempts: 2, revealed: false }, at), {
    attempts: [
      { response: null, correct: false, at },
      { response: 3, correct: true, at },
    ],
    revealed: false,
    revealed_at: null,
  });
  assert.deepEqual(migrateEntry({ attempts: 0, revealed: true }, at), { attempts: [], revealed: true, revealed_at: at });
  const v2 = { attempts: [], revealed: false, revealed_at: null };
  assert.equal(migrateEntry(v2), v2);
});
