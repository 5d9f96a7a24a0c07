import { approvalContent, canonicalJson, defaultApprovalRoute } from '@amtsplan/domain';
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { sealSecret } from '../../src/publishing/channel-secrets';

/**
 * Approved, scheduled posts written straight into PostgreSQL with set-based SQL (one statement
 * per table), for the fault tests and `npm run bench:publishing`: many posts in many
 * organizations without going through the api one by one. Each post is in exactly the state
 * the publisher's claim requires (publish-claim.ts): `scheduled`, not claimed, a planned time,
 * an `approved` request whose every step is approved or skipped and whose `content_hash` is the
 * SHA-256 of the canonical content the worker computes from the post (the same libs/domain
 * functions), and no Kommunikationsstopp. The approval decisions table is not filled: the
 * claim reads the request's steps, not the decisions.
 */
export interface SeedOptions {
  readonly organizations: number;
  readonly postsPerOrganization: number;
  /** Planned time of post `index` within its organization. */
  readonly plannedAt: (organization: number, index: number) => Date;
  /** Mastodon stand-in origin; null seeds Facebook channels, which the manual adapter serves. */
  readonly instanceUrl: string | null;
  /** CHANNEL_SECRET_KEY of the workers (base64), to seal the channels' access tokens. */
  readonly channelSecretKey: string;
}

export interface SeededPost {
  readonly id: string;
  readonly organizationId: string;
  readonly channelId: string;
  readonly plannedAt: Date;
  readonly text: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A new database on the server of `adminUrl`, built by the migrations (as production is). */
export async function migratedDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const owner = createDataSource(url, 'owner', 2);
  await owner.initialize();
  await owner.runMigrations({ transaction: 'each' });
  await owner.destroy();
  return url;
}

