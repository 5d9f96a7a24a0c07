import type { CrisisLevel, LevelTriggers, ScaleLevel } from './shitstorm-scale';

/**
 * Detection of a possible shitstorm over the inbox: pure functions over items, so the worker
 * only needs a reader that hands them over (InboxWindowReader in the backend). Nothing here
 * activates crisis mode; the result is a suggestion („Möglicher Shitstorm“, Stufe n).
 */

/** The inbox's categories that count as negative. */
export const NEGATIVE_CATEGORIES = ['Beschwerde', 'Hass-Beleidigung', 'Kritik'] as const;

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
