"""The "Data sources" page: every dataset in data/datapackage.json, described for readers."""

from __future__ import annotations

import json
from html import escape

from .paths import DATA_DIR


def datapackage() -> dict:
    return json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))


def _sources(resource: dict) -> str:
    items = []
    for source in resource.get("sources", []):
        title = escape(source.get("title", ""))
        where = source.get("path") or source.get("url") or ""
        items.append(f"{title} (<code>{escape(where)}</code>)" if where else title)
    return "; ".join(items) or "—"


def _licences(resource: dict) -> str:
    names = [lic.get("title") or lic.get("name", "") for lic in resource.get("licenses", [])]
    return "; ".join(escape(n) for n in names if n) or "—"


def resource_html(resource: dict) -> str:
    """One dataset: what it is, where it comes from, its licence, how to cite it, its fields."""
    fields = resource.get("schema", {}).get("fields", [])
    rows = "".join(
        f"<tr><td><code>{escape(f['name'])}</code></td><td>{escape(f.get('type', 'string'))}</td>"
        f"<td>{escape(f.get('description', ''))}</td></tr>"
        for f in fields
    )
    citation = resource.get("x-citation") or resource.get("citation") or ""
    return (
        f'<section class="data-resource" id="data-{escape(resource["name"])}">'
        f"<h2>{escape(resource.get('title', resource['name']))}</h2>"
        f"<p>{escape(resource.get('description', ''))}</p>"
        f"<dl><dt>File</dt><dd><code>data/{escape(resource['path'])}</code></dd>"
        f"<dt>Source</dt><dd>{_sources(resource)}</dd>"
        f"<dt>Licence</dt><dd>{_licences(resource)}</dd>"
        f"<dt>How to cite</dt><dd>{escape(citation)}</dd></dl>"
        f"<details><summary>Fields ({len(fields)})</summary>"
        f'<table class="table"><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
        f'<th scope="col">Meaning</th></tr></thead><tbody>{rows}</tbody></table></details></section>'
    )


def data_sources_html() -> str:
    return "\n".join(resource_html(r) for r in datapackage()["resources"])
