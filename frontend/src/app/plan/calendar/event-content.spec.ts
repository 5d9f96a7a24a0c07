import { type EventContentInfo, eventContent } from './event-content';
import type { PlanEventDetails } from './plan-events';

const labels = { hard: 'Blockierender Befund', warning: 'Hinweis' };

function info(details: PlanEventDetails, overrides: Partial<EventContentInfo> = {}): EventContentInfo {
  return {
    event: { title: 'Tag der offenen Tür', extendedProps: details as unknown as Record<string, unknown> },
    view: { type: 'timeGridWeek' },
    timeText: '10:00 - 11:00',
    isInteractive: true,
    isNarrow: false,
    ...overrides,
  };
}

const post: PlanEventDetails = { kind: 'post', postId: 'p1', status: 'draft', statusLabel: 'Entwurf', marker: null, channelNames: 'Bluesky Stadt', time: '10:00', publishedUrl: null };

function render(content: { domNodes: Node[] }): HTMLElement {
  const host = document.createElement('div');
  host.append(...content.domNodes);
  return host;
}

describe('event content', () => {
  it('shows time, title and status as text', () => {
    const host = render(eventContent(info(post), labels, document));

    expect(host.querySelector('.plan-event__time')?.textContent).toBe('10:00 - 11:00');
    expect(host.querySelector('.plan-event__title')?.textContent).toBe('Tag der offenen Tür');
    expect(host.querySelector('.plan-event__status')?.textContent).toBe('Entwurf');
    expect(host.querySelector('button')).toBeNull();
  });

  it('names a finding marker for screen readers without putting the icon name into the text', () => {
    const host = render(eventContent(info({ ...post, marker: 'hard' }), labels, document));
    const marker = host.querySelector('.plan-event__marker');

    expect(marker?.getAttribute('role')).toBe('img');
    expect(marker?.getAttribute('aria-label')).toBe('Blockierender Befund');
    expect(marker?.getAttribute('data-icon')).toBe('block');
    expect(host.textContent).toBe('10:00 - 11:00Tag der offenen TürEntwurf');
    expect(render(eventContent(info({ ...post, marker: 'warning' }), labels, document)).querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Hinweis');
  });

  it('takes the time in the month grid from the event itself', () => {
    const month = { view: { type: 'dayGridMonth' }, timeText: '' };
    expect(render(eventContent(info(post, month), labels, document)).querySelector('.plan-event__time')?.textContent).toBe('10:00');
    expect(render(eventContent(info({ ...post, time: null }, month), labels, document)).querySelector('.plan-event__time')).toBeNull();
  });

  it('treats titles as text, never as markup', () => {
    const host = render(eventContent(info(post, { event: { title: '<img src=x onerror=alert(1)>', extendedProps: post as unknown as Record<string, unknown> } }), labels, document));

    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('.plan-event__title')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('puts a button into the list view, where the event itself is not interactive', () => {
    const host = render(eventContent(info(post, { isInteractive: false, timeText: '' }), labels, document));
    const button = host.querySelector('button');

    expect(button?.type).toBe('button');
    expect(button?.textContent).toBe('Tag der offenen TürEntwurf');
    expect(host.querySelector('.plan-event__time')).toBeNull();
  });

  it('shows an open slot without status and keeps narrow cells to one line', () => {
    const slot: PlanEventDetails = { kind: 'slot', seriesId: 's1', at: '2026-11-24T09:00:00.000Z', seriesName: '#Tierheimdienstag', time: '10:00' };
    const host = render(eventContent(info(slot, { isNarrow: true }), labels, document));

    expect(host.querySelector('.plan-event__status')).toBeNull();
    expect(host.querySelector('.plan-event__body')?.classList.contains('plan-event__body--narrow')).toBe(true);
  });

  it('puts a published post\'s link beside the list view\'s button, never inside an interactive event', () => {
    const published: PlanEventDetails = { ...post, status: 'published', statusLabel: 'Veröffentlicht', publishedUrl: 'https://social.example/@stadt/1' };
    const withLink = { ...labels, publishedLink: (title: string) => `Veröffentlichten Beitrag „${title}“ ansehen` };
    const list = render(eventContent(info(published, { isInteractive: false }), withLink, document));
    const link = list.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://social.example/@stadt/1');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toBe('Veröffentlichten Beitrag „Tag der offenen Tür“ ansehen');
    expect(list.querySelector('button a')).toBeNull();
    expect(list.querySelector('button .plan-event__status')?.textContent).toBe('Veröffentlicht');
    expect(render(eventContent(info(published), withLink, document)).querySelector('a')).toBeNull();
  });
});
