import { LocalDate, refuse } from '@dw/kernel';

/**
 * How long a receipt stays good for delivery: warehouse rebar receipts 90 days from the
 * production date; factory receipts 6 months from the day they are issued (rules
 * RCPT-VALIDITY-WAREHOUSE-90D, RCPT-VALIDITY-FACTORY-6M).
 */
export type ValidityRule = { readonly basis: 'production-date'; readonly days: number } | { readonly basis: 'issue-date'; readonly months: number };

/** One commodity's receipt rules, as data (a version of them; see receipt-rule.decider). */
export interface ReceiptRuleTerms {
  readonly receiptKind: 'warehouse' | 'factory';
  /** Kilograms per delivery unit, e.g. rebar 300 t = 300 000 kg. */
  readonly unitKg: number;
  /** Allowed deviation of a receipt's weight from its whole units, in basis points (300 = ±3%). */
  readonly unitToleranceBp: number;
  readonly validity: ValidityRule;
  /** Most consecutive calendar days the production dates on one receipt may span (rebar factory: 10); null = no limit. */
  readonly maxProductionSpanDays: number | null;
}

/** The version of a commodity's rules a receipt was issued under; receipts carry it for life. */
export interface AppliedRule {
  readonly commodity: string;
  readonly version: number;
  readonly effectiveFrom: LocalDate;
  readonly terms: ReceiptRuleTerms;
}

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

/** Refuses rule data a receipt could not be judged by. */
export function assertRuleTerms(terms: ReceiptRuleTerms): ReceiptRuleTerms {
  // rule RCPT-RULE-TERMS-VALID
  if (terms.receiptKind !== 'warehouse' && terms.receiptKind !== 'factory') {
    throw refuse.invalid('INVALID_RECEIPT_KIND', 'receiptKind must be warehouse or factory', 'terms.receiptKind', { value: terms.receiptKind });
  }
  if (!isWhole(terms.unitKg, 1, Number.MAX_SAFE_INTEGER)) {
    throw refuse.invalid('INVALID_RECEIPT_UNIT', 'unitKg must be a whole number of kilograms, at least 1', 'terms.unitKg', { value: terms.unitKg });
  }
  // Below 100%: a tolerance of 100% would let an empty receipt pass as one unit.
  if (!isWhole(terms.unitToleranceBp, 0, 9_999)) {
    throw refuse.invalid('INVALID_UNIT_TOLERANCE', 'unitToleranceBp must be whole basis points from 0 to 9999', 'terms.unitToleranceBp', {
      value: terms.unitToleranceBp,
    });
  }
  const validity = terms.validity;
  const validityOk =
    (validity?.basis === 'production-date' && isWhole(validity.days, 1, 3_650)) || (validity?.basis === 'issue-date' && isWhole(validity.months, 1, 120));
  if (!validityOk) {
    throw refuse.invalid(
      'INVALID_VALIDITY_RULE',
      'validity must be {basis: production-date, days 1..3650} or {basis: issue-date, months 1..120}',
      'terms.validity',
      { value: validity },
    );
  }
  if (terms.maxProductionSpanDays !== null && !isWhole(terms.maxProductionSpanDays, 1, 3_650)) {
    throw refuse.invalid('INVALID_PRODUCTION_SPAN', 'maxProductionSpanDays must be null or whole days from 1 to 3650', 'terms.maxProductionSpanDays', {
      value: terms.maxProductionSpanDays,
    });
  }
  return terms;
}

/**
 * Checks a rule snapshot a handler passed in: it must be for this commodity and already in
 * force on `date` (the handler picks the version with ruleInForceOn).
 */
export function requireRuleInForce(rule: AppliedRule, commodity: string, date: LocalDate): AppliedRule {
  // rule RCPT-RULE-IN-FORCE
  if (rule.commodity !== commodity) {
    throw refuse.invalid('RULE_COMMODITY_MISMATCH', `the rules given are for ${rule.commodity}, not ${commodity}`, 'rule', {
      ruleCommodity: rule.commodity,
      commodity,
    });
  }
  if (rule.effectiveFrom > date) {
    throw refuse.invalid('RULE_NOT_IN_FORCE', `rule version ${rule.version} takes effect on ${rule.effectiveFrom}, after ${date}`, 'rule', {
      version: rule.version,
      effectiveFrom: rule.effectiveFrom,
      date,
    });
  }
  return rule;
}
