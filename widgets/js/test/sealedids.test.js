// The ids of options, items and categories are sealed (authors name them after what they mean:
// `coup` for the key, `coup-speed` for a distractor), so the DOM never carries them: inputs carry
// positions, answers are still recorded with the bank's ids, and a saved answer is drawn back
// onto the positions.  That the embedded (public) part of Python's real output holds no such id
// is checked in Python (tests/unit/test_quiz_widget.py), since `embedded()` below is a stand-in.
import assert from "node:assert/strict";
import { test } from "node:test";
import { installFakeDom, pick } from "./fakedom.js";
import * as fixtures from "./fixtures.js";
import { mountQuiz } from "./mountquiz.js";

installFakeDom();
const { render } = await import("../src/quiz.js");
const { keystream } = await import("../src/seal.js");
const { memoryStorage, openStorage } = await import("../src/storage.js");
globalThis.localStorage = memoryStorage(); // so a test can seed the answers a reload finds

const BANK = "test-bank";

// The fixtures with distinctive ids (`sid-coup`, not `coup`): an id found in the DOM is then a
// leak, never a word that happens to match an attribute such as type="radio" or a text.
const sid = (id) => `sid-${id}`;
function distinctive(q) {
  const out = structuredClone(q);
  for (const o of out.options || []) o.id = sid(o.id);
  for (const c of out.categories || []) c.id = sid(c.id);
  for (const i of out.items || []) {
    i.id = sid(i.id);
    if (i.category) i.category = sid(i.category);
    if (i.misconceptions) i.misconceptions = Object.fromEntries(Object.entries(i.misconceptions).map(([k, v]) => [sid(k), v]));
  }
  if (out.order) out.order = out.order.map(sid);
  return out;
}
const [single, multiple, classify, order] = [fixtures.single, fixtures.multiple, fixtures.classify, fixtures.order].map(distinctive);

// The twin of bookquiz.seal.seal.
function seal(value, bankId, questionId) {
  const data = new TextEncoder().encode(JSON.stringify(value));
  const stream = keystream(bankId, questionId, data.length);
  return btoa(String.fromCharCode(...data.map((byte, i) => byte ^ stream[i])));
}

// A stand-in for bookquiz's split(): texts and labels plain, everything else sealed.
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

// saved: answers already in this browser's storage (a reload); instructor: the instructor edition.
function mount(questions, { saved = {}, instructor = false } = {}) {
  const namespace = `t${Math.random()}`;
  openStorage(namespace).writeEntries(BANK, saved);
  const quiz = mountQuiz(render, questions.map(embedded), { bankId: BANK, namespace, instructor });
  return { ...quiz, pythonSets: quiz.receive };
}

const response = (values, id) => values.answers[id].attempts.at(-1).response;

// Every place an id could be found: each attribute (element ids, aria-*, data-*, value ...), the
// dataset and form values, and the text.  An id counts as found as a whole word (a hyphen
// bounds a word, so `q1-sid-coup` holds `sid-coup`; `sid-coupe` does not).
function leaks(el, ids) {
  const found = [];
  for (const node of el.walk()) {
    const places = [
      ...Object.entries(node.attributes),
      ...Object.entries(node.dataset).map(([k, v]) => [`data-${k}`, v]),
      ["(value)", node.value],
      [
        "(text)",
        node.childNodes
          .filter((c) => !c.tagName)
          .map((c) => c.textContent)
          .join(" "),
      ],
    ];
    for (const [name, value] of places)
      for (const id of ids)
        if (new RegExp(`(?<!\\w)${id}(?!\\w)`).test(String(value))) found.push(`<${node.tagName} ${name}="${value}">: ${id}`);
  }
  return found;
}

// Answer each question wrongly (Check), then press Show answer where it is offered.
function answerAndReveal(section) {
  pick(section("single-q"), "Mass protest movements");
  const m = section("multiple-q");
  m.querySelectorAll("input")[1].checked = true;
  m.querySelector(".bookquiz-check").click();
  const c = section("classify-q");
  for (const select of c.querySelectorAll("select")) select.value = "0";
  c.querySelector(".bookquiz-check").click();
  section("order-q").querySelector(".bookquiz-check").click();
  for (const id of ["single-q", "multiple-q", "classify-q", "order-q"]) {
    const reveal = section(id).querySelector(".bookquiz-reveal");
    assert.equal(reveal.hidden, false, id);
    reveal.click();
    assert.equal(section(id).dataset.state, "revealed", id);
  }
}

