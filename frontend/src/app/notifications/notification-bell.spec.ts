import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import type { NotificationView } from '@amtsplan/contracts';
import { type LiveEventSource, OPEN_EVENT_SOURCE } from './notification-feed';
import { NotificationBell } from './notification-bell';

class FakeEventSource implements LiveEventSource {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data: unknown): void {
    this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const notification = (id: string, title: string, readAt: string | null = null): NotificationView => ({
  id,
  organization: { id: 'org-1', name: 'Stadt Musterstadt' },
  kind: 'approval_decided',
  title,
  body: 'Dr. Lena Leitung hat entschieden.',
  link: `/o/org-1/freigaben/${id}`,
  createdAt: '2026-11-20T10:00:00Z',
  readAt,
});

describe('NotificationBell', () => {
  let fixture: ComponentFixture<NotificationBell>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let source: FakeEventSource;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: OPEN_EVENT_SOURCE, useValue: () => (source = new FakeEventSource()) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationBell);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  const button = () => (fixture.nativeElement as HTMLElement).querySelector('button')!;

  it('names the unread count for screen readers and shows it as a badge', async () => {
    expect(button().getAttribute('aria-label')).toBe('Benachrichtigungen');
    source.emit('unread', { unreadCount: 3 });
    await fixture.whenStable();
    expect(button().getAttribute('aria-label')).toBe('Benachrichtigungen, 3 ungelesen');
    expect((fixture.nativeElement as HTMLElement).querySelector('.mat-badge-content')?.textContent?.trim()).toBe('3');
    source.emit('unread', { unreadCount: 1 });
    await fixture.whenStable();
    expect(button().getAttribute('aria-label')).toBe('Benachrichtigungen, 1 ungelesen');
    source.emit('unread', { unreadCount: 120 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.mat-badge-content')?.textContent?.trim()).toBe('99+');
  });

  it('lists the latest on opening; a click marks read and opens the link', async () => {
    source.emit('unread', { unreadCount: 1 });
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    http.expectOne('/api/notifications?limit=10').flush({
      items: [notification('n2', 'Beitrag freigegeben'), notification('n1', 'Älter', '2026-11-19T10:00:00Z')],
      nextCursor: null,
    });
    const items = await menu.getItems();
    const texts = await Promise.all(items.map((item) => item.getText()));
    expect(texts[0]).toContain('Ungelesen: Beitrag freigegeben');
    expect(texts[1]).not.toContain('Ungelesen');
    expect(texts).toEqual(expect.arrayContaining(['done_allAlle als gelesen markieren', 'settingsEinstellungen für Benachrichtigungen']));

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await items[0]!.click();
    http.expectOne({ method: 'POST', url: '/api/notifications/n2/read' }).flush({ unreadCount: 0 });
    expect(navigate).toHaveBeenCalledWith('/o/org-1/freigaben/n2');
    await fixture.whenStable();
    expect(button().getAttribute('aria-label')).toBe('Benachrichtigungen');
  });

  it('marks all as read from the menu and stops listening when it goes away', async () => {
    source.emit('unread', { unreadCount: 2 });
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    http.expectOne('/api/notifications?limit=10').flush({ items: [notification('n1', 'Eins'), notification('n2', 'Zwei')], nextCursor: null });
    await menu.clickItem({ text: /Alle als gelesen markieren/ });
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush({ unreadCount: 0 });
    await fixture.whenStable();
    expect(button().getAttribute('aria-label')).toBe('Benachrichtigungen');

    fixture.destroy();
    expect(source.closed).toBe(true);
  });
});
