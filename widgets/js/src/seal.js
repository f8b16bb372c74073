// Unsealing: the part of each question not drawn as it stands (the key, misconceptions, hints,
// explanation, source, and the ids of options, items and categories, with which the inputs are
// drawn and answers recorded) is JSON XORed with a keystream derived from the bank and question
// ids, then base64.  question.js unseals each question once, when it draws it; that copy in
// memory draws the inputs, grades, shows the answer and the instructor key.  The twin of
// bookquiz/seal.py (see its docstring).
// This keeps keys out of plain sight; it does not stop a determined reader of the page.

function fnv1a(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash || 0x9e3779b9;
}

export function keystream(bankId, questionId, length) {
  let x = fnv1a(new TextEncoder().encode(`${bankId}\u001f${questionId}`));
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export function unseal(text, bankId, questionId) {
  const data = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const stream = keystream(bankId, questionId, data.length);
  for (let i = 0; i < data.length; i += 1) data[i] ^= stream[i];
  return JSON.parse(new TextDecoder().decode(data));
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Public and sealed parts list options, items and categories in the same (display) order, so
// arrays merge index by index and objects key by key.
export function merge(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.map((value, i) => (i < b.length ? merge(value, b[i]) : value));
  if (isPlainObject(a) && isPlainObject(b)) {
    const out = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = key in a ? merge(a[key], value) : value;
    return out;
  }
  return b === undefined ? a : b;
}

// The whole question: the public spec with its sealed part decoded and merged in.
export function fullQuestion(bankId, spec) {
  const { sealed, ...shown } = spec;
  return sealed ? merge(shown, unseal(sealed, bankId, spec.id)) : shown;
}
