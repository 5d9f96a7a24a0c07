import { Injectable } from '@nestjs/common';
import type { CalendarFeedCreated, CalendarFeedView, CreateCalendarFeedRequest } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { CalendarFeedLinks } from './calendar-feed-links';
import { CalendarFeedRepository, CalendarFeedRow } from './calendar-feed.repository';

/** The organization's calendar subscriptions: listed for every member, managed by planners. */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly links: CalendarFeedLinks,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<CalendarFeedView[]> {
    return (await this.feeds.list()).map(toCalendarFeedView);
  }

  async create(request: CreateCalendarFeedRequest): Promise<CalendarFeedCreated> {
    const { tokenHash, subscriptionUrl } = this.links.issue();
    const id = await this.feeds.create({ label: request.label, tokenHash });
    const feed = await this.feeds.find(id);
    if (!feed) throw new Error('calendar feed vanished in its own transaction');
    await this.audit.recordInOrganization({ action: 'calendar_feed.created', objectType: 'calendar_feed', objectId: id, details: { label: feed.label } });
    return { feed: toCalendarFeedView(feed), subscriptionUrl };
  }

  async revoke(id: string): Promise<void> {
    const feed = await this.feeds.find(id);
    if (!feed) throw ProblemException.notFound();
    if (!(await this.feeds.revoke(id, new Date()))) throw ProblemException.conflict('Dieses Kalender-Abo wurde bereits widerrufen.');
    await this.audit.recordInOrganization({ action: 'calendar_feed.revoked', objectType: 'calendar_feed', objectId: id, details: { label: feed.label } });
  }
}

function toCalendarFeedView(feed: CalendarFeedRow): CalendarFeedView {
  return {
    id: feed.id,
    label: feed.label,
    createdAt: new Date(feed.createdAt).toISOString(),
    createdBy: feed.createdByUserId ? { id: feed.createdByUserId, displayName: feed.createdByName ?? '' } : null,
    revokedAt: feed.revokedAt ? new Date(feed.revokedAt).toISOString() : null,
    lastUsedAt: feed.lastUsedAt ? new Date(feed.lastUsedAt).toISOString() : null,
  };
}
