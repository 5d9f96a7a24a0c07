import { Injectable, Logger } from '@nestjs/common';
import { CaptureInboxItemRequest as CaptureSchema } from '@amtsplan/contracts';
import { compareMastodonIds, mastodonArrival, type MastodonArrival } from '@amtsplan/domain';
import { AuditLog } from '../../audit/audit-log';
import { Database } from '../../database/database';
import { RequestScope } from '../../database/request-scope';
import type { ScopedTransaction } from '../../database/scoped-transaction';
import { ChannelSecrets } from '../../publishing/channel-secrets';
import { JobQueue } from '../../queues/job-queue';
import { jobId, JobHandler, JobName, JobPayloads } from '../../queues/queue-registry';
import { InboxArrival } from '../inbox-capture.service';
import { MastodonNotificationsClient, type MentionsAnswer } from './mastodon-notifications-client';

/** The scheduler of a channel's poll: one per channel, so adding it again changes nothing. */
export function mastodonPollSchedulerId(channelId: string): string {
  return jobId(JobName.MastodonNotificationsPoll, channelId);
}

interface PolledChannel {
  readonly active: boolean;
  readonly platform: string;
  readonly instanceUrl: string | null;
  readonly accessTokenSealed: string | null;
  readonly credentialsUpdatedAt: Date | null;
  readonly sinceId: string | null;
  readonly tokenRejectedAt: Date | null;
  readonly pausedUntil: Date | null;
}

export type PollOutcome = 'stopped' | 'needs_token' | 'paused' | 'polled' | 'token_rejected' | 'rate_limited' | 'failed';

const TOKEN_REJECTED = 'Mastodon hat den Zugriffstoken abgelehnt. Bitte in den Kanaleinstellungen einen neuen Token hinterlegen; bis dahin wird nicht abgerufen.';

/**
 * One poll of a channel's Mastodon mentions. Reads channel, token and since_id; fetches outside
 * any transaction; then, in one transaction, lets every new mention arrive through the inbox's
 * arrival path (routing rules, response clock, history; the unique index on channel and
 * external id drops what is already there) and moves since_id forward. A rejected token stops
 * the polls until a new token is saved (no retry storm); a 429 pauses until the rate limit resets.
 */
@Injectable()
export class MastodonPoll {
  private readonly logger = new Logger('MastodonPoll');

  constructor(
    private readonly database: Database,
    private readonly secrets: ChannelSecrets,
    private readonly client: MastodonNotificationsClient,
    private readonly arrival: InboxArrival,
    private readonly audit: AuditLog,
    private readonly jobs: JobQueue,
  ) {}

  async run(organizationId: string, channelId: string, now = new Date()): Promise<PollOutcome> {
    const channel = await this.database.transaction({ organizationId }, (tx) => this.channel(tx, channelId));
    if (!channel || !channel.active || channel.platform !== 'mastodon' || !channel.instanceUrl || !channel.accessTokenSealed) {
      // Deactivated, disconnected or deleted: the channel's scheduler goes (reconciliation would remove it too).
      await this.jobs.stopRepeating(JobName.MastodonNotificationsPoll, mastodonPollSchedulerId(channelId));
      return 'stopped';
    }
    if (channel.tokenRejectedAt && (!channel.credentialsUpdatedAt || channel.credentialsUpdatedAt <= channel.tokenRejectedAt)) return 'needs_token';
    if (channel.pausedUntil && channel.pausedUntil > now) return 'paused';

    const instanceUrl = channel.instanceUrl;
    const answer = await this.client.mentions(instanceUrl, this.secrets.open(channelId, channel.accessTokenSealed), channel.sinceId, now);
    return this.database.transaction({ organizationId }, async (tx) => {
      await tx.manager.query(`INSERT INTO inbox_mastodon_polls (organization_id, channel_id) VALUES ($1, $2) ON CONFLICT (channel_id) DO NOTHING`, [organizationId, channelId]);
      const [state]: Array<{ sinceId: string | null; tokenRejectedAt: Date | null }> = await tx.manager.query(
        `SELECT since_id AS "sinceId", token_rejected_at AS "tokenRejectedAt" FROM inbox_mastodon_polls WHERE channel_id = $1 FOR UPDATE`,
        [channelId],
      );
      return this.record(tx, organizationId, channelId, instanceUrl, state ?? { sinceId: null, tokenRejectedAt: null }, answer);
    });
  }

