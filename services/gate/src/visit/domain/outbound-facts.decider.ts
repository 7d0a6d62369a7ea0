import type { Command, Decider, DomainEvent } from '@dw/kernel';
import { unhandledCommand } from '@dw/kernel';

/**
 * What the gate learns from receipt and inventory for the exit release, one stream each: an
 * entitlement granted (its lots) and exhausted; a lot's freeze holds placed and released. Each is
 * learnt once (the inbox drops repeats; the stream drops a fact it already has).
 */
export type LearnGrant = Command<'LearnGrant', { readonly entitlementId: string; readonly lotIds: readonly string[]; readonly at: string }>;
export type LearnExhaustion = Command<'LearnExhaustion', { readonly entitlementId: string; readonly at: string }>;
export type EntitlementCommand = LearnGrant | LearnExhaustion;

export type EntitlementGrantLearnt = DomainEvent<'EntitlementGrantLearnt', LearnGrant['data']>;
export type EntitlementExhaustionLearnt = DomainEvent<'EntitlementExhaustionLearnt', LearnExhaustion['data']>;
export type EntitlementEvent = EntitlementGrantLearnt | EntitlementExhaustionLearnt;

export interface EntitlementState {
  /** The lots of a granted entitlement; null when no grant was learnt. */
  readonly lotIds: readonly string[] | null;
  /** Every lot has left: the entitlement is spent (its last load may still be on a vehicle leaving). */
  readonly exhausted: boolean;
}

export const entitlementDecider: Decider<EntitlementCommand, EntitlementState, EntitlementEvent> = {
  initialState: () => ({ lotIds: null, exhausted: false }),
  evolve: (state, event) => (event.type === 'EntitlementGrantLearnt' ? { ...state, lotIds: event.data.lotIds } : { ...state, exhausted: true }),
  decide(command, state) {
    switch (command.type) {
      case 'LearnGrant':
        return state.lotIds === null ? [{ type: 'EntitlementGrantLearnt', data: command.data }] : [];
      case 'LearnExhaustion':
        return state.exhausted ? [] : [{ type: 'EntitlementExhaustionLearnt', data: command.data }];
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

export type LearnFreeze = Command<'LearnFreeze', { readonly lotId: string; readonly holdId: string; readonly placed: boolean; readonly at: string }>;
export type LotFreezeLearnt = DomainEvent<'LotFreezeLearnt', LearnFreeze['data']>;

export interface LotHoldsState {
  /** Freeze holds placed and not released. */
  readonly freezes: readonly string[];
  readonly released: readonly string[];
}

export const lotHoldsDecider: Decider<LearnFreeze, LotHoldsState, LotFreezeLearnt> = {
  initialState: () => ({ freezes: [], released: [] }),
  evolve: (state, event) =>
    event.data.placed
      ? { ...state, freezes: [...state.freezes, event.data.holdId] }
      : { freezes: state.freezes.filter((id) => id !== event.data.holdId), released: [...state.released, event.data.holdId] },
  decide(command, state) {
    const { holdId, placed } = command.data;
    // A release can come before its placing only by a replay; a hold released once never freezes again.
    if (state.released.includes(holdId) || (placed && state.freezes.includes(holdId))) return [];
    return [{ type: 'LotFreezeLearnt', data: command.data }];
  },
};
