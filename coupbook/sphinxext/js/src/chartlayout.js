// How a chart's stored plotly layout is drawn on this page: fitted to the width it has (narrow
// screens: wrapped titles, the legend below the plot, no toolbar) and coloured for the page's
// theme (light or dark, read from the theme's CSS variables).  Pure functions, tested in Node.

export const NARROW = 560; // px: a chart narrower than this gets the narrow layout
export const WIDE = 640; // px: the width a chart too dense for a narrow screen is drawn at

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

// Break `text` into lines of at most `max` characters at spaces (existing <br> kept).
export function wrap(text, max) {
  if (typeof text !== "string" || max < 8) return text;
  return text
    .split(/<br\s*\/?>/i)
    .map((line) => {
      const lines = [];
      let current = "";
      for (const word of line.split(" ")) {
        if (current && visibleLength(`${current} ${word}`) > max) {
          lines.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      lines.push(current);
      return lines.join("<br>");
    })
    .join("<br>");
}

function visibleLength(text) {
  return text.replace(/<[^>]*>/g, "").length;
}

function titleText(title) {
  if (typeof title === "string") return { text: title };
  return title ? { ...title } : undefined;
}

function lineCount(text) {
  return typeof text === "string" ? text.split(/<br\s*\/?>/i).length : 0;
}

const AXIS = /^[xy]axis\d*$/;

// Characters of `size` px text that fit in `px` pixels (a conservative average glyph width).
const charsIn = (px, size) => Math.floor(px / (size * 0.6));

export function fitLayout(stored, { width, narrow = width < NARROW } = {}) {
  const layout = clone(stored) || {};
  delete layout.width;
  layout.autosize = true;
  const font = layout.font?.size || 14;
  const title = titleText(layout.title);
  if (!narrow) {
    if (title?.text) layout.title = { ...title, text: wrap(title.text, charsIn(width - 140, font * 1.25)) };
    return layout;
  }
  const margin = { ...(layout.margin || {}) };
  margin.l = Math.min(margin.l ?? 60, 12);
  margin.r = Math.min(margin.r ?? 20, 12);
  layout.margin = margin;
  let top = 20;
  if (title?.text) {
    const size = title.font?.size || font * 1.25;
    title.text = wrap(title.text, charsIn(width - 24, size));
    layout.title = { ...title, x: 0.02, xanchor: "left", xref: "container" };
    delete layout.title.y;
    delete layout.title.yanchor;
    top = Math.ceil(lineCount(title.text) * size * 1.4) + 24;
  }
  for (const key of Object.keys(layout)) {
    if (!AXIS.test(key) || typeof layout[key] !== "object") continue;
    const axis = layout[key];
    axis.automargin = true;
    const axisTitle = titleText(axis.title);
    if (axisTitle?.text) axis.title = { ...axisTitle, text: wrap(axisTitle.text, charsIn(width - 40, font)) };
  }
  if (layout.showlegend !== false) {
    const legend = { ...(layout.legend || {}) };
    const legendTitle = titleText(legend.title);
    if (legendTitle?.text) legend.title = { ...legendTitle, side: "top", text: wrap(legendTitle.text, charsIn(width - 24, font)) };
    layout.legend = { ...legend, orientation: "h", x: 0, xanchor: "left", xref: "container", y: 0, yanchor: "bottom", yref: "container" };
  }
  margin.t = Math.max(margin.t ?? 0, top);
  return layout;
}

// The part of a layout that follows the page's theme.  `colors` come from the theme's CSS
// variables (see themeColors in charts.js): text, muted, grid, background.
export function themeLayout(layout, colors, dark) {
  const out = clone(layout) || {};
  out.paper_bgcolor = "rgba(0,0,0,0)";
  out.plot_bgcolor = "rgba(0,0,0,0)";
  out.font = { ...(out.font || {}), color: colors.text };
  for (const key of Object.keys(out)) {
    if (!AXIS.test(key) || typeof out[key] !== "object") continue;
    out[key] = { ...out[key], gridcolor: colors.grid, linecolor: colors.grid, zerolinecolor: colors.grid };
  }
  out.legend = { ...(out.legend || {}), bgcolor: "rgba(0,0,0,0)" };
  out.hoverlabel = { ...(out.hoverlabel || {}), bgcolor: colors.background, font: { color: colors.text } };
  if (dark) {
    // Dark greys that the figures chose for notes and guide lines on white would vanish.
    out.annotations = (out.annotations || []).map((a) => (isDark(a.font?.color) ? { ...a, font: { ...a.font, color: colors.muted } } : a));
    out.shapes = (out.shapes || []).map((s) => (isDark(s.line?.color) ? { ...s, line: { ...s.line, color: colors.muted } } : s));
  }
  return out;
}

// On a narrow chart, legend entries (trace names) wrap instead of running off the chart.
export function fitData(data, { width, narrow = width < NARROW } = {}) {
  if (!narrow) return data;
  const max = charsIn(width - 60, 14);
  return (data || []).map((trace) => (typeof trace.name === "string" ? { ...trace, name: wrap(trace.name, max) } : trace));
}

// Trace text that sits on fixed light fills (heatmap cells) must stay dark in both themes.
export function themeData(data) {
  return (data || []).map((trace) =>
    trace.type === "heatmap" && !trace.textfont?.color ? { ...trace, textfont: { ...(trace.textfont || {}), color: "#1a1a1a" } } : trace,
  );
}

export function isDark(color) {
  const rgb = parseColor(color);
  if (!rgb) return false;
  const [r, g, b] = rgb.map((v) => v / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45;
}

function parseColor(color) {
  if (typeof color !== "string") return null;
  const hex = color.trim().match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
    return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16));
  }
  const rgb = color.match(/^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i);
  return rgb ? rgb.slice(1, 4).map(Number) : null;
}

// Text of a drawn chart (SVG <text>) that lies outside the chart's box or overlaps other text
// of it: titles, tick labels, axis titles, legend entries, annotations.  Also used by the
// browser tests (tests/browser/chartfit.js does the same).
export function textProblems(chart) {
  const frame = chart.getBoundingClientRect();
  const texts = [...chart.querySelectorAll("svg text")].filter((t) => {
    if (!t.textContent.trim() || t.closest(".hoverlayer")) return false;
    const style = getComputedStyle(t);
    const box = t.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && Number(style.opacity) > 0 && box.width > 0;
  });
  const boxes = texts.map((t) => t.getBoundingClientRect());
  const problems = [];
  boxes.forEach((box, i) => {
    if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
      problems.push(texts[i]);
    }
    for (let j = i + 1; j < boxes.length; j += 1) {
      const other = boxes[j];
      const across = Math.min(box.right, other.right) - Math.max(box.left, other.left);
      const down = Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top);
      if (across > 1 && down > 1) problems.push(texts[i], texts[j]);
    }
  });
  return problems;
}
