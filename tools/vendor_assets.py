"""Copy the pinned front-end assets into ``_vendor/`` so the built book needs no CDN.

``_vendor/`` is served as ``_static/`` (html_static_path in _config.yml).  What goes there, all
from the npm packages pinned in package.json/package-lock.json (installed by ``npm ci``):

- ``offline/plotly/plotly-cartesian.min.js``: plotly.js's partial bundle with the cartesian trace
  types (bar, heatmap, scatter and others; the course uses scatter, bar and heatmap), about a
  third the size of the full bundle.  Its version must be the plotly.js that the pinned Python
  plotly bundles, so the figure JSON the notebooks write and the JavaScript that draws it come
  from the same release: checked here.
- ``offline/mathjax/``: the MathJax parts the book may use (loaded only on pages with maths).
- ``coupbook/icons.css``: the icons the theme's buttons use, as CSS masks from the pinned Font
  Awesome Free SVGs (icons CC BY 4.0, attributed in the file), instead of the theme's
  ``fontawesome.js`` (1.5 MB) or its web fonts; see coupbook/sphinxext/pagefixes.py.

The book's own scripts (``_vendor/coupbook/loader.js``, ``charts.js``, ``offline.js``) are bundled
from ``coupbook/sphinxext/js/src`` by esbuild (``npm run build``, run by ``make setup``).

Run: ``python tools/vendor_assets.py`` (``make setup`` does it).  Idempotent; prints what it copied.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "_vendor"
OUT = VENDOR / "offline"
PLOTLY_PACKAGE = "plotly.js-cartesian-dist-min"
PLOTLY_FILE = "plotly-cartesian.min.js"
ICONS_CSS = VENDOR / "coupbook" / "icons.css"

# MathJax parts the book uses: the combined TeX+MathML/CHTML component, its fonts, the TeX
# extensions it may autoload, and the accessibility/menu code it loads on demand.  The other
# 20 MB of the npm package (SVG output, node builds, other combined components) is not needed.
MATHJAX_PARTS = [
    "tex-mml-chtml.js",
    "output/chtml/fonts/woff-v2",
    "input/tex/extensions",
    "a11y",
    "ui",
    "sre",
]

# Every icon the theme (pydata-sphinx-theme, sphinx-book-theme) shows in this book, by Font
# Awesome style.  tests/book/test_built_html.py fails if a page uses one that is not here.
ICONS = {
    "solid": [
        "angle-left",
        "angle-right",
        "arrow-up",
        "bars",
        "circle-half-stroke",
        "download",
        "expand",
        "file",
        "file-pdf",
        "list",
        "magnifying-glass",
        "moon",
        "outdent",
        "sun",
        "xmark",
    ],
}
STYLE_CLASSES = {"solid": (".fa-solid", ".fas"), "regular": (".fa-regular", ".far")}


def _admonitions(*kinds: str) -> list[str]:
    return [f"{p}.admonition{k}>.admonition-title::after" for k in kinds for p in ("", "div")]


# The theme also draws icons as Font Awesome glyphs in pseudo-elements (admonition titles, links
# out of the book, downloads, version notes): each slot gets its solid icon as a mask.
PSEUDO_ICONS = {
    "bell": _admonitions(""),
    "circle-info": _admonitions(".note"),
    "circle-exclamation": _admonitions(".attention", ".important") + ["span.versionmodified::before"],
    "triangle-exclamation": _admonitions(".caution", ".warning", ".danger"),
    "circle-xmark": _admonitions(".error"),
    "lightbulb": _admonitions(".hint", ".tip"),
    "share": _admonitions(".seealso"),
    "pencil": _admonitions(".admonition-todo"),
    "up-right-from-square": [".nav-link.nav-external::after", "nav.bd-links li>a.reference.external::after"],
    "download": ["a.reference.download::before"],
    "angle-right": ["ul.bd-breadcrumbs li.breadcrumb-item:not(.breadcrumb-home)::before"],
    "magnifying-glass-minus": ["div#searchbox p.highlight-link a::before"],
}


def npm_package_dir(name: str) -> Path:
    """Return the installed npm package folder, checking it matches the pin in package.json."""
    manifest = json.loads((ROOT / "package.json").read_text())
    pins = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    folder = NODE_MODULES / name
    installed_manifest = folder / "package.json"
    if not installed_manifest.exists():
        sys.exit(f"vendor_assets: {name} is not installed; run `npm ci` first.")
    installed = json.loads(installed_manifest.read_text())["version"]
    if installed != pins[name]:
        sys.exit(f"vendor_assets: {name} {installed} is installed but package.json pins {pins[name]}.")
    return folder


def copy(src: Path, dest: Path) -> int:
    """Copy a file or folder to ``dest`` and return the number of bytes copied."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if src.is_dir():
        shutil.copytree(src, dest, dirs_exist_ok=True)
        return sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    shutil.copy2(src, dest)
    return dest.stat().st_size


