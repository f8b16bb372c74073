// A very small stand-in for the browser's DOM, enough to render a quiz in Node: elements with
// attributes, children, text, events, `hidden` and `dataset`.  Like the real DOM, append() and
// replaceChildren() turn anything that is not a node (null included) into text.

class FakeNode {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attributes = {};
    this.childNodes = [];
    this.listeners = {};
    this.dataset = {};
    this.hidden = false;
    this.disabled = false;
    this.readOnly = false;
    this.checked = false;
    this.value = "";
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
    if (name === "id") this.id = String(value);
  }
  getAttribute(name) {
    return this.attributes[name] ?? null;
  }
  set className(value) {
    this.attributes.class = value;
  }
  get className() {
    return this.attributes.class || "";
  }
  set textContent(value) {
    this.childNodes = [new FakeText(String(value))];
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join("");
  }
  append(...children) {
    for (const child of children)
      this.childNodes.push(child instanceof FakeNode || child instanceof FakeText ? child : new FakeText(String(child)));
  }
  replaceChildren(...children) {
    this.childNodes = [];
    this.append(...children);
  }
  remove() {}
  addEventListener(type, fn) {
    if (!this.listeners[type]) this.listeners[type] = [];
    this.listeners[type].push(fn);
  }
  dispatch(type) {
    for (const fn of this.listeners[type] || []) fn({ target: this });
  }
  click() {
    this.dispatch("click");
  }
  focus() {}
  *walk() {
    yield this;
    for (const child of this.childNodes) if (child instanceof FakeNode) yield* child.walk();
  }
  // Only ".class", "tag" and 'tag[name="value"]...' selectors, which is all the tests need.
  querySelectorAll(selector) {
    const [head, ...rest] = selector.split("[");
    const wanted = rest.map((part) => part.match(/^([\w-]+)="(.*)"\]$/).slice(1));
    const matchHead = head.startsWith(".")
      ? (n) => n.className.split(" ").includes(head.slice(1))
      : (n) => n.tagName === head.toUpperCase();
    const match = (n) => matchHead(n) && wanted.every(([name, value]) => n.getAttribute(name) === value);
    return [...this.walk()].filter((n) => n !== this && match(n));
  }
  querySelector(selector) {
    return this.querySelectorAll(selector)[0] || null;
  }
  // The text a reader sees: hidden elements left out.
  get visibleText() {
    if (this.hidden) return "";
    return this.childNodes.map((c) => (c instanceof FakeNode ? c.visibleText : c.textContent)).join(" ");
  }
}

class FakeText {
  constructor(text) {
    this.textContent = text;
  }
}

export function installFakeDom() {
  globalThis.document = { createElement: (tag) => new FakeNode(tag) };
  globalThis.CSS ||= { escape: (s) => s };
}

// Tick the option labelled `text` (and untick the others), then press Check: as a learner does,
// by what the option says (input values are positions, not ids).
export function pick(section, text) {
  for (const row of section.querySelectorAll(".bookquiz-choice")) {
    const [input, label] = row.childNodes;
    input.checked = label.textContent === text;
  }
  section.querySelector(".bookquiz-check").click();
}
