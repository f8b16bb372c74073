"""Which edition the build writes: ``coupbook_edition = "student"`` (default) or ``"instructor"``.

Notebooks execute once (jupyter-cache, shared by both editions) and their outputs are the same
for both; the edition is applied when Sphinx reads Markdown pages and writes HTML:

- every bookquiz quiz in the embedded widget state (a model whose state has ``bank_id``) gets
  ``"instructor": true`` in the instructor edition and ``false`` in the student edition, so a
  kernel that happened to run with another setting cannot leak keys into the student pages;
- ``edition-only`` keeps its content in one edition and drops it, before it reaches the page,
  its table of contents or the search index, from the other::

      ```{edition-only} instructor
      #### Quiz keys
      ...
      ```

- ``answer-key`` writes the key of every question bank in ``data/quizzes/`` as tables, in the
  instructor edition only (in the student edition it writes nothing, wherever it is used);
- a notebook cell tagged ``instructor-only`` (for example class results that show which answers
  learners got wrong) keeps its output in the instructor edition; in the student edition the cell
  is replaced by a one-line note, before the page, its table of contents or the search index see it.

The setting is registered with ``rebuild="env"``: a build folder read under one edition is read
again from scratch under the other.  tools/build_book.py sets it (``confoverrides``) and gives
each edition its own output and doctree folders.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxDirective

EDITIONS = ("student", "instructor")
CONFIG = "coupbook_edition"


def mark_quizzes(widget_state: dict, edition: str) -> int:
    """Set every quiz model's ``instructor`` flag for ``edition``; return how many were set.

    Quiz and progress models also lose any ``storage_scope`` (a hub user name, if the book was
    built on a hub): in the static book each reader's browser keeps only their own answers.
    """
    instructor = edition == "instructor"
    marked = 0
    for model in (widget_state.get("state") or {}).values():
        state = model.get("state") if isinstance(model, dict) else None
        if not isinstance(state, dict):
            continue
        if "storage_scope" in state:
            state["storage_scope"] = ""
        if "bank_id" in state:
            state["instructor"] = instructor
            marked += 1
    return marked


def check_edition(app, config) -> None:
    if config[CONFIG] not in EDITIONS:
        raise ConfigError(f"{CONFIG} must be one of {', '.join(EDITIONS)}, not {config[CONFIG]!r}")


class EditionOnly(SphinxDirective):
    """Content (headings allowed) that exists only in the edition named by the argument."""

    has_content = True
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        wanted = self.arguments[0].strip()
        if wanted not in EDITIONS:
            raise self.error(f"edition-only: the edition must be one of {', '.join(EDITIONS)}, not {wanted!r}")
        if wanted != self.config[CONFIG]:
            return []
        holder = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, holder, match_titles=True)
        return holder.children


class AnswerKey(SphinxDirective):
    """The key of every question bank as tables (instructor edition only)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from coupbook.paths import QUIZ_DIR

        for bank_file in sorted(QUIZ_DIR.glob("*.yaml")):
            self.env.note_dependency(str(bank_file))  # re-read this page when a bank changes
        if self.config[CONFIG] != "instructor":
            return []
        from coupbook.quizzes import answer_key_html

        html = answer_key_html()
        return [nodes.raw(html, html, format="html")]


INSTRUCTOR_ONLY_CELL = "tag_instructor-only"  # myst-nb gives a cell's container a class per tag
INSTRUCTOR_ONLY_NOTE = "This output is shown in the instructor edition only."


def drop_instructor_only_cells(app, doctree) -> None:
    """In the student edition, replace notebook cells tagged ``instructor-only`` with a note."""
    if app.config[CONFIG] == "instructor":
        return
    for cell in list(doctree.findall(nodes.container)):
        if INSTRUCTOR_ONLY_CELL in cell.get("classes", []):
            note = nodes.paragraph(text=INSTRUCTOR_ONLY_NOTE, classes=["coupbook-instructor-only"])
            cell.replace_self(note)


def setup(app) -> None:
    app.add_config_value(CONFIG, "student", "env", types=[str])
    app.connect("config-inited", check_edition)
    app.add_directive("edition-only", EditionOnly)
    app.add_directive("answer-key", AnswerKey)
    app.connect("doctree-read", drop_instructor_only_cells)
