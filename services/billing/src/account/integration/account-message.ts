import { type Clock, fenFromBigInt, requireText } from '@dw/kernel';
import { deadLetteringRefusals, type InboxContext } from '@dw/platform';
import type { AccountCommand, AccountActor } from '../domain/account.commands';
import { decideOnAccount } from '../commands/decide-on-account';
import type { AccountOutbox } from './account-outbox';

/** A whole number of fen from a contract's int64, refused (dead-lettered) beyond the safe range. */
export const fenOf = (value: bigint, field: string): number => fenFromBigInt(value, field);

/**
 * Applies one message from another part of billing to the party's account, in the inbox row's
 * transaction (taken once). A message the account refuses (a reversal of a fee never charged, a
 * bank answer to a withdrawal not sent) is a fault between the parts: dead-lettered with its code.
 */
export async function applyToAccount(
  ctx: InboxContext,
  outbox: AccountOutbox,
  clock: Clock,
  partyId: string,
  command: (stamp: { actor: AccountActor; at: string }) => AccountCommand,
): Promise<void> {
  const metadata = ctx.causedMetadata();
  const actor: AccountActor = { subject: metadata.actor.subject, role: 'system' };
  await deadLetteringRefusals(`account ${partyId}`, async () => {
    await decideOnAccount(ctx.store, outbox, requireText(partyId, 'party_id'), command({ actor, at: clock.now().toISOString() }), metadata);
  });
}
