import type { Job, Queue } from 'bullmq';
import { JobQueue } from '../../src/queues/job-queue';
import { QueueName } from '../../src/queues/queue-registry';
import { textBlockReminderJobId } from '../../src/text-blocks/text-block-reminder-jobs';
import { TextBlockReminderSweep } from '../../src/text-blocks/text-block-reminder-sweep';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/wait';

interface Version {
  id: string;
  number: number;
  title: string;
  status: string;
  approvalRequestId: string | null;
}
interface Block {
  id: string;
  shortCode: string;
  status: string;
  version: number;
  latest: Version;
  approved: Version | null;
  usageCount: number;
  lastUsedAt: string | null;
}
interface Hit {
  id: string;
  shortCode: string;
  title: string;
  versionId: string;
  versionNumber: number;
  status: string;
}
interface Request {
  id: string;
  subjectType: string;
  status: string;
  contentHash: string;
  postId: string | null;
  content: unknown;
  textBlock: { textBlockId: string; versionId: string; versionNumber: number; content: { title: string; body: { sie: string | null } } } | null;
  steps: Array<{ name: string; status: string }>;
  currentStepIndex: number | null;
  myDecision: { allowed: boolean; reason: string | null };
}
/** The full view of a block, as GET /text-blocks/:id answers it. */
interface TextBlockView {
  id: string;
  shortCode: string;
  status: string;
  owner: { id: string; displayName: string };
  tags: string[];
  validUntil: string | null;
  reviewOn: string | null;
  usageCount: number;
  lastUsedAt: string | null;
  latest: FullVersion;
  approved: FullVersion | null;
}
interface FullVersion {
  id: string;
  number: number;
  title: string;
  body: { sie: string | null; du: string | null };
  category: { id: string; name: string };
  platforms: string[];
}

