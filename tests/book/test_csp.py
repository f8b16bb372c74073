"""The Content-Security-Policy on the built pages (coupbook/sphinxext/csp.py): on every page of
both editions, with the hash of each of the page's inline scripts; in Chromium, over http and
file://, it blocks an injected inline event handler and reports no violation on normal pages."""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re

import pytest

from coupbook.sphinxext.csp import policy_for, with_policy
from tests.support import built_site
from tools.browser import book_pages, serve, settle

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)" />')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
DATA_TYPE = re.compile(r'\btype="(?!text/javascript|module)[^"]+"')
SAMPLE = ["intro.html", "chapters/04_wagner_mutiny.html", "pages/my_progress.html", "pages/for_instructors.html"]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_policy_blocks_what_it_should_and_allows_the_page():
    page = '<html><head>\n<meta charset="utf-8" />\n<script>var a = 1;</script></head><body>'
    page += '<button onclick="window.print()">p</button><img src=x onerror="alert(1)"></body></html>'
    policy, blocked = policy_for(page)
    parts = directives(policy)
    assert sha256("var a = 1;") in parts["script-src"]
    assert sha256("window.print()") in parts["script-src"] and "'unsafe-hashes'" in parts["script-src"]
    assert sha256("alert(1)") not in parts["script-src"] and blocked == ['onerror="alert(1)"']
    assert "'unsafe-inline'" not in parts["script-src"] and "'unsafe-eval'" not in parts["script-src"]
    assert parts["object-src"] == ["'none'"] and parts["base-uri"] == ["'self'"]
    once = with_policy(page, policy)
    assert with_policy(once, policy) == once, "re-applying replaces the policy, never adds a second one"
    assert once.index("Content-Security-Policy") < once.index("<script>")


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_every_page_has_a_policy_with_its_inline_scripts(edition):
    site = built_site(edition)
    for path in book_pages(site):
        page = (site / path).read_text(encoding="utf-8")
        if path == "index.html":
            continue  # a bare redirect with no script
        policies = POLICY.findall(page)
        assert len(policies) == 1, f"{path}: {len(policies)} policies"
        assert page.index("Content-Security-Policy") < page.index("<script"), f"{path}: policy after a script"
        script_src = directives(htmllib.unescape(policies[0]))["script-src"]
        assert "'unsafe-inline'" not in script_src, path
        inline = [body for attrs, body in INLINE_SCRIPT.findall(page) if not DATA_TYPE.search(attrs)]
        assert inline, f"{path}: expected the theme's inline scripts"
        missing = [body[:60] for body in inline if sha256(body) not in script_src]
        assert not missing, f"{path}: inline scripts without a hash: {missing}"
        assert "'unsafe-eval'" not in script_src and "blob:" not in script_src, path


VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
"""
INJECT = """() => new Promise((resolve) => {
  window.__ran = false;
  const holder = document.createElement("div");
  holder.innerHTML = '<img src="data:," onload="window.__ran = true" onerror="window.__ran = true">';
  document.body.append(holder);
  setTimeout(() => resolve(window.__ran), 500);
})"""


@pytest.fixture(scope="module", params=["http", "file"])
def base_url(request):
    site = built_site("student")
    if request.param == "file":
        yield site.as_uri() + "/"
        return
    server = serve(site)
    yield server.url
    server.stop()


@pytest.mark.browser
@pytest.mark.parametrize("path", SAMPLE)
def test_injected_handler_is_blocked_and_the_page_has_no_violation(browser, base_url, path):
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(base_url + path)
        settle(page)
        assert page.evaluate("window.__violations") == [], f"{path}: violations on a normal page"
        assert [e for e in errors if "Content Security Policy" in e] == [], path
        if "chapters/" in path:
            assert page.locator(".bookquiz").count() >= 1, "the quiz renders under the policy"
        assert page.evaluate(INJECT) is False, f"{path}: an injected inline handler ran"
        violations = page.evaluate("window.__violations")
        assert any(v.startswith("script-src") for v in violations), violations
    finally:
        context.close()
