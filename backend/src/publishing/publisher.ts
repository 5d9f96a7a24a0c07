import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PublicationAdapter } from '@amtsplan/contracts';
import { parseApprovalContent, type PlatformId, publicationStatusAfter, type PublicationStatus } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EntityManager } from 'typeorm';
import { ApprovalContentReader } from '../approvals/approval-content-reader';
import { AuditLog } from '../audit/audit-log';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database';
import { ScopedTransaction } from '../database/scoped-transaction';
import { PostEntity } from '../posts/post.entity';
import { type AdapterOutcome, adapterFor, type ChannelAdapter, type PublishChannel, type PublishContent } from './adapters/channel-adapter';
import { ManualAdapter } from './adapters/manual-adapter';
import { MastodonAdapter } from './adapters/mastodon-adapter';
import { ApprovedContent, ApprovedContentProblem, type ApprovedImageFiles } from './approved-content';
import { ChannelSecrets } from './channel-secrets';
import { claimPost, type ClaimedPost } from './publish-claim';
import { PublishJobs } from './publish-jobs';
import { PostPublicationStatus } from './post-publication-status';
import { PublishingAlerts } from './publishing-alerts';

/** An attempt in flight longer than this is taken as cut off (worker killed): its outcome is unknown. */
export function interruptionLease(config: Pick<AppConfig, 'publishRequestTimeoutMs'>): number {
  return Math.max(10 * 60_000, 12 * config.publishRequestTimeoutMs);
}

const INTERRUPTED = 'Der Versuch wurde unterbrochen (Worker beendet). Unklar, ob der Beitrag veröffentlicht wurde; bitte auf der Plattform nachsehen und bestätigen.';

interface StartedAttempt {
  readonly organizationId: string;
  readonly publicationId: string;
  readonly attemptId: string;
  readonly attempt: number;
  readonly postId: string;
  readonly postVersion: number;
  readonly channelId: string;
  readonly contentHash: string;
  readonly adapter: PublicationAdapter;
  readonly located: ApprovedImageFiles;
  readonly channel: { name: string; platform: PlatformId; instanceUrl: string | null; sealedToken: string | null };
}

/**
 * The publisher (worker side). For a due post: claim it with one conditional UPDATE
 * (claimPost), create one publication per channel of the approved content, then for each
 * publication record the attempt as started, run the channel's adapter outside any
 * transaction, and record the outcome. An unknown outcome is never retried automatically
 * ("unbestätigt"); only retryable outcomes come back, after their backoff, through a job of
 * their own and the sweep.
 */
@Injectable()
export class Publisher {
  /** Written into posts.publish_claimed_by. */
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger('Publisher');
  private readonly missedAfterMs: number;
  private readonly leaseMs: number;
  private readonly adapters: ReadonlyMap<PublicationAdapter, ChannelAdapter>;

  constructor(
    private readonly database: Database,
    private readonly reader: ApprovalContentReader,
    private readonly approved: ApprovedContent,
    private readonly secrets: ChannelSecrets,
    private readonly postStatus: PostPublicationStatus,
    private readonly alerts: PublishingAlerts,
    private readonly audit: AuditLog,
    private readonly jobs: PublishJobs,
    mastodon: MastodonAdapter,
    manual: ManualAdapter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.missedAfterMs = config.publishMissedAfterMs;
    this.leaseMs = interruptionLease(config);
    this.adapters = new Map<PublicationAdapter, ChannelAdapter>([
      [mastodon.id, mastodon],
      [manual.id, manual],
    ]);
  }

  /** What a job or the sweep asks for: take the post if it is due, then run its due attempts. */
  async advance(organizationId: string, postId: string): Promise<void> {
    await this.claim(organizationId, postId);
    await this.runDueAttempts(organizationId, postId);
  }

