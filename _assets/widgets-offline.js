// Make the static book's widgets load from this folder, never from a CDN.
// Loaded after require.js and before html-manager (nb_ipywidgets_js in _config.yml).
// The require.js baseUrl is _static/offline/, the folder tools/vendor_assets.py fills:
// "anywidget" resolves to offline/anywidget.js, and html-manager's module URL (from which it
// derives the URL of its icon fonts) falls under offline/@jupyter-widgets/html-manager/dist/.
(function () {
  var offline = new URL("offline/", document.currentScript.src).href;
  window.require.config({ baseUrl: offline });
})();
