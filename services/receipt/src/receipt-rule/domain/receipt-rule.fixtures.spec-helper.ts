import { AppliedRule, ReceiptRuleTerms } from './receipt-rule.terms';
import { LocalDate, localDate } from '@dw/kernel';

/**
 * Rule data used by the receipt specs. Illustrative figures, not an exchange's published ones:
 * rebar's 300 t unit with ±3%, the public validity rules (warehouse 90 days from production,
 * factory 6 months from issue) and the factory 10-consecutive-day production span (docs/rules.md).
 */
export const warehouseRebarTerms: ReceiptRuleTerms = {
  receiptKind: 'warehouse',
  unitKg: 300_000,
  unitToleranceBp: 300,
  validity: { basis: 'production-date', days: 90 },
  maxProductionSpanDays: null,
};

/**
 * Rebar as a warehouse receipt in 1 t units with no tolerance: any set of whole-tonne lots makes
 * a valid receipt, which keeps the weights of the service-level specs readable.
 */
export const tonneRebarTerms: ReceiptRuleTerms = { ...warehouseRebarTerms, unitKg: 1_000, unitToleranceBp: 0 };

export const factoryRebarTerms: ReceiptRuleTerms = {
  receiptKind: 'factory',
  unitKg: 300_000,
  unitToleranceBp: 300,
  validity: { basis: 'issue-date', months: 6 },
  maxProductionSpanDays: 10,
};

export const d = (text: string): LocalDate => localDate(text);

export const rebarRuleV1: AppliedRule = { commodity: 'rebar', version: 1, effectiveFrom: d('2026-01-01'), terms: warehouseRebarTerms };
