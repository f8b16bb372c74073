"""The question types: one module per type, each holding one model that subclasses
:class:`bookquiz.base.QuestionBase` and has a ``type`` field.

The registry is built from the modules of this package, so adding a type is adding a module
here (plus its front end in ``widgets/js/src/types/`` and one line in that folder's
``index.js``).  Modules whose name starts with ``_`` hold shared parts and register nothing.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from ..base import QuestionBase


def _discover() -> dict[str, type[QuestionBase]]:
    found: dict[str, type[QuestionBase]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QuestionBase) and "type" in cls.model_fields:
                (name,) = cls.model_fields["type"].annotation.__args__
                if name in found:
                    raise RuntimeError(f"question type {name!r} is defined twice")
                found[name] = cls
    return found


REGISTRY: dict[str, type[QuestionBase]] = _discover()
QUESTION_TYPES = tuple(REGISTRY)

__all__ = ["QUESTION_TYPES", "REGISTRY"]
