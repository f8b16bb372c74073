// Learners' answers in the browser's localStorage, so progress survives reloads and is shared
// by every page of the book (same origin).  Several learners may share one browser: each has a
// random id and their own answers.
//
//   bookquiz-learners:v2:<namespace>          -> {"current": id, "learners": {id: {"name": ...}}}
//   bookquiz:v2:<namespace>:<learner>:<bank>  -> {"answers": {question id: entry}, "updated": ISO time}
//
// Entries are answer format 2 (record.js).  Version 1 keys (bookquiz:v1:<namespace>:<bank> and
// bookquiz-learner:v1:<namespace>) are migrated on first use.  Every access is guarded: when
// storage is blocked or full the quiz still works for the page (answers kept in memory) and
// `available` is false, so the views can say that answers are not being saved.

import { isoNow, migrateEntry } from "./record.js";

const V1_BANK = "bookquiz:v1:";
const V1_LEARNER = "bookquiz-learner:v1:";
const BANK = "bookquiz:v2:";
const LEARNERS = "bookquiz-learners:v2:";
export const EXPORT_FORMAT = "bookquiz-answers";
export const EXPORT_VERSION = 2;

export function memoryStorage() {
  const data = new Map();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  };
}

// The page's localStorage if it can be written, else null (blocked, disabled or full).
export function browserStorage() {
  try {
    const storage = globalThis.localStorage;
    const probe = "bookquiz:probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

function parse(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export function randomId() {
  if (globalThis.crypto && typeof globalThis.crypto.randomUUID === "function") return globalThis.crypto.randomUUID();
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === "x" ? r : (r % 4) + 8).toString(16);
  });
}

// `scope` keeps the answers of different users of one web address apart: on a JupyterHub every
// student's notebooks share the hub's address, and so its browser storage on a lab computer; the
// live widget passes the hub user name (the static book passes "").  Exports keep `namespace`.
export function openStorage(namespace, backend = browserStorage(), scope = "") {
  const available = backend !== null;
  const space = scope ? `${namespace}@${scope}` : namespace;
  const store = backend || memoryStorage();
  let ok = available;

  function get(key) {
    try {
      return parse(store.getItem(key));
    } catch {
      return null;
    }
  }
  function put(key, value) {
    try {
      store.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      ok = false;
      return false;
    }
  }
  function remove(key) {
    try {
      store.removeItem(key);
    } catch {
      /* storage unavailable */
    }
  }
  function keys(prefix) {
    const found = [];
    try {
      for (let i = 0; i < store.length; i += 1) {
        const key = store.key(i);
        if (key?.startsWith(prefix)) found.push(key);
      }
    } catch {
      /* storage unavailable */
    }
    return found;
  }

  const registryKey = `${LEARNERS}${space}`;
  function registry() {
    const value = get(registryKey);
    const learners = value?.learners && typeof value.learners === "object" ? value.learners : {};
    return { current: value && typeof value.current === "string" ? value.current : null, learners };
  }
  function saveRegistry(value) {
    return put(registryKey, value);
  }
  function bankPrefix(id) {
    return `${BANK}${space}:${id}:`;
  }

  function migrate() {
    if (scope || get(registryKey)) return; // version 1 had no scopes
    const old = get(`${V1_LEARNER}${namespace}`);
    const oldBanks = keys(`${V1_BANK}${namespace}:`);
    if (!old && !oldBanks.length) return;
    const id = old && typeof old.id === "string" && old.id ? old.id : randomId();
    const name = old && typeof old.name === "string" ? old.name : "";
    if (!saveRegistry({ current: id, learners: { [id]: { name } } })) return;
    for (const key of oldBanks) {
      const record = get(key);
      const at = record && typeof record.updated === "string" ? record.updated : null;
      const answers = {};
      for (const [qid, entry] of Object.entries(record?.answers || {})) answers[qid] = migrateEntry(entry, at);
      if (put(`${bankPrefix(id)}${key.slice(`${V1_BANK}${namespace}:`.length)}`, { answers, updated: at })) remove(key);
    }
    remove(`${V1_LEARNER}${namespace}`);
  }
  migrate();

  function learner() {
    const reg = registry();
    if (reg.current && reg.learners[reg.current]) return { id: reg.current, name: reg.learners[reg.current].name || "" };
    return newLearner();
  }
  function newLearner() {
    const reg = registry();
    const id = randomId();
    reg.learners[id] = { name: "" };
    reg.current = id;
    saveRegistry(reg);
    return { id, name: "" };
  }
  function learners() {
    return Object.entries(registry().learners).map(([id, v]) => ({ id, name: v?.name || "" }));
  }
  function switchLearner(id) {
    const reg = registry();
    if (!reg.learners[id]) return false;
    reg.current = id;
    return saveRegistry(reg);
  }
  function setName(name) {
    const me = learner();
    const reg = registry();
    reg.learners[me.id] = { ...(reg.learners[me.id] || {}), name };
    return saveRegistry(reg);
  }
  // Reset: the current learner's answers, name and id are forgotten.
  function forgetLearner() {
    const me = learner();
    const doomed = keys(bankPrefix(me.id));
    for (const key of doomed) remove(key);
    const reg = registry();
    delete reg.learners[me.id];
    reg.current = null;
    saveRegistry(reg);
    return doomed.length;
  }

  function readBank(bank) {
    const record = get(`${bankPrefix(learner().id)}${bank}`);
    return record?.answers && typeof record.answers === "object" ? record.answers : {};
  }
  // Merge by question id: two quizzes on one page may show different questions of a bank.
  function writeEntries(bank, entries) {
    const key = `${bankPrefix(learner().id)}${bank}`;
    const answers = { ...readBank(bank), ...entries };
    return put(key, { answers, updated: isoNow() });
  }
  function removeEntries(bank, ids) {
    if (!ids.length) return true;
    const answers = readBank(bank);
    for (const id of ids) delete answers[id];
    return put(`${bankPrefix(learner().id)}${bank}`, { answers, updated: isoNow() });
  }
  function readAll() {
    const prefix = bankPrefix(learner().id);
    const banks = {};
    for (const key of keys(prefix)) {
      const record = get(key);
      if (record?.answers && typeof record.answers === "object") banks[key.slice(prefix.length)] = record.answers;
    }
    return banks;
  }

  return {
    namespace,
    get available() {
      return ok;
    },
    learner,
    learners,
    newLearner,
    switchLearner,
    setName,
    forgetLearner,
    readBank,
    writeEntries,
    removeEntries,
    readAll,
  };
}

// The export document (answer format 2): what "Download my answers" saves.
export function exportDocument(store, now = new Date()) {
  const me = store.learner();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    namespace: store.namespace,
    learner: { id: me.id, name: me.name },
    exported_at: isoNow(now),
    banks: store.readAll(),
  };
}

// answers-<name>.json, keeping letters of every script (answers-王芳.json); the id when no name.
export function exportFileName(who) {
  const name = (who.name || "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  return `answers-${name || who.id}.json`;
}
