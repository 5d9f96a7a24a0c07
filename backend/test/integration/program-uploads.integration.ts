import type { CohortSummaryView, CohortView, EnrolmentProgramView, ExerciseProgressView, MyProgramView, PosterView, RunView, SharePreview, ShareView } from '@amtsplan/contracts';
import { addCalendarDays, calendarWeekday, runToday } from '@amtsplan/domain';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { setFacilitator } from '../../src/cli/program-commands';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

const MAX_BYTES = 256 * 1024;
const EXERCISE = 'w06-vorlage-gestalten';
const ALT = 'Serienkachel „Frag das Amt“: weiße Schrift auf Stadtblau, Logo oben rechts';

function thisMonday(): string {
  const today = runToday(new Date());
  return addCalendarDays(today, 1 - calendarWeekday(today));
}

interface Problem {
  status: number;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

// Redis database 0 is shared with other files; integration files run one after another and each empties its database first.
describe('learning program: upload exercises (image pipeline, poster, sharing into the cohort)', () => {
  let app: TestApp;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let facilitator: ApiClient;
  let otherFacilitator: ApiClient;
  let participantA: ApiClient;
  let participantB: ApiClient;
  let participantC: ApiClient;
  let adminA: ApiClient;
  let cohortX: CohortSummaryView;
  let enrolmentA: EnrolmentProgramView;
  let uploadUrl: string;
  let png: Buffer;

  const storedFiles = (org: string) => (existsSync(join(app.config.mediaDir, org)) ? readdirSync(join(app.config.mediaDir, org)).filter((f) => !f.startsWith('.')).sort() : []);
  const uploadRows = async (): Promise<number> => (await app.owner.query('SELECT count(*)::int AS n FROM program_exercise_uploads'))[0].n;

  async function account(email: string, displayName: string, membership?: { organizationId: string; role: string }): Promise<void> {
    const hash = await new PasswordHasher().hash(DEMO_PASSWORD);
    const [{ id }] = await app.owner.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, displayName, hash]);
    if (membership) await app.owner.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)`, [membership.organizationId, id, membership.role]);
  }

  beforeAll(async () => {
    app = await startTestApp('programuploads', 0, { mediaMaxBytes: MAX_BYTES });
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
    const run = (await facilitator.post<RunView>('/api/program/runs', { name: 'Durchgang Grafik', startsOn: thisMonday() })).body;
    await facilitator.post(`/api/program/runs/${run.id}/unlock`, { throughWeek: 6, version: 1 });
    cohortX = (await facilitator.post<CohortSummaryView>(`/api/program/runs/${run.id}/cohorts`, { name: 'Peer-Gruppe Nord', meeting: { weekday: 3, time: '10:00' } })).body;
    const cohortY = (await facilitator.post<CohortSummaryView>(`/api/program/runs/${run.id}/cohorts`, { name: 'Peer-Gruppe Süd', meeting: { weekday: 4, time: '14:00' } })).body;
    await facilitator.post(`/api/program/cohorts/${cohortX.id}/enrolments`, { organizationId: orgA, email: 'redaktion@musterstadt.example' });
    await facilitator.post(`/api/program/cohorts/${cohortX.id}/enrolments`, { organizationId: orgB, email: 'redaktion@landkreis-beispiel.example' });
    await facilitator.post(`/api/program/cohorts/${cohortY.id}/enrolments`, { organizationId: orgC, email: 'redaktion@drittort.example' });
    participantA = await app.as('redaktion@musterstadt.example');
    participantB = await app.as('redaktion@landkreis-beispiel.example');
    participantC = await app.as('redaktion@drittort.example');
    adminA = await app.as('admin@musterstadt.example');
    enrolmentA = (await participantA.get<MyProgramView>(`/api/orgs/${orgA}/program`)).body.enrolments[0]!;
    uploadUrl = `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/exercises/${EXERCISE}/upload`;
    png = await sharp({ create: { width: 320, height: 320, channels: 3, background: '#1d4f91' } }).png().toBuffer();
  });
  afterAll(() => app.close());

  describe('refuses what is not an image, with no row and no file left', () => {
    it('an .exe renamed to .png (415, decided by the content)', async () => {
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.from('This program cannot be run in DOS mode.'), randomBytes(2048)]);
      const response = await participantA.uploadImage<Problem>(uploadUrl, exe, ALT);
      expect(response.status).toBe(415);
      expect(response.body.detail).toContain('Maßgeblich ist der Inhalt der Datei');
    });

    it('an SVG with a script (415)', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>fetch("/api/auth/me")</script><rect width="100" height="100"/></svg>');
      expect((await participantA.uploadImage(uploadUrl, svg, ALT)).status).toBe(415);
    });

    it('a file above the size limit (413, naming the limit)', async () => {
      const big = Buffer.concat([png, randomBytes(MAX_BYTES)]);
      const response = await participantA.uploadImage<Problem>(uploadUrl, big, ALT);
      expect(response.status).toBe(413);
      expect(response.body.detail).toContain('0,3 MB');
    });

    it('an image without alt text (400 on altText)', async () => {
      const response = await participantA.uploadImage<Problem>(uploadUrl, png, '  ');
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.path).toBe('altText');
    });

    it('left nothing behind', async () => {
      expect(await uploadRows()).toBe(0);
      expect(storedFiles(orgA)).toEqual([]);
    });

    it('refuses exercises of another kind, weeks not open yet, and other members of the authority', async () => {
      const reflection = `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/exercises/w06-zwischenfazit/upload`;
      expect((await participantA.uploadImage(reflection, png, ALT)).status).toBe(422);
      const week11 = `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/exercises/w11-video-drehen/upload`;
      const later = await participantA.uploadImage<Problem>(week11, png, ALT);
      expect(later.status).toBe(422);
      expect((await adminA.uploadImage(uploadUrl, png, ALT)).status).toBe(404);
    });
  });

  it('stores the image under a server-made name, ticks the exercise off and serves it with safe headers', async () => {
    const response = await participantA.uploadImage<ExerciseProgressView>(uploadUrl, png, ALT);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ exerciseId: EXERCISE, kind: 'upload', status: 'done', missing: [], upload: { altText: ALT, contentType: 'image/png', width: 320, height: 320, version: 1 } });
    expect(storedFiles(orgA)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}\.png$/)]);

    const week = (await participantA.get<MyProgramView>(`/api/orgs/${orgA}/program`)).body.enrolments[0]!.weeks[5]!;
    expect(week.exercises.find((e) => e.exerciseId === EXERCISE)).toMatchObject({ status: 'done', upload: { altText: ALT } });

    const file = await participantA.request('GET', `${uploadUrl}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`inline; filename="bild-${response.body.upload!.id}.png"`);
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    // Another member of the authority and other authorities see nothing.
    expect((await adminA.get(`${uploadUrl}/file`)).status).toBe(404);
    expect([403, 404]).toContain((await participantB.get(`${uploadUrl}/file`)).status);
  });

  it('replaces the image (the old file goes), corrects the alt text with 409 on a stale version', async () => {
    const before = storedFiles(orgA);
    const red = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#c00000' } }).jpeg().toBuffer();
    const replaced = await participantA.uploadImage<ExerciseProgressView>(uploadUrl, red, ALT);
    expect(replaced.body.upload).toMatchObject({ contentType: 'image/jpeg', width: 200, version: 2 });
    const after = storedFiles(orgA);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    const corrected = await participantA.patch<ExerciseProgressView>(uploadUrl, { version: 2, altText: 'Rote Testkachel' });
    expect(corrected.body.upload).toMatchObject({ altText: 'Rote Testkachel', version: 3 });
    expect((await participantA.patch(uploadUrl, { version: 2, altText: 'Zu spät' })).status).toBe(409);
    await participantA.uploadImage(uploadUrl, png, ALT);
  });

  it('shows the image in the poster section the curriculum names', async () => {
    const poster = (await participantA.get<PosterView>(`/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/poster`)).body;
    expect(poster.sections.find((s) => s.section === 'themen-serien')).toMatchObject({ images: [{ exerciseId: EXERCISE, altText: ALT, version: 4 }], filled: true });
  });

  it('prints the image in the A1 poster PDF', async () => {
    const a1 = await participantA.get<string>(`/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}/poster.pdf`);
    expect(a1.status).toBe(200);
    expect(a1.headers['content-type']).toBe('application/pdf');
    expect(String(a1.body).match(/\/Subtype\s*\/Image/g)).toHaveLength(1);
  });

  describe('sharing into the cohort', () => {
    let share: ShareView;
    const imageUrl = () => `/api/program/cohorts/${cohortX.id}/shares/${share.id}/image`;

    it('previews and shares image + alt text; peers and the facilitator see it, nobody else', async () => {
      const sharesUrl = `/api/orgs/${orgA}/program/enrolments/${enrolmentA.enrolmentId}`;
      const preview = (await participantA.post<SharePreview>(`${sharesUrl}/share-preview`, { kind: 'upload', exerciseId: EXERCISE })).body;
      expect(preview).toEqual({ kind: 'upload', title: 'Woche 6: Eine Grafikvorlage gestalten', body: ALT });
      const shared = await participantA.post<ShareView>(`${sharesUrl}/shares`, { kind: 'upload', exerciseId: EXERCISE, body: preview.body });
      expect(shared.status).toBe(201);
      share = shared.body;
      expect(share).toMatchObject({ kind: 'upload', exerciseId: EXERCISE, body: ALT, own: true });
      expect(storedFiles(orgA)).toHaveLength(2);

      const peerView = (await participantB.get<CohortView>(`/api/program/cohorts/${cohortX.id}`)).body;
      expect(peerView.shares.find((s) => s.id === share.id)).toMatchObject({ kind: 'upload', body: ALT, own: false, author: { organizationName: 'Stadt Musterstadt' } });
      const peerImage = await participantB.request('GET', imageUrl());
      expect(peerImage.status).toBe(200);
      expect(peerImage.headers['content-type']).toBe('image/png');
      expect(peerImage.headers['x-content-type-options']).toBe('nosniff');
      expect(peerImage.headers['content-disposition']).toBe(`inline; filename="bild-${share.id}.png"`);
      expect((await facilitator.get(imageUrl())).status).toBe(200);
      expect((await participantC.get(imageUrl())).status).toBe(404);
      expect((await otherFacilitator.get(imageUrl())).status).toBe(404);
      expect((await adminA.get(imageUrl())).status).toBe(404);
      // A reflection share has no image.
      expect((await participantB.get(`/api/program/cohorts/${cohortX.id}/shares/00000000-0000-4000-8000-000000000000/image`)).status).toBe(404);
    });

    it('keeps the shared copy when the participant deletes the upload, which reopens the exercise', async () => {
      const removed = await participantA.delete<ExerciseProgressView>(uploadUrl);
      expect(removed.body).toMatchObject({ status: 'open', upload: null, missing: ['Datei hochladen.'] });
      expect((await participantA.get(`${uploadUrl}/file`)).status).toBe(404);
      expect(storedFiles(orgA)).toHaveLength(1);
      expect((await participantB.get(imageUrl())).status).toBe(200);
    });

    it('is gone for peers at once when withdrawn, file included', async () => {
      expect((await participantB.delete(`/api/program/cohorts/${cohortX.id}/shares/${share.id}`)).status).toBe(403);
      expect((await participantA.delete(`/api/program/cohorts/${cohortX.id}/shares/${share.id}`)).status).toBe(204);
      expect((await participantB.get(imageUrl())).status).toBe(404);
      expect((await facilitator.get(imageUrl())).status).toBe(404);
      expect(storedFiles(orgA)).toEqual([]);
    });
  });
});
