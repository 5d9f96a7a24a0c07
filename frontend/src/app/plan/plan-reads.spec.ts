import type { PlanEntryView, SeriesSlotView } from '@amtsplan/contracts';
import { planEntry } from './plan-entry.fixture';
import { samePlanEntries, samePlanWindow } from './plan-reads';

const entry = (id: string, overrides: Partial<PlanEntryView> = {}): PlanEntryView => planEntry({ id, workingTitle: `Beitrag ${id}`, ...overrides });

describe('the same plan read twice', () => {
  it('is the same when every entry is, field for field, in the same order', () => {
    expect(samePlanEntries([entry('a'), entry('b')], [entry('a'), entry('b')])).toBe(true);
    expect(samePlanEntries([entry('a'), entry('b')], [entry('b'), entry('a')])).toBe(false);
    expect(samePlanEntries([entry('a')], [entry('a'), entry('b')])).toBe(false);
  });

  it('differs when the publisher changed a post without the editor: status, address, pause', () => {
    expect(samePlanEntries([entry('a')], [entry('a', { status: 'published', publishedUrl: 'https://social.example/@stadt/1', version: 4 })])).toBe(false);
    expect(samePlanEntries([entry('a')], [entry('a', { publishedUrl: 'https://social.example/@stadt/1' })])).toBe(false);
    expect(samePlanEntries([entry('a')], [entry('a', { pausedAt: '2026-12-21T09:00:00.000Z' })])).toBe(false);
  });

  it('compares the open series slots of the window as well', () => {
    const slot: SeriesSlotView = { seriesId: 's-1', at: '2026-12-22T09:00:00.000Z', postId: null };
    const window = { entries: [entry('a')], slots: [slot] };
    expect(samePlanWindow(window, { entries: [entry('a')], slots: [{ ...slot }] })).toBe(true);
    expect(samePlanWindow(window, { entries: [entry('a')], slots: [] })).toBe(false);
    expect(samePlanWindow(window, { entries: [entry('a', { version: 4 })], slots: [slot] })).toBe(false);
  });
});
