import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, MoreThanOrEqual } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { ApprovalDecisionEntity } from './approval-decision.entity';
import { ApprovalRequestEntity } from './approval-request.entity';

export type NewApprovalRequest = Omit<ApprovalRequestEntity, 'id' | 'organizationId' | 'organization' | 'post' | 'textBlockVersion' | 'playbookVersion' | 'inboxReply' | 'route' | 'version'>;
export type ApprovalRequestChanges = Partial<Pick<ApprovalRequestEntity, 'status' | 'steps' | 'closedAt' | 'voidReasons'>>;
export type NewApprovalDecision = Omit<ApprovalDecisionEntity, 'id' | 'organizationId' | 'organization' | 'request'>;

/** The fields of the post the approval binds (approvalContent); a change in any of them can void it. */
export const HASHED_POST_FIELDS = ['text', 'variants', 'media', 'planning'] as const;

/**
 * Approval requests and their decisions in the current request's organization. Callers that
 * change a request lock its post first and the request second (see lockPost), the order in
 * which an edit of the post reaches them too.
 */
@Injectable()
export class ApprovalRequestRepository {
  find(id: string, options: { lock?: boolean } = {}): Promise<ApprovalRequestEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ApprovalRequestEntity, { where: { id, organizationId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
  }

  /** A request known to exist in this transaction (just written, or locked). */
  get(id: string, options: { lock?: boolean } = {}): Promise<ApprovalRequestEntity> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOneOrFail(ApprovalRequestEntity, { where: { id, organizationId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
  }

  /** The post's running or approved request (at most one, by a unique index). */
  live(postId: string, options: { lock?: boolean } = {}): Promise<ApprovalRequestEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ApprovalRequestEntity, {
      where: { postId, organizationId, status: In(['pending', 'approved']) },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  /** The running or approved request of a text block version (at most one, by a unique index). */
  liveForTextBlockVersion(textBlockVersionId: string, options: { lock?: boolean } = {}): Promise<ApprovalRequestEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ApprovalRequestEntity, {
      where: { textBlockVersionId, organizationId, status: In(['pending', 'approved']) },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  /** The running or approved request of a playbook version (at most one, by a unique index). */
  liveForPlaybookVersion(playbookVersionId: string, options: { lock?: boolean } = {}): Promise<ApprovalRequestEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ApprovalRequestEntity, {
      where: { playbookVersionId, organizationId, status: In(['pending', 'approved']) },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  /** The running or approved request of an inbox reply (at most one, by a unique index). */
  liveForInboxReply(inboxReplyId: string, options: { lock?: boolean } = {}): Promise<ApprovalRequestEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ApprovalRequestEntity, {
      where: { inboxReplyId, organizationId, status: In(['pending', 'approved']) },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  /** The post's most recent request, whatever became of it. */
  latest(postId: string): Promise<ApprovalRequestEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ApprovalRequestEntity, { where: { postId, organizationId }, order: { submittedAt: 'DESC' } });
  }

  pending(): Promise<ApprovalRequestEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(ApprovalRequestEntity, { where: { organizationId, status: 'pending' }, order: { submittedAt: 'ASC' } });
  }

  submittedBy(userId: string, since: Date): Promise<ApprovalRequestEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(ApprovalRequestEntity, {
      where: [
        { organizationId, submittedByUserId: userId, status: 'pending' },
        { organizationId, submittedByUserId: userId, submittedAt: MoreThanOrEqual(since) },
      ],
      order: { submittedAt: 'DESC' },
      take: 200,
    });
  }

  async decisionsOf(requestIds: readonly string[]): Promise<Map<string, ApprovalDecisionEntity[]>> {
    const byRequest = new Map<string, ApprovalDecisionEntity[]>(requestIds.map((id) => [id, []]));
    if (requestIds.length === 0) return byRequest;
    const { organizationId } = RequestScope.organization();
    const rows = await RequestScope.manager().find(ApprovalDecisionEntity, {
      where: { requestId: In([...requestIds]), organizationId },
      order: { decidedAt: 'ASC' },
    });
    for (const row of rows) byRequest.get(row.requestId)?.push(row);
    return byRequest;
  }

  /**
   * The user's most recent decision on an earlier request of the same post (submitted before
   * `before`), with that request: what this person saw last time.
   */
  async lastDecidedBy(postId: string, userId: string, before: Date): Promise<{ request: ApprovalRequestEntity; decision: ApprovalDecisionEntity } | null> {
    const { organizationId } = RequestScope.organization();
    const decision = await RequestScope.manager()
      .createQueryBuilder(ApprovalDecisionEntity, 'decision')
      .innerJoin(ApprovalRequestEntity, 'request', 'request.id = decision.request_id AND request.organization_id = decision.organization_id')
      .where('decision.organization_id = :organizationId AND decision.user_id = :userId', { organizationId, userId })
      .andWhere('request.post_id = :postId AND request.submitted_at < :before', { postId, before })
      .orderBy('request.submitted_at', 'DESC')
      .addOrderBy('decision.decided_at', 'DESC')
      .getOne();
    if (!decision) return null;
    return { request: await this.get(decision.requestId), decision };
  }

  async create(values: NewApprovalRequest): Promise<string> {
    const { organizationId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(ApprovalRequestEntity, { id, organizationId, ...values } as never);
    return id;
  }

  update(id: string, version: number, changes: ApprovalRequestChanges): Promise<boolean> {
    return updateVersioned(ApprovalRequestEntity, 'approval_request', id, version, changes);
  }

  async addDecision(values: NewApprovalDecision): Promise<void> {
    const { organizationId } = RequestScope.organization();
    // No RETURNING needed: decisions are read back with their request.
    await RequestScope.manager()
      .createQueryBuilder()
      .insert()
      .into(ApprovalDecisionEntity)
      .values({ id: randomUUID(), organizationId, ...values })
      .updateEntity(false)
      .execute();
  }

  /** Holds the post's row until the transaction ends; taken before the request's row. */
  async lockPost(postId: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query('SELECT 1 FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE', [postId, organizationId]);
  }

  /** Everyone who ever changed the post's hashed content (its history), for four-eyes. */
  async contentEditors(postId: string): Promise<string[]> {
    const { organizationId } = RequestScope.organization();
    const rows: Array<{ userId: string }> = await RequestScope.manager().query(
      `SELECT DISTINCT changed_by_user_id AS "userId" FROM post_versions
        WHERE post_id = $1 AND organization_id = $2 AND changed_by_user_id IS NOT NULL AND changed_fields && $3::text[]`,
      [postId, organizationId, [...HASHED_POST_FIELDS]],
    );
    return rows.map((row) => row.userId);
  }
}
