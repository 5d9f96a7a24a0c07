import { Injectable } from '@nestjs/common';
import type { ApprovalContentView, ApprovalInboxItem, ApprovalRequestView, PersonRef } from '@amtsplan/contracts';
import {
  APPROVAL_REQUEST_STATUS_LABELS,
  type ApprovalContent,
  type ApprovalPolicy,
  type ApprovalRequestState,
  awaitingDecisionFrom,
  currentStepIndex,
  decide,
  electionBlackoutPeriodFor,
  electionNeutralityWarning,
  parseApprovalContent,
  parseInboxReplyContent,
  parseTextBlockContent,
  type PlaybookContent,
  roleAllows,
} from '@amtsplan/domain';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostEntity } from '../posts/post.entity';
import { UserEntity } from '../users/user.entity';
import { ApprovalRequestEntity } from './approval-request.entity';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalSettingsEntity } from './approval-settings.entity';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { requestState } from './approval-state';
import { type ApprovalSubjectSummary, ApprovalSubjects, subjectIdOf } from './approval-subject';

type People = ReadonlyMap<string, PersonRef>;

/** A request with what its views are made of, read once for many requests: its post, or the summary of its other subject. */
interface Loaded {
  readonly request: ApprovalRequestEntity;
  readonly state: ApprovalRequestState;
  readonly post: PostEntity | null;
  readonly subject: ApprovalSubjectSummary | null;
}

function titleOf(loaded: Loaded): string {
  return loaded.post?.workingTitle ?? loaded.subject?.title ?? 'Freigabe';
}

export function policyOf(settings: Pick<ApprovalSettingsEntity, 'allowSelfApproval'>): ApprovalPolicy {
  return { allowSelfApproval: settings.allowSelfApproval };
}

/** Whether the open step of a running request is past its due time. */
export function isOverdue(state: ApprovalRequestState, now: Date): boolean {
  const index = currentStepIndex(state);
  return index !== null && state.steps[index].dueAt.getTime() <= now.getTime();
}

