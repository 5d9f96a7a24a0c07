import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { InboxDashboardView } from '@amtsplan/contracts';
import { loadOnRequest } from '../shared/http/load-on-request';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { BarChart, type Bar } from './bar-chart';
import { InboxApi } from './inbox-api';
import { CATEGORY_LABEL, CATEGORY_ORDER } from './inbox-labels';

const AGE_LABEL = {
  under_1d: 'community.dashboard.age.under_1d',
  '1_to_3d': 'community.dashboard.age.1_to_3d',
  '3_to_7d': 'community.dashboard.age.3_to_7d',
  over_7d: 'community.dashboard.age.over_7d',
} as const;

/** Kennzahlen: volume per category and week, first response times, open items by age. */
@Component({
  selector: 'amt-inbox-dashboard-page',
  imports: [MatButtonModule, RouterLink, LoadStatus, BarChart, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <a mat-button routerLink="..">{{ 'community.backToInbox' | t }}</a>
    <h1>{{ 'community.dashboard.heading' | t }}</h1>
    @let state = figures.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="figures.reload()" />
    } @else {
      @let view = state.value;
      <section aria-labelledby="response-heading">
        <h2 id="response-heading">{{ 'community.dashboard.response' | t }}</h2>
        <p>{{ 'community.dashboard.responseFigures' | t: { median: minutes(view.firstResponseMinutes.median), p90: minutes(view.firstResponseMinutes.p90), answered: view.firstResponseMinutes.answered } }}</p>
      </section>
      <section aria-labelledby="weeks-heading">
        <h2 id="weeks-heading">{{ 'community.dashboard.volume' | t }}</h2>
        <amt-bar-chart [bars]="weekBars()" [summary]="'community.dashboard.volumeSummary' | t" />
        <table class="table">
          <caption>{{ 'community.dashboard.volumeTable' | t }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'community.dashboard.week' | t }}</th>
              @for (category of categories; track category) {
                <th scope="col">{{ categoryLabel[category] | t }}</th>
              }
              <th scope="col">{{ 'community.dashboard.total' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (week of view.weeks; track week.weekStart) {
              <tr>
                <th scope="row">{{ weekLabel(week.weekStart) }}</th>
                @for (category of categories; track category) {
                  <td>{{ count(week.counts, category) }}</td>
                }
                <td>{{ total(week.counts) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
      <section aria-labelledby="age-heading">
        <h2 id="age-heading">{{ 'community.dashboard.openByAge' | t }}</h2>
        <amt-bar-chart [bars]="ageBars()" [summary]="'community.dashboard.ageSummary' | t" />
        <table class="table">
          <caption>{{ 'community.dashboard.openByAge' | t }}</caption>
          <tbody>
            @for (row of view.openByAge; track row.bucket) {
              <tr>
                <th scope="row">{{ ageLabel[row.bucket] | t }}</th>
                <td>{{ row.count }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
    }
  `,
  styles: `
    section {
      margin-bottom: 24px;
    }
    h2 {
      font: var(--mat-sys-title-large);
    }
    .table {
      border-collapse: collapse;
      margin-top: 12px;
      display: block;
      overflow-x: auto;
      th,
      td {
        border: 1px solid var(--mat-sys-outline-variant);
        padding: 4px 8px;
        text-align: right;
      }
      th[scope='row'] {
        text-align: left;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: 4px;
      }
    }
  `,
})
export class InboxDashboardPage {
  private readonly api = inject(InboxApi);
  private readonly i18n = inject(I18n);
  readonly orgId = input.required<string>();

  protected readonly categories = CATEGORY_ORDER;
  protected readonly categoryLabel = CATEGORY_LABEL;
  protected readonly ageLabel = AGE_LABEL;
  protected readonly figures = loadOnRequest({ params: () => this.orgId(), load: (id) => this.api.dashboard(id) });

  private readonly view = computed<InboxDashboardView | null>(() => {
    const state = this.figures.current();
    return state.state === 'loaded' ? state.value : null;
  });
  protected readonly weekBars = computed<Bar[]>(() => (this.view()?.weeks ?? []).map((w) => ({ label: this.weekLabel(w.weekStart), value: this.total(w.counts) })));
  protected readonly ageBars = computed<Bar[]>(() => (this.view()?.openByAge ?? []).map((a) => ({ label: this.i18n.t(AGE_LABEL[a.bucket]), value: a.count })));

  protected count(counts: Record<string, number>, category: string): number {
    return counts[category] ?? 0;
  }

  protected total(counts: Record<string, number>): number {
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  protected weekLabel(weekStart: string): string {
    return this.i18n.t('community.dashboard.weekOf', { date: this.i18n.date(`${weekStart}T12:00:00Z`) });
  }

  protected minutes(value: number | null): string {
    if (value === null) return '–';
    return value < 120 ? this.i18n.t('community.dashboard.minutes', { n: value }) : this.i18n.t('community.dashboard.hours', { n: Math.round(value / 6) / 10 });
  }
}
