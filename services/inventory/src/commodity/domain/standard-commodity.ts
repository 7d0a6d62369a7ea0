import { refuse, requireText } from '@dw/kernel';

/**
 * A commodity as the warehouse names it (货品命名规范化: product name, specification, model,
 * material; plus the brand and grade the exchange delivers by). One entry is one stock keeping
 * unit: workflows may differ per SKU (rule ORD-WORKFLOW-SELECTION), so work orders and workflows
 * name its code.
 * Model, material and grade are '' where a commodity has none.
 */
export interface StandardCommodity {
  readonly code: string;
  readonly product: string;
  readonly specification: string;
  readonly model: string;
  readonly material: string;
  readonly brand: string;
  readonly grade: string;
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The standard name clients are offered: the non-empty parts in a fixed order, space-separated. */
export function standardNameOf(commodity: StandardCommodity): string {
  return [commodity.product, commodity.specification, commodity.model, commodity.material, commodity.brand, commodity.grade]
    .filter((part) => part !== '')
    .join(' ');
}

export function validateStandardCommodity(commodity: StandardCommodity): StandardCommodity {
  // rule INV-STANDARD-NAME-UNIQUE
  if (!commodity || typeof commodity !== 'object') throw refuse.invalid('FIELD_REQUIRED', 'commodity is required', 'commodity');
  if (typeof commodity.code !== 'string' || !CODE_PATTERN.test(commodity.code)) {
    throw refuse.invalid(
      'COMMODITY_CODE_INVALID',
      `a commodity code is 1-40 letters, digits, '.', '_' or '-', got ${JSON.stringify(commodity.code)}`,
      'commodity.code',
      { code: commodity.code },
    );
  }
  // Master data is kept in canonical form: half-width (NFKC) with single spaces; an absent or
  // blank optional part is ''.
  const canonical = (value: string) => value.normalize('NFKC').replace(/\s+/gu, ' ');
  const required = (value: string, field: string) => canonical(requireText(value, field));
  const optional = (value: string | undefined) => (typeof value === 'string' ? canonical(value).trim() : '');
  return {
    code: commodity.code,
    product: required(commodity.product, 'commodity.product'),
    specification: required(commodity.specification, 'commodity.specification'),
    model: optional(commodity.model),
    material: optional(commodity.material),
    brand: required(commodity.brand, 'commodity.brand'),
    grade: optional(commodity.grade),
  };
}
