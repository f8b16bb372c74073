"""Compatibility name: the bibliography keys live in :mod:`coupbook.data.bibliography`."""

from coupbook.data.bibliography import ENTRY_KEY, bib_keys  # noqa: F401
