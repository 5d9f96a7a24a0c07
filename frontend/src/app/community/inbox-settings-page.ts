import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
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
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe],
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
    .rules {
      list-style: none;
      padding: 0;
      li {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        align-items: center;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        padding: 6px 0;
      }
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
  protected rule: { matchKind: 'keyword' | 'channel'; keyword: string; channelId: string | null; category: InboxCategory | null; department: string; assigneeUserId: string | null } = this.emptyRule();

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

  private emptyRule() {
    return { matchKind: 'keyword' as const, keyword: '', channelId: null, category: null, department: '', assigneeUserId: null };
  }

  private showSettings(settings: InboxSettingsView): void {
    this.settings.set({ ...settings, officeWeekdays: [...settings.officeWeekdays] });
    this.departmentsText = settings.departments.join('\n');
  }

  protected toggleDay(day: number, on: boolean): void {
    const current = this.settings();
    if (!current) return;
    const days = on ? [...new Set([...current.officeWeekdays, day])] : current.officeWeekdays.filter((d) => d !== day);
    this.settings.set({ ...current, officeWeekdays: days });
  }

  protected save(): void {
    const s = this.settings();
    if (!s) return;
    const departments = this.departmentsText.split('\n').map((d) => d.trim()).filter(Boolean);
    this.api
      .updateSettings(this.orgId(), { version: s.version, officeWeekdays: s.officeWeekdays, officeStart: s.officeStart, officeEnd: s.officeEnd, responseTargetHours: Number(s.responseTargetHours), retentionDays: Number(s.retentionDays), departments })
      .subscribe({
        next: (saved) => {
          this.showSettings(saved);
          this.notice.confirm(this.i18n.t('community.settings.saved'));
        },
        error: (error: unknown) => this.notice.showError(error),
      });
  }

  protected addRule(): void {
    const r = this.rule;
    this.api
      .createRule(this.orgId(), {
        matchKind: r.matchKind,
        keyword: r.matchKind === 'keyword' ? r.keyword : null,
        channelId: r.matchKind === 'channel' ? r.channelId : null,
        category: r.category,
        department: r.department || null,
        assigneeUserId: r.assigneeUserId,
      })
      .subscribe({
        next: (created) => {
          this.rules.update((rules) => [...rules, created]);
          this.rule = this.emptyRule();
          this.notice.confirm(this.i18n.t('community.rules.created'));
        },
        error: (error: unknown) => this.notice.showError(error),
      });
  }

  protected deleteRule(rule: RoutingRuleView): void {
    this.api.deleteRule(this.orgId(), rule.id).subscribe({
      next: () => this.rules.update((rules) => rules.filter((r) => r.id !== rule.id)),
      error: (error: unknown) => this.notice.showError(error),
    });
  }

  protected describe(rule: RoutingRuleView): string {
    const match = rule.matchKind === 'keyword' ? `„${rule.keyword}“` : (this.channels().find((c) => c.id === rule.channelId)?.name ?? '?');
    const targets = [
      rule.category ? this.i18n.t(CATEGORY_LABEL[rule.category]) : null,
      rule.department,
      rule.assigneeUserId ? (this.members().find((m) => m.user.id === rule.assigneeUserId)?.user.displayName ?? null) : null,
    ].filter(Boolean);
    return this.i18n.t('community.rules.describe', { match, targets: targets.join(', ') });
  }
}
