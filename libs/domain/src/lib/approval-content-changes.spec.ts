import { approvalContent, type ApprovalContentInput, parseApprovalContent, canonicalApprovalContent } from './approval-content';
import { approvalContentChanges } from './approval-content-changes';

const base: ApprovalContentInput = {
  text: 'Sommerfest am Rathaus',
  variants: [{ channelId: 'ch-mastodon' }, { channelId: 'ch-instagram', text: 'Sommerfest! #musterstadt' }],
  media: [
    { id: 'm1', contentHash: 'h1', altText: 'Bühne auf dem Marktplatz', position: 1 },
    { id: 'm2', contentHash: 'h2', altText: 'Kinder beim Kinderschminken', position: 2 },
    { id: 'm3', contentHash: 'h3', altText: null, position: 3 },
  ],
  planning: { kind: 'time', at: '2026-06-20T10:00:00+02:00' },
};

const changes = (after: Partial<ApprovalContentInput>, names?: Record<string, string>) =>
  approvalContentChanges(approvalContent(base), approvalContent({ ...base, ...after }), names ? { channelName: (id) => names[id] } : {});
const messages = (after: Partial<ApprovalContentInput>, names?: Record<string, string>) => changes(after, names).map((c) => c.message);

describe('approvalContentChanges', () => {
  it('is empty for the same content, also from a stored copy', () => {
    expect(changes({})).toEqual([]);
    const stored = parseApprovalContent(canonicalApprovalContent(base));
    expect(approvalContentChanges(stored, approvalContent(base))).toEqual([]);
  });

  it('names the channel whose effective text changed', () => {
    expect(changes({ text: 'Sommerfest am Rathaus, 14 Uhr' }, { 'ch-mastodon': 'Mastodon' })).toEqual([
      { kind: 'channel-text', channelId: 'ch-mastodon', message: 'Text für Kanal Mastodon geändert' },
    ]);
    expect(messages({ variants: [{ channelId: 'ch-mastodon' }, { channelId: 'ch-instagram', text: 'Neu' }] })).toEqual([
      'Text für Kanal ch-instagram geändert',
    ]);
  });

  it('reports added and removed channels, sorted by id', () => {
    expect(messages({ variants: [{ channelId: 'ch-mastodon' }, { channelId: 'ch-bluesky' }] })).toEqual([
      'Kanal ch-bluesky hinzugefügt',
      'Kanal ch-instagram entfernt',
    ]);
  });

  it('reports removed, added and replaced images and changed alt texts, numbered as seen', () => {
    const [m1, m2, m3] = base.media;
    expect(changes({ media: [m1, m3] })).toEqual([{ kind: 'media-removed', mediaId: 'm2', message: 'Bild 2 entfernt' }]);
    expect(messages({ media: [...base.media, { id: 'm4', contentHash: 'h4', altText: 'Plakat', position: 4 }] })).toEqual(['Bild 4 hinzugefügt']);
    expect(messages({ media: [m1, { ...m2, contentHash: 'h2-neu' }, m3] })).toEqual(['Bild 2 ausgetauscht']);
    expect(changes({ media: [m1, m2, { ...m3, altText: 'Luftballons' }] })).toEqual([
      { kind: 'alt-text', mediaId: 'm3', message: 'Alternativtext von Bild 3 geändert' },
    ]);
    expect(messages({ media: [{ ...m1, contentHash: 'x', altText: 'y' }, m2, m3] })).toEqual(['Bild 1 ausgetauscht', 'Alternativtext von Bild 1 geändert']);
  });

  it('treats an absent and an empty alt text alike', () => {
    expect(messages({ media: [base.media[0], base.media[1], { ...base.media[2], altText: '' }] })).toEqual([]);
  });

  it('reports a new order, but not one caused only by removing or adding', () => {
    const [m1, m2, m3] = base.media;
    expect(messages({ media: [{ ...m3, position: 1 }, { ...m1, position: 2 }, { ...m2, position: 3 }] })).toEqual([
      'Reihenfolge der Bilder geändert',
    ]);
    expect(messages({ media: [m2, m3] })).toEqual(['Bild 1 entfernt']);
    expect(messages({ media: [{ id: 'm0', contentHash: 'h0', altText: 'Neu', position: 0 }, ...base.media] })).toEqual(['Bild 1 hinzugefügt']);
  });

  it('reports a changed planned time, including to or from a day only', () => {
    expect(messages({ planning: { kind: 'time', at: '2026-06-20T11:00:00+02:00' } })).toEqual(['Zeitpunkt geändert']);
    expect(messages({ planning: { kind: 'day', date: '2026-06-20' } })).toEqual(['Zeitpunkt geändert']);
    expect(messages({ planning: { kind: 'unplanned' } })).toEqual(['Zeitpunkt geändert']);
    expect(messages({ planning: { kind: 'time', at: '2026-06-20T08:00:00Z' } })).toEqual([]);
    const dayBase = { ...base, planning: { kind: 'day' as const, date: '2026-06-20' } };
    const moved = approvalContentChanges(approvalContent(dayBase), approvalContent({ ...dayBase, planning: { kind: 'day', date: '2026-06-21' } }));
    expect(moved.map((c) => c.kind)).toEqual(['planning']);
    expect(approvalContentChanges(approvalContent(dayBase), approvalContent(dayBase))).toEqual([]);
  });

  it('lists every change in a stable order: channels, images, time', () => {
    expect(
      messages({
        text: 'Neu',
        media: [base.media[0]],
        planning: { kind: 'unplanned' },
        variants: [{ channelId: 'ch-mastodon' }, { channelId: 'ch-x' }],
      }),
    ).toEqual(['Kanal ch-instagram entfernt', 'Text für Kanal ch-mastodon geändert', 'Kanal ch-x hinzugefügt', 'Bild 2 entfernt', 'Bild 3 entfernt', 'Zeitpunkt geändert']);
  });

  it('finds a change whenever the canonical string differs, and none otherwise', () => {
    const edits: Array<Partial<ApprovalContentInput>> = [
      { text: 'x' },
      { text: base.text },
      { variants: [{ channelId: 'ch-instagram', text: 'Sommerfest! #musterstadt' }, { channelId: 'ch-mastodon' }] },
      { media: [...base.media].reverse().map((m, i) => ({ ...m, position: i })) },
      { media: base.media.map((m) => ({ ...m, position: m.position + 100 })) },
      { planning: { kind: 'time', at: '2026-06-20T10:00:00.001+02:00' } },
    ];
    for (const edit of edits) {
      const after = { ...base, ...edit };
      const differs = canonicalApprovalContent(after) !== canonicalApprovalContent(base);
      expect(approvalContentChanges(approvalContent(base), approvalContent(after)).length > 0).toBe(differs);
    }
  });
});
