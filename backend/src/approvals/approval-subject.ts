import { Injectable } from '@nestjs/common';
import type { ApprovalRequestStatus } from '@amtsplan/domain';
import type { ApprovalRequestEntity } from './approval-request.entity';

/**
 * What an approval request can be about. Posts are the original subject and keep their own
 * code paths (publishing, voiding on edit); every further kind registers an
 * ApprovalSubjectKind with ApprovalSubjects and gets routes, four-eyes, decisions,
 * notifications, reminders and the inbox without a line of its own there.
 *
 * Adding a kind (e.g. crisis playbook versions): a value here, a nullable uuid column on
 * approval_requests with its foreign key, one more branch in CHK_approval_requests_subject, a
 * live unique index like UQ_approval_requests_live_text_block_version, `subjectIdOf` below,
 * and an ApprovalSubjectKind registered by the feature's module (docs/approvals.md).
 */
export const APPROVAL_SUBJECT_TYPES = ['post', 'text_block', 'playbook', 'inbox_reply'] as const;
export type ApprovalSubjectType = (typeof APPROVAL_SUBJECT_TYPES)[number];

/** The id of the subject: the post, the text block version, the playbook version or the inbox reply. */
export function subjectIdOf(request: Pick<ApprovalRequestEntity, 'subjectType' | 'postId' | 'textBlockVersionId' | 'playbookVersionId' | 'inboxReplyId'>): string {
  const id =
    request.subjectType === 'post'
      ? request.postId
      : request.subjectType === 'text_block'
        ? request.textBlockVersionId
        : request.subjectType === 'playbook'
          ? request.playbookVersionId
          : request.inboxReplyId;
  if (!id) throw new Error(`Freigabeanfrage ohne Gegenstand (${request.subjectType})`);
  return id;
}

/** What the decision page and the inbox show of a non-post subject. */
export interface ApprovalSubjectSummary {
  readonly title: string;
  /** Where the subject itself is shown in the app (e.g. the text block's editor). */
  readonly link: string;
  /** The id of the thing that has versions (the text block), for links and filters. */
  readonly parentId: string;
  readonly versionNumber: number;
}

/** One kind of subject other than posts; all calls run in the caller's transaction and scope. */
export interface ApprovalSubjectKind {
  readonly type: Exclude<ApprovalSubjectType, 'post'>;
  /** Locks the subject's row: taken before the request's row, as for posts. */
  lock(subjectId: string): Promise<void>;
  summaries(subjectIds: readonly string[]): Promise<Map<string, ApprovalSubjectSummary>>;
  /** The request's status changed (decision, withdrawal, void): the subject follows. */
  requestMoved(subjectId: string, requestId: string, status: ApprovalRequestStatus): Promise<void>;
}

/** The registered subject kinds; each feature module registers its own at start-up. */
@Injectable()
export class ApprovalSubjects {
  private readonly kinds = new Map<string, ApprovalSubjectKind>();

  register(kind: ApprovalSubjectKind): void {
    if (this.kinds.has(kind.type)) throw new Error(`Freigabe-Gegenstand ${kind.type} ist doppelt angemeldet`);
    this.kinds.set(kind.type, kind);
  }

  of(type: ApprovalSubjectType): ApprovalSubjectKind {
    const kind = this.kinds.get(type);
    if (!kind) throw new Error(`Freigabe-Gegenstand ${type} ist nicht angemeldet`);
    return kind;
  }

  has(type: ApprovalSubjectType): boolean {
    return this.kinds.has(type);
  }
}
