import { Injectable } from '@nestjs/common';
import type { PlanExportQuery } from '@amtsplan/contracts';
import { localDateOf } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { ChannelRepository } from '../channels/channel.repository';
import { MembershipRepository } from '../members/membership.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { PostsService } from '../posts/posts.service';
import { TopicRepository } from '../topics/topic.repository';
import { planCsv } from './csv-plan-file';
import { toPlanTable } from './plan-table';
import { planWorkbook } from './xlsx-plan-file';

export interface PlanExportFile {
  readonly content: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Any filtered range of the plan as a spreadsheet, with the same filters as the plan's list. */
@Injectable()
export class PlanExportService {
  constructor(
    private readonly posts: PostsService,
    private readonly channels: ChannelRepository,
    private readonly topics: TopicRepository,
    private readonly memberships: MembershipRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditLog,
  ) {}

  async export(query: PlanExportQuery): Promise<PlanExportFile> {
    const { format, ...filters } = query;
    const timeZone = (await this.organizations.current())?.timeZone ?? 'Europe/Berlin';
    // One after the other: they share the request's transaction and its one connection.
    const posts = await this.posts.list(filters);
    const channels = await this.channels.list();
    const topics = await this.topics.list();
    const members = await this.memberships.list();
    const rows = toPlanTable(
      posts,
      {
        channels: new Map(channels.map((c) => [c.id, c.name])),
        topics: new Map(topics.map((t) => [t.id, t.name])),
        people: new Map(members.map((m) => [m.userId, m.user?.displayName ?? ''])),
      },
      timeZone,
    );
    const content = format === 'csv' ? planCsv(rows) : await planWorkbook(rows);
    const fileName = `redaktionsplan-${rangeName(filters.from, filters.to, timeZone)}.${format}`;
    await this.audit.recordInOrganization({ action: 'plan.exported', objectType: 'plan', details: { format, rows: rows.length, filters } });
    return { content, contentType: CONTENT_TYPES[format], fileName };
  }
}

/** The days the file covers, in the organization's calendar; `to` is exclusive, so its day before. */
function rangeName(from: string | undefined, to: string | undefined, timeZone: string): string {
  const first = from ? localDateOf(new Date(from), timeZone) : 'beginn';
  const last = to ? localDateOf(new Date(new Date(to).getTime() - 1), timeZone) : 'ende';
  return `${first}-${last}`;
}
