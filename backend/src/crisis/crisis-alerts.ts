import { Injectable } from '@nestjs/common';
import { crisisLevelLabel, playbookLevel, type PlaybookContent } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { Notifier } from '../notifications/notifier';
import type { ContactAlertMark, IncidentEntity } from './incident.entity';

/**
 * Alerts the level's contacts who are members (in-app, and by e-mail through the notification
 * mail job) on declaration and on every level change, in the caller's transaction. Contacts
 * without an account are called by a person, who marks them „alarmiert“. A drill alerts nobody.
 */
@Injectable()
export class CrisisAlerts {
  constructor(private readonly notifier: Notifier) {}

  async alertLevel(incident: Pick<IncidentEntity, 'id' | 'title' | 'reason' | 'drill'>, content: PlaybookContent, level: number, already: readonly ContactAlertMark[]): Promise<ContactAlertMark[]> {
    const defined = playbookLevel(content, level);
    if (!defined || incident.drill) return [...already];
    const contacts = content.contacts.filter((c) => defined.contactIds.includes(c.id) && c.userId);
    if (!contacts.length) return [...already];
    const scope = RequestScope.organization();
    const label = crisisLevelLabel(level, content.levels);
    await this.notifier.notify(scope.tx, {
      organizationId: scope.organizationId,
      recipients: contacts.map((c) => c.userId as string),
      kind: 'crisis_alert',
      title: `Krisenalarm: ${incident.title} – ${label}`.slice(0, 200),
      body: `${label} wurde ausgerufen.\nAnlass: ${incident.reason}`.slice(0, 2000),
      link: `/o/${scope.organizationId}/krisen-playbooks/krisenfaelle/${incident.id}`,
      dedupeKey: `crisis-alert_${incident.id}_${level}`,
    });
    const at = new Date().toISOString();
    return mergeAlerts(already, contacts.map((c) => ({ contactId: c.id, alertedAt: at, byUserId: null, automatic: true })));
  }
}

/** The latest alert per contact: a new mark replaces the older one of the same contact. */
export function mergeAlerts(already: readonly ContactAlertMark[], added: readonly ContactAlertMark[]): ContactAlertMark[] {
  const ids = new Set(added.map((a) => a.contactId));
  return [...already.filter((a) => !ids.has(a.contactId)), ...added];
}
