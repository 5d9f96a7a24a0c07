import { Injectable } from '@nestjs/common';
import {
  APPROVAL_DECISION_DONE_LABELS,
  APPROVAL_MODE_LABELS,
  APPROVAL_REQUEST_STATUS_LABELS,
  APPROVAL_STEP_STATUS_LABELS,
  parseApprovalContent,
  PUBLISH_OUTCOME_KINDS,
  PUBLISH_OUTCOME_LABELS,
  type PublishOutcomeKind,
  ROLE_LABELS_DE,
} from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostRepository } from '../posts/post.repository';
import type { ApprovalProtocol, ProtocolRequest } from './approval-protocol';
import { renderApprovalProtocolPdf } from './approval-protocol-pdf';
import { ApprovalProtocolRepository, StoredAttempt } from './approval-protocol.repository';
import { ApprovalRequestRepository } from './approval-request.repository';
import type { ApprovalRequestEntity } from './approval-request.entity';
import { germanDateTime } from './approval-time';

export interface ProtocolFile {
  readonly fileName: string;
  readonly content: Buffer;
}

/**
 * The Freigabeprotokoll (Aktenvermerk) of a post as PDF: every request the post went through,
 * with the content exactly as submitted, the route, each decision and void, and the publish
 * attempts made on its strength. Each export is audited, because it leaves the system.
 */
@Injectable()
export class ApprovalProtocolService {
  constructor(
    private readonly posts: PostRepository,
    private readonly requests: ApprovalRequestRepository,
    private readonly protocol: ApprovalProtocolRepository,
    private readonly audit: AuditLog,
  ) {}

  async export(postId: string, now = new Date()): Promise<ProtocolFile> {
    const post = await this.posts.find(postId);
    if (!post) throw ProblemException.notFound();
    const stored = await this.protocol.requestsOf(postId);
    if (stored.length === 0) throw ProblemException.notFound('Dieser Beitrag wurde noch nicht zur Freigabe eingereicht; es gibt kein Freigabeprotokoll.');

    const { userId } = RequestScope.organization();
    const decisions = await this.requests.decisionsOf(stored.map((r) => r.id));
    const attempts = await this.protocol.attemptsOf(stored.map((r) => r.id));
    const parsed = stored.map((request) => ({ request, content: parseApprovalContent(request.canonicalContent) }));
    const people = await this.protocol.people([
      userId,
      ...stored.flatMap((r) => [r.authorUserId, r.submittedByUserId, ...r.steps.flatMap((s) => [...s.approverUserIds, ...(s.deputyUserId ? [s.deputyUserId] : [])])]),
      ...[...decisions.values()].flat().map((d) => d.userId),
    ]);
    const channels = await this.protocol.channelNames([...parsed.flatMap(({ content }) => content.channels.map((ch) => ch.channelId)), ...attempts.map((a) => a.channelId)]);
    const organization = await this.protocol.organization();

    const name = (id: string) => people.get(id)?.name ?? 'Unbekannte Person';
    const withRole = (id: string) => {
      const role = people.get(id)?.role;
      return role ? `${name(id)}, Rolle „${ROLE_LABELS_DE[role]}“` : `${name(id)}, nicht mehr Mitglied`;
    };
    const channelName = (id: string) => channels.get(id) ?? 'Gelöschter Kanal';
    const requests: ProtocolRequest[] = parsed.map(({ request, content }) => {
      return {
        id: request.id,
        status: APPROVAL_REQUEST_STATUS_LABELS[request.status],
        submittedAt: request.submittedAt,
        submittedBy: withRole(request.submittedByUserId),
        author: withRole(request.authorUserId),
        closedAt: request.closedAt,
        routeName: request.routeSnapshot.name,
        contentHash: request.contentHash,
        planning: planningText(content.planning, organization.timeZone),
        channels: content.channels.map((c) => ({ name: channelName(c.channelId), text: c.text })),
        media: content.media.map((m) => ({ altText: m.altText, contentHash: m.contentHash })),
        steps: request.steps.map((step) => ({
          name: step.name,
          status: APPROVAL_STEP_STATUS_LABELS[step.status],
          mode: APPROVAL_MODE_LABELS[step.mode],
          approvers: step.approverUserIds.map(name),
          deputy: step.deputyUserId ? name(step.deputyUserId) : null,
          dueAt: new Date(step.dueAt),
        })),
        decisions: (decisions.get(request.id) ?? []).map((d) => ({
          at: d.decidedAt,
          person: withRole(d.userId),
          stepName: `${d.stepIndex + 1} „${request.steps[d.stepIndex]?.name ?? ''}“`,
          decision: APPROVAL_DECISION_DONE_LABELS[d.kind],
          comment: d.comment,
          asDeputy: d.asDeputy,
          selfApproval: d.selfApproval,
        })),
        voidReasons: request.voidReasons.map((r) => r.message),
        attempts: attempts.filter((a) => a.requestId === request.id).map((a) => attemptOf(a, channelName)),
      };
    });
    const protocol: ApprovalProtocol = {
      organizationName: organization.name,
      timeZone: organization.timeZone,
      postId,
      workingTitle: post.workingTitle,
      generatedAt: now,
      generatedBy: withRole(userId),
      requests,
    };
    const content = await renderApprovalProtocolPdf(protocol);
    await this.audit.recordInOrganization({
      action: 'approval.protocol_exported',
      objectType: 'post',
      objectId: postId,
      details: { workingTitle: post.workingTitle, requestIds: stored.map((r) => r.id), contentHashes: stored.map((r: ApprovalRequestEntity) => r.contentHash) },
    });
    // The date in the file name is the organization's, like every time inside the document.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: organization.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    return { fileName: `freigabeprotokoll-${fileSlug(post.workingTitle)}-${day}.pdf`, content };
  }
}

function planningText(planning: ReturnType<typeof parseApprovalContent>['planning'], timeZone: string): string {
  if (planning.kind === 'time') return germanDateTime(new Date(planning.at), timeZone);
  if (planning.kind === 'day') return `${planning.date.split('-').reverse().join('.')} (ohne Uhrzeit)`;
  return 'nicht geplant';
}

function attemptOf(attempt: StoredAttempt, channelName: (id: string) => string) {
  const known = (PUBLISH_OUTCOME_KINDS as readonly string[]).includes(attempt.outcome ?? '');
  const outcome = attempt.outcome === null ? 'läuft' : known ? PUBLISH_OUTCOME_LABELS[attempt.outcome as PublishOutcomeKind] : 'Von Hand zu veröffentlichen';
  return { channel: channelName(attempt.channelId), attemptNo: attempt.attemptNo, startedAt: new Date(attempt.startedAt), outcome, detail: attempt.url ?? attempt.error };
}

/** An ASCII file name part: umlauts spelled out, everything else to hyphens. */
function fileSlug(title: string): string {
  const spelled = title.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  const slug = spelled.normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'beitrag';
}
