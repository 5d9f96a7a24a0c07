import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { PostsApi } from '../posts-api';
import { fieldLabel } from './field-display';

/** Who changed which fields when, and the internal notes; both read afresh with every new version. */
@Component({
  selector: 'amt-post-history',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, DateTimePipe, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="notes-heading">
      <h3 id="notes-heading">{{ 'plan.editor.notes' | t }}</h3>
      @let notes = comments.current();
      @if (notes.state !== 'loaded') {
        <amt-load-status [state]="notes" (retry)="comments.reload()" />
      } @else {
        @if (notes.value.length === 0) {
          <p class="amt-muted">{{ 'plan.editor.noNotes' | t }}</p>
        }
        <ul class="entries">
          @for (note of notes.value; track note.id) {
            <li>
              <p class="entry__meta">{{ note.author?.displayName ?? ('plan.editor.someone' | t) }} · {{ note.createdAt | dateTime }}</p>
              <p class="entry__body">{{ note.body }}</p>
            </li>
          }
        </ul>
      }
      <div class="note-form">
        <mat-form-field class="note-form__field">
          <mat-label>{{ 'plan.editor.newNote' | t }}</mat-label>
          <textarea matInput rows="2" [(ngModel)]="draft" maxlength="5000"></textarea>
        </mat-form-field>
        <button mat-stroked-button type="button" [disabled]="posting()" (click)="addNote()">{{ 'plan.editor.addNote' | t }}</button>
      </div>
    </section>
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">{{ 'plan.editor.history' | t }}</h3>
      @let history = versions.current();
      @if (history.state !== 'loaded') {
        <amt-load-status [state]="history" (retry)="versions.reload()" />
      } @else {
        <ol class="entries" reversed>
          @for (entry of history.value; track entry.version) {
            <li>
              <p class="entry__meta">
                {{ 'plan.editor.versionEntry' | t: { version: entry.version, name: entry.changedBy?.displayName ?? ('plan.editor.system' | t) } }}
                · {{ entry.changedAt | dateTime }}
              </p>
              <p class="entry__body">{{ fields(entry.changedFields) }}</p>
            </li>
          }
        </ol>
      }
    </section>
  `,
  styles: `
    .entries {
      margin: 0 0 12px;
      padding-inline-start: 20px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .entry__meta {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .entry__body {
      margin: 0;
      white-space: pre-wrap;
      font: var(--mat-sys-body-medium);
    }
    .note-form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .note-form__field {
      flex: 1 1 260px;
    }
  `,
})
export class PostHistory {
  private readonly api = inject(PostsApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly postId = input.required<string>();
  /** Read again whenever the post's version moves on. */
  readonly version = input.required<number>();

  protected readonly versions = loadOnRequest({
    params: () => ({ organizationId: this.organizationId(), postId: this.postId(), version: this.version() }),
    load: ({ organizationId, postId }) => this.api.versions(organizationId, postId),
  });
  protected readonly comments = loadOnRequest({
    params: () => ({ organizationId: this.organizationId(), postId: this.postId() }),
    load: ({ organizationId, postId }) => this.api.comments(organizationId, postId),
  });
  protected readonly posting = signal(false);
  protected draft = '';

  protected fields(names: readonly string[]): string {
    return names.map((name) => fieldLabel(name, this.i18n)).join(', ');
  }

  protected addNote(): void {
    const body = this.draft.trim();
    if (!body) return;
    this.posting.set(true);
    this.api.addComment(this.organizationId(), this.postId(), body).subscribe({
      next: (comments) => {
        this.posting.set(false);
        this.draft = '';
        this.comments.update(() => comments);
      },
      error: (error: unknown) => {
        this.posting.set(false);
        this.notice.showError(error);
      },
    });
  }
}
