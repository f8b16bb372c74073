"""Widgets in the static book: anywidget only, each drawn by the book's small loader.

The static book does not use require.js and the Jupyter widgets HTML manager (3.6 MB, and its
ajv needed ``'unsafe-eval'``).  Instead ``_static/coupbook/loader.js`` (source in
``coupbook/sphinxext/js/src``, added to pages with widget state by myst-nb's ``nb_ipywidgets_js``)
reads the embedded widget state and views and runs each anywidget's ES module against a small
model (``get``, ``set``, ``on``, ``off``, ``save_changes``).  When a page is written, this module:

- fails the build, naming the page and the widget, if the page holds a widget that is not an
  anywidget (the loader could not draw it).  ``@jupyter-widgets/base`` layout and style models
  are allowed: every DOM widget, anywidgets too, carries one, and the static book ignores them;
- writes each widget's ``_esm`` as a classic script under ``_static/coupbook/widgets/`` (named by
  the hash of its source, so every page shares one cached file), converted by esbuild (pinned
  in package.json) from an ES module into a script that registers its exports with the loader,
  and its ``_css`` as a style sheet beside it; the state then holds the files' addresses
  instead of their text.  A classic script, not an ES module or a ``blob:`` URL, because
  Chromium refuses module scripts from ``file://`` and the Content-Security-Policy allows no
  ``blob:``.  A module must be self-contained (one bundled file): one that imports anything
  fails the build;
- puts a ``<noscript>`` note beside each widget view, so with JavaScript off the quiz area says
  that it needs JavaScript instead of being empty.

Live in JupyterLab the real widget manager draws the same widgets from the same ``_esm``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from sphinx.errors import ExtensionError

ROOT = Path(__file__).resolve().parents[2]
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
WIDGET_DIR = "_static/coupbook/widgets"
# Models that every DOM widget refers to; they only style the widget's box in JupyterLab.
SUPPORT_MODELS = {("@jupyter-widgets/base", "LayoutModel"), ("@jupyter-widgets/base", "StyleModel")}
GLOBAL = "__coupbookWidget"
# The loader finds a module's exports under the address it loaded the script from.
REGISTER = f"(self.coupbookWidgets=self.coupbookWidgets||{{}})[document.currentScript.src]={GLOBAL};"
NOSCRIPT = {
    "bank_id": "This quiz needs JavaScript, which is turned off or blocked in this browser. "
    "Turn it on to answer the questions; the rest of the page reads without it.",
    "catalog": "Your progress is kept by JavaScript in this browser, which is turned off or blocked. "
    "Turn it on to see your answers, export them or start again.",
}
NOSCRIPT_OTHER = "This interactive part of the page needs JavaScript, which is turned off or blocked in this browser."


class StaticWidgetError(ExtensionError):
    """A page holds a widget that the static book cannot draw."""


def check_models(state: dict, page: str) -> None:
    """Fail with a clear message if ``state`` holds a widget other than an anywidget."""
    # Widgets first, then the style models they refer to (a slider's SliderStyleModel), so the
    # message names the widget the page shows, whatever order the models come in.
    entries = sorted((state.get("state") or {}).items(), key=lambda item: "Style" in str(item[1].get("model_name")))
    for model_id, entry in entries:
        module, name = entry.get("model_module"), entry.get("model_name")
        if module == "anywidget" or (module, name) in SUPPORT_MODELS:
            continue
        raise StaticWidgetError(
            f"{page}: the widget {module} {name} (model {model_id}) cannot be shown in the static book. "
            "Only anywidget widgets are drawn there (coupbook/sphinxext/staticwidgets.py): write the widget "
            "with anywidget, or do not display it in a notebook that the book renders."
        )


def classic_script(esm: str, label: str) -> str:
    """``esm`` (an ES module's source) as a classic script that registers its exports."""
    if not ESBUILD.exists():
        raise StaticWidgetError(f"{ESBUILD} is missing: run `make setup` (npm ci) before building the book")
    command = [
        str(ESBUILD),
        "--bundle",
        "--format=iife",
        f"--global-name={GLOBAL}",
        "--target=es2020",
        "--minify",
        "--log-level=error",
        "--color=false",
        f"--sourcefile={label}",
        f"--footer:js={REGISTER}",
        "--metafile=meta.json",
        "--outfile=widget.js",
    ]
    problem = "it must be one self-contained module, with no imports and no top-level await"
    # An empty working folder: a module that imports a file has nothing to resolve it from.
    with tempfile.TemporaryDirectory(prefix="coupbook-widget-") as folder:
        run = subprocess.run(command, input=esm, capture_output=True, text=True, cwd=folder)
        if run.returncode != 0:
            raise StaticWidgetError(f"{label}: the widget's ES module cannot be made a static script ({problem}):\n"
                                    + run.stderr.strip())
        meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
        imports = sorted({i["path"] for output in meta["outputs"].values() for i in output.get("imports", [])})
        if imports:
            raise StaticWidgetError(f"{label}: the widget's ES module imports {', '.join(imports)} ({problem})")
        return (Path(folder) / "widget.js").read_text(encoding="utf-8")


def _write_once(path: Path, make) -> None:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), encoding="utf-8")


def externalise(state: dict, outdir: Path, page: str, url) -> int:
    """Move every anywidget's ``_esm`` and ``_css`` into files under ``outdir``; return how many.

    ``url(path)`` turns a path relative to ``outdir`` into an address relative to the page.
    """
    moved = 0
    for model_id, entry in (state.get("state") or {}).items():
        values = entry.get("state") if entry.get("model_module") == "anywidget" else None
        if not isinstance(values, dict):
            continue
        esm, css = values.get("_esm"), values.get("_css")
        if not isinstance(esm, str) or not esm.strip():
            raise StaticWidgetError(f"{page}: the anywidget model {model_id} has no ES module (_esm)")
        digest = hashlib.sha256(f"{REGISTER}\n{esm}".encode()).hexdigest()[:20]  # the conversion too
        script = f"{WIDGET_DIR}/{digest}.js"
        label = f"{page}: widget {model_id}"
        _write_once(outdir / script, lambda esm=esm, label=label: classic_script(esm, label))
        values["_esm"] = url(script)
        if isinstance(css, str) and css.strip():
            sheet = f"{WIDGET_DIR}/{hashlib.sha256(css.encode('utf-8')).hexdigest()[:20]}.css"
            _write_once(outdir / sheet, lambda css=css: css)
            values["_css"] = url(sheet)
        else:
            values.pop("_css", None)
        moved += 1
    return moved


def noscript(model_state: dict | None) -> str:
    """The note shown instead of a widget when JavaScript is off."""
    values = (model_state or {}).get("state") or {}
    text = next((note for key, note in NOSCRIPT.items() if key in values), NOSCRIPT_OTHER)
    return f'<noscript><p class="coupbook-noscript">{text}</p></noscript>'


def page_widget_state(env, docname: str) -> dict:
    """The widget state myst-nb holds for a page ({} when it has none)."""
    from myst_nb.sphinx_ import NbMetadataCollector

    try:
        files = NbMetadataCollector.get_js_files(env, docname)
    except (AttributeError, KeyError):
        return {}
    _, attributes = files.get("ipywidgets_state", (None, {}))
    body = attributes.get("body") if isinstance(attributes, dict) else None
    return json.loads(body) if body else {}
