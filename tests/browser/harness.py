"""A bare page that renders a bookquiz widget with a stand-in model, for front-end tests.

The widget's real ES module and CSS are used; only the model is a small stand-in with exactly
what the static book's loader offers (get, set, on, off, save_changes) that records
``save_changes`` calls, so every question type can be exercised without building the book.
``window.cleanup`` is what render returned.
"""

from __future__ import annotations

from pathlib import Path

from coupbook.sphinxext.htmlsafe import script_json

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bookquiz harness</title><link rel="icon" href="data:,">
<style>{css}</style></head>
<body><main id="root"></main>
<script type="module">
const source = {esm};
const state = {state};
class StandInModel {{
  constructor(values) {{ this.values = values; this.handlers = {{}}; this.saves = 0; }}
  get(key) {{ return this.values[key]; }}
  set(key, value) {{ this.values[key] = value; (this.handlers["change:" + key] || []).forEach((f) => f()); }}
  on(event, handler) {{ (this.handlers[event] ||= []).push(handler); }}
  off(event, handler) {{ this.handlers[event] = (this.handlers[event] || []).filter((f) => f !== handler); }}
  save_changes() {{ this.saves += 1; }}
}}
const module = await import(URL.createObjectURL(new Blob([source], {{ type: "text/javascript" }})));
window.model = new StandInModel(state);
window.cleanup = await module.default.render({{ model: window.model, el: document.getElementById("root") }});
window.harnessReady = true;
</script></body></html>
"""


def write_page(folder: Path, name: str, widget) -> str:
    """Write a harness page for ``widget`` (a Quiz or ProgressBoard) and return its file name."""
    state = {k: v for k, v in widget.get_state().items() if not k.startswith("_") and k != "layout"}
    html = PAGE.format(css=widget._css, esm=script_json(widget._esm), state=script_json(state))
    (folder / f"{name}.html").write_text(html, encoding="utf-8")
    return f"{name}.html"
