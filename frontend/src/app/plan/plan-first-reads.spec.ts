import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@amtsplan/contracts';
import { type EarlyAnswers, requestKey } from '../shared/http/early-answers';
import { askPlanFirstReads, askPlanFirstReadsAtOnce, planFirstReads, planOrganizationIn } from './plan-first-reads';
import { NO_FILTERS, type PlanLocation } from './plan-location';
import { PlanReads } from './plan-reads';
import { daysShown } from './shown-days';

const ORG = '0b9f4c0e-5d1a-4d3e-9c55-4f1a2b3c4d5e';
const NOW = new Date('2026-11-22T10:00:00Z');

describe("the plan's first reads", () => {
  it('finds the authority of a plan URL and of no other page', () => {
    expect(planOrganizationIn(`/o/${ORG}/redaktionsplan`)).toBe(ORG);
    expect(planOrganizationIn(`/o/${ORG}/einstellungen/kanaele`)).toBeNull();
    expect(planOrganizationIn('/anmelden')).toBeNull();
    expect(planOrganizationIn('/o/%E0%A4/redaktionsplan')).toBeNull();
  });

  describe('are the requests the plan itself makes', () => {
    let reads: PlanReads;
    let server: HttpTestingController;

    beforeEach(() => {
      TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
      reads = TestBed.inject(PlanReads);
      server = TestBed.inject(HttpTestingController);
    });

    /** What the page asks for at `location`, as request keys. */
    function pageReads(location: PlanLocation, today: string): string[] {
      reads.references(ORG).subscribe();
      reads.window(ORG, daysShown(location.view, location.view === 'planung' ? today : (location.date ?? today)), location.filters).subscribe();
      reads.backlog(ORG, location.filters).subscribe();
      return server.match(() => true).map((request) => requestKey(request.request.urlWithParams));
    }

    it('for a month with filters', () => {
      const location: PlanLocation = { view: 'monat', date: '2026-12-01', postId: null, filters: { ...NO_FILTERS, channelId: 'c1', status: 'draft' } };
      expect(planFirstReads(ORG, location, NOW).map(requestKey).sort()).toEqual(pageReads(location, '2026-11-22').sort());
    });

    it('for the planning view from today', () => {
      const location: PlanLocation = { view: 'planung', date: '2026-12-01', postId: null, filters: NO_FILTERS };
      expect(planFirstReads(ORG, location, NOW).map(requestKey).sort()).toEqual(pageReads(location, '2026-11-22').sort());
    });

    it('for a week without a day in the URL', () => {
      const location: PlanLocation = { view: 'woche', date: null, postId: null, filters: { ...NO_FILTERS, seriesId: 's1' } };
      expect(planFirstReads(ORG, location, NOW).map(requestKey).sort()).toEqual(pageReads(location, '2026-11-22').sort());
    });
  });

  describe('are sent', () => {
    const me = (organizationId: string): MeResponse => ({
      user: { id: 'u1', email: 'redaktion@musterstadt.example', displayName: 'Robin', locale: 'de', isOperator: false },
      memberships: [{ id: 'm1', organization: { id: organizationId, name: 'Stadt Musterstadt' }, role: 'editor' }],
    });

    function sent(path: string, session: MeResponse | null): Promise<string[]> {
      const urls: string[] = [];
      const early = { ask: (url: string) => (urls.push(url), Promise.resolve(null)) } as unknown as EarlyAnswers;
      askPlanFirstReads(early, path, '?datum=2026-12-01&ansicht=monat', Promise.resolve(session));
      return new Promise((resolve) => setTimeout(() => resolve(urls)));
    }

    it('for the plan of an authority the person belongs to', async () => {
      const urls = await sent(`/o/${ORG}/redaktionsplan`, me(ORG));
      expect(urls).toHaveLength(8);
      expect(urls).toContain(`/api/orgs/${ORG}/plan-entries?from=2026-11-29T10%3A00%3A00.000Z&to=2027-01-11T12%3A00%3A00.000Z`);
    });

    it('not for another authority, nobody logged in or another page', async () => {
      expect(await sent(`/o/${ORG}/redaktionsplan`, me('another'))).toEqual([]);
      expect(await sent(`/o/${ORG}/redaktionsplan`, null)).toEqual([]);
      expect(await sent(`/o/${ORG}/einstellungen`, me(ORG))).toEqual([]);
    });

    /** The first page's variant: what was asked at once, and what was thrown away after the session's answer. */
    async function sentAtOnce(path: string, session: MeResponse | null): Promise<{ asked: string[]; atOnce: number; dropped: string[] }> {
      const asked: string[] = [];
      const dropped: string[] = [];
      const early = { ask: (url: string) => (asked.push(url), Promise.resolve(null)), take: (url: string) => (dropped.push(url), null) } as unknown as EarlyAnswers;
      askPlanFirstReadsAtOnce(early, path, '?datum=2026-12-01&ansicht=monat', Promise.resolve(session));
      const atOnce = asked.length;
      await new Promise((resolve) => setTimeout(resolve));
      return { asked, atOnce, dropped };
    }

    it('on the first page at once, before the session has answered, and kept for a member', async () => {
      const { asked, atOnce, dropped } = await sentAtOnce(`/o/${ORG}/redaktionsplan`, me(ORG));
      expect(atOnce).toBe(8);
      expect(asked).toContain(`/api/orgs/${ORG}/plan-entries?from=2026-11-29T10%3A00%3A00.000Z&to=2027-01-11T12%3A00%3A00.000Z`);
      expect(dropped).toEqual([]);
    });

    it('on the first page thrown away when nobody is logged in or the person is no member, never for another page', async () => {
      for (const session of [null, me('another')]) {
        const { asked, dropped } = await sentAtOnce(`/o/${ORG}/redaktionsplan`, session);
        expect(dropped).toEqual(asked);
      }
      expect((await sentAtOnce(`/o/${ORG}/einstellungen`, me(ORG))).asked).toEqual([]);
    });
  });
});
