// Entry point that draws the book's charts (_static/coupbook/charts.js, deferred; added by the
// plotly renderer, coupbook/sphinxext/plotlymime.py, to pages with a chart).
//
// plotly.js is the largest file of the book, so it is fetched only when a chart comes near the
// screen, after the text has painted.  Each chart's figure is JSON in the page
// (<script type="application/json" id="<chart id>-data">); it is drawn with the layout fitted to
// its width and coloured for the page's theme, and redrawn when either changes (the reader
// switches between light and dark, or turns a phone).

import { loadScript } from "./assets.js";
import { fitData, fitLayout, NARROW, textProblems, themeData, themeLayout, WIDE } from "./chartlayout.js";

const PLOTLY = new URL(document.currentScript.dataset.plotly, document.currentScript.src).href;
const drawn = new Map();

function themeColors() {
  const style = getComputedStyle(document.documentElement);
  const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read("--pst-color-text-base", "#222832"),
    muted: read("--pst-color-text-muted", "#5c6670"),
    grid: read("--pst-color-border", "#d1d5da"),
    background: read("--pst-color-background", "#ffffff"),
  };
}

const isDarkTheme = () => document.documentElement.dataset.theme === "dark";

function figureOf(el) {
  const data = document.getElementById(`${el.id}-data`);
  return data ? JSON.parse(data.textContent) : null;
}

function layoutFor(el, figure) {
  const width = el.clientWidth || 600;
  return themeLayout(fitLayout(figure.layout, { width }), themeColors(), isDarkTheme());
}

function configFor(el, figure) {
  const narrow = (el.clientWidth || 600) < NARROW;
  return { ...figure.config, responsive: true, ...(narrow ? { displayModeBar: false } : {}) };
}

async function draw(el) {
  if (drawn.has(el)) return;
  const figure = figureOf(el);
  if (!figure) return;
  drawn.set(el, { figure, narrow: null });
  await loadScript(PLOTLY);
  await redraw(el);
  el.style.minHeight = "";
}

// A chart too dense for a narrow screen (its text would overlap or spill out) is drawn at the
// width it needs, and its frame scrolls sideways (focusable, so keyboards can scroll it too).
function setRoomy(el, roomy) {
  const frame = el.parentElement;
  el.style.minWidth = roomy ? `${WIDE}px` : "";
  frame.classList.toggle("coupbook-chart-scrolls", roomy);
  if (roomy) {
    frame.tabIndex = 0;
    frame.setAttribute("role", "region");
    frame.setAttribute("aria-label", "Chart, wider than the screen: scroll sideways to see all of it");
  } else {
    frame.removeAttribute("tabindex");
    frame.removeAttribute("role");
    frame.removeAttribute("aria-label");
  }
}

async function redraw(el) {
  const entry = drawn.get(el);
  const render = () => {
    const data = themeData(fitData(entry.figure.data, { width: el.clientWidth || 600 }));
    return window.Plotly.react(el, data, layoutFor(el, entry.figure), configFor(el, entry.figure));
  };
  setRoomy(el, false);
  entry.narrow = (el.clientWidth || 600) < NARROW;
  await render();
  if (el.clientWidth < WIDE && textProblems(el).length) {
    setRoomy(el, true);
    await render();
  }
}

function redrawAll(onlyIfWidthChanged) {
  if (!window.Plotly) return;
  for (const [el, entry] of drawn) {
    const width = el.parentElement.clientWidth;
    if (onlyIfWidthChanged && entry.width === width) continue;
    entry.width = width;
    redraw(el);
  }
}

function start() {
  const plots = [...document.querySelectorAll(".coupbook-chart-plot")];
  if (!plots.length) return;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        draw(entry.target).catch((error) => console.error("coupbook charts:", error));
      }
    },
    { rootMargin: "400px 0px" },
  );
  for (const plot of plots) observer.observe(plot);
  // The reader switches theme (pydata-sphinx-theme sets data-theme on <html>).
  new MutationObserver(() => redrawAll(false)).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  let pending;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(() => redrawAll(true), 150);
  });
}

start();
