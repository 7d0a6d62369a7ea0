import { deciderSpec } from '@dw/testing';
import { commodityCatalogueDecider } from './commodity-catalogue.decider';
import { actor, at, catalogueEvents, rebar20Shagang, registered } from './commodity.test-fixtures';

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
