import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CrisisStatusView } from '@amtsplan/contracts';
import { type LiveEventSource, NotificationFeed, OPEN_EVENT_SOURCE } from '../notifications/notification-feed';
import { BANNER_FALLBACK_REFRESH_MS, CrisisBanner } from './crisis-banner';

/** Stands in for the browser's EventSource; the test plays the server. */
class FakeEventSource implements LiveEventSource {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    // Nothing to release.
  }

  emit(type: string, data: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const QUIET: CrisisStatusView = { incident: null, stop: null };
const CRISIS: CrisisStatusView = {
  incident: { id: '6f1d7c56-3c1b-4c8e-9d1e-000000000001', title: 'Kritikwelle Vollsperrung', level: 3, levelName: 'Stufe 3 – Starker Wind' },
  stop: { since: '2026-12-07T05:00:00Z', reason: 'Welle' },
};

describe('CrisisBanner', () => {
  let source: FakeEventSource;
  let http: HttpTestingController;
  let fixture: ComponentFixture<CrisisBanner>;
  const text = () => (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const answerStatus = async (status: CrisisStatusView) => {
    http.expectOne('/api/orgs/org-1/crisis-status').flush(status);
    fixture.detectChanges();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      imports: [CrisisBanner],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: OPEN_EVENT_SOURCE, useValue: () => (source = new FakeEventSource()) }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(NotificationFeed).start();
    fixture = TestBed.createComponent(CrisisBanner);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.detectChanges();
    await answerStatus(QUIET);
  });
  afterEach(() => {
    TestBed.inject(NotificationFeed).stop();
    http.verify();
    jest.useRealTimers();
  });

  it('shows the crisis and the stop as soon as the live stream reports a change of the organization, without polling', async () => {
    expect(text()).toBe('');
    // Another organization's change is not read.
    source.emit('crisis', { organizationId: 'org-2' });
    http.expectNone('/api/orgs/org-1/crisis-status');
    source.emit('crisis', { organizationId: 'org-1' });
    await answerStatus(CRISIS);
    expect(text()).toContain('Krisenmodus: Kritikwelle Vollsperrung, Stufe 3 – Starker Wind');
    expect(text()).toContain('Kommunikationsstopp aktiv');
    // Lifted and closed elsewhere: gone with the next event.
    source.emit('crisis', { organizationId: 'org-1' });
    await answerStatus(QUIET);
    expect(text()).toBe('');
  });

  it('reads again when the stream (re)opens, and polls only slowly as a fallback', async () => {
    source.onopen?.(new Event('open'));
    await answerStatus(CRISIS);
    expect(text()).toContain('Kritikwelle Vollsperrung');
    jest.advanceTimersByTime(BANNER_FALLBACK_REFRESH_MS - 1_000);
    http.expectNone('/api/orgs/org-1/crisis-status');
    jest.advanceTimersByTime(1_000);
    await answerStatus(QUIET);
    expect(text()).toBe('');
  });
});
