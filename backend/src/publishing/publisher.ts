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
import { type PreparedStatement, runPrepared } from '../database/prepared-query';
import { ScopedTransaction } from '../database/scoped-transaction';
import { type AdapterOutcome, adapterFor, type ChannelAdapter, type PublishChannel, type PublishContent } from './adapters/channel-adapter';
import { ManualAdapter } from './adapters/manual-adapter';
import { MastodonAdapter } from './adapters/mastodon-adapter';
import { ApprovedContent, ApprovedContentProblem, type ApprovedImageFiles } from './approved-content';
import { ChannelSecrets } from './channel-secrets';
import { claimPost, type ClaimedPost, lockDuePost } from './publish-claim';
import { PublishJobs } from './publish-jobs';
import { lockPublishedPost, PostPublicationStatus } from './post-publication-status';
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

/** A started attempt as START_DUE_ATTEMPTS returns it, with the approval's content and the channel. */
interface StartedRow {
  readonly publicationId: string;
  readonly attemptId: string;
  readonly attempt: number;
  readonly postId: string;
  readonly postVersion: number;
  readonly channelId: string;
  readonly contentHash: string;
  readonly adapter: PublicationAdapter;
  readonly canonicalContent: string;
  readonly channelName: string | null;
  readonly platform: PlatformId | null;
  readonly instanceUrl: string | null;
  readonly sealedToken: string | null;
}

/**
 * The start of a post's due attempts, in one statement: `pending → publishing` for each due
 * publication whose organization is not in Kommunikationsstopp and whose approval is still
 * `approved` with the publication's hash (checked per row, for every attempt); an attempt row per
 * started publication, its Idempotency-Key the publication id; and what running them needs:
 * the approved canonical content (never the live post) and the channel with its credentials.
 * $1 organization, $2 post.
 */
export const START_DUE_ATTEMPTS: PreparedStatement = {
  name: 'publishing_start_due_attempts',
  text: `
  WITH started AS (
    UPDATE publications u SET status = 'publishing', attempt_count = attempt_count + 1, next_attempt_at = NULL, updated_at = now()
     WHERE u.organization_id = $1 AND u.post_id = $2 AND u.status = 'pending' AND (u.next_attempt_at IS NULL OR u.next_attempt_at <= now())
       AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.communication_stop)
       AND EXISTS (SELECT 1 FROM approval_requests r WHERE r.id = u.approval_request_id AND r.status = 'approved' AND r.content_hash = u.content_hash)
    RETURNING u.id, u.post_id, u.post_version, u.channel_id, u.approval_request_id, u.content_hash, u.adapter, u.attempt_count
  ), attempts AS (
    INSERT INTO publish_attempts (id, organization_id, publication_id, post_id, post_version, channel_id, content_hash, attempt_no, idempotency_key, started_at)
    SELECT gen_random_uuid(), $1, s.id, s.post_id, s.post_version, s.channel_id, s.content_hash, s.attempt_count, s.id::text, now() FROM started s
    RETURNING id, publication_id
  )
  SELECT s.id AS "publicationId", a.id AS "attemptId", s.attempt_count AS attempt, s.post_id AS "postId", s.post_version AS "postVersion",
         s.channel_id AS "channelId", s.content_hash AS "contentHash", s.adapter, r.canonical_content AS "canonicalContent",
         c.name AS "channelName", c.platform, k.instance_url AS "instanceUrl", k.access_token_sealed AS "sealedToken"
    FROM started s
    JOIN attempts a ON a.publication_id = s.id
    JOIN approval_requests r ON r.id = s.approval_request_id AND r.organization_id = $1
    LEFT JOIN channels c ON c.id = s.channel_id AND c.organization_id = $1
    LEFT JOIN channel_credentials k ON k.channel_id = s.channel_id AND k.organization_id = $1`,
};

const CLAIMED_CHANNELS: PreparedStatement = {
  name: 'publishing_claimed_channels',
  text: `SELECT c.id, c.name, c.platform, (k.channel_id IS NOT NULL) AS connected
           FROM channels c LEFT JOIN channel_credentials k ON k.channel_id = c.id AND k.organization_id = c.organization_id
          WHERE c.organization_id = $1 AND c.id = ANY($2::uuid[])`,
};

/** All publications of a claim (one per channel of the approved content) in one statement. */
export const INSERT_PUBLICATIONS: PreparedStatement = {
  name: 'publishing_insert_publications',
  text: `INSERT INTO publications (id, organization_id, post_id, channel_id, approval_request_id, content_hash, post_version, adapter, status, error)
         SELECT t.id, $1, $2, t.channel_id, $3, $4, $5, t.adapter, $6, $7 FROM unnest($8::uuid[], $9::uuid[], $10::text[]) AS t(id, channel_id, adapter)`,
};

