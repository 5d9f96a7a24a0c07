import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ExerciseProgressView } from '@amtsplan/contracts';
import { filter, type Observable, switchMap } from 'rxjs';
import { ProblemNotice } from '../shared/http/problem-notice';
import { isStaleVersion } from '../shared/http/problem';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../shared/ui/confirm-dialog';
import { ShareControl } from './cohort/share-control';
import { exerciseUploadUrl, ProgramApi } from './program-api';

/** The formats the server accepts (decision 0010); the server decides by the content, this only helps the file picker. */
const ACCEPTED = 'image/jpeg,image/png,image/webp,image/gif';

/**
 * The work of an upload exercise: choose an image, describe it (the alt text is required), upload;
 * then see it, correct its alt text, replace or remove it, and share it into the Peer-Gruppe.
 */
@Component({
  selector: 'amt-exercise-upload',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ShareControl, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = progress();
    <p class="upload__artefact">{{ 'program.upload.artefact' | t: { artefact: artefact() } }}</p>
    @if (p.upload; as upload) {
      <figure class="upload__figure">
        <img class="upload__image" [src]="imageUrl()" [alt]="upload.altText" [attr.width]="upload.width" [attr.height]="upload.height" />
        <figcaption class="upload__caption">{{ 'program.upload.altTextShown' | t: { altText: upload.altText } }}</figcaption>
      </figure>
    }
    <div class="upload__form">
      <label class="upload__file-label" [for]="fileId()">{{ (p.upload ? 'program.upload.replaceFile' : 'program.upload.chooseFile') | t }}</label>
      <input class="upload__file" type="file" [id]="fileId()" [accept]="accepted" [disabled]="busy()" (change)="choose($any($event.target))" />
      <mat-form-field class="upload__alt" subscriptSizing="dynamic">
        <mat-label>{{ 'program.upload.altText' | t }}</mat-label>
        <textarea matInput rows="3" required maxlength="1500" [value]="altText()" (input)="altText.set($any($event.target).value)" [disabled]="busy()"></textarea>
        <mat-hint>{{ 'program.upload.altTextHint' | t }}</mat-hint>
      </mat-form-field>
      <div class="upload__actions">
        <button mat-flat-button type="button" [disabled]="busy() || !file() || !altText().trim()" (click)="upload()">
          {{ (p.upload ? 'program.upload.replace' : 'program.upload.upload') | t }}
        </button>
        @if (p.upload) {
          @if (!file()) {
            <button mat-stroked-button type="button" [disabled]="busy() || !altText().trim() || altText().trim() === p.upload.altText" (click)="saveAltText()">
              {{ 'program.upload.saveAltText' | t }}
            </button>
          }
          <button mat-button type="button" [disabled]="busy()" (click)="remove()">{{ 'program.upload.remove' | t }}</button>
          <amt-share-control [organizationId]="organizationId()" [enrolmentId]="enrolmentId()" [source]="shareSource()" [disabled]="busy()" />
        }
      </div>
    </div>
  `,
  styles: `
    :host { display: block; margin-top: 8px; }
    .upload__artefact { margin: 0 0 8px; font: var(--mat-sys-body-medium); }
    .upload__figure { margin: 0 0 12px; }
    .upload__image { display: block; max-width: min(100%, 24rem); height: auto; border-radius: var(--mat-sys-corner-small); border: 1px solid var(--mat-sys-outline-variant); }
    .upload__caption { margin-top: 4px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .upload__form { display: grid; gap: 8px; }
    .upload__file-label { font: var(--mat-sys-title-small); }
    .upload__file { max-width: 100%; }
    .upload__alt { width: 100%; }
    .upload__actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
  `,
})
export class ExerciseUpload {
  private readonly api = inject(ProgramApi);
  private readonly notice = inject(ProblemNotice);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly enrolmentId = input.required<string>();
  readonly exerciseId = input.required<string>();
  readonly artefact = input.required<string>();
  readonly progress = input.required<ExerciseProgressView>();
  readonly saved = output<ExerciseProgressView>();
  readonly stale = output<void>();

  protected readonly accepted = ACCEPTED;
  protected readonly busy = signal(false);
  protected readonly file = signal<File | null>(null);
  /** The alt text being written; follows the stored one whenever a new answer arrives. */
  protected readonly altText = linkedSignal(() => this.progress().upload?.altText ?? '');
  protected readonly fileId = computed(() => `upload-file-${this.exerciseId()}`);
  protected readonly shareSource = computed(() => ({ kind: 'upload' as const, exerciseId: this.exerciseId() }));
  protected readonly imageUrl = computed(() => exerciseUploadUrl(this.organizationId(), this.enrolmentId(), this.exerciseId(), this.progress().upload?.version ?? 0));

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.send(this.api.uploadImage(this.organizationId(), this.enrolmentId(), this.exerciseId(), this.altText().trim(), file), () => {
      this.file.set(null);
      this.notice.confirm(this.i18n.t('program.upload.done'));
    });
  }

  protected saveAltText(): void {
    const upload = this.progress().upload;
    if (!upload) return;
    this.send(this.api.changeUploadAltText(this.organizationId(), this.enrolmentId(), this.exerciseId(), upload.version, this.altText().trim()));
  }

  protected remove(): void {
    const data: ConfirmDialogData = { title: this.i18n.t('program.upload.removeTitle'), text: this.i18n.t('program.upload.removeText'), confirmLabel: this.i18n.t('program.upload.remove') };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          return this.api.removeUpload(this.organizationId(), this.enrolmentId(), this.exerciseId());
        }),
      )
      .subscribe({ next: (saved) => this.done(saved), error: (error: unknown) => this.fail(error) });
  }

  private send(request: Observable<ExerciseProgressView>, after?: () => void): void {
    this.busy.set(true);
    request.subscribe({
      next: (saved) => {
        this.done(saved);
        after?.();
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private done(saved: ExerciseProgressView): void {
    this.busy.set(false);
    this.saved.emit(saved);
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    if (isStaleVersion(error)) this.stale.emit();
    else this.notice.showError(error);
  }
}
