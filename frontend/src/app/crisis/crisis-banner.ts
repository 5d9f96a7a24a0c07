import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { organizationUrl } from '../shared/routing/paths';
import { CRISIS_PATH, INCIDENT_SEGMENT } from './crisis-paths';
import { CrisisStatus } from './crisis-status';

/** Only a fallback: changes arrive on the live stream (CrisisStatus.changes). */
export const BANNER_FALLBACK_REFRESH_MS = 300_000;

/** The banner on every page of an organization while a crisis or a Kommunikationsstopp is active. */
@Component({
  selector: 'amt-crisis-banner',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shown(); as status) {
      <div class="banner" role="status" data-testid="crisis-banner">
        <mat-icon aria-hidden="true" fontIcon="crisis_alert" />
        <div class="banner__text">
          @if (status.incident; as incident) {
            <strong>{{ 'crisis.banner.crisis' | t: { title: incident.title, level: incident.levelName } }}</strong>
          }
          @if (status.stop) {
            <span>{{ 'crisis.banner.stop' | t }}</span>
          }
        </div>
        @if (status.incident; as incident) {
          <a class="banner__link" [routerLink]="incidentLink(incident.id)">{{ 'crisis.banner.open' | t }}</a>
        }
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      padding: 8px 16px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .banner__text {
      display: flex;
      flex-direction: column;
      flex: 1 1 200px;
    }
    .banner__link {
      color: inherit;
      font-weight: 600;
    }
  `,
})
export class CrisisBanner {
  private readonly crisis = inject(CrisisStatus);
  readonly organizationId = input.required<string>();
  /** Changes with every navigation, so the banner reads again. */
  readonly url = input<unknown>(null);

  protected readonly shown = computed(() => {
    const current = this.crisis.current();
    if (!current || current.orgId !== this.organizationId()) return null;
    return current.status.incident || current.status.stop ? current.status : null;
  });

  constructor() {
    effect(() => {
      this.url();
      this.crisis.refresh(this.organizationId());
    });
    this.crisis
      .changes(() => this.organizationId())
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.crisis.refresh(this.organizationId()));
    const timer = setInterval(() => this.crisis.refresh(this.organizationId()), BANNER_FALLBACK_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected incidentLink(id: string): string[] {
    return organizationUrl(this.organizationId(), CRISIS_PATH, INCIDENT_SEGMENT, id);
  }
}