/** Seeds organizations with a channel each and their approved posts; one transaction. */
export async function seedApprovedPosts(databaseUrl: string, options: SeedOptions): Promise<SeededPost[]> {
  const key = Buffer.from(options.channelSecretKey, 'base64');
  const run = randomUUID().slice(0, 8);
  const organizations = Array.from({ length: options.organizations }, (_, o) => ({
    id: randomUUID(),
    name: `Prüfbehörde ${run} ${o + 1}`,
    authorId: randomUUID(),
    approverId: randomUUID(),
    channelId: randomUUID(),
  }));
  const posts: Array<SeededPost & { requestId: string; canonical: string; hash: string; steps: string; authorId: string }> = [];
  for (const [o, organization] of organizations.entries()) {
    for (let index = 0; index < options.postsPerOrganization; index++) {
      // Millisecond precision: PostgreSQL gives back exactly this instant, so the worker's hash matches.
      const plannedAt = new Date(Math.floor(options.plannedAt(o, index).getTime()));
      const text = `Amtliche Mitteilung ${o + 1}.${index + 1}: Das Bürgerbüro öffnet am Montag um 8 Uhr. #Bürgerservice`;
      const content = approvalContent({ text, variants: [{ channelId: organization.channelId, text: null }], media: [], planning: { kind: 'time', at: plannedAt.toISOString() } });
      const canonical = canonicalJson(content);
      const decidedAt = new Date(plannedAt.getTime() - 60 * 60_000).toISOString();
      const steps = JSON.stringify([
        { name: 'Redaktion', mode: 'any', approverUserIds: [], deputyUserId: null, dueAt: decidedAt, status: 'skipped', decisions: [] },
        {
          name: 'Leitung',
          mode: 'any',
          approverUserIds: [organization.approverId],
          deputyUserId: null,
          dueAt: decidedAt,
          status: 'approved',
          decisions: [{ userId: organization.approverId, kind: 'approve', at: decidedAt, comment: null, asDeputy: false, selfApproval: false }],
        },
      ]);
      posts.push({ id: randomUUID(), organizationId: organization.id, channelId: organization.channelId, plannedAt, text, requestId: randomUUID(), canonical, hash: sha256(canonical), steps, authorId: organization.authorId });
    }
  }

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const ids = organizations.map((o) => o.id);
    await client.query(
      `INSERT INTO organizations (id, name, bundesland, time_zone) SELECT id, name, 'BE', 'Europe/Berlin' FROM unnest($1::uuid[], $2::text[]) AS t(id, name)`,
      [ids, organizations.map((o) => o.name)],
    );
    await client.query(
      `INSERT INTO users (id, email, display_name)
       SELECT id, 'pruefung-' || replace(id::text, '-', '') || '@amtsplan.invalid', name FROM unnest($1::uuid[], $2::text[]) AS t(id, name)`,
      [organizations.flatMap((o) => [o.authorId, o.approverId]), organizations.flatMap((o) => [`Redaktion ${o.name}`, `Leitung ${o.name}`])],
    );
    await client.query(
      `INSERT INTO memberships (organization_id, user_id, role) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
      [organizations.flatMap((o) => [o.id, o.id]), organizations.flatMap((o) => [o.authorId, o.approverId]), organizations.flatMap(() => ['editor', 'approver'])],
    );
    const platform = options.instanceUrl ? 'mastodon' : 'facebook';
    await client.query(
      `INSERT INTO channels (id, organization_id, platform, name, color) SELECT id, org, $3, $4, '#6364ff' FROM unnest($1::uuid[], $2::uuid[]) AS t(id, org)`,
      [organizations.map((o) => o.channelId), ids, platform, `${platform === 'mastodon' ? 'Mastodon' : 'Facebook'} Prüfung`],
    );
    if (options.instanceUrl) {
      await client.query(
        `INSERT INTO channel_credentials (organization_id, channel_id, instance_url, access_token_sealed) SELECT org, id, $3, sealed FROM unnest($1::uuid[], $2::uuid[], $4::text[]) AS t(id, org, sealed)`,
        [organizations.map((o) => o.channelId), ids, options.instanceUrl, organizations.map((o) => sealSecret(key, `token-${o.channelId}`, `channel:${o.channelId}`))],
      );
    }
    await client.query(
      `INSERT INTO posts (id, organization_id, working_title, text, status, planned_at, time_zone, author_user_id, responsible_user_id)
       SELECT id, org, 'Prüfbeitrag', text, 'scheduled', at, 'Europe/Berlin', author, author
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[]) AS t(id, org, text, at, author)`,
      [posts.map((p) => p.id), posts.map((p) => p.organizationId), posts.map((p) => p.text), posts.map((p) => p.plannedAt.toISOString()), posts.map((p) => p.authorId)],
    );
    await client.query(
      `INSERT INTO post_variants (post_id, channel_id, organization_id, text, position) SELECT id, channel, org, NULL, 0 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(id, channel, org)`,
      [posts.map((p) => p.id), posts.map((p) => p.channelId), posts.map((p) => p.organizationId)],
    );
    await client.query(
      `INSERT INTO approval_requests (organization_id, id, post_id, route_id, route_snapshot, status, content_hash, canonical_content,
                                      author_user_id, submitted_by_user_id, submitted_at, planned_at, steps, closed_at)
       SELECT org, id, post, NULL, $9::jsonb, 'approved', hash, canonical, author, author, at - interval '2 hours', at, steps, at - interval '1 hour'
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::timestamptz[], $8::jsonb[]) AS t(org, id, post, hash, canonical, author, at, steps)`,
      [
        posts.map((p) => p.organizationId),
        posts.map((p) => p.requestId),
        posts.map((p) => p.id),
        posts.map((p) => p.hash),
        posts.map((p) => p.canonical),
        posts.map((p) => p.authorId),
        posts.map((p) => p.plannedAt.toISOString()),
        posts.map((p) => p.steps),
        JSON.stringify(defaultApprovalRoute(randomUUID())),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return posts.map(({ id, organizationId, channelId, plannedAt, text }) => ({ id, organizationId, channelId, plannedAt, text }));
}
