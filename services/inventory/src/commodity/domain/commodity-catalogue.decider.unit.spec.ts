import { foldEvents, type LocalDate } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import type { CommodityCatalogueCommand } from './commodity-catalogue.commands';
import { commodityCatalogueDecider } from './commodity-catalogue.decider';
import { toleranceInForceOn } from './commodity-weight-tolerance';
import { actor, at, catalogueEvents, rebar20Shagang, registered, tolerancePublished } from './commodity.test-fixtures';

const spec = deciderSpec(commodityCatalogueDecider);

describe('commodity catalogue decider', () => {
  it('registers a commodity under its standard name, kept half-width with single spaces', () => {
    spec
      .given([])
      .when({
        type: 'RegisterCommodity',
        data: { commodity: { ...rebar20Shagang, product: ' 螺纹钢 ', specification: 'ＨＲＢ４００Ｅ　 Φ２０', grade: '  ' }, actor, at },
      })
      .then([{ type: 'CommodityRegistered', data: { commodity: rebar20Shagang, standardName: '螺纹钢 HRB400E Φ20 沙钢', actor, at } }]);
  });

  it('refuses a taken code, and a standard name that differs only in width, case or spacing', () => {
    spec
      .given([registered(rebar20Shagang)])
      .when({ type: 'RegisterCommodity', data: { commodity: rebar20Shagang, actor, at } })
      .thenRefusedWith('COMMODITY_CODE_TAKEN');
    spec
      .given([registered(rebar20Shagang)])
      .when({ type: 'RegisterCommodity', data: { commodity: { ...rebar20Shagang, code: 'dup', specification: 'ｈｒｂ４００ｅ  Φ２０' }, actor, at } })
      .thenRefusedWith('COMMODITY_NAME_TAKEN', { code: 'rb-400e-20-sg' });
  });

  it('refuses a commodity without product, specification or brand, or with a bad code', () => {
    spec
      .given([])
      .when({ type: 'RegisterCommodity', data: { commodity: { ...rebar20Shagang, brand: '' }, actor, at } })
      .thenRefusedWith('FIELD_REQUIRED');
    spec
      .given([])
      .when({ type: 'RegisterCommodity', data: { commodity: { ...rebar20Shagang, code: 'rb/20' }, actor, at } })
      .thenRefusedWith('COMMODITY_CODE_INVALID');
  });

  it('maps a client alias, and the same mapping again is a no-op', () => {
    spec
      .given([registered(rebar20Shagang)])
      .when({ type: 'MapClientAlias', data: { client: 'SC-0002', alias: '沙螺20', code: 'rb-400e-20-sg', actor, at } })
      .then([{ type: 'ClientAliasMapped', data: { client: 'SC-0002', alias: '沙螺20', code: 'rb-400e-20-sg', actor, at } }]);
    spec
      .given(catalogueEvents)
      .when({ type: 'MapClientAlias', data: { client: 'SC-0001', alias: '沙钢螺纹 20', code: 'rb-400e-20-sg', actor, at } })
      .then([]);
  });

  it('refuses an alias already mapped elsewhere, to an unknown code, or hiding a standard name', () => {
    spec
      .given(catalogueEvents)
      .when({ type: 'MapClientAlias', data: { client: 'SC-0001', alias: '沙钢螺纹20', code: 'rb-400e-25-sg', actor, at } })
      .thenRefusedWith('ALIAS_ALREADY_MAPPED', { code: 'rb-400e-20-sg' });
    spec
      .given(catalogueEvents)
      .when({ type: 'MapClientAlias', data: { client: 'SC-0001', alias: 'x', code: 'nope', actor, at } })
      .thenRefusedWith('UNKNOWN_COMMODITY');
    spec
      .given(catalogueEvents)
      .when({ type: 'MapClientAlias', data: { client: 'SC-0001', alias: '螺纹钢 HRB400E Φ25 沙钢', code: 'rb-400e-20-sg', actor, at } })
      .thenRefusedWith('ALIAS_SHADOWS_STANDARD_NAME', { code: 'rb-400e-25-sg' });
  });

  it('unmaps an alias, and refuses to unmap one that is not there', () => {
    spec
      .given(catalogueEvents)
      .when({ type: 'UnmapClientAlias', data: { client: 'SC-0001', alias: '沙钢螺纹20', actor, at } })
      .then([{ type: 'ClientAliasUnmapped', data: { client: 'SC-0001', alias: '沙钢螺纹20', code: 'rb-400e-20-sg', actor, at } }]);
    spec
      .given(catalogueEvents)
      .when({ type: 'UnmapClientAlias', data: { client: 'SC-0002', alias: '沙钢螺纹20', actor, at } })
      .thenRefusedWith('ALIAS_NOT_MAPPED');
  });
});

