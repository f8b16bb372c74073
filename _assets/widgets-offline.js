// Make the static book's widgets load from this folder, never from a CDN.
// Loaded after require.js and before html-manager (nb_ipywidgets_js in _config.yml).
// The require.js baseUrl is _static/offline/, the folder tools/vendor_assets.py fills, so
// "anywidget" resolves to offline/anywidget.js.  html-manager's bundle defines two modules that
// load icon fonts relative to their own module URL; the paths below give both the folder where
// the fonts are (the more specific path wins, so libembed-amd keeps its own name).
(function () {
  var offline = new URL("offline/", document.currentScript.src).href;
  var dist = "@jupyter-widgets/html-manager/dist/";
  window.require.config({
    baseUrl: offline,
    paths: {
      "@jupyter-widgets/html-manager": dist + "html-manager",
      "@jupyter-widgets/html-manager/dist/libembed-amd": dist + "libembed-amd",
    },
  });
})();
