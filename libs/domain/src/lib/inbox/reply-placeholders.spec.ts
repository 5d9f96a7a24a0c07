import { hasUnfilledPlaceholders, unfilledPlaceholders } from './reply-placeholders';

describe('reply placeholders', () => {
  it('lists each unfilled placeholder once', () => {
    expect(unfilledPlaceholders('Hallo {{name}}, am {{ datum }} – {{name}} {{}}')).toEqual(['name', 'datum', '…']);
  });
  it('accepts text without placeholders and single braces', () => {
    expect(hasUnfilledPlaceholders('Hallo Frau Müller, {siehe} Link')).toBe(false);
  });
});
