import { Injectable } from '@nestjs/common';
import type { FieldError } from '@amtsplan/contracts';
import { ChannelRepository } from '../channels/channel.repository';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { SeriesRepository } from '../series/series.repository';
import { TopicRepository } from '../topics/topic.repository';

/**
 * Ids a post refers to must belong to the same organization. Row-level security would hide
 * foreign rows anyway; this turns a wrong id into a clear field error instead of a dangling one.
 */
@Injectable()
export class PostReferences {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly topics: TopicRepository,
    private readonly memberships: MembershipRepository,
    private readonly series: SeriesRepository,
  ) {}

  async check(references: {
    channelIds?: readonly string[];
    /** Where channel ids sit in the request: `variants` of a post (default) or `channelIds` of a series. */
    channelPath?: 'variants' | 'channelIds';
    topicId?: string | null;
    responsibleUserId?: string | null;
    seriesId?: string | null;
  }): Promise<void> {
    const errors: FieldError[] = [];
    if (references.channelIds?.length) {
      const base = references.channelPath ?? 'variants';
      const unique = [...new Set(references.channelIds)];
      if (unique.length !== references.channelIds.length) errors.push({ path: base, message: 'Jeder Kanal darf nur einmal vorkommen.' });
      const found = new Set((await this.channels.findMany(unique)).map((c) => c.id));
      references.channelIds.forEach((id, index) => {
        if (!found.has(id)) errors.push({ path: base === 'variants' ? `variants.${index}.channelId` : `channelIds.${index}`, message: 'Unbekannter Kanal' });
      });
    }
    if (references.seriesId && !(await this.series.find(references.seriesId))) errors.push({ path: 'seriesId', message: 'Unbekannte Serie' });
    if (references.topicId && !(await this.topics.find(references.topicId))) errors.push({ path: 'topicId', message: 'Unbekanntes Thema' });
    if (references.responsibleUserId) {
      const { tx, organizationId } = RequestScope.organization();
      if (!(await this.memberships.findForUserInOrganization(tx.manager, organizationId, references.responsibleUserId))) {
        errors.push({ path: 'responsibleUserId', message: 'Diese Person gehört nicht zur Behörde.' });
      }
    }
    if (errors.length) throw ProblemException.validation(errors);
  }
}