  private async record(
    tx: ScopedTransaction,
    organizationId: string,
    channelId: string,
    instanceUrl: string,
    state: { sinceId: string | null; tokenRejectedAt: Date | null },
    answer: MentionsAnswer,
  ): Promise<PollOutcome> {
    const update = (set: string, params: unknown[]) => tx.manager.query(`UPDATE inbox_mastodon_polls SET last_polled_at = now(), ${set} WHERE channel_id = $1`, [channelId, ...params]);
    if (answer.kind === 'token_rejected') {
      await update(`token_rejected_at = now(), last_error = $2`, [TOKEN_REJECTED]);
      if (!state.tokenRejectedAt) {
        await this.audit.record(tx.manager, { action: 'inbox.mastodon_token_rejected', organizationId, actorUserId: null, objectType: 'channel', objectId: channelId, details: { httpStatus: answer.httpStatus }, ip: null });
      }
      return 'token_rejected';
    }
    if (answer.kind === 'rate_limited') {
      await update(`paused_until = $2, last_error = $3`, [answer.pauseUntil, 'Mastodon begrenzt die Abrufe (HTTP 429); der nächste Abruf wartet, bis das Limit zurückgesetzt ist.']);
      return 'rate_limited';
    }
    if (answer.kind === 'failed') {
      this.logger.warn(`Abruf von Mastodon für Kanal ${channelId} fehlgeschlagen: ${answer.message}`);
      await update(`last_error = $2`, [answer.message]);
      return 'failed';
    }

    const host = new URL(instanceUrl).host;
    const replyTargets = answer.notifications.map((n) => n.status?.in_reply_to_id).filter((id): id is string => typeof id === 'string');
    const ours: Array<{ externalId: string; postId: string }> = replyTargets.length
      ? await tx.manager.query(`SELECT external_id AS "externalId", post_id AS "postId" FROM publications WHERE channel_id = $1 AND external_id = ANY($2::text[])`, [channelId, replyTargets])
      : [];
    const postOf = new Map(ours.map((p) => [p.externalId, p.postId]));
    const arrivals = answer.notifications
      .map((n) => mastodonArrival(n, new Set(postOf.keys()), host))
      .filter((a): a is MastodonArrival => a !== null)
      .sort((a, b) => compareMastodonIds(a.externalId, b.externalId));
    let created = 0;
    await RequestScope.run(workerScope(tx, organizationId), async () => {
      for (const a of arrivals) {
        const capture = CaptureSchema.parse({
          kind: a.kind,
          channelId,
          authorHandle: a.authorHandle.slice(0, 200),
          authorDisplayName: a.authorDisplayName?.slice(0, 200) ?? null,
          authorProfileUrl: a.authorProfileUrl,
          text: a.text,
          permalink: a.permalink,
          receivedAt: new Date(a.receivedAt).toISOString(),
          postId: a.kind === 'comment' && a.inReplyToId ? (postOf.get(a.inReplyToId) ?? null) : null,
        });
        if (await this.arrival.receive(capture, { source: 'mastodon', externalId: a.externalId, externalStatusId: a.externalId }, false)) created++;
      }
    });
    const newest = answer.notifications.map((n) => n.id).sort(compareMastodonIds).at(-1) ?? null;
    const sinceId = newest && (!state.sinceId || compareMastodonIds(newest, state.sinceId) > 0) ? newest : state.sinceId;
    const warning = answer.truncated ? 'Mehr Erwähnungen seit dem letzten Abruf, als ein Abruf liest (400); die ältesten davon wurden übersprungen.' : null;
    if (warning) this.logger.warn(`Kanal ${channelId}: ${warning}`);
    await update(`since_id = $2, last_success_at = now(), last_error = $5, token_rejected_at = NULL, paused_until = $3, fetched_count = fetched_count + $4`, [sinceId, answer.pauseUntil, created, warning]);
    if (created > 0) {
      await this.audit.record(tx.manager, {
        action: 'inbox.mastodon_polled',
        organizationId,
        actorUserId: null,
        objectType: 'channel',
        objectId: channelId,
        details: { created, fetched: answer.notifications.length, sinceId },
        ip: null,
      });
    }
    return 'polled';
  }

  private async channel(tx: ScopedTransaction, channelId: string): Promise<PolledChannel | null> {
    const [found]: PolledChannel[] = await tx.manager.query(
      `SELECT c.active, c.platform, k.instance_url AS "instanceUrl", k.access_token_sealed AS "accessTokenSealed", k.updated_at AS "credentialsUpdatedAt",
              p.since_id AS "sinceId", p.token_rejected_at AS "tokenRejectedAt", p.paused_until AS "pausedUntil"
         FROM channels c
         LEFT JOIN channel_credentials k ON k.channel_id = c.id
         LEFT JOIN inbox_mastodon_polls p ON p.channel_id = c.id
        WHERE c.id = $1 AND c.organization_id = $2`,
      [channelId, tx.scope.organizationId],
    );
    return found ?? null;
  }
}

/**
 * The arrival path reads its organization from the request scope. A poll is nobody's request:
 * the scope carries no user (history lines and audit events without an actor, like other jobs).
 */
function workerScope(tx: ScopedTransaction, organizationId: string) {
  return { tx, organizationId, userId: null as unknown as string, membershipId: '', role: 'viewer' as const, ip: null };
}

@Injectable()
export class MastodonNotificationsPollHandler implements JobHandler<JobName.MastodonNotificationsPoll> {
  readonly job = JobName.MastodonNotificationsPoll;

  constructor(private readonly poll: MastodonPoll) {}

  async handle({ organizationId, channelId }: JobPayloads[JobName.MastodonNotificationsPoll]): Promise<void> {
    await this.poll.run(organizationId, channelId);
  }
}