  /** Claims a due post and creates its publications; null when it is not (or no longer) publishable. */
  async claim(organizationId: string, postId: string): Promise<ClaimedPost | null> {
    return this.database.transaction({ organizationId }, async (tx) => {
      const manager = tx.manager;
      // The row lock keeps the content as it is while its hash is computed and compared.
      const locked: unknown[] = await manager.query(
        `SELECT 1 FROM posts WHERE id = $1 AND organization_id = $2 AND status = 'scheduled' AND publish_claimed_at IS NULL AND planned_at <= now() FOR UPDATE`,
        [postId, organizationId],
      );
      if (locked.length === 0) return null;
      const post = await manager.findOneOrFail(PostEntity, { where: { id: postId, organizationId } });
      let currentHash: string;
      try {
        currentHash = (await this.reader.read(manager, post)).hash;
      } catch (error) {
        this.logger.error(`Inhalt von Beitrag ${postId} nicht lesbar, nicht veröffentlicht: ${message(error)}`);
        return null;
      }
      const claimed = await claimPost(manager, { organizationId, postId, currentHash, worker: this.worker, missedAfterMs: this.missedAfterMs });
      if (!claimed) return null;
      await this.createPublications(tx, claimed);
      return claimed;
    });
  }

  /** Runs every publication of the post whose attempt is due (channels in parallel). */
  async runDueAttempts(organizationId: string, postId: string): Promise<void> {
    const due: Array<{ id: string }> = await this.database.transaction({ organizationId }, ({ manager }) =>
      manager.query(
        `SELECT id FROM publications
          WHERE organization_id = $1 AND post_id = $2 AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
          ORDER BY created_at`,
        [organizationId, postId],
      ),
    );
    await Promise.all(due.map((publication) => this.attempt(organizationId, publication.id)));
  }

  /** One attempt of one publication: at most one worker gets to start it (conditional UPDATE). */
  async attempt(organizationId: string, publicationId: string): Promise<void> {
    const started = await this.database.transaction({ organizationId }, (tx) => this.start(tx, organizationId, publicationId));
    if (!started) return;

    let prepared: { content: PublishContent; channel: PublishChannel };
    try {
      prepared = await this.prepare(started);
    } catch (error) {
      // Nothing was sent: the approved content or the access could not be made ready.
      const reason = error instanceof ApprovedContentProblem ? error.message : `Vorbereitung fehlgeschlagen: ${message(error)}`;
      await this.database.transaction({ organizationId }, (tx) => this.finish(tx, started, { kind: 'failed_permanent', message: reason }));
      return;
    }
    let outcome: AdapterOutcome;
    try {
      const adapter = this.adapters.get(started.adapter);
      if (!adapter) throw new Error(`No adapter ${started.adapter}`);
      outcome = await adapter.publish(prepared.content, prepared.channel, started.publicationId, { attempt: started.attempt, now: new Date() });
    } catch (error) {
      this.logger.error(`Adapter ${started.adapter} ist abgebrochen: ${message(error)}`);
      outcome = { kind: 'unknown', message: `Unerwarteter Fehler beim Veröffentlichen (${message(error)}). Bitte auf der Plattform nachsehen und bestätigen.` };
    }
    await this.database.transaction({ organizationId }, (tx) => this.finish(tx, started, outcome));
  }

