import { Injectable } from '@nestjs/common';
import type { ActivateStopRequest, IncidentView, LiftStopRequest, LiftStopResult, PausedPostView } from '@amtsplan/contracts';
import { LIFT_DECISION_LABELS, isOpenIncident, resolveLiftDecisions, type ResolvedLiftDecision } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostsService } from '../posts/posts.service';
import { PublishJobs } from '../publishing/publish-jobs';
import { IncidentRepository } from './incident.repository';
import { IncidentsService } from './incidents.service';

interface PausedPost {
  readonly id: string;
  readonly workingTitle: string;
  readonly plannedAt: Date;
  readonly version: number;
}

/**
 * The Kommunikationsstopp (DESIGN.md invariant 5). Activating it sets organizations.communication_stop,
 * which the publisher's claim and every attempt check in their own conditional statements: jobs
 * already waiting in Redis find nothing to claim and do nothing. Lifting it clears the flag in
 * the same transaction that applies a person's decision for every paused post (scheduled, due,
 * unclaimed): „Jetzt veröffentlichen“ (released: lateness counts from now), „Neu planen“ (a new
 * time, which voids the approval like any move), „Pausiert lassen“ (unscheduled, the approval
 * kept). A drill's stop is its own flag; nothing real is paused.
 */
@Injectable()
export class CommunicationStopService {
  constructor(
    private readonly incidentsService: IncidentsService,
    private readonly incidents: IncidentRepository,
    private readonly posts: PostsService,
    private readonly jobs: PublishJobs,
    private readonly audit: AuditLog,
  ) {}

  async activate(id: string, request: ActivateStopRequest): Promise<IncidentView> {
    const incident = await this.incidentsService.fresh(id, request.version);
    this.incidentsService.refuse(isOpenIncident(incident.status) ? null : 'closed');
    if (incident.drill) {
      if (incident.drillStop) throw ProblemException.conflict('Der Kommunikationsstopp dieser Übung ist bereits aktiv.');
      await this.incidentsService.save(incident, { drillStop: true });
      await this.incidents.addEntry(id, 'stop_activated', `Übung: Kommunikationsstopp aktiviert (nur simuliert, nichts Echtes wird angehalten). Grund: ${request.reason}`);
    } else {
      const { organizationId } = RequestScope.organization();
      const [, affected]: [unknown, number] = await RequestScope.manager().query(
        `UPDATE organizations SET communication_stop = true, communication_stop_since = now(), communication_stop_reason = $2 WHERE id = $1 AND NOT communication_stop`,
        [organizationId, request.reason],
      );
      if (!affected) throw ProblemException.conflict('Der Kommunikationsstopp ist bereits aktiv.');
      await this.incidentsService.save(incident, {});
      await this.incidents.addEntry(id, 'stop_activated', `Kommunikationsstopp aktiviert: Bis zur Aufhebung wird nichts veröffentlicht. Grund: ${request.reason}`);
    }
    await this.audit.recordInOrganization({ action: 'communication_stop.activated', objectType: 'incident', objectId: id, details: { reason: request.reason, drill: incident.drill } });
    return this.incidentsService.get(id);
  }

  /** The posts the stop holds back now: scheduled, due and not taken by the publisher. A drill holds back nothing. */
  async paused(id: string): Promise<PausedPostView[]> {
    const incident = await this.incidentsService.found(id);
    if (incident.drill) return [];
    return (await this.pausedPosts(false)).map((p) => ({ postId: p.id, workingTitle: p.workingTitle, plannedAt: p.plannedAt.toISOString(), version: p.version }));
  }

