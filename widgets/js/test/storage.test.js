import assert from "node:assert/strict";
import { test } from "node:test";
import { exportDocument, exportFileName, memoryStorage, openStorage } from "../src/storage.js";

const entry = (correct) => ({ attempts: [{ response: "a", correct, at: "2026-01-01T00:00:00Z" }], revealed: false, revealed_at: null });

test("answers are kept per bank and merged by question", () => {
  const backend = memoryStorage();
  const store = openStorage("book", backend);
  assert.equal(store.available, true);
  store.writeEntries("ch01", { q1: entry(false) });
  store.writeEntries("ch01", { q2: entry(true) });
  assert.deepEqual(Object.keys(openStorage("book", backend).readBank("ch01")), ["q1", "q2"]);
  assert.deepEqual(openStorage("other-book", backend).readBank("ch01"), {});
  store.removeEntries("ch01", ["q1"]);
  assert.deepEqual(Object.keys(store.readBank("ch01")), ["q2"]);
});

test("version 1 answers and learner are migrated to version 2", () => {
  const backend = memoryStorage();
  backend.setItem("bookquiz-learner:v1:book", JSON.stringify({ id: "old-id", name: "Ada" }));
  backend.setItem(
    "bookquiz:v1:book:ch01",
    JSON.stringify({
      answers: { q1: { response: "b", correct: true, attempts: 3, revealed: false }, q2: { attempts: 0, revealed: true } },
      updated: "2026-01-02T03:04:05Z",
    }),
  );
  const store = openStorage("book", backend);
  assert.deepEqual(store.learner(), { id: "old-id", name: "Ada" });
  const answers = store.readBank("ch01");
  assert.equal(answers.q1.attempts.length, 3);
  assert.deepEqual(answers.q1.attempts[0], { response: null, correct: false, at: "2026-01-02T03:04:05Z" });
  assert.deepEqual(answers.q1.attempts[2], { response: "b", correct: true, at: "2026-01-02T03:04:05Z" });
  assert.deepEqual(answers.q2, { attempts: [], revealed: true, revealed_at: "2026-01-02T03:04:05Z" });
  assert.equal(backend.getItem("bookquiz:v1:book:ch01"), null);
  assert.equal(backend.getItem("bookquiz-learner:v1:book"), null);
});

test("learners sharing a browser keep their answers apart", () => {
  const backend = memoryStorage();
  const store = openStorage("book", backend);
  const first = store.learner();
  store.setName("Ada");
  store.writeEntries("ch01", { q1: entry(true) });
  const second = store.newLearner();
  assert.notEqual(second.id, first.id);
  assert.deepEqual(store.readAll(), {});
  store.writeEntries("ch01", { q1: entry(false) });
  assert.equal(exportDocument(store).learner.id, second.id);
  assert.equal(store.learners().length, 2);
  store.switchLearner(first.id);
  assert.deepEqual(store.learner(), { id: first.id, name: "Ada" });
  assert.equal(store.readBank("ch01").q1.attempts[0].correct, true);
});

test("reset forgets the learner's answers, name and id", () => {
  const store = openStorage("book", memoryStorage());
  const before = store.learner();
  store.setName("Ada");
  store.writeEntries("ch01", { q1: entry(true) });
  store.writeEntries("ch02", { q1: entry(true) });
  assert.equal(store.forgetLearner(), 2);
  const after = store.learner();
  assert.notEqual(after.id, before.id);
  assert.equal(after.name, "");
  assert.deepEqual(store.readAll(), {});
});

test("blocked storage: the quiz works for the page and says answers are not saved", () => {
  const blocked = {
    get length() {
      throw new Error("SecurityError");
    },
    key() {
      throw new Error("SecurityError");
    },
    getItem() {
      throw new Error("SecurityError");
    },
    setItem() {
      throw new Error("SecurityError");
    },
    removeItem() {
      throw new Error("SecurityError");
    },
  };
  const store = openStorage("book", blocked);
  assert.equal(store.available, true); // a backend was given; writing reveals it fails
  assert.equal(store.writeEntries("ch01", { q1: entry(true) }), false);
  assert.equal(store.available, false);
  const none = openStorage("book", null);
  assert.equal(none.available, false);
  none.writeEntries("ch01", { q1: entry(true) });
  assert.equal(none.readBank("ch01").q1.attempts.length, 1);
});

test("the export document is answer format 2", () => {
  const store = openStorage("book", memoryStorage());
  store.setName("Ada");
  store.writeEntries("ch01", { q1: entry(true) });
  const doc = exportDocument(store, new Date("2026-11-24T10:00:00.123Z"));
  assert.deepEqual(Object.keys(doc), ["format", "version", "namespace", "learner", "exported_at", "banks"]);
  assert.equal(doc.format, "bookquiz-answers");
  assert.equal(doc.version, 2);
  assert.equal(doc.exported_at, "2026-11-24T10:00:00Z");
  assert.deepEqual(doc.banks.ch01.q1, entry(true));
});

test("export file names keep letters of every script", () => {
  assert.equal(exportFileName({ id: "x", name: "王芳" }), "answers-王芳.json");
  assert.equal(exportFileName({ id: "x", name: "Zoë O'Neil" }), "answers-Zoë_O_Neil.json");
  assert.equal(exportFileName({ id: "abc", name: "" }), "answers-abc.json");
  assert.equal(exportFileName({ id: "abc", name: "../.." }), "answers-abc.json");
});

test("scopes keep the answers of two users of one address apart", () => {
  const backend = memoryStorage();
  const alice = openStorage("book", backend, "alice");
  alice.writeEntries("ch01", { q1: { attempts: [{ response: "a", correct: true, at: "2026-01-01T00:00:00Z" }] } });
  assert.deepEqual(Object.keys(openStorage("book", backend, "alice").readBank("ch01")), ["q1"]);
  assert.deepEqual(openStorage("book", backend, "bob").readBank("ch01"), {});
  assert.deepEqual(openStorage("book", backend).readBank("ch01"), {});
  assert.notEqual(openStorage("book", backend, "bob").learner().id, alice.learner().id);
  assert.equal(exportDocument(alice).namespace, "book");
});
