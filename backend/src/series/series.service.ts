import { Injectable } from '@nestjs/common';
import type { CreateSeriesRequest, SeriesView, UpdateSeriesRequest } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { OrganizationRepository } from '../organizations/organization.repository';
import { PostReferences } from '../posts/post-references';
import { SeriesRepository } from './series.repository';
import { toSeriesView } from './series-view';
import { SeriesEntity } from './series.entity';
import { firstSlotProblem } from './series-slot-rules';

/** Series (Formate): a recurring slot with its defaults; the editors' planning skeleton. */
@Injectable()
export class SeriesService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly references: PostReferences,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<SeriesView[]> {
    return (await this.series.list()).map(toSeriesView);
  }

  async get(id: string): Promise<SeriesView> {
    return toSeriesView(await this.find(id));
  }

  async find(id: string): Promise<SeriesEntity> {
    const series = await this.series.find(id);
    if (!series) throw ProblemException.notFound();
    return series;
  }

  async create(request: Required<CreateSeriesRequest>): Promise<SeriesView> {
    await this.refuseDuplicateName(request.name);
    await this.references.check({ channelIds: request.channelIds, topicId: request.topicId, channelPath: 'channelIds' });
    const timeZone = (await this.organizations.current())?.timeZone ?? 'Europe/Berlin';
    this.refuseRuleWithoutSlots(request.rrule, request.start, timeZone);
    const id = await this.series.create({ ...request, timeZone });
    await this.audit.recordInOrganization({ action: 'series.created', objectType: 'series', objectId: id, details: { name: request.name, rrule: request.rrule } });
    return this.get(id);
  }

  async update(id: string, request: UpdateSeriesRequest): Promise<SeriesView> {
    const existing = await this.find(id);
    const { version, ...changes } = request;
    if (changes.name) await this.refuseDuplicateName(changes.name, id);
    await this.references.check({ channelIds: changes.channelIds, topicId: changes.topicId, channelPath: 'channelIds' });
    if (changes.rrule !== undefined || changes.start !== undefined) {
      this.refuseRuleWithoutSlots(changes.rrule ?? existing.rrule, changes.start ?? existing.start, existing.timeZone);
    }
    await this.series.update(id, version, changes);
    await this.audit.recordInOrganization({ action: 'series.updated', objectType: 'series', objectId: id, details: { version: version + 1, fields: Object.keys(changes) } });
    return this.get(id);
  }

  private refuseRuleWithoutSlots(rrule: string, start: string, timeZone: string): void {
    const problem = firstSlotProblem({ rrule, start, timeZone });
    if (problem) throw ProblemException.validation([{ path: problem.path, message: problem.message }]);
  }

  private async refuseDuplicateName(name: string, exceptId?: string): Promise<void> {
    const existing = await this.series.findByName(name);
    if (existing && existing.id !== exceptId) throw ProblemException.validation([{ path: 'name', message: 'Diese Serie gibt es bereits.' }]);
  }
}
