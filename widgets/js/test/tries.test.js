// The try budget: each graded type's `tries` (one for true/false, two for the others) limits both
// what the learner is offered (question.js) and what counts as right eventually (record.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { installFakeDom, pick } from "./fakedom.js";
import { classify, multiple, numeric, open, order, single, truefalse } from "./fixtures.js";
import { mountQuiz } from "./mountquiz.js";

installFakeDom();
const { render } = await import("../src/quiz.js");
const { NO_TRIES_LEFT, TOO_LATE } = await import("../src/question.js");
const { countedAttempts, rightEventually, rightFirstTry, summarise, triesLeft, triesOf } = await import("../src/record.js");

const at = "2026-01-01T00:00:00Z";
const tried = (...verdicts) => ({
  attempts: verdicts.map((correct) => ({ response: "x", correct, at })),
  revealed: false,
  revealed_at: null,
});

function mount(questions) {
  return mountQuiz(render, questions);
}

const shown = (node) => !node.hidden;
const buttons = (q) => ({
  check: shown(q.querySelector(".bookquiz-check")),
  retry: shown(q.querySelector(".bookquiz-retry")),
  reveal: shown(q.querySelector(".bookquiz-reveal")),
});

test("budgets come from the registry: true/false 1, other graded types 2, open answers none", () => {
  assert.deepEqual(
    [single, multiple, truefalse, classify, order, numeric].map((q) => triesOf(q.type)),
    [2, 2, 1, 2, 2, 2],
  );
  assert.equal(triesOf("open"), Number.POSITIVE_INFINITY);
  assert.equal(triesOf("essay"), 1, "a type this build does not know counts its first try only");
  assert.equal(triesLeft(tried(false), "single"), 1);
  assert.equal(triesLeft(tried(false, false, false), "single"), 0);
  assert.equal(countedAttempts(tried(false, false, true), "order").length, 2);
});

test("right eventually counts only a right attempt within the budget", () => {
  assert.equal(rightEventually(tried(false, true), "single"), true);
  assert.equal(rightEventually(tried(false, true), "truefalse"), false);
  assert.equal(rightEventually(tried(false, false, true), "numeric"), false, "a third try never counts");
  assert.equal(rightEventually(tried(false, false, false, false, true), "order"), false);
  assert.equal(rightFirstTry(tried(true), "truefalse"), true);
  // An exported or stored record with more attempts than the budget (edited, or an older build).
  const questions = [single, truefalse, order, numeric, open].map(({ id, type }) => ({ id, type }));
  const answers = {
    "single-q": tried(false, true),
    "truefalse-q": tried(false, true),
    "order-q": tried(false, false, false, true),
    "numeric-q": tried(false, false, true),
    "open-q": { attempts: [{ response: { text: "t", met: [], assessed: true }, correct: null, at }], revealed: false, revealed_at: null },
  };
  assert.deepEqual(summarise(questions, answers), {
    graded: 4,
    answered: 4,
    firstTry: 0,
    eventually: 1,
    shown: 0,
    reflections: 1,
    open: 1,
  });
});

test("the budget is said before the first try; a wrong try says how many are left", () => {
  const { section } = mount([single]);
  const q = section("single-q");
  assert.equal(q.querySelector(".bookquiz-budget").visibleText, "You have 2 tries at this question.");
  pick(q, "Mass protest movements");
  const feedback = q.querySelector(".bookquiz-feedback").textContent;
  assert.match(feedback, /Not quite\./);
  assert.match(feedback, /1 try left\./);
  assert.equal(q.querySelector(".bookquiz-budget").hidden, true);
  assert.deepEqual(buttons(q), { check: false, retry: true, reveal: true });
  q.querySelector(".bookquiz-retry").click();
  assert.equal(q.querySelector(".bookquiz-budget").visibleText, "1 try left.");
});

