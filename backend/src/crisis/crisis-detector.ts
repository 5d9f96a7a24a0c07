import { Injectable, Logger } from '@nestjs/common';
import {
  channelsMeeting,
  channelWindows,
  crisisLevelLabel,
  DEFAULT_SHITSTORM_SCALE,
  DEFAULT_WINDOW_MINUTES,
  type DetectionScale,
  detectionDecision,
  isCrisisLevel,
  type InboxSignal,
  type PlaybookContent,
  playbookLevel,
  type ScaleLevel,
  type ScaleSuggestion,
  strongestSuggestion,
} from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { Notifier } from '../notifications/notifier';
import type { DetectionChannelEvidence } from './crisis-detection.entity';

/** Roles told of every alert besides the level's member contacts: they can declare a crisis. */
const ALERTED_ROLES = ['admin', 'editor'];

export interface DetectionOutcome {
  readonly decision: 'alert' | 'same_wave' | 'none';
  readonly detectionId: string | null;
  readonly level: number | null;
}

interface ApprovedPlaybook {
  readonly id: string;
  readonly number: number;
  readonly content: PlaybookContent;
}

/**
 * One detection run for one organization (docs/crisis.md, decision 0021): the inbox's rolling
 * per-channel windows against the triggers of the organization's approved playbooks (the
 * default scale when none is approved). A new wave or a higher level records a „Möglicher
 * Shitstorm“ alert and tells the level's member contacts and the editors and admins, in-app
 * and by e-mail. It never declares a crisis or touches the Kommunikationsstopp.
 */
@Injectable()
export class CrisisDetector {
  private readonly logger = new Logger('CrisisDetector');

  constructor(
    private readonly database: Database,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
  ) {}

  run(organizationId: string, now = new Date()): Promise<DetectionOutcome> {
    return this.database.transaction({ organizationId }, async (tx) => {
      // Two runs of one organization (arrival and sweep) must not both raise the same alert.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('crisis-detection'), hashtext($1))`, [organizationId]);
      const windows = channelWindows(await this.signals(tx, organizationId, now), now, DEFAULT_WINDOW_MINUTES);
      const playbooks = await this.approvedPlaybooks(tx, organizationId);
      const scales: DetectionScale[] = playbooks.length
        ? playbooks.map((p) => ({ playbookId: p.id, versionNumber: p.number, levels: scaleOf(p.content) }))
        : [{ playbookId: null, versionNumber: null, levels: DEFAULT_SHITSTORM_SCALE }];
      const suggestion = strongestSuggestion(windows, scales);
      const [last]: Array<{ id: string; level: number; lastSeenAt: Date }> = await tx.manager.query(
        `SELECT id, suggested_level AS level, last_seen_at AS "lastSeenAt" FROM crisis_detections WHERE organization_id = $1 ORDER BY detected_at DESC LIMIT 1`,
        [organizationId],
      );
      const [open]: Array<{ level: number | null }> = await tx.manager.query(
        `SELECT max(level)::int AS level FROM incidents WHERE organization_id = $1 AND NOT drill AND status IN ('declared', 'active')`,
        [organizationId],
      );
      const decision = detectionDecision({
        suggestedLevel: suggestion?.level ?? null,
        last: last ? { level: last.level, lastSeenAt: new Date(last.lastSeenAt) } : null,
        openIncidentLevel: open?.level ?? null,
        now,
      });
      if (decision === 'same_wave' && last) {
        await tx.manager.query(`UPDATE crisis_detections SET last_seen_at = $2 WHERE id = $1 AND organization_id = $3`, [last.id, now, organizationId]);
      }
      if (decision !== 'alert' || !suggestion) return { decision, detectionId: null, level: suggestion?.level ?? null };
      const detectionId = await this.raise(tx, organizationId, suggestion, playbooks, now);
      return { decision, detectionId, level: suggestion.level };
    });
  }

  private async signals(tx: ScopedTransaction, organizationId: string, now: Date): Promise<InboxSignal[]> {
    const rows: Array<{ channelId: string; receivedAt: Date; category: string | null }> = await tx.manager.query(
      `SELECT channel_id AS "channelId", received_at AS "receivedAt", category FROM inbox_items
        WHERE organization_id = $1 AND channel_id IS NOT NULL
          AND received_at > $2::timestamptz - make_interval(mins => $3) AND received_at <= $2::timestamptz`,
      [organizationId, now, DEFAULT_WINDOW_MINUTES],
    );
    return rows.map((r) => ({ channelId: r.channelId, receivedAt: new Date(r.receivedAt), category: r.category }));
  }

