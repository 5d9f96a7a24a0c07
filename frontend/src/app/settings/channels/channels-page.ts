import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
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
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { catalogueForm } from '../catalogue-form';
import { ChannelConnection } from './channel-connection';
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
    ChannelConnection,
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
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'channels.manage'));
  protected readonly channels = loadOnRequest({ params: () => this.orgId(), load: (id) => this.api.list(id) });
  /** Connecting a channel hands out the authority's account: the same permission as the API's (settings). */
  protected readonly canConnect = computed(() => this.session.allows(this.orgId(), 'organization.settings.manage'));
  protected readonly mastodonChannels = computed(() => {
    const state = this.channels.current();
    return state.state === 'loaded' ? state.value.filter((channel) => channel.platform === 'mastodon') : [];
  });
  protected readonly platforms = PLATFORM_IDS;
  protected readonly platformLabels = PLATFORM_LABELS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    platform: ['facebook' as PlatformId, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(100)]],
    handle: ['', Validators.maxLength(300)],
    color: ['#1f5fa8', [Validators.required, Validators.pattern(/^#[0-9a-fA-F]{6}$/)]],
    textLimit: [''],
    active: [true],
  });
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly entries = catalogueForm<ChannelView>({
    form: this.form,
    formDirective: this.formDirective,
    list: this.channels,
    savedMessage: (saved) => this.i18n.t('channels.saved', { name: saved.name }),
    afterCancel: () => this.form.controls.platform.enable(),
  });

  protected allowsOwnLimit(platform: PlatformId): boolean {
    return PLATFORM_RULES[platform].channelTextLimit;
  }

  protected edit(channel: ChannelView): void {
    this.entries.edit(channel);
    this.form.reset({
      platform: channel.platform,
      name: channel.name,
      handle: channel.handle,
      color: channel.color,
      textLimit: channel.textLimit === null ? '' : String(channel.textLimit),
      active: channel.active,
    });
    // A channel keeps the platform it was created for; the API takes no other.
    this.form.controls.platform.disable();
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const textLimit = this.allowsOwnLimit(value.platform) && value.textLimit.trim() ? Number(value.textLimit) : null;
    this.entries.submit((editing) =>
      editing
        ? this.api.update(this.orgId(), editing.id, {
            version: editing.version,
            name: value.name,
            handle: value.handle,
            color: value.color,
            active: value.active,
            textLimit,
          })
        : this.api.create(this.orgId(), { platform: value.platform, name: value.name, handle: value.handle, color: value.color, textLimit }),
    );
  }
}