/** The search hit the view of a block implies when the hit shows `version` (TextBlockHit's fields in order). */
function hitOf(view: TextBlockView, version: FullVersion) {
  return {
    id: view.id,
    shortCode: view.shortCode,
    status: view.status,
    tags: view.tags,
    usageCount: view.usageCount,
    lastUsedAt: view.lastUsedAt,
    validUntil: view.validUntil,
    reviewOn: view.reviewOn,
    owner: view.owner,
    versionId: version.id,
    versionNumber: version.number,
    title: version.title,
    body: version.body,
    category: version.category,
    platforms: version.platforms,
  };
}
interface Problem {
  status: number;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

describe('Textbausteine: search, versions through the Freigabe, four-eyes, CSV and reminders', () => {
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let editor: ApiClient;
  let leitung: ApiClient;
  let community: ApiClient;
  const categories = new Map<string, string>();
  const url = (path: string) => `/api/orgs/${orgId}${path}`;

  const create = async (client: ApiClient, body: Record<string, unknown>): Promise<Block> => {
    const created = await client.post<Block & Problem>(url('/text-blocks'), { categoryId: categories.get('Abfall'), ...body });
    expect(created.status).toBe(201);
    return created.body;
  };
  const submit = (client: ApiClient, block: Pick<Block, 'id' | 'version'>) => client.post<Request & Problem>(url(`/text-blocks/${block.id}/submit`), { version: block.version });
  const decide = (client: ApiClient, request: Pick<Request, 'id' | 'contentHash'>, stepIndex: number, decision = 'approve') =>
    client.post<Request & Problem>(url(`/approval-requests/${request.id}/decisions`), { decision, stepIndex, contentHash: request.contentHash });
  const get = async (id: string) => (await editor.get<Block>(url(`/text-blocks/${id}`))).body;
  const search = async (q: string, options: Record<string, string> = {}) =>
    (await editor.get<Hit[]>(url(`/text-blocks?${new URLSearchParams({ q, ...options }).toString()}`))).body;
  /** Submitted by the Redaktion (its own step is skipped), approved by the Leitung. */
  const approve = async (block: Block): Promise<Block> => {
    const submitted = await submit(editor, block);
    expect(submitted.status).toBe(201);
    const decided = await decide(leitung, submitted.body, submitted.body.currentStepIndex!);
    expect(decided.status).toBe(201);
    expect(decided.body.status).toBe('approved');
    return get(block.id);
  };

  beforeAll(async () => {
    app = await startTestApp('textblocks', 3);
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, editor, leitung, community] = await Promise.all(['admin', 'redaktion', 'leitung', 'community'].map((name) => app.as(`${name}@musterstadt.example`)));
    for (const c of (await editor.get<Array<{ id: string; name: string }>>(url('/text-block-categories'))).body) categories.set(c.name, c.id);
    // Migrating a fresh database takes long on a shared machine.
  }, 120_000);
  afterAll(() => app.close());

  it('seeds the twelve categories and the settings for every organization', () => {
    expect([...categories.keys()]).toEqual([
      'Öffnungszeiten',
      'Termine/Bürgerbüro',
      'Abfall',
      'Baustellen & Verkehr',
      'Kita & Schule',
      'Stellenangebote',
      'Veranstaltungen',
      'Datenschutz',
      'Netiquette-Hinweis',
      'Hass & Beleidigung',
      'Weiterleitung an Fachbereich',
      'Krisen-Haltungsstatement',
    ]);
  });

  describe('search', () => {
    beforeAll(async () => {
      await create(editor, { shortCode: 'sperr', title: 'Glascontainer', body: { sie: 'Die Container stehen am Markt.', du: null } });
      await create(editor, { shortCode: 'abholung', title: 'Sperrmüll anmelden', body: { sie: 'Bitte online anmelden.', du: null } });
      await create(editor, { shortCode: 'tonne', title: 'Biotonne', body: { sie: 'Sperrmüll gehört nicht in die Biotonne.', du: null } });
      await create(editor, { shortCode: 'sperrzeiten', title: 'Ruhezeiten', body: { sie: 'Keine Arbeiten am Sonntag.', du: null } });
    });

    it('ranks the exact short code first, then short-code prefixes, then title hits before body hits', async () => {
      expect((await search('sperr')).map((h) => h.shortCode)).toEqual(['sperr', 'sperrzeiten', 'abholung', 'tonne']);
    });

    it('matches word prefixes with German stemming', async () => {
      expect((await search('Sperrm')).map((h) => h.shortCode)).toEqual(['abholung', 'tonne']);
      expect((await search('containern')).map((h) => h.shortCode)).toEqual(['sperr']);
      expect((await search('anmeld onl')).map((h) => h.shortCode)).toEqual(['abholung']);
    });

    it('filters by category and address form, and treats tsquery characters as text', async () => {
      await create(editor, { shortCode: 'kita-du', title: 'Kita-Anmeldung', categoryId: categories.get('Kita & Schule'), body: { sie: null, du: 'Melde dich an.' } });
      expect((await search('', { categoryId: categories.get('Kita & Schule')! })).map((h) => h.shortCode)).toEqual(['kita-du']);
      expect((await search('kita', { addressForm: 'sie' })).map((h) => h.shortCode)).toEqual([]);
      expect((await search("a:* | !b & 'c")).length).toBeGreaterThanOrEqual(0);
    });
  });

  describe('picker search (tiers, decision 0016)', () => {
    const picker = async (q: string, options: Record<string, string> = {}) => (await search(q, { for: 'picker', ...options })).map((h) => h.shortCode);

    beforeAll(async () => {
      const blocks = [
        { shortCode: 'zebra-nord', title: 'Ampel Nord', body: { sie: 'Grüne Welle.', du: null } },
        { shortCode: 'zebra', title: 'Fußgängerüberweg', body: { sie: 'Am Schulweg.', du: null } },
        { shortCode: 'markierung', title: 'Markierung', body: { sie: 'Der Zebrastreifen wird erneuert.', du: null } },
        { shortCode: 'weg', title: 'Zebrastreifen am Schulweg', body: { sie: 'Neu markiert.', du: null } },
        { shortCode: 'ampel', title: 'Ampelschaltung', body: { sie: 'Nachts aus.', du: null } },
      ];
      for (const block of blocks) await approve(await create(editor, block));
      // A draft is never offered, whatever it matches.
      await create(editor, { shortCode: 'zebra-entwurf', title: 'Zebrastreifen Entwurf', body: { sie: 'Zebra', du: null } });
    });

    it('offers the exact short code, then short codes beginning with the text in code order, then title hits before body hits', async () => {
      expect(await picker('zebra')).toEqual(['zebra', 'zebra-nord', 'weg', 'markierung']);
      expect(await picker('Zebra', { limit: '2' })).toEqual(['zebra', 'zebra-nord']);
      expect(await picker('zebra', { limit: '3' })).toEqual(['zebra', 'zebra-nord', 'weg']);
    });

    it('matches one or two characters only against the beginning of short codes and titles', async () => {
      expect(await picker('ze')).toEqual(['zebra', 'zebra-nord', 'weg']);
      expect(await picker('am')).toEqual(['ampel', 'zebra-nord']);
      expect(await picker('fu')).toEqual(['zebra']);
      // "Schulweg" is a word of a title and of a body, but no short code or title begins with "sc".
      expect(await picker('sc')).toEqual([]);
    });

    it('answers the same once PostgreSQL plans the prepared statement generically (after five runs per connection)', async () => {
      const expected: Array<[string, string[]]> = [
        ['zebra', ['zebra', 'zebra-nord', 'weg', 'markierung']],
        ['ampel', ['ampel', 'zebra-nord']],
        ['zebrastr', ['weg', 'markierung']],
        ['fußg', ['zebra']],
        ['ze', ['zebra', 'zebra-nord', 'weg']],
        ['am', ['ampel', 'zebra-nord']],
      ];
      // Enough rounds for every pooled connection to pass its fifth execution of each shape.
      for (let round = 0; round < 12; round++) {
        for (const [q, codes] of expected) expect([q, await picker(q)]).toEqual([q, codes]);
      }
    });

    it('applies the filters within every tier', async () => {
      expect(await picker('zebra', { addressForm: 'du' })).toEqual([]);
      expect(await picker('zebra', { categoryId: categories.get('Kita & Schule')! })).toEqual([]);
      expect(await picker('zebra', { addressForm: 'sie', categoryId: categories.get('Abfall')! })).toEqual(['zebra', 'zebra-nord', 'weg', 'markierung']);
    });

    it('finds blocks whose approved version was written after the block (demo data, imports)', async () => {
      const [block] = await app.owner.query(`SELECT b.id, b.organization_id, b.owner_user_id, v.category_id FROM text_blocks b JOIN text_block_versions v ON v.id = b.approved_version_id WHERE b.short_code = 'zebra'`);
      await app.owner.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO text_blocks (id, organization_id, short_code, owner_user_id, latest_version_id, approved_version_id, created_by_user_id)
           VALUES ('00000000-0000-4000-8000-00000000ab01', $1, 'nachgereicht', $2, '00000000-0000-4000-8000-00000000ab02', '00000000-0000-4000-8000-00000000ab02', $2)`,
          [block.organization_id, block.owner_user_id],
        );
        await manager.query(
          `INSERT INTO text_block_versions (id, organization_id, text_block_id, number, title, body_sie, category_id, status, submitted, author_user_id)
           VALUES ('00000000-0000-4000-8000-00000000ab02', $1, '00000000-0000-4000-8000-00000000ab01', 1, 'Nachgereichte Zebrastreifen', 'Text', $2, 'approved', true, $3)`,
          [block.organization_id, block.category_id, block.owner_user_id],
        );
      });
      expect(await picker('nachg')).toEqual(['nachgereicht']);
      expect(await picker('zebra')).toEqual(['zebra', 'zebra-nord', 'weg', 'nachgereicht', 'markierung']);
    });

    it("never offers another authority's block, though the picker reads through a view past row-level security", async () => {
      const other = await app.organizationId('Landkreis Beispiel');
      const [{ id: categoryId }] = await app.owner.query(`SELECT id FROM text_block_categories WHERE organization_id = $1 LIMIT 1`, [other]);
      const [{ user_id: userId }] = await app.owner.query(`SELECT user_id FROM memberships WHERE organization_id = $1 LIMIT 1`, [other]);
      await app.owner.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO text_blocks (id, organization_id, short_code, owner_user_id, latest_version_id, approved_version_id, created_by_user_id)
           VALUES ('00000000-0000-4000-8000-00000000ac01', $1, 'zebra-landkreis', $2, '00000000-0000-4000-8000-00000000ac02', '00000000-0000-4000-8000-00000000ac02', $2)`,
          [other, userId],
        );
        await manager.query(
          `INSERT INTO text_block_versions (id, organization_id, text_block_id, number, title, body_sie, category_id, status, submitted, author_user_id)
           VALUES ('00000000-0000-4000-8000-00000000ac02', $1, '00000000-0000-4000-8000-00000000ac01', 1, 'Zebrastreifen im Landkreis', 'Zebra', $2, 'approved', true, $3)`,
          [other, categoryId, userId],
        );
      });
      expect(await picker('zebra')).toEqual(['zebra', 'zebra-nord', 'weg', 'nachgereicht', 'markierung']);
      expect(await picker('zebra-l')).toEqual([]);
      expect(await picker('')).not.toContain('zebra-landkreis');
    });
  });

  describe('versions and the Freigabe', () => {
    it('keeps the approved version insertable while a newer one is in approval, and never offers an unapproved one', async () => {
      let block = await create(editor, { shortCode: 'oeffnung', title: 'Öffnungszeiten Rathaus', categoryId: categories.get('Öffnungszeiten'), body: { sie: 'Mo–Fr 8–12 Uhr.', du: null } });
      expect(await search('oeffnung', { for: 'picker' })).toEqual([]);

      const submitted = await submit(editor, block);
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({ subjectType: 'text_block', postId: null, content: null, status: 'pending' });
      expect(submitted.body.textBlock).toMatchObject({ textBlockId: block.id, versionNumber: 1, content: { title: 'Öffnungszeiten Rathaus', body: { sie: 'Mo–Fr 8–12 Uhr.' } } });
      expect(await search('oeffnung', { for: 'picker' })).toEqual([]);
      expect((await get(block.id)).status).toBe('in_approval');

      const decided = await decide(leitung, submitted.body, submitted.body.currentStepIndex!);
      expect(decided.body.status).toBe('approved');
      block = await get(block.id);
      expect(block.status).toBe('approved');
      expect(block.approved?.number).toBe(1);
      const [offered] = await search('oeffnung', { for: 'picker' });
      expect(offered).toMatchObject({ versionNumber: 1, title: 'Öffnungszeiten Rathaus' });

      const edited = await editor.patch<Block>(url(`/text-blocks/${block.id}`), { version: block.version, title: 'Öffnungszeiten Rathaus (neu)', body: { sie: 'Mo–Fr 8–13 Uhr.', du: null } });
      expect(edited.status).toBe(200);
      expect(edited.body.latest.number).toBe(2);
      expect(edited.body.status).toBe('approved_new_draft');
      const second = await submit(editor, edited.body);
      expect(second.status).toBe(201);
      expect((await get(block.id)).status).toBe('approved_new_in_approval');
      const picked = await search('oeffnung', { for: 'picker' });
      expect(picked.map((h) => [h.versionNumber, h.title])).toEqual([[1, 'Öffnungszeiten Rathaus']]);
      expect(picked[0]!.status).toBe('approved_new_in_approval');

      // Use of the approved version counts; a version in approval cannot be used.
      expect((await community.post<Problem>(url(`/text-blocks/${block.id}/uses`), { versionId: edited.body.latest.id })).status).toBe(422);
      const used = await community.post<Block>(url(`/text-blocks/${block.id}/uses`), { versionId: offered!.versionId });
      expect(used.status).toBe(201);
      expect(used.body.usageCount).toBe(1);
      expect(used.body.lastUsedAt).not.toBeNull();
      // A hit says what the block's view says, field for field and in the contract's order:
      // the picker shows the approved version, the list the latest one.
      const view = (await admin.get<TextBlockView>(url(`/text-blocks/${block.id}`))).body;
      const [pickerHit] = await search('oeffnung', { for: 'picker' });
      expect(JSON.stringify(pickerHit)).toBe(JSON.stringify(hitOf(view, view.approved!)));
      const [listHit] = await search('oeffnung');
      expect(JSON.stringify(listHit)).toBe(JSON.stringify(hitOf(view, view.latest)));

      await decide(leitung, second.body, second.body.currentStepIndex!);
      expect((await search('oeffnung', { for: 'picker' })).map((h) => h.versionNumber)).toEqual([2]);
      expect((await get(block.id)).status).toBe('approved');
    });

    it('shows text block requests in the Freigaben inbox of the Leitung', async () => {
      const block = await create(editor, { shortCode: 'inbox-test', title: 'Posteingang-Test', body: { sie: 'Hallo {{name}}', du: null } });
      const submitted = await submit(editor, block);
      const inbox = await leitung.get<{ waitingForMe: Array<{ requestId: string; subjectType: string; textBlockId: string; workingTitle: string; channelIds: string[] }> }>(url('/approvals/inbox'));
      expect(inbox.body.waitingForMe.find((i) => i.requestId === submitted.body.id)).toEqual(
        expect.objectContaining({ subjectType: 'text_block', textBlockId: block.id, workingTitle: 'Posteingang-Test', channelIds: [] }),
      );
    });

    it('keeps four-eyes: the author cannot approve their own text block', async () => {
      // The admin writes and submits; the route's Redaktion step is skipped for admins, the Leitung step remains.
      const ownByLeitung = await create(admin, { shortCode: 'vier-augen', title: 'Vier Augen', body: { sie: 'Text', du: null }, ownerUserId: undefined });
      const submitted = await submit(admin, ownByLeitung);
      expect(submitted.status).toBe(201);
      // The admin may decide in general, but not on their own text.
      const own = await decide(admin, submitted.body, submitted.body.currentStepIndex!);
      expect(own.status).toBe(403);
      expect((await get(ownByLeitung.id)).status).toBe('in_approval');
      const audit = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'approval.submitted' AND object_id = $1`, [submitted.body.id]);
      expect(audit[0].details).toMatchObject({ subjectType: 'text_block', textBlockId: ownByLeitung.id, contentHash: submitted.body.contentHash });
    });

    it('binds the hash to the content: a stale hash is refused (409)', async () => {
      const block = await create(editor, { shortCode: 'hash', title: 'Hash', body: { sie: 'Text', du: null } });
      const submitted = await submit(editor, block);
      const stale = await decide(leitung, { id: submitted.body.id, contentHash: '0'.repeat(64) }, submitted.body.currentStepIndex!);
      expect(stale.status).toBe(409);
    });

    it('voids a request in approval when a newer version is written', async () => {
      const block = await create(editor, { shortCode: 'ersetzt', title: 'Ersetzt', body: { sie: 'Alt', du: null } });
      const submitted = await submit(editor, block);
      const current = await get(block.id);
      const edited = await editor.patch<Block>(url(`/text-blocks/${block.id}`), { version: current.version, body: { sie: 'Neu', du: null } });
      expect(edited.body.latest.number).toBe(2);
      const request = await leitung.get<Request>(url(`/approval-requests/${submitted.body.id}`));
      expect(request.body.status).toBe('voided');
      expect((await decide(leitung, submitted.body, submitted.body.currentStepIndex!)).status).toBe(409);
    });

    it('answers a stale block version with 409', async () => {
      const block = await create(editor, { shortCode: 'stale', title: 'Stale', body: { sie: 'x', du: null } });
      await editor.patch(url(`/text-blocks/${block.id}`), { version: block.version, tags: ['a'] });
      expect((await editor.patch(url(`/text-blocks/${block.id}`), { version: block.version, tags: ['b'] })).status).toBe(409);
    });

    it('refuses unknown placeholders and taken short codes with field errors', async () => {
      const bad = await editor.post<Problem>(url('/text-blocks'), { shortCode: 'sperr', title: 'X', categoryId: categories.get('Abfall'), body: { sie: '{{fax}}', du: null } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['body.sie', 'shortCode']);
    });

    it('hides expired blocks from the picker', async () => {
      const block = await approve(await create(editor, { shortCode: 'abgelaufen', title: 'Abgelaufen', body: { sie: 'x', du: null }, validUntil: '2020-01-31' }));
      expect(block.status).toBe('expired');
      expect(await search('abgelaufen', { for: 'picker' })).toEqual([]);
      expect((await search('abgelaufen')).map((h) => h.status)).toEqual(['expired']);
    });
  });

  describe('CSV', () => {
    it('round-trips the export and refuses a file with row errors as a whole', async () => {
      const exported = await editor.get<string>(url('/text-blocks/export.csv'));
      expect(exported.status).toBe(200);
      const csv = exported.body;
      expect(csv.split('\n')[0]).toContain('kuerzel,titel,kategorie,text_sie,text_du');
      const countBefore = Number((await app.owner.query('SELECT count(*) AS n FROM text_blocks WHERE organization_id = $1', [orgId]))[0].n);

      const roundTrip = await editor.post<{ created: number; updated: number }>(url('/text-blocks/import'), { csv });
      expect(roundTrip.status).toBe(201);
      expect(roundTrip.body).toEqual({ created: 0, updated: countBefore, errors: [] });

      const file = [
        'kuerzel,titel,kategorie,text_sie,text_du,kanaele,schlagworte,gueltig_ab,gueltig_bis,pruefen_am',
        'neu-1,Neu eins,Abfall,Hallo {{name}},,mastodon|x,müll,,,2030-01-01',
        'NEU 2,,Unbekannt,,,fax,,,2020-13-01,',
      ].join('\n');
      const refused = await editor.post<Problem>(url('/text-blocks/import'), { csv: file });
      expect(refused.status).toBe(400);
      const paths = refused.body.errors!.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['zeile.3.kategorie', 'zeile.3.titel', 'zeile.3.kuerzel', 'zeile.3.kanaele', 'zeile.3.gueltig_bis']));
      expect(paths.some((p) => p.startsWith('zeile.2'))).toBe(false);
      expect(Number((await app.owner.query('SELECT count(*) AS n FROM text_blocks WHERE organization_id = $1', [orgId]))[0].n)).toBe(countBefore);

      const accepted = await editor.post<{ created: number }>(url('/text-blocks/import'), { csv: file.split('\n').slice(0, 2).join('\n') });
      expect(accepted.body).toMatchObject({ created: 1, updated: 0 });
      const [hit] = await search('neu-1');
      expect(hit).toMatchObject({ title: 'Neu eins', status: 'draft' });
    });

    it('loads the starter pack once, in the organization\'s form of address, for admins only', async () => {
      expect((await editor.post(url('/text-blocks/starter-pack'), {})).status).toBe(403);
      const settings = await admin.get<{ version: number }>(url('/text-block-settings'));
      await admin.patch(url('/text-block-settings'), { version: settings.body.version, addressForm: 'du' });
      const loaded = await admin.post<{ created: number; skipped: number }>(url('/text-blocks/starter-pack'), {});
      expect(loaded.status).toBe(201);
      expect(loaded.body.created).toBeGreaterThanOrEqual(12);
      const again = await admin.post<{ created: number }>(url('/text-blocks/starter-pack'), {});
      expect(again.body.created).toBe(0);
      const [kita] = await search('kita', { addressForm: 'du' });
      expect(kita).toBeDefined();
      const block = await get(kita!.id);
      expect(block.latest.title).toBeDefined();
    });
  });

  describe('reminders (real Redis and worker)', () => {
    const queue = (): Queue => app.worker!.get(JobQueue, { strict: false }).queue(QueueName.Reminders);

    beforeAll(async () => {
      await app.startWorker();
    });

    it('notifies the owner on the review date, once, and the sweep re-creates a lost job', async () => {
      const block = await create(editor, { shortCode: 'pruefen', title: 'Prüfen bitte', body: { sie: 'x', du: null }, reviewOn: '2031-03-01' });
      const id = textBlockReminderJobId(block.id, 'review_due', '2031-03-01');
      let job: Job | undefined;
      await until(async () => (job = await queue().getJob(id)) !== undefined);
      expect(await job!.getState()).toBe('delayed');
      await job!.remove();
      expect(await queue().getJob(id)).toBeUndefined();

      expect(await app.worker!.get(TextBlockReminderSweep, { strict: false }).run()).toBeGreaterThanOrEqual(1);
      const recreated = await queue().getJob(id);
      expect(recreated).toBeDefined();
      await recreated!.promote();
      await until(async () => (await recreated!.getState()) === 'completed');
      const rows = await app.owner.query(`SELECT n.kind, n.title, n.link FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE u.email = 'redaktion@musterstadt.example' AND n.kind = 'text_block_due' AND n.link LIKE $1`, [`%${block.id}`]);
      expect(rows).toEqual([{ kind: 'text_block_due', title: 'Textbaustein prüfen: Prüfen bitte', link: `/o/${orgId}/textbausteine/${block.id}` }]);
      expect(await app.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'text_block.reminder_sent' AND object_id = $1`, [block.id])).toEqual([{ n: 1 }]);
      // The block that expired in 2020 (above) got no job: a day long past is not reminded of.
      const expired = await app.owner.query(`SELECT id FROM text_blocks WHERE short_code = 'abgelaufen'`);
      expect(await queue().getJob(textBlockReminderJobId(expired[0].id, 'validity_ends', '2020-01-31'))).toBeUndefined();
    });

    it('does nothing when the date was changed after the job was added', async () => {
      const block = await create(editor, { shortCode: 'verschoben', title: 'Verschoben', body: { sie: 'x', du: null }, validUntil: '2031-06-30' });
      const id = textBlockReminderJobId(block.id, 'validity_ends', '2031-06-30');
      let job: Job | undefined;
      await until(async () => (job = await queue().getJob(id)) !== undefined);
      await editor.patch(url(`/text-blocks/${block.id}`), { version: block.version, validUntil: '2031-12-31' });
      await job!.promote();
      await until(async () => (await job!.getState()) === 'completed');
      expect(await app.owner.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'text_block_due' AND link LIKE $1`, [`%${block.id}`])).toEqual([{ n: 0 }]);
      expect(await queue().getJob(textBlockReminderJobId(block.id, 'validity_ends', '2031-12-31'))).toBeDefined();
    });
  });
});
