import { Injectable } from '@nestjs/common';
import type { CreateTopicRequest, TopicView, UpdateTopicRequest } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { TopicEntity } from './topic.entity';
import { TopicRepository } from './topic.repository';

@Injectable()
export class TopicsService {
  constructor(
    private readonly topics: TopicRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<TopicView[]> {
    return (await this.topics.list()).map(toTopicView);
  }

  async create(request: Required<CreateTopicRequest>): Promise<TopicView> {
    await this.refuseDuplicateName(request.name);
    const topic = await this.topics.create(request);
    await this.audit.recordInOrganization({ action: 'topic.created', objectType: 'topic', objectId: topic.id, details: { name: topic.name } });
    return toTopicView(topic);
  }

  async update(id: string, request: UpdateTopicRequest): Promise<TopicView> {
    const { version, ...changes } = request;
    if (changes.name) await this.refuseDuplicateName(changes.name, id);
    if (!(await this.topics.update(id, version, changes))) throw ProblemException.notFound();
    await this.audit.recordInOrganization({ action: 'topic.updated', objectType: 'topic', objectId: id, details: { fields: Object.keys(changes) } });
    return toTopicView((await this.topics.find(id)) as TopicEntity);
  }

  private async refuseDuplicateName(name: string, exceptId?: string): Promise<void> {
    const existing = await this.topics.findByName(name);
    if (existing && existing.id !== exceptId) {
      throw ProblemException.validation([{ path: 'name', message: 'Dieses Thema gibt es bereits.' }]);
    }
  }
}

function toTopicView(t: TopicEntity): TopicView {
  return { id: t.id, name: t.name, color: t.color, sensitive: t.sensitive, version: t.version };
}
