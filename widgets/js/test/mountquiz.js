// A quiz drawn into the fake DOM (fakedom.js) with a stand-in for the anywidget model, as the
// widget tests use it.  `render` is passed in because quiz.js must be imported after
// installFakeDom().  `receive(answers)` is what Python (or another tab) does when it sets
// quiz.answers (quiz.reset() sets {}).

export function mountQuiz(render, questions, { bankId = "test-bank", namespace = `t${Math.random()}`, instructor = false } = {}) {
  const handlers = {};
  const values = { bank_id: bankId, title: "Test", namespace, instructor, questions, answers: {} };
  const model = {
    get: (k) => values[k],
    set(k, v) {
      values[k] = v;
    },
    on(event, fn) {
      handlers[event] = fn;
    },
    off() {},
    save_changes() {},
  };
  const el = document.createElement("div");
  render({ model, el });
  const section = (id) => el.querySelectorAll("section").find((s) => s.getAttribute("data-question") === id);
  const receive = (answers) => {
    values.answers = answers;
    handlers["change:answers"]();
  };
  return { el, model, values, section, receive };
}
