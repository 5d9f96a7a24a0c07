import type { NotificationView } from '@amtsplan/contracts';
import type { NotificationRow } from './notification.repository';

export function notificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    organization: { id: row.organizationId, name: row.organizationName },
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
  };
}
