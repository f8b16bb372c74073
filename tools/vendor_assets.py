"""Copy the pinned front-end assets into ``_vendor/offline/`` so the built book needs no CDN.

Sources (all pinned): the npm packages in package.json/package-lock.json (installed by
``npm ci``) and plotly.js from the installed Python ``plotly`` wheel, so the figure JSON and the
JavaScript that draws it always come from the same release.

Layout: ``_vendor/offline/`` is served as ``_static/offline/`` and is the require.js ``baseUrl``
(see ``_assets/widgets-offline.js``). html-manager derives the URL of its bundled fonts from its
AMD module name, so it lives under ``@jupyter-widgets/html-manager/dist/`` with its fonts beside it;
anywidget's AMD bundle is ``anywidget.js`` so ``require(["anywidget"])`` finds it with no CDN.

Run: ``python tools/vendor_assets.py`` (``make book`` does it).  Idempotent; prints what it copied.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
OUT = ROOT / "_vendor" / "offline"

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


def npm_package_dir(name: str) -> Path:
    """Return the installed npm package folder, checking it matches the pin in package.json."""
    pins = json.loads((ROOT / "package.json").read_text())["dependencies"]
    folder = NODE_MODULES / name
    manifest = folder / "package.json"
    if not manifest.exists():
        sys.exit(f"vendor_assets: {name} is not installed; run `npm ci` first.")
    installed = json.loads(manifest.read_text())["version"]
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


def check_anywidget_matches_python() -> None:
    """Widget state records the Python anywidget version; the front end must be the same release."""
    import anywidget

    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["anywidget"]
    if anywidget.__version__ != pinned:
        sys.exit(f"vendor_assets: Python anywidget {anywidget.__version__} != npm anywidget {pinned}.")


def plotly_js() -> Path:
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.exists():
        sys.exit("vendor_assets: plotly.min.js not found in the installed plotly package.")
    return path


def vendor() -> dict[str, int]:
    if OUT.exists():
        shutil.rmtree(OUT)
    copied: dict[str, int] = {}

    requirejs = npm_package_dir("requirejs")
    copied["require.js"] = copy(requirejs / "require.js", OUT / "require.js")

    manager = npm_package_dir("@jupyter-widgets/html-manager") / "dist"
    manager_out = OUT / "@jupyter-widgets" / "html-manager" / "dist"
    copied["html-manager"] = copy(manager / "embed-amd.js", manager_out / "embed-amd.js")
    for font in manager.iterdir():
        if font.suffix in {".woff2", ".woff", ".ttf", ".eot", ".svg"}:
            copied["html-manager"] += copy(font, manager_out / font.name)

    anywidget = npm_package_dir("anywidget") / "dist" / "index.js"
    check_anywidget_matches_python()
    copied["anywidget.js"] = copy(anywidget, OUT / "anywidget.js")

    copied["plotly.min.js"] = copy(plotly_js(), OUT / "plotly" / "plotly.min.js")

    mathjax = npm_package_dir("mathjax") / "es5"
    copied["mathjax"] = sum(copy(mathjax / part, OUT / "mathjax" / part) for part in MATHJAX_PARTS)
    return copied


def main() -> None:
    copied = vendor()
    for name, size in copied.items():
        print(f"vendored {name:<16} {size / 1e6:6.2f} MB")
    print(f"vendor_assets: wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
