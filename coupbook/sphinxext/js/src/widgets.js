// Renders the anywidget widgets embedded in a static page, without a kernel and without the
// Jupyter widgets HTML manager.
//
// The page holds the notebook's widget state (<script type="application/vnd.jupyter.widget-state+json">)
// and one <script type="application/vnd.jupyter.widget-view+json"> where each view goes.  The
// book's build (coupbook/sphinxext/staticwidgets.py) writes each widget's ES module and CSS as
// files and puts their addresses in the state's `_esm` and `_css`; the module is loaded with
// `loadModule(url)` and must export `render({model, el})` (directly or as its default export,
// or a default function returning it), optionally `initialize({model})`.  Both may return a
// cleanup.  Only anywidget models can be drawn; a view of any other model says so in place.
// A view is drawn when `whenNear(el)` resolves for its area (the loader waits until the area
// comes near the screen, so a quiz at the end of a chapter costs nothing while the text loads).

import { createModel } from "./model.js";

export const STATE_TYPE = "application/vnd.jupyter.widget-state+json";
export const VIEW_TYPE = "application/vnd.jupyter.widget-view+json";

export function readState(doc) {
  const models = {};
  for (const script of doc.querySelectorAll(`script[type="${STATE_TYPE}"]`)) {
    Object.assign(models, JSON.parse(script.textContent).state || {});
  }
  return models;
}

export function isAnywidget(entry) {
  return entry?.model_module === "anywidget";
}

// A module's widget definition, whichever of anywidget's export styles it uses.
export async function widgetDefinition(exports) {
  const candidate = exports?.default ?? exports;
  const definition = typeof candidate === "function" ? await candidate() : candidate;
  if (!definition || typeof definition.render !== "function") {
    throw new Error("the widget module has no render function");
  }
  return definition;
}

function say(el, text) {
  const note = el.ownerDocument.createElement("p");
  note.className = "coupbook-widget-error";
  note.textContent = text;
  el.append(note);
}

// Render every widget view of `doc`; returns one cleanup for all of them.
export async function renderWidgets(doc, { loadModule, loadStyle, whenNear = async () => {} }) {
  const states = readState(doc);
  const models = new Map();
  const cleanups = [];
  const modules = new Map();
  const once = (cache, key, make) => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key);
  };

  async function prepare(id) {
    const entry = states[id];
    const state = entry.state || {};
    const [exports] = await Promise.all([
      once(modules, state._esm, () => loadModule(new URL(state._esm, doc.baseURI).href)),
      state._css ? once(modules, `css:${state._css}`, () => loadStyle(new URL(state._css, doc.baseURI).href)) : null,
    ]);
    const definition = await widgetDefinition(exports);
    const model = createModel(state);
    const cleanup = await definition.initialize?.({ model });
    if (typeof cleanup === "function") cleanups.push(cleanup);
    return { model, definition };
  }

  const views = [...doc.querySelectorAll(`script[type="${VIEW_TYPE}"]`)];
  await Promise.all(
    views.map(async (script) => {
      const el = doc.createElement("div");
      el.className = "widget-subarea coupbook-widget";
      script.before(el);
      let id;
      try {
        id = JSON.parse(script.textContent).model_id;
      } catch {
        return say(el, "This widget could not be read.");
      }
      if (!isAnywidget(states[id])) return say(el, "This widget cannot be shown in the static book.");
      await whenNear(el);
      try {
        const { model, definition } = await once(models, id, () => prepare(id));
        const cleanup = await definition.render({ model, el });
        if (typeof cleanup === "function") cleanups.push(cleanup);
      } catch (error) {
        say(el, "This widget could not be loaded.");
        console.error(`widget ${id}:`, error);
      }
    }),
  );
  return () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  };
}
