import { replyHasPlaceholdersLeft, placeholdersLeftInReply } from './reply-placeholders';

describe('reply placeholders', () => {
  it('lists each unfilled placeholder once', () => {
    expect(placeholdersLeftInReply('Hallo {{name}}, am {{ datum }} – {{name}} {{}}')).toEqual(['name', 'datum', '…']);
  });
  it('accepts text without placeholders and single braces', () => {
    expect(replyHasPlaceholdersLeft('Hallo Frau Müller, {siehe} Link')).toBe(false);
  });
});
