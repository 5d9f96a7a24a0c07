import { Injectable } from '@nestjs/common';
import type { FieldError } from '@amtsplan/contracts';
import { ChannelRepository } from '../channels/channel.repository';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
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
  ) {}

  async check(references: { channelIds?: readonly string[]; topicId?: string | null; responsibleUserId?: string | null }): Promise<void> {
    const errors: FieldError[] = [];
    if (references.channelIds?.length) {
      const unique = [...new Set(references.channelIds)];
      if (unique.length !== references.channelIds.length) errors.push({ path: 'variants', message: 'Jeder Kanal darf nur einmal vorkommen.' });
      const found = new Set((await this.channels.findMany(unique)).map((c) => c.id));
      references.channelIds.forEach((id, index) => {
        if (!found.has(id)) errors.push({ path: `variants.${index}.channelId`, message: 'Unbekannter Kanal' });
      });
    }
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
