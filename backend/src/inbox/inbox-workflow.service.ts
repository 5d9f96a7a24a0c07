import { Injectable } from '@nestjs/common';
import type {
  AddInboxNoteRequest,
  AssignInboxItemRequest,
  CategoriseInboxItemRequest,
  ChangeInboxStatusRequest,
  DepartmentDraftRequest,
  ForwardInboxItemRequest,
  InboxItemDetail,
  ModerateInboxItemRequest,
} from '@amtsplan/contracts';
import { inboxStatusMachine, type InboxStatus } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipEntity } from '../members/membership.entity';
import { InboxHistory } from './inbox-history';
import { InboxItemEntity } from './inbox-item.entity';
import { InboxItemRepository } from './inbox-item.repository';
import { InboxNoteEntity, InboxReplyEntity } from './inbox-records.entity';
import { InboxViews } from './inbox-views';

function assertMove(from: InboxStatus, to: InboxStatus): void {
  if (from !== to && !inboxStatusMachine.canTransition(from, to)) {
    throw ProblemException.conflict(`Der Status kann nicht von „${from}“ zu „${to}“ wechseln.`);
  }
}

/** The steps comms takes on an item: assign, categorise, status, notes, forward, moderate. */
@Injectable()
export class InboxWorkflowService {
  constructor(
    private readonly items: InboxItemRepository,
    private readonly history: InboxHistory,
    private readonly views: InboxViews,
  ) {}

  async detail(id: string): Promise<InboxItemDetail> {
    return this.views.detail(await this.items.find(id));
  }

  private async member(userId: string, path: string): Promise<MembershipEntity> {
    const { organizationId } = RequestScope.organization();
    const membership = await RequestScope.manager().findOne(MembershipEntity, { where: { userId, organizationId } });
    if (!membership) throw ProblemException.validation([{ path, message: 'Diese Person gehört nicht zur Organisation' }]);
    return membership;
  }

  async assign(id: string, request: AssignInboxItemRequest): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    if (request.assigneeUserId) await this.member(request.assigneeUserId, 'assigneeUserId');
    // Assigning a new item moves it on; giving back an assigned one returns it to "neu".
    let status = item.status;
    if (request.assigneeUserId && item.status === 'new') status = 'assigned';
    if (!request.assigneeUserId && item.status === 'assigned') status = 'new';
    await this.items.update(id, request.version, { assigneeUserId: request.assigneeUserId, status });
    await this.history.record(id, 'inbox.item_assigned', { from: item.assigneeUserId, to: request.assigneeUserId, status });
    return this.detail(id);
  }

  async categorise(id: string, request: CategoriseInboxItemRequest): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    const priority = request.priority ?? (request.category === 'hate' ? 'high' : item.priority);
    await this.items.update(id, request.version, { category: request.category, priority });
    await this.history.record(id, 'inbox.item_categorised', { from: item.category, to: request.category, priority });
    return this.detail(id);
  }

  async changeStatus(id: string, request: ChangeInboxStatusRequest): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    if (item.version !== request.version) throw ProblemException.staleVersion();
    if (request.status === 'answered') throw ProblemException.unprocessable('Beantwortet wird ein Eintrag mit einer Antwort (Antwort senden oder kopieren).');
    if (request.status === 'hidden') throw ProblemException.unprocessable('Verbergen braucht die angewandte Netiquette-Regel (Verbergen oder Sperren).');
    if (request.status === 'with_department') throw ProblemException.unprocessable('An einen Fachbereich geht ein Eintrag mit „Weiterleiten“.');
    assertMove(item.status, request.status);
    const changes: Partial<InboxItemEntity> = { status: request.status };
    if (request.status === 'new') changes.assigneeUserId = null;
    if (request.status === 'assigned' && !item.assigneeUserId) changes.assigneeUserId = RequestScope.organization().userId;
    await this.items.update(id, request.version, changes);
    await this.history.record(id, 'inbox.status_changed', { from: item.status, to: request.status });
    return this.detail(id);
  }

  async addNote(id: string, request: AddInboxNoteRequest): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    const scope = RequestScope.organization();
    await scope.tx.manager.insert(InboxNoteEntity, { organizationId: scope.organizationId, itemId: item.id, authorUserId: scope.userId, body: request.body });
    await this.history.record(id, 'inbox.note_added', { length: request.body.length });
    return this.detail(id);
  }

  /** To the Fachbereich: its member drafts the content answer, comms reviews and sends it. */
  async forward(id: string, request: ForwardInboxItemRequest & { note: string | null }): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    if (item.version !== request.version) throw ProblemException.staleVersion();
    await this.member(request.departmentUserId, 'departmentUserId');
    assertMove(item.status, 'with_department');
    const scope = RequestScope.organization();
    await this.items.update(id, request.version, {
      status: 'with_department',
      department: request.department,
      departmentUserId: request.departmentUserId,
      assigneeUserId: item.assigneeUserId ?? scope.userId,
    });
    if (request.note) {
      await scope.tx.manager.insert(InboxNoteEntity, { organizationId: scope.organizationId, itemId: id, authorUserId: scope.userId, body: request.note });
    }
    await this.history.record(id, 'inbox.item_forwarded', { department: request.department, departmentUserId: request.departmentUserId });
    return this.detail(id);
  }

  /** The department's draft goes back to comms ("drüberschauen") as an unsent reply. */
  async departmentDraft(id: string, request: DepartmentDraftRequest): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    const scope = RequestScope.organization();
    if (item.status !== 'with_department') throw ProblemException.conflict('Der Eintrag liegt nicht beim Fachbereich.');
    if (item.departmentUserId !== scope.userId && scope.role !== 'admin') throw ProblemException.forbidden('Der Eintrag liegt bei einer anderen Person im Fachbereich.');
    await this.items.update(id, request.version, { status: 'assigned' });
    await scope.tx.manager.insert(InboxReplyEntity, {
      organizationId: scope.organizationId,
      itemId: id,
      body: request.body,
      state: 'draft',
      delivery: null,
      authorUserId: scope.userId,
    });
    await this.history.record(id, 'inbox.department_drafted', { department: item.department, length: request.body.length });
    return this.detail(id);
  }

  async moderate(id: string, request: ModerateInboxItemRequest): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    if (item.version !== request.version) throw ProblemException.staleVersion();
    assertMove(item.status, 'hidden');
    const { userId } = RequestScope.organization();
    await this.items.update(id, request.version, { status: 'hidden', moderationAction: request.action, netiquetteRule: request.netiquetteRule, moderatedByUserId: userId });
    await this.history.record(id, 'inbox.item_moderated', { action: request.action, netiquetteRule: request.netiquetteRule });
    return this.detail(id);
  }
}
