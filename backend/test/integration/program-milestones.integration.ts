import type { CohortView, ManifestView, MidpointReviewView, PosterView } from '@amtsplan/contracts';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { addCalendarDays, calendarWeekday, runToday } from '@amtsplan/domain';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

function put<T = unknown>(client: ApiClient, url: string, body: unknown) {
  return client.request<T>('PUT', url, { body });
}

function mondayWeeksAgo(weeks: number): string {
  const today = runToday(new Date());
  return addCalendarDays(today, 1 - calendarWeekday(today) - 7 * weeks);
}

/** A1 portrait in points, as PDF writes it into the MediaBox. */
const A1 = { width: (594 * 72) / 25.4, height: (841 * 72) / 25.4 };

function mediaBoxes(pdf: string): number[][] {
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

// Redis database 1 is shared with another file; integration files run one after another and each empties its database first.
describe('learning program milestones: Kick-off-Manifest, Zwischenfazit, Konzept-Plakat', () => {
  let app: TestApp;
  let orgA: string;
  let enrolmentId: string;
  let participant: ApiClient;
  let cohortId: string;
  let enrolmentB: string;

  beforeAll(async () => {
    app = await startTestApp('programmanifest', 1);
    orgA = await app.organizationId('Stadt Musterstadt');
    const hash = await new PasswordHasher().hash(DEMO_PASSWORD);
    const [leader] = await app.owner.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('leitung@programm.example', 'Programmleitung', $1) RETURNING id`, [hash]);
    const [other] = await app.owner.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('andere@programm.example', 'Andere Leitung', $1) RETURNING id`, [hash]);
    await app.owner.query('INSERT INTO program_facilitators (user_id) VALUES ($1)', [other.id]);
    await app.owner.query('INSERT INTO program_facilitators (user_id) VALUES ($1)', [leader.id]);
    const [run] = await app.owner.query(
      `INSERT INTO program_runs (name, starts_on, curriculum_version, facilitator_user_id) VALUES ('Durchgang Herbst', $1, '2027.1', $2) RETURNING id`,
      [mondayWeeksAgo(5), leader.id],
    );
    const [cohort] = await app.owner.query(`INSERT INTO program_cohorts (run_id, name, meeting_weekday, meeting_time) VALUES ($1, 'Peer-Gruppe Nord', 4, '10:00') RETURNING id`, [run.id]);
    const [enrolment] = await app.owner.query(
      `INSERT INTO program_enrolments (organization_id, run_id, cohort_id, user_id) SELECT $1, $2, $3, id FROM users WHERE email = 'redaktion@musterstadt.example' RETURNING id`,
      [orgA, run.id, cohort.id],
    );
    enrolmentId = enrolment.id;
    cohortId = cohort.id;
    const orgB = await app.organizationId('Landkreis Beispiel');
    const [b] = await app.owner.query(
      `INSERT INTO program_enrolments (organization_id, run_id, cohort_id, user_id) SELECT $1, $2, $3, id FROM users WHERE email = 'redaktion@landkreis-beispiel.example' RETURNING id`,
      [orgB, run.id, cohort.id],
    );
    enrolmentB = b.id;
    participant = await app.as('redaktion@musterstadt.example');
  });
  afterAll(() => app.close());

  const manifestUrl = () => `/api/orgs/${orgA}/program/manifest`;

  it('shows the template until the text is saved, and lets planners edit it', async () => {
    const first = await participant.get<ManifestView>(manifestUrl());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 0, signature: null, canSign: false, canEdit: true });
    expect(first.body.text).toContain('die Leitung von Stadt Musterstadt');
    const saved = await put<ManifestView>(participant, manifestUrl(), { version: 0, text: `${first.body.text}\n6. Wir teilen, was wir lernen.` });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect((await put(participant, manifestUrl(), { version: 0, text: 'Ein zweiter erster Entwurf, zu spät.' })).status).toBe(409);
    const viewer = await app.as('lesen@musterstadt.example');
    expect((await put(viewer, manifestUrl(), { version: 1, text: 'Lesende dürfen das Manifest nicht ändern.' })).status).toBe(403);
  });

  it('is signed only by leadership roles (Leitung, Administration), with name, function and time, audited', async () => {
    for (const email of ['redaktion@musterstadt.example', 'fachbereich@musterstadt.example', 'community@musterstadt.example', 'lesen@musterstadt.example']) {
      const refused = await (await app.as(email)).post(`${manifestUrl()}/signature`, { version: 1, function: 'Bürgermeisterin' });
      expect(refused.status).toBe(403);
    }
    const leitung = await app.as('leitung@musterstadt.example');
    const read = await leitung.get<ManifestView>(manifestUrl());
    expect(read.body.canSign).toBe(true);
    expect((await leitung.post(`${manifestUrl()}/signature`, { version: 1, function: '' })).status).toBe(400);
    const signed = await leitung.post<ManifestView>(`${manifestUrl()}/signature`, { version: 1, function: 'Bürgermeisterin' });
    expect(signed.status).toBe(201);
    expect(signed.body.signature).toMatchObject({ name: 'Dr. Lena Leitung', function: 'Bürgermeisterin' });
    expect(Math.abs(Date.parse(signed.body.signature!.signedAt) - Date.now())).toBeLessThan(60_000);
    const events = await app.owner.query(`SELECT action, details FROM audit_events WHERE organization_id = $1 AND action LIKE 'program.manifest_%' ORDER BY id`, [orgA]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['program.manifest_saved', 'program.manifest_signed']);
    expect(events[1].details).toEqual({ function: 'Bürgermeisterin' });
  });

  it('puts the signature and the reflection answers on the poster', async () => {
    const answer = 'Wir informieren verlässlich über Bürgerservice, Baustellen und Veranstaltungen und antworten werktags binnen eines Tages.';
    expect((await put(participant, `/api/orgs/${orgA}/program/enrolments/${enrolmentId}/exercises/w01-auftrag-in-einem-satz/reflection`, { version: 0, answer, finished: true })).status).toBe(200);
    const poster = await participant.get<PosterView>(`/api/orgs/${orgA}/program/enrolments/${enrolmentId}/poster`);
    expect(poster.status).toBe(200);
    expect(poster.body.organizationName).toBe('Stadt Musterstadt');
    expect(poster.body.sections.map((s) => s.title)).toEqual([
      'Ziele', 'Zielgruppen', 'Kanäle & Positionierung', 'Themen & Serien', 'Redaktionsprozess & Freigabe',
      'Community-Management', 'Krisenvorsorge', 'Netzwerk', 'Ressourcen', 'Kennzahlen',
    ]);
    const goals = poster.body.sections.find((s) => s.section === 'ziele')!;
    expect(goals.filled).toBe(true);
    expect(goals.answers[0]!.text).toBe(answer);
    expect(poster.body.sections.find((s) => s.section === 'redaktionsprozess')!.facts).toContain('Freigaberoute: Redaktion → Leitung (2 Stufen)');
    expect(poster.body.manifest).toMatchObject({ name: 'Dr. Lena Leitung', function: 'Bürgermeisterin' });
    // Another member of the authority does not read the participant's poster.
    expect((await (await app.as('admin@musterstadt.example')).get(`/api/orgs/${orgA}/program/enrolments/${enrolmentId}/poster`)).status).toBe(404);
  });

  it('drops the signature when the text changes afterwards', async () => {
    const current = await participant.get<ManifestView>(manifestUrl());
    const edited = await put<ManifestView>(participant, manifestUrl(), { version: current.body.version, text: `${current.body.text}\n7. Nachträglich ergänzt.` });
    expect(edited.body.signature).toBeNull();
    const poster = await participant.get<PosterView>(`/api/orgs/${orgA}/program/enrolments/${enrolmentId}/poster`);
    expect(poster.body.manifest).toBeNull();
  });

  it('exports the poster as one A1 page and the slides in landscape', async () => {
    const a1 = await participant.get<string>(`/api/orgs/${orgA}/program/enrolments/${enrolmentId}/poster.pdf`);
    expect(a1.status).toBe(200);
    expect(a1.headers['content-type']).toBe('application/pdf');
    const boxes = mediaBoxes(a1.body);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]![2]).toBeCloseTo(A1.width, 1);
    expect(boxes[0]![3]).toBeCloseTo(A1.height, 1);
    const slides = await participant.get<string>(`/api/orgs/${orgA}/program/enrolments/${enrolmentId}/poster-slides.pdf`);
    expect(slides.status).toBe(200);
    const slideBoxes = mediaBoxes(slides.body);
    expect(slideBoxes.length).toBeGreaterThanOrEqual(3);
    for (const box of slideBoxes) expect(box[2]!).toBeGreaterThan(box[3]!);
    const [exported] = await app.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'program.poster_exported'`, [orgA]);
    expect(exported.n).toBe(2);
  });

  describe('Zwischenfazit (week 6)', () => {
    const reviewUrl = () => `/api/orgs/${orgA}/program/enrolments/${enrolmentId}/midpoint-review`;
    const review = { works: 'Der Redaktionsplan trägt: Beiträge stehen zwei Wochen im Voraus.', notWorking: 'Freigaben dauern freitags zu lange.', next: 'Vertretung in der Freigaberoute benennen.' };

    it('is a draft inside the authority until submitted; submitting needs all three answers', async () => {
      const empty = await participant.get<MidpointReviewView>(reviewUrl());
      expect(empty.body).toEqual({ works: '', notWorking: '', next: '', submittedAt: null, version: 0 });
      const draft = await put<MidpointReviewView>(participant, reviewUrl(), { version: 0, ...review, next: '' });
      expect(draft.status).toBe(200);
      expect(draft.body.submittedAt).toBeNull();
      const peer = await app.as('redaktion@landkreis-beispiel.example');
      expect((await peer.get<CohortView>(`/api/program/cohorts/${cohortId}`)).body.midpointReviews).toEqual([]);
      const incomplete = await put<{ errors: Array<{ path: string }> }>(participant, reviewUrl(), { version: 1, ...review, next: ' ', submit: true });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.errors.map((e) => e.path)).toEqual(['next']);
      expect((await put(participant, reviewUrl(), { version: 0, ...review })).status).toBe(409);
    });

    it('once submitted, the cohort and its facilitator read it; another facilitator and outsiders do not', async () => {
      const submitted = await put<MidpointReviewView>(participant, reviewUrl(), { version: 1, ...review, submit: true });
      expect(submitted.status).toBe(200);
      expect(submitted.body.submittedAt).not.toBeNull();
      const expected = { enrolmentId, participantName: 'Rita Redaktion', organizationName: 'Stadt Musterstadt', ...review, submittedAt: submitted.body.submittedAt };
      for (const email of ['redaktion@landkreis-beispiel.example', 'leitung@programm.example']) {
        const seen = await (await app.as(email)).get<CohortView>(`/api/program/cohorts/${cohortId}`);
        expect(seen.status).toBe(200);
        expect(seen.body.midpointReviews).toEqual([expected]);
      }
      for (const email of ['andere@programm.example', 'admin@landkreis-beispiel.example', 'admin@musterstadt.example']) {
        expect((await (await app.as(email)).get(`/api/program/cohorts/${cohortId}`)).status).toBe(404);
      }
      // The peer's own authority scope never reaches the other authority's row either.
      const orgB = await app.organizationId('Landkreis Beispiel');
      expect((await (await app.as('redaktion@landkreis-beispiel.example')).get(`/api/orgs/${orgB}/program/enrolments/${enrolmentId}/midpoint-review`)).status).toBe(404);
      const events = await app.owner.query(`SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'program.midpoint_review_%' ORDER BY id`, [orgA]);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['program.midpoint_review_saved', 'program.midpoint_review_submitted']);
      expect(enrolmentB).toBeTruthy();
    });
  });
});