describe('commodity weight tolerance versions', () => {
  const manager = 'warehouse-manager';
  // `at` is 2025-03-03T01:00:00Z, 09:00 in Shanghai: today is 2025-03-03
  const publish = (effectiveFrom: string, toleranceBps: number, code = rebar20Shagang.code, when = at): CommodityCatalogueCommand => ({
    type: 'PublishWeightTolerance',
    data: { code, effectiveFrom, toleranceBps, actor: manager, at: when },
  });

  it('publishes a commodity’s tolerance as dated versions, each effective no earlier than today and after the last', () => {
    spec
      .given([registered(rebar20Shagang)])
      .when(publish('2025-03-03', 30))
      .then([tolerancePublished(rebar20Shagang.code, 30, '2025-03-03', 1)]);
    spec
      .given([registered(rebar20Shagang), tolerancePublished(rebar20Shagang.code, 30, '2025-03-03', 1)])
      .when(publish('2025-04-01', 50))
      .then([tolerancePublished(rebar20Shagang.code, 50, '2025-04-01', 2)]);
    // 2025-03-02 is yesterday in Shanghai; a version may not reach back into it
    spec
      .given([registered(rebar20Shagang)])
      .when(publish('2025-03-02', 30))
      .thenRefusedWith('RULE_EFFECTIVE_DATE_IN_PAST', { today: '2025-03-03' });
    // 2025-03-02T17:00Z is already 2025-03-03 01:00 in Shanghai, so 2025-03-02 is in the past there too
    spec
      .given([registered(rebar20Shagang)])
      .when(publish('2025-03-02', 30, rebar20Shagang.code, '2025-03-02T17:00:00Z'))
      .thenRefusedWith('RULE_EFFECTIVE_DATE_IN_PAST');
    spec
      .given([registered(rebar20Shagang), tolerancePublished(rebar20Shagang.code, 30, '2025-04-01', 1)])
      .when(publish('2025-04-01', 50))
      .thenRefusedWith('RULE_EFFECTIVE_DATE_NOT_AFTER_LATEST', { latestVersion: 1 });
    spec.given([]).when(publish('2025-03-03', 30)).thenRefusedWith('UNKNOWN_COMMODITY');
    spec
      .given([registered(rebar20Shagang)])
      .when(publish('2025-03-03', 10_001))
      .thenRefusedWith('TOLERANCE_INVALID');
    spec
      .given([registered(rebar20Shagang)])
      .when(publish('3 March', 30))
      .thenRefusedWith('INVALID_DATE');
  });

  it('gives the version in force on a day, and refuses a day no version covers', () => {
    const versions = foldEvents(commodityCatalogueDecider, [
      registered(rebar20Shagang),
      tolerancePublished(rebar20Shagang.code, 30, '2025-03-03', 1),
      tolerancePublished(rebar20Shagang.code, 50, '2025-04-01', 2),
    ]).tolerances[rebar20Shagang.code];
    const on = (date: string) => toleranceInForceOn(versions, rebar20Shagang.code, date as LocalDate).toleranceBps;
    // version 1 from 2025-03-03 through 2025-03-31, version 2 from 2025-04-01
    expect([on('2025-03-03'), on('2025-03-31'), on('2025-04-01'), on('2026-01-01')]).toEqual([30, 30, 50, 50]);
    expect(refusalOf(() => on('2025-03-02'))).toMatchObject({
      code: 'NO_WEIGHT_TOLERANCE_IN_FORCE',
      details: { code: rebar20Shagang.code, date: '2025-03-02' },
    });
    expect(refusalOf(() => toleranceInForceOn(undefined, 'cu-cathode-jx', '2025-03-03' as LocalDate))).toMatchObject({ code: 'NO_WEIGHT_TOLERANCE_IN_FORCE' });
  });
});
