// The quiz rendered in Node on a stand-in DOM (fakedom.js): what a learner sees around open answers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { installFakeDom, pick } from "./fakedom.js";
import { open, single, truefalse } from "./fixtures.js";
import { mountQuiz } from "./mountquiz.js";

installFakeDom();
const { render } = await import("../src/quiz.js");
const { LOCKED } = await import("../src/question.js");
const { MIN_WORDS } = await import("../src/types/open.js");

const LONG = "No: Prigozhin's men marched on the military leadership, not on Putin, and turned back within a day.";

function mount(questions) {
  return mountQuiz(render, questions);
}

function writeOpen(section, text) {
  section.querySelector("textarea").value = text;
  section.querySelector(".bookquiz-check").click();
  return section.querySelector(".bookquiz-feedback");
}

test("a submitted open answer shows no stray 'null' between the checklist and the explanation", () => {
  const { section } = mount([{ ...open, explanation: "Who is targeted decides." }]);
  const feedback = writeOpen(section("open-q"), LONG);
  assert.match(feedback.visibleText, /Model answer:/);
  assert.match(feedback.visibleText, /Explanation:/);
  // Every child is an element: no bare text such as "null" or "undefined" between them.
  assert.deepEqual(
    feedback.childNodes.filter((c) => !c.tagName).map((c) => c.textContent),
    [],
  );
  assert.ok(!/\b(null|undefined)\b/.test(feedback.visibleText), feedback.visibleText);
});

test(`an open answer needs at least ${MIN_WORDS} words (stated up front) before anything opens`, () => {
  const { section, values } = mount([open]);
  const q = section("open-q");
  assert.match(q.querySelector(".bookquiz-open-note").textContent, /^Write at least 12 words first\./);
  const feedback = writeOpen(q, "x");
  assert.match(feedback.textContent, /Write at least 12 words first\. Your answer has 1 word so far\./);
  assert.ok(!feedback.textContent.includes(open.model_answer));
  assert.equal(q.querySelectorAll("details").length, 0);
  assert.deepEqual(values.answers, {});
  writeOpen(q, "one two three four five six seven eight nine ten eleven");
  assert.ok(!q.querySelector(".bookquiz-feedback").textContent.includes("Model answer"));
  writeOpen(q, LONG);
  assert.match(q.querySelector(".bookquiz-feedback").textContent, /Model answer:/);
});

test("a bank may set its own minimum length", () => {
  const { section } = mount([{ ...open, min_words: 3 }]);
  assert.match(section("open-q").querySelector(".bookquiz-open-note").textContent, /at least 3 words/);
  assert.match(writeOpen(section("open-q"), "Not a coup.").textContent, /Model answer:/);
});

test("the model answer stays locked until every graded question of the quiz has had a try", () => {
  const strong = { ...open, strong_example: "A strong one.", weak_example: "A weak one." };
  const { section, values } = mount([single, strong, truefalse]);
  const q = section("open-q");
  const note = q.querySelector(".bookquiz-lock-note");
  assert.equal(note.hidden, false);
  assert.equal(note.textContent, LOCKED);
  assert.match(LOCKED, /^Answer the other questions of this quiz first/);
  const feedback = writeOpen(q, LONG);
  assert.match(feedback.textContent, /Your answer is saved\./);
  assert.ok(feedback.textContent.includes(LOCKED));
  for (const hidden of [open.model_answer, "Model answer", "A strong one.", ...open.criteria]) {
    assert.ok(!feedback.textContent.includes(hidden), hidden);
  }
  assert.equal(q.querySelectorAll("details").length, 0);
  assert.equal(values.answers["open-q"].attempts.length, 1, "the locked answer is saved");
  assert.equal(q.dataset.state, "locked");

  pick(section("single-q"), "Mass protest movements"); // a wrong first try counts as a try
  assert.ok(!q.querySelector(".bookquiz-feedback").textContent.includes("Model answer"));
  section("truefalse-q").querySelector(".bookquiz-reveal").click(); // so does showing the answer
  assert.equal(note.hidden, true);
  assert.match(q.querySelector(".bookquiz-feedback").textContent, /Model answer:/);
  assert.equal(q.dataset.state, "submitted");
  assert.equal(q.querySelectorAll("details").length, 2);
});

test("an open answer being drafted is left alone when another question unlocks it", () => {
  const { section } = mount([single, open]);
  const q = section("open-q");
  q.querySelector("textarea").value = "a draft in progress";
  pick(section("single-q"), "Elites within the state apparatus");
  assert.equal(q.querySelector("textarea").value, "a draft in progress");
  assert.equal(q.querySelector(".bookquiz-lock-note").hidden, true);
  assert.equal(q.querySelector(".bookquiz-feedback").textContent, "");
});

test("an open answer counts once the learner submits a self-assessment, or says none is met yet", () => {
  const { section, values, el } = mount([open]);
  const q = section("open-q");
  writeOpen(q, LONG);
  const status = () => q.querySelector(".bookquiz-self-assessment").textContent;
  assert.match(status(), /submit your self-assessment: it counts in your progress only then/);
  const [first] = q.querySelectorAll("input").filter((i) => i.getAttribute("type") === "checkbox");
  first.checked = true;
  first.dispatch("change");
  assert.deepEqual(values.answers["open-q"].attempts[0].response, { text: LONG, met: [0] });
  assert.equal(values.reflections, 0, "ticking alone is not a self-assessment");
  assert.match(el.querySelector(".bookquiz-score").textContent, /Reflections self-assessed: 0 of 1\./);
  q.querySelector(".bookquiz-assess").click();
  assert.deepEqual(values.answers["open-q"].attempts[0].response, { text: LONG, met: [0], assessed: true });
  assert.equal(values.reflections, 1);
  assert.match(status(), /^Self-assessment saved: 1 of 3 criteria met\./);
  assert.match(el.querySelector(".bookquiz-score").textContent, /Reflections self-assessed: 1 of 1\./);
});

test("submitting with nothing ticked asks to tick or to say none is met yet", () => {
  const { section, values } = mount([open]);
  const q = section("open-q");
  writeOpen(q, LONG);
  q.querySelector(".bookquiz-assess").click();
  assert.match(q.querySelector(".bookquiz-self-assessment").textContent, /None of these yet/);
  assert.equal(values.reflections, 0);
  q.querySelector(".bookquiz-assess-none").click();
  assert.deepEqual(values.answers["open-q"].attempts[0].response, { text: LONG, met: [], assessed: true });
  assert.equal(values.reflections, 1);
  assert.match(q.querySelector(".bookquiz-self-assessment").textContent, /0 of 3 criteria met/);
});

test("an answer that copies the prompt or repeats a few words is refused, with the reason", () => {
  const { section, values } = mount([
    { ...open, prompt: "Was the Wagner march of June 2023 a coup? Argue with the criteria of the course." },
  ]);
  const q = section("open-q");
  const copied = writeOpen(q, "Was the Wagner march of June 2023 a coup? Argue with the criteria of the course. No.");
  assert.match(copied.textContent, /repeats the question/);
  const repeated = writeOpen(q, "no no no no coup coup coup coup mutiny mutiny mutiny mutiny");
  assert.match(repeated.textContent, /only 3 different words/);
  assert.deepEqual(values.answers, {});
});
