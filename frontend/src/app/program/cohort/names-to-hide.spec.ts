import { namesToHideFromInput } from './names-to-hide';

describe('namesToHideFromInput', () => {
  it('splits at commas and semicolons, trims, and keeps each name once', () => {
    expect(namesToHideFromInput(' Erika  Muster, Hans Beispiel; Erika Muster ,, ')).toEqual(['Erika Muster', 'Hans Beispiel']);
  });

  it('gives nothing for an empty field', () => {
    expect(namesToHideFromInput('   ')).toEqual([]);
  });

  it('keeps within the server limits: 30 names of at most 120 characters', () => {
    const many = Array.from({ length: 40 }, (_, index) => `Person ${index}`).join(',');
    expect(namesToHideFromInput(many)).toHaveLength(30);
    expect(namesToHideFromInput('x'.repeat(200))[0]).toHaveLength(120);
  });
});
