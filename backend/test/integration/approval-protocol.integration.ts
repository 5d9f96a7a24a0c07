import { CSRF_COOKIE, SESSION_COOKIE } from '@amtsplan/contracts';
import { inflateSync } from 'node:zlib';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

interface Request {
  id: string;
  contentHash: string;
  post: { version: number };
}

/**
 * The text a PDF shows, from its (Flate-compressed) content streams: the hex strings pdfkit
 * writes for the standard fonts, in WinAnsi, one line per text object.
 */
/** WinAnsi's 0x80–0x9F (Node's TextDecoder without full ICU reads them as Latin-1 control characters). */
const WIN_ANSI_HIGH: Record<number, string> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((char, i) => [0x80 + i, char]),
);
const winAnsi = { decode: (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('') };

function pdfTextOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const block of content.split(/\bET\b/)) {
      const hex = [...block.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1]).join('');
      if (hex) lines.push(winAnsi.decode(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

describe('Freigabeprotokoll as PDF (real PostgreSQL)', () => {
  let app: TestApp;
  let orgId: string;
  let redaktion: ApiClient;
  let leitung: ApiClient;
  let lesen: ApiClient;
  let mastodon: string;

  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  async function download(client: ApiClient, path: string) {
    if (!client.cookie(CSRF_COOKIE)) await client.get('/api/auth/csrf');
    const cookie = [SESSION_COOKIE, CSRF_COOKIE].filter((name) => client.cookie(name)).map((name) => `${name}=${client.cookie(name)}`).join('; ');
    const response = await app.api.inject({ method: 'GET', url: path, headers: { cookie }, remoteAddress: client.ip });
    return { status: response.statusCode, headers: response.headers, raw: response.rawPayload, text: response.body };
  }

  beforeAll(async () => {
    app = await startTestApp('approvalprotocol', 12);
    orgId = await app.organizationId('Stadt Musterstadt');
    [redaktion, leitung, lesen] = await Promise.all(['redaktion', 'leitung', 'lesen'].map((name) => app.as(`${name}@musterstadt.example`)));
    mastodon = (await redaktion.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' })).body.id;
  });
  afterAll(() => app.close());

  it('exports every request of the post: content as approved, hash, route, decisions, voids and publish attempts', async () => {
    const created = await redaktion.post<{ id: string; version: number }>(url('/posts'), {
      workingTitle: 'Stadtfest-Ankündigung',
      text: 'Stadtfest am Marktplatz: Grüße an alle!',
      variants: [{ channelId: mastodon, text: null }],
    });
    const postId = created.body.id;
    const first = await redaktion.post<Request>(url(`/posts/${postId}/submit`), { version: created.body.version });
    expect(first.status).toBe(201);
    // The first round is voided by an edit; the second one is approved.
    const edited = await redaktion.patch<{ version: number }>(url(`/posts/${postId}`), { version: first.body.post.version, text: 'Stadtfest am Marktplatz: Samstag ab 14 Uhr 🎉' });
    expect(edited.status).toBe(200);
    const second = await redaktion.post<Request>(url(`/posts/${postId}/submit`), { version: edited.body.version });
    expect(second.status).toBe(201);
    const decided = await leitung.post(url(`/approval-requests/${second.body.id}/decisions`), { decision: 'approve', stepIndex: 1, contentHash: second.body.contentHash, comment: 'Passt, danke.' });
    expect(decided.status).toBe(201);
    const [publication] = await app.owner.query(
      `INSERT INTO publications (organization_id, post_id, channel_id, approval_request_id, content_hash, post_version, adapter, status, url)
       VALUES ($1, $2, $3, $4, $5, 1, 'mastodon', 'published', 'https://social.example/@stadt/4711') RETURNING id`,
      [orgId, postId, mastodon, second.body.id, second.body.contentHash],
    );
    await app.owner.query(
      `INSERT INTO publish_attempts (organization_id, publication_id, post_id, post_version, channel_id, content_hash, attempt_no, idempotency_key, started_at, finished_at, outcome, url)
       VALUES ($1, $2, $3, 1, $4, $5, 1, 'k-1', now(), now(), 'published', 'https://social.example/@stadt/4711')`,
      [orgId, publication.id, postId, mastodon, second.body.contentHash],
    );

    const response = await download(lesen, url(`/posts/${postId}/approval-protocol.pdf`));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="freigabeprotokoll-stadtfest-ankuendigung-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(response.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = pdfTextOf(response.raw);
    const [leitungName] = (await app.owner.query(`SELECT display_name FROM users WHERE email = 'leitung@musterstadt.example'`)).map((r: { display_name: string }) => r.display_name);
    const [lesenName] = (await app.owner.query(`SELECT display_name FROM users WHERE email = 'lesen@musterstadt.example'`)).map((r: { display_name: string }) => r.display_name);
    expect(text).toContain('Freigabeprotokoll (Aktenvermerk)');
    // The approved text exactly, the emoji named by its code point; the first round's text as submitted.
    expect(text).toContain('Stadtfest am Marktplatz: Samstag ab 14 Uhr [U+1F389]');
    expect(text).toContain('Stadtfest am Marktplatz: Grüße an alle!');
    expect(text).toContain(second.body.contentHash);
    expect(text).toContain(first.body.contentHash);
    expect(text).toContain(`Freigegeben (Schritt 2 „Leitung“)\nvon ${leitungName}, Rolle „Leitung (Freigabe)“`);
    expect(text).toContain('Kommentar: Passt, danke.');
    expect(text).toContain('Redaktion -> Leitung');
    expect(text).toMatch(/Text für Kanal Mastodon Stadt geändert/);
    expect(text).toContain('Versuch 1: Veröffentlicht');
    expect(text).toContain('https://social.example/@stadt/4711');
    expect(text).toMatch(new RegExp(`\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2} Uhr von ${lesenName}, Rolle „Lesezugriff“`));
    expect(text.indexOf(second.body.contentHash)).toBeLessThan(text.indexOf(first.body.contentHash));

    const audit = await app.owner.query(`SELECT actor_user_id, details FROM audit_events WHERE action = 'approval.protocol_exported' AND object_id = $1`, [postId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ requestIds: [second.body.id, first.body.id], contentHashes: [second.body.contentHash, first.body.contentHash] });
  });

  it('answers 404 for a post never submitted and for an unknown post, and writes no audit event', async () => {
    const draft = await redaktion.post<{ id: string }>(url('/posts'), { workingTitle: 'Nur Entwurf', text: 'Noch nicht fertig', variants: [{ channelId: mastodon, text: null }] });
    const never = await download(lesen, url(`/posts/${draft.body.id}/approval-protocol.pdf`));
    expect(never.status).toBe(404);
    expect(never.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(never.text).detail).toContain('noch nicht zur Freigabe eingereicht');
    expect((await download(lesen, url('/posts/00000000-0000-4000-8000-000000000000/approval-protocol.pdf'))).status).toBe(404);
    expect(await app.owner.query(`SELECT 1 FROM audit_events WHERE action = 'approval.protocol_exported' AND object_id = $1`, [draft.body.id])).toEqual([]);
  });
});
