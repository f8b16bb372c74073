// Entry point of the static book's widget loader (_static/coupbook/loader.js), added by myst-nb
// (nb_ipywidgets_js in _config.yml) to pages that embed widget state, deferred.  Each widget is
// drawn when its place comes within a screen or so of the view.

import { loadStyle, loadWidgetModule } from "./assets.js";
import { renderWidgets } from "./widgets.js";

const waiting = new Map();
const observer =
  "IntersectionObserver" in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer.unobserve(entry.target);
            waiting.get(entry.target)?.();
            waiting.delete(entry.target);
          }
        },
        { rootMargin: "800px 0px" },
      )
    : null;

function whenNear(el) {
  if (!observer) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.set(el, resolve);
    observer.observe(el);
  });
}

renderWidgets(document, { loadModule: (url) => loadWidgetModule(url), loadStyle: (url) => loadStyle(url), whenNear }).catch((error) =>
  console.error("coupbook widgets:", error),
);
