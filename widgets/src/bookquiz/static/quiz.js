// Quiz view.  Renders a bank's questions, grades in the browser (grading.js), keeps answers in
// localStorage (storage.js) and copies them to the Python model (quiz.answers, quiz.score)
// whenever a kernel is listening.  All question text is inserted as text, never as HTML.
// Concatenated after storage.js and grading.js by bookquiz/assets.py.

let quizInstances = 0;

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function choiceInputs(q, uid, kind) {
  const choices =
    q.type === "truefalse"
      ? [{ id: "true", text: "True", value: true }, { id: "false", text: "False", value: false }]
      : q.options.map((o) => ({ id: o.id, text: o.text, value: o.id }));
  const list = h("div", { class: "bookquiz-choices" });
  const inputs = choices.map((choice) => {
    const id = `${uid}-${choice.id}`;
    const input = h("input", { type: kind, id, name: `${uid}-choice`, value: choice.id });
    list.append(h("div", { class: "bookquiz-choice" }, input, h("label", { for: id, text: choice.text })));
    return { input, choice };
  });
  return {
    node: list,
    read() {
      const picked = inputs.filter((x) => x.input.checked).map((x) => x.choice.value);
      if (kind === "checkbox") return picked.length ? picked : undefined;
      return picked.length ? picked[0] : undefined;
    },
    write(response) {
      const wanted = kind === "checkbox" ? response || [] : [response];
      inputs.forEach((x) => {
        x.input.checked = wanted.includes(x.choice.value);
      });
    },
    setDisabled(disabled) {
      inputs.forEach((x) => {
        x.input.disabled = disabled;
      });
    },
    focus() {
      inputs[0].input.focus();
    },
  };
}

function classifyInputs(q, uid) {
  const list = h("ul", { class: "bookquiz-classify" });
  const selects = q.items.map((item) => {
    const id = `${uid}-${item.id}`;
    const select = h("select", { id }, h("option", { value: "", text: "Choose a category…" }));
    q.categories.forEach((c) => select.append(h("option", { value: c.id, text: c.label })));
    list.append(h("li", {}, h("label", { for: id, text: item.text }), select));
    return { item, select };
  });
  return {
    node: list,
    read() {
      const chosen = {};
      selects.forEach(({ item, select }) => {
        if (select.value) chosen[item.id] = select.value;
      });
      return Object.keys(chosen).length ? chosen : undefined;
    },
    write(response) {
      selects.forEach(({ item, select }) => {
        select.value = (response && response[item.id]) || "";
      });
    },
    setDisabled(disabled) {
      selects.forEach(({ select }) => {
        select.disabled = disabled;
      });
    },
    focus() {
      selects[0].select.focus();
    },
  };
}

function orderInputs(q, uid) {
  const text = Object.fromEntries(q.items.map((i) => [i.id, i.text]));
  let current = [...q.display];
  let disabled = false;
  const list = h("ol", { class: "bookquiz-order" });
  const announcer = h("p", { class: "bookquiz-visually-hidden", "aria-live": "polite" });

  const MOVES = {
    up: { delta: -1, word: "earlier", label: "↑ Earlier", edge: "first" },
    down: { delta: 1, word: "later", label: "↓ Later", edge: "last" },
  };

  function move(id, direction) {
    if (disabled) return;
    const { delta, edge } = MOVES[direction];
    const from = current.indexOf(id);
    const to = from + delta;
    if (to < 0 || to >= current.length) {
      announcer.textContent = `“${text[id]}” is already ${edge}.`;
      return;
    }
    [current[from], current[to]] = [current[to], current[from]];
    draw();
    list.querySelector(`button[data-item="${id}"][data-direction="${direction}"]`).focus();
    announcer.textContent = `“${text[id]}” moved to position ${to + 1} of ${current.length}.`;
  }

  function moveButton(id, direction) {
    return h("button", {
      type: "button",
      class: "bookquiz-move",
      "data-item": id,
      "data-direction": direction,
      "aria-label": `Move “${text[id]}” ${MOVES[direction].word}`,
      "aria-disabled": disabled ? "true" : null,
      text: MOVES[direction].label,
      onclick: () => move(id, direction),
    });
  }

  function draw() {
    list.replaceChildren(
      ...current.map((id) =>
        h(
          "li",
          { class: "bookquiz-order-item" },
          h("span", { class: "bookquiz-order-text", text: text[id] }),
          moveButton(id, "up"),
          moveButton(id, "down"),
        ),
      ),
    );
  }
  draw();
  return {
    node: h("div", {}, list, announcer),
    read() {
      return [...current];
    },
    write(response) {
      if (Array.isArray(response) && response.length === current.length) current = [...response];
      draw();
    },
    setDisabled(value) {
      // aria-disabled keeps the buttons focusable, so keyboard focus is never lost.
      disabled = value;
      draw();
    },
    focus() {
      list.querySelector("button").focus();
    },
  };
}

