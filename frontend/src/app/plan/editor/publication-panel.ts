import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { PostPublicationsView } from '@amtsplan/contracts';
import { filter } from 'rxjs';
import { NotificationFeed, concernsOrganization } from '../../notifications/notification-feed';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { PublicationPanelApi } from './publication-panel-api';
import { PublicationPanelItem } from './publication-panel-item';
import { awaitsPublisher, isPublishingNewsFor } from './publication-panel-status';

/**
 * Where the post stands on each channel once the publisher has taken it, and the person's part:
 * "Jetzt veröffentlichen" by hand, confirming, trying again. Read again with every new post
 * version, when the bell reports publishing news about this post, when the live stream reports
 * changes of the organization's plan while the publisher still has work on the post (its
 * successes send no notification), and on "Aktualisieren".
 */
@Component({
  selector: 'amt-publication-panel',
  imports: [MatButtonModule, MatIconModule, DateTimePipe, LoadStatus, PublicationPanelItem, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="publication-panel-heading">
      <div class="panel__head">
        <h3 id="publication-panel-heading" class="panel__heading">{{ 'publishing.panel.heading' | t }}</h3>
        <button mat-button type="button" (click)="publications.reload()">
          <mat-icon aria-hidden="true">refresh</mat-icon>{{ 'publishing.panel.refresh' | t }}
        </button>
      </div>
      @let state = publications.current();
      @if (state.state !== 'loaded') {
        <amt-load-status [state]="state" (retry)="publications.reload()" />
      } @else {
        @if (state.value.publications.length === 0) {
          <p class="amt-muted panel__empty">{{ 'publishing.panel.none' | t }}</p>
        } @else {
          @if (state.value.claimedAt; as claimedAt) {
            <p class="amt-muted panel__empty">{{ 'publishing.panel.claimedAt' | t }} {{ claimedAt | dateTime }}</p>
          }
          <div class="panel__list">
            @for (publication of state.value.publications; track publication.id) {
              <amt-publication-panel-item
                [organizationId]="organizationId()"
                [postId]="postId()"
                [publication]="publication"
                [mayPlan]="mayPlan()"
                (changed)="replace($event)"
                (outdated)="publications.reload()"
              />
            }
          </div>
        }
      }
    </section>
  `,
  styles: `
    .panel {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-block: 16px;
    }
    .panel__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .panel__heading {
      margin: 0;
    }
    .panel__empty {
      margin: 0;
    }
    .panel__list {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
  `,
})
export class PublicationPanel {
  private readonly api = inject(PublicationPanelApi);

  readonly organizationId = input.required<string>();
  readonly postId = input.required<string>();
  /** Read again whenever the post's version moves on (a confirmation moves the post's status, too). */
  readonly version = input.required<number>();
  readonly mayPlan = input.required<boolean>();
  /**
   * The post itself moved while its version stayed (a person's decision here, or the publisher:
   * to published or failed, or back to scheduled): the editor and the plan read the post again,
   * so its status and versions do not lag behind.
   */
  readonly postStatusChanged = output<void>();
  /** The post's status in the last loaded view, with the version it was read for. */
  private seen: { readonly version: number; readonly postStatus: string } | null = null;

  protected readonly publications = loadOnRequest({
    params: () => ({ organizationId: this.organizationId(), postId: this.postId(), version: this.version() }),
    load: ({ organizationId, postId }) => this.api.list(organizationId, postId),
  });

  constructor() {
    const feed = inject(NotificationFeed);
    feed.arrivals
      .pipe(
        filter((notification) => isPublishingNewsFor(notification, this.postId())),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.publications.reload());
    feed.planChanges
      .pipe(
        filter((changed) => concernsOrganization(changed, this.organizationId())),
        filter(() => {
          const state = this.publications.current();
          return state.state === 'loaded' && awaitsPublisher(state.value);
        }),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.publications.reload());
    effect(() => {
      const state = this.publications.current();
      if (state.state !== 'loaded') return;
      // The version as it is when the answer is in (untracked: a new version alone changes nothing here).
      const now = { version: untracked(() => this.version()), postStatus: state.value.postStatus };
      const before = this.seen;
      this.seen = now;
      // A new version is read by the editor already; only a move without one needs telling.
      if (before && before.version === now.version && before.postStatus !== now.postStatus) this.postStatusChanged.emit();
    });
  }

  protected replace(view: PostPublicationsView): void {
    this.publications.update(() => view);
  }
}
