import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { POST_STATUSES } from '@amtsplan/domain';
import { postStatusLabelKey } from '../shared/i18n/post-status-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { type PlanFilters, NO_FILTERS, activeFilterCount } from './plan-location';
import type { PlanReferences } from './plan-references';

/** Channel, topic, status, person and series; every choice is in the URL and the API query. */
@Component({
  selector: 'amt-plan-filter-bar',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="filters" role="search" [attr.aria-label]="'plan.filters' | t">
      <mat-form-field class="filters__field">
        <mat-label>{{ 'plan.field.channel' | t }}</mat-label>
        <mat-select [value]="filters().channelId" (selectionChange)="set('channelId', $event.value)">
          <mat-option [value]="null">{{ 'plan.filterAll' | t }}</mat-option>
          @for (channel of references().channels; track channel.id) {
            <mat-option [value]="channel.id">{{ channel.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field class="filters__field">
        <mat-label>{{ 'plan.field.topic' | t }}</mat-label>
        <mat-select [value]="filters().topicId" (selectionChange)="set('topicId', $event.value)">
          <mat-option [value]="null">{{ 'plan.filterAll' | t }}</mat-option>
          @for (topic of references().topics; track topic.id) {
            <mat-option [value]="topic.id">{{ topic.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field class="filters__field">
        <mat-label>{{ 'plan.field.status' | t }}</mat-label>
        <mat-select [value]="filters().status" (selectionChange)="set('status', $event.value)">
          <mat-option [value]="null">{{ 'plan.filterAll' | t }}</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ statusLabel(status) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field class="filters__field">
        <mat-label>{{ 'plan.field.responsible' | t }}</mat-label>
        <mat-select [value]="filters().responsibleUserId" (selectionChange)="set('responsibleUserId', $event.value)">
          <mat-option [value]="null">{{ 'plan.filterAll' | t }}</mat-option>
          @for (member of references().members; track member.id) {
            <mat-option [value]="member.user.id">{{ member.user.displayName }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field class="filters__field">
        <mat-label>{{ 'plan.field.series' | t }}</mat-label>
        <mat-select [value]="filters().seriesId" (selectionChange)="set('seriesId', $event.value)">
          <mat-option [value]="null">{{ 'plan.filterAll' | t }}</mat-option>
          @for (series of references().series; track series.id) {
            <mat-option [value]="series.id">{{ series.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <p class="filters__state" aria-live="polite">
        @if (count() > 0) {
          {{ 'plan.filtersActive' | t: { count: count() } }}
        } @else {
          {{ 'plan.filtersNone' | t }}
        }
      </p>
      @if (count() > 0) {
        <button mat-stroked-button type="button" (click)="changed.emit(none)">
          <mat-icon aria-hidden="true">filter_alt_off</mat-icon>
          {{ 'plan.filtersReset' | t }}
        </button>
      }
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .filters__field {
      flex: 1 1 160px;
      max-width: 220px;
    }
    .filters__state {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599.98px) {
      .filters__field {
        max-width: none;
      }
    }
  `,
})
export class PlanFilterBar {
  readonly filters = input.required<PlanFilters>();
  readonly references = input.required<PlanReferences>();
  readonly changed = output<PlanFilters>();

  protected readonly statuses = POST_STATUSES;
  protected readonly statusLabel = postStatusLabelKey;
  protected readonly none = NO_FILTERS;
  protected readonly count = computed(() => activeFilterCount(this.filters()));

  protected set<K extends keyof PlanFilters>(key: K, value: PlanFilters[K]): void {
    this.changed.emit({ ...this.filters(), [key]: value });
  }
}
