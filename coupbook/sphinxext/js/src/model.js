// The smallest widget model the static book needs: what an anywidget front end may use
// (get, set, on, off, save_changes, send), over a plain copy of the model's embedded state.
// There is no kernel: save_changes and send do nothing, and nothing ever arrives.

function same(a, b) {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

export function createModel(state) {
  const values = { ...state };
  const handlers = new Map();
  const model = {
    get(name) {
      return values[name];
    },
    set(name, value) {
      const changes = typeof name === "object" && name !== null ? name : { [name]: value };
      const changed = [];
      for (const [key, next] of Object.entries(changes)) {
        if (same(values[key], next)) continue;
        values[key] = next;
        changed.push(key);
      }
      // Like Backbone, which the live widget manager uses: one event per changed key, then "change".
      for (const key of changed) emit(`change:${key}`, model, values[key]);
      if (changed.length) emit("change", model);
    },
    on(events, handler) {
      for (const event of events.split(/\s+/).filter(Boolean)) {
        if (!handlers.has(event)) handlers.set(event, new Set());
        handlers.get(event).add(handler);
      }
    },
    off(events, handler) {
      const names = events ? events.split(/\s+/).filter(Boolean) : [...handlers.keys()];
      for (const event of names) {
        if (handler) handlers.get(event)?.delete(handler);
        else handlers.delete(event);
      }
    },
    save_changes() {},
    send() {},
  };
  function emit(event, ...args) {
    for (const handler of [...(handlers.get(event) || [])]) handler(...args);
  }
  return model;
}
