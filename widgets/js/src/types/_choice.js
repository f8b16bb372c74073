// Radio buttons or checkboxes: the inputs of the single, multiple and truefalse types.
// An input's value is its position (value="0", "1" ...), never the option's id (sealed: authors
// name ids after what they mean); read() and write() map positions to the ids in memory.

import { h } from "../dom.js";

export function choiceInputs(choices, uid, kind) {
  const node = h("div", { class: "bookquiz-choices" });
  const inputs = choices.map((choice, n) => {
    const id = `${uid}-c${n}`;
    const input = h("input", { type: kind, id, name: `${uid}-choice`, value: String(n) });
    node.append(h("div", { class: "bookquiz-choice" }, input, h("label", { for: id, text: choice.text })));
    return { input, choice };
  });
  const picked = () => inputs.filter((x) => x.input.checked).map((x) => x.choice.value);
  return {
    node,
    read() {
      const values = picked();
      if (!values.length) return { problem: kind === "checkbox" ? "Tick at least one option first." : "Choose an answer first." };
      return { response: kind === "checkbox" ? values : values[0] };
    },
    write(response) {
      const wanted = kind === "checkbox" ? (Array.isArray(response) ? response : []) : [response];
      for (const x of inputs) x.input.checked = wanted.includes(x.choice.value);
    },
    disable(disabled) {
      for (const x of inputs) x.input.disabled = disabled;
    },
    focus() {
      inputs[0].input.focus();
    },
  };
}

export function findOption(question, id) {
  return question.options.find((o) => o.id === id);
}
