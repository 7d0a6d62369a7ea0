import { BusinessCalendar, Command } from '@dw/kernel';
import { RateCardLookup } from '../../fees/domain/storage-accrual';
import { LoadOutMethod } from '../../rate-card/domain/rate-card.terms';
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

/** The thing left billing's charge on `on` (cancelled, split, merged, shipped out). */
export type EndHolding = Command<'EndHolding', Pricing & { readonly on: string; readonly cause: string }>;

/** Goods of the thing left the warehouse: the holder owes the load-out fee by the pickup method (`shipmentId` names the load-out). */
export type ChargeLoadOut = Command<
  'ChargeLoadOut',
  Pricing & { readonly shipmentId: string; readonly holderPartyId: string; readonly method: LoadOutMethod; readonly weightKg: number; readonly on: string }
>;

/** A day close: charge every day of storage charged on or before `through`. */
export type CloseStorage = Command<'CloseStorage', Pricing & { readonly through: string }>;

export type HoldingCommand = OpenHolding | TransferHolding | EndHolding | ChargeLoadOut | CloseStorage;
