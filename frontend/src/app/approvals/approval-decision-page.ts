import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ApprovalRequestView } from '@amtsplan/contracts';
import type { ApprovalDecisionKind } from '@amtsplan/domain';
import { blocksApproval } from '@amtsplan/domain';
import { catchError, forkJoin, map, of } from 'rxjs';
import { ChannelPreviews } from '../plan/editor/channel-previews';
import { LiveChecks } from '../plan/editor/live-checks';
import { PostsApi } from '../plan/posts-api';
import { ChannelsApi } from '../settings/channels/channels-api';
import { loadOnRequest } from '../shared/http/load-on-request';
import { applyProblemToForm } from '../shared/http/problem-form';
import { ProblemNotice } from '../shared/http/problem-notice';
import { problemOf } from '../shared/http/problem';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { LoadStatus } from '../shared/ui/load-status';
import { organizationUrl } from '../shared/routing/paths';
import { DECIDED_KEYS, REQUEST_STATUS_KEYS } from './approval-labels';
import { ApprovalSteps } from './approval-steps';
import { ApprovalPlaybookPreview } from './approval-playbook-preview';
import { ApprovalInboxReplyPreview } from './approval-inbox-reply-preview';
import { ApprovalTextBlockPreview } from './approval-text-block-preview';
import { ApprovalsApi } from './approvals-api';
import { APPROVALS_PATH } from './approvals-paths';
import { SeenChanges } from './seen-changes';
import { submittedContent } from './submitted-content';

/**
 * One approval request, decided on from a desk or a phone: what was submitted, the checks, the
 * changes since the approver's last decision on this post, the route's steps, and the buttons.
 */
@Component({
  selector: 'amt-approval-decision-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ApprovalSteps,
    ApprovalTextBlockPreview,
    ApprovalPlaybookPreview,
    ApprovalInboxReplyPreview,
    ChannelPreviews,
    LiveChecks,
    SeenChanges,
    DateTimePipe,
    FieldErrorPipe,
    InlineAlert,
    LoadStatus,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  templateUrl: './approval-decision-page.html',
  styleUrl: './approval-decision-page.scss',
})
export class ApprovalDecisionPage {
  private readonly api = inject(ApprovalsApi);
  private readonly channelsApi = inject(ChannelsApi);
  private readonly postsApi = inject(PostsApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();
  readonly requestId = input.required<string>();

  protected readonly statusKeys = REQUEST_STATUS_KEYS;
  protected readonly decidedKeys = DECIDED_KEYS;
  protected readonly backLink = computed(() => organizationUrl(this.orgId(), APPROVALS_PATH));
  /** A group so that a 400 naming the field `comment` lands at the field (applyProblemToForm). */
  protected readonly form = new FormGroup({ comment: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(5000)] }) });
  protected readonly comment = this.form.controls.comment;
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);

  protected readonly page = loadOnRequest({
    params: () => ({ orgId: this.orgId(), requestId: this.requestId() }),
    load: ({ orgId, requestId }) =>
      forkJoin([
        this.api.request(orgId, requestId),
        this.channelsApi.list(orgId),
        // The comparison is a help, not a condition for deciding: its failure is shown in its place.
        this.api.previousSeen(orgId, requestId).pipe(catchError(() => of(null))),
      ]).pipe(
        map(([request, channels, seen]) => ({ request, channels: new Map(channels.map((c) => [c.id, c])), seen })),
      ),
  });
  /** Image thumbnails come from the post; a failure only hides them, the alt texts stay in the checks. */
  protected readonly postMedia = loadOnRequest({
    params: () => {
      const state = this.page.current();
      return state.state === 'loaded' && state.value.request.postId ? { orgId: this.orgId(), postId: state.value.request.postId } : null;
    },
    load: (params) => (params ? this.postsApi.get(params.orgId, params.postId).pipe(map((post) => post.media)) : of([])),
  });

  protected readonly content = computed(() => {
    const state = this.page.current();
    // Text blocks and other subjects have no channel previews; their content is shown by its own component.
    if (state.state !== 'loaded' || !state.value.request.content) return null;
    const media = this.postMedia.current();
    return submittedContent(state.value.request.content, state.value.channels, media.state === 'loaded' ? media.value : [], this.i18n.t('approvals.request.unknownChannel'));
  });
  protected readonly blocks = computed(() => blocksApproval(this.content()?.findings ?? []));

  protected decide(request: ApprovalRequestView, kind: ApprovalDecisionKind): void {
    if (this.pending() || request.currentStepIndex === null) return;
    const comment = this.comment.value.trim();
    if (kind === 'request_changes' && !comment) {
      this.comment.setErrors({ server: this.i18n.t('approvals.decide.commentRequired') });
      this.comment.markAsTouched();
      return;
    }
    this.pending.set(true);
    this.alert.set(null);
    this.api
      .decide(this.orgId(), request.id, { decision: kind, stepIndex: request.currentStepIndex, contentHash: request.contentHash, comment: comment || null })
      .subscribe({
        next: (decided) => {
          this.pending.set(false);
          this.comment.reset('');
          this.page.update((value) => ({ ...value, request: decided }));
          this.notice.confirm(this.i18n.t('approvals.decide.done', { decision: this.i18n.t(DECIDED_KEYS[kind]) }));
        },
        error: (error: unknown) => {
          this.pending.set(false);
          const problem = problemOf(error);
          if (problem?.status === 409) {
            // The content changed or someone decided first: show what is true now.
            this.alert.set(this.i18n.t('approvals.decide.contentChanged'));
            this.page.reload();
            return;
          }
          if (problem?.errors?.length && applyProblemToForm(this.form, problem).length === 0) return;
          this.notice.showError(error);
          if (problem?.status === 403) this.page.reload();
        },
      });
  }
}
