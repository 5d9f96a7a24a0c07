import type { ApprovalContentView } from '@amtsplan/contracts';
import { channelTextChanges, diffText, otherChanges } from './text-diff';

const content = (channels: Array<[string, string]>, extra: Partial<ApprovalContentView> = {}): ApprovalContentView => ({
  format: 1,
  channels: channels.map(([channelId, text]) => ({ channelId, text })),
  media: [],
  planning: { kind: 'unplanned' },
  ...extra,
});

describe('diffText', () => {
  it('marks inserted and removed words and gives both texts back exactly', () => {
    const parts = diffText('Samstag ist Stadtfest.', 'Samstag ab 14 Uhr ist Stadtfest!');
    expect(parts).toEqual([
      { kind: 'same', text: 'Samstag ' },
      { kind: 'added', text: 'ab 14 Uhr ' },
      { kind: 'same', text: 'ist ' },
      { kind: 'removed', text: 'Stadtfest.' },
      { kind: 'added', text: 'Stadtfest!' },
    ]);
    const join = (kinds: string[]) => parts.filter((p) => kinds.includes(p.kind)).map((p) => p.text).join('');
    expect(join(['same', 'removed'])).toBe('Samstag ist Stadtfest.');
    expect(join(['same', 'added'])).toBe('Samstag ab 14 Uhr ist Stadtfest!');
  });

  it('keeps line breaks and handles empty sides', () => {
    expect(diffText('a\nb', 'a\nb')).toEqual([{ kind: 'same', text: 'a\nb' }]);
    expect(diffText('', 'neu')).toEqual([{ kind: 'added', text: 'neu' }]);
    expect(diffText('alt', '')).toEqual([{ kind: 'removed', text: 'alt' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('shows a very long text as replaced instead of diffing it word by word', () => {
    const long = 'wort '.repeat(3001);
    expect(diffText(long, `${long}x`)).toEqual([
      { kind: 'removed', text: long },
      { kind: 'added', text: `${long}x` },
    ]);
  });
});

describe('channelTextChanges', () => {
  it('lists current channels in order, then dropped ones', () => {
    const changes = channelTextChanges(content([['m', 'Hallo'], ['b', 'Weg']]), content([['n', 'Neu'], ['m', 'Hallo Welt']]));
    expect(changes.map((c) => [c.channelId, c.change])).toEqual([
      ['n', 'added'],
      ['m', 'changed'],
      ['b', 'removed'],
    ]);
    expect(changes[1].parts).toEqual([
      { kind: 'same', text: 'Hallo' },
      { kind: 'added', text: ' Welt' },
    ]);
  });

  it('says unchanged when the text is the same', () => {
    expect(channelTextChanges(content([['m', 'Hallo']]), content([['m', 'Hallo']]))[0].change).toBe('unchanged');
  });
});

describe('otherChanges', () => {
  it('notices a new time and changed images', () => {
    const before = content([['m', 'x']]);
    const after = content([['m', 'x']], { planning: { kind: 'day', date: '2026-12-24' }, media: [{ id: 'i', contentHash: 'h', altText: 'Rathaus' }] });
    expect(otherChanges(before, after)).toEqual({ media: true, planning: true });
    expect(otherChanges(before, before)).toEqual({ media: false, planning: false });
  });
});
