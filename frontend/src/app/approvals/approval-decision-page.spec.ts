import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import type { ApprovalRequestView, ChannelView } from '@amtsplan/contracts';
import { ApprovalDecisionPage } from './approval-decision-page';

const BASE = '/api/orgs/org-1';
const CHANNEL = { id: 'c1', name: 'Mastodon Stadt', platform: 'mastodon', textLimit: null, active: true } as ChannelView;

function request(change: Partial<ApprovalRequestView> = {}): ApprovalRequestView {
  return {
    id: 'r1',
    subjectType: 'post',
    textBlock: null,
    playbook: null,
    inboxReply: null,
    postId: 'p1',
    post: { id: 'p1', workingTitle: 'Stadtfest', status: 'in_approval', version: 3 },
    status: 'pending',
    route: { id: 'route', name: 'Redaktion → Leitung' },
    contentHash: 'a'.repeat(64),
    content: { format: 1, channels: [{ channelId: 'c1', text: 'Samstag ist Stadtfest.' }], media: [], planning: { kind: 'unplanned' } },
    author: { id: 'u1', displayName: 'Rita Redaktion' },
    submittedBy: { id: 'u1', displayName: 'Rita Redaktion' },
    submittedAt: '2026-12-01T10:00:00Z',
    plannedAt: null,
    steps: [
      { index: 0, name: 'Leitung', mode: 'any', status: 'open', dueAt: '2026-12-02T10:00:00Z', overdue: false, approvers: [{ id: 'u2', displayName: 'Lena Leitung' }], deputy: null, decisions: [] },
    ],
    currentStepIndex: 0,
    awaitingDecisionFrom: [{ id: 'u2', displayName: 'Lena Leitung' }],
    myDecision: { allowed: true, reason: null },
    neutralityWarning: null,
    closedAt: null,
    voidReasons: [],
    version: 1,
    ...change,
  };
}

describe('ApprovalDecisionPage', () => {
  let fixture: ComponentFixture<ApprovalDecisionPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  async function open(view: ApprovalRequestView): Promise<void> {
    TestBed.configureTestingModule({ imports: [ApprovalDecisionPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApprovalDecisionPage);
    fixture.componentRef.setInput('orgId', 'org-1');
    fixture.componentRef.setInput('requestId', 'r1');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    answerLoad(view);
    await fixture.whenStable();
  }

  function answerLoad(view: ApprovalRequestView): void {
    http.expectOne(`${BASE}/approval-requests/r1`).flush(view);
    http.expectOne(`${BASE}/channels`).flush([CHANNEL]);
    http.expectOne(`${BASE}/approval-requests/r1/previous-seen`).flush({ previous: null });
    fixture.detectChanges();
    for (const post of http.match(`${BASE}/posts/p1`)) post.flush({ id: 'p1', media: [] });
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('asks for a comment before requesting changes, in German, without calling the API', async () => {
    await open(request());
    await (await loader.getHarness(MatButtonHarness.with({ text: /Änderungen erbitten/ }))).click();
    expect(text()).toContain('Bitte beschreiben Sie, welche Änderungen Sie erbitten.');
    http.expectNone(`${BASE}/approval-requests/r1/decisions`);
  });

  it('sends the decision bound to the content hash and step, and reloads with a clear message on 409', async () => {
    await open(request());
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('Passt.');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Freigeben/ }))).click();
    const decision = http.expectOne(`${BASE}/approval-requests/r1/decisions`);
    expect(decision.request.body).toEqual({ decision: 'approve', stepIndex: 0, contentHash: 'a'.repeat(64), comment: 'Passt.' });
    decision.flush(
      { type: 'https://amtsplan.example/problems/approval-content-changed', title: 'Inhalt geändert', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    answerLoad(request({ status: 'voided', currentStepIndex: null, myDecision: { allowed: false, reason: 'x' } }));
    await fixture.whenStable();
    expect(text()).toContain('Der Inhalt wurde inzwischen geändert oder schon entschieden.');
    expect(text()).toContain('Ungültig (Inhalt geändert)');
  });

  it('says why the person may not decide (four-eyes) instead of offering the buttons', async () => {
    await open(request({ myDecision: { allowed: false, reason: 'Sie haben diesen Beitrag mitverfasst (Vier-Augen-Prinzip).' } }));
    expect(text()).toContain('Sie können hier nicht entscheiden: Sie haben diesen Beitrag mitverfasst (Vier-Augen-Prinzip).');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Freigeben/ }))).toEqual([]);
  });
});
