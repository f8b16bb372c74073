"""The static book's widget step (coupbook/sphinxext/staticwidgets.py): only anywidget widgets,
each module written once as a classic script file, a clear error for anything else."""

from __future__ import annotations

import subprocess

import pytest

from coupbook.sphinxext import staticwidgets
from coupbook.sphinxext.staticwidgets import StaticWidgetError, check_models, externalise, noscript

ESM = """export function render({ model, el }) { el.textContent = String(model.get('count')); }
export default { render };"""


def state(**models):
    return {"state": models, "version_major": 2, "version_minor": 0}


def anywidget(**values):
    return {"model_module": "anywidget", "model_name": "AnyModel", "state": values}


LAYOUT = {"model_module": "@jupyter-widgets/base", "model_name": "LayoutModel", "state": {}}
SLIDER = {"model_module": "@jupyter-widgets/controls", "model_name": "IntSliderModel", "state": {}}


def test_anywidgets_and_their_layout_models_are_allowed():
    check_models(state(a=anywidget(_esm=ESM), l=LAYOUT), "chapters/01")


def test_any_other_widget_fails_naming_the_page_and_the_widget():
    with pytest.raises(StaticWidgetError) as error:
        check_models(state(a=anywidget(_esm=ESM), s=SLIDER), "chapters/01")
    message = str(error.value)
    assert "chapters/01" in message and "IntSliderModel" in message and "Only anywidget" in message


def test_modules_and_styles_become_shared_files(tmp_path):
    page = state(a=anywidget(_esm=ESM, _css=".x{}", count=1), b=anywidget(_esm=ESM, _css=".x{}", count=2), l=LAYOUT)
    moved = externalise(page, tmp_path, "chapters/01", lambda path: "../" + path)
    assert moved == 2
    a, b = page["state"]["a"]["state"], page["state"]["b"]["state"]
    assert a["_esm"] == b["_esm"] and a["_esm"].startswith("../_static/coupbook/widgets/") and a["_esm"].endswith(".js")
    assert a["_css"].endswith(".css") and a["count"] == 1
    scripts = list((tmp_path / "_static" / "coupbook" / "widgets").glob("*.js"))
    assert len(scripts) == 1
    text = scripts[0].read_text()
    assert "coupbookWidgets" in text and "document.currentScript.src" in text and "export " not in text


def test_the_classic_script_registers_the_modules_exports():
    script = staticwidgets.classic_script(ESM, "test")
    program = (
        "const self = globalThis; const document = { currentScript: { src: 'http://book/w.js' } };\n"
        + script
        + "\nconst el = {}; self.coupbookWidgets['http://book/w.js'].default.render({ model: { get: () => 7 }, el });"
        + "\nconsole.log(el.textContent);"
    )
    run = subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "7"


@pytest.mark.parametrize(
    "source",
    [
        "import x from './other.js'; export default { render() { return x; } };",
        "import * as d3 from 'https://esm.sh/d3'; export default { render() {} };",
        "const data = await fetch('x'); export default { render() {} };",
    ],
)
def test_a_module_that_is_not_self_contained_is_a_clear_error(source):
    with pytest.raises(StaticWidgetError, match="self-contained module"):
        staticwidgets.classic_script(source, "chapters/01: widget w")


def test_noscript_notes_say_what_needs_javascript():
    assert "This quiz needs JavaScript" in noscript(anywidget(bank_id="ch01"))
    assert "progress" in noscript(anywidget(catalog=[]))
    assert "needs JavaScript" in noscript(None)
