import type { PlanEventDetails } from './plan-events';

/** FullCalendar's month grid; it leaves the time to the content (displayEventTime: false there). */
export const MONTH_GRID = 'dayGridMonth';

/** What FullCalendar hands the content of an event (the part of its EventDisplayInfo used here). */
export interface EventContentInfo {
  readonly event: { readonly title: string; readonly extendedProps: Record<string, unknown> };
  readonly view: { readonly type: string };
  readonly timeText: string;
  readonly isInteractive: boolean;
  readonly isNarrow: boolean;
}

/** The words read out for a finding marker, in the person's language, and for a published post's link. */
export interface MarkerLabels {
  readonly hard: string;
  readonly warning: string;
  /** The link's accessible name, with the post's title. */
  readonly publishedLink?: (title: string) => string;
}

/** The icon (Material Symbols ligature) for each finding marker. */
const MARKER_ICONS = { hard: 'block', warning: 'warning' } as const;

/**
 * The content of one event as plain DOM nodes: time, finding marker, title and status. The
 * month grid takes the time from the event's own wall-clock start instead of having the
 * calendar format one per event; the other views show the calendar's time text. Built
 * without an Angular view per event (a month holds hundreds, the hidden ones behind "+ weitere"
 * included); every text goes in as textContent. In the list view, where the event itself is a
 * list item and not interactive, a button inside makes it operable.
 */
export function eventContent(info: EventContentInfo, labels: MarkerLabels, document: Document): { domNodes: Node[] } {
  const details = info.event.extendedProps as PlanEventDetails;
  const body = element(document, 'span', info.isNarrow ? 'plan-event__body plan-event__body--narrow' : 'plan-event__body');
  const time = info.view.type === MONTH_GRID ? (details.kind === 'holiday' ? null : details.time) : info.timeText;
  if (time) body.append(element(document, 'span', 'plan-event__time', time));
  if (details.kind === 'post' && details.marker) {
    const marker = element(document, 'span', 'plan-event__marker');
    marker.dataset['icon'] = MARKER_ICONS[details.marker];
    marker.setAttribute('role', 'img');
    marker.setAttribute('aria-label', labels[details.marker]);
    body.append(marker);
  }
  body.append(element(document, 'span', 'plan-event__title', info.event.title));
  if (details.kind === 'post') body.append(element(document, 'span', 'plan-event__status', details.statusLabel));
  if (info.isInteractive) return { domNodes: [body] };
  const button = element(document, 'button', 'plan-event__open');
  button.type = 'button';
  button.append(body);
  // A link inside an interactive event would nest one control in another; the list view's
  // events are list items, so there the published post's link sits beside the button.
  if (details.kind === 'post' && details.publishedUrl && labels.publishedLink) {
    return { domNodes: [button, publishedLink(document, details.publishedUrl, labels.publishedLink(info.event.title))] };
  }
  return { domNodes: [button] };
}

function publishedLink(document: Document, url: string, label: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'plan-event__published-link';
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = label;
  return link;
}

function element<K extends 'span' | 'button'>(document: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
