import {
  approvalContent,
  type ApprovalContentInput,
  canonicalApprovalContent,
  canonicalJson,
  parseApprovalContent,
} from './approval-content';

const input: ApprovalContentInput = {
  text: 'Gemeinsamer Text',
  variants: [
    { channelId: 'ch-b', text: null },
    { channelId: 'ch-a', text: 'Eigener Text für A' },
  ],
  media: [
    { id: 'm2', contentHash: 'bb', altText: 'Rathaus', position: 5 },
    { id: 'm1', contentHash: 'aa', altText: null, position: 1 },
  ],
  planning: { kind: 'time', at: '2026-05-04T10:00:00+02:00' },
};

const GOLDEN =
  '{"channels":[{"channelId":"ch-a","text":"Eigener Text für A"},{"channelId":"ch-b","text":"Gemeinsamer Text"}],' +
  '"format":1,' +
  '"media":[{"altText":"","contentHash":"aa","id":"m1"},{"altText":"Rathaus","contentHash":"bb","id":"m2"}],' +
  '"planning":{"at":"2026-05-04T08:00:00.000Z","kind":"time"}}';

describe('canonicalApprovalContent', () => {
  it('produces exactly the documented canonical form', () => {
    expect(canonicalApprovalContent(input)).toBe(GOLDEN);
  });

  it('does not depend on the order of variants or media in the input', () => {
    const shuffled = { ...input, variants: [...input.variants].reverse(), media: [...input.media].reverse() };
    expect(canonicalApprovalContent(shuffled)).toBe(GOLDEN);
  });

  it('uses only the order of positions, not their values', () => {
    const renumbered = { ...input, media: input.media.map((m) => ({ ...m, position: m.position * 10 + 3 })) };
    expect(canonicalApprovalContent(renumbered)).toBe(GOLDEN);
  });

  it('binds the effective text: a common text no channel uses does not count', () => {
    const allOwn = { ...input, variants: [{ channelId: 'ch-a', text: 'A' }] };
    expect(canonicalApprovalContent({ ...allOwn, text: 'anders' })).toBe(canonicalApprovalContent(allOwn));
    expect(canonicalApprovalContent({ ...input, text: 'anders' })).not.toBe(GOLDEN);
    // An own text equal to the common text publishes the same bytes.
    const explicit = { ...input, variants: [{ channelId: 'ch-b', text: 'Gemeinsamer Text' }, input.variants[1]] };
    expect(canonicalApprovalContent(explicit)).toBe(GOLDEN);
    // An empty own text is a text of its own, not the common one.
    expect(canonicalApprovalContent({ ...input, variants: [{ channelId: 'ch-b', text: '' }, input.variants[1]] })).not.toBe(GOLDEN);
  });

  it('changes with every published part', () => {
    const variants = [
      { ...input, variants: [...input.variants, { channelId: 'ch-c' }] },
      { ...input, media: [input.media[1]] },
      { ...input, media: [{ ...input.media[0], contentHash: 'cc' }, input.media[1]] },
      { ...input, media: [{ ...input.media[0], altText: 'Rathaus am Markt' }, input.media[1]] },
      { ...input, media: [{ ...input.media[0], position: 0 }, input.media[1]] },
      { ...input, planning: { kind: 'time' as const, at: '2026-05-04T10:01:00+02:00' } },
      { ...input, planning: { kind: 'day' as const, date: '2026-05-04' } },
      { ...input, planning: { kind: 'unplanned' as const } },
    ];
    const all = variants.map(canonicalApprovalContent);
    expect(new Set([GOLDEN, ...all]).size).toBe(all.length + 1);
  });

  it('binds the instant, not the offset it was written with', () => {
    for (const at of ['2026-05-04T08:00:00Z', '2026-05-04T08:00:00.000Z', new Date(Date.UTC(2026, 4, 4, 8))]) {
      expect(canonicalApprovalContent({ ...input, planning: { kind: 'time', at } })).toBe(GOLDEN);
    }
  });

  it('keeps the exact code points: NFD and NFC texts are different content', () => {
    const nfc = { ...input, text: 'Grüße'.normalize('NFC') };
    const nfd = { ...input, text: 'Grüße'.normalize('NFD') };
    expect(canonicalApprovalContent(nfc)).not.toBe(canonicalApprovalContent(nfd));
    expect(approvalContent(nfd).channels[1].text).toBe('Grüße'.normalize('NFD'));
    expect(canonicalApprovalContent({ ...input, text: 'a\r\nb' })).not.toBe(canonicalApprovalContent({ ...input, text: 'a\nb' }));
  });

  it('survives texts with quotes, emoji, control characters and lone surrogates', () => {
    const text = 'Er sagte "Hallo" \\ 🎉\u0000\t\ud800 Ende';
    const json = canonicalApprovalContent({ ...input, text });
    expect(parseApprovalContent(json).channels[1].text).toBe(text);
    expect(json).toContain('\\ud800');
  });

  it('refuses ambiguous input', () => {
    expect(() => canonicalApprovalContent({ ...input, variants: [input.variants[0], input.variants[0]] })).toThrow('Kanal doppelt: ch-b');
    expect(() => canonicalApprovalContent({ ...input, media: [input.media[0], input.media[0]] })).toThrow('Bild doppelt: m2');
    expect(() => canonicalApprovalContent({ ...input, media: [input.media[0], { ...input.media[1], position: 5 }] })).toThrow(
      'Bildposition doppelt: 5',
    );
    expect(() => canonicalApprovalContent({ ...input, media: [{ ...input.media[0], contentHash: ' ' }] })).toThrow('Bild ohne Prüfsumme');
    expect(() => canonicalApprovalContent({ ...input, media: [{ ...input.media[0], position: Number.NaN }] })).toThrow(RangeError);
    expect(() => canonicalApprovalContent({ ...input, planning: { kind: 'time', at: 'morgen' } })).toThrow('Kein gültiger Zeitpunkt');
    expect(() => canonicalApprovalContent({ ...input, planning: { kind: 'day', date: '2026-02-30' } })).toThrow('Kein gültiges Datum');
  });

  it('handles a post without channels and images', () => {
    expect(canonicalApprovalContent({ text: '', variants: [], media: [], planning: { kind: 'unplanned' } })).toBe(
      '{"channels":[],"format":1,"media":[],"planning":{"kind":"unplanned"}}',
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys by code units at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ z: null, y: true }], B: 'x', ä: 2, c: undefined })).toBe('{"B":"x","a":[{"y":true,"z":null}],"b":1,"ä":2}');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});

describe('parseApprovalContent', () => {
  it('round-trips the canonical string', () => {
    const parsed = parseApprovalContent(GOLDEN);
    expect(parsed).toEqual(approvalContent(input));
    expect(canonicalJson(parsed)).toBe(GOLDEN);
    const day = canonicalApprovalContent({ ...input, planning: { kind: 'day', date: '2026-05-04' } });
    expect(parseApprovalContent(day).planning).toEqual({ kind: 'day', date: '2026-05-04' });
  });

  it('refuses anything else', () => {
    const refused = [
      'kein JSON',
      'null',
      GOLDEN.replace('"format":1', '"format":2'),
      JSON.stringify(JSON.parse(GOLDEN), null, 2),
      GOLDEN.replace('"id":"m1"', '"id":"m1","extra":1'),
      GOLDEN.replace('"kind":"time"', '"kind":"later"'),
      GOLDEN.replace('"text":"Gemeinsamer Text"', '"text":5'),
      GOLDEN.replace('"altText":""', '"altText":null'),
    ];
    for (const json of refused) expect(() => parseApprovalContent(json)).toThrow('Kein gespeicherter Freigabeinhalt im Format 1');
  });
});