/**
 * The end of an attempt, in one statement: the attempt gets its outcome and the publication its
 * status — the publication only while it is still ours: `publishing`, or `unconfirmed` when the
 * lease ran out meanwhile and the answer now proves it went out — the attempt's audit event
 * (as AuditLog.record writes it), and the statuses of all the post's publications of its
 * approval (this one's new status included) for settling the post.
 * $1 publication, $2 organization, $3 new status, $4 external id, $5 URL, $6 error,
 * $7 retry after (s), $8 outcome, $9 attempt, $10 audit details, $11 post, $12 the post's approval.
 */
const FINISH_ATTEMPT: PreparedStatement = {
  name: 'publishing_finish_attempt',
  text: `WITH attempt AS (
           UPDATE publish_attempts SET finished_at = now(), outcome = $8, external_id = $4, url = $5, error = $6 WHERE id = $9 AND organization_id = $2 AND finished_at IS NULL
         ), updated AS (
           UPDATE publications SET status = $3, external_id = coalesce($4, external_id), url = coalesce($5, url), error = $6,
                  next_attempt_at = CASE WHEN $7::double precision IS NULL THEN NULL ELSE now() + make_interval(secs => $7::double precision) END, updated_at = now()
            WHERE id = $1 AND organization_id = $2 AND (status = 'publishing' OR (status = 'unconfirmed' AND $3 = 'published'))
        RETURNING id, status
         ), audit AS (
           INSERT INTO audit_events (organization_id, actor_user_id, action, object_type, object_id, details, ip)
           VALUES ($2, NULL, 'publication.attempted', 'publication', $1::text, $10::jsonb, NULL)
         )
         SELECT EXISTS (SELECT 1 FROM updated) AS updated,
                coalesce((SELECT array_agg(coalesce(n.status, u.status)) FROM publications u LEFT JOIN updated n ON n.id = u.id
                           WHERE u.post_id = $11 AND u.organization_id = $2 AND u.approval_request_id = $12), '{}') AS statuses`,
};

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

  /**
   * What a job or the sweep asks for: take the post if it is due and start its due attempts, in
   * one transaction; then run them (channels in parallel).
   */
  async advance(organizationId: string, postId: string): Promise<void> {
    const started = await this.database.transaction({ organizationId }, async (tx) => {
      const claimed = await this.claimIn(tx, organizationId, postId);
      // Claimed too late: its publications were recorded as missed, nothing is started.
      if (claimed?.missed) return [];
      // Just claimed in time: the claim's own statement has already told "not too late".
      return this.startDueAttempts(tx, organizationId, postId, { lateness: claimed ? 'checked_by_claim' : 'check' });
    });
    await this.runAll(started);
  }

  /** Claims a due post and creates its publications; null when it is not (or no longer) publishable. */
  async claim(organizationId: string, postId: string): Promise<ClaimedPost | null> {
    return this.database.transaction({ organizationId }, (tx) => this.claimIn(tx, organizationId, postId));
  }

  /** Runs every publication of the post whose attempt is due (channels in parallel). */
  async runDueAttempts(organizationId: string, postId: string): Promise<void> {
    const started = await this.database.transaction({ organizationId }, (tx) => this.startDueAttempts(tx, organizationId, postId, { lateness: 'check' }));
    await this.runAll(started);
  }

  private async claimIn(tx: ScopedTransaction, organizationId: string, postId: string): Promise<ClaimedPost | null> {
    const manager = tx.manager;
    const post = await lockDuePost(manager, organizationId, postId);
    if (!post) return null;
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
  }

  private async runAll(started: readonly StartedAttempt[]): Promise<void> {
    await Promise.all(started.map((attempt) => this.run(attempt)));
  }

  /** One started attempt: the content is made ready and sent outside any transaction, then the outcome is recorded. */
  private async run(started: StartedAttempt): Promise<void> {
    const { organizationId } = started;
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
    const { rows: channels } = await runPrepared<{ id: string; name: string; platform: PlatformId; connected: boolean }>(manager, CLAIMED_CHANNELS, [
      claimed.organizationId,
      channelIds,
    ]);
    const byId = new Map(channels.map((c) => [c.id, c]));
    const status: PublicationStatus = claimed.missed ? 'missed' : 'pending';
    const publications = channelIds.map((channelId) => {
      const channel = byId.get(channelId);
      return { id: randomUUID(), channelId, adapter: channel ? adapterFor(channel) : 'manual', name: channel?.name ?? channelId };
    });
    // One statement for all channels of the approved content.
    await runPrepared(manager, INSERT_PUBLICATIONS, [
        claimed.organizationId,
        claimed.postId,
        claimed.requestId,
        claimed.contentHash,
        claimed.version,
        status,
        claimed.missed ? missedMessage(this.missedAfterMs) : null,
        publications.map((p) => p.id),
        publications.map((p) => p.channelId),
        publications.map((p) => p.adapter),
    ]);
    const names = publications.map((p) => p.name);
    if (claimed.missed) {
      for (const publication of publications) {
        await this.recordMissed(manager, claimed.organizationId, publication.id, {
          postId: claimed.postId,
          channelId: publication.channelId,
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

  /**
   * Starts every due attempt of the post: a pending publication that has become too late goes to
   * `missed` instead (unless `lateness` was just checked by the claim in this transaction), then
   * ONE conditional UPDATE moves the others `pending → publishing`, each row only while its
   * organization is not in Kommunikationsstopp and its approval still holds with the same hash,
   * and records their attempts as started. At most one worker starts an attempt.
   */
  private async startDueAttempts(
    tx: ScopedTransaction,
    organizationId: string,
    postId: string,
    options: { lateness: 'check' | 'checked_by_claim' },
  ): Promise<StartedAttempt[]> {
    const manager = tx.manager;
    if (options.lateness === 'check') await this.missLatePublications(tx, organizationId, postId);
    const { rows } = await runPrepared<StartedRow>(manager, START_DUE_ATTEMPTS, [organizationId, postId]);
    const located = new Map<string, ApprovedImageFiles>();
    const started: StartedAttempt[] = [];
    for (const row of rows) {
      // Read once per approval (all channels of a post share it), inside the transaction.
      const files = located.get(row.canonicalContent) ?? (await this.approved.locate(manager, organizationId, row.canonicalContent));
      located.set(row.canonicalContent, files);
      started.push({
        organizationId,
        publicationId: row.publicationId,
        attemptId: row.attemptId,
        attempt: row.attempt,
        postId: row.postId,
        postVersion: row.postVersion,
        channelId: row.channelId,
        contentHash: row.contentHash,
        adapter: row.adapter,
        located: files,
        channel: { name: row.channelName ?? row.channelId, platform: row.platform ?? 'website', instanceUrl: row.instanceUrl, sealedToken: row.sealedToken },
      });
    }
    return started;
  }

  /**
   * Too late by now (e.g. a retry after a long Kommunikationsstopp): missed, not sent — unless a
   * person sent it back (settled_at: "Jetzt doch veröffentlichen", "Erneut versuchen").
   */
  private async missLatePublications(tx: ScopedTransaction, organizationId: string, postId: string): Promise<void> {
    const manager = tx.manager;
    const late: Array<{ publicationId: string; channelId: string; contentHash: string }> = (
      await manager.query(
        `UPDATE publications u SET status = 'missed', error = $3, updated_at = now()
           FROM posts p
          WHERE u.post_id = $1 AND u.organization_id = $2 AND u.status = 'pending' AND (u.next_attempt_at IS NULL OR u.next_attempt_at <= now()) AND u.settled_at IS NULL
            AND p.id = u.post_id AND p.organization_id = u.organization_id AND GREATEST(p.planned_at, p.publish_released_at) < now() - make_interval(secs => $4::double precision)
      RETURNING u.id AS "publicationId", u.channel_id AS "channelId", u.content_hash AS "contentHash"`,
        [postId, organizationId, missedMessage(this.missedAfterMs), this.missedAfterMs / 1000],
      )
    )[0];
    for (const { publicationId, channelId, contentHash } of late) {
      await this.recordMissed(manager, organizationId, publicationId, { postId, channelId, contentHash });
      await this.alerts.missed(tx, { organizationId, postId }, [await this.channelName(manager, channelId)], `publish-missed_${publicationId}`);
    }
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
    const post = await lockPublishedPost(manager, organizationId, postId);
    const details = {
      postId,
      channelId: started.channelId,
      contentHash: started.contentHash,
      attempt: started.attempt,
      outcome: outcome.kind,
      externalId,
      url,
      error,
    };
    const { rows } = await runPrepared<{ updated: boolean; statuses: PublicationStatus[] }>(manager, FINISH_ATTEMPT, [
      publicationId,
      organizationId,
      next,
      externalId,
      url,
      error,
      retryAfterMs === null ? null : retryAfterMs / 1000,
      outcome.kind,
      started.attemptId,
      JSON.stringify(details),
      postId,
      post?.requestId ?? null,
    ]);
    const finished = rows[0];
    if (!finished?.updated) {
      this.logger.warn(`Veröffentlichung ${publicationId} wurde inzwischen anders entschieden; Ergebnis ${outcome.kind} nur protokolliert`);
      return;
    }
    const alerted = { organizationId, postId };
    const dedupe = `${publicationId}_${started.attempt}`;
    if (outcome.kind === 'failed_permanent') await this.alerts.failed(tx, alerted, started.channel.name, outcome.message, `publish-failed_${dedupe}`);
    if (outcome.kind === 'unknown') await this.alerts.unconfirmed(tx, alerted, started.channel.name, outcome.message, `publish-unconfirmed_${dedupe}`);
    if (outcome.kind === 'manual_due') await this.alerts.manualDue(tx, alerted, started.channel.name, `manual-publish-due_${publicationId}`);
    await this.postStatus.settleLocked(manager, post, null, finished.statuses);
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

function missedMessage(toleranceMs: number): string {
  const minutes = Math.round(toleranceMs / 60_000);
  const span = minutes % 60 === 0 ? (minutes === 60 ? '1 Stunde' : `${minutes / 60} Stunden`) : `${minutes} Minuten`;
  return `Verpasst: mehr als ${span} nach dem geplanten Zeitpunkt. Veröffentlichen nur nach Bestätigung durch eine Person.`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
