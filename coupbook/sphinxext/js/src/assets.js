// Loading files of the book at run time with elements, never with eval or blob: URLs, so the
// pages' Content-Security-Policy (script-src 'self' plus hashes) allows them, over http(s) and
// from file:// alike.

const loaded = new Map();

export function loadScript(url, doc = document) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const script = doc.createElement("script");
        script.src = url;
        script.addEventListener("load", () => resolve());
        script.addEventListener("error", () => reject(new Error(`could not load ${url}`)));
        doc.head.append(script);
      }),
    );
  }
  return loaded.get(url);
}

export function loadStyle(url, doc = document) {
  const key = `css:${url}`;
  if (!loaded.has(key)) {
    loaded.set(
      key,
      new Promise((resolve, reject) => {
        const link = doc.createElement("link");
        link.rel = "stylesheet";
        link.href = url;
        link.addEventListener("load", () => resolve());
        link.addEventListener("error", () => reject(new Error(`could not load ${url}`)));
        doc.head.append(link);
      }),
    );
  }
  return loaded.get(key);
}

// A widget module written by the build as a classic script (staticwidgets.py) registers its
// exports under its own address in `window.coupbookWidgets`.
export async function loadWidgetModule(url, doc = document) {
  await loadScript(url, doc);
  const exports = doc.defaultView.coupbookWidgets?.[url];
  if (!exports) throw new Error(`${url} registered no widget module`);
  return exports;
}
