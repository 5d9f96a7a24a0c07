import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { PostPublicationsView, PublicationView } from '@amtsplan/contracts';
import { type Observable, filter } from 'rxjs';
import { describeFailure, problemOf } from '../../shared/http/problem';
import { formProblemAlert } from '../../shared/http/problem-form';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { PublicationAttempts } from './publication-attempts';
import { PublicationPanelApi } from './publication-panel-api';
import { isPublishedPostUrl, publicationActions, publicationStatusDisplay } from './publication-panel-status';

/** The same rule as the API (http or https), checked before sending so the error sits at the field. */
function publishedPostUrl(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' || isPublishedPostUrl(control.value) ? null : { url: true };
}

/** One channel of a post: its publication status and what the person can do about it. */
@Component({
  selector: 'amt-publication-panel-item',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, DateTimePipe, FieldErrorPipe, InlineAlert, PublicationAttempts, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './publication-panel-item.html',
  styleUrl: './publication-panel-item.scss',
})
export class PublicationPanelItem {
  private readonly api = inject(PublicationPanelApi);
  private readonly clipboard = inject(Clipboard);
  private readonly notice = inject(ProblemNotice);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly postId = input.required<string>();
  readonly publication = input.required<PublicationView>();
  /** Redaktion and Administration (posts.plan); everyone else only reads. */
  readonly mayPlan = input.required<boolean>();
  /** The view the API answered after a change. */
  readonly changed = output<PostPublicationsView>();
  /** Someone else decided first (409): the panel reads the publications again. */
  readonly outdated = output<void>();

  protected readonly display = computed(() => publicationStatusDisplay(this.publication().status));
  protected readonly actions = computed(() => publicationActions(this.publication(), this.mayPlan()));
  protected readonly headingId = computed(() => `publication-${this.publication().id}`);
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);

  protected readonly url = new FormControl('', { nonNullable: true, validators: [Validators.required, publishedPostUrl] });
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(1000)] });
  /** One group per form, named like the requests' fields, so the API's field errors find their control. */
  protected readonly confirmForm = new FormGroup({ url: this.url });
  protected readonly failedForm = new FormGroup({ reason: this.reason });

  protected copyText(): void {
    this.copy(this.publication().text, this.i18n.t('publishing.copied.text'));
  }

  protected copyAltText(altText: string, position: number): void {
    this.copy(altText, this.i18n.t('publishing.copied.altText', { position }));
  }

  protected confirm(): void {
    this.url.markAsTouched();
    if (this.url.invalid) return;
    const { id } = this.publication().channel;
    this.send(this.api.confirm(this.organizationId(), this.postId(), id, { url: this.url.value.trim() }), this.confirmForm, 'publishing.confirmed');
  }

  protected markFailed(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    const { id } = this.publication().channel;
    this.send(this.api.markFailed(this.organizationId(), this.postId(), id, { reason: this.reason.value.trim() }), this.failedForm, 'publishing.markedFailed');
  }

  protected retry(): void {
    this.send(this.api.sendBack(this.organizationId(), this.postId(), this.publication().channel.id, 'retry'), null, 'publishing.retried');
  }

  /** Going out hours late can embarrass the authority (a past event): the person confirms first. */
  protected publishLate(): void {
    const channel = this.publication().channel;
    const data: ConfirmDialogData = {
      title: this.i18n.t('publishing.late.title'),
      text: this.i18n.t('publishing.late.text', { channel: channel.name }),
      confirmLabel: this.i18n.t('publishing.late.confirm'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '440px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.send(this.api.sendBack(this.organizationId(), this.postId(), channel.id, 'publish-late'), null, 'publishing.sentBack'));
  }

  private copy(text: string, confirmation: string): void {
    if (this.clipboard.copy(text)) this.notice.confirm(confirmation);
    else this.notice.showErrorText(this.i18n.t('publishing.copyFailed'));
  }

  private send(request: Observable<PostPublicationsView>, form: AbstractControl | null, done: 'publishing.confirmed' | 'publishing.markedFailed' | 'publishing.retried' | 'publishing.sentBack'): void {
    this.pending.set(true);
    this.alert.set(null);
    request.subscribe({
      next: (view) => {
        this.pending.set(false);
        this.notice.confirm(this.i18n.t(done));
        this.changed.emit(view);
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.alert.set(form ? formProblemAlert(form, error, this.i18n) : describeFailure(error, this.i18n));
        if (problemOf(error)?.status === 409) this.outdated.emit();
      },
    });
  }
}
