import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { NotificationView, PostPublicationsView, PublicationView } from '@amtsplan/contracts';
import { Subject } from 'rxjs';
import { ANY_ORGANIZATION, NotificationFeed } from '../../notifications/notification-feed';
import { PublicationPanel } from './publication-panel';

const URL = '/api/orgs/org-1/posts/post-1/publications';

const PENDING: PublicationView = {
  id: 'pub-1',
  channel: { id: 'ch-1', name: 'Mastodon Rathaus', platform: 'mastodon' },
  adapter: 'mastodon',
  status: 'pending',
  contentHash: 'a'.repeat(64),
  text: 'Der Weihnachtsmarkt öffnet.',
  media: [],
  nextAttemptAt: null,
  externalId: null,
  url: null,
  error: null,
  settledBy: null,
  settledAt: null,
  attempts: [],
};

const view = (postStatus: PostPublicationsView['postStatus'], publication: PublicationView): PostPublicationsView => ({ postId: 'post-1', postStatus, claimedAt: null, publications: [publication] });

describe('PublicationPanel', () => {
  let fixture: ComponentFixture<PublicationPanel>;
  let http: HttpTestingController;
  let planChanges: Subject<string>;
  let statusChanges: number;

  beforeEach(async () => {
    planChanges = new Subject<string>();
    const feed: Partial<NotificationFeed> = { arrivals: new Subject<NotificationView>(), planChanges };
    TestBed.configureTestingModule({
      imports: [PublicationPanel],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: NotificationFeed, useValue: feed }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PublicationPanel);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('postId', 'post-1');
    fixture.componentRef.setInput('version', 7);
    fixture.componentRef.setInput('mayPlan', true);
    statusChanges = 0;
    fixture.componentInstance.postStatusChanged.subscribe(() => statusChanges++);
    await fixture.whenStable();
    http.expectOne(URL).flush(view('scheduled', PENDING));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it("reads again on its organization's plan changes while the publisher has work, and tells the editor once the post moved", async () => {
    planChanges.next('org-2');
    await fixture.whenStable();
    http.expectNone(URL);

    planChanges.next('org-1');
    await fixture.whenStable();
    http.expectOne(URL).flush(view('scheduled', { ...PENDING, status: 'publishing' }));
    await fixture.whenStable();
    expect(statusChanges).toBe(0);

    planChanges.next(ANY_ORGANIZATION);
    await fixture.whenStable();
    http.expectOne(URL).flush(view('published', { ...PENDING, status: 'published', url: 'https://social.example/@stadt/1' }));
    await fixture.whenStable();
    expect(statusChanges).toBe(1);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Veröffentlicht');

    // Published: nothing left for the publisher, so later plan changes read nothing.
    planChanges.next('org-1');
    await fixture.whenStable();
    http.expectNone(URL);
  });

  it('reads again for a new version without telling the editor, which has read that version itself', async () => {
    fixture.componentRef.setInput('version', 8);
    await fixture.whenStable();
    http.expectOne(URL).flush(view('published', { ...PENDING, status: 'published' }));
    await fixture.whenStable();
    expect(statusChanges).toBe(0);
  });
});
