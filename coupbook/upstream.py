"""Compatibility name: the upstream loaders live in :mod:`coupbook.data.upstream`."""

from coupbook.data.upstream import *  # noqa: F401,F403
from coupbook.data.upstream import DEFAULT_DIR, UpstreamFormatError, fetch_bytes  # noqa: F401