  /**
   * Attempts cut off by a crash (still `publishing` after the lease): `unconfirmed`
   * (statusAfterInterruption), never sent again. Safe with several workers: the lease is far
   * longer than any attempt.
   */
  async recoverInterrupted(): Promise<number> {
    const rows: Array<{ organizationId: string; publicationId: string }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(`SELECT organization_id AS "organizationId", publication_id AS "publicationId" FROM publishing_interrupted(make_interval(secs => $1::double precision), 500)`, [
        this.leaseMs / 1000,
      ]),
    );
    let recovered = 0;
    for (const row of rows) {
      const done = await this.database.transaction({ organizationId: row.organizationId }, async (tx) => {
        await tx.manager.query(`SELECT 1 FROM posts WHERE id = (SELECT post_id FROM publications WHERE id = $1) AND organization_id = $2 FOR UPDATE`, [
          row.publicationId,
          row.organizationId,
        ]);
        const [updated]: [Array<{ postId: string; channelId: string; contentHash: string; attempt: number }>, number] = await tx.manager.query(
          `UPDATE publications SET status = 'unconfirmed', error = $3, updated_at = now()
            WHERE id = $1 AND organization_id = $2 AND status = 'publishing' AND updated_at < now() - make_interval(secs => $4::double precision)
        RETURNING post_id AS "postId", channel_id AS "channelId", content_hash AS "contentHash", attempt_count AS attempt`,
          [row.publicationId, row.organizationId, INTERRUPTED, this.leaseMs / 1000],
        );
        const publication = updated[0];
        if (!publication) return false;
        await tx.manager.query(
          `UPDATE publish_attempts SET finished_at = now(), outcome = 'unknown', error = $3 WHERE publication_id = $1 AND organization_id = $2 AND finished_at IS NULL`,
          [row.publicationId, row.organizationId, INTERRUPTED],
        );
        await this.recordAttempt(tx.manager, row.organizationId, { ...publication, publicationId: row.publicationId, outcome: 'unknown', error: INTERRUPTED, interrupted: true });
        const post = { organizationId: row.organizationId, postId: publication.postId };
        await this.alerts.unconfirmed(tx, post, await this.channelName(tx.manager, publication.channelId), INTERRUPTED, `publish-unconfirmed_${row.publicationId}_${publication.attempt}`);
        await this.postStatus.settle(tx.manager, row.organizationId, publication.postId, null);
        return true;
      });
      if (done) recovered++;
    }
    if (recovered) this.logger.warn(`${recovered} unterbrochene Veröffentlichungen als unbestätigt markiert`);
    return recovered;
  }

  private async createPublications(tx: ScopedTransaction, claimed: ClaimedPost): Promise<void> {
    const manager = tx.manager;
    const channelIds = parseApprovalContent(claimed.canonicalContent).channels.map((c) => c.channelId);
    const channels: Array<{ id: string; name: string; platform: PlatformId; connected: boolean }> = await manager.query(
      `SELECT c.id, c.name, c.platform, (k.channel_id IS NOT NULL) AS connected
         FROM channels c LEFT JOIN channel_credentials k ON k.channel_id = c.id AND k.organization_id = c.organization_id
        WHERE c.organization_id = $1 AND c.id = ANY($2::uuid[])`,
      [claimed.organizationId, channelIds],
    );
    const byId = new Map(channels.map((c) => [c.id, c]));
    const status: PublicationStatus = claimed.missed ? 'missed' : 'pending';
    const names: string[] = [];
    for (const channelId of channelIds) {
      const channel = byId.get(channelId);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO publications (id, organization_id, post_id, channel_id, approval_request_id, content_hash, post_version, adapter, status, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          claimed.organizationId,
          claimed.postId,
          channelId,
          claimed.requestId,
          claimed.contentHash,
          claimed.version,
          channel ? adapterFor(channel) : 'manual',
          status,
          claimed.missed ? missedMessage(this.missedAfterMs) : null,
        ],
      );
      names.push(channel?.name ?? channelId);
      if (claimed.missed) {
        await this.recordMissed(manager, claimed.organizationId, id, {
          postId: claimed.postId,
          channelId,
          contentHash: claimed.contentHash,
          plannedAt: claimed.plannedAt.toISOString(),
        });
      }
    }
    if (claimed.missed) {
      await this.alerts.missed(tx, claimed, names, `publish-missed_${claimed.requestId}`);
      this.logger.warn(`Beitrag ${claimed.postId} verpasst (geplant ${claimed.plannedAt.toISOString()}), nicht veröffentlicht`);
    }
  }

  private async start(tx: ScopedTransaction, organizationId: string, publicationId: string): Promise<StartedAttempt | null> {
    const manager = tx.manager;
    // Too late by now (e.g. a retry after a long Kommunikationsstopp): missed, not sent — unless
    // a person sent it back (settled_at: "Jetzt doch veröffentlichen", "Erneut versuchen").
    const [late]: [Array<{ postId: string; channelId: string; contentHash: string }>, number] = await manager.query(
      `UPDATE publications u SET status = 'missed', error = $3, updated_at = now()
         FROM posts p
        WHERE u.id = $1 AND u.organization_id = $2 AND u.status = 'pending' AND (u.next_attempt_at IS NULL OR u.next_attempt_at <= now()) AND u.settled_at IS NULL
          AND p.id = u.post_id AND p.organization_id = u.organization_id AND p.planned_at < now() - make_interval(secs => $4::double precision)
    RETURNING u.post_id AS "postId", u.channel_id AS "channelId", u.content_hash AS "contentHash"`,
      [publicationId, organizationId, missedMessage(this.missedAfterMs), this.missedAfterMs / 1000],
    );
    if (late[0]) {
      const { postId, channelId, contentHash } = late[0];
      await this.recordMissed(manager, organizationId, publicationId, { postId, channelId, contentHash });
      await this.alerts.missed(tx, { organizationId, postId }, [await this.channelName(manager, channelId)], `publish-missed_${publicationId}`);
      return null;
    }

    // Nothing goes out during a Kommunikationsstopp, nor when the approval no longer holds.
    const [rows]: [Array<Omit<StartedAttempt, 'organizationId' | 'publicationId' | 'attemptId' | 'located' | 'channel'> & { requestId: string }>, number] =
      await manager.query(
        `UPDATE publications u SET status = 'publishing', attempt_count = attempt_count + 1, next_attempt_at = NULL, updated_at = now()
          WHERE u.id = $1 AND u.organization_id = $2 AND u.status = 'pending' AND (u.next_attempt_at IS NULL OR u.next_attempt_at <= now())
            AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.communication_stop)
            AND EXISTS (SELECT 1 FROM approval_requests r WHERE r.id = u.approval_request_id AND r.status = 'approved' AND r.content_hash = u.content_hash)
      RETURNING u.post_id AS "postId", u.post_version AS "postVersion", u.channel_id AS "channelId", u.approval_request_id AS "requestId",
                u.content_hash AS "contentHash", u.adapter, u.attempt_count AS attempt`,
        [publicationId, organizationId],
      );
    const row = rows[0];
    if (!row) return null;
    const attemptId = randomUUID();
    await manager.query(
      `INSERT INTO publish_attempts (id, organization_id, publication_id, post_id, post_version, channel_id, content_hash, attempt_no, idempotency_key, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
      [attemptId, organizationId, publicationId, row.postId, row.postVersion, row.channelId, row.contentHash, row.attempt, publicationId],
    );
    const [request]: Array<{ canonicalContent: string }> = await manager.query(
      `SELECT canonical_content AS "canonicalContent" FROM approval_requests WHERE id = $1 AND organization_id = $2`,
      [row.requestId, organizationId],
    );
    if (!request) throw new Error(`Approval request ${row.requestId} of publication ${publicationId} not found`);
    const [channel]: Array<StartedAttempt['channel']> = await manager.query(
      `SELECT c.name, c.platform, k.instance_url AS "instanceUrl", k.access_token_sealed AS "sealedToken"
         FROM channels c LEFT JOIN channel_credentials k ON k.channel_id = c.id AND k.organization_id = c.organization_id
        WHERE c.id = $1 AND c.organization_id = $2`,
      [row.channelId, organizationId],
    );
    return {
      organizationId,
      publicationId,
      attemptId,
      attempt: row.attempt,
      postId: row.postId,
      postVersion: row.postVersion,
      channelId: row.channelId,
      contentHash: row.contentHash,
      adapter: row.adapter,
      located: await this.approved.locate(manager, organizationId, request.canonicalContent),
      channel: channel ?? { name: row.channelId, platform: 'website', instanceUrl: null, sealedToken: null },
    };
  }

  private async prepare(started: StartedAttempt): Promise<{ content: PublishContent; channel: PublishChannel }> {
    const content = await this.approved.forChannel(started.organizationId, started.located, started.channelId);
    const { instanceUrl, sealedToken, name, platform } = started.channel;
    let credentials: PublishChannel['credentials'] = null;
    if (started.adapter !== 'manual' && instanceUrl && sealedToken) {
      try {
        credentials = { instanceUrl, accessToken: this.secrets.open(started.channelId, sealedToken) };
      } catch {
        throw new ApprovedContentProblem('Das Zugriffstoken des Kanals lässt sich nicht entschlüsseln (CHANNEL_SECRET_KEY geändert?). Bitte die Zugangsdaten neu speichern.');
      }
    }
    return { content, channel: { id: started.channelId, platform, name, credentials } };
  }

  private async finish(tx: ScopedTransaction, started: StartedAttempt, outcome: AdapterOutcome): Promise<void> {
    const manager = tx.manager;
    const { organizationId, publicationId, postId } = started;
    const next: PublicationStatus = outcome.kind === 'manual_due' ? 'manual_due' : publicationStatusAfter(outcome.kind);
    const externalId = outcome.kind === 'published' ? outcome.externalId : null;
    const url = outcome.kind === 'published' ? outcome.url : null;
    const error = outcome.kind === 'published' ? null : outcome.message;
    const retryAfterMs = outcome.kind === 'failed_retryable' ? outcome.retryAfterMs : null;

    // Post first, publication second: the lock order of the claim and of a person's confirmation.
    await lockPost(manager, organizationId, postId);
    await manager.query(
      `UPDATE publish_attempts SET finished_at = now(), outcome = $3, external_id = $4, url = $5, error = $6 WHERE id = $1 AND organization_id = $2 AND finished_at IS NULL`,
      [started.attemptId, organizationId, outcome.kind, externalId, url, error],
    );
    // Still ours: `publishing`, or `unconfirmed` when the lease ran out meanwhile and the answer now proves it went out.
    const [updated]: [unknown[], number] = await manager.query(
      `UPDATE publications SET status = $3, external_id = coalesce($4, external_id), url = coalesce($5, url), error = $6,
              next_attempt_at = CASE WHEN $7::double precision IS NULL THEN NULL ELSE now() + make_interval(secs => $7::double precision) END, updated_at = now()
        WHERE id = $1 AND organization_id = $2 AND (status = 'publishing' OR (status = 'unconfirmed' AND $3 = 'published'))
    RETURNING id`,
      [publicationId, organizationId, next, externalId, url, error, retryAfterMs === null ? null : retryAfterMs / 1000],
    );
    await this.recordAttempt(manager, organizationId, {
      publicationId,
      postId,
      channelId: started.channelId,
      contentHash: started.contentHash,
      attempt: started.attempt,
      outcome: outcome.kind,
      externalId,
      url,
      error,
    });
    if (updated.length === 0) {
      this.logger.warn(`Veröffentlichung ${publicationId} wurde inzwischen anders entschieden; Ergebnis ${outcome.kind} nur protokolliert`);
      return;
    }
    const post = { organizationId, postId };
    const dedupe = `${publicationId}_${started.attempt}`;
    if (outcome.kind === 'failed_permanent') await this.alerts.failed(tx, post, started.channel.name, outcome.message, `publish-failed_${dedupe}`);
    if (outcome.kind === 'unknown') await this.alerts.unconfirmed(tx, post, started.channel.name, outcome.message, `publish-unconfirmed_${dedupe}`);
    if (outcome.kind === 'manual_due') await this.alerts.manualDue(tx, post, started.channel.name, `manual-publish-due_${publicationId}`);
    await this.postStatus.settle(manager, organizationId, postId, null);
    if (retryAfterMs !== null) {
      const retry = { organizationId, postId, version: started.postVersion };
      tx.afterCommit(() => this.jobs.retry(retry, started.attempt + 1, retryAfterMs));
    }
  }

  private async recordAttempt(
    manager: EntityManager,
    organizationId: string,
    attempt: { publicationId: string; postId: string; channelId: string; contentHash: string; attempt: number; outcome: string; externalId?: string | null; url?: string | null; error?: string | null; interrupted?: boolean },
  ): Promise<void> {
    const { publicationId, ...details } = attempt;
    await this.audit.record(manager, { action: 'publication.attempted', organizationId, actorUserId: null, objectType: 'publication', objectId: publicationId, details });
  }

  private async recordMissed(
    manager: EntityManager,
    organizationId: string,
    publicationId: string,
    details: { postId: string; channelId: string; contentHash: string; plannedAt?: string },
  ): Promise<void> {
    await this.audit.record(manager, { action: 'publication.missed', organizationId, actorUserId: null, objectType: 'publication', objectId: publicationId, details });
  }

  private async channelName(manager: EntityManager, channelId: string): Promise<string> {
    const [row]: Array<{ name: string }> = await manager.query(`SELECT name FROM channels WHERE id = $1`, [channelId]);
    return row?.name ?? 'Kanal';
  }
}

async function lockPost(manager: EntityManager, organizationId: string, postId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [postId, organizationId]);
}

function missedMessage(toleranceMs: number): string {
  const minutes = Math.round(toleranceMs / 60_000);
  const span = minutes % 60 === 0 ? (minutes === 60 ? '1 Stunde' : `${minutes / 60} Stunden`) : `${minutes} Minuten`;
  return `Verpasst: mehr als ${span} nach dem geplanten Zeitpunkt. Veröffentlichen nur nach Bestätigung durch eine Person.`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
