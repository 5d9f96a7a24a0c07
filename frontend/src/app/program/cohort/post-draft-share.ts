import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { delay, take } from 'rxjs';
import type { EnrolmentProgramView, ShareView } from '@amtsplan/contracts';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ProgramApi } from '../program-api';
import { PROGRAM_PATH } from '../program-paths';
import { PostDraftShareDialog, type PostDraftShareDialogData } from './post-draft-share-dialog';

/**
 * "Anonymisiert mit der Peer-Gruppe teilen" in the post editor: only for the person enrolled in the
 * learning program for this authority (nothing renders otherwise). The saved post is shared, so
 * the button waits while there are unsaved changes. Withdrawing is on the Peer-Gruppe page.
 */
@Component({
  selector: 'amt-post-draft-share',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (enrolment(); as e) {
      <section class="draft-share" [attr.aria-label]="'program.share.postDraft.section' | t">
        <button mat-stroked-button type="button" [disabled]="busy() || dirty()" (click)="start(e)">
          <mat-icon aria-hidden="true">group_add</mat-icon>{{ 'program.share.postDraft.start' | t }}
        </button>
        @if (dirty()) {
          <span class="amt-muted">{{ 'program.share.postDraft.saveFirst' | t }}</span>
        }
        @if (shared()) {
          <span class="shared">
            <mat-icon aria-hidden="true">group</mat-icon>{{ 'program.share.shared' | t }}:
            <a [href]="cohortPath(e.cohort.id)" (click)="openCohort($event, e.cohort.id)">{{ 'program.share.postDraft.open' | t }}</a>
          </span>
        }
      </section>
    }
  `,
  styles: `
    .draft-share {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin: 16px 0;
    }
    .shared {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-large);
    }
  `,
})
export class PostDraftShare {
  private readonly api = inject(ProgramApi);
  private readonly dialog = inject(MatDialog);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);

  readonly organizationId = input.required<string>();
  readonly postId = input.required<string>();
  /** Unsaved changes in the editor: the server shares the saved post only. */
  readonly dirty = input(false);

  protected readonly enrolment = signal<EnrolmentProgramView | null>(null);
  protected readonly busy = signal(false);
  /** Shared in this editor session: the link to the enrolment's Peer-Gruppe shows. */
  protected readonly shared = signal(false);

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      // Quietly nothing on failure: the post is the editor's work, sharing is an extra.
      this.api.ownEnrolment(organizationId).subscribe((enrolment) => this.enrolment.set(enrolment));
    });
  }

  protected cohortPath(cohortId: string): string {
    return `/o/${this.organizationId()}/${PROGRAM_PATH}/gruppe/${cohortId}`;
  }

  /**
   * The editor is a side sheet over the plan, and closing it returns the plan's address: so the
   * sheet closes first and the Peer-Gruppe opens after that (a new tab or window as usual).
   */
  protected openCohort(event: MouseEvent, cohortId: string): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const path = this.cohortPath(cohortId);
    // After the plan's own reaction to the closed sheet (it drops `beitrag` from its address).
    this.dialog.afterAllClosed.pipe(take(1), delay(0)).subscribe(() => void this.router.navigateByUrl(path));
    this.dialog.closeAll();
  }

  protected start(enrolment: EnrolmentProgramView): void {
    this.busy.set(true);
    const data: PostDraftShareDialogData = { organizationId: this.organizationId(), enrolmentId: enrolment.enrolmentId, postId: this.postId() };
    this.dialog
      .open<PostDraftShareDialog, PostDraftShareDialogData, ShareView>(PostDraftShareDialog, { data, maxWidth: '40rem', width: 'calc(100vw - 32px)' })
      .afterClosed()
      .subscribe((share) => {
        this.busy.set(false);
        if (!share) return;
        this.shared.set(true);
        this.notice.confirm(this.i18n.t('program.share.done'));
      });
  }
}
