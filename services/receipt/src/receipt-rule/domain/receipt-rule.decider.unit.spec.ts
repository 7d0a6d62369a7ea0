import { deciderSpec, refusalOf } from '@dw/testing';
import { foldEvents } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { PublishReceiptRuleVersion } from './receipt-rule.commands';
import { receiptRuleDecider, ruleInForceOn } from './receipt-rule.decider';
import { ReceiptRuleEvent } from './receipt-rule.events';
import { d, factoryRebarTerms, warehouseRebarTerms } from './receipt-rule.fixtures.spec-helper';
import { ReceiptRuleTerms } from './receipt-rule.terms';

const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const at = '2026-03-02T02:00:00Z'; // 10:00 on 2026-03-02 in Shanghai

const publish = (effectiveFrom: string, terms: ReceiptRuleTerms = warehouseRebarTerms, overrides: Partial<PublishReceiptRuleVersion['data']> = {}) => ({
  type: 'PublishReceiptRuleVersion' as const,
  data: { commodity: 'rebar', effectiveFrom, terms, actor: manager, at, ...overrides },
});
const published = (version: number, effectiveFrom: string, terms: ReceiptRuleTerms = warehouseRebarTerms): ReceiptRuleEvent => ({
  type: 'ReceiptRuleVersionPublished',
  data: { commodity: 'rebar', version, effectiveFrom: d(effectiveFrom), terms, actor: manager, at },
});

const spec = deciderSpec(receiptRuleDecider);

describe('receipt rule decider', () => {
  it('publishes the first version effective today and later versions after it', () => {
    spec
      .given([])
      .when(publish('2026-03-02'))
      .then([published(1, '2026-03-02')]);
    spec
      .given([published(1, '2026-03-02')])
      .when(publish('2026-04-01', factoryRebarTerms))
      .then([published(2, '2026-04-01', factoryRebarTerms)]);
  });

  it('refuses a version taking effect before today in Shanghai, even when it is still that day in UTC', () => {
    // 2026-03-01T16:30Z is already 00:30 on 2026-03-02 in Shanghai, so 2026-03-01 is in the past.
    spec
      .given([])
      .when(publish('2026-03-01', warehouseRebarTerms, { at: '2026-03-01T16:30:00Z' }))
      .thenRefusedWith('RULE_EFFECTIVE_DATE_IN_PAST', { today: '2026-03-02' });
  });

  it('refuses a version not after the latest one', () => {
    spec
      .given([published(1, '2026-04-01')])
      .when(publish('2026-04-01'))
      .thenRefusedWith('RULE_EFFECTIVE_DATE_NOT_AFTER_LATEST', { latestVersion: 1 });
  });

  it('refuses rules for another commodity in this commodity’s stream', () => {
    spec
      .given([published(1, '2026-03-02')])
      .when(publish('2026-05-01', warehouseRebarTerms, { commodity: 'wire rod' }))
      .thenRefusedWith('RULE_COMMODITY_MISMATCH');
  });

  it('only a manager publishes rules', () => {
    spec
      .given([])
      .when(publish('2026-03-02', warehouseRebarTerms, { actor: { subject: 'c', role: 'clerk' } }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it.each([
    [{ ...warehouseRebarTerms, unitKg: 0 }, 'INVALID_RECEIPT_UNIT', 'terms.unitKg'],
    [{ ...warehouseRebarTerms, unitKg: 300.5 }, 'INVALID_RECEIPT_UNIT', 'terms.unitKg'],
    [{ ...warehouseRebarTerms, unitToleranceBp: 10_000 }, 'INVALID_UNIT_TOLERANCE', 'terms.unitToleranceBp'],
    [{ ...warehouseRebarTerms, unitToleranceBp: -1 }, 'INVALID_UNIT_TOLERANCE', 'terms.unitToleranceBp'],
    [{ ...warehouseRebarTerms, validity: { basis: 'production-date', days: 0 } }, 'INVALID_VALIDITY_RULE', 'terms.validity'],
    [{ ...warehouseRebarTerms, validity: { basis: 'issue-date', months: 2.5 } }, 'INVALID_VALIDITY_RULE', 'terms.validity'],
    [{ ...warehouseRebarTerms, validity: { basis: 'forever', days: 1 } }, 'INVALID_VALIDITY_RULE', 'terms.validity'],
    [{ ...warehouseRebarTerms, maxProductionSpanDays: 0 }, 'INVALID_PRODUCTION_SPAN', 'terms.maxProductionSpanDays'],
    [{ ...warehouseRebarTerms, receiptKind: 'bonded' }, 'INVALID_RECEIPT_KIND', 'terms.receiptKind'],
  ])('refuses bad rule data %#: %s', (terms, code, field) => {
    const error = refusalOf(() => receiptRuleDecider.decide(publish('2026-03-02', terms as ReceiptRuleTerms), receiptRuleDecider.initialState()));
    expect([error.code, error.field]).toEqual([code, field]);
  });

  it('refuses an impossible effective date', () => {
    spec.given([]).when(publish('2026-02-30')).thenRefusedWith('INVALID_DATE');
  });

  describe('the rule in force on a date', () => {
    const state = foldEvents(receiptRuleDecider, [published(1, '2026-03-02'), published(2, '2026-04-01', factoryRebarTerms)]);

    it('is the latest version effective on or before that date', () => {
      expect(ruleInForceOn(state, d('2026-03-31')).version).toBe(1);
      expect(ruleInForceOn(state, d('2026-04-01')).version).toBe(2);
      expect(ruleInForceOn(state, d('2026-12-31')).terms).toEqual(factoryRebarTerms);
    });

    it('does not exist before the first version', () => {
      const error = refusalOf(() => ruleInForceOn(state, d('2026-03-01')));
      expect([error.code, error.kind]).toEqual(['NO_RECEIPT_RULE_IN_FORCE', 'not_found']);
    });
  });
});
