import { CSRF_COOKIE, CSRF_HEADER, ProblemType, SESSION_COOKIE } from '@amtsplan/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

/** Small on purpose: the size refusal needs only a little more than this. */
const MAX_BYTES = 512 * 1024;

interface Media {
  id: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  altText: string;
  position: number;
  version: number;
  url: string;
}

interface Post {
  id: string;
  version: number;
  media: Media[];
}

interface Problem {
  type: string;
  status: number;
  title: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

type Part = { name: string; value: string } | { name: string; filename: string; contentType: string; data: Buffer };

/** A multipart/form-data body as a browser's FormData would send it. */
function multipart(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----amtsplan-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`));
      chunks.push(part.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = 0xffffffff;
  for (const byte of body) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, checksum]);
}

/** A valid PNG of a few hundred bytes whose header claims 20 000 × 20 000 pixels (400 megapixels). */
function decompressionBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(20_000, 0);
  header.writeUInt32BE(20_000, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(60_001 * 4))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const solid = (width: number, height: number, color: string) => sharp({ create: { width, height, channels: 3, background: color } });

/** A photo as a phone writes it: camera, GPS position and a rotation tag in EXIF. */
async function phonePhoto(): Promise<Buffer> {
  return solid(40, 20, '#336699')
    .jpeg()
    .withExif({
      IFD0: { Make: 'Kamerahersteller', Model: 'Diensthandy' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 28/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map((color) => solid(30, 10, color).png().toBuffer()));
  return sharp(frames, { join: { animated: true } }).gif({ delay: [100, 200, 300], loop: 0 }).toBuffer();
}

describe('Bilder an Beiträgen (upload, Prüfung, Auslieferung)', () => {
  let app: TestApp;
  let orgId: string;
  let editor: ApiClient;
  let postId: string;

  const mediaDirectory = () => join(app.config.mediaDir, orgId);
  const storedFiles = () => (existsSync(mediaDirectory()) ? readdirSync(mediaDirectory()).sort() : []);
  const mediaRows = async (post: string): Promise<number> => {
    const [{ n }] = await app.owner.query('SELECT count(*)::int AS n FROM post_media WHERE post_id = $1', [post]);
    return n;
  };

  /** Like the browser: session cookie, CSRF cookie and header; the body is sent as bytes. */
  async function send(client: ApiClient, method: 'GET' | 'POST', url: string, body?: { payload: Buffer; contentType: string }) {
    const cookie = [SESSION_COOKIE, CSRF_COOKIE]
      .filter((name) => client.cookie(name) !== undefined)
      .map((name) => `${name}=${client.cookie(name)}`)
      .join('; ');
    const headers: Record<string, string> = { cookie, [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' };
    if (body) headers['content-type'] = body.contentType;
    return app.api.inject({ method, url, headers, payload: body?.payload, remoteAddress: client.ip });
  }

  async function upload(client: ApiClient, post: string, parts: readonly Part[]) {
    const response = await send(client, 'POST', `/api/orgs/${orgId}/posts/${post}/media`, multipart(parts));
    return { status: response.statusCode, body: response.json<Post & Problem>(), headers: response.headers };
  }

  const image = (data: Buffer, filename = 'bild.jpg', contentType = 'image/jpeg', altText = 'Rathaus mit Blumenschmuck, Blick über den Marktplatz'): Part[] => [
    { name: 'altText', value: altText },
    { name: 'file', filename, contentType, data },
  ];

  async function newPost(client: ApiClient, workingTitle: string): Promise<Post> {
    const created = await client.post<Post>(`/api/orgs/${orgId}/posts`, { workingTitle });
    expect(created.status).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    app = await startTestApp('media', 10, { mediaMaxBytes: MAX_BYTES });
    orgId = await app.organizationId('Stadt Musterstadt');
    editor = await app.as('redaktion@musterstadt.example');
    postId = (await newPost(editor, 'Stadtfest mit Bildern')).id;
  });
  afterAll(() => app.close());

  it('accepts JPEG, PNG, WebP and GIF by their content, whatever their name says', async () => {
    const uploads = [
      { data: await solid(64, 48, '#aa3366').jpeg().toBuffer(), contentType: 'image/jpeg', ext: 'jpg', size: [64, 48] },
      { data: await solid(32, 32, '#00ff00').png().toBuffer(), contentType: 'image/png', ext: 'png', size: [32, 32] },
      { data: await solid(50, 20, '#123456').webp().toBuffer(), contentType: 'image/webp', ext: 'webp', size: [50, 20] },
      { data: await animatedGif(), contentType: 'image/gif', ext: 'gif', size: [30, 10] },
    ];
    let post: Post | undefined;
    for (const item of uploads) {
      // The declared type and the name are wrong on purpose: only the content counts.
      const response = await upload(editor, postId, image(item.data, 'C:\\Users\\rita\\..\\..\\etc\\passwd.txt', 'application/octet-stream'));
      expect(response.status).toBe(201);
      post = response.body;
    }
    expect(post!.media.map((m) => [m.contentType, m.width, m.height, m.position])).toEqual(
      uploads.map((u, position) => [u.contentType, u.size[0], u.size[1], position]),
    );
    expect(post!.media[0]).toMatchObject({ altText: 'Rathaus mit Blumenschmuck, Blick über den Marktplatz', version: 1 });
    expect(post!.media[0]!.url).toBe(`/api/orgs/${orgId}/posts/${postId}/media/${post!.media[0]!.id}/file`);

    const rows: Array<{ storage_key: string; byte_size: number; content_type: string }> = await app.owner.query(
      'SELECT storage_key, byte_size, content_type FROM post_media WHERE post_id = $1 ORDER BY position',
      [postId],
    );
    rows.forEach((row, i) => {
      // Server-chosen random names under the organization's directory; nothing of the client's name.
      expect(row.storage_key).toMatch(new RegExp(`^[0-9a-f-]{36}\\.${uploads[i]!.ext}$`));
      expect(readFileSync(join(mediaDirectory(), row.storage_key)).length).toBe(row.byte_size);
    });
    expect(storedFiles()).toEqual(rows.map((r) => r.storage_key).sort());

    // The animation survives re-encoding, frame timing included.
    const gif = await sharp(join(mediaDirectory(), rows[3]!.storage_key), { animated: true }).metadata();
    expect(gif).toMatchObject({ format: 'gif', pages: 3, pageHeight: 10, delay: [100, 200, 300] });
  });

  it('strips EXIF with the GPS position and turns the photo upright', async () => {
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    expect(before.exif?.toString('latin1')).toContain('Kamerahersteller');

    const { body: post } = await newPost(editor, 'Foto vom Handy').then(async (p) => upload(editor, p.id, image(original)));
    const media = post.media[0]!;
    // 40 × 20 with "rotate 90°" becomes 20 × 40 pixels that need no tag.
    expect([media.width, media.height]).toEqual([20, 40]);
    const [{ storage_key }] = await app.owner.query('SELECT storage_key FROM post_media WHERE id = $1', [media.id]);
    const stored = readFileSync(join(mediaDirectory(), storage_key));
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(stored.includes('Kamerahersteller')).toBe(false);
    expect(stored.includes('Diensthandy')).toBe(false);
  });

  it('serves the file only as an image, with nosniff, sandbox and private caching', async () => {
    const { body: post } = await upload(editor, postId, image(await solid(16, 16, '#ff8800').png().toBuffer(), 'logo.png', 'image/png'));
    const media = post.media.at(-1)!;
    const response = await send(editor, 'GET', media.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': `inline; filename="bild-${media.id}.png"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(response.rawPayload.length).toBe(media.byteSize);
    expect((await sharp(response.rawPayload).metadata()).format).toBe('png');

    // Every member may look at it (posts.read) …
    const viewer = await app.as('lesen@musterstadt.example');
    expect((await send(viewer, 'GET', media.url)).statusCode).toBe(200);
    // … another organization's admin learns nothing, not even that it exists.
    const foreign = await app.as('admin@landkreis-beispiel.example');
    const refused = await send(foreign, 'GET', media.url);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // An image id under another post of the same organization is not found either.
    const other = await newPost(editor, 'Anderer Beitrag');
    expect((await send(editor, 'GET', `/api/orgs/${orgId}/posts/${other.id}/media/${media.id}/file`)).statusCode).toBe(404);
  });

  describe('refuses, and stores nothing', () => {
    let rowsBefore: number;
    let filesBefore: string[];
    let versionBefore: number;

    beforeEach(async () => {
      rowsBefore = await mediaRows(postId);
      filesBefore = storedFiles();
      versionBefore = (await editor.get<Post>(`/api/orgs/${orgId}/posts/${postId}`)).body.version;
    });
    afterEach(async () => {
      expect(await mediaRows(postId)).toBe(rowsBefore);
      expect(storedFiles()).toEqual(filesBefore);
      expect((await editor.get<Post>(`/api/orgs/${orgId}/posts/${postId}`)).body.version).toBe(versionBefore);
    });

    it('a program renamed to bild.jpg (415)', async () => {
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.from('This program cannot be run in DOS mode.'), randomBytes(2048)]);
      const response = await upload(editor, postId, image(exe, 'bild.jpg', 'image/jpeg'));
      expect(response.status).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ type: ProblemType.unsupportedMediaType, title: 'Dateiformat nicht unterstützt' });
      expect(response.body.detail).toContain('JPEG, PNG, WebP oder GIF');
    });

    it('an SVG with a script, named .png (415)', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>fetch("/api/auth/me")</script><rect width="100" height="100"/></svg>');
      const response = await upload(editor, postId, image(svg, 'bild.png', 'image/png'));
      expect(response.status).toBe(415);
      expect(response.body.type).toBe(ProblemType.unsupportedMediaType);
    });

    it('a PDF and random bytes (415)', async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      expect((await upload(editor, postId, image(pdf, 'plakat.jpg'))).status).toBe(415);
      expect((await upload(editor, postId, image(randomBytes(4096), 'rauschen.webp', 'image/webp'))).status).toBe(415);
    });

    it('a JPEG cut off in the middle (415: decoded, not just sniffed)', async () => {
      const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
      const response = await upload(editor, postId, image(photo.subarray(0, Math.floor(photo.length / 2))));
      expect(response.status).toBe(415);
      expect(response.body.title).toBe('Bild nicht lesbar');
    });

    it('a file above the limit (413, naming the limit in MB)', async () => {
      const response = await upload(editor, postId, image(randomBytes(MAX_BYTES + 1024)));
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ type: 'urn:amtsplan:problem:payload-too-large', title: 'Datei zu groß' });
      expect(response.body.detail).toContain('0,5 MB');
    });

    it('a decompression bomb: 400 megapixels in a few hundred bytes (422)', async () => {
      const bomb = decompressionBomb();
      expect(bomb.length).toBeLessThan(1024);
      const response = await upload(editor, postId, image(bomb, 'klein.png', 'image/png'));
      expect(response.status).toBe(422);
      expect(response.body.detail).toContain('40 Megapixel');
    });

    it('an image without alt text (400, field altText)', async () => {
      const png = await solid(8, 8, '#000000').png().toBuffer();
      for (const parts of [[{ name: 'file', filename: 'a.png', contentType: 'image/png', data: png }], image(png, 'a.png', 'image/png', '   ')]) {
        const response = await upload(editor, postId, parts);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ path: 'altText', message: 'Bitte einen Alternativtext angeben' }]);
      }
    });

    it('a form without a file, and a request that is not a form (400, 415)', async () => {
      const noFile = await upload(editor, postId, [{ name: 'altText', value: 'Nur Text' }]);
      expect(noFile.status).toBe(400);
      expect(noFile.body.errors).toEqual([{ path: 'file', message: 'Bitte eine Bilddatei auswählen' }]);
      const json = await editor.post<Problem>(`/api/orgs/${orgId}/posts/${postId}/media`, { altText: 'Kein Formular' });
      expect(json.status).toBe(415);
      expect(json.body.detail).toContain('multipart/form-data');
    });

    it('viewers and other organizations (403, 404)', async () => {
      const png = await solid(8, 8, '#000000').png().toBuffer();
      const viewer = await app.as('lesen@musterstadt.example');
      expect((await upload(viewer, postId, image(png, 'a.png', 'image/png'))).status).toBe(403);
      const foreign = await app.as('admin@landkreis-beispiel.example');
      expect((await upload(foreign, postId, image(png, 'a.png', 'image/png'))).status).toBe(404);
    });

    it('a Fachbereich on somebody else’s post (403)', async () => {
      const contributor = await app.as('fachbereich@musterstadt.example');
      const response = await upload(contributor, postId, image(await solid(8, 8, '#000000').png().toBuffer(), 'a.png', 'image/png'));
      expect(response.status).toBe(403);
    });
  });

  it('lets a Fachbereich add images to its own draft', async () => {
    const contributor = await app.as('fachbereich@musterstadt.example');
    const own = await newPost(contributor, 'Idee aus dem Fachbereich');
    const response = await upload(contributor, own.id, image(await solid(8, 8, '#00aa00').png().toBuffer(), 'a.png', 'image/png'));
    expect(response.status).toBe(201);
    expect(response.body.media).toHaveLength(1);
  });

  it('records every image change as a new post version with "media" in the history and the audit log', async () => {
    const post = await newPost(editor, 'Mit Verlauf');
    const added = await upload(editor, post.id, image(await solid(8, 8, '#0000ff').png().toBuffer(), 'a.png', 'image/png'));
    expect(added.body.version).toBe(2);
    const media = added.body.media[0]!;

    const renamed = await editor.patch<Post>(`/api/orgs/${orgId}/posts/${post.id}/media/${media.id}`, { version: 1, altText: 'Blaues Quadrat als Platzhalter' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(3);
    expect(renamed.body.media[0]).toMatchObject({ altText: 'Blaues Quadrat als Platzhalter', version: 2 });

    const removed = await editor.delete<Post>(`/api/orgs/${orgId}/posts/${post.id}/media/${media.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ version: 4, media: [] });

    const history = await editor.get<Array<{ version: number; changedFields: string[] }>>(`/api/orgs/${orgId}/posts/${post.id}/versions`);
    expect(history.body.slice(0, 3).map((h) => [h.version, h.changedFields])).toEqual([
      [4, ['media']],
      [3, ['media']],
      [2, ['media']],
    ]);
    const audit: Array<{ action: string }> = await app.owner.query(
      `SELECT action FROM audit_events WHERE object_id = $1 AND action LIKE 'post.media_%' ORDER BY occurred_at, action`,
      [post.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['post.media_added', 'post.media_updated', 'post.media_removed']);
  });

  it('answers 409 to an alt text change based on an old version', async () => {
    const post = await newPost(editor, 'Gleichzeitig bearbeitet');
    const { body } = await upload(editor, post.id, image(await solid(8, 8, '#ff0000').png().toBuffer(), 'a.png', 'image/png'));
    const url = `/api/orgs/${orgId}/posts/${post.id}/media/${body.media[0]!.id}`;
    expect((await editor.patch(url, { version: 1, altText: 'Erste Beschreibung' })).status).toBe(200);
    const admin = await app.as('admin@musterstadt.example');
    const stale = await admin.patch<Problem>(url, { version: 1, altText: 'Veraltete Beschreibung' });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('urn:amtsplan:problem:stale-version');
    const empty = await editor.patch<Problem>(url, { version: 2, altText: '' });
    expect(empty.status).toBe(400);
    const [row] = await app.owner.query('SELECT alt_text, version FROM post_media WHERE id = $1', [body.media[0]!.id]);
    expect(row).toEqual({ alt_text: 'Erste Beschreibung', version: 2 });
  });

  it('deletes the file from disk together with the image', async () => {
    const post = await newPost(editor, 'Bild wieder weg');
    const { body } = await upload(editor, post.id, image(await solid(8, 8, '#abcdef').png().toBuffer(), 'a.png', 'image/png'));
    const media = body.media[0]!;
    const [{ storage_key }] = await app.owner.query('SELECT storage_key FROM post_media WHERE id = $1', [media.id]);
    const path = join(mediaDirectory(), storage_key);
    expect(existsSync(path)).toBe(true);

    const viewer = await app.as('lesen@musterstadt.example');
    expect((await viewer.delete(`/api/orgs/${orgId}/posts/${post.id}/media/${media.id}`)).status).toBe(403);
    expect(existsSync(path)).toBe(true);

    expect((await editor.delete(`/api/orgs/${orgId}/posts/${post.id}/media/${media.id}`)).status).toBe(200);
    expect(existsSync(path)).toBe(false);
    expect(await mediaRows(post.id)).toBe(0);
    expect((await send(editor, 'GET', media.url)).statusCode).toBe(404);
    expect((await editor.delete(`/api/orgs/${orgId}/posts/${post.id}/media/${media.id}`)).status).toBe(404);
  });

  it('removes the written file again when the database refuses the image', async () => {
    const post = await newPost(editor, 'Datenbank sagt nein');
    const filesBefore = storedFiles();
    await app.owner.query(`ALTER TABLE post_media ADD CONSTRAINT test_refuse_alt_text CHECK (alt_text <> 'Wird abgelehnt')`);
    try {
      const response = await upload(editor, post.id, image(await solid(8, 8, '#222222').png().toBuffer(), 'a.png', 'image/png', 'Wird abgelehnt'));
      expect(response.status).toBe(500);
    } finally {
      await app.owner.query('ALTER TABLE post_media DROP CONSTRAINT test_refuse_alt_text');
    }
    expect(storedFiles()).toEqual(filesBefore);
    expect(await mediaRows(post.id)).toBe(0);
  });

  it('removes the written file again when the commit itself fails', async () => {
    const post = await newPost(editor, 'Commit sagt nein');
    const filesBefore = storedFiles();
    // A deferred constraint trigger fires only at COMMIT, after the request's work has succeeded.
    await app.owner.query(`CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'Beim Commit abgelehnt'; END $$`);
    await app.owner.query(`CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT ON post_media DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.alt_text = 'Scheitert beim Commit') EXECUTE FUNCTION test_refuse_at_commit()`);
    try {
      const response = await upload(editor, post.id, image(await solid(8, 8, '#333333').png().toBuffer(), 'a.png', 'image/png', 'Scheitert beim Commit'));
      expect(response.status).toBe(500);
    } finally {
      await app.owner.query('DROP TRIGGER test_refuse_at_commit ON post_media');
      await app.owner.query('DROP FUNCTION test_refuse_at_commit()');
    }
    expect(storedFiles()).toEqual(filesBefore);
    expect(await mediaRows(post.id)).toBe(0);
    const [{ version }] = await app.owner.query('SELECT version FROM posts WHERE id = $1', [post.id]);
    expect(version).toBe(1);
  });

  it('changes the order of a post’s images', async () => {
    const post = await newPost(editor, 'Reihenfolge');
    let media: Media[] = [];
    for (const color of ['#110000', '#001100', '#000011']) {
      media = (await upload(editor, post.id, image(await solid(8, 8, color).png().toBuffer(), 'a.png', 'image/png'))).body.media;
    }
    const reversed = media.map((m) => m.id).reverse();
    const reordered = await editor.request<Post>('PUT', `/api/orgs/${orgId}/posts/${post.id}/media/order`, { body: { ids: reversed } });
    expect(reordered.status).toBe(200);
    expect(reordered.body.media.map((m) => m.id)).toEqual(reversed);
    expect(reordered.body.media.map((m) => m.position)).toEqual([0, 1, 2]);

    const incomplete = await editor.request<Problem>('PUT', `/api/orgs/${orgId}/posts/${post.id}/media/order`, { body: { ids: reversed.slice(1) } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors?.[0]?.path).toBe('ids');
  });

  it('refuses a 21st image (422)', async () => {
    const post = await newPost(editor, 'Bildergalerie');
    await app.owner.query(
      `INSERT INTO post_media (organization_id, post_id, storage_key, content_type, byte_size, width, height, alt_text, position)
       SELECT $1, $2, gen_random_uuid() || '.png', 'image/png', 68, 1, 1, 'Bild ' || n, n FROM generate_series(0, 19) AS n`,
      [orgId, post.id],
    );
    const filesBefore = storedFiles();
    const response = await upload(editor, post.id, image(await solid(8, 8, '#333333').png().toBuffer(), 'a.png', 'image/png'));
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe('Ein Beitrag kann höchstens 20 Bilder haben.');
    expect(await mediaRows(post.id)).toBe(20);
    expect(storedFiles()).toEqual(filesBefore);
  });
});
