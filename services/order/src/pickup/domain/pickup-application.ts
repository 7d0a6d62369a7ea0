import {
  LocalDate,
  localDate,
  refuse,
  requireDistinctList,
  requireOneOf,
  requirePositiveInteger,
  requireText,
  requireMobile,
  requireResidentId,
} from '@dw/kernel';

export const PICKUP_METHODS = ['self_collect', 'warehouse_delivery'] as const;
export type PickupMethod = (typeof PICKUP_METHODS)[number];

export interface PickupPlanDay {
  readonly date: LocalDate;
  readonly kg: number;
}

export interface PickupCollector {
  readonly name: string;
  /** PRC resident ID number (GB 11643), checked. */
  readonly residentId: string;
  readonly mobile: string;
}

/**
 * What a pickup application (提货申请) says, as 指定钢材厂库交割办法 第十三条 lists it: the goods
 * and quantity, the pickup date, the method (self-collect or delivered by the warehouse), the
 * daily plan, and the collector's ID number and phone; plus the vehicles, which the gate checks.
 */
export interface PickupApplication {
  readonly quantityKg: number;
  readonly pickupDate: LocalDate;
  /** The last day of the pickup period; the daily plan's dates lie in [pickupDate, pickupUntil]. */
  readonly pickupUntil: LocalDate;
  readonly method: PickupMethod;
  readonly deliveryAddress: string | null;
  readonly dailyPlan: readonly PickupPlanDay[];
  readonly collector: PickupCollector;
  readonly vehicles: readonly string[];
}

/** What the holder sends: the quantity and the end of the period may be left out. */
export interface PickupApplicationInput {
  readonly quantityKg?: number | null;
  readonly pickupDate: string;
  readonly pickupUntil?: string | null;
  readonly method: string;
  readonly deliveryAddress?: string | null;
  readonly dailyPlan: readonly { readonly date: string; readonly kg: number }[];
  readonly collector: { readonly name: string; readonly residentId: string; readonly mobile: string };
  readonly vehicles?: readonly string[] | null;
}

// Mainland plates (GA 36): a province character, a letter for the issuing office (no I or O),
// then 5 characters (6 for new-energy vehicles); trailers end in 挂.
const PLATE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂]$/;

/**
 * Checks a pickup application against its entitlement and today (Asia/Shanghai): the quantity
 * is the entitlement's whole weight unless the holder asks for less; the pickup date is not in
 * the past; the daily plan's dates are distinct, inside the pickup period, and its kilograms sum
 * exactly to the quantity; the collector's ID number carries a right check digit; a
 * self-collection names its vehicles, a delivery its address.
 */
export function validatePickupApplication(input: PickupApplicationInput, entitlementKg: number, today: LocalDate): PickupApplication {
  // rule ORD-PICKUP-APPLICATION
  if (!input || typeof input !== 'object') throw refuse.invalid('FIELD_REQUIRED', 'the application is required', 'application');
  const quantityKg = input.quantityKg === undefined || input.quantityKg === null ? entitlementKg : requirePositiveInteger(input.quantityKg, 'quantityKg');
  if (quantityKg > entitlementKg) {
    throw refuse.invalid('PICKUP_QUANTITY_EXCEEDS_ENTITLEMENT', `${quantityKg} kg is more than the entitlement’s ${entitlementKg} kg`, 'quantityKg', {
      quantityKg,
      entitlementKg,
    });
  }
  const pickupDate = localDate(input.pickupDate, 'pickupDate');
  if (pickupDate < today) {
    throw refuse.invalid('PICKUP_DATE_PAST', `pickupDate ${pickupDate} is before today ${today} (Asia/Shanghai)`, 'pickupDate', { pickupDate, today });
  }
  const pickupUntil = input.pickupUntil === undefined || input.pickupUntil === null ? pickupDate : localDate(input.pickupUntil, 'pickupUntil');
  if (pickupUntil < pickupDate) {
    throw refuse.invalid('PICKUP_PERIOD_INVALID', `pickupUntil ${pickupUntil} is before pickupDate ${pickupDate}`, 'pickupUntil', { pickupDate, pickupUntil });
  }
  const method = requireOneOf(input.method, PICKUP_METHODS, 'method');
  return {
    quantityKg,
    pickupDate,
    pickupUntil,
    method,
    deliveryAddress: method === 'warehouse_delivery' ? requireText(input.deliveryAddress, 'deliveryAddress') : null,
    dailyPlan: validatePlan(input.dailyPlan, quantityKg, pickupDate, pickupUntil),
    collector: validateCollector(input.collector),
    // A delivery goes out on the warehouse's own transport, which the holder need not name.
    vehicles: method === 'self_collect' || (input.vehicles?.length ?? 0) > 0 ? validatePlates(input.vehicles ?? []) : [],
  };
}

function validatePlan(plan: PickupApplicationInput['dailyPlan'], quantityKg: number, from: LocalDate, until: LocalDate): PickupPlanDay[] {
  const days = Array.isArray(plan) ? plan : [];
  const dates = requireDistinctList(
    days.map((day, i) => localDate(day?.date, `dailyPlan[${i}].date`)),
    'dailyPlan',
  );
  const checked = days.map((day, i) => ({ date: dates[i]!, kg: requirePositiveInteger(day.kg, `dailyPlan[${i}].kg`) }));
  const outside = checked.findIndex((day) => day.date < from || day.date > until);
  if (outside >= 0) {
    throw refuse.invalid(
      'PICKUP_PLAN_OUTSIDE_PERIOD',
      `dailyPlan[${outside}] ${checked[outside]!.date} is outside ${from} … ${until}`,
      `dailyPlan[${outside}].date`,
      {
        date: checked[outside]!.date,
        pickupDate: from,
        pickupUntil: until,
      },
    );
  }
  const plannedKg = checked.reduce((total, day) => total + day.kg, 0);
  if (plannedKg !== quantityKg) {
    throw refuse.invalid('PICKUP_PLAN_SUM_MISMATCH', `the daily plan sums to ${plannedKg} kg, the application is for ${quantityKg} kg`, 'dailyPlan', {
      plannedKg,
      quantityKg,
    });
  }
  return [...checked].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The collector named to the factory is checked as the gate will check the person at pickup. */
function validateCollector(collector: PickupApplicationInput['collector']): PickupCollector {
  // rule ORD-PICKUP-RESIDENT-ID
  if (!collector || typeof collector !== 'object') throw refuse.invalid('FIELD_REQUIRED', 'collector is required', 'collector');
  const mobile = requireMobile(requireText(collector.mobile, 'collector.mobile'), 'collector.mobile');
  return {
    name: requireText(collector.name, 'collector.name'),
    residentId: requireResidentId(collector.residentId, 'collector.residentId'),
    mobile,
  };
}

function validatePlates(vehicles: readonly string[]): string[] {
  const plates = requireDistinctList(
    vehicles.map((plate) => (typeof plate === 'string' ? plate.trim().toUpperCase() : '')),
    'vehicles',
  );
  const bad = plates.findIndex((plate) => !PLATE.test(plate));
  if (bad >= 0) throw refuse.invalid('PLATE_NUMBER_INVALID', `vehicles[${bad}] is not a mainland plate number`, `vehicles[${bad}]`, { plate: plates[bad] });
  return plates;
}
