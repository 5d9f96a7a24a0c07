import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CohortView, MyProgramView, ShareView } from '@amtsplan/contracts';
import { program } from '../program-test-data';
import { TextBlockShare } from './text-block-share';

describe('TextBlockShare', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const cohort = (shares: ShareView[]): CohortView => ({
    id: 'c-1',
    name: 'Peer-Gruppe Nord',
    run: { id: 'run-1', name: 'Lernprogramm 2026', startsOn: '2026-11-23', openWeeks: 3 },
    meeting: { weekday: 4, time: '10:00', minutes: 90 },
    nextMeetingAt: null,
    members: [],
    shares,
    midpointReviews: [],
  });

  async function render(view: MyProgramView, shares: ShareView[] = []) {
    const fixture = TestBed.createComponent(TextBlockShare);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('textBlockId', 'tb-1');
    fixture.componentRef.setInput('approvedTitle', 'Dank für Hinweise');
    await fixture.whenStable();
    http.expectOne('/api/orgs/org-1/program').flush(view);
    if (view.enrolments.length) http.expectOne('/api/program/cohorts/c-1').flush(cohort(shares));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('offers sharing to an enrolled participant and asks the server for the preview of the text block', async () => {
    const element = await render(program(5));
    const button = Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.includes('Mit der Peer-Gruppe im Lernprogramm teilen'))!;
    expect(button).toBeDefined();
    button.click();
    const preview = http.expectOne('/api/orgs/org-1/program/enrolments/enr-1/share-preview');
    expect(preview.request.body).toEqual({ kind: 'text_block', textBlockId: 'tb-1' });
    preview.flush({ kind: 'text_block', title: 'Textbaustein: Dank für Hinweise', body: 'Vielen Dank.' });
    await Promise.resolve();
  });

  it('shows the block as shared once it is, and nothing without an enrolment', async () => {
    const shared = { id: 's-1', kind: 'text_block', exerciseId: null, title: 'Textbaustein: Dank für Hinweise', body: 'x', createdAt: '2026-12-07T10:00:00Z', author: { displayName: 'R', organizationName: 'S' }, own: true, reactions: { like: 0, helpful: 0, idea: 0 }, myReaction: null, comments: [] } satisfies ShareView;
    expect((await render(program(5), [shared])).textContent).toContain('In der Peer-Gruppe geteilt');
  });

  it('renders nothing for a person without an enrolment', async () => {
    const element = await render({ enrolments: [] });
    expect(element.querySelector('button')).toBeNull();
  });
});
