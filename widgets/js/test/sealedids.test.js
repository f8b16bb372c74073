// The ids of options, items and categories are sealed (authors name them after what they mean:
// `coup` for the key, `coup-speed` for a distractor), so neither the embedded question nor the
// DOM carries them: inputs carry positions, and answers are still recorded with the bank's ids.
import assert from "node:assert/strict";
import { test } from "node:test";
import { installFakeDom, pick } from "./fakedom.js";
import { classify, multiple, order, single } from "./fixtures.js";

installFakeDom();
const { render } = await import("../src/quiz.js");
const { keystream } = await import("../src/seal.js");

const BANK = "test-bank";

// The twin of bookquiz.seal.seal.
function seal(value, bankId, questionId) {
  const data = new TextEncoder().encode(JSON.stringify(value));
  const stream = keystream(bankId, questionId, data.length);
  return btoa(String.fromCharCode(...data.map((byte, i) => byte ^ stream[i])));
}

// As bookquiz's split() embeds a question: texts and labels plain, everything else sealed.
function embedded(q) {
  const shown = { id: q.id, type: q.type, prompt: q.prompt };
  const hidden = {};
  for (const [field, value] of Object.entries(q)) {
    if (field in shown) continue;
    if (["options", "items", "categories"].includes(field)) {
      shown[field] = value.map(({ text, label }) => (label === undefined ? { text } : { label }));
      hidden[field] = value.map(({ text, label, ...rest }) => rest);
    } else hidden[field] = value;
  }
  return { ...shown, sealed: seal(hidden, BANK, q.id) };
}

const subIds = (q) => [...(q.options || []), ...(q.items || []), ...(q.categories || [])].map((x) => x.id);

function mount(questions) {
  const values = { bank_id: BANK, title: "Test", namespace: `t${Math.random()}`, questions: questions.map(embedded), answers: {} };
  const model = {
    get: (k) => values[k],
    set(k, v) {
      values[k] = v;
    },
    on() {},
    off() {},
    save_changes() {},
  };
  const el = document.createElement("div");
  render({ model, el });
  const section = (id) => el.querySelectorAll("section").find((s) => s.getAttribute("data-question") === id);
  return { el, values, section };
}

const response = (values, id) => values.answers[id].attempts.at(-1).response;

test("no embedded question and no DOM attribute holds an option, item or category id", () => {
  const questions = [single, multiple, classify, order];
  const { el, values } = mount(questions);
  for (const q of questions) {
    const plain = JSON.stringify({ ...values.questions.find((s) => s.id === q.id), sealed: undefined });
    for (const id of subIds(q)) assert.ok(!plain.includes(`"${id}"`), `${q.id}: ${id} in ${plain}`);
  }
  const ids = new Set(questions.flatMap(subIds));
  const attributes = [...el.walk()].flatMap((n) => Object.values(n.attributes));
  assert.deepEqual(
    attributes.filter((value) => ids.has(value)),
    [],
  );
});

test("choice inputs carry positions, and a pick records the option's id", () => {
  const { section, values } = mount([single, multiple]);
  const q = section("single-q");
  assert.deepEqual(
    q.querySelectorAll("input").map((i) => i.getAttribute("value")),
    ["0", "1", "2"],
  );
  pick(q, "Elites within the state apparatus");
  assert.equal(response(values, "single-q"), "insiders");
  assert.equal(values.answers["single-q"].attempts[0].correct, true);
  const m = section("multiple-q");
  for (const input of m.querySelectorAll("input")) input.checked = input.getAttribute("value") !== "1"; // not "deaths"
  m.querySelector(".bookquiz-check").click();
  assert.deepEqual(response(values, "multiple-q"), ["overt", "illegal"]);
  assert.equal(values.score, 2);
  // The record is drawn back onto the positions.
  assert.deepEqual(
    m.querySelectorAll("input").map((i) => i.checked),
    [true, false, true],
  );
});

test("classify selects carry category positions, and the record maps items to category ids", () => {
  const { section, values } = mount([classify]);
  const q = section("classify-q");
  const selects = q.querySelectorAll("select");
  assert.deepEqual(
    selects[0].querySelectorAll("option").map((o) => o.getAttribute("value")),
    ["", "0", "1"],
  );
  const choose = (select, label) => {
    select.value = select
      .querySelectorAll("option")
      .find((o) => o.textContent === label)
      .getAttribute("value");
  };
  choose(selects[0], "Coup"); // Thailand 2014
  choose(selects[1], "Coup"); // Wagner 2023: wrong
  q.querySelector(".bookquiz-check").click();
  assert.deepEqual(response(values, "classify-q"), { thai: "coup", wagner: "coup" });
  assert.equal(values.answers["classify-q"].attempts[0].correct, false);
  assert.deepEqual(
    selects.map((s) => s.value),
    ["1", "1"],
  );
  q.querySelector(".bookquiz-retry").click();
  choose(selects[1], "Mutiny");
  q.querySelector(".bookquiz-check").click();
  assert.deepEqual(response(values, "classify-q"), { thai: "coup", wagner: "mutiny" });
  assert.equal(values.score, 1);
});

test("order buttons carry the items' places in the shuffle, and the record lists item ids", () => {
  const { section, values } = mount([order]);
  const q = section("order-q");
  const slots = () => q.querySelectorAll(".bookquiz-move").map((b) => b.getAttribute("data-item"));
  assert.deepEqual(slots(), ["0", "0", "1", "1", "2", "2"]);
  // "Caesar is assassinated" (shown first) goes last.
  q.querySelector('button[data-item="0"][data-direction="down"]').click();
  q.querySelector('button[data-item="0"][data-direction="down"]').click();
  assert.deepEqual(slots(), ["1", "1", "2", "2", "0", "0"]);
  q.querySelector(".bookquiz-check").click();
  assert.deepEqual(response(values, "order-q"), ["rubicon", "pharsalus", "ides"]);
  assert.equal(values.score, 1);
});
