import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ChannelView, InboxCategory, InboxSettingsView, Member, RoutingRuleView } from '@amtsplan/contracts';
import { forkJoin } from 'rxjs';
import { ChannelsApi } from '../settings/channels/channels-api';
import { MembersApi } from '../settings/members/members-api';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InboxApi } from './inbox-api';
import { CATEGORY_LABEL, CATEGORY_ORDER } from './inbox-labels';
import { RoutingRulesSection } from './routing-rules-section';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
const WEEKDAY_LABEL = {
  1: 'community.settings.weekday.1',
  2: 'community.settings.weekday.2',
  3: 'community.settings.weekday.3',
  4: 'community.settings.weekday.4',
  5: 'community.settings.weekday.5',
  6: 'community.settings.weekday.6',
  0: 'community.settings.weekday.0',
} as const;

/** Office hours, response target, retention, departments and routing rules. */
@Component({
  selector: 'amt-inbox-settings-page',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, RouterLink, RoutingRulesSection, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  templateUrl: './inbox-settings-page.html',
  styles: `
    section {
      margin-bottom: 32px;
      max-width: 760px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .wide {
      width: 100%;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 16px;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .hint {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class InboxSettingsPage {
  private readonly api = inject(InboxApi);
  private readonly channelsApi = inject(ChannelsApi);
  private readonly membersApi = inject(MembersApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  readonly orgId = input.required<string>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayLabel = WEEKDAY_LABEL;
  protected readonly categories = CATEGORY_ORDER;
  protected readonly categoryLabel = CATEGORY_LABEL;
  protected readonly settings = signal<InboxSettingsView | null>(null);
  protected readonly rules = signal<RoutingRuleView[]>([]);
  protected readonly channels = signal<ChannelView[]>([]);
  protected readonly members = signal<Member[]>([]);
  protected departmentsText = '';

  constructor() {
    queueMicrotask(() =>
      forkJoin([this.api.settings(this.orgId()), this.api.rules(this.orgId()), this.channelsApi.list(this.orgId()), this.membersApi.list(this.orgId())]).subscribe({
        next: ([settings, rules, channels, members]) => {
          this.showSettings(settings);
          this.rules.set(rules);
          this.channels.set(channels);
          this.members.set(members);
        },
        error: (error: unknown) => this.notice.showError(error),
      }),
    );
  }

  private showSettings(settings: InboxSettingsView): void {
    this.settings.set({ ...settings, officeWeekdays: [...settings.officeWeekdays], sensitiveCategories: [...settings.sensitiveCategories] });
    this.departmentsText = settings.departments.join('\n');
  }

  protected toggleDay(day: number, on: boolean): void {
    const current = this.settings();
    if (!current) return;
    const days = on ? [...new Set([...current.officeWeekdays, day])] : current.officeWeekdays.filter((d) => d !== day);
    this.settings.set({ ...current, officeWeekdays: days });
  }

  protected toggleSensitive(category: InboxCategory, on: boolean): void {
    const current = this.settings();
    if (!current) return;
    const categories = on ? [...new Set([...current.sensitiveCategories, category])] : current.sensitiveCategories.filter((c) => c !== category);
    this.settings.set({ ...current, sensitiveCategories: categories });
  }

  protected save(): void {
    const s = this.settings();
    if (!s) return;
    const departments = this.departmentsText.split('\n').map((d) => d.trim()).filter(Boolean);
    this.api
      .updateSettings(this.orgId(), { version: s.version, officeWeekdays: s.officeWeekdays, officeStart: s.officeStart, officeEnd: s.officeEnd, responseTargetHours: Number(s.responseTargetHours), retentionDays: Number(s.retentionDays), departments, sensitiveCategories: s.sensitiveCategories })
      .subscribe({
        next: (saved) => {
          this.showSettings(saved);
          this.notice.confirm(this.i18n.t('community.settings.saved'));
        },
        error: (error: unknown) => this.notice.showError(error),
      });
  }
}
