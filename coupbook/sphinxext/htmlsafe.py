"""JSON that is safe to embed in an HTML ``<script>`` element, whatever text it carries.

Text in a page's scripts comes from contributors (question banks, data tables, chart labels) and
from learners (names, answers shown in class results).  The HTML parser ends a script element at
``</script`` in any letter case and with any trailing space or attribute, and ``<!--`` puts it in
a state where the real closing tag no longer ends it.  Writing every ``<``, ``>`` and ``&`` as a
JSON escape (``\\u003c``, ``\\u003e``, ``\\u0026``) removes all three characters from the
embedded text while leaving the value that ``JSON.parse`` (or JavaScript) reads unchanged.
``ensure_ascii`` also escapes U+2028 and U+2029, which end a line in older JavaScript.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(value: Any) -> str:
    """``value`` as compact JSON with no character that could end or confuse a script element."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True).translate(_ESCAPES)

