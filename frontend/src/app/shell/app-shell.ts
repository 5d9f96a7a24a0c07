import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, type ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { Session } from '../auth/session';
import { CrisisBanner } from '../crisis/crisis-banner';
import { NotificationBell } from '../notifications/notification-bell';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { ORGANIZATION_AREAS } from '../shared/routing/organization-areas';
import { OPERATIONS_PATH, organizationUrl } from '../shared/routing/paths';
import { organizationIdIn } from './current-organization';
import { OrganizationSwitcher } from './organization-switcher';
import { UserMenu } from './user-menu';

/** Below this width the navigation overlays the page instead of taking a column of it. */
const COMPACT_LAYOUT = '(max-width: 959.98px)';

@Component({
  selector: 'amt-app-shell',
  imports: [
    CrisisBanner,
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    NotificationBell,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    OrganizationSwitcher,
    TranslatePipe,
    UserMenu,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-shell.html',
  styleUrl: './app-shell.scss',
})
export class AppShell {
  private readonly router = inject(Router);
  protected readonly session = inject(Session);

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly drawerOpen = signal(false);

  protected readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.parseUrl(this.router.url)),
    ),
    { initialValue: this.router.parseUrl(this.router.url) },
  );
  protected readonly organizationId = computed(() => organizationIdIn(this.url()));

  protected readonly areas = ORGANIZATION_AREAS;
  protected readonly operationsLink = ['/', OPERATIONS_PATH];
  protected readonly isOperator = computed(() => this.session.me()?.user.isOperator ?? false);
  protected readonly hasNavigation = computed(() => this.organizationId() !== null || this.isOperator());

  protected areaLink(organizationId: string, path: string): string[] {
    return organizationUrl(organizationId, path);
  }

  protected afterNavigate(): void {
    if (this.compact()) this.drawerOpen.set(false);
  }

  /** Handled here because a plain `#inhalt` fragment would be turned into a router navigation. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
