"""Course helpers for the book "How coups differ from rebellions".

Modules, one job each:
- ``paths``: where the project's data and question banks live.
- ``datapackage``: validates the curated tables in ``data/`` against ``data/datapackage.json``.
- ``data``: loads those tables as pandas DataFrames.
- ``derive``: rebuilds ``data/derived/`` from the upstream coup datasets.
- ``upstream``: loads the full upstream datasets from a path or URL.
- ``bibliography``: the keys of references.bib, for citation checks.
- ``casebook``: the "Cases at a glance" table of every case.
- ``charts``: plotly figures with captions, source lines and text alternatives.
- ``quizzes``: the chapter quizzes, built from the banks in ``data/quizzes/``.
- ``classresults``: aggregates learners' exported answers for an instructor.
- ``mystnb_plotly``: renders plotly output in the static book.
- ``sphinxext``: the book's Sphinx extension (editions, answer keys, escaping, CSP).
"""
