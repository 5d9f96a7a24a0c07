import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { Session } from '../auth/session';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { sameAreaIn } from './current-organization';

@Component({
  selector: 'amt-organization-switcher',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (current(); as current) {
      @if (memberships().length > 1) {
        <button
          mat-button
          type="button"
          class="switcher"
          [matMenuTriggerFor]="organizations"
          [attr.aria-label]="'shell.organizationSwitcher' | t: { organization: current.organization.name }"
        >
          <span class="switcher__name">{{ current.organization.name }}</span>
          <mat-icon iconPositionEnd aria-hidden="true">arrow_drop_down</mat-icon>
        </button>
        <mat-menu #organizations="matMenu" [attr.aria-label]="'shell.organizations' | t">
          @for (membership of memberships(); track membership.organization.id) {
            <button
              mat-menu-item
              type="button"
              role="menuitemradio"
              [attr.aria-checked]="membership.organization.id === organizationId()"
              (click)="switchTo(membership.organization.id)"
            >
              <mat-icon aria-hidden="true">{{ membership.organization.id === organizationId() ? 'check' : '' }}</mat-icon>
              <span>{{ membership.organization.name }}</span>
            </button>
          }
        </mat-menu>
      } @else {
        <span class="switcher switcher--single switcher__name">{{ current.organization.name }}</span>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .switcher {
      max-width: 100%;
    }
    .switcher__name {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .switcher--single {
      font: var(--mat-sys-title-small);
      padding: 0 8px;
    }
  `,
})
export class OrganizationSwitcher {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  readonly organizationId = input.required<string>();
  protected readonly memberships = this.session.memberships;
  protected readonly current = computed(() => this.session.membershipIn(this.organizationId()));

  protected switchTo(organizationId: string): void {
    if (organizationId === this.organizationId()) return;
    void this.router.navigate(sameAreaIn(this.router.parseUrl(this.router.url), organizationId));
  }
}
