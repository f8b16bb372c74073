import assert from "node:assert/strict";
import { test } from "node:test";
import { createModel } from "../src/model.js";

test("get reads the embedded state and set changes it, telling listeners once per change", () => {
  const model = createModel({ answers: {}, title: "Quiz" });
  assert.equal(model.get("title"), "Quiz");
  const seen = [];
  const onAnswers = (m, value) => seen.push(["answers", m === model, value]);
  const onAny = () => seen.push(["change"]);
  model.on("change:answers", onAnswers);
  model.on("change", onAny);
  model.set("answers", { q1: 1 });
  model.set("answers", { q1: 1 }); // the same value: no event
  model.set("title", "Quiz");
  assert.deepEqual(seen, [["answers", true, { q1: 1 }], ["change"]]);
  assert.deepEqual(model.get("answers"), { q1: 1 });
});

test("off removes one handler, all of an event's, or every handler", () => {
  const model = createModel({ a: 0, b: 0 });
  let a = 0;
  let b = 0;
  const countA = () => {
    a += 1;
  };
  const countB = () => {
    b += 1;
  };
  model.on("change:a change:b", countA);
  model.on("change:b", countB);
  model.set("a", 1);
  model.off("change:a", countA);
  model.set("a", 2);
  model.set("b", 1);
  assert.deepEqual([a, b], [2, 1]);
  model.off("change:b");
  model.set("b", 2);
  model.on("change:a", countA);
  model.off();
  model.set("a", 3);
  assert.deepEqual([a, b], [2, 1]);
});

test("save_changes and send do nothing without a kernel; the state given is not mutated", () => {
  const state = { answers: {} };
  const model = createModel(state);
  model.set("answers", { q: 1 });
  assert.doesNotThrow(() => model.save_changes());
  assert.doesNotThrow(() => model.send({}));
  assert.deepEqual(state, { answers: {} });
});

test("set takes an object of several values", () => {
  const model = createModel({});
  const changed = [];
  model.on("change:x", () => changed.push("x"));
  model.on("change:y", () => changed.push("y"));
  model.set({ x: 1, y: 2 });
  assert.deepEqual(changed, ["x", "y"]);
});
