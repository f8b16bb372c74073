// "My progress" view: summarises the answers this browser has stored for every bank of the
// book, lets the learner export them as a JSON file (for their instructor) and reset them.
// Concatenated after storage.js, grading.js and quiz.js (for h()) by bookquiz/assets.py.

function renderProgress({ model, el }) {
  const namespace = model.get("namespace");
  const catalog = model.get("catalog");
  const root = h("div", { class: "bookquiz bookquiz-progress" });
  const status = h("p", { class: "bookquiz-progress-status", role: "status", "aria-live": "polite" });
  const table = h("table", { class: "bookquiz-progress-table" });
  const overall = h("p", { class: "bookquiz-progress-overall" });
  const bar = h("progress", { max: 1, value: 0, "aria-label": "Questions answered correctly" });

  function draw() {
    const stored = readAllBanks(namespace);
    let totalQuestions = 0;
    let totalAnswered = 0;
    let totalCorrect = 0;
    const rows = catalog.map((entry) => {
      const answers = (stored[entry.bank] && stored[entry.bank].answers) || {};
      const questions = entry.questions;
      const answered = questions.filter((q) => answers[q.id] && "response" in answers[q.id]).length;
      const correct = countCorrect(questions, answers);
      const revealed = questions.filter((q) => answers[q.id] && answers[q.id].revealed).length;
      totalQuestions += questions.length;
      totalAnswered += answered;
      totalCorrect += correct;
      const title = entry.url ? h("a", { href: entry.url, text: entry.title }) : entry.title;
      return h(
        "tr",
        { "data-bank": entry.bank },
        h("th", { scope: "row" }, title),
        h("td", { text: `${answered} of ${questions.length}` }),
        h("td", { text: String(correct) }),
        h("td", { text: String(revealed) }),
      );
    });
    table.replaceChildren(
      h("caption", { text: "Your answers in this browser, by quiz" }),
      h(
        "thead",
        {},
        h("tr", {}, ...["Quiz", "Answered", "Correct", "Answers shown"].map((t) => h("th", { scope: "col", text: t }))),
      ),
      h("tbody", {}, ...rows),
    );
    bar.max = Math.max(totalQuestions, 1);
    bar.value = totalCorrect;
    overall.textContent = `Overall: ${totalCorrect} of ${totalQuestions} questions correct, ${totalAnswered} answered.`;
  }

  const who = learner(namespace);
  const nameId = `bookquiz-learner-${Math.random().toString(36).slice(2, 8)}`;
  const nameInput = h("input", { type: "text", id: nameId, value: who.name, autocomplete: "off", size: 24 });
  nameInput.addEventListener("change", () => {
    who.name = nameInput.value.trim();
    saveLearner(namespace, who);
  });

  const exportButton = h("button", { type: "button", class: "bookquiz-export", text: "Download my answers (JSON)" });
  exportButton.addEventListener("click", () => {
    const doc = exportDocument(namespace, who, readAllBanks(namespace));
    const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
    const link = h("a", { href: URL.createObjectURL(blob), download: `answers-${(who.name || who.id).replace(/[^A-Za-z0-9_-]+/g, "_")}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = "Your answers were saved as a JSON file. Send it to your instructor if they asked for it.";
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
    status.textContent = "This deletes every answer stored in this browser for this book. Are you sure?";
    confirmButton.focus();
  });
  cancelButton.addEventListener("click", () => {
    asking(false);
    status.textContent = "Nothing was deleted.";
    resetButton.focus();
  });
  confirmButton.addEventListener("click", () => {
    const removed = clearAll(namespace);
    asking(false);
    draw();
    status.textContent = `Progress reset: answers to ${removed} quiz${removed === 1 ? "" : "zes"} deleted.`;
    resetButton.focus();
  });

  root.append(
    overall,
    bar,
    table,
    h("div", { class: "bookquiz-progress-learner" }, h("label", { for: nameId, text: "Your name or alias for the export (optional): " }), nameInput),
    h("div", { class: "bookquiz-actions" }, exportButton, resetButton, confirmButton, cancelButton),
    status,
  );
  el.append(root);
  draw();
  window.addEventListener("storage", draw); // answers given in another tab
}

export const progressView = { render: renderProgress };
