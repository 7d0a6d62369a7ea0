import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  TraderApprovedSchema,
  TraderBankAccountChangedSchema,
  TraderClosedSchema,
  TraderReinstatedSchema,
  TraderSuspendedSchema,
  type TraderApproved,
  type TraderBankAccount,
  type TraderBankAccountChanged,
  type TraderClosed,
  type TraderReinstated,
  type TraderSuspended,
} from '@dw/contracts';
import { handleCommandIn } from '@dw/event-store';
import { type Clock, requireText } from '@dw/kernel';
import { CLOCK, deadLetteringRefusals, InboxContext } from '@dw/platform';
import { tradingAccountDirectoryDecider } from '../domain/trading-account-directory.decider';
import { tradingAccountDecider } from '../domain/trading-account.decider';
import type { TradingAccountCommand } from '../domain/trading-account.commands';
import type { BankSettlementAccount } from '../domain/trading-account.events';
import { tradingStreams } from '../trading-streams';

const bankAccountOf = (account: TraderBankAccount | undefined): BankSettlementAccount => ({
  accountName: account?.accountName ?? '',
  accountNumber: account?.accountNumber ?? '',
  bank: account?.bank ?? '',
});

/**
 * The market's traders (receipt.trader.v1) → trading accounts: an approved trader gets its
 * account (number = its storage card number, 第十条) with its bank settlement account (第三十条),
 * kept current by TraderBankAccountChanged; a suspended trader's takes are not paid until it is
 * reinstated; a closed trader's account is closed. A message the account refuses is a fault
 * between the services: dead-lettered with its code.
 */
@Controller()
export class KeepAccountWhenTraderChangedKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(TraderApprovedSchema.typeName)
  async approved(@Payload() event: TraderApproved, @Ctx() ctx: InboxContext): Promise<void> {
    const at = this.clock.now().toISOString();
    await this.apply(ctx, event.partyId, async (partyId) => {
      const accountNumber = requireText(event.accountNumber, 'account_number');
      await handleCommandIn(ctx.store, {
        ...tradingStreams.directory(),
        decider: tradingAccountDirectoryDecider,
        command: { type: 'RegisterTradingAccountNumber', data: { accountNumber, partyId, at } },
        metadata: ctx.causedMetadata(),
      });
      return { type: 'OpenTradingAccount', data: { partyId, accountNumber, name: event.name, bankAccount: bankAccountOf(event.bankAccount), at } };
    });
  }

  @EventPattern(TraderBankAccountChangedSchema.typeName)
  bankAccountChanged(@Payload() event: TraderBankAccountChanged, @Ctx() ctx: InboxContext): Promise<void> {
    const at = this.clock.now().toISOString();
    return this.apply(ctx, event.partyId, () => ({ type: 'ChangeTradingBankAccount', data: { bankAccount: bankAccountOf(event.bankAccount), at } }));
  }

  @EventPattern(TraderSuspendedSchema.typeName)
  suspended(@Payload() event: TraderSuspended, @Ctx() ctx: InboxContext): Promise<void> {
    const at = this.clock.now().toISOString();
    return this.apply(ctx, event.partyId, () => ({ type: 'SuspendTrading', data: { reason: event.reason, at } }));
  }

  @EventPattern(TraderReinstatedSchema.typeName)
  reinstated(@Payload() event: TraderReinstated, @Ctx() ctx: InboxContext): Promise<void> {
    const at = this.clock.now().toISOString();
    return this.apply(ctx, event.partyId, () => ({ type: 'ReinstateTrading', data: { at } }));
  }

  @EventPattern(TraderClosedSchema.typeName)
  closed(@Payload() event: TraderClosed, @Ctx() ctx: InboxContext): Promise<void> {
    const at = this.clock.now().toISOString();
    return this.apply(ctx, event.partyId, () => ({ type: 'CloseTradingAccount', data: { reason: event.reason, at } }));
  }

  private apply(ctx: InboxContext, party: string, command: (partyId: string) => TradingAccountCommand | Promise<TradingAccountCommand>): Promise<void> {
    return deadLetteringRefusals(`trading account ${party}`, async () => {
      const partyId = requireText(party, 'party_id');
      await handleCommandIn(ctx.store, {
        ...tradingStreams.account(partyId),
        decider: tradingAccountDecider,
        command: await command(partyId),
        metadata: ctx.causedMetadata(),
      });
    });
  }
}
