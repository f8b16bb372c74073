// Open answers: which texts are refused (shared with Python: tests/fixtures/open_answers.json),
// and a reflection counts as done only once the learner has submitted a self-assessment.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { scoreText, summarise } from "../src/record.js";
import open, { checkText } from "../src/types/open.js";

const FIXTURE = JSON.parse(readFileSync(new URL("../../../tests/fixtures/open_answers.json", import.meta.url), "utf-8"));

test("texts are refused by the same rules as in Python", () => {
  const q = { prompt: FIXTURE.prompt };
  for (const { text, rule } of FIXTURE.cases) {
    const problem = checkText(q, text);
    assert.equal(problem ? problem.rule : null, rule, text);
    if (problem) assert.ok(problem.message.length > 20, problem.message);
  }
});

test("each refusal says what to do", () => {
  const q = { prompt: FIXTURE.prompt };
  const messages = Object.fromEntries(FIXTURE.cases.filter((c) => c.rule).map((c) => [c.rule, checkText(q, c.text).message]));
  assert.equal(messages.empty, "Write your answer first.");
  assert.match(messages.short, /^Write at least 12 words first\. Your answer has \d+ words so far\.$/);
  assert.match(messages.repetitive, /only \d+ different words.*at least 8 different words/);
  assert.match(messages.copied, /repeats the question.*own words/);
});

test("a written answer counts as a reflection only once it is self-assessed", () => {
  const at = "2026-01-01T00:00:00Z";
  const questions = [{ id: "o", type: "open" }];
  const entry = (response) => ({ o: { attempts: [{ response, correct: null, at }], revealed: false, revealed_at: null } });
  assert.equal(summarise(questions, entry({ text: "t", met: [0, 1] })).reflections, 0, "ticked but not submitted");
  assert.equal(summarise(questions, entry({ text: "t", met: [], assessed: true })).reflections, 1, "none of these yet");
  assert.equal(summarise(questions, entry({ text: "t", met: [2], assessed: true })).reflections, 1);
  assert.equal(open.done([{ response: { text: "t", met: [] } }, { response: { text: "u", met: [1], assessed: true } }]), true);
  assert.equal(open.done([]), false);
  assert.match(scoreText(summarise(questions, entry({ text: "t", met: [] }))), /self-assessed: 0 of 1/);
});
