import assert from "node:assert/strict";
import { test } from "node:test";
import { renderWidgets, STATE_TYPE, VIEW_TYPE, widgetDefinition } from "../src/widgets.js";
import { fakeDocument } from "./fakedom.js";

const anywidget = (state) => ({ model_module: "anywidget", model_name: "AnyModel", state });
const layout = { model_module: "@jupyter-widgets/base", model_name: "LayoutModel", state: {} };
const view = (id) => [VIEW_TYPE, JSON.stringify({ model_id: id, version_major: 2, version_minor: 1 })];

function page(models, ids) {
  return fakeDocument([[STATE_TYPE, JSON.stringify({ state: models, version_major: 2, version_minor: 0 })], ...ids.map(view)]);
}

// A widget like the quiz: reads state, writes back on a change, cleans up its listener.
const counter = {
  render({ model, el }) {
    const p = el.ownerDocument.createElement("p");
    p.className = "count";
    const show = () => {
      p.textContent = `${model.get("label")}: ${model.get("count")}`;
    };
    show();
    el.append(p);
    model.on("change:count", show);
    model.set("count", model.get("count") + 1);
    model.save_changes();
    return () => {
      model.off("change:count", show);
      p.remove();
    };
  },
};

test("every view of an anywidget is drawn where its script is, by the module its state names", async () => {
  const doc = page({ a: anywidget({ _esm: "../_static/w/abc.js", _css: "../_static/w/abc.css", label: "A", count: 1 }), l: layout }, ["a"]);
  const loaded = [];
  const styles = [];
  const cleanup = await renderWidgets(doc, {
    loadModule: async (url) => {
      loaded.push(url);
      return { default: counter };
    },
    loadStyle: async (url) => styles.push(url),
  });
  assert.deepEqual(loaded, ["http://book.test/_static/w/abc.js"]);
  assert.deepEqual(styles, ["http://book.test/_static/w/abc.css"]);
  const areas = doc.querySelectorAll(".widget-subarea");
  assert.equal(areas.length, 1);
  assert.equal(areas[0].children[0].textContent, "A: 2");
  // Inserted right before its view script.
  const siblings = doc.body.children;
  assert.equal(siblings[siblings.indexOf(areas[0]) + 1].attributes.type, VIEW_TYPE);
  cleanup();
  assert.equal(areas[0].children.length, 0, "cleanup ran");
});

test("one module load for many widgets, one model shared by two views of the same widget", async () => {
  const doc = page({ a: anywidget({ _esm: "m.js", label: "A", count: 0 }), b: anywidget({ _esm: "m.js", label: "B", count: 10 }) }, [
    "a",
    "b",
    "a",
  ]);
  let loads = 0;
  await renderWidgets(doc, {
    loadModule: async () => {
      loads += 1;
      return { render: counter.render };
    },
    loadStyle: async () => {},
  });
  assert.equal(loads, 1);
  const texts = doc.querySelectorAll(".count").map((p) => p.textContent);
  assert.deepEqual(texts.sort(), ["A: 2", "A: 2", "B: 11"]);
});

test("a view of a widget that is not an anywidget says so in place; the others still draw", async () => {
  const doc = page(
    { s: { model_module: "@jupyter-widgets/controls", model_name: "IntSliderModel", state: {} }, a: anywidget({ _esm: "m.js", count: 0 }) },
    ["s", "a"],
  );
  await renderWidgets(doc, { loadModule: async () => counter, loadStyle: async () => {} });
  const notes = doc.querySelectorAll(".coupbook-widget-error");
  assert.equal(notes.length, 1);
  assert.match(notes[0].textContent, /cannot be shown/);
  assert.equal(doc.querySelectorAll(".count").length, 1);
});

test("a module that fails to load is reported in place", async () => {
  const doc = page({ a: anywidget({ _esm: "missing.js" }) }, ["a"]);
  const original = console.error;
  console.error = () => {};
  try {
    await renderWidgets(doc, {
      loadModule: async () => {
        throw new Error("404");
      },
      loadStyle: async () => {},
    });
  } finally {
    console.error = original;
  }
  assert.match(doc.querySelectorAll(".coupbook-widget-error")[0].textContent, /could not be loaded/);
});

test("anywidget's export styles: render, default object, default function; initialize runs once", async () => {
  const render = () => {};
  assert.equal((await widgetDefinition({ render })).render, render);
  assert.equal((await widgetDefinition({ default: { render } })).render, render);
  assert.equal((await widgetDefinition({ default: async () => ({ render }) })).render, render);
  await assert.rejects(widgetDefinition({ default: {} }), /no render function/);

  let initialized = 0;
  const doc = page({ a: anywidget({ _esm: "m.js", count: 0 }) }, ["a", "a"]);
  await renderWidgets(doc, {
    loadModule: async () => ({
      default: () => ({
        initialize() {
          initialized += 1;
        },
        render: counter.render,
      }),
    }),
    loadStyle: async () => {},
  });
  assert.equal(initialized, 1);
});

test("each view waits until its area is near the screen", async () => {
  const doc = page({ a: anywidget({ _esm: "m.js", label: "A", count: 0 }) }, ["a"]);
  let release;
  const near = new Promise((resolve) => {
    release = resolve;
  });
  const done = renderWidgets(doc, { loadModule: async () => counter, loadStyle: async () => {}, whenNear: () => near });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(doc.querySelectorAll(".count").length, 0, "not drawn before it is near");
  release();
  await done;
  assert.equal(doc.querySelectorAll(".count").length, 1);
});
