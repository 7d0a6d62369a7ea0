import { type LocalDate, localDate, refuse, requireDistinctList, requirePositiveInteger, requireText } from '@dw/kernel';

export const PICKUP_LOCATION_KINDS = ['home', 'non_home'] as const;
export type PickupLocationKind = (typeof PICKUP_LOCATION_KINDS)[number];

/**
 * A place holders collect at. `premiumPerTonneFen` is a premium (positive) or discount
 * (negative) over the contract price, in fen per tonne: the exchange sets it for a benchmark
 * location, the factory sets it for a non-benchmark one and the exchange publishes it.
 */
export interface PickupLocation {
  readonly locationId: string;
  readonly name: string;
  readonly kind: PickupLocationKind;
  readonly benchmark: boolean;
  readonly premiumPerTonneFen: number;
}

/** One version of a factory's terms, in force from `effectiveFrom` until the next version's date. */
export interface FactoryTerms {
  readonly effectiveFrom: LocalDate;
  /** 核定库容: the most factory receipts, in whole tonnes, issued and not yet cancelled. */
  readonly approvedCapacityTonnes: number;
  /** 日发货量: the least tonnes the factory ships per 24 h. */
  readonly dailyShippingTonnes: number;
  readonly brands: readonly string[];
  readonly grades: readonly string[];
  readonly pickupLocations: readonly PickupLocation[];
  /** What the guarantee must hold per tonne of capacity, in fen (exchange data, moved with prices). */
  readonly guaranteePerTonneFen: number;
}

export type FactoryTermsInput = Omit<FactoryTerms, 'effectiveFrom'> & { readonly effectiveFrom: string };

/**
 * Checks a version of terms as the exchange sets it: a version starts today or later (a past day
 * has been acted on already), capacity and daily shipping are whole tonnes above 0, brands and
 * grades are lists without repeats, and the pickup locations include exactly one home location.
 */
export function requireFactoryTerms(input: FactoryTermsInput, today: LocalDate): FactoryTerms {
  // rule FD-FACTORY-TERMS
  const effectiveFrom = localDate(input.effectiveFrom, 'effectiveFrom');
  if (effectiveFrom < today) {
    throw refuse.invalid('TERMS_EFFECTIVE_DATE_PAST', `terms cannot take effect on ${effectiveFrom}, before today ${today}`, 'effectiveFrom', { today });
  }
  const approvedCapacityTonnes = requirePositiveInteger(input.approvedCapacityTonnes, 'approvedCapacityTonnes');
  const dailyShippingTonnes = requirePositiveInteger(input.dailyShippingTonnes, 'dailyShippingTonnes');
  const brands = requireDistinctList(
    input.brands.map((brand) => requireText(brand, 'brands')),
    'brands',
  );
  const grades = requireDistinctList(
    input.grades.map((grade) => requireText(grade, 'grades')),
    'grades',
  );
  const guaranteePerTonneFen = requirePositiveInteger(input.guaranteePerTonneFen, 'guaranteePerTonneFen');
  const pickupLocations = input.pickupLocations.map((location) => ({
    locationId: requireText(location.locationId, 'pickupLocations.locationId'),
    name: requireText(location.name, 'pickupLocations.name'),
    kind: location.kind,
    benchmark: location.benchmark,
    premiumPerTonneFen: requireSafeInteger(location.premiumPerTonneFen, 'pickupLocations.premiumPerTonneFen'),
  }));
  requireDistinctList(
    pickupLocations.map((location) => location.locationId),
    'pickupLocations',
  );
  const homes = pickupLocations.filter((location) => location.kind === 'home').length;
  if (homes !== 1) {
    throw refuse.invalid('HOME_PICKUP_LOCATION_REQUIRED', `a factory has exactly one home pickup location, got ${homes}`, 'pickupLocations', { homes });
  }
  return { effectiveFrom, approvedCapacityTonnes, dailyShippingTonnes, brands, grades, pickupLocations, guaranteePerTonneFen };
}

/** A premium may be a discount (below 0), but always whole fen. */
function requireSafeInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) throw refuse.invalid('INVALID_INTEGER', `${field} must be a whole number of fen, got ${value}`, field, { value });
  return value;
}

/**
 * The version in force on `date`: the one with the latest `effectiveFrom` on or before it; of two
 * with the same date, the one recorded last (a correction of a scheduled version). Null before the
 * first version.
 */
export function termsInForce(versions: readonly FactoryTerms[], date: LocalDate): FactoryTerms | null {
  // rule FD-FACTORY-TERMS-IN-FORCE
  let inForce: FactoryTerms | null = null;
  for (const version of versions) {
    if (version.effectiveFrom <= date && (inForce === null || version.effectiveFrom >= inForce.effectiveFrom)) inForce = version;
  }
  return inForce;
}
