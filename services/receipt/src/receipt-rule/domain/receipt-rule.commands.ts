import { Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { ReceiptRuleTerms } from './receipt-rule.terms';

/** `effectiveFrom` is a Shanghai date 'YYYY-MM-DD' as entered; the decider validates it. */
export type PublishReceiptRuleVersion = Command<
  'PublishReceiptRuleVersion',
  { readonly commodity: string; readonly effectiveFrom: string; readonly terms: ReceiptRuleTerms; readonly actor: Actor; readonly at: string }
>;

export type ReceiptRuleCommand = PublishReceiptRuleVersion;
