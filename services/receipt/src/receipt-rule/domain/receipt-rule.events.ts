import { DomainEvent, LocalDate } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { ReceiptRuleTerms } from './receipt-rule.terms';

export type ReceiptRuleVersionPublished = DomainEvent<
  'ReceiptRuleVersionPublished',
  {
    readonly commodity: string;
    readonly version: number;
    readonly effectiveFrom: LocalDate;
    readonly terms: ReceiptRuleTerms;
    readonly actor: Actor;
    readonly at: string;
  }
>;

export type ReceiptRuleEvent = ReceiptRuleVersionPublished;
