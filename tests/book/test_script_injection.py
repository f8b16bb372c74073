"""No text a contributor or a learner writes can run as code in a reader's browser.

A copy of the project gets hostile text in every text field of the chapter 1 question bank and in
the case names that the chapter 6 chart shows; the real build (the book's own configuration,
extensions and renderers) turns it into pages; headless Chromium opens them with ``window.alert``
hooked, and a hostile learner name is put on My progress.  Nothing may fire, the quiz must render,
and the hostile text must appear as text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from itertools import cycle
from pathlib import Path

import pandas as pd
import pytest
import yaml

from tools.browser import serve, settle

ROOT = Path(__file__).resolve().parents[2]
# The ways a script element can be ended early, or put into a state where it never ends.
PAYLOADS = [
    "</SCRIPT><img src=x onerror=alert(1)>",
    "</script ><img src=x onerror=alert(2)>",
    "</ScRiPt\t><svg onload=alert(3)></svg>",
    "<!--<script>",
    "</script><script>alert(4)</script>",
]
NOT_TEXT = {"id", "type", "category", "bank", "page", "cite", "concepts", "level", "new_case", "case"}
PAGES = ["chapters/01_what_is_a_coup", "chapters/06_telling_them_apart", "pages/my_progress"]


def poison(value, payloads, key=None):
    """Append a payload to every free-text string in a parsed bank (ids and references stay valid)."""
    if isinstance(value, dict):
        return {k: poison(v, payloads, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, payloads, key) for v in value]
    if isinstance(value, str) and key not in NOT_TEXT:
        return f"{value} {next(payloads)}"
    return value


def copy_project(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in files.splitlines():
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    os.symlink(ROOT / "_vendor", dest / "_vendor")
    os.symlink(ROOT / "node_modules", dest / "node_modules")  # esbuild, for the static widgets' modules
    # The quiz widgets' JavaScript bundles are generated at set-up (git-ignored): copy them too.
    for bundle in [*(ROOT / "widgets" / "src" / "bookquiz" / "static").glob("*.js"),
                   *(ROOT / "coupbook" / "explorer" / "static").glob("*.js")]:
        (dest / bundle.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(bundle, dest / bundle.relative_to(ROOT))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    copy_project(project)
    bank_path = project / "data" / "quizzes" / "ch01.yaml"
    bank = yaml.safe_load(bank_path.read_text(encoding="utf-8"))
    bank_path.write_text(yaml.safe_dump(poison(bank, cycle(PAYLOADS)), allow_unicode=True), encoding="utf-8")
    cases_path = project / "data" / "cases.csv"
    cases = pd.read_csv(cases_path, dtype=str, keep_default_na=False)
    cases["name"] = [f"{name} {payload}" for name, payload in zip(cases["name"], cycle(PAYLOADS), strict=False)]
    cases.to_csv(cases_path, index=False)
    toc = "format: jb-book\nroot: intro\nchapters:\n" + "".join(f"  - file: {p}\n" for p in PAGES)
    (project / "_toc.yml").write_text(toc)
    # The copy's own packages, not the installed ones, so its data and banks are the ones read.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(project), str(project / "widgets" / "src")])}
    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    # No -W: the shortened table of contents leaves cross-references to other chapters dangling.
    run = subprocess.run([jupyter_book, "build", str(project)], cwd=project, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    server = serve(project / "_build" / "html")
    yield server
    server.stop()


HOOK = """
window.__fired = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__fired.push(`${name}(${args.join(",")})`); };
}
"""


def open_page(browser, url: str, init: str = ""):
    context = browser.new_context()
    context.add_init_script(HOOK + init)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    settle(page)
    page.wait_for_timeout(500)
    return context, page, dialogs


def test_hostile_bank_text_is_shown_as_text_and_never_runs(hostile_site, browser):
    context, page, dialogs = open_page(browser, hostile_site.url + "chapters/01_what_is_a_coup.html")
    try:
        assert page.evaluate("window.__fired") == [] and dialogs == []
        prompts = page.locator(".bookquiz-prompt").all_inner_texts()
        assert len(prompts) >= 5, "the quiz did not render"
        assert any("</SCRIPT><img src=x onerror=alert(1)>" in p for p in prompts)
        body = page.inner_text("body")
        assert '"bank_id"' not in body and "widget-state" not in body, "raw widget JSON leaked into the page"
        assert page.locator("img[src='x'], svg[onload]").count() == 0
    finally:
        context.close()


def test_hostile_case_names_in_charts_never_run(hostile_site, browser):
    context, page, dialogs = open_page(browser, hostile_site.url + "chapters/06_telling_them_apart.html")
    try:
        assert page.evaluate("window.__fired") == [] and dialogs == []
        assert page.locator(".coupbook-chart-plot .main-svg").count() >= 1
        assert page.locator("img[src='x'], svg[onload]").count() == 0
    finally:
        context.close()


def test_hostile_learner_name_on_my_progress_never_runs(hostile_site, browser):
    name = "</SCRIPT><img src=x onerror=alert(5)>"
    init = (
        'localStorage.setItem("bookquiz-learner:v1:coups-and-rebellions", '
        f'JSON.stringify({{id: "l-1", name: {name!r}}}));'
    )
    context, page, dialogs = open_page(browser, hostile_site.url + "pages/my_progress.html", init)
    try:
        assert page.evaluate("window.__fired") == [] and dialogs == []
        assert page.locator(".bookquiz-progress input[type=text]").first.input_value() == name
        titles = page.locator(".bookquiz-progress-table th[scope=row]").all_inner_texts()
        assert any("</SCRIPT>" in t for t in titles), "bank titles must appear as text"
    finally:
        context.close()
