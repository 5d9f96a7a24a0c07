import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { SharePreview, ShareView } from '@amtsplan/contracts';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ProgramApi } from '../program-api';
import { namesToHideFromInput } from './names-to-hide';
import { SharePreviewText } from './share-preview-text';

export interface PostDraftShareDialogData {
  readonly organizationId: string;
  readonly enrolmentId: string;
  readonly postId: string;
}

/**
 * A saved post, anonymised by the server, shared into the Peer-Gruppe. The authority's name and its
 * members' names are hidden anyway; the participant may name more people to hide and sees the exact
 * copy again before it leaves the authority. Closes with the new share, or nothing.
 */
@Component({
  selector: 'amt-post-draft-share-dialog',
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, SharePreviewText, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'program.share.postDraft.title' | t }}</h2>
    <mat-dialog-content>
      <p>{{ 'program.share.postDraft.intro' | t }}</p>
      <form class="names" (submit)="$event.preventDefault(); refresh()">
        <mat-form-field subscriptSizing="dynamic" class="names__field">
          <mat-label>{{ 'program.share.postDraft.names' | t }}</mat-label>
          <input matInput [formControl]="names" autocomplete="off" />
          <mat-hint>{{ 'program.share.postDraft.namesHint' | t }}</mat-hint>
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="busy()">{{ 'program.share.postDraft.refresh' | t }}</button>
      </form>
      @if (preview(); as p) {
        <section class="preview" [attr.aria-label]="'program.share.dialogTitle' | t" aria-live="polite">
          <amt-share-preview-text [title]="p.title" [body]="p.body || ('program.share.postDraft.noText' | t)" />
        </section>
        @if (stale()) {
          <p class="amt-muted">{{ 'program.share.postDraft.stale' | t }}</p>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [disabled]="busy() || !preview() || stale()" (click)="share()">{{ 'program.share.confirm' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .names {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 12px;
      margin-bottom: 16px;
    }
    .names__field {
      flex: 1 1 16rem;
    }
  `,
})
export class PostDraftShareDialog {
  private readonly data = inject<PostDraftShareDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PostDraftShareDialog, ShareView>>(MatDialogRef);
  private readonly api = inject(ProgramApi);
  private readonly notice = inject(ProblemNotice);

  protected readonly names = new FormControl('', { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly preview = signal<SharePreview | null>(null);
  private readonly typed = toSignal(this.names.valueChanges, { initialValue: this.names.value });
  /** The names the shown preview was made with: sharing needs the preview of the names typed now. */
  private readonly previewedNames = signal<string>('');
  protected readonly stale = computed(() => this.preview() !== null && this.typed() !== this.previewedNames());

  constructor() {
    this.refresh();
  }

  protected refresh(): void {
    const typed = this.names.value;
    this.busy.set(true);
    this.api.sharePreview(this.data.organizationId, this.data.enrolmentId, { kind: 'post_draft', postId: this.data.postId, names: namesToHideFromInput(typed) }).subscribe({
      next: (preview) => {
        this.busy.set(false);
        this.preview.set(preview);
        this.previewedNames.set(typed);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected share(): void {
    const preview = this.preview();
    if (!preview) return;
    this.busy.set(true);
    this.api
      .share(this.data.organizationId, this.data.enrolmentId, { kind: 'post_draft', postId: this.data.postId, names: namesToHideFromInput(this.previewedNames()), body: preview.body })
      .subscribe({
        next: (share) => this.ref.close(share),
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.notice.showError(error);
  }
}
