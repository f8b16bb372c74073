"""Course helpers for the book "How coups differ from rebellions".

Modules, one job each:
- ``paths``: where the project's data and question banks live.
- ``data`` (a subpackage): loading, Frictionless validation, table checks, the course's criteria,
  quiz-key consistency, derivation from the upstream datasets (``python -m coupbook.derive``),
  the upstream loaders and the bibliography keys. ``coupbook.derive``, ``coupbook.upstream`` and
  ``coupbook.bibliography`` are kept as short aliases of their modules there.
- ``casebook``: the "Cases at a glance" table of every case, and the hover text every case chart shares.
- ``charts``: plotly figures with captions, source lines and text alternatives; class styles.
- ``figures`` (a subpackage): one module of charts per chapter, each reading ``data/``.
- ``datasources``: the "Data sources" page, written from ``data/datapackage.json``.
- ``quizzes``: the chapter quizzes, built from the banks in ``data/quizzes/``.
- ``classresults``: aggregates learners' exported answers for an instructor.
- ``sphinxext``: the book's Sphinx extension (editions, answer keys, escaping, CSP, the widget
  loader, the plotly renderer ``sphinxext.plotlymime`` and a lighter page head).
"""
