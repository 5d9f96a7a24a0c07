import type { CohortSummaryView, CohortView, EnrolmentProgramView, ExerciseProgressView, MyProgramView, RunView, SharePreview, ShareView } from '@amtsplan/contracts';
import { addCalendarDays, calendarWeekday, remainingCohortMeetings, runToday } from '@amtsplan/domain';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { setFacilitator } from '../../src/cli/program-commands';
import { Database } from '../../src/database/database';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** The Monday of the current week on German time: week 1 of a run starting then is open today. */
function put<T = unknown>(client: ApiClient, url: string, body: unknown) {
  return client.request<T>('PUT', url, { body });
}

function thisMonday(): string {
  const today = runToday(new Date());
  return addCalendarDays(today, 1 - calendarWeekday(today));
}

// Redis database 0 is shared with other files; integration files run one after another and each empties its database first.
describe('learning program: runs, cohorts, progress and sharing across authorities', () => {
  let app: TestApp;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let facilitator: ApiClient;
  let otherFacilitator: ApiClient;
  let run: RunView;
  let cohortX: CohortSummaryView;
  let cohortY: CohortSummaryView;
  let participantA: ApiClient;
  let participantB: ApiClient;
  let participantC: ApiClient;
  let enrolmentA: EnrolmentProgramView;
  let enrolmentB: EnrolmentProgramView;

  /** An account with the demo password, optionally a member of an organization. */
  async function account(email: string, displayName: string, membership?: { organizationId: string; role: string }): Promise<string> {
    const hash = await new PasswordHasher().hash(DEMO_PASSWORD);
    const [{ id }] = await app.owner.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, displayName, hash]);
    if (membership) await app.owner.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)`, [membership.organizationId, id, membership.role]);
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp('programcohorts', 0);
    orgA = await app.organizationId('Stadt Musterstadt');
    orgB = await app.organizationId('Landkreis Beispiel');
    [{ id: orgC }] = await app.owner.query(`INSERT INTO organizations (name, bundesland) VALUES ('Gemeinde Drittort', 'BY') RETURNING id`);
    await account('redaktion@drittort.example', 'Chris Drittort', { organizationId: orgC, role: 'editor' });
    await account('leitung@programm.example', 'Pat Programmleitung');
    await account('andere-leitung@programm.example', 'Kim Andere');
    for (const email of ['leitung@programm.example', 'andere-leitung@programm.example']) {
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      expect(await setFacilitator(app.owner, email, false)).toBe(0);
      log.mockRestore();
    }
    facilitator = await app.as('leitung@programm.example');
    otherFacilitator = await app.as('andere-leitung@programm.example');
  });
  afterAll(() => app.close());

  describe('facilitator', () => {
    it('is granted on the command line, audited, and nobody else may create runs', async () => {
      const [grant] = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'program.facilitator_granted' ORDER BY id LIMIT 1`);
      expect(grant.details).toEqual({ email: 'leitung@programm.example' });
      const admin = await app.as('admin@musterstadt.example');
      expect((await admin.post('/api/program/runs', { name: 'Eigenmächtig', startsOn: thisMonday() })).status).toBe(403);
      expect((await admin.get('/api/program/runs')).status).toBe(403);
    });

    it('creates a run on a Monday only, with German field messages', async () => {
      const tuesday = addCalendarDays(thisMonday(), 1);
      const refused = await facilitator.post<{ errors: Array<{ path: string; message: string }> }>('/api/program/runs', { name: 'Falscher Tag', startsOn: tuesday });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: 'startsOn', message: 'Ein Durchgang beginnt an einem Montag.' }]);
      const created = await facilitator.post<RunView>('/api/program/runs', { name: 'Durchgang Frühjahr', startsOn: thisMonday() });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Durchgang Frühjahr', startsOn: thisMonday(), unlockedThroughWeek: 0, openWeeks: 1, curriculumVersion: '2027.1', version: 1, cohorts: [] });
      run = created.body;
    });

    it('creates cohorts with a weekly meeting and enrols one participant per authority', async () => {
      const x = await facilitator.post<CohortSummaryView>(`/api/program/runs/${run.id}/cohorts`, { name: 'Peer-Gruppe Nord', meeting: { weekday: 3, time: '10:00' } });
      expect(x.status).toBe(201);
      expect(x.body).toMatchObject({ name: 'Peer-Gruppe Nord', meeting: { weekday: 3, time: '10:00', minutes: 90 }, authorities: 0 });
      expect(x.body.nextMeetingAt).not.toBeNull();
      cohortX = x.body;
      cohortY = (await facilitator.post<CohortSummaryView>(`/api/program/runs/${run.id}/cohorts`, { name: 'Peer-Gruppe Süd', meeting: { weekday: 4, time: '14:00' } })).body;

      const enrol = (cohortId: string, organizationId: string, email: string) => facilitator.post<CohortSummaryView>(`/api/program/cohorts/${cohortId}/enrolments`, { organizationId, email });
      expect((await enrol(cohortX.id, orgA, 'redaktion@musterstadt.example')).body.authorities).toBe(1);
      expect((await enrol(cohortX.id, orgB, 'redaktion@landkreis-beispiel.example')).body.authorities).toBe(2);
      expect((await enrol(cohortY.id, orgC, 'redaktion@drittort.example')).body.authorities).toBe(1);
      // A second person of the same authority in the same run, even in another cohort.
      const twice = await enrol(cohortY.id, orgA, 'leitung@musterstadt.example');
      expect(twice.status).toBe(409);
      // Not a member of that authority.
      const stranger = await enrol(cohortY.id, orgC, 'redaktion@landkreis-beispiel.example');
      expect(stranger.status).toBe(400);
      expect((stranger.body as unknown as { errors: unknown[] }).errors).toEqual([{ path: 'email', message: 'Unter dieser Adresse ist bei dieser Behörde niemand Mitglied.' }]);
      const audited = await app.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'program.participant_enrolled'`);
      expect(audited[0].n).toBe(3);
    });

    it('unlocks weeks early, forward only, with 409 on a stale version', async () => {
      const unlocked = await facilitator.post<RunView>(`/api/program/runs/${run.id}/unlock`, { throughWeek: 3, version: 1 });
      expect(unlocked.status).toBe(201);
      expect(unlocked.body).toMatchObject({ unlockedThroughWeek: 3, openWeeks: 3, version: 2 });
      expect((await facilitator.post(`/api/program/runs/${run.id}/unlock`, { throughWeek: 4, version: 1 })).status).toBe(409);
      const back = await facilitator.post<{ detail: string }>(`/api/program/runs/${run.id}/unlock`, { throughWeek: 2, version: 2 });
      expect(back.status).toBe(422);
      expect(back.body.detail).toBe('Woche 2 ist bereits offen.');
      run = unlocked.body;
    });

    it("shows a facilitator only their own runs: another facilitator gets 404 on this run's routes", async () => {
      expect((await otherFacilitator.get<RunView[]>('/api/program/runs')).body).toEqual([]);
      expect((await otherFacilitator.get(`/api/program/runs/${run.id}`)).status).toBe(404);
      expect((await otherFacilitator.post(`/api/program/runs/${run.id}/unlock`, { throughWeek: 5, version: 2 })).status).toBe(404);
      expect((await otherFacilitator.post(`/api/program/runs/${run.id}/cohorts`, { name: 'Fremd', meeting: { weekday: 1, time: '09:00' } })).status).toBe(404);
      expect((await otherFacilitator.post(`/api/program/cohorts/${cohortX.id}/enrolments`, { organizationId: orgC, email: 'redaktion@drittort.example' })).status).toBe(404);
      const mine = await facilitator.get<RunView[]>('/api/program/runs');
      expect(mine.body.map((r) => r.id)).toEqual([run.id]);
      expect(mine.body[0]!.cohorts.map((c) => [c.name, c.authorities])).toEqual([
        ['Peer-Gruppe Nord', 2],
        ['Peer-Gruppe Süd', 1],
      ]);
    });
  });

  describe('participant: Mein Programm', () => {
    const exercise = (enrolment: EnrolmentProgramView, id: string): ExerciseProgressView =>
      enrolment.weeks.flatMap((w) => w.exercises).find((e) => e.exerciseId === id)!;
    const myProgram = async (client: ApiClient, orgId: string) => (await client.get<MyProgramView>(`/api/orgs/${orgId}/program`)).body.enrolments;

    beforeAll(async () => {
      participantA = await app.as('redaktion@musterstadt.example');
      participantB = await app.as('redaktion@landkreis-beispiel.example');
      participantC = await app.as('redaktion@drittort.example');
    });

    it('shows run, cohort, open weeks and the next meeting; closed weeks without exercises', async () => {
      const [mine] = await myProgram(participantA, orgA);
      expect(mine).toMatchObject({ run: { id: run.id, startsOn: thisMonday() }, cohort: { id: cohortX.id, name: 'Peer-Gruppe Nord', meeting: { weekday: 3, time: '10:00', minutes: 90 } }, openWeeks: 3 });
      expect(mine!.cohort.nextMeetingAt).not.toBeNull();
      expect(mine!.weeks.map((w) => [w.week, w.open, w.exercises.length > 0])).toEqual(
        Array.from({ length: 12 }, (_, i) => [i + 1, i < 3, i < 3]),
      );
      expect(mine!.weeks[3]!.opensOn).toBe(addCalendarDays(thisMonday(), 21));
      enrolmentA = mine!;
      enrolmentB = (await myProgram(participantB, orgB))[0]!;
      // Another member of the same authority is not the participant.
      expect(await myProgram(await app.as('admin@musterstadt.example'), orgA)).toEqual([]);
    });

    it("checks action exercises live against the authority's data and records done the first time the rule holds", async () => {
      const topicsBefore = exercise(enrolmentA, 'w03-themen-anlegen');
      const [{ n: topicCount }] = await app.owner.query('SELECT count(*)::int AS n FROM topics WHERE organization_id = $1', [orgA]);
      expect(topicsBefore.check).toMatchObject({ target: 3, done: Math.min(3, topicCount) });
      // Give A enough topics: the rule holds, the read records it as done, and it stays done.
      const editor = participantA;
      for (let i = topicCount; i < 3; i++) expect((await editor.post(`/api/orgs/${orgA}/topics`, { name: `Programmthema ${i}`, color: '#225588' })).status).toBe(201);
      const after = exercise((await myProgram(participantA, orgA))[0]!, 'w03-themen-anlegen');
      expect(after).toMatchObject({ status: 'done', check: { holds: true } });
      expect(after.doneAt).not.toBeNull();
      const [row] = await app.owner.query(`SELECT status, done_at FROM program_exercise_progress WHERE exercise_id = 'w03-themen-anlegen' AND organization_id = $1`, [orgA]);
      expect(row.status).toBe('done');
      await app.owner.query(`DELETE FROM topics WHERE organization_id = $1 AND name LIKE 'Programmthema%'`, [orgA]);
      const later = exercise((await myProgram(participantA, orgA))[0]!, 'w03-themen-anlegen');
      expect(later.status).toBe('done');
      const audited = await app.owner.query(`SELECT organization_id FROM audit_events WHERE action = 'program.exercise_done' AND details->>'exerciseId' = 'w03-themen-anlegen'`);
      expect(audited).toEqual([{ organization_id: orgA }]);
    });

    it('saves a reflection with its version (409 when stale) and counts it once finished', async () => {
      const url = `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/exercises/w01-auftrag-in-einem-satz/reflection`;
      const first = await put<ExerciseProgressView>(participantA, url, { version: 0, answer: 'Wir informieren verlässlich.', finished: false });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'in_progress', version: 1 });
      expect((await put(participantA, url, { version: 0, answer: 'Zweiter Versuch' })).status).toBe(409);
      const answer = 'Wir informieren die Menschen in Musterstadt verlässlich, schnell und verständlich über alles, was sie betrifft.';
      const done = await put<ExerciseProgressView>(participantA, url, { version: 1, answer, finished: true });
      expect(done.body).toMatchObject({ status: 'done', version: 2, answer, finished: true, missing: [] });
      expect((await put(participantA, url, { version: 1, answer: 'veraltet' })).status).toBe(409);
      const audited = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'program.reflection_saved' ORDER BY id`);
      expect(audited.map((a: { details: { status: string } }) => a.details.status)).toEqual(['in_progress', 'done']);
      expect(JSON.stringify(audited)).not.toContain('verlässlich');
    });

    it('ticks checklist items; unticking reopens', async () => {
      const url = `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/exercises/w01-manifest-vorbereiten/checklist`;
      const items = exercise(enrolmentA, 'w01-manifest-vorbereiten');
      const all = (await put<ExerciseProgressView>(participantA, url, { version: 0, checked: [] })).body;
      const count = all.missing.length;
      const ticked = await put<ExerciseProgressView>(participantA, url, { version: 1, checked: Array.from({ length: count }, (_, i) => i) });
      expect(ticked.body).toMatchObject({ status: 'done', missing: [] });
      const unticked = await put<ExerciseProgressView>(participantA, url, { version: 2, checked: [0] });
      expect(unticked.body.status).toBe('in_progress');
      expect(items.kind).toBe('checklist');
      expect((await put(participantA, url, { version: 3, checked: [count] })).status).toBe(400);
    });

    it('refuses exercises of weeks not open yet with 422 in German, and a wrong kind', async () => {
      const url = (id: string, kind: string) => `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/exercises/${id}/${kind}`;
      const w4 = (await participantA.get<{ weeks: Array<{ week: number; exercises: Array<{ id: string; kind: string }> }> }>('/api/program/curriculum')).body.weeks[3]!.exercises[0]!;
      const refused = await put<{ detail: string }>(participantA, url(w4.id, w4.kind === 'checklist' ? 'checklist' : 'reflection'), w4.kind === 'checklist' ? { version: 0, checked: [] } : { version: 0, answer: 'zu früh' });
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toBe(`Woche 4 ist noch nicht freigeschaltet (ab ${addCalendarDays(thisMonday(), 21).split('-').reverse().join('.')}).`);
      const wrongKind = await put<{ detail: string }>(participantA, url('w01-auftrag-in-einem-satz', 'checklist'), { version: 0, checked: [] });
      expect(wrongKind.status).toBe(422);
      // Someone else's enrolment, or another member of the authority: 404.
      expect((await put(participantB, `/api/orgs/${orgB}/program/enrolments/${enrolmentA.enrolmentId}/exercises/w01-auftrag-in-einem-satz/reflection`, { version: 0, answer: 'x' })).status).toBe(404);
      expect((await put((await app.as('admin@musterstadt.example')), url('w01-auftrag-in-einem-satz', 'reflection'), { version: 2, answer: 'x' })).status).toBe(404);
      expect(enrolmentB.cohort.id).toBe(cohortX.id);
      expect(participantC).toBeDefined();
    });
  });

  describe('cohort meetings as an iCal download', () => {
    const url = () => `/api/program/cohorts/${cohortX.id}/calendar.ics`;

    it('serves the remaining weekly meetings on German time, with week titles and agendas', async () => {
      const response = await participantA.get<string>(url());
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="peer-gruppe-nord.ics"');
      const ics = response.body;
      const events = ics.split('BEGIN:VEVENT').slice(1);
      const expected = remainingCohortMeetings(thisMonday(), { weekday: 3, time: '10:00', minutes: 90 }, new Date());
      // The run began this Monday: all twelve Wednesdays, or eleven once this week's meeting is over.
      expect([11, 12]).toContain(expected.length);
      expect(events).toHaveLength(expected.length);
      const firstWeek = expected[0]!.week;
      const wall = (date: string) => date.replace(/-/g, '');
      expect(events[0]).toContain(`DTSTART;TZID=Europe/Berlin:${wall(addCalendarDays(thisMonday(), 2 + (firstWeek - 1) * 7))}T100000`);
      expect(events[0]).toContain(`SUMMARY:Peer-Gruppe Nord – Woche ${firstWeek}:`);
      const last = events[events.length - 1]!;
      expect(last).toContain(`DTSTART;TZID=Europe/Berlin:${wall(addCalendarDays(thisMonday(), 2 + 77))}T100000`);
      expect(last).toContain(`DTEND;TZID=Europe/Berlin:${wall(addCalendarDays(thisMonday(), 2 + 77))}T113000`);
      expect(last).toContain('SUMMARY:Peer-Gruppe Nord – Woche 12: Das Konzept präsentieren');
      expect(last).toContain('DESCRIPTION:Agenda:');
      expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
      // Nothing about the cohort's members leaves with the file.
      expect(ics).not.toMatch(/Musterstadt|Landkreis Beispiel|Drittort|redaktion@/);
      // The run's facilitator may download it too; a peer of the same cohort gets the same meetings.
      expect((await facilitator.get(url())).status).toBe(200);
      expect((await participantB.get<string>(url())).body.split('BEGIN:VEVENT')).toHaveLength(events.length + 1);
    });

    it('is 404 for a participant of another cohort, another authority\'s member, another facilitator and signed-out visitors', async () => {
      expect((await participantC.get(url())).status).toBe(404);
      expect((await (await app.as('admin@musterstadt.example')).get(url())).status).toBe(404);
      expect((await otherFacilitator.get(url())).status).toBe(404);
      expect((await participantC.get(`/api/program/cohorts/${cohortY.id}/calendar.ics`)).status).toBe(200);
      expect((await app.client().get(url())).status).toBe(401);
    });
  });

  describe('sharing into the cohort, the only space across authorities', () => {
    let share: ShareView;
    let reflectionShare: ShareView;
    const secret = 'Unsere interne Zielzahl bleibt unter uns: 4711 Follower bis Ostern, sonst Ärger im Rathaus.';
    const cohortUrl = () => `/api/program/cohorts/${cohortX.id}`;
    const myProgramOf = async (client: ApiClient, orgId: string) => (await client.get<MyProgramView>(`/api/orgs/${orgId}/program`)).body.enrolments;
    const userId = async (email: string): Promise<string> => (await app.owner.query('SELECT id FROM users WHERE email = $1', [email]))[0].id;

    it('previews an anonymised copy of a post draft and shares exactly that copy', async () => {
      const post = await participantA.post<{ id: string }>(`/api/orgs/${orgA}/posts`, {
        workingTitle: 'Bürgersprechstunde Stadt Musterstadt',
        text: 'Stadt Musterstadt lädt ein! Fragen an buergerservice@musterstadt.example oder https://musterstadt.example/termine, Tel. 0123 456789. Folgt @musterstadt',
      });
      expect(post.status).toBe(201);
      const source = { kind: 'post_draft', postId: post.body.id };
      const preview = await participantA.post<SharePreview>(`/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/share-preview`, source);
      expect(preview.status).toBe(201);
      expect(preview.body).toEqual({ kind: 'post_draft', title: 'Bürgersprechstunde [Name]', body: '[Name] lädt ein! Fragen an [E-Mail] oder [Link] Tel. [Telefon]. Folgt [Konto]' });
      // Nothing is shared by a preview.
      expect((await participantB.get<CohortView>(cohortUrl())).body.shares).toEqual([]);
      const stale = await participantA.post(`/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/shares`, { ...source, body: 'etwas anderes' });
      expect(stale.status).toBe(409);
      const shared = await participantA.post<ShareView>(`/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/shares`, { ...source, body: preview.body.body });
      expect(shared.status).toBe(201);
      expect(shared.body).toMatchObject({ kind: 'post_draft', title: 'Bürgersprechstunde [Name]', body: preview.body.body, own: true, author: { organizationName: 'Stadt Musterstadt' } });
      share = shared.body;
      const [stored] = await app.owner.query('SELECT body, organization_id FROM program_shares WHERE id = $1', [share.id]);
      expect(stored).toEqual({ body: preview.body.body, organization_id: orgA });
      const [audit] = await app.owner.query(`SELECT organization_id, details FROM audit_events WHERE action = 'program.shared'`);
      expect(audit).toEqual({ organization_id: orgA, details: { cohortId: cohortX.id, kind: 'post_draft', postId: post.body.id } });
    });

    it('shares a reflection answer; an unshared answer stays inside the authority', async () => {
      const url = `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}`;
      expect((await put(participantA, `${url}/exercises/w01-kennzahlen-ausgangslage/reflection`, { version: 0, answer: secret, finished: true })).status).toBe(200);
      const source = { kind: 'reflection', exerciseId: 'w01-auftrag-in-einem-satz' };
      const preview = await participantA.post<SharePreview>(`${url}/share-preview`, source);
      expect(preview.body.title).toMatch(/^Woche 1: /);
      const shared = await participantA.post<ShareView>(`${url}/shares`, { ...source, body: preview.body.body });
      expect(shared.status).toBe(201);
      reflectionShare = shared.body;
    });

    it("shows a peer of the cohort the members, their progress counts and the shares, but nothing else of the other authority", async () => {
      const view = await participantB.get<CohortView>(cohortUrl());
      expect(view.status).toBe(200);
      expect(view.body.members.map((m) => [m.organization.name, m.participant.displayName])).toEqual([
        ['Landkreis Beispiel', expect.any(String)],
        ['Stadt Musterstadt', expect.any(String)],
      ]);
      const a = view.body.members.find((m) => m.organization.id === orgA)!;
      expect(a.doneByWeek).toHaveLength(12);
      expect(a.doneByWeek[0]).toBeGreaterThanOrEqual(2);
      expect(view.body.shares.map((s) => s.id).sort()).toEqual([share.id, reflectionShare.id].sort());
      expect(view.body.shares.every((s) => !s.own)).toBe(true);
      expect(JSON.stringify(view.body)).not.toContain('Zielzahl');
      // Not A's posts, not A's program.
      const postId = (await app.owner.query(`SELECT id FROM posts WHERE organization_id = $1 LIMIT 1`, [orgA]))[0].id;
      expect((await participantB.get(`/api/orgs/${orgA}/posts/${postId}`)).status).toBe(404);
      expect((await participantB.get(`/api/orgs/${orgA}/program`)).status).toBe(404);
      expect((await participantB.post(`/api/orgs/${orgB}/program/enrolments/${enrolmentA.enrolmentId}/share-preview`, { kind: 'reflection', exerciseId: 'w01-kennzahlen-ausgangslage' })).status).toBe(404);
    });

    it('lets peers comment and react; the facilitator of the run sees the cohort too', async () => {
      const commented = await participantB.post<ShareView>(`${cohortUrl()}/shares/${share.id}/comments`, { body: 'Gute Idee, übernehmen wir für den Landkreis!' });
      expect(commented.status).toBe(201);
      expect(commented.body.comments).toEqual([expect.objectContaining({ body: 'Gute Idee, übernehmen wir für den Landkreis!', author: expect.objectContaining({ organizationName: 'Landkreis Beispiel' }) })]);
      const reacted = await put<ShareView>(participantB, `${cohortUrl()}/shares/${share.id}/reaction`, { reaction: 'helpful' });
      expect(reacted.body).toMatchObject({ reactions: { like: 0, helpful: 1, idea: 0 }, myReaction: 'helpful' });
      expect((await put(participantB, `${cohortUrl()}/shares/${share.id}/reaction`, { reaction: 'wow' })).status).toBe(400);
      const seen = await facilitator.get<CohortView>(cohortUrl());
      expect(seen.status).toBe(200);
      expect(seen.body.shares.find((s) => s.id === share.id)!.comments).toHaveLength(1);
      expect((await facilitator.post<ShareView>(`${cohortUrl()}/shares/${share.id}/comments`, { body: 'Bitte in der Sitzung vorstellen.' })).body.comments[1]!.author.organizationName).toBeNull();
    });

    it("answers 404 to a participant of another cohort and to another run's facilitator on every cohort route", async () => {
      for (const outsider of [participantC, otherFacilitator, await app.as('admin@musterstadt.example')]) {
        expect((await outsider.get(cohortUrl())).status).toBe(404);
        expect((await outsider.get(`${cohortUrl()}/shares/${share.id}`)).status).toBe(404);
        expect((await outsider.post(`${cohortUrl()}/shares/${share.id}/comments`, { body: 'Fremd' })).status).toBe(404);
        expect((await put(outsider, `${cohortUrl()}/shares/${share.id}/reaction`, { reaction: 'like' })).status).toBe(404);
        expect((await outsider.request('DELETE', `${cohortUrl()}/shares/${share.id}`)).status).toBe(404);
      }
      // C shares into cohort Y: C sees it there, B (cohort X) sees nothing of cohort Y.
      const [enrolmentC] = await myProgramOf(participantC, orgC);
      const url = `/api/orgs/${orgC}/program/enrolments/${enrolmentC!.enrolmentId}`;
      const answer = 'Wir erreichen junge Familien in Drittort vor allem über Instagram.';
      expect((await put(participantC, `${url}/exercises/w01-auftrag-in-einem-satz/reflection`, { version: 0, answer, finished: true })).status).toBe(200);
      const shareY = await participantC.post<ShareView>(`${url}/shares`, { kind: 'reflection', exerciseId: 'w01-auftrag-in-einem-satz', body: answer });
      expect(shareY.status).toBe(201);
      expect((await participantB.get(`/api/program/cohorts/${cohortY.id}`)).status).toBe(404);
      expect((await participantB.get(`/api/program/cohorts/${cohortY.id}/shares/${shareY.body.id}`)).status).toBe(404);
      expect((await participantB.get(`${cohortUrl()}/shares/${shareY.body.id}`)).status).toBe(404);
      expect(JSON.stringify((await participantB.get<CohortView>(cohortUrl())).body)).not.toContain('Drittort');
      // C's own cohort shows nothing of cohort X; the share id under C's cohort is unknown.
      const own = await participantC.get<CohortView>(`/api/program/cohorts/${cohortY.id}`);
      expect(own.status).toBe(200);
      expect(own.body.shares.map((s) => s.id)).toEqual([shareY.body.id]);
      expect(own.body.members.map((m) => m.organization.name)).toEqual(['Gemeinde Drittort']);
      expect((await participantC.get(`/api/program/cohorts/${cohortY.id}/shares/${share.id}`)).status).toBe(404);
      const [{ comments }] = await app.owner.query(`SELECT count(*)::int AS comments FROM program_share_comments WHERE body = 'Fremd'`);
      expect(comments).toBe(0);
    });

    it('row-level security keeps cohorts apart even for a query without any WHERE', async () => {
      const database = app.api.get(Database);
      const [b, c, other] = [await userId('redaktion@landkreis-beispiel.example'), await userId('redaktion@drittort.example'), await userId('andere-leitung@programm.example')];
      const asUser = (id: string, organizationId?: string) => <T>(sql: string) => database.transaction({ userId: id, organizationId }, ({ manager }) => manager.query(sql) as Promise<T[]>);
      const cohortsOf = async (read: ReturnType<typeof asUser>, table: string) => new Set((await read<{ cohort_id: string }>(`SELECT cohort_id FROM ${table}`)).map((r) => r.cohort_id));
      expect(await cohortsOf(asUser(c), 'program_shares')).toEqual(new Set([cohortY.id]));
      expect(await cohortsOf(asUser(c), 'program_share_comments')).toEqual(new Set());
      expect(await cohortsOf(asUser(c), 'program_share_reactions')).toEqual(new Set());
      expect(await cohortsOf(asUser(c), 'program_enrolments')).toEqual(new Set([cohortY.id]));
      expect(await cohortsOf(asUser(b), 'program_shares')).toEqual(new Set([cohortX.id]));
      // Peers never read each other's progress rows: only counts through the cohort function.
      expect(await asUser(b)('SELECT * FROM program_exercise_progress')).toEqual([]);
      expect((await asUser(b, orgB)<{ organization_id: string }>('SELECT DISTINCT organization_id FROM program_exercise_progress')).every((r) => r.organization_id === orgB)).toBe(true);
      expect(await asUser(b)(`SELECT * FROM program_cohort_members('${cohortY.id}')`)).toEqual([]);
      expect(await asUser(b)(`SELECT * FROM program_cohort_progress('${cohortY.id}')`)).toEqual([]);
      // Another run's facilitator: nothing of this run at all.
      for (const table of ['program_runs', 'program_cohorts', 'program_enrolments', 'program_shares', 'program_share_comments']) {
        expect({ table, rows: await asUser(other)(`SELECT * FROM ${table}`) }).toEqual({ table, rows: [] });
      }
      // Nor can anyone write into a cohort they do not belong to.
      await expect(
        database.transaction({ userId: c }, ({ manager }) =>
          manager.query(`INSERT INTO program_share_comments (share_id, cohort_id, author_user_id, body) VALUES ($1, $2, $3, 'Eingeschleust')`, [share.id, cohortX.id, c]),
        ),
      ).rejects.toThrow(/row-level security/);
      // A participant who leaves the authority leaves the cohort with it.
      await app.owner.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2`, [b, orgB]);
      expect(await asUser(b)('SELECT * FROM program_shares')).toEqual([]);
      await app.owner.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'editor')`, [orgB, b]);
    });

    it('lets only the owner withdraw a share; it is gone at once for everyone, with its comments', async () => {
      expect((await participantB.request('DELETE', `${cohortUrl()}/shares/${share.id}`)).status).toBe(403);
      expect((await participantA.request('DELETE', `${cohortUrl()}/shares/${share.id}`)).status).toBe(204);
      expect((await participantB.get(`${cohortUrl()}/shares/${share.id}`)).status).toBe(404);
      expect((await participantB.post(`${cohortUrl()}/shares/${share.id}/comments`, { body: 'Zu spät' })).status).toBe(404);
      expect((await facilitator.get(`${cohortUrl()}/shares/${share.id}`)).status).toBe(404);
      expect((await participantB.get<CohortView>(cohortUrl())).body.shares.map((s) => s.id)).toEqual([reflectionShare.id]);
      const [{ left }] = await app.owner.query('SELECT count(*)::int AS left FROM program_share_comments WHERE share_id = $1', [share.id]);
      expect(left).toBe(0);
      const [audit] = await app.owner.query(`SELECT actor_user_id, details FROM audit_events WHERE action = 'program.share_withdrawn'`);
      expect(audit.details).toEqual({ cohortId: cohortX.id, kind: 'post_draft' });
    });
  });

  describe('sharing a poster section and an approved text block', () => {
    const cohortUrl = () => `/api/program/cohorts/${cohortX.id}`;
    const url = () => `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}`;
    let approvedBlock: string;
    let draftBlock: string;

    beforeAll(async () => {
      const [{ id: owner }] = await app.owner.query(`SELECT id FROM users WHERE email = 'redaktion@musterstadt.example'`);
      const [{ id: category }] = await app.owner.query(`INSERT INTO text_block_categories (organization_id, name) VALUES ($1, 'Programm-Test') RETURNING id`, [orgA]);
      const block = async (shortCode: string, title: string, status: 'approved' | 'draft'): Promise<string> =>
        app.owner.transaction(async (manager) => {
          const [{ id }] = await manager.query(`SELECT gen_random_uuid() AS id`);
          const [{ id: versionId }] = await manager.query(`SELECT gen_random_uuid() AS id`);
          await manager.query(
            `INSERT INTO text_blocks (id, organization_id, short_code, owner_user_id, latest_version_id, approved_version_id, created_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $4)`,
            [id, orgA, shortCode, owner, versionId, status === 'approved' ? versionId : null],
          );
          await manager.query(
            `INSERT INTO text_block_versions (id, organization_id, text_block_id, number, title, body_sie, body_du, category_id, status, submitted, author_user_id) VALUES ($1, $2, $3, 1, $4, 'Vielen Dank für Ihre Nachricht.', 'Danke dir!', $5, $6, $7, $8)`,
            [versionId, orgA, id, title, category, status, status === 'approved', owner],
          );
          return id;
        });
      approvedBlock = await block('programm-dank', 'Dank für Hinweise', 'approved');
      draftBlock = await block('programm-entwurf', 'Noch nicht freigegeben', 'draft');
    });

    it('previews and shares a poster section as the poster shows it; 409 when it changed since the preview', async () => {
      const poster = (await participantA.get<{ sections: Array<{ section: string; title: string; answers: Array<{ exerciseId: string; text: string }>; facts: string[] }> }>(`${url()}/poster`)).body;
      const section = poster.sections.find((candidate) => candidate.answers.some((answer) => answer.exerciseId === 'w01-auftrag-in-einem-satz'))!;
      const source = { kind: 'poster_section', section: section.section };
      const preview = await participantA.post<SharePreview>(`${url()}/share-preview`, source);
      expect(preview.status).toBe(201);
      expect(preview.body.kind).toBe('poster_section');
      expect(preview.body.title).toBe(`Konzept-Plakat: ${section.title}`);
      for (const answer of section.answers) expect(preview.body.body).toContain(answer.text.trim());
      for (const fact of section.facts) expect(preview.body.body).toContain(fact);
      // An empty section is refused with a field message.
      const empty = poster.sections.find((candidate) => candidate.answers.length === 0)!;
      const refused = await participantA.post<{ errors: unknown[] }>(`${url()}/share-preview`, { kind: 'poster_section', section: empty.section });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: 'section', message: 'Dieser Abschnitt des Plakats ist noch leer: Geteilt wird erst, was Sie dafür geschrieben haben.' }]);
      expect((await participantA.post(`${url()}/shares`, { ...source, body: `${preview.body.body} (verändert)` })).status).toBe(409);
      const shared = await participantA.post<ShareView>(`${url()}/shares`, { ...source, body: preview.body.body });
      expect(shared.status).toBe(201);
      expect(shared.body).toMatchObject({ kind: 'poster_section', exerciseId: null, title: preview.body.title, body: preview.body.body, own: true });
      const seen = await participantB.get<ShareView>(`${cohortUrl()}/shares/${shared.body.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.body).toBe(preview.body.body);
      const [audit] = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'program.shared' AND object_id = $1`, [shared.body.id]);
      expect(audit.details).toEqual({ cohortId: cohortX.id, kind: 'poster_section', section: section.section });
      // Peers react and comment; withdrawing removes it at once.
      expect((await put<ShareView>(participantB, `${cohortUrl()}/shares/${shared.body.id}/reaction`, { reaction: 'idea' })).status).toBe(200);
      expect((await participantB.post(`${cohortUrl()}/shares/${shared.body.id}/comments`, { body: 'Danke!' })).status).toBe(201);
      expect((await participantA.request('DELETE', `${cohortUrl()}/shares/${shared.body.id}`)).status).toBe(204);
      expect((await participantB.get(`${cohortUrl()}/shares/${shared.body.id}`)).status).toBe(404);
    });

    it('shares only the approved version of a text block; a block without one is refused with a German field message', async () => {
      const refused = await participantA.post<{ errors: unknown[] }>(`${url()}/share-preview`, { kind: 'text_block', textBlockId: draftBlock });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: 'textBlockId', message: 'Dieser Textbaustein hat noch keine freigegebene Fassung. Geteilt wird nur die freigegebene Fassung.' }]);
      const source = { kind: 'text_block', textBlockId: approvedBlock };
      const preview = await participantA.post<SharePreview>(`${url()}/share-preview`, source);
      expect(preview.body).toEqual({ kind: 'text_block', title: 'Textbaustein: Dank für Hinweise', body: 'Sie-Form:\nVielen Dank für Ihre Nachricht.\n\nDu-Form:\nDanke dir!' });
      // Another authority's block (or one that does not exist) is not found from A's scope, nor can B share A's block.
      expect((await participantA.post(`${url()}/share-preview`, { kind: 'text_block', textBlockId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      expect((await participantB.post(`/api/orgs/${orgB}/program/enrolments/${enrolmentB.enrolmentId}/share-preview`, source)).status).toBe(404);
      // A new approved version between preview and share: 409.
      await app.owner.query(`UPDATE text_block_versions SET body_du = 'Danke dir sehr!' WHERE text_block_id = $1`, [approvedBlock]);
      expect((await participantA.post(`${url()}/shares`, { ...source, body: preview.body.body })).status).toBe(409);
      const fresh = await participantA.post<SharePreview>(`${url()}/share-preview`, source);
      const shared = await participantA.post<ShareView>(`${url()}/shares`, { ...source, body: fresh.body.body });
      expect(shared.status).toBe(201);
      expect(shared.body).toMatchObject({ kind: 'text_block', title: 'Textbaustein: Dank für Hinweise', author: { organizationName: 'Stadt Musterstadt' } });
      // A peer of the cohort reads the copy, not the block; a participant of another cohort nothing.
      expect((await participantB.get<ShareView>(`${cohortUrl()}/shares/${shared.body.id}`)).body.body).toContain('Danke dir sehr!');
      expect((await participantB.get(`/api/orgs/${orgA}/text-blocks/${approvedBlock}`)).status).toBe(404);
      expect((await participantC.get(`${cohortUrl()}/shares/${shared.body.id}`)).status).toBe(404);
      expect(JSON.stringify((await participantC.get(`/api/program/cohorts/${cohortY.id}`)).body)).not.toContain('Dank für Hinweise');
      expect((await participantB.get<CohortView>(cohortUrl())).body.shares.map((s) => s.kind)).toContain('text_block');
      expect((await participantA.request('DELETE', `${cohortUrl()}/shares/${shared.body.id}`)).status).toBe(204);
      expect((await participantB.get<CohortView>(cohortUrl())).body.shares.map((s) => s.id)).not.toContain(shared.body.id);
    });
  });
});
