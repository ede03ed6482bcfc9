"""hooks/csp.py: each page's Content-Security-Policy meta tag, computed from its final HTML."""

import base64
import hashlib
from types import SimpleNamespace

import pytest

from hooks import csp
from sitebuild import page_components

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>var a = 1;</script>
<script type="module">import "./x.mjs";</script>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="assets/x.js"></script>
<script>var a = 1;</script>
</head><body><pre class="mermaid"><code>graph LR</code></pre></body></html>"""


def sha256_source(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_only_inline_scripts_that_run_are_hashed_once_each():
    """Classic and module scripts are hashed; a JSON data block and an external script are not."""
    assert csp.inline_script_hashes(PAGE) == [
        sha256_source("var a = 1;"),
        sha256_source('import "./x.mjs";'),
    ]


def test_the_page_policy_allows_only_the_site_and_its_own_inline_scripts():
    policy = directives(csp.page_policy(PAGE))
    assert policy["script-src"] == " ".join(["'self'", *csp.inline_script_hashes(PAGE)])
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["worker-src"] == "'self'"
    assert policy["form-action"] == "'self'"


def test_no_wasm_or_eval_allowance_in_any_page():
    """Pyodide compiles WebAssembly in its worker, which a page's meta policy does not reach."""
    policy = csp.page_policy(PAGE, frozenset({page_components.FEE_QUOTE}))
    assert "wasm-unsafe-eval" not in policy
    assert "unsafe-eval" not in policy
    assert "'unsafe-inline'" not in directives(policy)["script-src"]


def test_inline_styles_follow_the_recorded_components_not_the_html():
    """A Mermaid diagram recorded in page.meta allows inline styles; the HTML alone does not."""
    assert directives(csp.page_policy(PAGE))["style-src"] == "'self'"
    with_diagram = csp.page_policy(PAGE, frozenset({page_components.MERMAID}))
    assert directives(with_diagram)["style-src"] == "'self' 'unsafe-inline'"


def test_the_policy_goes_right_after_meta_charset_and_only_once():
    html = csp.add_policy(PAGE)
    head = html[html.index("<head>") + len("<head>") :]
    assert head.startswith('<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy"')
    assert csp.add_policy(html) == html
    assert html.count('http-equiv="Content-Security-Policy"') == 1


def test_a_document_without_head_is_left_alone():
    assert csp.add_policy('{"not": "html"}') == '{"not": "html"}'


def test_the_page_event_reads_page_meta(monkeypatch):
    monkeypatch.setattr(csp, "_enabled", True)
    page = SimpleNamespace(meta={})
    page_components.record(page.meta, [page_components.MERMAID])
    output = csp.on_post_page(PAGE, page, config={})
    assert "style-src 'self' 'unsafe-inline'" in output
    assert "style-src 'self';" in csp.on_post_page(PAGE, SimpleNamespace(meta={}), config={})


@pytest.mark.parametrize(("command", "written"), [("build", True), ("serve", False)])
def test_serve_writes_no_policy(monkeypatch, command, written):
    """`mkdocs serve` injects an inline live-reload script no hash can know."""
    monkeypatch.setattr(csp, "_enabled", True)
    csp.on_startup(command, dirty=False)
    page = SimpleNamespace(meta={})
    assert ("Content-Security-Policy" in csp.on_post_page(PAGE, page, config={})) is written
    assert ("Content-Security-Policy" in csp.on_post_template(PAGE, "404.html", {})) is written
