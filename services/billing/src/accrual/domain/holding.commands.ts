import { BusinessCalendar, Command } from '@dw/kernel';
import { RateCardLookup } from '../../fees/domain/storage-accrual';
import { LoadOutMethod } from '../../rate-card/domain/rate-card.terms';
import { SettlementPricesState } from '../../settlement-price/domain/settlement-prices.decider';
import { HeldGoods, HeldThing } from './holding.events';

/** What every command that may charge needs: the rates in force per party and day, the business calendar, the clock's instant. */
interface Pricing {
  readonly rateCardOf: RateCardLookup;
  readonly calendar: BusinessCalendar;
  readonly at: string;
}

/** A receipt was issued to its first holder, or a lot was received for its owner (`on`: the Shanghai date). */
export type OpenHolding = Command<
  'OpenHolding',
  Pricing & {
    readonly thing: HeldThing;
    readonly goods: HeldGoods;
    readonly holderPartyId: string;
    readonly on: string;
    readonly cause: string;
    readonly chargeLoadIn: boolean;
  }
>;

/** Title passed to a buyer (a receipt's transfer `transferId`). */
export type TransferHolding = Command<'TransferHolding', Pricing & { readonly transferId: string; readonly toPartyId: string; readonly on: string }>;

/**
 * Who is charged changes without a transfer fee on `on`: null when the thing leaves billing's
 * charge (a receipt cancelled, split or merged; a lot shipped out or put under a receipt), a
 * party when a lot comes back to one (its receipt cancelled: the goods are the holder's again).
 */
export type ChangeHolder = Command<'ChangeHolder', Pricing & { readonly holderPartyId: string | null; readonly on: string; readonly cause: string }>;

/**
 * Goods of the thing left the warehouse: its holder then owes the load-out fee by the pickup
 * method (`shipmentId` names the load-out), and settles the over/short (`overShortKg`, net − book)
 * at the exchange's settlement prices of the goods' commodity (`settlementPrices`).
 */
export type ChargeLoadOut = Command<
  'ChargeLoadOut',
  Pricing & {
    readonly shipmentId: string;
    readonly method: LoadOutMethod;
    readonly weightKg: number;
    readonly overShortKg: number;
    readonly settlementPrices: SettlementPricesState;
    readonly on: string;
  }
>;

/** A day close: charge every day of storage charged on or before `through`. */
export type CloseStorage = Command<'CloseStorage', Pricing & { readonly through: string }>;

export type HoldingCommand = OpenHolding | TransferHolding | ChangeHolder | ChargeLoadOut | CloseStorage;