function numericInputs(q, uid) {
  const id = `${uid}-value`;
  const input = h("input", { type: "text", inputmode: "decimal", id, autocomplete: "off", size: 10 });
  const label = `Your answer${q.unit ? ` (${q.unit})` : ""}`;
  return {
    node: h("div", { class: "bookquiz-numeric" }, h("label", { for: id, text: label }), input),
    read() {
      const raw = input.value.trim().replace(",", ".");
      if (raw === "") return undefined;
      const value = Number(raw);
      return Number.isFinite(value) ? value : NaN;
    },
    write(response) {
      input.value = typeof response === "number" ? String(response) : "";
    },
    setDisabled(disabled) {
      input.readOnly = disabled;
    },
    focus() {
      input.focus();
    },
  };
}

function inputsFor(q, uid) {
  if (q.type === "single" || q.type === "truefalse") return choiceInputs(q, uid, "radio");
  if (q.type === "multiple") return choiceInputs(q, uid, "checkbox");
  if (q.type === "classify") return classifyInputs(q, uid);
  if (q.type === "order") return orderInputs(q, uid);
  return numericInputs(q, uid);
}

function keyList(lines) {
  return h("ul", { class: "bookquiz-key-list" }, ...lines.map((line) => h("li", { text: line })));
}

function renderQuiz({ model, el }) {
  quizInstances += 1;
  const uid = `bookquiz-${quizInstances}-${Math.random().toString(36).slice(2, 8)}`;
  const questions = model.get("questions");
  const bank = model.get("bank_id");
  const namespace = model.get("namespace");
  const instructor = model.get("instructor");
  const stored = readBank(namespace, bank).answers;
  let answers = { ...model.get("answers") };
  for (const q of questions) if (!answers[q.id] && stored[q.id]) answers[q.id] = stored[q.id];

  const root = h("div", { class: "bookquiz", role: "group", "aria-labelledby": `${uid}-title` });
  root.append(h("p", { class: "bookquiz-title", id: `${uid}-title`, text: model.get("title") }));
  if (instructor) {
    root.append(h("p", { class: "bookquiz-instructor-note", text: "Instructor edition: answer keys are shown." }));
  }
  const scoreLine = h("p", { class: "bookquiz-score", "aria-live": "polite" });

  function saveAndSync() {
    writeAnswers(namespace, bank, Object.fromEntries(questions.filter((q) => answers[q.id]).map((q) => [q.id, answers[q.id]])));
    const score = countCorrect(questions, answers);
    scoreLine.textContent = `Score: ${score} of ${questions.length} correct. Your answers are saved in this browser.`;
    model.set("answers", { ...answers });
    model.set("score", score);
    try {
      model.save_changes();
    } catch (err) {
      /* no kernel (static book): localStorage keeps the answers */
    }
  }

  const controllers = questions.map((q, index) => {
    const qid = `${uid}-q${index + 1}`;
    const inputs = inputsFor(q, qid);
    const feedback = h("div", { class: "bookquiz-feedback", role: "status", "aria-live": "polite" });
    const section = h("section", { class: `bookquiz-question bookquiz-${q.type}`, "aria-labelledby": `${qid}-legend` });
    const legend = h(
      "legend",
      { id: `${qid}-legend` },
      h("span", { class: "bookquiz-qnum", text: `Question ${index + 1} of ${questions.length}. ` }),
      h("span", { class: "bookquiz-prompt", text: q.prompt }),
    );
    const check = h("button", { type: "button", class: "bookquiz-check", text: "Check answer" });
    const retry = h("button", { type: "button", class: "bookquiz-retry", text: "Try again", hidden: true });
    const reveal = h("button", { type: "button", class: "bookquiz-reveal", text: "Show answer" });
    section.append(h("fieldset", {}, legend, inputs.node), h("div", { class: "bookquiz-actions" }, check, retry, reveal), feedback);
    if (instructor) {
      section.append(
        h("div", { class: "bookquiz-instructor-key" }, h("strong", { text: "Answer key: " }), keyList(q.key), h("p", { text: q.explanation })),
      );
    }

    function showResult(entry) {
      const nodes = [];
      if (entry.revealed) {
        nodes.push(h("p", { class: "bookquiz-verdict bookquiz-revealed" }, h("span", { "aria-hidden": "true", text: "→ " }), "Answer shown: "));
        nodes.push(keyList(q.key));
      }
      if ("response" in entry) {
        const result = grade(q, entry.response);
        const verdict = result.correct
          ? h("p", { class: "bookquiz-verdict bookquiz-right" }, h("span", { "aria-hidden": "true", text: "✓ " }), "Correct.")
          : h("p", { class: "bookquiz-verdict bookquiz-wrong" }, h("span", { "aria-hidden": "true", text: "✗ " }), "Not quite.");
        nodes.push(verdict);
        if (result.feedback.length) nodes.push(h("ul", { class: "bookquiz-misconceptions" }, ...result.feedback.map((t) => h("li", { text: t }))));
      }
      nodes.push(h("p", { class: "bookquiz-explanation" }, h("strong", { text: "Explanation: " }), q.explanation));
      nodes.push(h("p", { class: "bookquiz-source", text: `Source: ${q.source}` }));
      if (entry.attempts) nodes.push(h("p", { class: "bookquiz-attempts", text: `Attempts: ${entry.attempts}.` }));
      feedback.replaceChildren(...nodes);
      section.dataset.state = entry.revealed ? "revealed" : "response" in entry ? (grade(q, entry.response).correct ? "correct" : "wrong") : "";
    }

    function lock(locked) {
      inputs.setDisabled(locked);
      check.hidden = locked;
      retry.hidden = !locked;
    }

    check.addEventListener("click", () => {
      const response = inputs.read();
      if (response === undefined || Number.isNaN(response)) {
        feedback.replaceChildren(h("p", { class: "bookquiz-verdict", text: q.type === "numeric" ? "Enter a number first." : "Choose an answer first." }));
        return;
      }
      const previous = answers[q.id] || {};
      const result = grade(q, response);
      answers[q.id] = { response, correct: result.correct, attempts: (previous.attempts || 0) + 1, revealed: Boolean(previous.revealed) };
      showResult(answers[q.id]);
      lock(true);
      saveAndSync();
      retry.focus();
    });
    retry.addEventListener("click", () => {
      feedback.replaceChildren();
      delete section.dataset.state;
      lock(false);
      inputs.focus();
    });
    reveal.addEventListener("click", () => {
      const previous = answers[q.id] || { attempts: 0 };
      answers[q.id] = { ...previous, revealed: true };
      showResult(answers[q.id]);
      lock(true);
      saveAndSync();
    });

    function restore(entry) {
      if (!entry) {
        inputs.write(undefined);
        feedback.replaceChildren();
        delete section.dataset.state;
        lock(false);
        return;
      }
      if ("response" in entry) inputs.write(entry.response);
      showResult(entry);
      lock(true);
    }
    restore(answers[q.id]);
    root.append(section);
    return { q, restore };
  });

  root.append(scoreLine);
  el.append(root);
  saveAndSync();

  // Python may change the answers (quiz.reset()); show that and forget them in this browser too.
  model.on("change:answers", () => {
    const incoming = model.get("answers") || {};
    if (JSON.stringify(incoming) === JSON.stringify(answers)) return;
    const dropped = questions.filter((q) => answers[q.id] && !incoming[q.id]).map((q) => q.id);
    answers = { ...incoming };
    removeAnswers(namespace, bank, dropped);
    controllers.forEach(({ q, restore }) => restore(answers[q.id]));
    saveAndSync();
  });
}

export const quizView = { render: renderQuiz };
