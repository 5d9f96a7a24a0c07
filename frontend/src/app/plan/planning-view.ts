import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { PlanEntryView, SeriesSlotView } from '@amtsplan/contracts';
import { PLANNING_HORIZON_DAYS, type PublicHoliday, utcToZonedLocal } from '@amtsplan/domain';
import { I18n } from '../shared/i18n/i18n';
import { postStatusLabelKey } from '../shared/i18n/post-status-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { dayLabel } from './day-label';
import type { PlanReferences } from './plan-references';
import { planningDays } from './planning-days';

export interface SlotActivation {
  readonly seriesId: string;
  readonly at: string;
  readonly seriesName: string;
}

/** "Nächste 4 Wochen": what is planned on each day from today, and where the gaps are. */
@Component({
  selector: 'amt-planning-view',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './planning-view.html',
  styleUrl: './planning-view.scss',
})
export class PlanningView {
  private readonly i18n = inject(I18n);

  readonly from = input.required<string>();
  readonly entries = input.required<readonly PlanEntryView[]>();
  readonly slots = input.required<readonly SeriesSlotView[]>();
  readonly holidays = input.required<readonly PublicHoliday[]>();
  readonly references = input.required<PlanReferences>();
  readonly canCreate = input.required<boolean>();

  readonly createRequested = output<string>();
  readonly postOpened = output<string>();
  readonly slotActivated = output<SlotActivation>();

  protected readonly statusLabel = postStatusLabelKey;
  protected readonly plan = computed(() =>
    planningDays({
      from: this.from(),
      days: PLANNING_HORIZON_DAYS,
      entries: this.entries(),
      openSlots: this.slots(),
      holidays: this.holidays(),
      timeZone: this.references().settings.timeZone,
    }),
  );

  protected shortDay(date: string): string {
    return dayLabel(date, this.i18n.language(), 'short');
  }

  protected longDay(date: string): string {
    return dayLabel(date, this.i18n.language());
  }

  protected time(at: string): string {
    return utcToZonedLocal(new Date(at), this.references().settings.timeZone).slice(11, 16);
  }

  protected seriesName(seriesId: string): string {
    return this.references().seriesById.get(seriesId)?.name ?? '';
  }

  protected activateSlot(slot: SeriesSlotView): void {
    this.slotActivated.emit({ seriesId: slot.seriesId, at: slot.at, seriesName: this.seriesName(slot.seriesId) });
  }
}
