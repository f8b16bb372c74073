// What the data explorer shows for a country and a range of years, from the page's data (built by
// coupbook/explorer/payload.py) and, if the learner opened one, their copy of Powell & Thyne's
// file.  Pure functions: no DOM, so node --test covers them.

export function normalize(text) {
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// A typed name -> { status: "found", country } | { status: "ambiguous", candidates } | { status: "none" | "empty" }
export function findCountry(text, countries) {
  const wanted = normalize(text);
  if (!wanted) return { status: "empty" };
  const names = (c) => [c.label, ...c.aliases].map(normalize);
  const exact = countries.filter((c) => names(c).includes(wanted));
  const pool = exact.length ? exact : countries.filter((c) => names(c).some((n) => n.includes(wanted)));
  if (pool.length === 1) return { status: "found", country: pool[0] };
  if (pool.length === 0) return { status: "none" };
  return { status: "ambiguous", candidates: pool.map((c) => c.label) };
}

// The code UCDP uses for a coup dataset's (code, year): data/code_matches.csv lists the exceptions.
export function toGw(dataset, code, year, matches) {
  for (const [name, from, first, last, gw] of matches) {
    if (name === dataset && from === code && year >= first && (last === null || year <= last)) return gw;
  }
  return code;
}

export const yearOf = (iso) => Number(iso.slice(0, 4));

function span(first, last) {
  return first === last ? String(first) : `${first}–${last}`;
}

// [first, last] of the requested range that a dataset covers, or null.
function overlap(from, to, first, last) {
  const lo = Math.max(from, first);
  const hi = Math.min(to, last);
  return lo <= hi ? [lo, hi] : null;
}

// Notes for years the datasets do not cover: before they start, after the release used ends.
export function coverageNotes(datasets, from, to) {
  const notes = [];
  const all = [datasets.cline, datasets.ucdp, datasets.pt];
  const earliest = Math.min(...all.map((d) => d.first));
  if (from < earliest) {
    notes.push({
      text:
        `No dataset here lists anything before ${earliest}: the Cline Center starts in ${datasets.cline.first}, ` +
        `UCDP in ${datasets.ucdp.first} and Powell & Thyne in ${datasets.pt.first}. For earlier events, read the ` +
        "historians' accounts the course cites (the Cases page has cases back to 49 BC) and classify them with the " +
        "decision procedure yourself.",
    });
  } else {
    for (const d of all) if (from < d.first) notes.push({ text: `${d.title} starts in ${d.first}.` });
  }
  for (const d of [datasets.pt, datasets.cline, datasets.ucdp]) {
    if (to > d.last) {
      notes.push({
        text: `${d.title} ${d.version} covers ${d.coverage}: later events are not in it. Newer releases: `,
        link: d.download,
      });
    }
  }
  return notes;
}

function ptNote(payload, gw, from, to, ptFile) {
  const { pt } = payload.datasets;
  if (ptFile) return `From your copy of the file (${ptFile.version}).`;
  const counts = payload.ptCounts.filter((r) => toGw("powell-thyne", r[1], r[5], payload.codeMatches) === gw);
  if (!counts.length) return `Powell & Thyne (${pt.version}) list no coup attempt in this country in any year.`;
  const names = new Set(counts.map((r) => r[0]));
  const wanted = overlap(from, to, pt.first, pt.last);
  const scope = payload.ptScope.filter((s) => names.has(s[0]));
  const covered = !wanted || scope.some((s) => s[1] <= wanted[0] && (s[2] === null || s[2] >= wanted[1]));
  if (covered) return "";
  const total = counts.reduce((sum, r) => sum + r[2], 0);
  const wins = counts.reduce((sum, r) => sum + r[3], 0);
  const years = span(Math.min(...counts.map((r) => r[5])), Math.max(...counts.map((r) => r[6])));
  const shipped = scope.length
    ? ` The book shows their events here only for ${scope.map((s) => span(s[1], s[2] ?? pt.last)).join(", ")}.`
    : "";
  return (
    `In the whole file (${pt.version}), Powell & Thyne list ${total} coup attempt${total === 1 ? "" : "s"} in this ` +
    `country, ${years}, ${wins} of them successful.${shipped} Their dates are not shipped with the book: download ` +
    "the authors' file and open it below to list every event."
  );
}

function ucdpConflicts(payload, gw, from, to) {
  const found = new Map();
  for (const [id, first, last, intensity, sideA, sideB] of payload.ucdpRuns) {
    const meta = payload.ucdpConflicts[String(id)];
    const years = overlap(from, to, first, last);
    if (!years || !meta[1].includes(gw)) continue;
    const entry = found.get(id) || { id, location: meta[0], incompatibility: meta[2], territory: meta[3], type: meta[4], runs: [] };
    entry.runs.push({ first: years[0], last: years[1], intensity, sideA, sideB });
    found.set(id, entry);
  }
  return [...found.values()].sort((a, b) => a.runs[0].first - b.runs[0].first || a.id - b.id);
}

// Everything the page shows for one country (an entry of payload.countries) and years [from, to].
export function search(payload, country, from, to, ptFile = null) {
  const gw = country.gw;
  const inRange = (iso) => yearOf(iso) >= from && yearOf(iso) <= to;
  const ptRows = (ptFile ? ptFile.events : payload.ptEvents)
    .filter((r) => inRange(r[2]) && toGw("powell-thyne", r[1], yearOf(r[2]), payload.codeMatches) === gw)
    .map(([name, , date, coup]) => ({ country: name, date, coding: coup === 2 ? "successful" : "failed" }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const cline = payload.clineEvents
    .filter((r) => inRange(r[2]) && toGw("cline", r[1], yearOf(r[2]), payload.codeMatches) === gw)
    .map(([name, , date, type, flags, id]) => ({ country: name, date, type, flags: flags ? flags.split(";") : [], id }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    pt: ptRows,
    ptNote: ptNote(payload, gw, from, to, ptFile),
    cline,
    ucdp: ucdpConflicts(payload, gw, from, to),
    notes: coverageNotes(payload.datasets, from, to),
  };
}

export const CLINE_TYPES = { coup: "realized coup", attempted: "attempted coup", conspiracy: "conspiracy" };
export const INCOMPATIBILITY = { 1: "territory", 2: "government", 3: "government and territory" };
export const CONFLICT_TYPES = { 1: "extrasystemic", 2: "interstate", 3: "intrastate", 4: "internationalized intrastate" };
export const INTENSITY = { 1: "minor", 2: "war" };

// "2006–2014 minor; 2015 war" for the runs of one conflict.
export function describeRuns(runs) {
  const merged = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.intensity === run.intensity && last.last + 1 === run.first) last.last = run.last;
    else merged.push({ ...run });
  }
  return merged.map((r) => `${span(r.first, r.last)} ${INTENSITY[r.intensity]}`).join("; ");
}

export function summary(label, from, to, result) {
  const n = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return (
    `${label}, ${span(from, to)}: ${n(result.pt.length, "Powell & Thyne event")}, ` +
    `${n(result.cline.length, "Cline Center event")}, ${n(result.ucdp.length, "UCDP conflict")}.`
  );
}
