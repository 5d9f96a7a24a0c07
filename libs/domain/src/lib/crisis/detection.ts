import type { CrisisLevel, LevelTriggers, ScaleLevel } from './shitstorm-scale';

/**
 * Detection of a possible shitstorm over the inbox: pure functions over items, so the worker
 * only needs a reader that hands them over (InboxWindowReader in the backend). Nothing here
 * activates crisis mode; the result is a suggestion („Möglicher Shitstorm“, Stufe n).
 */

/**
 * The categories that count as negative: the inbox's codes (`complaint` Beschwerde, `hate`
 * Hass/Beleidigung, see INBOX_CATEGORIES) and the German names of the scale's definitions.
 */
export const NEGATIVE_CATEGORIES = ['complaint', 'hate', 'Beschwerde', 'Hass-Beleidigung', 'Kritik'] as const;

export interface InboxSignal {
  readonly channelId: string;
  readonly receivedAt: Date;
  /** The inbox category, e.g. „Beschwerde“, „Hass-Beleidigung“, „Frage“, „Lob“. */
  readonly category: string | null;
}

export interface ChannelWindow {
  readonly channelId: string;
  readonly items: number;
  readonly negative: number;
  /** Items per hour in the window (the window may be shorter or longer than one hour). */
  readonly negativePerHour: number;
  readonly negativeShare: number;
}

export const DEFAULT_WINDOW_MINUTES = 60;

export function isNegative(category: string | null): boolean {
  return category !== null && (NEGATIVE_CATEGORIES as readonly string[]).includes(category);
}

/** Rolling per-channel windows ending at `now`: items received in (now − window, now]. */
export function channelWindows(signals: readonly InboxSignal[], now: Date, windowMinutes = DEFAULT_WINDOW_MINUTES): ChannelWindow[] {
  if (windowMinutes <= 0) throw new Error('windowMinutes must be positive');
  const from = now.getTime() - windowMinutes * 60_000;
  const byChannel = new Map<string, { items: number; negative: number }>();
  for (const signal of signals) {
    const t = signal.receivedAt.getTime();
    if (t <= from || t > now.getTime()) continue;
    const counts = byChannel.get(signal.channelId) ?? { items: 0, negative: 0 };
    counts.items += 1;
    if (isNegative(signal.category)) counts.negative += 1;
    byChannel.set(signal.channelId, counts);
  }
  const hours = windowMinutes / 60;
  return [...byChannel.entries()]
    .map(([channelId, c]) => ({
      channelId,
      items: c.items,
      negative: c.negative,
      negativePerHour: c.negative / hours,
      negativeShare: c.items === 0 ? 0 : c.negative / c.items,
    }))
    .sort((a, b) => b.negativePerHour - a.negativePerHour || a.channelId.localeCompare(b.channelId));
}

/** Channels whose window meets a level's per-hour and share triggers. */
export function channelsMeeting(windows: readonly ChannelWindow[], triggers: LevelTriggers): ChannelWindow[] {
  return windows.filter(
    (w) =>
      (triggers.negativePerHourOnOneChannel === null || w.negativePerHour >= triggers.negativePerHourOnOneChannel) &&
      (triggers.negativeShare === null || w.negativeShare >= triggers.negativeShare),
  );
}

function hasTriggers(triggers: LevelTriggers): boolean {
  return triggers.negativePerHourOnOneChannel !== null || triggers.negativeShare !== null || triggers.channelsAffected !== null;
}

export function levelReached(windows: readonly ChannelWindow[], triggers: LevelTriggers): boolean {
  if (!hasTriggers(triggers)) return false;
  const meeting = channelsMeeting(windows, triggers);
  const needed = triggers.channelsAffected ?? 1;
  return meeting.length >= Math.max(1, needed);
}

export interface ShitstormSuggestion {
  readonly level: CrisisLevel;
  readonly channelIds: readonly string[];
  readonly windows: readonly ChannelWindow[];
}

/**
 * The highest level of the scale whose triggers the windows meet, or null when none is met
 * (level 0 has no triggers and is never suggested).
 */
export function suggestLevel(windows: readonly ChannelWindow[], scale: readonly ScaleLevel[]): ShitstormSuggestion | null {
  const reached = [...scale].sort((a, b) => b.level - a.level).find((l) => levelReached(windows, l.triggers));
  if (!reached) return null;
  return { level: reached.level, channelIds: channelsMeeting(windows, reached.triggers).map((w) => w.channelId), windows };
}

/**
 * Whether to raise a new „Möglicher Shitstorm“ alert: only when the suggestion is higher than
 * the last one raised (or an incident's current level), so a steady wave does not alert every run.
 */
export function shouldAlert(suggestion: ShitstormSuggestion | null, lastAlertedLevel: number | null): boolean {
  if (!suggestion) return false;
  return lastAlertedLevel === null || suggestion.level > lastAlertedLevel;
}

/** A scale to compare the windows with: an approved playbook's levels, or the default scale. */
export interface DetectionScale {
  readonly playbookId: string | null;
  readonly versionNumber: number | null;
  readonly levels: readonly ScaleLevel[];
}

export interface ScaleSuggestion extends ShitstormSuggestion {
  readonly scale: DetectionScale;
}

/**
 * The highest suggestion over several scales (the organization's approved playbooks); on a tie
 * the first scale wins, so callers hand them over in a stable order.
 */
export function strongestSuggestion(windows: readonly ChannelWindow[], scales: readonly DetectionScale[]): ScaleSuggestion | null {
  let best: ScaleSuggestion | null = null;
  for (const scale of scales) {
    const suggestion = suggestLevel(windows, scale.levels);
    if (suggestion && (!best || suggestion.level > best.level)) best = { ...suggestion, scale };
  }
  return best;
}

/** A wave is over once no level was suggested for this long; the next one alerts afresh. */
export const DETECTION_WAVE_QUIET_MINUTES = 60;

export interface LastDetection {
  readonly level: number;
  /** The last run that still saw a suggestion for this wave. */
  readonly lastSeenAt: Date;
}

/**
 * Whether a run raises a new „Möglicher Shitstorm“ alert (docs/crisis.md, decision 0021):
 * - nothing suggested: no;
 * - an open incident already at the suggested level or higher: no (it is being handled);
 * - the same wave (last seen less than DETECTION_WAVE_QUIET_MINUTES ago): only when the
 *   suggestion is higher than the level already raised, dismissed or not;
 * - otherwise (first wave, or the last one went quiet): yes.
 */
export function detectionDecision(input: {
  readonly suggestedLevel: number | null;
  readonly last: LastDetection | null;
  readonly openIncidentLevel: number | null;
  readonly now: Date;
}): 'alert' | 'same_wave' | 'none' {
  const { suggestedLevel, last, openIncidentLevel, now } = input;
  if (suggestedLevel === null || suggestedLevel < 1) return 'none';
  if (openIncidentLevel !== null && openIncidentLevel >= suggestedLevel) return 'none';
  const sameWave = last !== null && now.getTime() - last.lastSeenAt.getTime() < DETECTION_WAVE_QUIET_MINUTES * 60_000;
  if (sameWave && suggestedLevel <= last.level) return 'same_wave';
  return 'alert';
}

/** An alert's state: open until a person declares the crisis from it or dismisses it („Verwerfen“). */
export const CRISIS_DETECTION_STATUSES = ['open', 'dismissed', 'declared'] as const;
export type CrisisDetectionStatus = (typeof CRISIS_DETECTION_STATUSES)[number];
