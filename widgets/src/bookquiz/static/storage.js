// Learners' answers in the browser's localStorage, so progress survives reloads and is shared
// by every page of the book (same origin).  One key per bank:
//   bookquiz:v1:<namespace>:<bank>  ->  {"answers": {<question id>: entry}, "updated": ISO time}
// where entry = {response, correct, attempts, revealed}.  Every access is guarded: storage can
// be disabled or full, and a quiz must still work (it just forgets on reload).

const STORE_PREFIX = "bookquiz:v1:";
const LEARNER_PREFIX = "bookquiz-learner:v1:";
export const EXPORT_FORMAT = "bookquiz-answers";
export const EXPORT_VERSION = 1;

function bankKey(namespace, bank) {
  return `${STORE_PREFIX}${namespace}:${bank}`;
}

function safeParse(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? value : null;
  } catch (err) {
    return null;
  }
}

export function readBank(namespace, bank) {
  try {
    const record = safeParse(window.localStorage.getItem(bankKey(namespace, bank)));
    if (record && record.answers && typeof record.answers === "object") return record;
  } catch (err) {
    /* storage unavailable: start empty */
  }
  return { answers: {}, updated: null };
}

export function writeAnswers(namespace, bank, answers) {
  // Merge by question id: two quizzes on one page may show different questions of a bank.
  if (!Object.keys(answers).length) return true;
  const record = readBank(namespace, bank);
  Object.assign(record.answers, answers);
  record.updated = new Date().toISOString();
  try {
    window.localStorage.setItem(bankKey(namespace, bank), JSON.stringify(record));
    return true;
  } catch (err) {
    return false;
  }
}

export function removeAnswers(namespace, bank, questionIds) {
  if (!questionIds.length) return;
  const record = readBank(namespace, bank);
  questionIds.forEach((id) => delete record.answers[id]);
  try {
    window.localStorage.setItem(bankKey(namespace, bank), JSON.stringify(record));
  } catch (err) {
    /* storage unavailable */
  }
}

export function readAllBanks(namespace) {
  const prefix = `${STORE_PREFIX}${namespace}:`;
  const banks = {};
  try {
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key && key.startsWith(prefix)) {
        const record = safeParse(window.localStorage.getItem(key));
        if (record && record.answers) banks[key.slice(prefix.length)] = record;
      }
    }
  } catch (err) {
    /* storage unavailable */
  }
  return banks;
}

export function clearAll(namespace) {
  const prefix = `${STORE_PREFIX}${namespace}:`;
  try {
    const doomed = [];
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key && key.startsWith(prefix)) doomed.push(key);
    }
    doomed.forEach((key) => window.localStorage.removeItem(key));
    return doomed.length;
  } catch (err) {
    return 0;
  }
}

function randomId() {
  if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === "x" ? r : (r % 4) + 8).toString(16);
  });
}

export function learner(namespace) {
  // A random, anonymous id per browser (so an instructor can spot duplicate files) and an
  // optional name the learner types on the progress page.
  const key = `${LEARNER_PREFIX}${namespace}`;
  let stored = null;
  try {
    stored = safeParse(window.localStorage.getItem(key));
  } catch (err) {
    stored = null;
  }
  const value = { id: (stored && stored.id) || randomId(), name: (stored && stored.name) || "" };
  if (!stored || !stored.id) saveLearner(namespace, value);
  return value;
}

export function saveLearner(namespace, value) {
  try {
    window.localStorage.setItem(`${LEARNER_PREFIX}${namespace}`, JSON.stringify(value));
  } catch (err) {
    /* storage unavailable */
  }
}

export function exportDocument(namespace, who, banks) {
  const out = {};
  for (const [bank, record] of Object.entries(banks)) out[bank] = record.answers;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    namespace,
    learner: who,
    exported_at: new Date().toISOString(),
    banks: out,
  };
}