def plotly_js_version(text: str) -> str:
    match = re.search(r"plotly\.js(?: \([a-z -]+\))? v(\d+\.\d+\.\d+)", text[:500])
    if not match:
        raise ValueError("no plotly.js version in the file's header")
    return match.group(1)


def python_plotly_js_version() -> str:
    """The plotly.js release bundled with the installed Python plotly (whose JSON the book draws)."""
    import plotly

    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return plotly_js_version(bundled.read_text(encoding="utf-8", errors="replace")[:500])


def plotly_bundle() -> Path:
    path = npm_package_dir(PLOTLY_PACKAGE) / PLOTLY_FILE
    npm_version = plotly_js_version(path.read_text(encoding="utf-8", errors="replace")[:500])
    python_version = python_plotly_js_version()
    if npm_version != python_version:
        sys.exit(
            f"vendor_assets: {PLOTLY_PACKAGE} has plotly.js {npm_version}, but the Python plotly package draws "
            f"its figures for plotly.js {python_version}: pin {PLOTLY_PACKAGE}@{python_version} in package.json."
        )
    return path


def icon_rule(style: str, name: str, svg: str, selectors: list[str] | None = None) -> str:
    view_box = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    path = re.search(r'<path d="([^"]+)"', svg)
    if not (view_box and path):
        raise ValueError(f"icon {style}/{name}: unexpected SVG")
    width, height = int(view_box.group(1)), int(view_box.group(2))
    data = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path.group(1)}'/></svg>"
    selector = ",".join(selectors or [f"{cls}.fa-{name}" for cls in STYLE_CLASSES[style]])
    icon = f'url("data:image/svg+xml,{quote(data, safe=" =/:,.-")}")'
    return f"{selector}{{--coupbook-icon:{icon};--coupbook-icon-width:{width / height:.3f}em}}"


def icons_css() -> str:
    package = npm_package_dir("@fortawesome/fontawesome-free")
    version = json.loads((package / "package.json").read_text())["version"]
    styles = ",".join(f"{cls}::before" for classes in STYLE_CLASSES.values() for cls in classes)
    fonts = ",".join(cls for classes in STYLE_CLASSES.values() for cls in classes)
    lines = [
        f"/* The theme's icons from Font Awesome Free {version} (https://fontawesome.com), icons licensed CC BY 4.0",
        "   (https://creativecommons.org/licenses/by/4.0/), as CSS masks in the text colour, so the",
        "   theme needs neither fontawesome.js nor the icon fonts.  Generated by tools/vendor_assets.py. */",
        f'{styles}{{content:""!important;display:inline-block;width:var(--coupbook-icon-width,1em);height:1em;'
        "vertical-align:-.125em;background-color:currentColor;"
        "-webkit-mask:var(--coupbook-icon) center/contain no-repeat;"
        "mask:var(--coupbook-icon) center/contain no-repeat}",
        # The theme's style sheet gives icons the Font Awesome font, which the browser would
        # download (157 kB) for an icon element; the masks need no font.
        f"{fonts}{{font-family:inherit!important}}",
    ]
    for style, names in ICONS.items():
        for name in names:
            svg = (package / "svgs" / style / f"{name}.svg").read_text(encoding="utf-8")
            lines.append(icon_rule(style, name, svg))
    slots = ",".join(s for selectors in PSEUDO_ICONS.values() for s in selectors)
    lines.append(
        f'{slots}{{content:""!important;font:inherit!important;display:inline-block;width:1em;height:1em;height:1lh;'
        "background-color:currentColor;-webkit-mask:var(--coupbook-icon) center/contain no-repeat;"
        "mask:var(--coupbook-icon) center/contain no-repeat}"
    )
    for name, selectors in PSEUDO_ICONS.items():
        svg = (package / "svgs" / "solid" / f"{name}.svg").read_text(encoding="utf-8")
        lines.append(icon_rule("solid", name, svg, selectors))
    return "\n".join(lines) + "\n"


def vendor() -> dict[str, int]:
    if OUT.exists():
        shutil.rmtree(OUT)
    copied: dict[str, int] = {}
    copied["plotly.js"] = copy(plotly_bundle(), OUT / "plotly" / PLOTLY_FILE)
    mathjax = npm_package_dir("mathjax") / "es5"
    copied["mathjax"] = sum(copy(mathjax / part, OUT / "mathjax" / part) for part in MATHJAX_PARTS)
    ICONS_CSS.parent.mkdir(parents=True, exist_ok=True)
    ICONS_CSS.write_text(icons_css(), encoding="utf-8")
    copied["icons.css"] = ICONS_CSS.stat().st_size
    return copied


def main() -> None:
    copied = vendor()
    for name, size in copied.items():
        print(f"vendored {name:<16} {size / 1e6:6.2f} MB")
    print(f"vendor_assets: wrote {VENDOR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
