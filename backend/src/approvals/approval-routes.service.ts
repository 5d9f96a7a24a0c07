import { Injectable } from '@nestjs/common';
import type { ApprovalRouteView, ApprovalStepInput, CreateApprovalRouteRequest, FieldError, UpdateApprovalRouteRequest } from '@amtsplan/contracts';
import {
  type ApprovalRoute,
  type ApprovalRouteConditions,
  type ApprovalStep,
  ROLE_LABELS_DE,
  roleAllows,
  validateApprovalRoute,
  validateApprovalRoutes,
} from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../audit/audit-log';
import { ChannelRepository } from '../channels/channel.repository';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { ApprovalRouteEntity } from './approval-route.entity';
import { ApprovalRouteRepository, toDomainRoute } from './approval-route.repository';

export function toApprovalRouteView(route: ApprovalRouteEntity): ApprovalRouteView {
  return {
    id: route.id,
    name: route.name,
    priority: route.priority,
    isDefault: route.isDefault,
    conditions: conditionsView(route.conditions),
    steps: route.steps.map((step) => ({
      name: step.name,
      approvers: step.approvers.kind === 'role' ? { kind: 'role', role: step.approvers.role } : { kind: 'users', userIds: [...step.approvers.userIds] },
      mode: step.mode,
      deputyUserId: step.deputyUserId ?? null,
      due: { kind: step.due.kind, hours: step.due.hours },
      skipWhenSubmittedBy: [...(step.skipWhenSubmittedBy ?? [])],
    })),
    version: route.version,
    createdAt: route.createdAt.toISOString(),
    updatedAt: route.updatedAt.toISOString(),
  };
}

function conditionsView(conditions: ApprovalRouteConditions): ApprovalRouteView['conditions'] {
  const { channelIds, tags, sensitiveTopic, electionBlackout } = conditions;
  return {
    ...(channelIds ? { channelIds: [...channelIds] } : {}),
    ...(sensitiveTopic !== undefined ? { sensitiveTopic } : {}),
    ...(tags ? { tags: [...tags] } : {}),
    ...(electionBlackout !== undefined ? { electionBlackout } : {}),
  };
}

function toSteps(steps: readonly ApprovalStepInput[]): ApprovalStep[] {
  return steps.map((step) => ({
    name: step.name,
    approvers: step.approvers,
    mode: step.mode,
    deputyUserId: step.deputyUserId ?? null,
    due: step.due,
    ...(step.skipWhenSubmittedBy?.length ? { skipWhenSubmittedBy: step.skipWhenSubmittedBy } : {}),
  }));
}

function toConditions(conditions: ApprovalRouteConditions): ApprovalRouteConditions {
  return { ...conditions, ...(conditions.tags ? { tags: conditions.tags.map((tag) => tag.trim()) } : {}) };
}

/**
 * Freigaberouten: validated by the domain (validateApprovalRoute, validateApprovalRoutes) and
 * against the organization: named people must be members who may decide, channels its own.
 * The default route is seeded with the organization; it can be changed but not deleted, and
 * no second one can be made.
 */