/** Builds ApprovalRequestView and inbox items: names of the people, who may decide now, and why not. */
@Injectable()
export class ApprovalViews {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly subjects: ApprovalSubjects,
  ) {}

  async load(requests: readonly ApprovalRequestEntity[]): Promise<Loaded[]> {
    if (requests.length === 0) return [];
    const { organizationId } = RequestScope.organization();
    const decisions = await this.requests.decisionsOf(requests.map((r) => r.id));
    const postIds = [...new Set(requests.flatMap((r) => (r.postId ? [r.postId] : [])))];
    const posts = new Map(postIds.length ? (await RequestScope.manager().find(PostEntity, { where: { id: In(postIds), organizationId } })).map((p) => [p.id, p]) : []);
    const summaries = new Map<string, ApprovalSubjectSummary>();
    for (const type of new Set(requests.filter((r) => r.subjectType !== 'post').map((r) => r.subjectType))) {
      const ids = requests.filter((r) => r.subjectType === type).map(subjectIdOf);
      for (const [id, summary] of await this.subjects.of(type).summaries(ids)) summaries.set(id, summary);
    }
    return requests.flatMap((request) => {
      const post = request.postId ? (posts.get(request.postId) ?? null) : null;
      const subject = request.postId ? null : (summaries.get(subjectIdOf(request)) ?? null);
      // A request cannot outlive its subject (foreign keys, cascade); the check only satisfies the types.
      return post || subject ? [{ request, state: requestState(request, decisions.get(request.id) ?? []), post, subject }] : [];
    });
  }

  async request(request: ApprovalRequestEntity): Promise<ApprovalRequestView> {
    const [loaded] = await this.load([request]);
    if (!loaded) throw ProblemException.notFound();
    const settings = await this.settings.current();
    const people = await this.people(personIds(loaded.state));
    return this.requestView(loaded, settings, people, new Date());
  }

  async inboxItems(loaded: readonly Loaded[], now: Date): Promise<Map<string, ApprovalInboxItem>> {
    const people = await this.people(loaded.map((l) => l.request.submittedByUserId));
    return new Map(
      loaded.map((l) => {
        const { request, state } = l;
        const index = currentStepIndex(state);
        const item: ApprovalInboxItem = {
          requestId: request.id,
          subjectType: request.subjectType,
          postId: request.postId,
          textBlockId: request.subjectType === 'text_block' ? (l.subject?.parentId ?? null) : null,
          playbookId: request.subjectType === 'playbook' ? (l.subject?.parentId ?? null) : null,
          inboxItemId: request.subjectType === 'inbox_reply' ? (l.subject?.parentId ?? null) : null,
          workingTitle: titleOf(l),
          channelIds: request.postId ? parseApprovalContent(request.canonicalContent).channels.map((c) => c.channelId) : [],
          status: request.status,
          currentStep: index === null ? null : { index, name: state.steps[index].name, dueAt: state.steps[index].dueAt.toISOString() },
          overdue: isOverdue(state, now),
          submittedBy: person(people, request.submittedByUserId),
          submittedAt: request.submittedAt.toISOString(),
          plannedAt: request.plannedAt?.toISOString() ?? null,
          closedAt: request.closedAt?.toISOString() ?? null,
        };
        return [request.id, item];
      }),
    );
  }

  private requestView({ request, state, post, subject }: Loaded, settings: ApprovalSettingsEntity, people: People, now: Date): ApprovalRequestView {
    const policy = policyOf(settings);
    const index = currentStepIndex(state);
    const period = post ? electionBlackoutPeriodFor(request.plannedAt, settings.electionBlackoutPeriods, post.timeZone) : null;
    return {
      id: request.id,
      subjectType: request.subjectType,
      postId: request.postId,
      post: post ? { id: post.id, workingTitle: post.workingTitle, status: post.status, version: post.version } : null,
      textBlock: subject && request.subjectType === 'text_block' ? textBlockSubjectView(request, subject) : null,
      playbook: subject && request.subjectType === 'playbook' ? playbookSubjectView(request, subject) : null,
      inboxReply: subject && request.subjectType === 'inbox_reply' ? inboxReplySubjectView(request, subject) : null,
      status: request.status,
      route: { id: request.routeId, name: request.routeSnapshot.name },
      contentHash: request.contentHash,
      content: post ? contentView(parseApprovalContent(request.canonicalContent)) : null,
      author: person(people, request.authorUserId),
      submittedBy: person(people, request.submittedByUserId),
      submittedAt: request.submittedAt.toISOString(),
      plannedAt: request.plannedAt?.toISOString() ?? null,
      steps: state.steps.map((step, i) => ({
        index: i,
        name: step.name,
        mode: step.mode,
        status: step.status,
        dueAt: step.dueAt.toISOString(),
        overdue: i === index && step.dueAt.getTime() <= now.getTime(),
        approvers: step.approverUserIds.map((id) => person(people, id)),
        deputy: step.deputyUserId ? person(people, step.deputyUserId) : null,
        decisions: step.decisions.map((d) => ({
          user: person(people, d.userId),
          kind: d.kind,
          comment: d.comment,
          decidedAt: d.at.toISOString(),
          asDeputy: d.asDeputy,
          selfApproval: d.selfApproval,
        })),
      })),
      currentStepIndex: index,
      awaitingDecisionFrom: awaitingDecisionFrom(state, policy, now).map((id) => person(people, id)),
      myDecision: myDecision(state, policy, now),
      neutralityWarning: period ? electionNeutralityWarning(period) : null,
      closedAt: request.closedAt?.toISOString() ?? null,
      voidReasons: request.voidReasons.map((r) => ({ kind: r.kind, message: r.message })),
      version: request.version,
    };
  }

  private async people(ids: readonly string[]): Promise<People> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    // Users are installation-wide; only the names of people this organization's request names are read.
    const users = await RequestScope.manager().find(UserEntity, { where: { id: In(unique) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
  }
}

export function contentView(content: ApprovalContent): ApprovalContentView {
  return {
    format: content.format,
    channels: content.channels.map((c) => ({ channelId: c.channelId, text: c.text })),
    media: content.media.map((m) => ({ id: m.id, contentHash: m.contentHash, altText: m.altText })),
    planning: { ...content.planning },
  };
}

function textBlockSubjectView(request: ApprovalRequestEntity, subject: ApprovalSubjectSummary): NonNullable<ApprovalRequestView['textBlock']> {
  const content = parseTextBlockContent(request.canonicalContent);
  return {
    textBlockId: subject.parentId,
    versionId: subjectIdOf(request),
    versionNumber: subject.versionNumber,
    title: subject.title,
    content: { title: content.title, body: { ...content.body }, category: { ...content.category }, platforms: [...content.platforms] },
  };
}

/** The bound playbook content in brief: what leadership signs off (levels, steps, contacts). */
function playbookSubjectView(request: ApprovalRequestEntity, subject: ApprovalSubjectSummary): NonNullable<ApprovalRequestView['playbook']> {
  const content = JSON.parse(request.canonicalContent) as PlaybookContent;
  return {
    playbookId: subject.parentId,
    versionId: subjectIdOf(request),
    versionNumber: subject.versionNumber,
    title: subject.title,
    content: {
      name: content.name,
      scenario: content.scenario,
      contactCount: content.contacts.length,
      levels: content.levels.map((l) => ({ level: l.level, name: l.name, stepCount: l.checklist.length, contactCount: l.contactIds.length, stopRecommended: l.stopRecommended })),
    },
  };
}

/** The bound reply and the comment it answers, as approved (decision 0020). */
function inboxReplySubjectView(request: ApprovalRequestEntity, subject: ApprovalSubjectSummary): NonNullable<ApprovalRequestView['inboxReply']> {
  const content = parseInboxReplyContent(request.canonicalContent);
  return {
    itemId: subject.parentId,
    replyId: subjectIdOf(request),
    comment: { ...content.comment },
    body: content.reply.body,
    fromTextBlock: content.reply.textBlockVersionId !== null,
  };
}

function person(people: People, id: string): PersonRef {
  return people.get(id) ?? { id, displayName: 'Unbekannte Person' };
}

function personIds(state: ApprovalRequestState): string[] {
  return [
    state.authorUserId,
    state.submittedByUserId,
    ...state.steps.flatMap((s) => [...s.approverUserIds, ...(s.deputyUserId ? [s.deputyUserId] : []), ...s.decisions.map((d) => d.userId)]),
  ];
}

/** Whether the current member may decide the open step now, by the same rules as a real decision. */
function myDecision(state: ApprovalRequestState, policy: ApprovalPolicy, now: Date): ApprovalRequestView['myDecision'] {
  const index = currentStepIndex(state);
  if (index === null) return { allowed: false, reason: `Über diese Freigabe ist nicht mehr zu entscheiden (${APPROVAL_REQUEST_STATUS_LABELS[state.status]}).` };
  const { userId, role } = RequestScope.organization();
  if (!roleAllows(role, 'approvals.decide')) return { allowed: false, reason: 'Ihre Rolle kann nicht über Freigaben entscheiden.' };
  const trial = decide(state, { kind: 'approve', stepIndex: index, contentHash: state.contentHash, at: now }, { userId }, policy);
  return trial.ok ? { allowed: true, reason: null } : { allowed: false, reason: trial.reason };
}
