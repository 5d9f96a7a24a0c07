import { placeholdersIn, renderPlaceholders, unfilledPlaceholders, unknownPlaceholders, withTypicalValues } from './placeholders';

const telefon = { key: 'telefon', label: 'Telefon', defaultValue: '0123 456-0' };
const amt = { key: 'amt', label: 'Zuständiges Amt', defaultValue: null };

describe('placeholders', () => {
  it('lists each placeholder once in order, with spaces inside braces allowed', () => {
    expect(placeholdersIn('Hallo {{name}}, am {{ datum }} – {{name}} {{link}}')).toEqual(['name', 'datum', 'link']);
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(placeholdersIn('{{Name}} {{}} {{1x}} {name}')).toEqual([]);
    expect(renderPlaceholders('{{Name}} {name}', { name: 'x' }).text).toBe('{{Name}} {name}');
  });

  it('renders typed values, then organization defaults', () => {
    const out = renderPlaceholders('Hallo {{name}}, Tel. {{telefon}}, am {{datum}}', { name: ' Frau Schulz ', datum: '1.3.2027' }, [telefon]);
    expect(out).toEqual({ text: 'Hallo Frau Schulz, Tel. 0123 456-0, am 1.3.2027', unfilled: [] });
  });

  it('keeps unfilled placeholders visible and reports them', () => {
    const out = renderPlaceholders('Hallo {{name}}, siehe {{link}} und {{link}}', { name: 'Jo', link: '   ' });
    expect(out.text).toBe('Hallo Jo, siehe {{link}} und {{link}}');
    expect(out.unfilled).toEqual(['link']);
  });

  it('lists unfilled placeholders: a typed value overrides, a null default does not fill', () => {
    expect(unfilledPlaceholders('{{name}} {{telefon}} {{amt}}', {}, [telefon, amt])).toEqual(['name', 'amt']);
    expect(unfilledPlaceholders('{{name}} {{amt}}', { name: 'A', amt: 'Bauamt' }, [amt])).toEqual([]);
  });

  it('finds placeholders the organization never defined', () => {
    expect(unknownPlaceholders('{{name}} {{telefon}} {{fax}}', [telefon])).toEqual(['fax']);
  });

  it('measures with typical values', () => {
    expect(withTypicalValues('{{link}} {{telefon}}', [telefon])).toBe('https://www.example.org/seite 0123 456-0');
  });
});
