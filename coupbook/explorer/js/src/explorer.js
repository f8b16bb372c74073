// The data explorer: type a country and a range of years, see what Powell & Thyne, the Cline
// Center and UCDP/PRIO list.  Everything runs in the browser on the data embedded in the page
// (coupbook/explorer/payload.py), so it works offline with no kernel.  Text is always set as
// text (dom.js), and links come only from the data package and must be http(s).

import { h, uniqueId } from "../../../../widgets/js/src/dom.js";
import { PowellThyneFileError, parsePowellThyne } from "./ptfile.js";
import { CLINE_TYPES, CONFLICT_TYPES, describeRuns, findCountry, INCOMPATIBILITY, search, summary } from "./query.js";

const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

function link(href, text) {
  return /^https?:\/\//.test(href) ? h("a", { href, text, rel: "noopener" }) : text;
}

function table(caption, headers, rows, label) {
  const body = rows.map((cells) => h("tr", {}, ...cells.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, cell) : h("td", {}, cell)))));
  return h(
    "div",
    { class: "coupbook-explorer-scroll", role: "region", "aria-label": label, tabindex: 0 },
    h(
      "table",
      { class: "coupbook-explorer-table" },
      h("caption", { text: caption }),
      h("thead", {}, h("tr", {}, ...headers.map((text) => h("th", { scope: "col", text })))),
      h("tbody", {}, ...body),
    ),
  );
}

function numberField(id, text, value) {
  const input = h("input", { id, type: "number", min: MIN_YEAR, max: MAX_YEAR, step: 1, inputmode: "numeric", value });
  return [h("label", { for: id, text }), input];
}

