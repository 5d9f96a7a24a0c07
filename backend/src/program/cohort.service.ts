import { Injectable } from '@nestjs/common';
import type { CohortView, CreateShareCommentRequest, SetShareReactionRequest, ShareView } from '@amtsplan/contracts';
import { SHARE_REACTIONS } from '@amtsplan/contracts';
import { PROGRAM_WEEKS } from '@amtsplan/domain';
import type { FileHandle } from 'node:fs/promises';
import { EntityManager } from 'typeorm';
import { MediaStorage } from '../media/media-storage';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { ProblemException } from '../http/problem.exception';
import { MidpointReviewRepository } from './midpoint-review.repository';
import { CohortSharesRepository, type CommentRow, type ShareRow } from './cohort-shares.repository';
import type { ProgramCohortEntity } from './program-run.entity';
import { ProgramRunsRepository } from './program-runs.repository';
import { meetingOf, nextMeetingOf, openWeeksOf } from './program-views';
import type { Actor } from './facilitation.service';

/**
 * The cohort: the one place where authorities see each other (DESIGN.md invariant 4). Members see
 * each other's names, authorities and progress counts, and what was shared — nothing else. A
 * person outside the cohort gets 404 on all of it, as for an object that does not exist.
 */
@Injectable()
export class CohortService {
  constructor(
    private readonly database: Database,
    private readonly runs: ProgramRunsRepository,
    private readonly shares: CohortSharesRepository,
    private readonly audit: AuditLog,
    private readonly reviews: MidpointReviewRepository,
    private readonly storage: MediaStorage,
  ) {}

  get(actor: Actor, cohortId: string): Promise<CohortView> {
    return this.database.transaction({ userId: actor.userId }, async ({ manager }) => {
      const cohort = await this.visibleCohort(manager, cohortId);
      const run = await this.runs.run(manager, cohort.runId);
      if (!run) throw ProblemException.notFound();
      const members = await this.runs.cohortMembers(manager, cohort.id);
      const progress = await this.runs.cohortProgress(manager, cohort.id);
      const now = new Date();
      return {
        id: cohort.id,
        name: cohort.name,
        run: { id: run.id, name: run.name, startsOn: run.startsOn, openWeeks: openWeeksOf(run, now) },
        meeting: meetingOf(cohort),
        nextMeetingAt: nextMeetingOf(run, cohort, now),
        members: members.map((m) => ({
          enrolmentId: m.enrolmentId,
          organization: { id: m.organizationId, name: m.organizationName },
          participant: { id: m.userId, displayName: m.participantName },
          doneByWeek: progress.get(m.enrolmentId) ?? Array.from({ length: PROGRAM_WEEKS }, () => 0),
        })),
        shares: await this.shareViews(manager, cohort.id, actor.userId),
        midpointReviews: await this.reviews.ofCohort(manager, cohort.id, new Map(members.map((m) => [m.enrolmentId, { participantName: m.participantName, organizationName: m.organizationName }]))),
      };
    });
  }

  share(actor: Actor, cohortId: string, shareId: string): Promise<ShareView> {
    return this.database.transaction({ userId: actor.userId }, async ({ manager }) => this.visibleShare(manager, cohortId, shareId, actor.userId));
  }

  comment(actor: Actor, cohortId: string, shareId: string, request: CreateShareCommentRequest): Promise<ShareView> {
    return this.database.transaction({ userId: actor.userId }, async ({ manager }) => {
      await this.visibleShare(manager, cohortId, shareId, actor.userId);
      const own = await this.runs.ownEnrolmentInCohort(manager, cohortId, actor.userId);
      const id = await this.shares.insertComment(manager, { shareId, cohortId, organizationId: own?.organizationId ?? null, authorUserId: actor.userId, body: request.body });
      await this.record(manager, actor, 'program.share_commented', shareId, { cohortId, commentId: id, organizationId: own?.organizationId ?? null });
      return this.visibleShare(manager, cohortId, shareId, actor.userId);
    });
  }

  react(actor: Actor, cohortId: string, shareId: string, request: SetShareReactionRequest): Promise<ShareView> {
    return this.database.transaction({ userId: actor.userId }, async ({ manager }) => {
      await this.visibleShare(manager, cohortId, shareId, actor.userId);
      await this.shares.setReaction(manager, cohortId, shareId, actor.userId, request.reaction);
      await this.record(manager, actor, 'program.share_reacted', shareId, { cohortId, reaction: request.reaction });
      return this.visibleShare(manager, cohortId, shareId, actor.userId);
    });
  }

