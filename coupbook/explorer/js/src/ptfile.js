// Read the learner's own copy of Powell & Thyne's file (powell_thyne_coups_final.txt, tab-separated,
// strings in double quotes) in the browser.  Nothing is uploaded: the text never leaves the page.

const NEEDED = ["country", "ccode", "year", "month", "day", "coup", "version"];

function cells(line) {
  return line.split("\t").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
}

export class PowellThyneFileError extends Error {}

// Text -> { version, events: [[country, ccode, "YYYY-MM-DD", coup]] }, or a PowellThyneFileError
// that says what is wrong.
export function parsePowellThyne(text) {
  const lines = String(text)
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  if (!lines.length) throw new PowellThyneFileError("The file is empty.");
  const header = cells(lines[0]);
  const missing = NEEDED.filter((name) => !header.includes(name));
  if (missing.length) {
    const hint = header.length === 1 ? " It does not look tab-separated: is it powell_thyne_coups_final.txt?" : "";
    throw new PowellThyneFileError(`This is not Powell & Thyne's file: it lacks the columns ${missing.join(", ")}.${hint}`);
  }
  const at = Object.fromEntries(NEEDED.map((name) => [name, header.indexOf(name)]));
  const versions = new Set();
  const events = lines.slice(1).map((line, i) => {
    const row = cells(line);
    const [year, month, day, code, coup] = ["year", "month", "day", "ccode", "coup"].map((k) => Number(row[at[k]]));
    const ok = [year, month, day, code].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    if (!ok || (coup !== 1 && coup !== 2)) {
      throw new PowellThyneFileError(`Line ${i + 2} of the file is not a valid event (year, month, day, ccode or coup).`);
    }
    versions.add(row[at.version]);
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return [row[at.country], code, date, coup];
  });
  if (!events.length) throw new PowellThyneFileError("The file has a header but no events.");
  return { version: [...versions].sort().join(";"), events };
}
