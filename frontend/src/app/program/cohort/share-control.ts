import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { ShareSource } from '@amtsplan/contracts';
import { filter, switchMap } from 'rxjs';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { ProgramApi } from '../program-api';
import { OwnShares } from './own-shares';
import { ShareDialog } from './share-dialog';

/**
 * "In die Peer-Gruppe teilen" beside one of the participant's own results, or, once shared,
 * "Geteilt" with "Zurückziehen". Sharing goes through the server's preview: the participant sees
 * the exact copy before it leaves the authority. Needs an OwnShares provider on the page.
 */
@Component({
  selector: 'amt-share-control',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (share(); as shared) {
      <span class="shared"><mat-icon aria-hidden="true">group</mat-icon>{{ 'program.share.shared' | t }}</span>
      <button mat-button type="button" [disabled]="busy()" (click)="withdraw(shared.id)">{{ 'program.share.withdraw' | t }}</button>
    } @else {
      <button mat-stroked-button type="button" [disabled]="busy() || disabled()" (click)="start()">
        <mat-icon aria-hidden="true">group_add</mat-icon>{{ startLabel() | t }}
      </button>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .shared {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
  `,
})
export class ShareControl {
  private readonly api = inject(ProgramApi);
  private readonly dialog = inject(MatDialog);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  private readonly own = inject(OwnShares);

  readonly organizationId = input.required<string>();
  readonly enrolmentId = input.required<string>();
  readonly source = input.required<ShareSource>();
  /** The title the server gives this result's share, to find it again (post drafts, poster sections, text blocks). */
  readonly sharedTitle = input<string | null>(null);
  readonly disabled = input(false);
  /** The button's text, when a page has more than one kind of share beside each other (the poster's sections). */
  readonly startLabel = input<'program.share.start' | 'program.share.startSection' | 'program.share.startTextBlock'>('program.share.start');

  protected readonly busy = signal(false);
  protected readonly share = computed(() => {
    const source = this.source();
    if (source.kind === 'reflection' || source.kind === 'upload') return this.own.byExercise().get(source.exerciseId) ?? null;
    const title = this.sharedTitle();
    return title ? (this.own.byTitle().get(title) ?? null) : null;
  });

  protected start(): void {
    const source = this.source();
    this.busy.set(true);
    this.api.sharePreview(this.organizationId(), this.enrolmentId(), source).subscribe({
      next: (preview) => {
        this.dialog
          .open<unknown, unknown, boolean>(ShareDialog, { data: preview, maxWidth: '40rem', width: 'calc(100vw - 32px)' })
          .afterClosed()
          .pipe(
            filter((confirmed) => {
              if (!confirmed) this.busy.set(false);
              return confirmed === true;
            }),
            switchMap(() => this.api.share(this.organizationId(), this.enrolmentId(), { ...source, body: preview.body } as never)),
          )
          .subscribe({
            next: (share) => {
              this.busy.set(false);
              this.own.added(share);
              this.notice.confirm(this.i18n.t('program.share.done'));
            },
            error: (error: unknown) => this.fail(error),
          });
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected withdraw(shareId: string): void {
    const cohortId = this.own.cohort();
    if (!cohortId) return;
    const data: ConfirmDialogData = { title: this.i18n.t('program.share.withdrawTitle'), text: this.i18n.t('program.share.withdrawText'), confirmLabel: this.i18n.t('program.share.withdraw') };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          return this.api.withdraw(cohortId, shareId);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.own.removed(shareId);
          this.notice.confirm(this.i18n.t('program.share.withdrawn'));
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.notice.showError(error);
  }
}
