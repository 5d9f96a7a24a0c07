import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, DestroyRef, ViewEncapsulation, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import type { NotificationView } from '@amtsplan/contracts';
import { ProblemNotice } from '../shared/http/problem-notice';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { NOTIFICATIONS_PATH, safeReturnUrl } from '../shared/routing/paths';
import { NotificationFeed } from './notification-feed';

/**
 * The bell in the toolbar: the unread count as a badge (and in the button's name, for screen
 * readers), a menu with the latest notifications, live updates while the app is open.
 * Not encapsulated: the menu panel is rendered in an overlay outside this component.
 */
@Component({
  selector: 'amt-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, RouterLink, DateTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <button
      mat-icon-button
      type="button"
      class="amt-bell__button"
      [matMenuTriggerFor]="panel"
      (menuOpened)="feed.loadLatest()"
      [attr.aria-label]="label()"
      [matBadge]="badge()"
      [matBadgeHidden]="feed.unreadCount() === 0"
    >
      <mat-icon aria-hidden="true">notifications</mat-icon>
    </button>
    <mat-menu #panel="matMenu" xPosition="before" class="amt-bell__panel" [aria-label]="'notifications.panel' | t">
      <ng-template matMenuContent>
        <div class="amt-bell__heading" aria-hidden="true">{{ 'notifications.panel' | t }}</div>
        @let latest = feed.latest();
        @if (feed.loadFailed()) {
          <button mat-menu-item type="button" (click)="$event.stopPropagation(); feed.loadLatest()">
            <mat-icon aria-hidden="true">refresh</mat-icon>
            <span>{{ 'notifications.loadFailed' | t }} {{ 'common.retry' | t }}</span>
          </button>
        } @else if (latest === null) {
          <button mat-menu-item type="button" disabled>{{ 'common.loading' | t }}</button>
        } @else if (latest.length === 0) {
          <button mat-menu-item type="button" disabled>{{ 'notifications.empty' | t }}</button>
        } @else {
          @for (notification of latest; track notification.id) {
            <button
              mat-menu-item
              type="button"
              class="amt-bell__item"
              [class.amt-bell__item--unread]="!notification.readAt"
              (click)="open(notification)"
            >
              <span class="amt-bell__text">
                <span class="amt-bell__title">
                  @if (!notification.readAt) {
                    <span class="amt-bell__dot" aria-hidden="true"></span>
                    <span class="amt-visually-hidden">{{ 'notifications.unreadMarker' | t }}</span>
                  }
                  {{ notification.title }}
                </span>
                @if (notification.body) {
                  <span class="amt-bell__body">{{ notification.body }}</span>
                }
                <span class="amt-bell__meta">{{ notification.organization.name }} · {{ notification.createdAt | dateTime }}</span>
              </span>
            </button>
          }
        }
        <mat-divider />
        <button mat-menu-item type="button" [disabled]="feed.unreadCount() === 0" (click)="markAllRead()">
          <mat-icon aria-hidden="true">done_all</mat-icon>
          <span>{{ 'notifications.markAllRead' | t }}</span>
        </button>
        <a mat-menu-item [routerLink]="settingsLink">
          <mat-icon aria-hidden="true">settings</mat-icon>
          <span>{{ 'notifications.settingsLink' | t }}</span>
        </a>
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .mat-mdc-menu-panel.amt-bell__panel {
      width: 380px;
      max-width: calc(100vw - 16px);
    }
    .amt-bell__heading {
      padding: 12px 12px 8px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .mat-mdc-menu-item.amt-bell__item {
      align-items: flex-start;
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .amt-bell__text {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .amt-bell__title {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface);
    }
    .amt-bell__item--unread .amt-bell__title {
      font-weight: 700;
    }
    .amt-bell__dot {
      flex: none;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .amt-bell__body {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface);
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .amt-bell__meta {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationBell {
  protected readonly feed = inject(NotificationFeed);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemNotice);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly settingsLink = ['/', NOTIFICATIONS_PATH];

  protected readonly label = computed(() => {
    const count = this.feed.unreadCount();
    if (count === 0) return this.i18n.t('notifications.bell');
    return count === 1 ? this.i18n.t('notifications.bellOneUnread') : this.i18n.t('notifications.bellUnread', { count });
  });
  protected readonly badge = computed(() => {
    const count = this.feed.unreadCount();
    return count > 99 ? '99+' : String(count);
  });

  constructor() {
    this.feed.start();
    this.feed.arrivals
      .pipe(takeUntilDestroyed())
      .subscribe((notification) => void this.announcer.announce(this.i18n.t('notifications.arrived', { title: notification.title }), 'polite'));
    inject(DestroyRef).onDestroy(() => this.feed.stop());
  }

  /** Marks it read and goes where it points; the menu closes by itself. */
  protected open(notification: NotificationView): void {
    if (!notification.readAt) this.feed.markRead(notification).subscribe({ error: (error: unknown) => this.problems.showError(error) });
    const target = safeReturnUrl(notification.link);
    if (target) void this.router.navigateByUrl(target);
  }

  protected markAllRead(): void {
    this.feed.markAllRead().subscribe({ error: (error: unknown) => this.problems.showError(error) });
  }
}
