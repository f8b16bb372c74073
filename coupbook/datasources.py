"""The "Data sources" page: every dataset in data/datapackage.json, described for readers.

First the upstream research datasets (each once, with its version and coverage, and the course
tables built from it), then every table with its file, sources, licence, citation and fields.
Everything comes from the data package, so the page cannot disagree with the charts' source lines.
"""

from __future__ import annotations

from html import escape

from .data import read_package
from .data.package import describe_source


def datapackage() -> dict:
    return read_package()


def _sources(resource: dict) -> str:
    items = []
    for source in resource.get("sources", []):
        title = escape(describe_source(source))
        where = source.get("path") or source.get("url") or ""
        items.append(f"{title} (<code>{escape(where)}</code>)" if where else title)
    return "; ".join(items) or "—"


def _licences(resource: dict) -> str:
    names = [lic.get("title") or lic.get("name", "") for lic in resource.get("licenses", [])]
    return "; ".join(escape(n) for n in names if n) or "—"


def upstream_datasets(package: dict | None = None) -> list[dict]:
    """Each upstream dataset once (a source with a version): title, version, coverage, path, tables."""
    found: dict[tuple, dict] = {}
    for res in (package or datapackage())["resources"]:
        for source in res.get("sources", []):
            if source.get("version"):
                key = (source["title"], source["version"])
                entry = found.setdefault(key, dict(source, tables=[]))
                entry["tables"].append(res["name"])
    return list(found.values())


def datasets_html() -> str:
    """A table of the upstream datasets: version, coverage, where from, and which course tables use them."""
    rows = []
    for d in upstream_datasets():
        tables = ", ".join(f'<a href="#data-{escape(t)}">{escape(t)}</a>' for t in d["tables"])
        rows.append(
            f'<tr><th scope="row">{escape(d["title"])}</th><td>{escape(d["version"])}</td>'
            f"<td>{escape(d.get('coverage', ''))}</td><td><code>{escape(d.get('path', ''))}</code></td>"
            f"<td>{tables}</td></tr>"
        )
    rows = "".join(rows)
    head = "".join(
        f'<th scope="col">{h}</th>' for h in ("Dataset", "Version", "Coverage", "Where from", "Course tables")
    )
    return (
        '<div class="data-provenance" role="region" aria-label="Upstream datasets" tabindex="0">'
        '<table class="table"><caption>The research datasets behind the course tables, as recorded in '
        "data/datapackage.json.</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


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


def tables_html() -> str:
    """Every table of the data package, in its listed order."""
    return "\n".join(resource_html(r) for r in datapackage()["resources"])


def data_sources_html() -> str:
    """The whole page body: the upstream datasets, then every table."""
    return datasets_html() + "\n" + tables_html()
