// The lowest text contrast inside .bookquiz cards, and the colours of a chosen and an unchosen
// option of the first single-choice question, null where the page has none (evaluated in the page by
// test_quiz_frontend.py and test_cascade.py).
() => {
  const rgb = (s) =>
    s
      .match(/[\d.]+/g)
      .slice(0, 3)
      .map(Number);
  const channel = (v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (!c.startsWith("rgba(0, 0, 0, 0)")) return rgb(c);
    }
    return [255, 255, 255];
  };
  const hasText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const worst = [];
  for (const el of document.querySelectorAll(".bookquiz *")) {
    if (!el.offsetParent || !hasText(el)) continue;
    const label = el.className || el.tagName;
    worst.push([ratio(rgb(getComputedStyle(el).color), background(el)), label, el.textContent.slice(0, 30)]);
  }
  const choices = [...document.querySelectorAll("section.bookquiz-single .bookquiz-choice")];
  const look = (c) => (c ? [getComputedStyle(c).backgroundColor, getComputedStyle(c).borderColor] : null);
  return {
    card: getComputedStyle(document.querySelector(".bookquiz")).backgroundColor,
    worst: worst.sort((a, b) => a[0] - b[0]).slice(0, 3),
    chosen: look(choices.find((c) => c.querySelector("input").checked)),
    other: look(choices.find((c) => !c.querySelector("input").checked)),
  };
};