@Injectable()
export class ApprovalRoutesService {
  constructor(
    private readonly routes: ApprovalRouteRepository,
    private readonly channels: ChannelRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<ApprovalRouteView[]> {
    return (await this.routes.list()).map(toApprovalRouteView);
  }

  async create(request: CreateApprovalRouteRequest): Promise<ApprovalRouteView> {
    const route: ApprovalRoute = {
      id: randomUUID(),
      name: request.name,
      priority: request.priority ?? 100,
      isDefault: false,
      conditions: toConditions(request.conditions),
      steps: toSteps(request.steps),
    };
    await this.refuseInvalid(route);
    await this.routes.create({ id: route.id, name: route.name, priority: route.priority, conditions: route.conditions, steps: [...route.steps] });
    await this.audit.recordInOrganization({ action: 'approval_route.created', objectType: 'approval_route', objectId: route.id, details: { name: route.name } });
    return toApprovalRouteView(await this.found(route.id));
  }

  async update(id: string, request: UpdateApprovalRouteRequest): Promise<ApprovalRouteView> {
    const existing = await this.found(id);
    const { version, ...fields } = request;
    const changes = {
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.priority !== undefined ? { priority: fields.priority } : {}),
      ...(fields.conditions !== undefined ? { conditions: toConditions(fields.conditions) } : {}),
      ...(fields.steps !== undefined ? { steps: toSteps(fields.steps) } : {}),
    };
    await this.refuseInvalid({ ...toDomainRoute(existing), ...changes });
    if (!(await this.routes.update(id, version, changes))) throw ProblemException.notFound();
    await this.audit.recordInOrganization({
      action: 'approval_route.updated',
      objectType: 'approval_route',
      objectId: id,
      details: { name: changes.name ?? existing.name, version: version + 1, fields: Object.keys(changes) },
    });
    return toApprovalRouteView(await this.found(id));
  }

  async remove(id: string): Promise<void> {
    const existing = await this.found(id);
    if (existing.isDefault) {
      throw ProblemException.unprocessable('Die Standardroute gilt für alle Beiträge, zu denen keine andere Route passt, und kann nicht gelöscht werden.');
    }
    await this.routes.remove(id);
    await this.audit.recordInOrganization({ action: 'approval_route.deleted', objectType: 'approval_route', objectId: id, details: { name: existing.name } });
  }

  private async found(id: string): Promise<ApprovalRouteEntity> {
    const route = await this.routes.find(id);
    if (!route) throw ProblemException.notFound();
    return route;
  }

  /** 400 with every problem of the route, within the organization's set of routes and against its members and channels. */
  private async refuseInvalid(route: ApprovalRoute): Promise<void> {
    const problems: FieldError[] = [...validateApprovalRoute(route)];
    const others = (await this.routes.list()).filter((r) => r.id !== route.id).map(toDomainRoute);
    const index = others.length;
    for (const problem of validateApprovalRoutes([...others, route])) {
      // Only what concerns this route: its own index, or the set as a whole.
      if (problem.path.startsWith(`${index}.`)) problems.push({ path: problem.path.slice(`${index}.`.length), message: problem.message });
      else if (problem.path === '') problems.push(problem);
    }
    problems.push(...(await this.referenceProblems(route)));
    if (problems.length) throw ProblemException.validation(problems);
  }

  private async referenceProblems(route: ApprovalRoute): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const members = new Map((await this.memberships.list()).map((m) => [m.userId, m.role]));
    const mayDecide = (userId: string) => {
      const role = members.get(userId);
      return role !== undefined && roleAllows(role, 'approvals.decide');
    };
    route.steps.forEach((step, i) => {
      if (step.approvers?.kind === 'role' && step.approvers.role && !roleAllows(step.approvers.role, 'approvals.decide')) {
        problems.push({ path: `steps.${i}.approvers.role`, message: `Die Rolle „${ROLE_LABELS_DE[step.approvers.role] ?? step.approvers.role}“ darf nicht freigeben.` });
      }
      if (step.approvers?.kind === 'users') {
        step.approvers.userIds.forEach((userId, j) => {
          if (!mayDecide(userId)) problems.push({ path: `steps.${i}.approvers.userIds.${j}`, message: 'Diese Person gehört nicht zur Behörde oder darf nicht freigeben.' });
        });
      }
      if (step.deputyUserId && !mayDecide(step.deputyUserId)) {
        problems.push({ path: `steps.${i}.deputyUserId`, message: 'Die Vertretung gehört nicht zur Behörde oder darf nicht freigeben.' });
      }
    });
    const channelIds = route.conditions.channelIds ?? [];
    const known = new Set((await this.channels.findMany(channelIds)).map((c) => c.id));
    channelIds.forEach((id, j) => {
      if (!known.has(id)) problems.push({ path: `conditions.channelIds.${j}`, message: 'Unbekannter Kanal' });
    });
    return problems;
  }
}
