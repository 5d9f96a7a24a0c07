import { Clipboard } from '@angular/cdk/clipboard';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { PostPublicationsView, PublicationView } from '@amtsplan/contracts';
import { PublicationPanelItem } from './publication-panel-item';

const MANUAL_DUE: PublicationView = {
  id: 'pub-1',
  channel: { id: 'ch-1', name: 'Facebook Stadt', platform: 'facebook' },
  adapter: 'manual',
  status: 'manual_due',
  contentHash: 'a'.repeat(64),
  text: 'Das Bürgerbüro hat heute geöffnet.',
  media: [{ id: 'm-1', altText: 'Das Rathaus im Schnee' }],
  nextAttemptAt: null,
  externalId: null,
  url: null,
  error: 'Dieser Kanal hat keine Anbindung.',
  settledBy: null,
  settledAt: null,
  attempts: [],
};

describe('PublicationPanelItem', () => {
  let fixture: ComponentFixture<PublicationPanelItem>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let copied: string[];

  async function show(publication: PublicationView, mayPlan = true): Promise<void> {
    fixture.componentRef.setInput('publication', publication);
    fixture.componentRef.setInput('mayPlan', mayPlan);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    copied = [];
    TestBed.configureTestingModule({
      imports: [PublicationPanelItem],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: Clipboard, useValue: { copy: (text: string) => copied.push(text) > 0 } }],
    });
    fixture = TestBed.createComponent(PublicationPanelItem);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('postId', 'post-1');
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await show(MANUAL_DUE);
  });

  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('shows the "Jetzt veröffentlichen" task and copies exactly the approved text and alt texts', async () => {
    expect(text()).toContain('Jetzt veröffentlichen');
    expect(text()).not.toContain('Dieser Kanal hat keine Anbindung.');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Text kopieren/ }))).click();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Alternativtext 1 kopieren/ }))).click();
    expect(copied).toEqual(['Das Bürgerbüro hat heute geöffnet.', 'Das Rathaus im Schnee']);
  });

  it('checks the address at the field before sending, then confirms and hands on the new view', async () => {
    const input = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="url"]' }));
    const confirm = await loader.getHarness(MatButtonHarness.with({ text: 'Als veröffentlicht bestätigen' }));
    await input.setValue('facebook.com/stadt/posts/1');
    await confirm.click();
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Adresse des veröffentlichten Beitrags/ }));
    expect(await field.getTextErrors()).toEqual(['Bitte eine vollständige Adresse mit https:// angeben.']);
    http.expectNone('/api/orgs/org-1/posts/post-1/publications/ch-1/confirm');

    const answers: PostPublicationsView[] = [];
    fixture.componentInstance.changed.subscribe((view) => answers.push(view));
    await input.setValue('https://facebook.com/stadt/posts/1');
    await confirm.click();
    const request = http.expectOne('/api/orgs/org-1/posts/post-1/publications/ch-1/confirm');
    expect(request.request.body).toEqual({ url: 'https://facebook.com/stadt/posts/1' });
    const view: PostPublicationsView = { postId: 'post-1', postStatus: 'published', claimedAt: null, publications: [{ ...MANUAL_DUE, status: 'published', url: 'https://facebook.com/stadt/posts/1' }] };
    request.flush(view);
    expect(answers).toEqual([view]);
  });

  it('retries a failed publication and reloads the panel when someone was quicker (409)', async () => {
    await show({ ...MANUAL_DUE, adapter: 'mastodon', status: 'failed', error: 'Die Plattform hat den Beitrag abgelehnt (422).' });
    expect(text()).toContain('Die Plattform hat den Beitrag abgelehnt (422).');
    let outdated = 0;
    fixture.componentInstance.outdated.subscribe(() => outdated++);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Erneut versuchen/ }))).click();
    http
      .expectOne('/api/orgs/org-1/posts/post-1/publications/ch-1/retry')
      .flush({ type: 'urn:amtsplan:problem:conflict', title: 'Konflikt', status: 409, detail: 'Die Veröffentlichung wurde inzwischen geändert.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(text()).toContain('Die Veröffentlichung wurde inzwischen geändert.');
    expect(outdated).toBe(1);
  });

  it('publishes a missed post late only after the person confirms in the dialog', async () => {
    await show({ ...MANUAL_DUE, adapter: 'mastodon', status: 'missed', error: 'Verpasst: mehr als 2 Stunden nach dem geplanten Zeitpunkt.' });
    const documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const late = await loader.getHarness(MatButtonHarness.with({ text: /Jetzt doch veröffentlichen/ }));

    await late.click();
    let dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Verspätet veröffentlichen?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Abbrechen' }))).click();
    http.expectNone('/api/orgs/org-1/posts/post-1/publications/ch-1/publish-late');

    await late.click();
    dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Jetzt veröffentlichen' }))).click();
    // The dialog reports its answer once it has closed.
    for (let wait = 0; wait < 50 && (await documentLoader.getAllHarnesses(MatDialogHarness)).length > 0; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await fixture.whenStable();
    const request = http.expectOne('/api/orgs/org-1/posts/post-1/publications/ch-1/publish-late');
    expect(request.request.method).toBe('POST');
    request.flush({ postId: 'post-1', postStatus: 'scheduled', claimedAt: null, publications: [{ ...MANUAL_DUE, status: 'pending' }] });
  });

  it('shows the published post\'s link and offers no action to someone who may not plan', async () => {
    await show({ ...MANUAL_DUE, status: 'published', url: 'https://facebook.com/stadt/posts/1', error: null }, false);
    const link: HTMLAnchorElement | null = fixture.nativeElement.querySelector('a');
    expect(link?.href).toBe('https://facebook.com/stadt/posts/1');
    expect(link?.textContent).toContain('Beitrag auf Facebook Stadt ansehen');
    expect(await loader.getAllHarnesses(MatButtonHarness)).toHaveLength(0);
  });

  it('lists every attempt with its outcome, link or error, oldest first, and none when there was no attempt', async () => {
    expect(fixture.nativeElement.querySelector('amt-publication-attempts')).toBeNull();
    await show({
      ...MANUAL_DUE,
      adapter: 'mastodon',
      status: 'published',
      url: 'https://social.example/@stadt/2',
      error: null,
      attempts: [
        { attempt: 1, startedAt: '2026-12-07T09:00:00.000Z', finishedAt: '2026-12-07T09:00:01.000Z', outcome: 'failed_retryable', externalId: null, url: null, error: 'Verbindung abgelehnt' },
        { attempt: 2, startedAt: '2026-12-07T09:01:00.000Z', finishedAt: '2026-12-07T09:01:01.000Z', outcome: 'published', externalId: '2', url: 'https://social.example/@stadt/2', error: null },
        { attempt: 3, startedAt: '2026-12-07T09:02:00.000Z', finishedAt: null, outcome: null, externalId: null, url: null, error: null },
      ],
    });
    const history: HTMLElement = fixture.nativeElement.querySelector('amt-publication-attempts');
    expect(history.querySelector('summary')?.textContent?.trim()).toBe('Versuche (3)');
    // One line per part of an attempt (they stand one below the other).
    const items = Array.from(history.querySelectorAll('li'), (li) => Array.from(li.children, (part) => part.textContent?.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^Versuch 1, gestartet .*: fehlgeschlagen, nichts erschienen; neuer Versuch folgt \| Verbindung abgelehnt$/);
    expect(items[1]).toMatch(/^Versuch 2, gestartet .*: veröffentlicht \| Beitrag dieses Versuchs ansehen$/);
    expect(items[2]).toMatch(/^Versuch 3, gestartet .*: läuft$/);
    expect(history.querySelectorAll('li')[1].querySelector('a')?.getAttribute('href')).toBe('https://social.example/@stadt/2');
  });
});
