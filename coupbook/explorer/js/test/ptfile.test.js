import assert from "node:assert/strict";
import { test } from "node:test";
import { PowellThyneFileError, parsePowellThyne } from "../src/ptfile.js";

const GOOD =
  "country\tccode\tccode_gw\tccode_polity\tyear\tmonth\tday\tcoup\tversion\r\n" +
  '"Thailand"\t800\t\t\t2006\t9\t19\t2\t"V2023.09.08"\r\n' +
  '"Russia"\t365\t\t364\t1991\t8\t21\t1\t"V2023.09.08"\r\n';

test("the authors' tab-separated file is read into events", () => {
  const file = parsePowellThyne(`\uFEFF${GOOD}`);
  assert.equal(file.version, "V2023.09.08");
  assert.deepEqual(file.events, [
    ["Thailand", 800, "2006-09-19", 2],
    ["Russia", 365, "1991-08-21", 1],
  ]);
});

test("a wrong file is refused with a message that says why", () => {
  assert.throws(() => parsePowellThyne(""), /empty/);
  assert.throws(() => parsePowellThyne(GOOD.replaceAll("\t", ",")), /lacks the columns .*ccode.*not look tab-separated/s);
  assert.throws(() => parsePowellThyne(GOOD.replace("\t2\t", "\t3\t")), /Line 2 of the file is not a valid event/);
  assert.throws(() => parsePowellThyne(GOOD.split("\r\n")[0]), /header but no events/);
  assert.throws(() => parsePowellThyne("a\tb\n1\t2\n"), PowellThyneFileError);
});
