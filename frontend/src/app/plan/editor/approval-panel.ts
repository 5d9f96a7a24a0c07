import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ApprovalRequestView, PostView } from '@amtsplan/contracts';
import type { PostFinding } from '@amtsplan/domain';
import { catchError, of, throwError } from 'rxjs';
import { REQUEST_STATUS_KEYS } from '../../approvals/approval-labels';
import { ApprovalSteps } from '../../approvals/approval-steps';
import { ApprovalsApi } from '../../approvals/approvals-api';
import { APPROVALS_PATH } from '../../approvals/approvals-paths';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { describeFailure, isStaleVersion, problemOf } from '../../shared/http/problem';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { organizationUrl } from '../../shared/routing/paths';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import type { PlanRights } from '../post-permissions';

/** Post statuses from which a submission may start (the domain's move to `in_approval`). */
const SUBMITTABLE = new Set<PostView['status']>(['draft', 'changes_requested']);

/**
 * The post's approval in the editor: where its latest request stands, submitting and
 * withdrawing, and the way to the decision page. It emits `changed` after a submission or
 * withdrawal, since both give the post a new status and version.
 */
@Component({
  selector: 'amt-approval-panel',
  imports: [MatButtonModule, MatIconModule, RouterLink, ApprovalSteps, InlineAlert, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="approval-panel-heading">
      <h3 id="approval-panel-heading">{{ 'approvals.panel.heading' | t }}</h3>
      @let state = approval.current();
      @if (state.state !== 'loaded') {
        <amt-load-status [state]="state" (retry)="approval.reload()" />
      } @else {
        @let request = state.value;
        @if (request) {
          <p class="panel__status">
            <strong>{{ statusKeys[request.status] | t }}</strong> · {{ request.route.name }}
            · <a [routerLink]="decisionLink(request)">{{ 'approvals.panel.open' | t }}</a>
            · <a [href]="protocolUrl()" download>{{ 'approvals.panel.protocol' | t }}</a>
          </p>
          @if (request.voidReasons.length > 0) {
            <ul class="panel__reasons">
              @for (reason of request.voidReasons; track $index) {
                <li>{{ reason.message }}</li>
              }
            </ul>
          }
          @if (request.status === 'pending' || request.status === 'changes_requested' || request.status === 'rejected') {
            <amt-approval-steps [steps]="request.steps" />
          }
        } @else {
          <p class="amt-muted">{{ 'approvals.panel.none' | t }}</p>
        }
      }
      @if (problems().length > 0 || alert()) {
        <amt-inline-alert>
          @if (alert(); as alert) {
            <p class="panel__alert">{{ alert }}</p>
          }
          <ul class="panel__problems">
            @for (message of problems(); track $index) {
              <li>{{ message }}</li>
            }
          </ul>
        </amt-inline-alert>
      }
      @if (mayPropose()) {
        <div class="panel__buttons">
          @if (canSubmit()) {
            <button mat-flat-button type="button" [disabled]="pending() || dirty() || hardFindings().length > 0" (click)="submit()">
              <mat-icon aria-hidden="true">send</mat-icon>{{ 'approvals.panel.submit' | t }}
            </button>
          }
          @if (canWithdraw()) {
            <button mat-stroked-button type="button" [disabled]="pending()" (click)="withdraw()">
              <mat-icon aria-hidden="true">undo</mat-icon>{{ 'approvals.panel.withdraw' | t }}
            </button>
          }
        </div>
        @if (canSubmit() && dirty()) {
          <p class="amt-muted panel__hint">{{ 'approvals.panel.saveFirst' | t }}</p>
        } @else if (canSubmit() && hardFindings().length > 0) {
          <div class="panel__hint">
            <p>{{ 'approvals.panel.blocked' | t }}</p>
            <ul class="panel__problems">
              @for (finding of hardFindings(); track $index) {
                <li>{{ finding.message }}</li>
              }
            </ul>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .panel {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    h3 {
      margin: 0;
    }
    .panel__status,
    .panel__alert,
    .panel__hint p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .panel__reasons,
    .panel__problems {
      margin: 0;
      padding-left: 20px;
    }
    .panel__hint {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-error);
    }
    .panel__buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class ApprovalPanel {
  private readonly api = inject(ApprovalsApi);
  private readonly notice = inject(ProblemNotice);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly post = input.required<PostView>();
  readonly rights = input.required<PlanRights>();
  /** Unsaved edits: the approval binds the saved content, so submitting waits for a save. */
  readonly dirty = input.required<boolean>();
  /** The editor's live checks; hard ones block submission, as on the server. */
  readonly findings = input.required<readonly PostFinding[]>();
  readonly changed = output<void>();

  protected readonly statusKeys = REQUEST_STATUS_KEYS;
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);
  protected readonly problems = signal<readonly string[]>([]);

  /** Read again with every new version of the post: a save may have voided the request. */
  protected readonly approval = loadOnRequest({
    params: () => ({ organizationId: this.organizationId(), postId: this.post().id, version: this.post().version }),
    load: ({ organizationId, postId }) =>
      this.api.ofPost(organizationId, postId).pipe(
        catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error))),
      ),
  });

  protected readonly mayPropose = computed(() => {
    const rights = this.rights();
    return rights.plan || (rights.propose && this.post().authorUserId === rights.userId);
  });
  protected readonly canSubmit = computed(() => SUBMITTABLE.has(this.post().status));
  protected readonly canWithdraw = computed(() => {
    const state = this.approval.current();
    return state.state === 'loaded' && state.value?.status === 'pending' && this.post().status === 'in_approval';
  });
  protected readonly hardFindings = computed(() => this.findings().filter((f) => f.severity === 'hard'));

  /** The Freigabeprotokoll (Aktenvermerk) of every round of this post, as the server renders it. */
  protected protocolUrl(): string {
    return `/api/orgs/${encodeURIComponent(this.organizationId())}/posts/${encodeURIComponent(this.post().id)}/approval-protocol.pdf`;
  }

  protected decisionLink(request: ApprovalRequestView): string[] {
    return organizationUrl(this.organizationId(), APPROVALS_PATH, request.id);
  }

  protected submit(): void {
    if (this.pending()) return;
    this.run(this.api.submit(this.organizationId(), this.post().id, this.post().version), 'approvals.panel.submitted');
  }

  protected withdraw(): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('approvals.panel.withdrawTitle'),
      text: this.i18n.t('approvals.panel.withdrawText'),
      confirmLabel: this.i18n.t('approvals.panel.withdraw'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.run(this.api.withdraw(this.organizationId(), this.post().id), 'approvals.panel.withdrawn');
      });
  }

  private run(call: ReturnType<ApprovalsApi['submit']>, done: 'approvals.panel.submitted' | 'approvals.panel.withdrawn'): void {
    this.pending.set(true);
    this.alert.set(null);
    this.problems.set([]);
    call.subscribe({
      next: () => {
        this.pending.set(false);
        this.notice.confirm(this.i18n.t(done));
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.pending.set(false);
        if (isStaleVersion(error)) {
          this.alert.set(this.i18n.t('approvals.panel.stale'));
          this.changed.emit();
          return;
        }
        // 422 lists each hard finding or route problem as a field problem with a German message.
        const problem = problemOf(error);
        this.alert.set(problem?.errors?.length ? this.i18n.t('approvals.panel.refused') : describeFailure(error, this.i18n));
        this.problems.set(problem?.errors?.map((e) => e.message) ?? []);
      },
    });
  }
}
