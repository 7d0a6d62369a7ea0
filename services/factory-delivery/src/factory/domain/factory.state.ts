import { type LocalDate, refuse, shanghaiDateOf } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import { type FactoryTerms, termsInForce } from './factory-terms';
import type { Guarantee } from './factory.events';

export type IssuanceStatus = 'pending' | 'approved' | 'rejected';

export interface IssuanceApplication {
  readonly tonnes: number;
  readonly status: IssuanceStatus;
  readonly decisionDue: LocalDate;
  readonly overdueRaised: boolean;
}

/** An adjustment the exchange demanded and the factory has not yet met with a large enough guarantee. */
export interface AdjustmentDemand {
  readonly requiredFen: number;
  readonly deadline: LocalDate;
}

/** One factory: null `commodity` until the exchange approves it. */
export interface FactoryState {
  readonly name: string | null;
  readonly commodity: string | null;
  readonly versions: readonly FactoryTerms[];
  readonly guarantee: Guarantee | null;
  readonly demand: AdjustmentDemand | null;
  readonly reductionRequestedFen: number | null;
  readonly applications: Readonly<Record<string, IssuanceApplication>>;
  /** Approved and not cancelled, in tonnes (cancellations come with the receipt registry slice). */
  readonly issuedTonnes: number;
}

/** The Shanghai business day of a command's instant. */
export const todayOf = (at: string): LocalDate => shanghaiDateOf(new Date(at), 'at');

/**
 * The factory as the actor may see it: approved, and, for a factory's own system, its own (another
 * factory's answers exactly as a factory that does not exist).
 */
export function requireFactory(state: FactoryState, factoryId: string, actor: Actor): { commodity: string; versions: readonly FactoryTerms[] } {
  // rule FD-FACTORY-OWN
  if (state.commodity === null || (actor.role === 'factory' && actor.subject !== factoryId)) {
    throw refuse.notFound('FACTORY_NOT_FOUND', `no factory warehouse ${factoryId}`);
  }
  return { commodity: state.commodity, versions: state.versions };
}

/** The terms in force today: a factory is approved with terms from today or later, so none may be in force yet. */
export function requireTermsInForce(versions: readonly FactoryTerms[], today: LocalDate): FactoryTerms {
  const terms = termsInForce(versions, today);
  if (terms === null) {
    throw refuse.conflict('FACTORY_TERMS_NOT_IN_FORCE', `the factory's first terms take effect on ${versions[0]?.effectiveFrom ?? 'a later day'}`, {
      effectiveFrom: versions[0]?.effectiveFrom ?? null,
    });
  }
  return terms;
}