for (const instructor of [false, true]) {
  test(`no option, item or category id is in the DOM (${instructor ? "instructor" : "student"} edition), before and after Check and Show answer`, () => {
    const questions = [single, multiple, classify, order];
    const ids = questions.flatMap(subIds);
    assert.ok(ids.every((id) => id.startsWith("sid-")));
    const { el, section } = mount(questions, { instructor });
    if (instructor) assert.equal(el.querySelectorAll(".bookquiz-instructor-key").length, 4);
    assert.deepEqual(leaks(el, ids), []);
    answerAndReveal(section);
    assert.deepEqual(leaks(el, ids), []);
  });
}

test("the leak check finds an id inside a longer attribute value, and in a text", () => {
  const el = document.createElement("div");
  const input = document.createElement("input");
  input.setAttribute("id", "bookquiz-1-q1-sid-coup");
  const label = document.createElement("label");
  label.textContent = "Move sid-thai later";
  el.append(input, label);
  assert.equal(leaks(el, ["sid-coup", "sid-thai", "sid-co"]).length, 2);
});
test("choice inputs carry positions, and a pick records the option's id", () => {
  const { section, values } = mount([single, multiple]);
  const q = section("single-q");
  assert.deepEqual(
    q.querySelectorAll("input").map((i) => i.getAttribute("value")),
    ["0", "1", "2"],
  );
  pick(q, "Elites within the state apparatus");
  assert.equal(response(values, "single-q"), "sid-insiders");
  assert.equal(values.answers["single-q"].attempts[0].correct, true);
  const m = section("multiple-q");
  for (const input of m.querySelectorAll("input")) input.checked = input.getAttribute("value") !== "1"; // not "deaths"
  m.querySelector(".bookquiz-check").click();
  assert.deepEqual(response(values, "multiple-q"), ["sid-overt", "sid-illegal"]);
  assert.equal(values.score, 2);
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
  assert.deepEqual(response(values, "classify-q"), { "sid-thai": "sid-coup", "sid-wagner": "sid-coup" });
  assert.equal(values.answers["classify-q"].attempts[0].correct, false);
  q.querySelector(".bookquiz-retry").click();
  choose(selects[1], "Mutiny");
  q.querySelector(".bookquiz-check").click();
  assert.deepEqual(response(values, "classify-q"), { "sid-thai": "sid-coup", "sid-wagner": "sid-mutiny" });
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
  assert.deepEqual(response(values, "order-q"), ["sid-rubicon", "sid-pharsalus", "sid-ides"]);
  assert.equal(values.score, 1);
});

// A saved answer that differs from what the learner would see at first: the other options, the
// other categories, another order than the shuffle.
const SAVED = {
  "single-q": "sid-rebels",
  "multiple-q": ["sid-illegal", "sid-deaths"],
  "classify-q": { "sid-thai": "sid-mutiny", "sid-wagner": "sid-coup" },
  "order-q": ["sid-pharsalus", "sid-ides", "sid-rubicon"],
};
const entries = (responses) =>
  Object.fromEntries(
    Object.entries(responses).map(([id, r]) => [
      id,
      { attempts: [{ response: r, correct: false, at: null }], revealed: false, revealed_at: null },
    ]),
  );

// What the inputs show: ticks, the selects' category positions, the order's texts.
function drawn(section) {
  return {
    single: section("single-q")
      .querySelectorAll("input")
      .map((i) => i.checked),
    multiple: section("multiple-q")
      .querySelectorAll("input")
      .map((i) => i.checked),
    classify: section("classify-q")
      .querySelectorAll("select")
      .map((s) => s.value),
    order: section("order-q")
      .querySelectorAll(".bookquiz-order-text")
      .map((t) => t.textContent),
  };
}
const RESTORED = {
  single: [false, false, true],
  multiple: [false, true, true],
  classify: ["0", "1"], // Mutiny, Coup
  order: ["Battle of Pharsalus", "Caesar is assassinated", "Caesar crosses the Rubicon"],
};
const BLANK = {
  single: [false, false, false],
  multiple: [false, false, false],
  classify: ["", ""],
  order: ["Caesar is assassinated", "Caesar crosses the Rubicon", "Battle of Pharsalus"], // the shuffle
};

test("a saved answer is drawn back onto the inputs' positions on reload, and cleared by a reset", () => {
  const { section, pythonSets } = mount([single, multiple, classify, order], { saved: entries(SAVED) });
  assert.deepEqual(drawn(section), RESTORED);
  pythonSets({}); // quiz.reset()
  assert.deepEqual(drawn(section), BLANK);
});

test("answers set from Python (quiz.answers) are drawn onto the inputs, and a reset clears them", () => {
  const { section, pythonSets } = mount([single, multiple, classify, order]);
  assert.deepEqual(drawn(section), BLANK);
  pythonSets(entries(SAVED));
  assert.deepEqual(drawn(section), RESTORED);
  pythonSets({});
  assert.deepEqual(drawn(section), BLANK);
});
