import { canonicalTextBlockContent, parseTextBlockContent } from './text-block-content';
import { textBlockProblems } from './text-block-rules';

const base = { title: 'Abfall', body: { sie: 'Hallo {{name}}', du: null }, category: { id: 'c1', name: 'Abfall' }, platforms: ['x', 'facebook'] as const };

describe('text block content', () => {
  it('is stable against platform order and empty variants', () => {
    const a = canonicalTextBlockContent({ ...base, platforms: ['x', 'facebook'] });
    const b = canonicalTextBlockContent({ ...base, body: { sie: 'Hallo {{name}}', du: '  ' }, platforms: ['facebook', 'x', 'x'] });
    expect(a).toBe(b);
    expect(parseTextBlockContent(a).platforms).toEqual(['facebook', 'x']);
  });

  it('changes with title, body, category and platforms', () => {
    const original = canonicalTextBlockContent(base);
    expect(canonicalTextBlockContent({ ...base, title: 'Müll' })).not.toBe(original);
    expect(canonicalTextBlockContent({ ...base, body: { sie: 'Hallo {{name}}!', du: null } })).not.toBe(original);
    expect(canonicalTextBlockContent({ ...base, category: { id: 'c2', name: 'Abfall' } })).not.toBe(original);
    expect(canonicalTextBlockContent({ ...base, platforms: ['x'] })).not.toBe(original);
  });
});

describe('text block rules', () => {
  const draft = { title: 'T', shortCode: 'abfall-1', body: { sie: 'x', du: null }, platforms: ['x'], validFrom: null, validUntil: null };

  it('accepts a valid block', () => {
    expect(textBlockProblems(draft, [])).toEqual([]);
  });

  it('reports each field', () => {
    const problems = textBlockProblems({ ...draft, title: ' ', shortCode: 'Groß', body: { sie: '{{fax}}', du: null }, platforms: ['fax'], validFrom: '2027-02-01', validUntil: '2027-01-01' }, []);
    expect(problems.map((p) => p.path)).toEqual(['title', 'shortCode', 'body.sie', 'platforms.0', 'validUntil']);
  });

  it('requires a body in one form of address', () => {
    expect(textBlockProblems({ ...draft, body: { sie: '', du: ' ' } }, []).map((p) => p.path)).toEqual(['body']);
  });
});
