"""Sealing: what the browser needs to draw the inputs, record answers, grade and explain, kept
out of plain sight.

Each question's sealed part (the key, misconceptions, hints, explanation, source ..., and the
ids of options, classify items and categories and order items, which authors name after what
they mean) is JSON, XORed with a keystream derived from the bank and question ids, and
base64-encoded.  Lists (options, items, categories) are in display order in both parts, so the
front end (``widgets/js/src/seal.js``) merges them index by index.  It unseals each question
once, when it draws the question; that copy in memory draws the inputs (the DOM carries
positions, never those ids), maps positions back to the ids that answers are recorded with,
grades, shows the answer and the instructor key.

This stops casual peeking (view source, search in page, site search), **not a determined
student**: the page holds everything needed to decode it.  Grades that matter come from class
results, regraded in Python from the banks.

Keystream: a 32-bit FNV-1a hash of ``"<bank>\\x1f<question>"`` (UTF-8) seeds xorshift32; each
step gives one byte (the low 8 bits).
"""

from __future__ import annotations

import base64
import json
from typing import Any

MASK = 0xFFFFFFFF


def _fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for byte in data:
        h = ((h ^ byte) * 0x01000193) & MASK
    return h or 0x9E3779B9


def keystream(bank_id: str, question_id: str, length: int) -> bytes:
    x = _fnv1a(f"{bank_id}\x1f{question_id}".encode())
    out = bytearray(length)
    for i in range(length):
        x ^= (x << 13) & MASK
        x ^= x >> 17
        x ^= (x << 5) & MASK
        out[i] = x & 0xFF
    return bytes(out)


def seal(value: Any, bank_id: str, question_id: str) -> str:
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    stream = keystream(bank_id, question_id, len(data))
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, stream, strict=True))).decode("ascii")


def unseal(text: str, bank_id: str, question_id: str) -> Any:
    data = base64.b64decode(text)
    stream = keystream(bank_id, question_id, len(data))
    return json.loads(bytes(a ^ b for a, b in zip(data, stream, strict=True)).decode())
