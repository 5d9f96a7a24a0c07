import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { APPROVALS_PATH } from '../approvals/approvals-paths';
import { organizationUrl } from '../shared/routing/paths';
import { AUDIT_ACTIONS, type AuditAction, type InboxCategory, type InboxItemDetail } from '@amtsplan/contracts';
import type { PlainMessageKey } from '../shared/i18n/translate';
import { daysUntilStrafantragDeadline } from '@amtsplan/domain';
import type { Observable } from 'rxjs';
import { auditActionLabelKey } from '../settings/audit/audit-event-labels';
import { ProblemNotice } from '../shared/http/problem-notice';
import { CalendarDatePipe } from '../shared/i18n/calendar-date.pipe';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InboxApi } from './inbox-api';
import { CATEGORY_LABEL, CATEGORY_ORDER, CLOCK_LABEL, KIND_LABEL, STATUS_LABEL } from './inbox-labels';
import { ReplyComposer, type ReplyDraft } from './reply-composer';

const APPROVAL_LABEL = {
  in_approval: 'community.approval.in_approval',
  approved: 'community.approval.approved',
  changes_requested: 'community.approval.changes_requested',
  rejected: 'community.approval.rejected',
} as const satisfies Record<string, PlainMessageKey>;

/** One item: text, response clock, Strafantrag deadline, actions, reply, notes, evidence and history. */
@Component({
  selector: 'amt-inbox-item-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, ReplyComposer, TranslatePipe, DateTimePipe, CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-item-panel.html',
  styleUrl: './inbox-item-panel.scss',
})
export class InboxItemPanel {
  private readonly api = inject(InboxApi);
  private readonly notice = inject(ProblemNotice);

  readonly organizationId = input.required<string>();
  readonly item = input.required<InboxItemDetail>();
  readonly userId = input.required<string>();
  readonly canWork = input(false);
  readonly changed = output<InboxItemDetail>();
  readonly forwardRequested = output<void>();
  readonly evidenceRequested = output<void>();

  protected readonly categories = CATEGORY_ORDER;
  protected readonly categoryLabel = CATEGORY_LABEL;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly kindLabel = KIND_LABEL;
  protected readonly clockLabel = CLOCK_LABEL;
  protected readonly busy = signal(false);
  protected noteText = '';
  protected draftText = '';
  protected netiquetteRule = '';
  private readonly composer = viewChild(ReplyComposer);

  protected readonly draft = computed(() => this.item().replies.filter((r) => r.state === 'draft').at(-1) ?? null);
  /** The reply on a sensitive category that waits for, or came back from, the Freigabe (decision 0020). */
  protected readonly approvalReply = computed(
    () => this.item().replies.filter((r) => r.state === 'in_approval' || r.state === 'approved' || r.state === 'changes_requested' || r.state === 'rejected').at(-1) ?? null,
  );
  protected readonly approvalStateKey = computed<PlainMessageKey>(() => {
    const state = this.approvalReply()?.state;
    return state && state in APPROVAL_LABEL ? APPROVAL_LABEL[state as keyof typeof APPROVAL_LABEL] : APPROVAL_LABEL.in_approval;
  });
  protected approvalLink(requestId: string): string[] {
    return organizationUrl(this.organizationId(), APPROVALS_PATH, requestId);
  }
  protected readonly sentReplies = computed(() => this.item().replies.filter((r) => r.state === 'sent'));
  protected readonly isDepartmentPerson = computed(() => this.item().status === 'with_department' && this.item().departmentUser?.id === this.userId());
  protected readonly closed = computed(() => ['answered', 'closed_without_reply', 'hidden'].includes(this.item().status));
  protected readonly latestEvidence = computed(() => this.item().evidence.at(-1) ?? null);
  protected readonly daysLeft = computed(() => {
    const evidence = this.latestEvidence();
    return evidence ? daysUntilStrafantragDeadline(evidence.knowledgeDate, new Date().toISOString().slice(0, 10)) : null;
  });

  /** The history speaks the audit log's words. */
  protected historyLabel(action: string): PlainMessageKey | null {
    return (AUDIT_ACTIONS as readonly string[]).includes(action) ? auditActionLabelKey(action as AuditAction) : null;
  }

  reportUrl(evidenceId: string): string {
    return this.api.evidenceReportUrl(this.organizationId(), this.item().id, evidenceId);
  }

  /** For the page's shortcuts. */
  focusReply(): void {
    this.composer()?.focus();
  }

  /** The text-block picker and the department draft arrive here. */
  insertIntoReply(text: string, textBlockVersionId: string | null = null): void {
    this.composer()?.insertText(text, textBlockVersionId);
  }

  assignToMe(): void {
    this.run(this.api.assign(this.organizationId(), this.item().id, this.item().version, this.userId()));
  }

  giveBack(): void {
    this.run(this.api.assign(this.organizationId(), this.item().id, this.item().version, null));
  }

  categorise(category: InboxCategory): void {
    if (category === this.item().category) return;
    this.run(this.api.categorise(this.organizationId(), this.item().id, this.item().version, category));
  }

  closeWithoutReply(): void {
    this.run(this.api.changeStatus(this.organizationId(), this.item().id, this.item().version, 'closed_without_reply'));
  }

  escalate(): void {
    this.run(this.api.changeStatus(this.organizationId(), this.item().id, this.item().version, 'escalated'));
  }

  reopen(): void {
    this.run(this.api.changeStatus(this.organizationId(), this.item().id, this.item().version, 'assigned'));
  }

  protected useDraft(): void {
    const draft = this.draft();
    if (draft) this.composer()?.setText(draft.body);
  }

  protected reply(draft: ReplyDraft): void {
    const body = draft.body;
    const submitted = this.item().replyNeedsApproval;
    this.run(this.api.reply(this.organizationId(), this.item().id, { version: this.item().version, ...draft }), () => {
      this.composer()?.clear();
      if (draft.delivery === 'copied' && !submitted) void navigator.clipboard?.writeText(body).catch(() => undefined);
    });
  }

  /** Puts the reply that came back (or waits) into the box to revise; sending it submits it again. */
  protected revise(body: string): void {
    this.composer()?.setText(body);
    this.composer()?.focus();
  }

  protected sendApproved(replyId: string, body: string, delivery: 'mastodon' | 'copied'): void {
    this.run(this.api.sendApproved(this.organizationId(), this.item().id, replyId, { version: this.item().version, delivery }), () => {
      if (delivery === 'copied') void navigator.clipboard?.writeText(body).catch(() => undefined);
    });
  }

  protected addNote(): void {
    if (!this.noteText.trim()) return;
    this.run(this.api.addNote(this.organizationId(), this.item().id, this.noteText), () => (this.noteText = ''));
  }

  protected sendDraft(): void {
    if (!this.draftText.trim()) return;
    this.run(this.api.departmentDraft(this.organizationId(), this.item().id, this.item().version, this.draftText), () => (this.draftText = ''));
  }

  protected hide(action: 'hide' | 'block'): void {
    if (!this.netiquetteRule.trim()) return;
    this.run(this.api.moderate(this.organizationId(), this.item().id, { version: this.item().version, action, netiquetteRule: this.netiquetteRule }), () => (this.netiquetteRule = ''));
  }

  private run(request: Observable<InboxItemDetail>, done?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.subscribe({
      next: (item) => {
        this.busy.set(false);
        done?.();
        this.changed.emit(item);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notice.showError(error);
      },
    });
  }
}
