import { type Command, type Decider, type DomainEvent, type LocalDate, localDate, requireInstant, requirePositiveInteger, unhandledCommand } from '@dw/kernel';
import type { Actor } from '../../../common/domain/actor';
import { requireCommodityCode, requireContractCode } from './market';

/** One contract's settlement price of a commodity on one trading day, as billing published it. */
export interface ReferencePrice {
  readonly commodity: string;
  readonly tradingDay: LocalDate;
  readonly contract: string;
  /** Whole fen per tonne. */
  readonly fenPerTonne: number;
  /** The exchange named this contract the nearest month listed that day. */
  readonly nearestMonth: boolean;
}

export type RecordReferencePrice = Command<
  'RecordReferencePrice',
  Omit<ReferencePrice, 'tradingDay'> & { readonly tradingDay: string; readonly publishedAt: string; readonly actor: Actor; readonly at: string }
>;
export type ReferencePriceCommand = RecordReferencePrice;

export type ReferencePriceRecorded = DomainEvent<
  'ReferencePriceRecorded',
  ReferencePrice & { readonly publishedAt: string; readonly actor: Actor; readonly at: string }
>;
export type ReferencePriceEvent = ReferencePriceRecorded;

/** One stream per commodity and trading day (`reference-prices-<commodity>-<day>`): that day's prices by contract. */
export interface ReferencePricesState {
  readonly byContract: Readonly<Record<string, ReferencePrice>>;
}

/**
 * The platform's copy of the exchange's settlement prices (billing.settlement-price.v1). Taken
 * once per (commodity, trading day, contract): the same price again records nothing, so a
 * redelivered or republished message changes nothing; another price for the same key is the
 * exchange's correction and replaces it.
 */
function recordReferencePrice(command: RecordReferencePrice, state: ReferencePricesState): ReferencePriceEvent[] {
  // rule TRADE-REFERENCE-PRICE-ONCE
  const { actor, at, nearestMonth } = command.data;
  const commodity = requireCommodityCode(command.data.commodity);
  const tradingDay = localDate(command.data.tradingDay, 'tradingDay');
  const contract = requireContractCode(command.data.contract, 'contract');
  const fenPerTonne = requirePositiveInteger(command.data.fenPerTonne, 'fenPerTonne');
  const publishedAt = requireInstant(command.data.publishedAt, 'publishedAt');
  const known = state.byContract[contract];
  if (known && known.fenPerTonne === fenPerTonne && known.nearestMonth === nearestMonth) return [];
  return [{ type: 'ReferencePriceRecorded', data: { commodity, tradingDay, contract, fenPerTonne, nearestMonth, publishedAt, actor, at } }];
}

export const referencePricesDecider: Decider<ReferencePriceCommand, ReferencePricesState, ReferencePriceEvent> = {
  initialState: () => ({ byContract: {} }),

  evolve(state, event) {
    const { commodity, tradingDay, contract, fenPerTonne, nearestMonth } = event.data;
    return { byContract: { ...state.byContract, [contract]: { commodity, tradingDay, contract, fenPerTonne, nearestMonth } } };
  },

  decide(command, state) {
    requireInstant(command.data.at, 'at');
    switch (command.type) {
      case 'RecordReferencePrice':
        return recordReferencePrice(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};
