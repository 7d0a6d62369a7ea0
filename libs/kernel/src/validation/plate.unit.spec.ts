import { normalisedPlate } from './plate';

describe('normalisedPlate', () => {
  it('upper-cases a mainland plate and drops spaces and separators', () => {
    expect(normalisedPlate('沪a 12345')).toBe('沪A12345');
    expect(normalisedPlate('苏B·D1234 5')).toBe('苏BD12345');
    expect(normalisedPlate('鲁C1234挂')).toBe('鲁C1234挂');
  });

  it('gives null for what is not a mainland plate (an unknown province, a letter I or O, too short)', () => {
    expect(normalisedPlate('truck 7')).toBeNull();
    expect(normalisedPlate('港A12345')).toBeNull();
    expect(normalisedPlate('沪I12345')).toBeNull();
    expect(normalisedPlate('沪A1234')).toBeNull();
  });
});
