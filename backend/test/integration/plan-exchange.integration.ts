import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@amtsplan/contracts';
import { addCalendarDays, localDateOf, zonedLocalToUtc } from '@amtsplan/domain';
import { Workbook } from 'exceljs';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const ZONE = 'Europe/Berlin';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Created {
  id: string;
}
interface FeedCreated {
  feed: { id: string; label: string; revokedAt: string | null };
  subscriptionUrl: string;
}

type FilePart = { name: string; filename: string; content: Buffer };
type FieldPart = { name: string; value: string };

/** A multipart/form-data body as a browser's FormData sends it. */
function formData(parts: ReadonlyArray<FilePart | FieldPart>): { payload: Buffer; contentType: string } {
  const boundary = `----amtsplan-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('filename' in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), part.content, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Unfolds iCalendar continuation lines, so assertions read whole properties. */
const icsLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const icsDate = (date: string) => date.replace(/-/g, '');

describe('Redaktionsplan exchange: calendar subscriptions, export and import', () => {
  let app: TestApp;
  let orgA: string;
  let orgB: string;
  let editor: ApiClient;
  let viewer: ApiClient;
  let landkreis: ApiClient;
  let facebook: string;
  let instagram: string;
  const titles: Record<string, string> = {};
  /** A day ten days ahead, so the feed window (90 days back, 365 ahead) always holds it. */
  const soon = addCalendarDays(localDateOf(new Date(), ZONE), 10);

  /** Requests the API through Fastify's inject with the client's session, for bodies ApiClient cannot carry. */
  async function send(client: ApiClient, method: 'GET' | 'POST', url: string, body?: { payload: Buffer; contentType: string }) {
    if (!client.cookie(CSRF_COOKIE)) await client.get('/api/auth/csrf');
    const cookies = [SESSION_COOKIE, CSRF_COOKIE].filter((name) => client.cookie(name)).map((name) => `${name}=${client.cookie(name)}`);
    const headers: Record<string, string> = { cookie: cookies.join('; '), [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' };
    if (body) headers['content-type'] = body.contentType;
    const response = await app.api.inject({ method, url, headers, payload: body?.payload, remoteAddress: client.ip });
    const json = () => JSON.parse(response.body) as unknown;
    return { status: response.statusCode, headers: response.headers, raw: response.rawPayload, text: response.body, json };
  }

  const postCount = async (orgId: string): Promise<number> => (await app.owner.query('SELECT count(*)::int AS n FROM posts WHERE organization_id = $1', [orgId]))[0].n;

  beforeAll(async () => {
    app = await startTestApp('exchange', 11);
    orgA = await app.organizationId('Stadt Musterstadt');
    orgB = await app.organizationId('Landkreis Beispiel');
    editor = await app.as('redaktion@musterstadt.example');
    viewer = await app.as('lesen@musterstadt.example');
    landkreis = await app.as('admin@landkreis-beispiel.example');
    facebook = (await editor.post<Created>(`/api/orgs/${orgA}/channels`, { platform: 'facebook', name: 'Facebook Stadt Musterstadt', color: '#1877f2' })).body.id;
    instagram = (await editor.post<Created>(`/api/orgs/${orgA}/channels`, { platform: 'instagram', name: 'Instagram Stadt Musterstadt', color: '#e4405f' })).body.id;
    const topic = (await editor.post<Created>(`/api/orgs/${orgA}/topics`, { name: 'Veranstaltungen', color: '#ff8800' })).body.id;

    const create = async (client: ApiClient, orgId: string, key: string, body: Record<string, unknown>) => {
      const response = await client.post<Created>(`/api/orgs/${orgId}/posts`, body);
      expect(response.status).toBe(201);
      titles[key] = response.body.id;
    };
    await create(editor, orgA, 'timed', {
      workingTitle: 'Stadtfest ankündigen',
      text: 'Vertraulicher Entwurfstext zum Stadtfest',
      planning: { kind: 'time', at: zonedLocalToUtc(`${soon}T10:00`, ZONE).toISOString() },
      variants: [{ channelId: facebook, text: null }, { channelId: instagram, text: null }],
      topicId: topic,
      tags: ['Stadtfest'],
    });
    await create(editor, orgA, 'day', { workingTitle: 'Wahlaufruf', status: 'idea', planning: { kind: 'day', date: addCalendarDays(soon, 1) } });
    await create(editor, orgA, 'formula', {
      workingTitle: '=HYPERLINK("http://angreifer.example","Hier klicken")',
      text: '+49 30 123456',
      planning: { kind: 'day', date: addCalendarDays(soon, 2) },
    });
    await create(editor, orgA, 'unplanned', { workingTitle: 'Irgendwann im Themenspeicher' });
    await create(editor, orgA, 'archived', { workingTitle: 'Längst archiviert', planning: { kind: 'day', date: addCalendarDays(soon, 3) } });
    await app.owner.query(`UPDATE posts SET status = 'archived' WHERE id = $1`, [titles['archived']]);
    await create(editor, orgA, 'farAhead', { workingTitle: 'In zwei Jahren', planning: { kind: 'day', date: addCalendarDays(soon, 730) } });
    await create(editor, orgA, 'longAgo', { workingTitle: 'Vor einem Jahr', planning: { kind: 'day', date: addCalendarDays(soon, -400) } });
    await create(landkreis, orgB, 'landkreis', { workingTitle: 'Kreistag geheim', planning: { kind: 'day', date: soon } });
  });
  afterAll(() => app.close());

  describe('calendar subscription', () => {
    let token: string;
    let feedId: string;

    it('creates a subscription whose address is shown once and whose token is stored only as a hash', async () => {
      const created = await editor.post<FeedCreated>(`/api/orgs/${orgA}/calendar-feeds`, { label: 'Outlook Pressestelle' });
      expect(created.status).toBe(201);
      const match = /^http:\/\/localhost:3000\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(created.body.subscriptionUrl);
      expect(match).not.toBeNull();
      token = match![1]!;
      feedId = created.body.feed.id;
      expect(created.body.feed).toMatchObject({ label: 'Outlook Pressestelle', revokedAt: null });

      const rows = await app.owner.query('SELECT * FROM calendar_feeds WHERE id = $1', [feedId]);
      expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(token);
      const list = await viewer.get<Array<{ id: string }>>(`/api/orgs/${orgA}/calendar-feeds`);
      expect(list.status).toBe(200);
      expect(list.body.map((f) => f.id)).toEqual([feedId]);
      expect(JSON.stringify(list.body)).not.toContain(token);
      expect((await viewer.post(`/api/orgs/${orgA}/calendar-feeds`, { label: 'Darf nicht' })).status).toBe(403);
      expect((await editor.post(`/api/orgs/${orgA}/calendar-feeds`, { label: ' ' })).status).toBe(400);
    });

    it('serves the planned posts without a session: exact times in the organization zone, days as all-day entries', async () => {
      const response = await app.client().get<string>(`/api/calendar/${token}.ics`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['cache-control']).toBe('private, max-age=300');
      const lines = icsLines(response.body);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines).toContain('X-WR-CALNAME:Redaktionsplan Stadt Musterstadt');
      expect(lines).toContain('TZID:Europe/Berlin');
      expect(lines).toContain(`DTSTART;TZID=Europe/Berlin:${icsDate(soon)}T100000`);
      expect(lines).toContain(`DTEND;TZID=Europe/Berlin:${icsDate(soon)}T101500`);
      expect(lines).toContain(`UID:post-${titles['timed']}@localhost`);
      expect(lines).toContain('SUMMARY:Stadtfest ankündigen');
      expect(lines).toContain(
        `DESCRIPTION:Status: Entwurf\\nKanäle: Facebook Stadt Musterstadt\\, Instagram Stadt Musterstadt\\nThema: Veranstaltungen\\nIm Redaktionsplan öffnen: http://localhost:3000/o/${orgA}/redaktionsplan?beitrag=${titles['timed']}`,
      );
      expect(lines).toContain(`DTSTART;VALUE=DATE:${icsDate(addCalendarDays(soon, 1))}`);
      expect(lines).toContain(`DTEND;VALUE=DATE:${icsDate(addCalendarDays(soon, 2))}`);
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    });

    it('keeps post texts, people, unplanned, archived, out-of-window and other organizations’ posts out of the feed', async () => {
      const ics = icsLines((await app.client().get<string>(`/api/calendar/${token}.ics`)).body).join('\n');
      for (const absent of ['Vertraulicher Entwurfstext', '+49 30', 'Irgendwann', 'Längst archiviert', 'In zwei Jahren', 'Vor einem Jahr', 'Kreistag geheim', 'Rita Redaktion']) {
        expect({ absent, found: ics.includes(absent) }).toEqual({ absent, found: false });
      }
      const [feed] = await app.owner.query('SELECT last_used_at FROM calendar_feeds WHERE id = $1', [feedId]);
      expect(feed.last_used_at).not.toBeNull();
    });

    it("serves another organization's feed with only that organization's posts", async () => {
      const created = await landkreis.post<FeedCreated>(`/api/orgs/${orgB}/calendar-feeds`, { label: 'Kreis-Outlook' });
      const ics = (await app.client().get<string>(new URL(created.body.subscriptionUrl).pathname)).body;
      expect(ics).toContain('SUMMARY:Kreistag geheim');
      expect(ics).not.toContain('Stadtfest');
    });

    it('answers 404 to unknown and revoked addresses, and audits creation and revocation', async () => {
      const unknown = await app.client().get<{ type: string; detail: string }>(`/api/calendar/${'A'.repeat(43)}.ics`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(unknown.body.detail).toContain('Kalender-Abo');
      expect((await app.client().get('/api/calendar/kurz.ics')).status).toBe(404);

      expect((await viewer.delete(`/api/orgs/${orgA}/calendar-feeds/${feedId}`)).status).toBe(403);
      expect((await editor.delete(`/api/orgs/${orgA}/calendar-feeds/${feedId}`)).status).toBe(204);
      expect((await app.client().get(`/api/calendar/${token}.ics`)).status).toBe(404);
      expect((await editor.delete(`/api/orgs/${orgA}/calendar-feeds/${feedId}`)).status).toBe(409);
      const actions = await app.owner.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [feedId]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['calendar_feed.created', 'calendar_feed.revoked']);
    });
  });

  describe('export', () => {
    const range = () => {
      const from = zonedLocalToUtc(`${soon}T00:00`, ZONE).toISOString();
      const to = zonedLocalToUtc(`${addCalendarDays(soon, 5)}T00:00`, ZONE).toISOString();
      return { query: `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, name: `${soon}-${addCalendarDays(soon, 4)}` };
    };

    it('exports a filtered range as an Excel workbook with a bold, frozen, filtered header', async () => {
      const response = await send(viewer, 'GET', `/api/orgs/${orgA}/plan-export?format=xlsx&${range().query}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX_TYPE);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="redaktionsplan-${range().name}.xlsx"`);
      const workbook = new Workbook();
      await workbook.xlsx.load(response.raw as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Datum', 'Uhrzeit', 'Arbeitstitel', 'Text', 'Kanäle', 'Thema', 'Status', 'Schlagwörter', 'Verantwortlich']);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      // Header, the timed post, the day, the formula post and the archived one (the list's filters keep archived posts).
      expect(sheet.actualRowCount).toBe(5);
      const timed = sheet.getRow(2);
      expect(timed.getCell(1).value).toEqual(new Date(`${soon}T00:00:00Z`));
      expect(timed.getCell(2).value).toEqual(new Date('1899-12-30T10:00:00Z'));
      expect(timed.getCell(3).value).toBe('Stadtfest ankündigen');
      expect(timed.getCell(4).value).toBe('Vertraulicher Entwurfstext zum Stadtfest');
      expect(timed.getCell(5).value).toBe('Facebook Stadt Musterstadt, Instagram Stadt Musterstadt');
      expect(timed.getCell(6).value).toBe('Veranstaltungen');
      expect(timed.getCell(7).value).toBe('Entwurf');
      expect(timed.getCell(8).value).toBe('Stadtfest');
      expect(timed.getCell(9).value).toBe('Rita Redaktion');
      expect(sheet.getRow(3).getCell(7).value).toBe('Idee');
      const audit = await app.owner.query(`SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'plan.exported'`, [orgA]);
      expect(audit[0].details).toMatchObject({ format: 'xlsx', rows: 4 });
    });

    it('exports CSV for German Excel: BOM, semicolons, and formula cells made harmless', async () => {
      const response = await send(viewer, 'GET', `/api/orgs/${orgA}/plan-export?format=csv&${range().query}&channelId=${facebook}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="redaktionsplan-${range().name}.csv"`);
      expect([...response.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = response.raw.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe('Datum;Uhrzeit;Arbeitstitel;Text;Kanäle;Thema;Status;Schlagwörter;Verantwortlich');
      // The channel filter leaves only the post on Facebook.
      expect(lines.slice(1).filter(Boolean)).toHaveLength(1);
      const [dd, mm, yyyy] = [soon.slice(8, 10), soon.slice(5, 7), soon.slice(0, 4)];
      expect(lines[1]).toBe(`${dd}.${mm}.${yyyy};10:00;Stadtfest ankündigen;Vertraulicher Entwurfstext zum Stadtfest;Facebook Stadt Musterstadt, Instagram Stadt Musterstadt;Veranstaltungen;Entwurf;Stadtfest;Rita Redaktion`);

      const all = (await send(viewer, 'GET', `/api/orgs/${orgA}/plan-export?format=csv&${range().query}`)).raw.toString('utf8');
      expect(all).toContain(`"'=HYPERLINK(""http://angreifer.example"",""Hier klicken"")";'+49 30 123456;`);
    });

    it('refuses an unknown format with a field message', async () => {
      const response = await send(viewer, 'GET', `/api/orgs/${orgA}/plan-export?format=pdf`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.json())).toContain('format');
    });
  });

  describe('import', () => {
    const fixture = (name: string) => readFileSync(join(FIXTURES, name));
    const upload = (client: ApiClient, path: string, parts: ReadonlyArray<FilePart | FieldPart>) => send(client, 'POST', `/api/orgs/${orgA}/plan-import${path}`, formData(parts));
    const sampleMapping = JSON.stringify({ date: 'Datum', time: 'Uhrzeit', workingTitle: 'Thema', text: 'Beitragstext', channels: 'Kanal', status: 'Status' });

    it('previews the sample Excel plan with a suggested mapping', async () => {
      const response = await upload(editor, '/preview', [{ name: 'file', filename: 'redaktionsplan-beispiel.xlsx', content: fixture('redaktionsplan-beispiel.xlsx') }]);
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        columns: ['Datum', 'Uhrzeit', 'Thema', 'Beitragstext', 'Kanal', 'Status'],
        suggestedMapping: { date: 'Datum', time: 'Uhrzeit', workingTitle: 'Thema', text: 'Beitragstext', channels: 'Kanal', status: 'Status' },
        totalRows: 11,
        sheetName: 'Redaktionsplan Winter',
      });
      const rows = (response.json() as { rows: string[][] }).rows;
      expect(rows).toHaveLength(11);
      expect(rows[0]!.slice(0, 3)).toEqual(['01.12.2026', '10:00', 'Adventskalender Tür 1: Stadtbibliothek']);
    });

    it('imports nothing when one row is invalid in all-or-nothing mode, and names the row and column', async () => {
      const before = await postCount(orgA);
      const csv = Buffer.from(
        '\uFEFFDatum;Uhrzeit;Thema;Kanal;Status\n' +
          '07.01.2027;09:00;Neujahrsempfang;Facebook Stadt Musterstadt;Entwurf\n' +
          '08.01.2027;10:00;Glatteis-Warnung;TikTok Stadt;Entwurf\n' +
          '09.01.2027;;Müllabfuhr verschoben;facebook stadt musterstadt;Idee\n',
      );
      const response = await upload(editor, '', [
        { name: 'file', filename: 'plan.csv', content: csv },
        { name: 'mapping', value: JSON.stringify({ date: 'Datum', time: 'Uhrzeit', workingTitle: 'Thema', channels: 'Kanal', status: 'Status' }) },
        { name: 'mode', value: 'all-or-nothing' },
      ]);
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 422,
        detail: '1 von 3 Zeilen enthalten Fehler. Es wurde nichts importiert.',
        rowErrors: [{ row: 3, column: 'Kanal', message: 'Den Kanal „TikTok Stadt“ gibt es in dieser Behörde nicht.' }],
      });
      expect(await postCount(orgA)).toBe(before);

      const skipping = await upload(editor, '', [
        { name: 'mode', value: 'skip-invalid' },
        { name: 'mapping', value: JSON.stringify({ date: 'Datum', time: 'Uhrzeit', workingTitle: 'Thema', channels: 'Kanal', status: 'Status' }) },
        { name: 'file', filename: 'plan.csv', content: csv },
      ]);
      expect(skipping.status).toBe(200);
      expect(skipping.json()).toEqual({ created: 2, skipped: 1, rowErrors: [{ row: 3, column: 'Kanal', message: 'Den Kanal „TikTok Stadt“ gibt es in dieser Behörde nicht.' }] });
      expect(await postCount(orgA)).toBe(before + 2);
      const [imported] = await app.owner.query(`SELECT id, status, planned_at, planned_date FROM posts WHERE organization_id = $1 AND working_title = 'Neujahrsempfang'`, [orgA]);
      expect(imported).toMatchObject({ status: 'draft', planned_date: null });
      expect(new Date(imported.planned_at).toISOString()).toBe('2027-01-07T08:00:00.000Z');
      const versions = await app.owner.query('SELECT version FROM post_versions WHERE post_id = $1', [imported.id]);
      expect(versions).toEqual([{ version: 1 }]);
      const audit = await app.owner.query(`SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'plan.imported'`, [orgA]);
      expect(audit.map((a: { details: unknown }) => a.details)).toEqual([{ created: 2, skipped: 1, format: 'csv', mode: 'skip-invalid' }]);
    });

    it('imports the sample Excel plan completely', async () => {
      const before = await postCount(orgA);
      const response = await upload(editor, '', [
        { name: 'file', filename: 'redaktionsplan-beispiel.xlsx', content: fixture('redaktionsplan-beispiel.xlsx') },
        { name: 'mapping', value: sampleMapping },
      ]);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ created: 11, skipped: 0, rowErrors: [] });
      expect(await postCount(orgA)).toBe(before + 11);
      const december = await editor.get<Array<{ workingTitle: string; variants: Array<{ channelId: string }>; planning: { kind: string; at?: string } }>>(
        `/api/orgs/${orgA}/posts?from=2026-12-01T00:00:00%2B01:00&to=2026-12-02T00:00:00%2B01:00`,
      );
      const advent = december.body.find((p) => p.workingTitle === 'Adventskalender Tür 1: Stadtbibliothek');
      expect(advent).toMatchObject({ planning: { kind: 'time', at: '2026-12-01T09:00:00.000Z' } });
      expect(advent!.variants.map((v) => v.channelId)).toEqual([facebook, instagram]);
    });

    it('imports the CSV variant of the sample plan as well', async () => {
      const response = await upload(editor, '', [
        { name: 'file', filename: 'redaktionsplan-beispiel.csv', content: fixture('redaktionsplan-beispiel.csv') },
        { name: 'mapping', value: sampleMapping },
      ]);
      expect(response.json()).toEqual({ created: 11, skipped: 0, rowErrors: [] });
    });

    it('lets only planners import', async () => {
      const file = { name: 'file', filename: 'redaktionsplan-beispiel.csv', content: fixture('redaktionsplan-beispiel.csv') };
      expect((await upload(viewer, '/preview', [file])).status).toBe(403);
      expect((await upload(viewer, '', [file, { name: 'mapping', value: sampleMapping }])).status).toBe(403);
      expect((await upload(await app.as('fachbereich@musterstadt.example'), '', [file, { name: 'mapping', value: sampleMapping }])).status).toBe(403);
    });

    it('refuses a file that only pretends to be Excel, with a German message', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const response = await upload(editor, '/preview', [{ name: 'file', filename: 'redaktionsplan.xlsx', content: png }]);
      expect(response.status).toBe(415);
      expect((response.json() as { detail: string }).detail).toContain('weder eine Excel-Arbeitsmappe');
    });

    it('asks for a mapping of the required fields and for existing columns', async () => {
      const file = { name: 'file', filename: 'plan.csv', content: fixture('redaktionsplan-beispiel.csv') };
      const missing = await upload(editor, '', [file]);
      expect(missing.status).toBe(400);
      const wrong = await upload(editor, '', [file, { name: 'mapping', value: JSON.stringify({ date: 'Datum', workingTitle: 'Titel' }) }]);
      expect(wrong.status).toBe(400);
      expect(wrong.json()).toMatchObject({ errors: [{ path: 'mapping.workingTitle', message: 'Die Spalte „Titel“ gibt es in der Datei nicht' }] });
      const notMultipart = await editor.post(`/api/orgs/${orgA}/plan-import/preview`, { file: 'x' });
      expect(notMultipart.status).toBe(415);
    });
  });
});
