import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from '../auth/session';
import { APPROVAL_ROUTES_PATH } from './approval-routes/approval-routes-paths';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { AUDIT_PATH, CALENDAR_FEEDS_PATH, CHANNELS_PATH, MEMBERS_PATH, SERIES_PATH, SETTINGS_PATH, TOPICS_PATH, organizationUrl } from '../shared/routing/paths';

@Component({
  selector: 'amt-settings-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'settings.heading' | t }}</h1>
    <nav mat-tab-nav-bar mat-stretch-tabs="false" mat-align-tabs="start" [tabPanel]="panel" [attr.aria-label]="'settings.sections' | t">
      <a
        mat-tab-link
        [routerLink]="membersLink()"
        routerLinkActive
        #members="routerLinkActive"
        [active]="members.isActive"
      >
        {{ 'settings.members' | t }}
      </a>
      <a mat-tab-link [routerLink]="channelsLink()" routerLinkActive #channels="routerLinkActive" [active]="channels.isActive">
        {{ 'channels.tab' | t }}
      </a>
      <a mat-tab-link [routerLink]="topicsLink()" routerLinkActive #topics="routerLinkActive" [active]="topics.isActive">
        {{ 'topics.tab' | t }}
      </a>
      <a mat-tab-link [routerLink]="seriesLink()" routerLinkActive #series="routerLinkActive" [active]="series.isActive">
        {{ 'series.tab' | t }}
      </a>
      <a mat-tab-link [routerLink]="approvalRoutesLink()" routerLinkActive #approvalRoutes="routerLinkActive" [active]="approvalRoutes.isActive">
        {{ 'approvalRoutes.tab' | t }}
      </a>
      <a mat-tab-link [routerLink]="calendarFeedsLink()" routerLinkActive #feeds="routerLinkActive" [active]="feeds.isActive">
        {{ 'settings.calendarFeeds' | t }}
      </a>
      @if (canReadAudit()) {
        <a mat-tab-link [routerLink]="auditLink()" routerLinkActive #audit="routerLinkActive" [active]="audit.isActive">
          {{ 'settings.audit' | t }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel class="settings__panel">
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    .settings__panel {
      display: block;
      padding-top: 24px;
    }
  `,
})
export class SettingsLayout {
  private readonly session = inject(Session);

  readonly orgId = input.required<string>();

  protected readonly canReadAudit = computed(() => this.session.allows(this.orgId(), 'audit.read'));
  protected readonly membersLink = computed(() => organizationUrl(this.orgId(), SETTINGS_PATH, MEMBERS_PATH));
  protected readonly channelsLink = computed(() => organizationUrl(this.orgId(), SETTINGS_PATH, CHANNELS_PATH));
  protected readonly topicsLink = computed(() => organizationUrl(this.orgId(), SETTINGS_PATH, TOPICS_PATH));
  protected readonly seriesLink = computed(() => organizationUrl(this.orgId(), SETTINGS_PATH, SERIES_PATH));
  protected readonly approvalRoutesLink = computed(() => organizationUrl(this.orgId(), SETTINGS_PATH, APPROVAL_ROUTES_PATH));
  protected readonly calendarFeedsLink = computed(() => organizationUrl(this.orgId(), SETTINGS_PATH, CALENDAR_FEEDS_PATH));
  protected readonly auditLink = computed(() => organizationUrl(this.orgId(), SETTINGS_PATH, AUDIT_PATH));
}
