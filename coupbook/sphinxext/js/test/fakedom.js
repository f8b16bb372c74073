// A few DOM pieces for testing the loader in Node: scripts found by type, elements inserted
// before them, text content.  Only what widgets.js touches.

class Node {
  constructor(doc, tag) {
    this.ownerDocument = doc;
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.className = "";
    this.textContent = "";
    this.parent = null;
    this.attributes = {};
  }
  append(...nodes) {
    for (const node of nodes) {
      node.parent = this;
      this.children.push(node);
    }
  }
  before(node) {
    const siblings = this.parent.children;
    node.parent = this.parent;
    siblings.splice(siblings.indexOf(this), 0, node);
  }
  remove() {
    const siblings = this.parent.children;
    siblings.splice(siblings.indexOf(this), 1);
  }
  *walk() {
    for (const child of this.children) {
      yield child;
      yield* child.walk();
    }
  }
}

export function fakeDocument(scripts) {
  const doc = { baseURI: "http://book.test/chapters/01.html" };
  doc.body = new Node(doc, "body");
  doc.createElement = (tag) => new Node(doc, tag);
  for (const [type, text] of scripts) {
    const script = new Node(doc, "script");
    script.attributes.type = type;
    script.textContent = text;
    doc.body.append(script);
  }
  doc.querySelectorAll = (selector) => {
    const type = selector.match(/type="([^"]+)"/)?.[1];
    const className = selector.match(/^\.([\w-]+)$/)?.[1];
    return [...doc.body.walk()].filter((n) =>
      type ? n.tagName === "SCRIPT" && n.attributes.type === type : n.className.split(" ").includes(className),
    );
  };
  return doc;
}
