import { addressFormsOf, bodyFor, hasBody } from './address-forms';

describe('address forms', () => {
  it('gives the wanted form, else the other one', () => {
    const both = { sie: 'Können Sie', du: 'Kannst du' };
    expect(bodyFor(both, 'du')).toEqual({ form: 'du', body: 'Kannst du' });
    expect(bodyFor({ sie: 'Können Sie', du: '  ' }, 'du')).toEqual({ form: 'sie', body: 'Können Sie' });
    expect(bodyFor({ sie: null, du: null }, 'sie')).toBeNull();
  });

  it('knows which forms are written', () => {
    expect(addressFormsOf({ sie: 'a', du: '' })).toEqual(['sie']);
    expect(hasBody({ sie: ' ', du: null })).toBe(false);
  });
});
