// Quiz view: renders a bank's questions, grades in the browser, keeps every attempt in
// localStorage and copies the records to the Python model (quiz.answers, quiz.score,
// quiz.first_try_score) whenever a kernel is listening.  Standard anywidget: it uses only
// model.get/set/on/off/save_changes, and render returns its cleanup.

import { h, uniqueId } from "./dom.js";
import { questionView } from "./question.js";
import { attemptsOf, isRevealed, scoreText, summarise } from "./record.js";
import { openStorage } from "./storage.js";
import { TYPES } from "./types/index.js";

// A graded question has had its try once it was answered (right or wrong) or its answer shown.
const tried = (entry) => attemptsOf(entry).length > 0 || isRevealed(entry);

const SAVED = "Your answers are saved in this browser.";
const NOT_SAVED = "Your answers are not being saved: this browser blocks storage for this page, so they will be lost when you leave it.";

export function render({ model, el }) {
  const bank = model.get("bank_id");
  const questions = model.get("questions") || [];
  const instructor = model.get("instructor") === true;
  const store = openStorage(model.get("namespace"), undefined, model.get("storage_scope") || "");
  const ids = new Set(questions.map((q) => q.id));
  const own = (all) => Object.fromEntries(Object.entries(all || {}).filter(([id]) => ids.has(id)));
  let answers = own(store.readBank(bank));

  const uid = uniqueId("bookquiz");
  const root = h("div", { class: "bookquiz bookquiz-quiz" });
  root.append(h("p", { class: "bookquiz-title", text: model.get("title") }));
  if (instructor) root.append(h("p", { class: "bookquiz-instructor-note", text: "Instructor edition: answer keys are shown." }));
  const scoreLine = h("p", { class: "bookquiz-score", "aria-live": "polite" });

  function sync() {
    const summary = summarise(questions, answers);
    scoreLine.textContent = `${scoreText(summary)} ${store.available ? SAVED : NOT_SAVED}`;
    scoreLine.dataset.storage = store.available ? "saved" : "blocked";
    model.set("answers", { ...answers });
    model.set("score", summary.eventually);
    model.set("first_try_score", summary.firstTry);
    model.set("reflections", summary.reflections);
    try {
      model.save_changes();
    } catch {
      /* no kernel (static book): localStorage keeps the answers */
    }
  }

  const graded = questions.filter((q) => TYPES[q.type]?.graded !== false).map((q) => q.id);
  // An open question's model answer stays closed until every graded question has had a try.
  const locked = () => graded.some((id) => !tried(answers[id]));

  const views = questions.map((spec, index) =>
    questionView({
      bank,
      spec,
      index,
      total: questions.length,
      uid: `${uid}-q${index + 1}`,
      instructor,
      entry: () => answers[spec.id],
      locked,
      commit(record) {
        answers = { ...answers, [spec.id]: record };
        store.writeEntries(bank, { [spec.id]: record });
        sync();
        for (const [n, view] of views.entries()) if (n !== index) view.refresh();
      },
    }),
  );
  for (const view of views) root.append(view.node);
  root.append(scoreLine);
  el.append(root);
  sync();

  // Python may change the answers (quiz.reset()): show that, and keep this browser in step.
  const onAnswers = () => {
    const incoming = own(model.get("answers"));
    if (JSON.stringify(incoming) === JSON.stringify(answers)) return;
    const dropped = Object.keys(answers).filter((id) => !(id in incoming));
    answers = incoming;
    store.removeEntries(bank, dropped);
    store.writeEntries(bank, incoming);
    for (const [n, view] of views.entries()) view.show(answers[questions[n].id]);
    sync();
  };
  model.on("change:answers", onAnswers);

  return () => {
    model.off("change:answers", onAnswers);
    root.remove();
  };
}

export default { render };
