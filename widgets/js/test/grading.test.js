import assert from "node:assert/strict";
import { test } from "node:test";
import { grade, UNREADABLE } from "../src/grading.js";
import { NOT_ONLY } from "../src/types/classify.js";
import { TYPES } from "../src/types/index.js";
import { outOfRange, parseNumber } from "../src/types/numeric.js";
import { UNORDERED } from "../src/types/order.js";
import { classify, multiple, numeric, open, order, single, truefalse } from "./fixtures.js";

test("every type is registered with inputs and grading", () => {
  assert.deepEqual(Object.keys(TYPES).sort(), ["classify", "multiple", "numeric", "open", "order", "single", "truefalse"]);
  for (const type of Object.values(TYPES)) {
    assert.equal(typeof type.inputs, "function", type.type);
    assert.equal(typeof type.grade, "function", type.type);
  }
});

test("every graded type declares its try budget: one for true/false, two for the others; open has none", () => {
  const budgets = Object.fromEntries(Object.values(TYPES).map((t) => [t.type, t.tries]));
  assert.deepEqual(budgets, { single: 2, multiple: 2, truefalse: 1, classify: 2, order: 2, numeric: 2, open: undefined });
});

test("single: the misconception of the option chosen and the hint; the accepted answer's feedback only when right", () => {
  assert.deepEqual(grade(single, "crowds"), {
    correct: false,
    feedback: ["Crowds are outside the state.", "Ask where the actors stand."],
    details: [],
  });
  assert.deepEqual(grade(single, "insiders"), { correct: true, feedback: [], details: ["Insiders act."] });
  assert.deepEqual(grade(single, "nope").feedback, ["Choose one option.", "Ask where the actors stand."]);
});

test("multiple: the misconception of each wrong option ticked, or that something is missing; never counts", () => {
  const result = grade(multiple, ["illegal", "deaths"]);
  assert.equal(result.correct, false);
  assert.deepEqual(result.feedback, ["That is UCDP's threshold."]);
  assert.deepEqual(result.details, ["That is UCDP's threshold.", "You left out: Overt"]);
  const missing = grade(multiple, ["illegal"]).feedback;
  assert.deepEqual(missing, ["Not yet: something right is still missing — reread the question and the options."]);
  for (const line of [...result.feedback, ...missing]) assert.ok(!/\d/.test(line) && !line.includes("Overt"), line);
  assert.deepEqual(grade(multiple, []).feedback, ["You chose no option."]);
  assert.equal(grade(multiple, ["overt", "illegal"]).correct, true);
  assert.deepEqual(grade(multiple, [1, 2]).feedback, [UNREADABLE]);
});

test("truefalse", () => {
  assert.equal(grade(truefalse, true).correct, true);
  assert.deepEqual(grade(truefalse, false).feedback, ["The 7-day rule is the success threshold."]);
  assert.deepEqual(grade(truefalse, "true").feedback, [UNREADABLE]);
});

test("classify: the item misconception for the chosen category only, no counts, no right category, never `why`", () => {
  const result = grade(classify, { thai: "mutiny", wagner: "coup" });
  // Thailand is misplaced too but has no note, so the notes are said not to be all.
  assert.deepEqual(result.feedback, ["“Wagner 2023”, placed under Coup: Prigozhin did not target the president.", NOT_ONLY]);
  assert.deepEqual(grade(classify, { thai: "coup", wagner: "coup" }).feedback, [
    "“Wagner 2023”, placed under Coup: Prigozhin did not target the president.",
  ]);
  assert.ok(!result.feedback.join(" ").includes("Mutiny"));
  assert.ok(!result.feedback.join(" ").includes("army chief"));
  assert.deepEqual(result.details, [
    "Thailand 2014: Coup. The army chief seized power.",
    "Wagner 2023: Mutiny. A revolt against the commanders.",
  ]);
  assert.deepEqual(grade(classify, { thai: "coup" }).feedback, [
    "Not yet: at least one item is under the wrong category — reread each item against the definitions.",
  ]);
  assert.equal(grade(classify, { thai: "coup", wagner: "mutiny" }).correct, true);
  assert.deepEqual(grade(classify, ["coup"]).feedback, [UNREADABLE]);
});

test("order: a wrong order gets one neutral line and the hint, never how many items are in place", () => {
  assert.equal(grade(order, ["rubicon", "pharsalus", "ides"]).correct, true);
  // Every wrong order of the three items gets the same feedback, so the feedback carries no count.
  const wrongs = [
    ["pharsalus", "rubicon", "ides"],
    ["rubicon", "ides", "pharsalus"],
    ["ides", "pharsalus", "rubicon"],
    ["ides", "rubicon", "pharsalus"],
  ];
  for (const response of wrongs) assert.deepEqual(grade(order, response).feedback, [UNORDERED], response.join());
  assert.deepEqual(grade({ ...order, hint: "Caesar crossed first." }, wrongs[0]).feedback, [UNORDERED, "Caesar crossed first."]);
  assert.ok(!/\d|right place/.test(UNORDERED));
  assert.deepEqual(grade(order, ["rubicon"]).feedback, [UNREADABLE]);
  assert.deepEqual(grade(order, ["rubicon", "rubicon", "ides"]).feedback, [UNREADABLE]);
});

test("numeric: every wrong value gets the bank's hint, or without hints one neutral line; never a direction", () => {
  assert.equal(grade(numeric, 15).correct, true);
  assert.deepEqual(grade(numeric, 22).feedback, ["That is since 1927."]);
  const bare = { ...numeric, hints: [] };
  assert.deepEqual(grade(bare, 16).feedback, ["16 is not within the accepted range."]);
  assert.deepEqual(grade(bare, 9.5).feedback, ["9.5 is not within the accepted range."]);
  // Above and below the answer read alike: no direction to halve the interval with.
  for (const value of [-1000, 3, 14, 16, 20, 24, 1e6]) {
    assert.deepEqual(grade(numeric, value).feedback, ["That is since 1927."], String(value));
    const [line] = grade(bare, value).feedback;
    assert.equal(line, outOfRange(value));
    assert.ok(!/high|low|more|less|greater|smaller|above|below/i.test(line), line);
  }
  assert.deepEqual(grade(numeric, Number.NaN).feedback, [UNREADABLE]);
  assert.deepEqual(grade(numeric, "15").feedback, [UNREADABLE]);
});

test("numeric input: words and units get a message that says to type only the number", () => {
  assert.deepEqual(parseNumber(" 7 "), { response: 7 });
  assert.deepEqual(parseNumber("7,5"), { response: 7.5 });
  assert.equal(parseNumber("").problem, "Enter a number first.");
  assert.match(parseNumber("7 days").problem, /Type only the number/);
});

test("open answers are never graded", () => {
  assert.deepEqual(grade(open, { text: "No", met: [0] }), { correct: null, feedback: [], details: [] });
});

test("an unknown type is unreadable, not an exception", () => {
  assert.deepEqual(grade({ id: "x", type: "essay" }, "text"), { correct: false, feedback: [UNREADABLE], details: [] });
});
