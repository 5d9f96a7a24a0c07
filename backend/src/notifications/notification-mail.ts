import type { NotificationKind } from '@amtsplan/contracts';
import type { OutgoingMail } from './mailer';

/** German names of the kinds, as the settings page shows them (frontend messages.de.ts). */
export const NOTIFICATION_KIND_LABELS_DE: { readonly [K in NotificationKind]: string } = {
  approval_requested: 'Freigabe erbeten',
  approval_reminder: 'Erinnerung an eine Freigabe',
  approval_escalated: 'Freigabe überfällig (eskaliert)',
  approval_decided: 'Entscheidung über meinen Beitrag',
  approval_voided: 'Freigabe ungültig geworden',
  approval_missing: 'Freigabe fehlt zum geplanten Zeitpunkt',
  publish_failed: 'Veröffentlichung fehlgeschlagen',
  publish_unconfirmed: 'Veröffentlichung unbestätigt',
  manual_publish_due: 'Jetzt veröffentlichen (ohne API-Anbindung)',
  text_block_due: 'Textbaustein prüfen oder verlängern',
  crisis_alert: 'Krisenalarm',
  playbook_review_due: 'Krisen-Playbook überprüfen',
  crisis_suspected: 'Möglicher Shitstorm',
  inbox_response_due: 'Antwortfrist im Posteingang',
};

/** The frontend's page for the e-mail switches (frontend/src/app/shared/routing/paths.ts). */
export const NOTIFICATION_SETTINGS_PATH = '/benachrichtigungen';

export interface NotificationMailContent {
  readonly to: string;
  readonly recipientName: string;
  readonly organizationName: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
}

/** A notification as a German plain-text e-mail, with its link as an absolute address. */
export function notificationMail(content: NotificationMailContent, appOrigin: string): OutgoingMail {
  const lines = [`Guten Tag ${content.recipientName},`, '', content.title];
  if (content.body) lines.push('', content.body);
  if (content.link) lines.push('', 'In Amtsplan öffnen:', `${appOrigin}${content.link}`);
  lines.push(
    '',
    '-- ',
    `Amtsplan · ${content.organizationName}`,
    `Sie erhalten diese E-Mail, weil für „${NOTIFICATION_KIND_LABELS_DE[content.kind]}“ E-Mails eingeschaltet sind.`,
    `Einstellen unter: ${appOrigin}${NOTIFICATION_SETTINGS_PATH}`,
  );
  return { to: content.to, subject: `${content.title} – Amtsplan`, text: lines.join('\n') };
}