  async lift(id: string, request: LiftStopRequest): Promise<LiftStopResult> {
    const incident = await this.incidentsService.fresh(id, request.version);
    const result = { published: [] as string[], replanned: [] as string[], leftPaused: [] as string[] };
    if (incident.drill) {
      if (!incident.drillStop) throw ProblemException.conflict('Der Kommunikationsstopp dieser Übung ist nicht aktiv.');
      await this.incidentsService.save(incident, { drillStop: false });
      await this.incidents.addEntry(id, 'stop_lifted', `Übung: Kommunikationsstopp aufgehoben. Grund: ${request.reason}`);
      await this.audit.recordInOrganization({ action: 'communication_stop.lifted', objectType: 'incident', objectId: id, details: { reason: request.reason, drill: true } });
      return { incident: await this.incidentsService.get(id), ...result };
    }
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const [org]: Array<{ stop: boolean }> = await manager.query(`SELECT communication_stop AS stop FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
    if (!org?.stop) throw ProblemException.conflict('Der Kommunikationsstopp ist nicht aktiv.');

    const paused = await this.pausedPosts(true);
    const now = new Date();
    const at = (value: string | null | undefined) => (value ? new Date(value) : null);
    const { resolved, problems } = resolveLiftDecisions(
      paused.map((p) => p.id),
      (request.decisions ?? []).map((d) => ({ postId: d.postId, decision: d.decision, plannedAt: at(d.plannedAt) })),
      request.bulk ? { decision: request.bulk.decision, plannedAt: at(request.bulk.plannedAt) } : null,
      now,
    );
    if (problems.length) throw ProblemException.validation(problems);

    await manager.query(`UPDATE organizations SET communication_stop = false, communication_stop_since = NULL, communication_stop_reason = NULL WHERE id = $1`, [organizationId]);
    const byId = new Map(paused.map((p) => [p.id, p]));
    for (const decision of resolved) {
      const post = byId.get(decision.postId) as PausedPost;
      await this.apply(post, decision);
      await this.incidents.addEntry(id, decision.decision === 'leave_paused' ? 'post_paused' : 'post_resumed', decisionText(post, decision), { postId: post.id, decision: decision.decision });
      await this.audit.recordInOrganization({
        action: 'incident.paused_post_decided',
        objectType: 'post',
        objectId: post.id,
        details: { incidentId: id, decision: decision.decision, plannedAt: decision.plannedAt?.toISOString() ?? null },
      });
      (decision.decision === 'publish_now' ? result.published : decision.decision === 'replan' ? result.replanned : result.leftPaused).push(post.id);
    }
    await this.incidentsService.save(incident, {});
    await this.incidents.addEntry(id, 'stop_lifted', `Kommunikationsstopp aufgehoben. Grund: ${request.reason}`, { ...result });
    await this.audit.recordInOrganization({
      action: 'communication_stop.lifted',
      objectType: 'incident',
      objectId: id,
      details: { reason: request.reason, published: result.published.length, replanned: result.replanned.length, leftPaused: result.leftPaused.length },
    });
    return { incident: await this.incidentsService.get(id), ...result };
  }

  private async apply(post: PausedPost, decision: ResolvedLiftDecision): Promise<void> {
    const { organizationId, userId, tx } = RequestScope.organization();
    const manager = RequestScope.manager();
    switch (decision.decision) {
      case 'publish_now':
        await manager.query(`UPDATE posts SET publish_released_at = now(), publish_paused_at = NULL WHERE id = $1 AND organization_id = $2`, [post.id, organizationId]);
        // The publisher's sweep would take it within a minute; the job makes it at once.
        tx.afterCommit(() => this.jobs.add({ organizationId, postId: post.id, version: post.version, plannedAt: new Date() }));
        return;
      case 'replan':
        // A new time changes the approved content: the approval is voided and the post goes back to draft (invariant 1).
        await this.posts.update(post.id, { version: post.version, planning: { kind: 'time', at: (decision.plannedAt as Date).toISOString() } });
        return;
      case 'leave_paused': {
        const version = post.version + 1;
        await manager.query(
          `WITH moved AS (UPDATE posts SET status = 'approved', publish_paused_at = now(), version = $3, updated_at = now() WHERE id = $1 AND organization_id = $2 AND status = 'scheduled' RETURNING id)
           INSERT INTO post_versions (organization_id, post_id, version, changed_by_user_id, changed_fields, snapshot)
           SELECT organization_id, post_id, $3, $4, ARRAY['status'], snapshot || jsonb_build_object('status', 'approved')
             FROM post_versions WHERE post_id = $1 AND organization_id = $2 AND EXISTS (SELECT 1 FROM moved) ORDER BY version DESC LIMIT 1`,
          [post.id, organizationId, version, userId],
        );
        await this.audit.recordInOrganization({
          action: 'post.status_changed',
          objectType: 'post',
          objectId: post.id,
          details: { from: 'scheduled', to: 'approved', version, reason: 'Kommunikationsstopp: pausiert gelassen' },
        });
        return;
      }
    }
  }

  private async pausedPosts(lock: boolean): Promise<PausedPost[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().query(
      `SELECT id, working_title AS "workingTitle", planned_at AS "plannedAt", version FROM posts
        WHERE organization_id = $1 AND status = 'scheduled' AND publish_claimed_at IS NULL AND planned_at IS NOT NULL AND planned_at <= now()
        ORDER BY planned_at, id ${lock ? 'FOR UPDATE' : ''}`,
      [organizationId],
    );
  }
}

function decisionText(post: PausedPost, decision: ResolvedLiftDecision): string {
  const label = LIFT_DECISION_LABELS[decision.decision];
  const when = decision.plannedAt ? ` (neu: ${decision.plannedAt.toISOString()})` : '';
  return `Pausierter Beitrag „${post.workingTitle}“: ${label}${when}`;
}
