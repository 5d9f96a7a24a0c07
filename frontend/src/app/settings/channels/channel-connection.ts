import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ChannelView } from '@amtsplan/contracts';
import { filter, switchMap } from 'rxjs';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { describeFailure } from '../../shared/http/problem';
import { formProblemAlert } from '../../shared/http/problem-form';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { ChannelCredentialsApi } from './channel-credentials-api';

/**
 * The connection of one Mastodon channel: instance and access token. The token field is always
 * empty: a stored token is never shown again, only when and by whom it was stored. Credentials
 * carry no version; saving replaces them as a whole.
 */
@Component({
  selector: 'amt-channel-connection',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, DateTimePipe, FieldErrorPipe, InlineAlert, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="connection" [attr.aria-labelledby]="headingId()">
      <h4 class="connection__heading" [id]="headingId()">{{ channel().name }}</h4>
      @let state = credentials.current();
      @if (state.state !== 'loaded') {
        <amt-load-status [state]="state" (retry)="credentials.reload()" />
      } @else {
        @if (state.value; as stored) {
          <p class="connection__state">
            {{ 'credentials.connected' | t: { instance: stored.instanceUrl } }}
            {{ 'credentials.storedAt' | t }} {{ stored.updatedAt | dateTime }}
            @if (stored.updatedBy) {
              {{ 'credentials.storedBy' | t: { name: stored.updatedBy.displayName } }}
            }
          </p>
          @if (stored.inboxPoll; as poll) {
            <p class="connection__state">
              @if (poll.lastSuccessAt) {
                {{ 'credentials.inboxPoll.lastSuccess' | t }} {{ poll.lastSuccessAt | dateTime }}
              } @else {
                {{ 'credentials.inboxPoll.never' | t }}
              }
            </p>
            @if (poll.tokenRejected) {
              <amt-inline-alert>{{ 'credentials.inboxPoll.tokenRejected' | t }}</amt-inline-alert>
            } @else if (poll.error) {
              <amt-inline-alert>{{ 'credentials.inboxPoll.error' | t: { message: poll.error } }}</amt-inline-alert>
            }
          }
        } @else {
          <p class="connection__state">{{ 'credentials.notConnected' | t }}</p>
        }
        @if (alert(); as message) {
          <amt-inline-alert>{{ message }}</amt-inline-alert>
        }
        <form class="connection__form" [formGroup]="form" novalidate (ngSubmit)="save()">
          <mat-form-field class="connection__field">
            <mat-label>{{ 'credentials.instanceUrl' | t }}</mat-label>
            <input matInput type="url" inputmode="url" formControlName="instanceUrl" required autocomplete="off" />
            <mat-hint>{{ 'credentials.instanceUrlHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.instanceUrl.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field class="connection__field">
            <mat-label>{{ (state.value ? 'credentials.newToken' : 'credentials.token') | t }}</mat-label>
            <input matInput type="password" formControlName="accessToken" required autocomplete="new-password" spellcheck="false" />
            <mat-hint>{{ 'credentials.tokenHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.accessToken.errors | fieldError }}</mat-error>
          </mat-form-field>
          <div class="connection__buttons">
            <button mat-flat-button type="submit" [disabled]="pending()">{{ 'credentials.save' | t }}</button>
            @if (state.value) {
              <button mat-button type="button" [disabled]="pending()" (click)="remove()">{{ 'credentials.remove' | t }}</button>
            }
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .connection {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .connection__heading,
    .connection__state {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .connection__form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    .connection__field {
      flex: 1 1 260px;
    }
    .connection__buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding-block-start: 8px;
    }
  `,
})
export class ChannelConnection {
  private readonly api = inject(ChannelCredentialsApi);
  private readonly notice = inject(ProblemNotice);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();
  readonly channel = input.required<ChannelView>();

  protected readonly headingId = computed(() => `connection-${this.channel().id}`);
  protected readonly credentials = loadOnRequest({
    params: () => ({ orgId: this.orgId(), channelId: this.channel().id }),
    load: ({ orgId, channelId }) => this.api.get(orgId, channelId),
  });
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    instanceUrl: ['', [Validators.required, Validators.maxLength(2000)]],
    accessToken: ['', [Validators.required, Validators.maxLength(1000)]],
  });

  constructor() {
    // The stored instance is a good start for replacing the token; the token field stays empty.
    effect(() => {
      const state = this.credentials.current();
      const instanceUrl = this.form.controls.instanceUrl;
      if (state.state === 'loaded' && state.value && instanceUrl.pristine) instanceUrl.setValue(state.value.instanceUrl);
    });
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.pending.set(true);
    this.alert.set(null);
    const { instanceUrl, accessToken } = this.form.getRawValue();
    this.api.put(this.orgId(), this.channel().id, { instanceUrl: instanceUrl.trim(), accessToken }).subscribe({
      next: (stored) => {
        this.pending.set(false);
        // The token leaves the page as soon as it is stored.
        this.form.reset({ instanceUrl: stored.instanceUrl, accessToken: '' });
        this.credentials.update(() => stored);
        this.notice.confirm(this.i18n.t('credentials.saved', { name: this.channel().name }));
      },
      error: (error: unknown) => {
        this.pending.set(false);
        // Untouched again: the token is gone from the page, and the alert says why, not "Bitte ausfüllen".
        this.form.controls.accessToken.reset('');
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
      },
    });
  }

  protected remove(): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('credentials.removeTitle'),
      text: this.i18n.t('credentials.removeText', { name: this.channel().name }),
      confirmLabel: this.i18n.t('credentials.remove'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '440px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.pending.set(true);
          return this.api.remove(this.orgId(), this.channel().id);
        }),
      )
      .subscribe({
        next: () => {
          this.pending.set(false);
          this.credentials.update(() => null);
          this.notice.confirm(this.i18n.t('credentials.removed', { name: this.channel().name }));
        },
        error: (error: unknown) => {
          this.pending.set(false);
          this.alert.set(describeFailure(error, this.i18n));
        },
      });
  }
}
