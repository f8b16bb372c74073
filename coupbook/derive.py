"""Compatibility name for ``python -m coupbook.derive``: see :mod:`coupbook.data.derive`."""

from coupbook.data.derive import main

if __name__ == "__main__":
    raise SystemExit(main())
