/**
 * FullCalendar's stylesheet with our theme for it, built as its own file ("inject": false in
 * frontend/project.json). The name has no hash; the server revalidates such files, so an update
 * still reaches the browser.
 */
export const CALENDAR_STYLESHEET = 'fullcalendar.css';

let linked: { readonly link: HTMLLinkElement; readonly loading: Promise<void> } | null = null;

/**
 * Links the stylesheet once; resolves when it applies, or failed (an unstyled calendar still
 * works; the next call tries again). No Angular here: main.ts starts it for a plan URL before
 * Angular has loaded, and the plan's resolver (calendar-stylesheet.ts) then finds it under way.
 */
export function linkCalendarStylesheet(document: Document): Promise<void> {
  if (linked?.link.isConnected && linked.link.ownerDocument === document) return linked.loading;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CALENDAR_STYLESHEET;
  const loading = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener(
      'error',
      () => {
        // Removed, so the next call links it anew.
        link.remove();
        resolve();
      },
      { once: true },
    );
  });
  document.head.appendChild(link);
  linked = { link, loading };
  return loading;
}
