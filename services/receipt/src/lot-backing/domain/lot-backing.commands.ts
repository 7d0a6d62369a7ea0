import { Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { LotFactsInput } from './lot-facts';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/**
 * From the inventory service's LotBecameAvailable (system actor). The other commands are steps
 * of this service's own flows (issuance, split, merge, cancellation), sent by their handlers in
 * the same transaction as the decision that authorised them, with that decision's actor.
 */
export type RegisterAvailableLot = Command<'RegisterAvailableLot', Stamp & { readonly lot: LotFactsInput }>;
export type ReserveLotForIssuance = Command<'ReserveLotForIssuance', Stamp & { readonly applicationId: string }>;
export type ReleaseLotReservation = Command<'ReleaseLotReservation', Stamp & { readonly applicationId: string }>;
export type AssignLotBacking = Command<'AssignLotBacking', Stamp & { readonly applicationId: string; readonly receiptNumber: string }>;
export type ReassignLotBacking = Command<'ReassignLotBacking', Stamp & { readonly fromReceiptNumber: string; readonly toReceiptNumber: string }>;
export type ReleaseLotBacking = Command<'ReleaseLotBacking', Stamp & { readonly receiptNumber: string; readonly entitledCard: string }>;

export type LotBackingCommand =
  RegisterAvailableLot | ReserveLotForIssuance | ReleaseLotReservation | AssignLotBacking | ReassignLotBacking | ReleaseLotBacking;
