import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@amtsplan/contracts';
import { ScopedTransaction } from '../database/scoped-transaction';
import { Notifier } from '../notifications/notifier';

export interface AlertedPost {
  readonly organizationId: string;
  readonly postId: string;
}

interface PostPeople {
  readonly workingTitle: string;
  readonly authorUserId: string;
  readonly responsibleUserId: string | null;
}

/**
 * The publisher's alerts to the people of a post (its responsible person and author), in the
 * transaction that records what they report: "Freigabe fehlt", failed, unconfirmed, missed,
 * and the "Jetzt veröffentlichen" task of a channel without API connection. Delivered by the
 * Notifier (bell, and e-mail by the person's choice).
 */
@Injectable()
export class PublishingAlerts {
  constructor(private readonly notifier: Notifier) {}

  /** The planned time came without a complete Freigabe: the post was not published. */
  approvalMissing(tx: ScopedTransaction, post: AlertedPost, plannedAt: Date): Promise<void> {
    return this.send(tx, post, 'approval_missing', (title) => ({
      title: `Freigabe fehlt: ${title}`,
      body: 'Der geplante Zeitpunkt ist erreicht, aber der Beitrag ist nicht vollständig freigegeben. Er wurde nicht veröffentlicht.',
      // Matched by publishing_approval_missing (migration CreatePublishing), which skips reported posts.
      dedupeKey: `approval-missing_${post.postId}_${plannedAt.toISOString()}`,
    }));
  }

  failed(tx: ScopedTransaction, post: AlertedPost, channelName: string, reason: string, dedupeKey: string): Promise<void> {
    return this.send(tx, post, 'publish_failed', (title) => ({ title: `Veröffentlichung fehlgeschlagen: ${title}`, body: `${channelName}: ${reason}`, dedupeKey }));
  }

  missed(tx: ScopedTransaction, post: AlertedPost, channelNames: readonly string[], dedupeKey: string): Promise<void> {
    return this.send(tx, post, 'publish_failed', (title) => ({
      title: `Verpasst: ${title}`,
      body: `Der Beitrag wurde nicht rechtzeitig veröffentlicht (${channelNames.join(', ')}) und geht ohne Bestätigung durch eine Person nicht mehr hinaus.`,
      dedupeKey,
    }));
  }

  unconfirmed(tx: ScopedTransaction, post: AlertedPost, channelName: string, reason: string, dedupeKey: string): Promise<void> {
    return this.send(tx, post, 'publish_unconfirmed', (title) => ({ title: `Veröffentlichung unbestätigt: ${title}`, body: `${channelName}: ${reason}`, dedupeKey }));
  }

  manualDue(tx: ScopedTransaction, post: AlertedPost, channelName: string, dedupeKey: string): Promise<void> {
    return this.send(tx, post, 'manual_publish_due', (title) => ({
      title: `Jetzt veröffentlichen: ${title}`,
      body: `${channelName} hat keine Anbindung. Bitte den freigegebenen Text von Hand veröffentlichen und mit der Adresse des Beitrags bestätigen.`,
      dedupeKey,
    }));
  }

  private async send(
    tx: ScopedTransaction,
    post: AlertedPost,
    kind: NotificationKind,
    text: (workingTitle: string) => { title: string; body: string; dedupeKey: string },
  ): Promise<void> {
    const [people]: PostPeople[] = await tx.manager.query(
      `SELECT working_title AS "workingTitle", author_user_id AS "authorUserId", responsible_user_id AS "responsibleUserId" FROM posts WHERE id = $1 AND organization_id = $2`,
      [post.postId, post.organizationId],
    );
    if (!people) return;
    const { title, body, dedupeKey } = text(shorten(people.workingTitle, 150));
    await this.notifier.notify(tx, {
      organizationId: post.organizationId,
      recipients: [people.responsibleUserId ?? people.authorUserId, people.authorUserId],
      kind,
      title,
      body: shorten(body, 2000),
      link: `/o/${post.organizationId}/redaktionsplan?beitrag=${post.postId}`,
      dedupeKey,
    });
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
