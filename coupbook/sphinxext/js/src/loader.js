// Entry point of the static book's widget loader (_static/coupbook/loader.js), added by myst-nb
// (nb_ipywidgets_js in _config.yml) to pages that embed widget state, deferred.

import { loadStyle, loadWidgetModule } from "./assets.js";
import { renderWidgets } from "./widgets.js";

renderWidgets(document, { loadModule: (url) => loadWidgetModule(url), loadStyle: (url) => loadStyle(url) }).catch((error) =>
  console.error("coupbook widgets:", error),
);
