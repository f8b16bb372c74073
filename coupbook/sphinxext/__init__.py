"""The book's Sphinx extension (``coupbook.sphinxext`` in _config.yml ``extra_extensions``).

One module per job:

- :mod:`~coupbook.sphinxext.edition`: the ``coupbook_edition`` setting (``"student"`` or
  ``"instructor"``).  Notebooks run once and both editions render from the same cached outputs;
  the edition is decided when pages are written: it sets ``"instructor"`` in every quiz's
  embedded widget state, and its ``edition-only`` and ``answer-key`` directives put the answer
  keys into the instructor edition only (pages, page tables of contents and site search).
- :mod:`~coupbook.sphinxext.widgetstate`: re-encodes the widget state and widget views that
  myst-nb embeds in ``<script>`` elements so that no text can end the element
  (:mod:`~coupbook.sphinxext.htmlsafe`), and readies them for the static book's widget loader
  (:mod:`~coupbook.sphinxext.staticwidgets`: anywidget only, modules as files, ``<noscript>``).
- :mod:`~coupbook.sphinxext.plotlymime`: the myst-nb renderer of plotly figures (registered as
  the ``coupbook-plotly`` entry point in pyproject.toml), drawn lazily by ``charts.js``.
- :mod:`~coupbook.sphinxext.pagefixes`: drops the thebe scripts, fixes bibliography ARIA roles,
  defers script files and drops the theme's icon script and the search scripts it does not need.
- :mod:`~coupbook.sphinxext.csp`: a Content-Security-Policy on every page.

The scripts the pages load (the widget loader, the chart drawer, the service-worker
registration) are a small ES-module codebase in ``coupbook/sphinxext/js/src``, bundled by esbuild
into ``_vendor/coupbook/`` at set-up, linted by Biome and tested with ``node --test``
(``coupbook/sphinxext/js/test``).
"""

from __future__ import annotations

from . import csp, edition, pagefixes, widgetstate


def setup(app):
    edition.setup(app)
    widgetstate.setup(app)
    pagefixes.setup(app)
    csp.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
