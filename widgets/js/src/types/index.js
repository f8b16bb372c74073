// The question types, one module each: the twin of bookquiz/qtypes/.  A type exports
//   type, graded (false: self-assessed), inputs(q, uid) -> {node, read, write, disable, focus}
//     (q is the whole unsealed question: key, `correct`, ids and all; the DOM it draws must hold
//     only texts, labels and positions, and read/write map positions to and from the ids),
//   grade(q, response) -> {correct, feedback, details} or null when the response is unreadable,
//   tries (graded types: how many attempts count; the Python twin's `tries` must be the same),
// and optionally checkLabel, retryLabel, review(q, response, uid, onChange) and done(attempts)
// (self-assessed types: open answers).
// Adding a type: add its module here and one line below (and its Python module).

import classify from "./classify.js";
import multiple from "./multiple.js";
import numeric from "./numeric.js";
import open from "./open.js";
import order from "./order.js";
import single from "./single.js";
import truefalse from "./truefalse.js";

export const TYPES = Object.fromEntries([single, multiple, truefalse, classify, order, numeric, open].map((t) => [t.type, t]));
