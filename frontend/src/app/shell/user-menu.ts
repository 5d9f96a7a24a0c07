import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { Session } from '../auth/session';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { LANGUAGE_NAMES } from '../shared/i18n/language-names';
import { LANGUAGES, type Language } from '../shared/i18n/translate';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LOGIN_PATH, NOTIFICATIONS_PATH } from '../shared/routing/paths';

@Component({
  selector: 'amt-user-menu',
  imports: [MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.me(); as me) {
      <button
        mat-icon-button
        type="button"
        [matMenuTriggerFor]="userMenu"
        [attr.aria-label]="'shell.userMenu' | t: { name: me.user.displayName }"
      >
        <mat-icon aria-hidden="true">account_circle</mat-icon>
      </button>
      <mat-menu #userMenu="matMenu" xPosition="before">
        <div class="user">
          <span class="user__name">{{ me.user.displayName }}</span>
          <span class="user__email">{{ me.user.email }}</span>
        </div>
        <mat-divider />
        <div class="group-label" aria-hidden="true">{{ 'shell.language' | t }}</div>
        @for (language of languages; track language) {
          <button
            mat-menu-item
            type="button"
            role="menuitemradio"
            [attr.lang]="language"
            [attr.aria-checked]="i18n.language() === language"
            (click)="changeLanguage(language)"
          >
            <mat-icon aria-hidden="true">{{ i18n.language() === language ? 'check' : '' }}</mat-icon>
            <span>{{ languageNames[language] }}</span>
          </button>
        }
        <mat-divider />
        <a mat-menu-item [routerLink]="notificationSettingsLink">
          <mat-icon aria-hidden="true">notifications</mat-icon>
          <span>{{ 'notifications.title' | t }}</span>
        </a>
        <mat-divider />
        <button mat-menu-item type="button" (click)="logout()">
          <mat-icon aria-hidden="true">logout</mat-icon>
          <span>{{ 'shell.logout' | t }}</span>
        </button>
      </mat-menu>
    }
  `,
  styles: `
    .user {
      display: flex;
      flex-direction: column;
      padding: 12px 16px;
      max-width: 280px;
    }
    .user__name {
      font: var(--mat-sys-title-small);
    }
    .user__email {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .group-label {
      padding: 8px 16px 0;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class UserMenu {
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemNotice);

  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly notificationSettingsLink = ['/', NOTIFICATIONS_PATH];

  protected changeLanguage(language: Language): void {
    if (language === this.i18n.language()) return;
    this.session.changeLanguage(language).subscribe({ error: (error: unknown) => this.problems.showError(error) });
  }

  protected logout(): void {
    this.session.logout().subscribe(() => void this.router.navigate(['/', LOGIN_PATH]));
  }
}
