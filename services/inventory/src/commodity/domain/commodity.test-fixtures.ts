import { foldEvents, type LocalDate } from '@dw/kernel';
import { CommodityCatalogueEvent } from './commodity-catalogue.events';
import { commodityCatalogueDecider } from './commodity-catalogue.decider';
import { StandardCommodity, standardNameOf } from './standard-commodity';

export const at = '2025-03-03T01:00:00Z';
export const actor = 'master-data-clerk';

const sku = (code: string, product: string, specification: string, brand: string, grade = ''): StandardCommodity => ({
  code,
  product,
  specification,
  model: '',
  material: '',
  brand,
  grade,
});

export const rebar20Shagang = sku('rb-400e-20-sg', '螺纹钢', 'HRB400E Φ20', '沙钢');
export const rebar25Shagang = sku('rb-400e-25-sg', '螺纹钢', 'HRB400E Φ25', '沙钢');
export const rebar20Yonggang = sku('rb-400e-20-yg', '螺纹钢', 'HRB400E Φ20', '永钢');
export const wireRod = sku('wr-300-6.5-sg', '线材', 'HPB300 Φ6.5', '沙钢');
export const copper = sku('cu-cathode-jx', '阴极铜', 'Cu-CATH-1', '江铜', 'A级');

export const registered = (commodity: StandardCommodity): CommodityCatalogueEvent => ({
  type: 'CommodityRegistered',
  data: { commodity, standardName: standardNameOf(commodity), actor, at },
});

/** A manager published `code`'s inbound weight tolerance, effective from `effectiveFrom`. */
export const tolerancePublished = (code: string, toleranceBps: number, effectiveFrom = '2025-03-03', version = 1): CommodityCatalogueEvent => ({
  type: 'WeightToleranceVersionPublished',
  data: { code, version, effectiveFrom: effectiveFrom as LocalDate, toleranceBps, actor: 'warehouse-manager', at },
});

export const catalogueEvents: CommodityCatalogueEvent[] = [
  ...[rebar20Shagang, rebar25Shagang, rebar20Yonggang, wireRod, copper].map(registered),
  { type: 'ClientAliasMapped', data: { client: 'SC-0001', alias: '沙钢螺纹20', code: 'rb-400e-20-sg', actor, at } },
];

export const catalogue = foldEvents(commodityCatalogueDecider, catalogueEvents);
