import assert from "node:assert/strict";
import { test } from "node:test";
import { coverageNotes, describeRuns, findCountry, normalize, search, summary, toGw } from "../src/query.js";

const DATASETS = {
  pt: {
    title: "Powell & Thyne",
    version: "V1",
    coverage: "1950 to August 2023",
    download: "https://example.org/pt",
    first: 1950,
    last: 2023,
  },
  cline: { title: "Cline Center", version: "v2", coverage: "1945–2022", download: "https://example.org/c", first: 1945, last: 2022 },
  ucdp: { title: "UCDP/PRIO", version: "v22.1", coverage: "1946–2021", download: "https://example.org/u", first: 1946, last: 2021 },
};
const PAYLOAD = {
  datasets: DATASETS,
  countries: [
    { label: "Thailand", gw: 800, aliases: ["Thailand"] },
    { label: "Yemen", gw: 678, aliases: ["Yemen", "Yemen (North Yemen)", "Yemen Arab Republic"] },
    { label: "South Yemen", gw: 680, aliases: ["South Yemen", "Yemen PDR"] },
    { label: "Côte d'Ivoire", gw: 437, aliases: ["Côte d'Ivoire", "Ivory Coast"] },
    { label: "Bolivia", gw: 145, aliases: ["Bolivia"] },
  ],
  codeMatches: [["cline", 679, 1990, null, 678]],
  flagLabels: { military: "Military coup" },
  ptScope: [["Thailand", 1950, null]],
  ptEvents: [
    ["Thailand", 800, "2014-05-22", 2],
    ["Thailand", 800, "2006-09-19", 2],
    ["Thailand", 800, "1985-09-09", 1],
  ],
  ptCounts: [
    ["Thailand", 800, 3, 2, 1, 1985, 2014],
    ["Bolivia", 145, 23, 11, 12, 1950, 1984],
  ],
  clineEvents: [
    ["Thailand", 800, "2006-09-19", "coup", "military", "80009192006"],
    ["Yemen", 679, "2011-06-03", "attempted", "", "67906032011"],
    ["Yemen Arab Republic", 678, "1955-03-31", "attempted", "military", "67803311955"],
  ],
  ucdpConflicts: { 423: ["Thailand", [800], 1, "Patani", 3], 9: ["Cambodia (Kampuchea), Thailand", [800, 811], 1, "Border", 2] },
  ucdpRuns: [
    [423, 2003, 2012, 1, "Government of Thailand", "Patani insurgents"],
    [423, 2013, 2014, 2, "Government of Thailand", "BRN"],
    [423, 2015, 2021, 1, "Government of Thailand", "BRN"],
    [9, 2011, 2011, 1, "Government of Cambodia", "Government of Thailand"],
  ],
};

test("names are compared without case, accents or punctuation", () => {
  assert.equal(normalize("  Côte d’Ivoire "), "cote d ivoire");
  assert.equal(findCountry("cote d'ivoire", PAYLOAD.countries).country.gw, 437);
  assert.equal(findCountry("THAILAND", PAYLOAD.countries).country.gw, 800);
  assert.equal(findCountry("ivory", PAYLOAD.countries).country.gw, 437);
  assert.equal(findCountry("", PAYLOAD.countries).status, "empty");
  assert.equal(findCountry("Atlantis", PAYLOAD.countries).status, "none");
});

test("an exact name wins over partial matches; several partial matches are listed", () => {
  assert.equal(findCountry("Yemen", PAYLOAD.countries).country.gw, 678);
  const both = findCountry("yem", PAYLOAD.countries);
  assert.equal(both.status, "ambiguous");
  assert.deepEqual(both.candidates, ["Yemen", "South Yemen"]);
});

test("country codes follow the code matches by dataset and year", () => {
  assert.equal(toGw("cline", 679, 2011, PAYLOAD.codeMatches), 678);
  assert.equal(toGw("cline", 679, 1989, PAYLOAD.codeMatches), 679);
  assert.equal(toGw("powell-thyne", 679, 2011, PAYLOAD.codeMatches), 679);
  assert.equal(toGw("cline", 800, 2006, PAYLOAD.codeMatches), 800);
});

test("Thailand 2006-2014: both coups, with their codings, and the conflicts active then", () => {
  const result = search(PAYLOAD, PAYLOAD.countries[0], 2006, 2014);
  assert.deepEqual(
    result.pt.map((r) => [r.date, r.coding]),
    [
      ["2006-09-19", "successful"],
      ["2014-05-22", "successful"],
    ],
  );
  assert.equal(result.ptNote, "");
  assert.deepEqual(
    result.cline.map((r) => [r.date, r.type, r.flags]),
    [["2006-09-19", "coup", ["military"]]],
  );
  assert.deepEqual(
    result.ucdp.map((c) => c.id),
    [423, 9],
  );
  assert.equal(describeRuns(result.ucdp[0].runs), "2006–2012 minor; 2013–2014 war");
  assert.equal(result.notes.length, 0);
  assert.equal(
    summary("Thailand", 2006, 2014, result),
    "Thailand, 2006–2014: 2 Powell & Thyne events, 1 Cline Center event, 2 UCDP conflicts.",
  );
});

test("Yemen gathers the Cline rows coded 679 after 1990 and 678 before", () => {
  const result = search(PAYLOAD, PAYLOAD.countries[1], 1945, 2022);
  assert.deepEqual(
    result.cline.map((r) => r.id),
    ["67803311955", "67906032011"],
  );
});

test("where the book does not ship Powell & Thyne's dates it gives the counts and says where to get the file", () => {
  const result = search(PAYLOAD, PAYLOAD.countries[4], 1950, 1990);
  assert.equal(result.pt.length, 0);
  assert.match(result.ptNote, /23 coup attempts in this country, 1950–1984, 11 of them successful/);
  assert.match(result.ptNote, /download the authors' file/);
  const fromFile = search(PAYLOAD, PAYLOAD.countries[4], 1950, 1990, { version: "V9", events: [["Bolivia", 145, "1980-07-17", 2]] });
  assert.equal(fromFile.pt.length, 1);
  assert.match(fromFile.ptNote, /your copy of the file \(V9\)/);
  const none = search(PAYLOAD, PAYLOAD.countries[3], 1950, 1990);
  assert.match(none.ptNote, /no coup attempt in this country in any year/);
});

test("years outside the datasets get guidance", () => {
  const early = coverageNotes(DATASETS, 1900, 1940).map((n) => n.text);
  assert.equal(early.length, 1);
  assert.match(early[0], /before 1945: the Cline Center starts in 1945, UCDP in 1946 and Powell & Thyne in 1950/);
  const partly = coverageNotes(DATASETS, 1946, 2000).map((n) => n.text);
  assert.deepEqual(partly, ["Powell & Thyne starts in 1950."]);
  const late = coverageNotes(DATASETS, 2000, 2024);
  assert.deepEqual(
    late.map((n) => n.link),
    ["https://example.org/pt", "https://example.org/c", "https://example.org/u"],
  );
  assert.match(late[1].text, /Cline Center v2 covers 1945–2022: later events are not in it/);
});
