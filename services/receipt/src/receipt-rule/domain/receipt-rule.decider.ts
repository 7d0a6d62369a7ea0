import { Decider, LocalDate, localDate, refuse, requireText } from '@dw/kernel';
import { requireRole } from '../../common/domain/actor';
import { businessDateOf } from '../../common/domain/instant';
import { ReceiptRuleCommand } from './receipt-rule.commands';
import { ReceiptRuleEvent } from './receipt-rule.events';
import { AppliedRule, assertRuleTerms } from './receipt-rule.terms';

/**
 * One stream per commodity holding its receipt rules as dated versions. A version is never
 * edited: a change is a new version effective from a later date, so every receipt stays judged
 * by the rules in force on its issue date, and no published rule changes retroactively (a new
 * version cannot take effect before today, Shanghai time).
 */
export interface ReceiptRuleState {
  readonly commodity: string | null;
  /** Ascending by effectiveFrom (and so by version). */
  readonly versions: readonly AppliedRule[];
}

export const receiptRuleDecider: Decider<ReceiptRuleCommand, ReceiptRuleState, ReceiptRuleEvent> = {
  initialState: () => ({ commodity: null, versions: [] }),

  evolve(state, event) {
    const { commodity, version, effectiveFrom, terms } = event.data;
    return { commodity, versions: [...state.versions, { commodity, version, effectiveFrom, terms }] };
  },

  decide(command, state) {
    // rule RCPT-RULE-VERSIONS-FORWARD
    const { actor, at } = command.data;
    requireRole(actor, ['manager'], 'publish receipt rules');
    const today = businessDateOf(at);
    const commodity = requireText(command.data.commodity, 'commodity');
    if (state.commodity !== null && state.commodity !== commodity) {
      throw refuse.invalid('RULE_COMMODITY_MISMATCH', `these rules are for ${state.commodity}, not ${commodity}`, 'commodity', {
        expected: state.commodity,
      });
    }
    const effectiveFrom = localDate(command.data.effectiveFrom, 'effectiveFrom');
    const terms = assertRuleTerms(command.data.terms);
    if (effectiveFrom < today) {
      throw refuse.invalid('RULE_EFFECTIVE_DATE_IN_PAST', `a rule version cannot take effect before today (${today})`, 'effectiveFrom', {
        effectiveFrom,
        today,
      });
    }
    const latest = state.versions.at(-1);
    if (latest && effectiveFrom <= latest.effectiveFrom) {
      throw refuse.conflict('RULE_EFFECTIVE_DATE_NOT_AFTER_LATEST', `version ${latest.version} already takes effect on ${latest.effectiveFrom}`, {
        effectiveFrom,
        latestVersion: latest.version,
        latestEffectiveFrom: latest.effectiveFrom,
      });
    }
    const version = state.versions.length + 1;
    return [{ type: 'ReceiptRuleVersionPublished', data: { commodity, version, effectiveFrom, terms, actor, at } }];
  },
};

/** The version in force on `date`: the latest one whose effectiveFrom is on or before it. */
export function ruleInForceOn(state: ReceiptRuleState, date: LocalDate): AppliedRule {
  // rule RCPT-RULE-IN-FORCE
  const inForce = state.versions.filter((version) => version.effectiveFrom <= date).at(-1);
  if (!inForce) {
    throw refuse.notFound('NO_RECEIPT_RULE_IN_FORCE', `no receipt rules for ${state.commodity ?? 'this commodity'} are in force on ${date}`, {
      commodity: state.commodity,
      date,
    });
  }
  return inForce;
}
