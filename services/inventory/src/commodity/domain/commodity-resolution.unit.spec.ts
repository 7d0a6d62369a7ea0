import { DomainError, foldEvents } from '@dw/kernel';
import { commodityCatalogueDecider } from './commodity-catalogue.decider';
import { resolveCommodityName } from './commodity-resolution';
import { actor, at, catalogue, catalogueEvents, copper, rebar20Shagang, rebar25Shagang } from './commodity.test-fixtures';

function refusal(name: string, client = 'SC-0001'): DomainError {
  try {
    resolveCommodityName(catalogue, { client, name });
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('resolveCommodityName', () => {
  it('turns a client alias into the standard commodity, whatever the spacing', () => {
    expect(resolveCommodityName(catalogue, { client: 'SC-0001', name: '沙钢螺纹 20' })).toEqual(rebar20Shagang);
  });

  it('does not use one client alias for another client', () => {
    expect(refusal('沙钢螺纹20', 'SC-0002').code).toBe('UNKNOWN_COMMODITY_NAME');
  });

  it('accepts a standard name typed in full-width and a commodity code', () => {
    expect(resolveCommodityName(catalogue, { client: 'SC-0002', name: '螺纹钢 ＨＲＢ４００Ｅ Φ２５ 沙钢' })).toEqual(rebar25Shagang);
    expect(resolveCommodityName(catalogue, { client: 'SC-0002', name: 'CU-CATHODE-JX' })).toEqual(copper);
  });

  it('refuses an unknown name offering the three closest standard names', () => {
    // '螺纹钢hrb400eφ22沙钢' against the catalogue, by hand:
    //   …Φ20 沙钢: one substitution (2→0)            = 1
    //   …Φ25 沙钢: one substitution (2→5)            = 1   (tie: 'φ20' sorts before 'φ25')
    //   …Φ20 永钢: 2→0 and 沙→永                      = 2
    //   线材 …, 阴极铜 …: many more edits
    expect(refusal('螺纹钢 HRB400E Φ22 沙钢')).toMatchObject({
      code: 'UNKNOWN_COMMODITY_NAME',
      kind: 'invalid',
      field: 'name',
      details: {
        name: '螺纹钢 HRB400E Φ22 沙钢',
        closest: ['螺纹钢 HRB400E Φ20 沙钢', '螺纹钢 HRB400E Φ25 沙钢', '螺纹钢 HRB400E Φ20 永钢'],
        closestCodes: ['rb-400e-20-sg', 'rb-400e-25-sg', 'rb-400e-20-yg'],
      },
    });
  });

  it('offers fewer than three names when the catalogue is smaller', () => {
    const small = foldEvents(commodityCatalogueDecider, catalogueEvents.slice(0, 1));
    let caught: unknown;
    try {
      resolveCommodityName(small, { client: 'SC-0001', name: 'copper' });
    } catch (error) {
      caught = error;
    }
    expect((caught as DomainError).details).toMatchObject({ closest: ['螺纹钢 HRB400E Φ20 沙钢'] });
  });

  it('refuses a blank name', () => {
    expect(refusal('  ')).toMatchObject({ code: 'FIELD_REQUIRED', field: 'name' });
  });

  it('stops resolving an alias once it is unmapped', () => {
    const after = foldEvents(commodityCatalogueDecider, [
      ...catalogueEvents,
      { type: 'ClientAliasUnmapped', data: { client: 'SC-0001', alias: '沙钢螺纹20', code: 'rb-400e-20-sg', actor, at } },
    ]);
    expect(() => resolveCommodityName(after, { client: 'SC-0001', name: '沙钢螺纹20' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_COMMODITY_NAME' }));
  });
});
