import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, type FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CalendarFeedCreated, CalendarFeedView } from '@amtsplan/contracts';
import { filter, switchMap } from 'rxjs';
import { Session } from '../auth/session';
import { loadOnRequest } from '../shared/http/load-on-request';
import { formProblemAlert } from '../shared/http/problem-form';
import { ProblemNotice } from '../shared/http/problem-notice';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../shared/ui/confirm-dialog';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { LoadStatus } from '../shared/ui/load-status';
import { PlanExchangeApi } from './plan-exchange-api';

/** Kalender-Abo: secret addresses that show the plan in Outlook and other calendar apps. */
@Component({
  selector: 'amt-calendar-feeds-page',
  imports: [DateTimePipe, FieldErrorPipe, InlineAlert, LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-feeds-page.html',
  styleUrl: './calendar-feeds-page.scss',
})
export class CalendarFeedsPage {
  private readonly api = inject(PlanExchangeApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'posts.plan'));
  protected readonly feeds = loadOnRequest({ params: () => this.orgId(), load: (organizationId) => this.api.feeds(organizationId) });
  protected readonly form = new FormGroup({
    label: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
  });
  protected readonly label = this.form.controls.label;
  protected readonly created = signal<CalendarFeedCreated | null>(null);
  protected readonly alert = signal<string | null>(null);
  protected readonly saving = signal(false);

  /** `formDirective` is reset too, so the emptied field is not shown as an error of the last submit. */
  protected create(formDirective: FormGroupDirective): void {
    this.label.markAsTouched();
    if (this.label.invalid) return;
    this.saving.set(true);
    this.alert.set(null);
    this.api.createFeed(this.orgId(), this.label.value.trim()).subscribe({
      next: (created) => {
        this.saving.set(false);
        this.created.set(created);
        formDirective.resetForm();
        this.feeds.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
      },
    });
  }

  protected revoke(feed: CalendarFeedView): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('exchange.feeds.revokeTitle'),
      text: this.i18n.t('exchange.feeds.revokeText', { label: feed.label }),
      confirmLabel: this.i18n.t('exchange.feeds.revoke'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '480px' })
      .afterClosed()
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.revokeFeed(this.orgId(), feed.id)),
      )
      .subscribe({
        next: () => {
          this.notice.confirm(this.i18n.t('exchange.feeds.revoked', { label: feed.label }));
          if (this.created()?.feed.id === feed.id) this.created.set(null);
          this.feeds.reload();
        },
        error: (error: unknown) => this.notice.showError(error),
      });
  }
}
