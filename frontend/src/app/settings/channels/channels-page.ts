import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ChannelView } from '@amtsplan/contracts';
import { PLATFORM_IDS, PLATFORM_LABELS, PLATFORM_RULES, type PlatformId } from '@amtsplan/domain';
import { Session } from '../../auth/session';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { formProblemAlert } from '../../shared/http/problem-form';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { isStaleVersion } from '../../plan/post-saving';
import { ChannelsApi } from './channels-api';

/** The authority's channels: platform, name, handle, colour in the calendar, active or not. */
@Component({
  selector: 'amt-channels-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    InlineAlert,
    LoadStatus,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channels-page.html',
  styleUrl: '../catalogue-page.scss',
})
export class ChannelsPage {
  private readonly api = inject(ChannelsApi);
  private readonly session = inject(Session);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'channels.manage'));
  protected readonly channels = loadOnRequest({ params: () => this.orgId(), load: (id) => this.api.list(id) });
  protected readonly platforms = PLATFORM_IDS;
  protected readonly platformLabels = PLATFORM_LABELS;
  protected readonly editing = signal<ChannelView | null>(null);
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly form = inject(NonNullableFormBuilder).group({
    platform: ['facebook' as PlatformId, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(100)]],
    handle: ['', Validators.maxLength(300)],
    color: ['#1f5fa8', [Validators.required, Validators.pattern(/^#[0-9a-fA-F]{6}$/)]],
    textLimit: [''],
    active: [true],
  });

  protected allowsOwnLimit(platform: PlatformId): boolean {
    return PLATFORM_RULES[platform].channelTextLimit;
  }

  protected edit(channel: ChannelView): void {
    this.editing.set(channel);
    this.alert.set(null);
    this.form.reset({
      platform: channel.platform,
      name: channel.name,
      handle: channel.handle,
      color: channel.color,
      textLimit: channel.textLimit === null ? '' : String(channel.textLimit),
      active: channel.active,
    });
    this.form.controls.platform.disable();
  }

  protected cancel(): void {
    this.editing.set(null);
    this.alert.set(null);
    // Through the form directive, which also clears "submitted": the emptied form shows no errors.
    const formDirective = this.formDirective();
    if (formDirective) formDirective.resetForm();
    else this.form.reset();
    this.form.controls.platform.enable();
  }

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const textLimit = this.allowsOwnLimit(value.platform) && value.textLimit.trim() ? Number(value.textLimit) : null;
    const editing = this.editing();
    this.pending.set(true);
    this.alert.set(null);
    const call = editing
      ? this.api.update(this.orgId(), editing.id, {
          version: editing.version,
          name: value.name,
          handle: value.handle,
          color: value.color,
          active: value.active,
          textLimit,
        })
      : this.api.create(this.orgId(), { platform: value.platform, name: value.name, handle: value.handle, color: value.color, textLimit });
    call.subscribe({
      next: (saved) => {
        this.pending.set(false);
        this.notice.confirm(this.i18n.t('channels.saved', { name: saved.name }));
        this.cancel();
        this.channels.reload();
      },
      error: (error: unknown) => {
        this.pending.set(false);
        if (isStaleVersion(error)) {
          this.notice
            .showErrorText(this.i18n.t('problem.staleVersion'), this.i18n.t('common.reload'))
            .onAction()
            .subscribe(() => {
              this.cancel();
              this.channels.reload();
            });
          return;
        }
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
      },
    });
  }
}
