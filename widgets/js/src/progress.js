// "My progress" view: sums up the answers this browser holds for every quiz of the book (right
// at the first try, right eventually, answers shown, reflections self-assessed), exports them as a
// JSON file for an instructor, lets learners who share a browser keep their answers apart, and
// resets them (answers, name and id).  Counts use the records stored with each answer
// (record.js), so the page carries no question text and no key.

import { h, uniqueId } from "./dom.js";
import { summarise } from "./record.js";
import { exportDocument, exportFileName, openStorage } from "./storage.js";

const COLUMNS = ["Quiz", "Answered", "First try", "Eventually", "Shown", "Reflections"];

export function render({ model, el }) {
  const catalog = model.get("catalog") || [];
  const store = openStorage(model.get("namespace"), undefined, model.get("storage_scope") || "");
  const uid = uniqueId("bookquiz-progress");
  const root = h("div", { class: "bookquiz bookquiz-progress" });
  const status = h("p", { class: "bookquiz-progress-status", role: "status", "aria-live": "polite" });
  const table = h("table", { class: "bookquiz-progress-table" });
  const overall = h("p", { class: "bookquiz-progress-overall" });
  const bar = h("progress", { max: 1, value: 0, "aria-label": "Questions answered right eventually" });
  const nameId = `${uid}-name`;
  const nameInput = h("input", { type: "text", id: nameId, autocomplete: "off", size: 24 });
  const learnerId = h("p", { class: "bookquiz-learner-id" });
  const switchId = `${uid}-who`;
  const switcher = h("select", { id: switchId });
  const switchRow = h("div", { class: "bookquiz-progress-switch" }, h("label", { for: switchId, text: "Answers of: " }), switcher);

  function learnerLabel(who) {
    return who.name || `Unnamed learner (${who.id.slice(0, 8)})`;
  }

  function drawLearner() {
    const me = store.learner();
    nameInput.value = me.name;
    learnerId.textContent = `Your learner id in this browser: ${me.id}`;
    const all = store.learners();
    switcher.replaceChildren(...all.map((who) => h("option", { value: who.id, text: learnerLabel(who) })));
    switcher.value = me.id;
    switchRow.hidden = all.length < 2;
  }

  function draw() {
    const stored = store.readAll();
    const totals = { graded: 0, answered: 0, firstTry: 0, eventually: 0, shown: 0, reflections: 0, open: 0 };
    const rows = catalog.map((entry) => {
      const s = summarise(entry.questions, stored[entry.bank] || {});
      for (const key of Object.keys(totals)) totals[key] += s[key];
      const title = entry.url ? h("a", { href: entry.url, text: entry.title }) : entry.title;
      // One row per quiz: a bank may be shown as several quizzes (a practice quiz in a chapter).
      const attrs = { "data-bank": entry.bank, "data-quiz": entry.quiz || "" };
      if (entry.practice) attrs.class = "bookquiz-progress-practice";
      return h(
        "tr",
        attrs,
        h("th", { scope: "row" }, title),
        h("td", { text: `${s.answered} of ${s.graded}` }),
        h("td", { text: String(s.firstTry) }),
        h("td", { text: String(s.eventually) }),
        h("td", { text: String(s.shown) }),
        h("td", { text: s.open ? `${s.reflections} of ${s.open}` : "–" }),
      );
    });
    table.replaceChildren(
      h("caption", { text: "Your answers in this browser, by quiz" }),
      h("thead", {}, h("tr", {}, ...COLUMNS.map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, ...rows),
    );
    bar.max = Math.max(totals.graded, 1);
    bar.value = totals.eventually;
    overall.textContent =
      `Overall: ${totals.firstTry} of ${totals.graded} questions right at the first try, ` +
      `${totals.eventually} right eventually, ${totals.answered} answered, ${totals.shown} answers shown; ` +
      `${totals.reflections} of ${totals.open} reflections self-assessed.`;
    drawLearner();
  }

  nameInput.addEventListener("change", () => {
    store.setName(nameInput.value.trim());
    drawLearner();
  });
  switcher.addEventListener("change", () => {
    store.switchLearner(switcher.value);
    draw();
    status.textContent = `Showing the answers of ${learnerLabel(store.learner())}.`;
  });

  const exportButton = h("button", { type: "button", class: "bookquiz-export", text: "Download my answers (JSON)" });
  exportButton.addEventListener("click", () => {
    const doc = exportDocument(store);
    const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: exportFileName(doc.learner) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = "Your answers were saved as a JSON file. Send it to your instructor if they asked for it.";
  });

  const newButton = h("button", { type: "button", class: "bookquiz-new-learner", text: "I am a different learner" });
  newButton.addEventListener("click", () => {
    store.newLearner();
    draw();
    status.textContent =
      "You now answer as a new learner with a fresh id and no answers. The previous learner's answers are kept apart; choose them under “Answers of” to go back.";
    nameInput.focus();
  });

  const resetButton = h("button", { type: "button", class: "bookquiz-reset", text: "Reset my progress" });
  const confirmButton = h("button", { type: "button", class: "bookquiz-reset-confirm", text: "Yes, delete all my answers", hidden: true });
  const cancelButton = h("button", { type: "button", class: "bookquiz-reset-cancel", text: "Cancel", hidden: true });
  function asking(yes) {
    resetButton.hidden = yes;
    confirmButton.hidden = !yes;
    cancelButton.hidden = !yes;
  }
  resetButton.addEventListener("click", () => {
    asking(true);
    status.textContent = "This deletes your answers, name and learner id in this browser for this book. Are you sure?";
    confirmButton.focus();
  });
  cancelButton.addEventListener("click", () => {
    asking(false);
    status.textContent = "Nothing was deleted.";
    resetButton.focus();
  });
  confirmButton.addEventListener("click", () => {
    const removed = store.forgetLearner();
    asking(false);
    draw();
    status.textContent = `Progress reset: answers to ${removed} quiz${removed === 1 ? "" : "zes"}, your name and your learner id were deleted.`;
    resetButton.focus();
  });

  root.append(
    overall,
    bar,
    h("div", { class: "bookquiz-table-wrap" }, table),
    h(
      "div",
      { class: "bookquiz-progress-learner" },
      h("label", { for: nameId, text: "Your name or alias for the export (optional): " }),
      nameInput,
    ),
    learnerId,
    switchRow,
    h("div", { class: "bookquiz-actions" }, exportButton, newButton, resetButton, confirmButton, cancelButton),
    status,
  );
  if (!store.available) {
    root.prepend(
      h("p", {
        class: "bookquiz-storage-warning",
        text: "This browser blocks storage for this page: answers are not being saved, so there is nothing to sum up or export.",
      }),
    );
  }
  el.append(root);
  draw();

  const onStorage = () => draw(); // answers given in another tab
  globalThis.addEventListener("storage", onStorage);
  return () => {
    globalThis.removeEventListener("storage", onStorage);
    root.remove();
  };
}

export default { render };
