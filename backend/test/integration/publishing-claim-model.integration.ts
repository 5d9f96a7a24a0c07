import { parseApprovalContent } from '@amtsplan/domain';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ApprovalContentReader } from '../../src/approvals/approval-content-reader';
import type { AppConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';
import { runPrepared } from '../../src/database/prepared-query';
import { MediaStorage } from '../../src/media/media-storage';
import { claimPost, lockDuePost } from '../../src/publishing/publish-claim';
import { INSERT_PUBLICATIONS, START_DUE_ATTEMPTS } from '../../src/publishing/publisher';
import { migratedDatabase, seedApprovedPosts } from '../support/publishing-seed';
import { TEST_CHANNEL_SECRET_KEY } from '../support/test-environment';

/**
 * Model-based test of the publisher's gates (DESIGN.md invariants 1, 2 and 5) in bulk: thousands
 * of random sequences against the real claim (lockDuePost, the content hash of
 * ApprovalContentReader, claimPost), the real publications INSERT and the real start of due
 * attempts (START_DUE_ATTEMPTS), on PostgreSQL. Each sequence runs inside one transaction under
 * a SAVEPOINT that is rolled back afterwards, so a sequence costs a few dozen statements and no
 * setup. A pure model (below) says after every step what the claim and the start must do; the
 * database must agree both ways (no wrong publish, no wrongly refused one), and:
 * 1. every started attempt carries the hash of a request approved through its whole route, and
 *    the channel text it would send is byte for byte the approved text;
 * 2. a publication is started while it is pending only, accepted at most once, and there is one
 *    publication per approval and channel;
 * 5. nothing is started or claimed while the organization is in Kommunikationsstopp.
 * Edits and moves here do not void the approval (the approvals service would): that is the race
 * the claim's own hash check must win. Queue, worker and platform faults are the subject of
 * publishing-model.integration.ts (real api, worker and Redis, fewer sequences) and the fault
 * tests. PUBLISHING_CLAIM_MODEL_RUNS sets the number of sequences (default 1,000).
 */

const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env['PUBLISHING_CLAIM_MODEL_RUNS'] ?? 1_000);
const MISSED_AFTER_MS = 2 * 60 * 60_000;
const TEXTS = ['Bürgerbüro geöffnet', 'Bu\u0308rgerbüro geöffnet', 'Straßenfest 🎉', 'Zeile 1\r\nZeile 2'];
const MINUTES = [-1, -5, -150, 30];

type Command =
  | { kind: 'edit'; text: string }
  | { kind: 'move'; minutes: number }
  | { kind: 'submit' }
  | { kind: 'approve' }
  | { kind: 'requestChanges' }
  /** A broken write: the request says approved while a step of its route is still open. */
  | { kind: 'forceApproved' }
  | { kind: 'void' }
  | { kind: 'stop' }
  | { kind: 'lift' }
  | { kind: 'tick' }
  | { kind: 'outcome'; accepted: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...TEXTS).map((text) => ({ kind: 'edit' as const, text })) },
  { weight: 2, arbitrary: fc.constantFrom(...MINUTES).map((minutes) => ({ kind: 'move' as const, minutes })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'submit' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'approve' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'requestChanges' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'forceApproved' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'void' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'stop' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'lift' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'tick' as const }) },
  { weight: 3, arbitrary: fc.boolean().map((accepted) => ({ kind: 'outcome' as const, accepted })) },
);

type RequestStatus = 'pending' | 'approved' | 'changes_requested' | 'voided';

interface ModelRequest {
  readonly id: string;
  /** What the request is bound to: the post's text and planned time at submission. */
  readonly text: string;
  readonly minutes: number;
  readonly hash: string;
  status: RequestStatus;
  steps: Array<'pending' | 'approved'>;
}

interface ModelPublication {
  readonly id: string;
  readonly requestId: string;
  status: 'pending' | 'publishing' | 'published' | 'missed';
  accepted: number;
}

/** The pure model of one post, its requests and publications, and its organization's stop. */
class Model {
  text = TEXTS[0]!;
  minutes = -1;
  status: 'draft' | 'in_review' | 'scheduled' = 'draft';
  claimed = false;
  stop = false;
  readonly requests = new Map<string, ModelRequest>();
  current: ModelRequest | null = null;
  readonly publications: ModelPublication[] = [];

  /** The claim must succeed exactly when everything of the claim condition holds. */
  claimable(): boolean {
    const r = this.current;
    return (
      this.status === 'scheduled' &&
      !this.claimed &&
      this.minutes < 0 &&
      r !== null &&
      r.status === 'approved' &&
      r.steps.every((s) => s === 'approved') &&
      r.text === this.text &&
      r.minutes === this.minutes &&
      !this.stop
    );
  }