function render({ model, el }) {
  const data = model.get("data");
  const uid = uniqueId("coupbook-explorer");
  let ptFile = null;

  const countryId = `${uid}-country`;
  const listId = `${uid}-countries`;
  const country = h("input", { id: countryId, type: "text", list: listId, autocomplete: "off", spellcheck: "false" });
  const options = h("datalist", { id: listId }, ...data.countries.map((c) => h("option", { value: c.label })));
  const [fromLabel, from] = numberField(`${uid}-from`, "From year", data.datasets.cline.first);
  const [toLabel, to] = numberField(`${uid}-to`, "To year", data.datasets.pt.last);
  const form = h(
    "form",
    { class: "coupbook-explorer-form", role: "search", "aria-label": "Look up a country in the coup and conflict data" },
    h("div", { class: "coupbook-explorer-field" }, h("label", { for: countryId, text: "Country" }), country, options),
    h("div", { class: "coupbook-explorer-field" }, fromLabel, from),
    h("div", { class: "coupbook-explorer-field" }, toLabel, to),
    h("button", { type: "submit", text: "Show events" }),
  );
  const status = h("p", { class: "coupbook-explorer-status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "coupbook-explorer-results" });

  const fileId = `${uid}-file`;
  const fileInput = h("input", { id: fileId, type: "file", accept: ".txt,.tsv,.csv,text/plain,text/tab-separated-values" });
  const fileStatus = h("p", { class: "coupbook-explorer-file-status", role: "status", "aria-live": "polite" });
  const pt = data.datasets.pt;
  const fileBox = h(
    "details",
    { class: "coupbook-explorer-file" },
    h("summary", { text: "Open your copy of Powell & Thyne's file" }),
    h(
      "p",
      {},
      "The book ships Powell & Thyne's event dates only for a few countries. Download the authors' file (",
      link(pt.download, "powell_thyne_coups_final.txt"),
      ") and open it here to list every event. It is read in this browser tab only: nothing is uploaded or stored.",
    ),
    h("label", { for: fileId, text: "Powell & Thyne file" }),
    fileInput,
    fileStatus,
  );

  function section(title, note, content) {
    return h("section", { class: "coupbook-explorer-section" }, h("h3", { text: title }), note ? h("p", { text: note }) : null, content);
  }

  function draw(event) {
    if (event) event.preventDefault();
    const found = findCountry(country.value, data.countries);
    const lo = Number.parseInt(from.value, 10);
    const hi = Number.parseInt(to.value, 10);
    results.replaceChildren();
    if (found.status === "empty") {
      status.textContent = "Type a country, then press Show events.";
      return;
    }
    if (found.status === "none") {
      status.textContent = `No country called "${country.value}" in the three datasets. Pick a name from the list.`;
      return;
    }
    if (found.status === "ambiguous") {
      status.textContent = `Several countries match "${country.value}": ${found.candidates.slice(0, 8).join(", ")}. Type one in full.`;
      return;
    }
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi || lo < MIN_YEAR || hi > MAX_YEAR) {
      status.textContent = `Give two years between ${MIN_YEAR} and ${MAX_YEAR}, the first not after the second.`;
      return;
    }
    const label = found.country.label;
    const result = search(data, found.country, lo, hi, ptFile);
    status.textContent = summary(label, lo, hi, result);
    if (result.notes.length) {
      results.append(
        h(
          "ul",
          { class: "coupbook-explorer-notes", "aria-label": "About the years you asked for" },
          ...result.notes.map((note) => h("li", {}, note.text, note.link ? link(note.link, note.link) : null)),
        ),
      );
    }
    const flagText = (flags) => flags.map((f) => data.flagLabels[f] || f).join(", ") || "none";
    results.append(
      section(
        `Powell & Thyne (${ptFile ? ptFile.version : pt.version})`,
        result.ptNote,
        table(
          `Coup attempts listed by Powell & Thyne, ${label}, ${lo}–${hi}`,
          ["Date", "Country as listed", "Coding"],
          result.pt.map((r) => [r.date, r.country, r.coding]),
          `Powell & Thyne events, ${label}`,
        ),
      ),
      section(
        `Cline Center (${data.datasets.cline.version})`,
        "",
        table(
          `Coup events listed by the Cline Center, ${label}, ${lo}–${hi}`,
          ["Date", "Country as listed", "Coding", "Actor flags", "Cline id"],
          result.cline.map((r) => [r.date, r.country, CLINE_TYPES[r.type] || r.type, flagText(r.flags), r.id]),
          `Cline Center events, ${label}`,
        ),
      ),
      section(
        `UCDP/PRIO (${data.datasets.ucdp.version})`,
        "One row per armed conflict (25 or more battle-related deaths in a year) active in these years; minor means 25 to 999 deaths in the year, war 1,000 or more.",
        table(
          `Armed conflicts listed by UCDP/PRIO, ${label}, ${lo}–${hi}`,
          ["Conflict", "Years (intensity)", "Side A", "Side B", "Incompatibility", "Type"],
          result.ucdp.map((c) => [
            `${c.id} (${c.location})`,
            describeRuns(c.runs),
            [...new Set(c.runs.map((r) => r.sideA))].join("; "),
            [...new Set(c.runs.map((r) => r.sideB))].join("; "),
            c.territory ? `${INCOMPATIBILITY[c.incompatibility]}: ${c.territory}` : INCOMPATIBILITY[c.incompatibility],
            CONFLICT_TYPES[c.type],
          ]),
          `UCDP/PRIO conflicts, ${label}`,
        ),
      ),
    );
  }

  async function openFile() {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      ptFile = parsePowellThyne(await file.text());
      fileStatus.textContent = `Read ${ptFile.events.length} events (${ptFile.version}) from ${file.name}. The tables now use your file.`;
    } catch (error) {
      ptFile = null;
      fileStatus.textContent = error instanceof PowellThyneFileError ? error.message : `The file could not be read: ${error}`;
    }
    if (country.value.trim()) draw();
  }

  form.addEventListener("submit", draw);
  fileInput.addEventListener("change", openFile);
  const root = h("div", { class: "coupbook-explorer" }, form, status, results, fileBox);
  el.append(root);
  status.textContent = "Type a country, then press Show events.";
  return () => root.remove();
}

export default { render };
