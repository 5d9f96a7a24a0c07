import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { NotificationKind, NotificationPreferences } from '@amtsplan/contracts';
import { loadOnRequest } from '../shared/http/load-on-request';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { NOTIFICATION_KIND_LABELS } from './notification-kind-labels';
import { NotificationsApi } from './notifications-api';

/**
 * The person's own e-mail switches, one per kind of notification. The same in every authority
 * the person belongs to; each switch is saved at once.
 */
@Component({
  selector: 'amt-notification-settings-page',
  imports: [MatSlideToggleModule, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'notifications.settings.heading' | t }}</h1>
    <p class="intro">{{ 'notifications.settings.intro' | t }}</p>
    @let state = preferences.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="preferences.reload()" />
    } @else {
      <ul class="kinds" [attr.aria-label]="'notifications.settings.list' | t">
        @for (preference of state.value.kinds; track preference.kind) {
          @let labels = kindLabels[preference.kind];
          <li class="kind">
            <mat-slide-toggle
              [checked]="preference.email"
              [disabled]="saving() === preference.kind"
              [aria-describedby]="'hint-' + preference.kind"
              (change)="setEmail(preference.kind, $event.checked)"
            >
              {{ labels.label | t }}
            </mat-slide-toggle>
            <p class="hint" [id]="'hint-' + preference.kind">
              {{ labels.hint | t }}
              {{ (preference.emailByDefault ? 'notifications.settings.defaultOn' : 'notifications.settings.defaultOff') | t }}.
            </p>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    .kinds {
      list-style: none;
      margin: 16px 0 0;
      padding: 0;
      max-width: 70ch;
    }
    .kind {
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .hint {
      margin: 4px 0 0 52px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationSettingsPage {
  private readonly api = inject(NotificationsApi);
  private readonly i18n = inject(I18n);
  private readonly problems = inject(ProblemNotice);

  protected readonly kindLabels = NOTIFICATION_KIND_LABELS;
  protected readonly preferences = loadOnRequest<void, NotificationPreferences>({ load: () => this.api.preferences() });
  protected readonly saving = signal<NotificationKind | null>(null);

  protected setEmail(kind: NotificationKind, email: boolean): void {
    this.saving.set(kind);
    this.api.updatePreferences({ email: { [kind]: email } }).subscribe({
      next: (saved) => {
        this.saving.set(null);
        this.preferences.update(() => saved);
        this.problems.confirm(this.i18n.t('notifications.settings.saved'));
      },
      error: (error: unknown) => {
        this.saving.set(null);
        this.problems.showError(error);
        // Back to what the server has, so the switch does not show a choice that was not saved.
        this.preferences.reload();
      },
    });
  }
}