  /** Each playbook's newest approved version, oldest playbook first (a tie goes to it). */
  private approvedPlaybooks(tx: ScopedTransaction, organizationId: string): Promise<ApprovedPlaybook[]> {
    return tx.manager.query(
      `SELECT id, number, content FROM (
         SELECT DISTINCT ON (p.id) p.id, p.created_at, v.number, v.content FROM playbooks p
           JOIN playbook_versions v ON v.playbook_id = p.id AND v.status = 'approved'
          WHERE p.organization_id = $1 ORDER BY p.id, v.number DESC) approved
        ORDER BY created_at, id`,
      [organizationId],
    );
  }

  private async raise(tx: ScopedTransaction, organizationId: string, suggestion: ScaleSuggestion, playbooks: readonly ApprovedPlaybook[], now: Date): Promise<string> {
    const playbook = playbooks.find((p) => p.id === suggestion.scale.playbookId) ?? null;
    const levelName = crisisLevelLabel(suggestion.level, suggestion.scale.levels);
    const names = await this.channelNames(tx, organizationId, suggestion.windows.map((w) => w.channelId));
    const triggers = suggestion.scale.levels.find((l) => l.level === suggestion.level)?.triggers;
    const meeting = new Set(triggers ? channelsMeeting(suggestion.windows, triggers).map((w) => w.channelId) : suggestion.channelIds);
    const channels: DetectionChannelEvidence[] = suggestion.windows.map((w) => ({
      channelId: w.channelId,
      channelName: names.get(w.channelId) ?? 'Kanal',
      items: w.items,
      negative: w.negative,
      negativePerHour: Math.round(w.negativePerHour * 10) / 10,
      negativeShare: Math.round(w.negativeShare * 1000) / 1000,
      meeting: meeting.has(w.channelId),
    }));
    const [{ id }]: Array<{ id: string }> = await tx.manager.query(
      `INSERT INTO crisis_detections (organization_id, suggested_level, level_name, playbook_id, playbook_version_number, window_minutes, channels, detected_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8) RETURNING id`,
      [organizationId, suggestion.level, levelName, playbook?.id ?? null, playbook?.number ?? null, DEFAULT_WINDOW_MINUTES, JSON.stringify(channels), now],
    );
    await this.audit.record(tx.manager, {
      action: 'crisis_detection.raised',
      organizationId,
      actorUserId: null,
      objectType: 'crisis_detection',
      objectId: id,
      details: { level: suggestion.level, playbookId: playbook?.id ?? null, versionNumber: playbook?.number ?? null, channels: channels.filter((c) => c.meeting).length },
      ip: null,
    });
    const recipients = await this.recipients(tx, organizationId, playbook?.content ?? null, suggestion.level);
    const affected = channels.filter((c) => c.meeting);
    const figures = affected.map((c) => `${c.channelName}: ${c.negative} negative von ${c.items} Einträgen in ${DEFAULT_WINDOW_MINUTES} Minuten (${Math.round(c.negativeShare * 100)} %)`).join('\n');
    await this.notifier.notify(tx, {
      organizationId,
      recipients,
      kind: 'crisis_suspected',
      title: `Möglicher Shitstorm: ${levelName}`.slice(0, 200),
      body: [
        `Im Posteingang ist die Schwelle von ${levelName}${playbook ? ` des Playbooks „${playbook.content.name}“` : ''} überschritten.`,
        figures,
        'Der Krisenmodus wurde nicht aktiviert. Bitte prüfen und gegebenenfalls „Krise ausrufen“.',
      ]
        .filter(Boolean)
        .join('\n')
        .slice(0, 2000),
      link: `/o/${organizationId}/krisen-playbooks`,
      dedupeKey: `crisis-suspected_${id}`,
    });
    this.logger.log(`Möglicher Shitstorm erkannt (${levelName}) für ${organizationId}`);
    return id;
  }

  private async channelNames(tx: ScopedTransaction, organizationId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; name: string }> = await tx.manager.query(`SELECT id, name FROM channels WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The level's member contacts in the playbook, and every admin and editor. */
  private async recipients(tx: ScopedTransaction, organizationId: string, content: PlaybookContent | null, level: number): Promise<string[]> {
    const rows: Array<{ userId: string }> = await tx.manager.query(`SELECT user_id AS "userId" FROM memberships WHERE organization_id = $1 AND role = ANY($2::text[])`, [organizationId, ALERTED_ROLES]);
    const defined = content ? playbookLevel(content, level) : null;
    const contacts = content && defined ? content.contacts.filter((c) => defined.contactIds.includes(c.id) && c.userId).map((c) => c.userId as string) : [];
    return [...new Set([...contacts, ...rows.map((r) => r.userId)])];
  }
}

/** A playbook's levels as a scale (levels are 0…6 by the content's validation). */
function scaleOf(content: PlaybookContent): ScaleLevel[] {
  return content.levels.flatMap((l) => (isCrisisLevel(l.level) ? [{ level: l.level, name: l.name, ownChannels: l.ownChannels, otherMedia: l.otherMedia, triggers: l.triggers }] : []));
}
