// Runs inside the page (Playwright init script, before any of the app's scripts): notes when
// the month grid shows all posts and when the page answers a click. All times are
// performance.now(), i.e. milliseconds since the navigation started.
//
// Class names are not relied on: FullCalendar 7 generates them per theme (FullCalendar 6 had
// `.fc-event` and `.fc-more-link`). What stays is its accessible structure: day cells are
// `[role=gridcell][data-date]`, a "+N more" link is a button with aria-haspopup that opens a
// `[role=dialog]` popover. A post is recognised by its working title (`marker`, e.g. "Messbeitrag 042").
// Must stay self-contained: Playwright serialises the function into the page.
export function installMonthViewProbe({ expected, marker }) {
  const titlePattern = new RegExp(marker);
  const probe = { expected, shownAt: null, counts: null, lastCounts: null, input: null, respondedAt: null, longTasks: [] };
  window.__monthViewProbe = probe;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task timing in this browser: the figures stay, the diagnosis is thinner */
  }

  const visible = (element) => element.checkVisibility({ visibilityProperty: true });
  const dayCells = () => [...document.querySelectorAll('[role="gridcell"][data-date]')].filter((cell) => !cell.closest('[role="dialog"]'));
  const moreLinks = (cell) =>
    [...cell.querySelectorAll('.fc-more-link, .fc-daygrid-more-link, [role="button"][aria-haspopup], button[aria-haspopup], a[aria-haspopup]')].filter(
      // "+8 more", "+ weitere 8": the link starts with a plus and holds the hidden count.
      (link) => /^\+\D*\d+/.test(link.textContent.trim()) && visible(link),
    );

  /** Posts visibly in the grid (distinct titles) plus those behind "+N" links. */
  function count() {
    const cells = dayCells();
    if (cells.length < 28) return null;
    const shown = new Set();
    let hidden = 0;
    let links = 0;
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const match = titlePattern.exec(node.data);
        if (match && node.parentElement && visible(node.parentElement)) shown.add(match[0]);
      }
      for (const link of moreLinks(cell)) {
        hidden += Number(/\d+/.exec(link.textContent)[0]);
        links += 1;
      }
    }
    return { dayCells: cells.length, shown: shown.size, hidden, moreLinks: links, total: shown.size + hidden };
  }

  /** Checks at most once per frame, right before it is painted. */
  function watch(check) {
    let scheduled = false;
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        if (check()) observer.disconnect();
      });
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    return observer;
  }

  watch(() => {
    const counts = count();
    probe.lastCounts = counts;
    if (!counts || counts.total !== expected) return false;
    probe.shownAt = performance.now();
    probe.counts = counts;
    return true;
  });

  // The first pointer event that reaches the page: when the main thread got to it.
  addEventListener(
    'pointerdown',
    (event) => {
      probe.input ??= { createdAt: event.timeStamp, handledAt: performance.now() };
    },
    { capture: true },
  );

  /** Called right before the click: the popover (or any dialog) that appears afterwards answers it. */
  probe.awaitDialog = () => {
    const present = () => [...document.querySelectorAll('[role="dialog"], .fc-popover')].some(visible);
    if (present()) throw new Error('a dialog is open before the click');
    watch(() => {
      if (!present()) return false;
      probe.respondedAt = performance.now();
      return true;
    });
  };

  /** Centre of the first visible "+N" link, or null when every post fits into its day. */
  probe.firstMoreLink = () => {
    for (const cell of dayCells()) {
      const [link] = moreLinks(cell);
      if (link) {
        link.scrollIntoView({ block: 'nearest' });
        const box = link.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2, text: link.textContent.trim(), date: cell.dataset.date };
      }
    }
    return null;
  };
}