  /** A pending publication is started exactly when its own approval still holds and no stop is active. */
  startable(publication: ModelPublication): boolean {
    const r = this.requests.get(publication.requestId)!;
    return publication.status === 'pending' && r.status === 'approved' && !this.stop;
  }
}

describe('publishing claim model: invariants 1, 2 and 5 over thousands of sequences against the real claim', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  let manager: EntityManager;
  let reader: ApprovalContentReader;
  let organizationId: string;
  let channelId: string;
  let authorId: string;
  const media = mkdtempSync(join(tmpdir(), 'amtsplan-claim-model-'));
  const seen = { claims: 0, refusedClaims: 0, starts: 0, missed: 0, stoppedRefusals: 0, accepted: 0 };

  beforeAll(async () => {
    const url = await migratedDatabase(ADMIN_URL, 'amtsplan_it_claim_model');
    const [seeded] = await seedApprovedPosts(url, {
      organizations: 1,
      postsPerOrganization: 1,
      plannedAt: () => new Date(Date.now() + 24 * 60 * 60_000),
      instanceUrl: 'https://mastodon.invalid',
      channelSecretKey: TEST_CHANNEL_SECRET_KEY,
    });
    organizationId = seeded!.organizationId;
    channelId = seeded!.channelId;
    dataSource = createDataSource(url, 'owner', 1);
    await dataSource.initialize();
    runner = dataSource.createQueryRunner();
    manager = runner.manager;
    [{ id: authorId }] = await manager.query(`SELECT author_user_id AS id FROM posts WHERE id = $1`, [seeded!.id]);
    reader = new ApprovalContentReader(new MediaStorage({ mediaDir: media } as AppConfig));
    await runner.startTransaction();
    await runner.query('SAVEPOINT sequence');
  });

  afterAll(async () => {
    await runner?.rollbackTransaction().catch(() => undefined);
    await runner?.release();
    await dataSource?.destroy();
    rmSync(media, { recursive: true, force: true });
  });

  /** The post's content as the approvals service binds it, read from the database. */
  async function boundContent(postId: string): Promise<{ hash: string; canonical: string }> {
    const [post] = await manager.query(`SELECT id, organization_id AS "organizationId", text, planned_at AS "plannedAt", planned_date::text AS "plannedDate" FROM posts WHERE id = $1`, [postId]);
    return reader.read(manager, post);
  }

  async function tick(model: Model, postId: string): Promise<void> {
    const expectClaim = model.claimable();
    // The publisher's claim (Publisher.claimIn): lock, hash the live content, one conditional UPDATE.
    const due = await lockDuePost(manager, organizationId, postId);
    const claimed = due ? await claimPost(manager, { organizationId, postId, currentHash: (await reader.read(manager, due)).hash, worker: 'model', missedAfterMs: MISSED_AFTER_MS }) : null;
    expect(claimed !== null).toBe(expectClaim);
    if (!claimed) {
      seen.refusedClaims++;
      if (model.stop && model.status === 'scheduled' && !model.claimed) seen.stoppedRefusals++;
    } else {
      seen.claims++;
      const request = model.current!;
      // Invariant 1: the claim took the approval of exactly the live content.
      expect(claimed.requestId).toBe(request.id);
      expect(claimed.contentHash).toBe(request.hash);
      expect(claimed.missed).toBe(model.minutes < -120);
      const id = randomUUID();
      await runPrepared(manager, INSERT_PUBLICATIONS, [
        organizationId,
        postId,
        claimed.requestId,
        claimed.contentHash,
        claimed.version,
        claimed.missed ? 'missed' : 'pending',
        null,
        [id],
        [channelId],
        ['mastodon'],
      ]);
      model.claimed = true;
      model.publications.push({ id, requestId: request.id, status: claimed.missed ? 'missed' : 'pending', accepted: 0 });
      if (claimed.missed) seen.missed++;
    }
    // The start of the post's due attempts (Publisher.startDueAttempts), after a claim or for a retry.
    const expected = model.publications.filter((p) => model.startable(p)).map((p) => p.id);
    const { rows } = await runPrepared<{ publicationId: string; contentHash: string; canonicalContent: string; channelId: string }>(manager, START_DUE_ATTEMPTS, [
      organizationId,
      postId,
    ]);
    expect(rows.map((r) => r.publicationId).sort()).toEqual(expected.sort());
    for (const row of rows) {
      const publication = model.publications.find((p) => p.id === row.publicationId)!;
      const request = model.requests.get(publication.requestId)!;
      // Invariants 1 and 5 at the moment something would be sent.
      expect(model.stop).toBe(false);
      expect(request.status).toBe('approved');
      expect(request.steps.every((s) => s === 'approved')).toBe(true);
      expect(row.contentHash).toBe(request.hash);
      const text = parseApprovalContent(row.canonicalContent).channels.find((c) => c.channelId === row.channelId)!.text;
      expect(Buffer.from(text, 'utf8').equals(Buffer.from(request.text, 'utf8'))).toBe(true);
      publication.status = 'publishing';
      seen.starts++;
    }
  }

  async function perform(model: Model, postId: string, step: Command): Promise<void> {
    switch (step.kind) {
      case 'edit':
        model.text = step.text;
        await manager.query(`UPDATE posts SET text = $2, version = version + 1 WHERE id = $1`, [postId, step.text]);
        return;
      case 'move':
        model.minutes = step.minutes;
        await manager.query(`UPDATE posts SET planned_at = now() + make_interval(mins => $2), version = version + 1 WHERE id = $1`, [postId, step.minutes]);
        return;
      case 'submit': {
        if (model.status !== 'draft') return;
        if (model.current && (model.current.status === 'pending' || model.current.status === 'approved')) model.current.status = 'voided';
        const bound = await boundContent(postId);
        const request: ModelRequest = { id: randomUUID(), text: model.text, minutes: model.minutes, hash: bound.hash, status: 'pending', steps: ['pending', 'pending'] };
        // The earlier live request voided, the new one inserted, the post in review: one statement.
        await manager.query(
          `WITH voided AS (UPDATE approval_requests SET status = 'voided' WHERE post_id = $3 AND status IN ('pending', 'approved')),
                moved AS (UPDATE posts SET status = 'in_review', version = version + 1 WHERE id = $3)
           INSERT INTO approval_requests (organization_id, id, post_id, route_id, route_snapshot, status, content_hash, canonical_content, author_user_id, submitted_by_user_id, submitted_at, planned_at, steps)
           SELECT $1, $2, $3, NULL, '{}'::jsonb, 'pending', $4, $5, $6, $6, now(), planned_at, $7::jsonb FROM posts WHERE id = $3`,
          [organizationId, request.id, postId, bound.hash, bound.canonical, authorId, stepsJson(request.steps)],
        );
        model.requests.set(request.id, request);
        model.current = request;
        model.status = 'in_review';
        return;
      }
      case 'approve': {
        const request = model.current;
        if (!request || request.status !== 'pending') return;
        request.steps[request.steps.indexOf('pending')] = 'approved';
        const done = request.steps.every((s) => s === 'approved');
        // On the last step, as PublishScheduling does on approval: scheduled, and the new approval may be claimed again.
        await manager.query(
          `WITH decided AS (UPDATE approval_requests SET steps = $3::jsonb, status = CASE WHEN $4 THEN 'approved' ELSE 'pending' END WHERE id = $2)
           UPDATE posts SET status = 'scheduled', publish_claimed_at = NULL, publish_claimed_by = NULL, publish_request_id = NULL, publish_claimed_hash = NULL WHERE id = $1 AND $4`,
          [postId, request.id, stepsJson(request.steps), done],
        );
        if (done) {
          request.status = 'approved';
          model.status = 'scheduled';
          model.claimed = false;
        }
        return;
      }
      case 'forceApproved': {
        const request = model.current;
        if (!request || request.status !== 'pending') return;
        request.status = 'approved';
        await manager.query(
          `WITH forced AS (UPDATE approval_requests SET status = 'approved' WHERE id = $2)
           UPDATE posts SET status = 'scheduled', publish_claimed_at = NULL, publish_request_id = NULL WHERE id = $1`,
          [postId, request.id],
        );
        model.status = 'scheduled';
        model.claimed = false;
        return;
      }
      case 'requestChanges':
      case 'void': {
        const request = model.current;
        if (!request || (step.kind === 'requestChanges' ? request.status !== 'pending' : request.status !== 'pending' && request.status !== 'approved')) return;
        request.status = step.kind === 'requestChanges' ? 'changes_requested' : 'voided';
        await manager.query(`WITH closed AS (UPDATE approval_requests SET status = $3 WHERE id = $2) UPDATE posts SET status = 'draft' WHERE id = $1`, [
          postId,
          request.id,
          request.status,
        ]);
        model.status = 'draft';
        return;
      }
      case 'stop':
      case 'lift':
        model.stop = step.kind === 'stop';
        await manager.query(`UPDATE organizations SET communication_stop = $2 WHERE id = $1`, [organizationId, model.stop]);
        return;
      case 'tick':
        await tick(model, postId);
        return;
      case 'outcome': {
        // The platform's answer to the attempt under way: accepted, or a retryable refusal (due again at once).
        const publication = model.publications.find((p) => p.status === 'publishing');
        if (!publication) return;
        publication.status = step.accepted ? 'published' : 'pending';
        if (step.accepted) {
          publication.accepted++;
          seen.accepted++;
        }
        await manager.query(
          `WITH finished AS (UPDATE publish_attempts SET finished_at = now(), outcome = $3 WHERE publication_id = $1 AND finished_at IS NULL)
           UPDATE publications SET status = $2, next_attempt_at = CASE WHEN $2 = 'pending' THEN now() - interval '1 second' END WHERE id = $1`,
          [publication.id, publication.status, step.accepted ? 'published' : 'failed_retryable'],
        );
        return;
      }
    }
  }

  async function checkRecords(model: Model, postId: string): Promise<void> {
    const rows: Array<{ id: string; requestId: string; status: string; attempts: number; open: number }> = await manager.query(
      `SELECT u.id, u.approval_request_id AS "requestId", u.status,
              (SELECT count(*)::int FROM publish_attempts a WHERE a.publication_id = u.id) AS attempts,
              (SELECT count(*)::int FROM publish_attempts a WHERE a.publication_id = u.id AND a.finished_at IS NULL) AS open
         FROM publications u WHERE u.post_id = $1`,
      [postId],
    );
    // Invariant 2: one publication per approval (and channel), never two attempts open at once, accepted at most once.
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(rows.length);
    expect(rows.map((r) => r.id).sort()).toEqual(model.publications.map((p) => p.id).sort());
    for (const row of rows) {
      const publication = model.publications.find((p) => p.id === row.id)!;
      expect(row.status).toBe(publication.status);
      expect(row.open).toBeLessThanOrEqual(1);
      expect(publication.accepted).toBeLessThanOrEqual(1);
    }
  }

  it('claims and starts exactly what the model allows, never twice, never in a stop', async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), fc.array(command, { minLength: 1, maxLength: 14 }), async (approvedFirst, rest) => {
        const steps: Command[] = approvedFirst ? [{ kind: 'submit' }, { kind: 'approve' }, { kind: 'approve' }, ...rest] : rest;
        try {
          const model = new Model();
          const postId = randomUUID();
          await manager.query(
            `WITH post AS (
               INSERT INTO posts (id, organization_id, working_title, text, status, planned_at, time_zone, author_user_id, responsible_user_id)
               VALUES ($1, $2, 'Modell', $3, 'draft', now() - interval '1 minute', 'Europe/Berlin', $4, $4) RETURNING id
             )
             INSERT INTO post_variants (post_id, channel_id, organization_id, text, position) SELECT id, $5, $2, NULL, 0 FROM post`,
            [postId, organizationId, model.text, authorId, channelId],
          );
          for (const step of steps) await perform(model, postId, step);
          await checkRecords(model, postId);
        } finally {
          // Back to the state before the sequence; the savepoint stays for the next one.
          await runner.query('ROLLBACK TO SAVEPOINT sequence');
        }
      }),
      {
        numRuns: RUNS,
        endOnFailure: true,
        examples: [
          [true, [{ kind: 'tick' }, { kind: 'outcome', accepted: true }, { kind: 'tick' }]],
          [true, [{ kind: 'edit', text: TEXTS[1]! }, { kind: 'tick' }]],
          [true, [{ kind: 'stop' }, { kind: 'tick' }, { kind: 'lift' }, { kind: 'tick' }]],
          [true, [{ kind: 'tick' }, { kind: 'outcome', accepted: false }, { kind: 'stop' }, { kind: 'tick' }, { kind: 'lift' }, { kind: 'tick' }]],
          [false, [{ kind: 'move', minutes: -150 }, { kind: 'submit' }, { kind: 'approve' }, { kind: 'approve' }, { kind: 'tick' }]],
          [false, [{ kind: 'submit' }, { kind: 'approve' }, { kind: 'forceApproved' }, { kind: 'tick' }]],
        ],
      },
    );
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`claim model: ${RUNS} sequences in ${seconds.toFixed(1)} s (${(RUNS / seconds).toFixed(0)} per second); ${JSON.stringify(seen)}\n`);
    // The sequences reached every gate: claims, refusals in a stop, starts, acceptances and missed posts.
    expect(seen.claims).toBeGreaterThan(RUNS / 10);
    expect(seen.stoppedRefusals).toBeGreaterThan(0);
    expect(seen.starts).toBeGreaterThan(RUNS / 10);
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.missed).toBeGreaterThan(0);
  }, 5 * 60_000);
});

function stepsJson(steps: ReadonlyArray<'pending' | 'approved'>): string {
  return JSON.stringify(steps.map((status, index) => ({ name: index === 0 ? 'Redaktion' : 'Leitung', mode: 'any', approverUserIds: [], deputyUserId: null, dueAt: null, status, decisions: [] })));
}