test("once the budget is spent and the answer is not right, only Show answer is offered", () => {
  const { section, values } = mount([single, multiple]);
  const q = section("single-q");
  pick(q, "Mass protest movements");
  q.querySelector(".bookquiz-retry").click();
  pick(q, "Rebel armies");
  const feedback = q.querySelector(".bookquiz-feedback").textContent;
  assert.match(feedback, /Rebels wage insurgencies\./);
  assert.ok(feedback.includes(NO_TRIES_LEFT), feedback);
  assert.ok(!feedback.includes("Insiders") && !feedback.includes("Explanation"), feedback);
  assert.deepEqual(buttons(q), { check: false, retry: false, reveal: true });
  // A stray click (a stale page) records nothing more.
  q.querySelector(".bookquiz-retry").click();
  q.querySelector(".bookquiz-check").click();
  assert.equal(values.answers["single-q"].attempts.length, 2);
  assert.deepEqual(buttons(q), { check: false, retry: false, reveal: true });
  q.querySelector(".bookquiz-reveal").click();
  assert.match(q.querySelector(".bookquiz-feedback").textContent, /Answer shown:/);
  assert.equal(values.answers["single-q"].revealed, true);
  assert.deepEqual(buttons(q), { check: false, retry: false, reveal: false });
  assert.equal(values.score, 0);
});

test("true/false allows one try: after a wrong answer, no Try again", () => {
  const { section, el, values } = mount([truefalse]);
  const q = section("truefalse-q");
  assert.equal(q.querySelector(".bookquiz-budget").visibleText, "You have 1 try at this question.");
  pick(q, "False");
  assert.ok(q.querySelector(".bookquiz-feedback").textContent.includes(NO_TRIES_LEFT));
  assert.deepEqual(buttons(q), { check: false, retry: false, reveal: true });
  assert.equal(values.score, 0);
  assert.match(el.querySelector(".bookquiz-score").textContent, /First try: 0 of 1 right\. Right eventually: 0 of 1\./);
});

test("a right second try counts; the score line and the model's score agree", () => {
  const { section, el, values } = mount([single, truefalse]);
  const q = section("single-q");
  pick(q, "Mass protest movements");
  q.querySelector(".bookquiz-retry").click();
  pick(q, "Elites within the state apparatus");
  assert.match(q.querySelector(".bookquiz-feedback").textContent, /Correct\./);
  assert.ok(!q.querySelector(".bookquiz-feedback").textContent.includes("left"));
  assert.deepEqual([values.score, values.first_try_score], [1, 0]);
  assert.match(el.querySelector(".bookquiz-score").textContent, /Right eventually: 1 of 2\./);
});

test("a record with more attempts than the budget shows the right answer but does not count it", () => {
  const { section, el, values, receive } = mount([single]);
  const attempts = ["crowds", "rebels", "insiders"].map((response, n) => ({ response, correct: n === 2, at }));
  receive({ "single-q": { attempts, revealed: false, revealed_at: null } });
  const q = section("single-q");
  const feedback = q.querySelector(".bookquiz-feedback").textContent;
  assert.match(feedback, /Correct\./);
  assert.ok(feedback.includes(TOO_LATE), feedback);
  assert.deepEqual(buttons(q), { check: false, retry: false, reveal: false });
  assert.equal(values.score, 0);
  assert.match(el.querySelector(".bookquiz-score").textContent, /Right eventually: 0 of 1\./);
});

test("open answers have no budget and can always be revised", () => {
  const { section } = mount([open]);
  const q = section("open-q");
  assert.equal(q.querySelector(".bookquiz-budget"), null);
  for (let n = 0; n < 4; n += 1) {
    q.querySelector("textarea").value = "No: the march aimed at the generals and the defence minister, never at Putin himself.";
    q.querySelector(".bookquiz-check").click();
    assert.equal(buttons(q).retry, true);
    q.querySelector(".bookquiz-retry").click();
  }
});