  /** The owner takes a share back: the copy, its comments and reactions are gone for everyone at once. */
  withdraw(actor: Actor, cohortId: string, shareId: string): Promise<void> {
    return this.database.transaction({ userId: actor.userId }, async (tx) => {
      const { manager } = tx;
      const share = await this.visibleShare(manager, cohortId, shareId, actor.userId);
      if (!share.own) throw ProblemException.forbidden('Nur wer etwas geteilt hat, kann es zurückziehen.');
      const [row] = await this.shares.shares(manager, cohortId, shareId);
      if (!(await this.shares.withdraw(manager, cohortId, shareId, actor.userId))) throw ProblemException.notFound();
      // A shared image's copy goes with the share, once the delete is committed.
      if (row?.imageStorageKey) tx.afterCommit(() => this.storage.remove(row.organizationId, row.imageStorageKey as string));
      await this.record(manager, actor, 'program.share_withdrawn', shareId, { cohortId, kind: share.kind });
    });
  }

  /** A shared image (kind `upload`), for the cohort's members and facilitator only; 404 for anyone else or once withdrawn. */
  async image(actor: Actor, cohortId: string, shareId: string): Promise<{ id: string; contentType: string; file: FileHandle; size: number }> {
    const row = await this.database.transaction({ userId: actor.userId }, async ({ manager }) => {
      await this.visibleCohort(manager, cohortId);
      const [share] = await this.shares.shares(manager, cohortId, shareId);
      return share;
    });
    if (!share(row)) throw ProblemException.notFound();
    const file = await this.storage.open(row.organizationId, row.imageStorageKey);
    if (!file) throw ProblemException.notFound('Die Bilddatei ist nicht mehr vorhanden.');
    try {
      return { id: row.id, contentType: row.imageContentType, file, size: (await file.stat()).size };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** One share as the cohort sees it; used after sharing from the participant's authority too. */
  async visibleShare(manager: EntityManager, cohortId: string, shareId: string, userId: string): Promise<ShareView> {
    const [view] = await this.shareViews(manager, cohortId, userId, shareId);
    if (!view) throw ProblemException.notFound();
    return view;
  }

  private async visibleCohort(manager: EntityManager, cohortId: string): Promise<ProgramCohortEntity> {
    const cohort = await this.runs.cohort(manager, cohortId);
    if (!cohort) throw ProblemException.notFound();
    return cohort;
  }

  private async shareViews(manager: EntityManager, cohortId: string, userId: string, shareId?: string): Promise<ShareView[]> {
    const shares = await this.shares.shares(manager, cohortId, shareId);
    if (shares.length === 0) return [];
    const organizations = new Map((await this.runs.cohortMembers(manager, cohortId)).map((m) => [m.organizationId, m.organizationName]));
    const comments = await this.shares.comments(manager, cohortId);
    const reactions = await this.shares.reactions(manager, cohortId);
    return shares.map((share) => toShareView(share, comments, reactions, organizations, userId));
  }

  private record(manager: EntityManager, actor: Actor, action: 'program.share_commented' | 'program.share_reacted' | 'program.share_withdrawn', shareId: string, details: Record<string, unknown>) {
    // Cohort actions belong to no single authority's log.
    return this.audit.record(manager, { action, organizationId: null, actorUserId: actor.userId, objectType: 'program_share', objectId: shareId, details, ip: actor.ip });
  }
}

function share(row: ShareRow | undefined): row is ShareRow & { imageStorageKey: string; imageContentType: string } {
  return row !== undefined && row.kind === 'upload' && row.imageStorageKey !== null && row.imageContentType !== null;
}

function toShareView(
  share: ShareRow,
  comments: readonly CommentRow[],
  reactions: ReadonlyArray<{ share_id: string; user_id: string; reaction: (typeof SHARE_REACTIONS)[number] }>,
  organizations: ReadonlyMap<string, string>,
  userId: string,
): ShareView {
  const mine = reactions.filter((r) => r.share_id === share.id);
  const counts = Object.fromEntries(SHARE_REACTIONS.map((kind) => [kind, mine.filter((r) => r.reaction === kind).length])) as ShareView['reactions'];
  return {
    id: share.id,
    kind: share.kind,
    exerciseId: share.exerciseId,
    title: share.title,
    body: share.body,
    createdAt: new Date(share.createdAt).toISOString(),
    author: { displayName: share.authorName, organizationName: organizations.get(share.organizationId) ?? '' },
    own: share.authorUserId === userId,
    reactions: counts,
    myReaction: mine.find((r) => r.user_id === userId)?.reaction ?? null,
    comments: comments
      .filter((c) => c.shareId === share.id)
      .map((c) => ({
        id: c.id,
        body: c.body,
        createdAt: new Date(c.createdAt).toISOString(),
        author: { displayName: c.authorName, organizationName: c.organizationId ? (organizations.get(c.organizationId) ?? null) : null },
      })),
  };
}
