import { ChangeDetectionStrategy, Component, type ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ALT_TEXT_MAX_LENGTH, PostView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { MediaApi } from '../media-api';

/** Images with their required alt text: upload, describe again, remove. Each answers with the post in its new version. */
@Component({
  selector: 'amt-post-images',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="images-heading">
      <h3 id="images-heading">{{ 'plan.field.images' | t }}</h3>
      @if (post().media.length === 0) {
        <p class="amt-muted">{{ 'plan.editor.noImages' | t }}</p>
      }
      <ul class="images">
        @for (image of post().media; track image.id) {
          <li class="image">
            <img [src]="image.url" [alt]="image.altText" class="image__thumb" />
            @if (editable()) {
              <mat-form-field class="image__alt">
                <mat-label>{{ 'plan.editor.altText' | t }}</mat-label>
                <textarea matInput #alt [value]="image.altText" rows="2" [attr.maxlength]="altMax"></textarea>
              </mat-form-field>
              <div class="image__actions">
                <button mat-stroked-button type="button" [disabled]="busy()" (click)="changeAlt(image.id, image.version, alt.value)">
                  {{ 'plan.editor.saveAlt' | t }}
                </button>
                <button mat-button type="button" class="amt-danger" [disabled]="busy()" (click)="remove(image.id)"
                  [attr.aria-label]="'plan.editor.removeImageNamed' | t: { alt: image.altText }">
                  {{ 'plan.editor.removeImage' | t }}
                </button>
              </div>
            } @else {
              <p>{{ image.altText }}</p>
            }
          </li>
        }
      </ul>
      @if (editable()) {
        <div class="upload">
          <mat-form-field class="upload__alt">
            <mat-label>{{ 'plan.editor.altText' | t }}</mat-label>
            <textarea matInput [(ngModel)]="newAlt" rows="2" required [attr.maxlength]="altMax"></textarea>
            <mat-hint>{{ 'plan.editor.altHint' | t }}</mat-hint>
          </mat-form-field>
          <label class="upload__file">
            <span>{{ 'plan.editor.imageFile' | t }}</span>
            <input #file type="file" accept="image/jpeg,image/png,image/webp,image/gif" />
          </label>
          <button mat-flat-button type="button" [disabled]="busy()" (click)="upload()">{{ 'plan.editor.upload' | t }}</button>
        </div>
      }
    </section>
  `,
  styles: `
    .images {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .image {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: flex-start;
    }
    .image__thumb {
      width: 96px;
      height: 96px;
      object-fit: cover;
      border-radius: var(--mat-sys-corner-small);
    }
    .image__alt,
    .upload__alt {
      flex: 1 1 240px;
    }
    .image__actions,
    .upload {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .upload__file {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class PostImages {
  private readonly api = inject(MediaApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  private readonly file = viewChild<ElementRef<HTMLInputElement>>('file');

  readonly organizationId = input.required<string>();
  readonly post = input.required<PostView>();
  readonly editable = input.required<boolean>();
  readonly changed = output<PostView>();

  // Written out: a value import from the contracts would load zod into the bundle (see api-contract.ts).
  protected readonly altMax: typeof ALT_TEXT_MAX_LENGTH = 1500;
  protected readonly busy = signal(false);
  protected newAlt = '';

  protected upload(): void {
    const file = this.file()?.nativeElement.files?.[0];
    if (!this.newAlt.trim()) {
      this.notice.showErrorText(this.i18n.t('plan.editor.altRequired'));
      return;
    }
    if (!file) {
      this.notice.showErrorText(this.i18n.t('plan.editor.fileRequired'));
      return;
    }
    this.run(this.api.upload(this.organizationId(), this.post().id, this.newAlt.trim(), file), () => {
      this.newAlt = '';
      const input = this.file()?.nativeElement;
      if (input) input.value = '';
    });
  }

  protected changeAlt(mediaId: string, version: number, altText: string): void {
    if (!altText.trim()) {
      this.notice.showErrorText(this.i18n.t('plan.editor.altRequired'));
      return;
    }
    this.run(this.api.changeAltText(this.organizationId(), this.post().id, mediaId, { version, altText: altText.trim() }));
  }

  protected remove(mediaId: string): void {
    this.run(this.api.remove(this.organizationId(), this.post().id, mediaId));
  }

  private run(call: Observable<PostView>, done?: () => void): void {
    this.busy.set(true);
    call.subscribe({
      next: (post) => {
        this.busy.set(false);
        done?.();
        this.notice.confirm(this.i18n.t('plan.editor.imagesSaved'));
        this.changed.emit(post);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notice.showError(error);
      },
    });
  }
}
