import { DomainEvent, LocalDate } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { RateCardTerms } from './rate-card.terms';

/** A rate card version as published: `partyId` null is the warehouse's default, else the depositor's contract. */
export interface RateCardVersion {
  readonly partyId: string | null;
  readonly version: number;
  readonly effectiveFrom: LocalDate;
  readonly terms: RateCardTerms;
}

export type RateCardVersionPublished = DomainEvent<'RateCardVersionPublished', RateCardVersion & { readonly actor: Actor; readonly at: string }>;

export type RateCardEvent = RateCardVersionPublished;
