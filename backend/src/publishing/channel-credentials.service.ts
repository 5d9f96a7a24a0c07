import { Inject, Injectable } from '@nestjs/common';
import type { ChannelCredentialsRequest, ChannelCredentialsView } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';
import { ChannelSecrets } from './channel-secrets';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

interface StoredCredentials {
  instanceUrl: string;
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string | null;
  pollLastPolledAt: Date | null;
  pollLastSuccessAt: Date | null;
  pollError: string | null;
  pollTokenRejectedAt: Date | null;
}

/**
 * A channel's connection to its platform (Mastodon: instance and access token). The token is
 * sealed (ChannelSecrets) before it is written, and no answer and no audit event ever holds it.
 */
@Injectable()
export class ChannelCredentialsService {
  private readonly production: boolean;

  constructor(
    private readonly secrets: ChannelSecrets,
    private readonly audit: AuditLog,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.production = config.env === 'production';
  }

  async get(channelId: string): Promise<ChannelCredentialsView> {
    await this.channel(channelId);
    const stored = await this.stored(channelId);
    if (!stored) throw ProblemException.notFound('Dieser Kanal ist nicht verbunden.');
    return toView(channelId, stored);
  }

  async put(channelId: string, request: ChannelCredentialsRequest): Promise<ChannelCredentialsView> {
    const channel = await this.channel(channelId);
    if (channel.platform !== 'mastodon') throw ProblemException.unprocessable('Nur Mastodon-Kanäle lassen sich derzeit verbinden; andere Kanäle werden von Hand veröffentlicht.');
    if (!this.secrets.available) {
      throw ProblemException.unprocessable('Auf diesem Server ist kein Schlüssel für Zugangsdaten eingerichtet (CHANNEL_SECRET_KEY). Bitte den Betrieb informieren.');
    }
    const instanceUrl = this.instanceOrigin(request.instanceUrl);
    const { organizationId, userId } = RequestScope.organization();
    const replaced = (await this.stored(channelId)) !== null;
    await RequestScope.manager().query(
      `INSERT INTO channel_credentials (organization_id, channel_id, instance_url, access_token_sealed, updated_by_user_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (channel_id) DO UPDATE SET instance_url = EXCLUDED.instance_url, access_token_sealed = EXCLUDED.access_token_sealed,
              updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
      [organizationId, channelId, instanceUrl, this.secrets.seal(channelId, request.accessToken), userId],
    );
    await this.audit.recordInOrganization({
      action: 'channel.credentials_updated',
      objectType: 'channel',
      objectId: channelId,
      details: { platform: channel.platform, instanceUrl, replaced },
    });
    // The inbox's poll of the channel starts now rather than at the next reconciliation (docs/community.md).
    const savedAt = Date.now();
    RequestScope.organization().tx.afterCommit(async () => {
      await this.jobs.enqueue(JobName.MastodonPollingReconcile, { scheduledFor: new Date(savedAt).toISOString() }, { jobId: jobId(JobName.MastodonPollingReconcile, 'credentials', channelId, savedAt) });
    });
    const stored = await this.stored(channelId);
    if (!stored) throw new Error('Channel credentials vanished within their own transaction');
    return toView(channelId, stored);
  }

  async remove(channelId: string): Promise<void> {
    const channel = await this.channel(channelId);
    const { organizationId } = RequestScope.organization();
    const [deleted]: [Array<{ instanceUrl: string }>, number] = await RequestScope.manager().query(
      `DELETE FROM channel_credentials WHERE channel_id = $1 AND organization_id = $2 RETURNING instance_url AS "instanceUrl"`,
      [channelId, organizationId],
    );
    if (!deleted[0]) throw ProblemException.notFound('Dieser Kanal ist nicht verbunden.');
    await this.audit.recordInOrganization({
      action: 'channel.credentials_removed',
      objectType: 'channel',
      objectId: channelId,
      details: { platform: channel.platform, instanceUrl: deleted[0].instanceUrl },
    });
  }

  /** The origin only; https, except a loopback address outside production (a local test instance). */
  private instanceOrigin(value: string): string {
    const url = new URL(value);
    const local = LOOPBACK.has(url.hostname) && !this.production;
    if (url.protocol !== 'https:' && !local) {
      throw ProblemException.validation([{ path: 'instanceUrl', message: 'Bitte eine Adresse mit https:// angeben.' }]);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username || url.password) {
      throw ProblemException.validation([{ path: 'instanceUrl', message: 'Bitte nur die Adresse der Instanz angeben, z. B. https://social.bund.de' }]);
    }
    return url.origin;
  }

  private async channel(channelId: string): Promise<{ platform: string }> {
    const { organizationId } = RequestScope.organization();
    const [channel]: Array<{ platform: string }> = await RequestScope.manager().query(`SELECT platform FROM channels WHERE id = $1 AND organization_id = $2`, [
      channelId,
      organizationId,
    ]);
    if (!channel) throw ProblemException.notFound();
    return channel;
  }

  private async stored(channelId: string): Promise<StoredCredentials | null> {
    const { organizationId } = RequestScope.organization();
    const [row]: StoredCredentials[] = await RequestScope.manager().query(
      `SELECT k.instance_url AS "instanceUrl", k.updated_at AS "updatedAt", k.updated_by_user_id AS "updatedById", u.display_name AS "updatedByName",
              p.last_polled_at AS "pollLastPolledAt", p.last_success_at AS "pollLastSuccessAt", p.last_error AS "pollError", p.token_rejected_at AS "pollTokenRejectedAt"
         FROM channel_credentials k LEFT JOIN users u ON u.id = k.updated_by_user_id
         LEFT JOIN inbox_mastodon_polls p ON p.channel_id = k.channel_id
        WHERE k.channel_id = $1 AND k.organization_id = $2`,
      [channelId, organizationId],
    );
    return row ?? null;
  }
}

function toView(channelId: string, stored: StoredCredentials): ChannelCredentialsView {
  return {
    channelId,
    instanceUrl: stored.instanceUrl,
    tokenStored: true,
    updatedAt: new Date(stored.updatedAt).toISOString(),
    updatedBy: stored.updatedById ? { id: stored.updatedById, displayName: stored.updatedByName ?? '' } : null,
    inboxPoll: stored.pollLastPolledAt
      ? {
          lastPolledAt: new Date(stored.pollLastPolledAt).toISOString(),
          lastSuccessAt: stored.pollLastSuccessAt ? new Date(stored.pollLastSuccessAt).toISOString() : null,
          error: stored.pollError,
          // A token saved after the rejection is tried again.
          tokenRejected: stored.pollTokenRejectedAt !== null && new Date(stored.pollTokenRejectedAt) >= new Date(stored.updatedAt),
        }
      : null,
  };
}
