import fc from 'fast-check';
import { pickerSql, prefixRange } from './text-block-picker-search';

/** Collation "C" on UTF-8 text: code point order (JavaScript's < compares UTF-16 code units). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function inRange(text: string, range: { from: string; to: string | null }): boolean {
  return compareCodePoints(text, range.from) >= 0 && (range.to === null || compareCodePoints(text, range.to) < 0);
}

describe('prefixRange', () => {
  it('ends before the prefix with its last character raised by one', () => {
    expect(prefixRange('abf')).toEqual({ from: 'abf', to: 'abg' });
    expect(prefixRange('sperrmüll abh')).toEqual({ from: 'sperrmüll abh', to: 'sperrmüll abi' });
    expect(prefixRange('kü')).toEqual({ from: 'kü', to: 'ký' });
  });

  it('steps over the surrogate code points and past the last character of all', () => {
    expect(prefixRange('a\ud7ff')).toEqual({ from: 'a\ud7ff', to: 'a\ue000' });
    expect(prefixRange('a\u{10ffff}')).toEqual({ from: 'a\u{10ffff}', to: 'b' });
    expect(prefixRange('\u{10ffff}')).toEqual({ from: '\u{10ffff}', to: null });
    expect(prefixRange('😀')).toEqual({ from: '😀', to: '😁' });
  });

  it('holds exactly the texts that begin with the prefix', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 6 });
    const near = fc.constantFrom('a', 'b', 'ab', 'abf', 'abg', 'ü', '😀', '\u{10ffff}', '\ud7ff', '\ue000');
    const piece = fc.oneof(text, near);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), fc.array(piece, { maxLength: 3 }), (prefixParts, rest) => {
        const prefix = prefixParts.join('');
        fc.pre(prefix.length > 0);
        const range = prefixRange(prefix);
        const beginning = prefix + rest.join('');
        expect(inRange(beginning, range)).toBe(true);
        const other = rest.join('');
        expect(inRange(other, range)).toBe(other.startsWith(prefix));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pickerSql', () => {
  const organizationId = '00000000-0000-4000-8000-000000000001';

  it('has one text per statement shape, whatever is typed, so a prepared plan is reused', () => {
    const shape = (q: string) => pickerSql({ q, for: 'picker', limit: 8 } as never, organizationId, '2026-12-07', `${q}:*`).sql;
    expect(shape('abf')).toBe(shape('sperrmüll'));
    expect(shape('ab')).toBe(shape('xy'));
    // Up to two characters the word tier is left out: a shape of its own.
    expect(shape('ab')).not.toBe(shape('abf'));
  });

  it('passes the typed text only as parameters, as a range for the prefixes', () => {
    const { sql, params } = pickerSql({ q: "O'Brien", for: 'picker', limit: 8 } as never, organizationId, '2026-12-07', "o:* & brien:*");
    expect(sql).not.toContain('brien');
    expect(sql).not.toMatch(/\bLIKE\b/);
    expect(params).toEqual(expect.arrayContaining(["o'brien", "o'brieo", 'o:* & brien:*']));
  });
});
