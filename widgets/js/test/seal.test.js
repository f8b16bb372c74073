import assert from "node:assert/strict";
import { test } from "node:test";
import { fullQuestion, keystream, merge, unseal } from "../src/seal.js";

// Made by bookquiz.seal.seal({"key": ["Überzeugung 王芳"], "answer": 15}, "ch01", "q-1") in Python.
const SEALED = "/eMzC5Ey384YM04YHZeW7e3Hs22q53QGHh+w1PVNxF75pEFzwXmKbjHkYg==";

test("the keystream and unsealing match Python's", () => {
  assert.deepEqual([...keystream("ch01", "q-1", 8)], [134, 193, 88, 110, 232, 16, 229, 149]);
  assert.deepEqual(unseal(SEALED, "ch01", "q-1"), { key: ["Überzeugung 王芳"], answer: 15 });
});

test("the wrong bank or question id does not unseal", () => {
  assert.throws(() => unseal(SEALED, "ch02", "q-1"));
});

test("public and sealed parts merge index by index and key by key", () => {
  const merged = merge(
    {
      id: "q",
      options: [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
      ],
    },
    { options: [{ correct: true }, {}], key: ["A"] },
  );
  assert.deepEqual(merged, {
    id: "q",
    options: [
      { id: "a", text: "A", correct: true },
      { id: "b", text: "B" },
    ],
    key: ["A"],
  });
  assert.deepEqual(fullQuestion("ch01", { id: "q-1", type: "numeric" }), { id: "q-1", type: "numeric" });
  assert.equal(fullQuestion("ch01", { id: "q-1", type: "numeric", sealed: SEALED }).answer, 15);
});
