import { channelWindows, DETECTION_WAVE_QUIET_MINUTES, detectionDecision, shouldAlert, strongestSuggestion, suggestLevel, type InboxSignal } from './detection';
import { DEFAULT_SHITSTORM_SCALE } from './shitstorm-scale';

const NOW = new Date('2026-12-07T12:00:00Z');

/** A wave: `count` items on a channel spread over the last `minutes`, `negative` of them negative. */
function wave(channelId: string, count: number, negative: number, minutes = 50): InboxSignal[] {
  return Array.from({ length: count }, (_, i) => ({
    channelId,
    receivedAt: new Date(NOW.getTime() - Math.floor(((i + 1) * minutes * 60_000) / (count + 1))),
    category: i < negative ? (i % 2 ? 'Beschwerde' : 'Hass-Beleidigung') : i % 2 ? 'Frage' : 'Lob',
  }));
}

describe('channelWindows', () => {
  it('counts items per channel inside the rolling hour only', () => {
    const old = { channelId: 'a', receivedAt: new Date(NOW.getTime() - 61 * 60_000), category: 'Beschwerde' };
    const future = { channelId: 'a', receivedAt: new Date(NOW.getTime() + 1000), category: 'Beschwerde' };
    const windows = channelWindows([...wave('a', 10, 4), old, future], NOW);
    expect(windows).toEqual([{ channelId: 'a', items: 10, negative: 4, negativePerHour: 4, negativeShare: 0.4 }]);
  });

  it('scales to items per hour for a shorter window', () => {
    const [w] = channelWindows(wave('a', 10, 10, 14), NOW, 15);
    expect(w.negativePerHour).toBe(40);
  });
});

describe('suggestLevel over seeded waves', () => {
  const scale = DEFAULT_SHITSTORM_SCALE;

  it('suggests nothing for everyday traffic below the first threshold', () => {
    expect(suggestLevel(channelWindows(wave('fb', 20, 4), NOW), scale)).toBeNull();
  });

  it('suggests level 1 just at the threshold and not one below it', () => {
    expect(suggestLevel(channelWindows(wave('fb', 10, 5), NOW), scale)?.level).toBe(1);
    expect(suggestLevel(channelWindows(wave('fb', 10, 4), NOW), scale)).toBeNull();
  });

  it('needs the negative share too: many items with few negative ones stay calm', () => {
    expect(suggestLevel(channelWindows(wave('fb', 200, 40), NOW), scale)).toBeNull();
  });

  it('stays at level 2 for a strong wave on one channel, because level 3 needs two channels', () => {
    const suggestion = suggestLevel(channelWindows(wave('fb', 60, 40), NOW), scale);
    expect(suggestion?.level).toBe(2);
    expect(suggestion?.channelIds).toEqual(['fb']);
  });

  it('suggests level 3 when the wave reaches a second channel', () => {
    const suggestion = suggestLevel(channelWindows([...wave('fb', 60, 40), ...wave('ig', 50, 32)], NOW), scale);
    expect(suggestion?.level).toBe(3);
    expect([...(suggestion?.channelIds ?? [])].sort()).toEqual(['fb', 'ig']);
  });

  it('suggests level 5 for a flood over three channels', () => {
    const flood = [...wave('fb', 200, 150), ...wave('ig', 180, 130), ...wave('x', 170, 125)];
    expect(suggestLevel(channelWindows(flood, NOW), scale)?.level).toBe(5);
  });
});

describe('shouldAlert', () => {
  it('alerts only when the suggestion rises', () => {
    const suggestion = { level: 3 as const, channelIds: ['fb'], windows: [] };
    expect(shouldAlert(suggestion, null)).toBe(true);
    expect(shouldAlert(suggestion, 3)).toBe(false);
    expect(shouldAlert(suggestion, 2)).toBe(true);
    expect(shouldAlert(null, null)).toBe(false);
  });
});

describe('inbox category codes', () => {
  it('counts the inbox codes complaint and hate as negative, questions and praise not', () => {
    const signals = ['complaint', 'hate', 'question', 'praise', null].map((category, i) => ({ channelId: 'a', receivedAt: new Date(NOW.getTime() - (i + 1) * 60_000), category }));
    expect(channelWindows(signals, NOW)).toEqual([{ channelId: 'a', items: 5, negative: 2, negativePerHour: 2, negativeShare: 0.4 }]);
  });
});

describe('strongestSuggestion', () => {
  const strict = { playbookId: 'strict', versionNumber: 1, levels: DEFAULT_SHITSTORM_SCALE.map((l) => (l.level === 1 ? { ...l, triggers: { ...l.triggers, negativePerHourOnOneChannel: 2 } } : l)) };
  const lax = { playbookId: 'lax', versionNumber: 2, levels: DEFAULT_SHITSTORM_SCALE };

  it('takes the scale that suggests the highest level', () => {
    const windows = channelWindows(wave('fb', 6, 3), NOW);
    expect(strongestSuggestion(windows, [lax, strict])).toMatchObject({ level: 1, scale: { playbookId: 'strict' } });
    expect(strongestSuggestion(windows, [lax])).toBeNull();
  });

  it('keeps the first scale on a tie', () => {
    const windows = channelWindows(wave('fb', 40, 20), NOW);
    expect(strongestSuggestion(windows, [lax, strict])?.scale.playbookId).toBe('lax');
  });
});

describe('detectionDecision', () => {
  const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

  it('alerts on the first suggestion and never without one', () => {
    expect(detectionDecision({ suggestedLevel: 2, last: null, openIncidentLevel: null, now: NOW })).toBe('alert');
    expect(detectionDecision({ suggestedLevel: null, last: null, openIncidentLevel: null, now: NOW })).toBe('none');
  });

  it('stays quiet for the same wave at the same or a lower level and alerts again when it rises', () => {
    const last = { level: 2, lastSeenAt: minutesAgo(1) };
    expect(detectionDecision({ suggestedLevel: 2, last, openIncidentLevel: null, now: NOW })).toBe('same_wave');
    expect(detectionDecision({ suggestedLevel: 1, last, openIncidentLevel: null, now: NOW })).toBe('same_wave');
    expect(detectionDecision({ suggestedLevel: 3, last, openIncidentLevel: null, now: NOW })).toBe('alert');
  });

  it('starts a new wave once the last one has been quiet long enough', () => {
    expect(detectionDecision({ suggestedLevel: 2, last: { level: 2, lastSeenAt: minutesAgo(DETECTION_WAVE_QUIET_MINUTES - 1) }, openIncidentLevel: null, now: NOW })).toBe('same_wave');
    expect(detectionDecision({ suggestedLevel: 2, last: { level: 2, lastSeenAt: minutesAgo(DETECTION_WAVE_QUIET_MINUTES) }, openIncidentLevel: null, now: NOW })).toBe('alert');
  });

  it('does not alert while an incident is open at the suggested level or higher', () => {
    expect(detectionDecision({ suggestedLevel: 3, last: null, openIncidentLevel: 3, now: NOW })).toBe('none');
    expect(detectionDecision({ suggestedLevel: 4, last: null, openIncidentLevel: 3, now: NOW })).toBe('alert');
  });
});
