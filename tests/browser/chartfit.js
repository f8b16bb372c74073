// Text of each drawn chart that lies outside its chart or overlaps other text of the chart.
// Returns one entry per chart: its id and the problems found (empty when it fits).
() => {
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && Number(style.opacity) > 0 && box.width > 0 && box.height > 0;
  };
  const describe = (el) => `${el.closest("[class]")?.getAttribute("class") || el.tagName}: "${el.textContent.slice(0, 40)}"`;
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  return [...document.querySelectorAll(".coupbook-chart-plot")].map((chart) => {
    const frame = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll("svg text")].filter((t) => t.textContent.trim() && visible(t) && !t.closest(".hoverlayer"));
    const problems = [];
    const boxes = texts.map((t) => [t, t.getBoundingClientRect()]);
    for (const [text, box] of boxes) {
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
        problems.push(`outside: ${describe(text)}`);
      }
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        if (overlap(boxes[i][1], boxes[j][1])) problems.push(`overlap: ${describe(boxes[i][0])} / ${describe(boxes[j][0])}`);
      }
    }
    return { id: chart.id, texts: texts.length, problems };
  });
};
