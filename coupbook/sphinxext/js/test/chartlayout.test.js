import assert from "node:assert/strict";
import { test } from "node:test";
import { fitData, fitLayout, isDark, themeData, themeLayout, wrap } from "../src/chartlayout.js";

test("wrap breaks at spaces and keeps existing line breaks", () => {
  assert.equal(
    wrap("How many coups has Thailand had? It depends who counts", 20),
    "How many coups has<br>Thailand had? It<br>depends who counts",
  );
  assert.equal(wrap("short<br>and a longer second line", 12), "short<br>and a longer<br>second line");
  assert.equal(wrap("unchanged", 3), "unchanged");
});

const stored = {
  title: { text: "Myanmar: from a one-day coup to a civil war" },
  legend: { orientation: "v", title: { text: "Stage: " } },
  xaxis: { title: { text: "year" } },
  yaxis: { title: "km from Moscow" },
  margin: { l: 60, r: 20, t: 50, b: 60 },
  height: 420,
  width: 700,
};

test("on a narrow chart the legend goes below the plot, titles wrap and side margins shrink", () => {
  const layout = fitLayout(stored, { width: 340 });
  assert.equal(layout.legend.orientation, "h");
  assert.equal(layout.legend.yanchor, "bottom");
  assert.equal(layout.legend.yref, "container");
  assert.ok(layout.title.text.includes("<br>"));
  assert.equal(layout.xaxis.automargin, true);
  assert.equal(layout.yaxis.title.text, "km from Moscow");
  assert.ok(layout.margin.l <= 12 && layout.margin.r <= 12);
  assert.equal(layout.width, undefined, "the chart takes the width it has");
  assert.equal(stored.legend.orientation, "v", "the stored layout is not changed");
});

test("a wide chart keeps its own legend and layout", () => {
  const layout = fitLayout(stored, { width: 1000 });
  assert.deepEqual(layout.legend, stored.legend);
  assert.deepEqual(layout.margin, stored.margin);
  assert.equal(layout.title.text, stored.title.text);
});

test("a chart without a legend gets none", () => {
  assert.equal(fitLayout({ showlegend: false }, { width: 300 }).legend, undefined);
});

const colors = { text: "#ced6dd", muted: "#9ca4af", grid: "#48566b", background: "#121212" };

test("the theme colours text, grid and backgrounds; dark notes and guide lines turn light only in dark mode", () => {
  const layout = {
    xaxis: { gridcolor: "white" },
    annotations: [
      { text: "note", font: { color: "#555555" } },
      { text: "keep", font: { color: "#E69F00" } },
    ],
    shapes: [{ line: { color: "#333333" } }],
  };
  const dark = themeLayout(layout, colors, true);
  assert.equal(dark.font.color, colors.text);
  assert.equal(dark.paper_bgcolor, "rgba(0,0,0,0)");
  assert.equal(dark.xaxis.gridcolor, colors.grid);
  assert.equal(dark.annotations[0].font.color, colors.muted);
  assert.equal(dark.annotations[1].font.color, "#E69F00");
  assert.equal(dark.shapes[0].line.color, colors.muted);
  const light = themeLayout(layout, colors, false);
  assert.equal(light.annotations[0].font.color, "#555555");
});

test("heatmap cell text stays dark on its light fills", () => {
  const [heatmap, scatter] = themeData([{ type: "heatmap", text: [["a"]] }, { type: "scatter" }]);
  assert.equal(heatmap.textfont.color, "#1a1a1a");
  assert.equal(scatter.textfont, undefined);
});

test("isDark reads hex and rgb colours", () => {
  assert.ok(isDark("#333") && isDark("rgb(0, 0, 0)") && !isDark("#F0E442") && !isDark("white"));
});

test("legend entries wrap on a narrow chart only", () => {
  const data = [{ name: "Conspiracy: plot stopped before it was carried out (Cline)" }, { type: "bar" }];
  assert.ok(fitData(data, { width: 320 })[0].name.includes("<br>"));
  assert.equal(fitData(data, { width: 900 }), data);
});
