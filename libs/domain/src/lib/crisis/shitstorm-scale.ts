/**
 * The seven-level shitstorm scale used in German-speaking practice (0 Windstille … 6 Orkan).
 * Each level is defined in two dimensions — the reaction on the authority's own channels and
 * the echo in other media — and carries measurable triggers the detection compares with the
 * inbox's rolling windows. A playbook may adapt names, definitions and triggers (its own scale);
 * this is the default every template starts from.
 */
export const CRISIS_LEVELS = [0, 1, 2, 3, 4, 5, 6] as const;
export type CrisisLevel = (typeof CRISIS_LEVELS)[number];

/** Measurable triggers of a level; a level is reached when every trigger that is set is met. */
export interface LevelTriggers {
  /** Negative items (Beschwerde, Hass/Beleidigung, Kritik) per hour on one channel. */
  readonly negativePerHourOnOneChannel: number | null;
  /** Share of negative items among all items of the window on that channel, 0…1. */
  readonly negativeShare: number | null;
  /** Number of channels on which the per-hour threshold is crossed. */
  readonly channelsAffected: number | null;
}

export interface ScaleLevel {
  readonly level: CrisisLevel;
  readonly name: string;
  /** Reaction on own channels. */
  readonly ownChannels: string;
  /** Echo in other media (press, other accounts, blogs). */
  readonly otherMedia: string;
  readonly triggers: LevelTriggers;
}

export const DEFAULT_SHITSTORM_SCALE: readonly ScaleLevel[] = [
  {
    level: 0,
    name: 'Windstille',
    ownChannels: 'Einzelne kritische Rückmeldungen, wie im Alltag üblich.',
    otherMedia: 'Keine Resonanz außerhalb der eigenen Kanäle.',
    triggers: { negativePerHourOnOneChannel: null, negativeShare: null, channelsAffected: null },
  },
  {
    level: 1,
    name: 'Leichte Brise',
    ownChannels: 'Vereinzelte, inhaltlich ähnliche Kritik von mehreren Personen.',
    otherMedia: 'Keine Resonanz außerhalb der eigenen Kanäle.',
    triggers: { negativePerHourOnOneChannel: 5, negativeShare: 0.3, channelsAffected: 1 },
  },
  {
    level: 2,
    name: 'Frische Brise',
    ownChannels: 'Wiederholte Kritik, die Zahl der Kommentare steigt spürbar.',
    otherMedia: 'Erste Beiträge auf fremden Accounts, einzelne Nachfragen.',
    triggers: { negativePerHourOnOneChannel: 15, negativeShare: 0.4, channelsAffected: 1 },
  },
  {
    level: 3,
    name: 'Starker Wind',
    ownChannels: 'Kritik dominiert die Kommentare, der Ton wird schärfer.',
    otherMedia: 'Lokale Medien oder Blogs greifen das Thema auf; Presseanfragen gehen ein.',
    triggers: { negativePerHourOnOneChannel: 30, negativeShare: 0.5, channelsAffected: 2 },
  },
  {
    level: 4,
    name: 'Sturm',
    ownChannels: 'Lawinenartige Kritik auf mehreren Kanälen, zunehmend Beleidigungen.',
    otherMedia: 'Regionale Online-Medien berichten, das Thema trendet regional.',
    triggers: { negativePerHourOnOneChannel: 60, negativeShare: 0.6, channelsAffected: 2 },
  },
  {
    level: 5,
    name: 'Orkanartiger Sturm',
    ownChannels: 'Kaum noch sachliche Beiträge, Hass und Aufrufe gegen Personen.',
    otherMedia: 'Überregionale Berichterstattung, Politik äußert sich.',
    triggers: { negativePerHourOnOneChannel: 120, negativeShare: 0.7, channelsAffected: 3 },
  },
  {
    level: 6,
    name: 'Orkan',
    ownChannels: 'Die eigenen Kanäle sind mit Empörung überflutet, Moderation ist nicht mehr möglich.',
    otherMedia: 'Bundesweite Berichterstattung in allen Medien, anhaltender Trend.',
    triggers: { negativePerHourOnOneChannel: 250, negativeShare: 0.8, channelsAffected: 3 },
  },
];

export function isCrisisLevel(value: unknown): value is CrisisLevel {
  return typeof value === 'number' && (CRISIS_LEVELS as readonly number[]).includes(value);
}

/** „Stufe 3 – Starker Wind“ from a scale (the playbook's or the default). */
export function crisisLevelLabel(level: number, scale: ReadonlyArray<{ readonly level: number; readonly name: string }> = DEFAULT_SHITSTORM_SCALE): string {
  const found = scale.find((l) => l.level === level);
  return found ? `Stufe ${level} – ${found.name}` : `Stufe ${level}`;
}
