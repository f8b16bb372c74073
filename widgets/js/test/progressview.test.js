// My progress rendered in Node on a stand-in DOM (fakedom.js): one row per quiz, so a practice
// quiz inside a chapter is counted on its own row, apart from the end-of-chapter quiz of its bank.
import assert from "node:assert/strict";
import { test } from "node:test";
import { memoryStorage, openStorage } from "../src/storage.js";
import { installFakeDom } from "./fakedom.js";

installFakeDom();
globalThis.localStorage = memoryStorage();
globalThis.addEventListener ||= () => {};
globalThis.removeEventListener ||= () => {};
const { render } = await import("../src/progress.js");

const at = "2026-01-01T00:00:00Z";
const right = { attempts: [{ response: "a", correct: true, at }], revealed: false, revealed_at: null };

function mount(catalog, namespace) {
  const values = { catalog, namespace, storage_scope: "" };
  const el = document.createElement("div");
  render({ model: { get: (k) => values[k] }, el });
  return el;
}

test("a bank shown as a practice quiz and a chapter quiz gets two rows, the practice one labelled", () => {
  const namespace = `t${Math.random()}`;
  openStorage(namespace).writeEntries("ch06", { p1: right, c1: right, c2: right });
  const catalog = [
    {
      bank: "ch06",
      quiz: "practice",
      practice: true,
      title: "Practice quiz (chapter 6): try the cascade model",
      url: "",
      questions: [{ id: "p1", type: "single" }],
    },
    {
      bank: "ch06",
      quiz: "chapter",
      practice: false,
      title: "Check your understanding",
      url: "",
      questions: [
        { id: "c1", type: "single" },
        { id: "c2", type: "single" },
        { id: "c3", type: "single" },
      ],
    },
  ];
  const rows = mount(catalog, namespace)
    .querySelectorAll("tr")
    .filter((r) => r.getAttribute("data-bank") === "ch06");
  assert.equal(rows.length, 2);
  const [practice, chapter] = rows;
  assert.equal(practice.getAttribute("data-quiz"), "practice");
  assert.equal(chapter.getAttribute("data-quiz"), "chapter");
  assert.ok(practice.className.includes("bookquiz-progress-practice"));
  assert.ok(!chapter.className.includes("bookquiz-progress-practice"));
  assert.match(practice.textContent, /^Practice quiz \(chapter 6\): try the cascade model/);
  assert.equal(practice.querySelectorAll("td")[0].textContent, "1 of 1");
  assert.equal(chapter.querySelectorAll("td")[0].textContent, "2 of 3");
});
