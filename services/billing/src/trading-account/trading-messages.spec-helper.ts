import { create } from '@bufbuild/protobuf';
import {
  LocalDateSchema,
  receiptTraderTopic,
  receiptTradingTopic,
  TakeReservedSchema,
  toTimestamp,
  TraderApprovedSchema,
  TraderBankAccountChangedSchema,
  TraderClosedSchema,
  TraderSuspendedSchema,
  TraderReinstatedSchema,
} from '@dw/contracts';
import type { BillingTestApp } from '../testing/billing-test-app.spec-helper';

export interface TestTrader {
  readonly partyId: string;
  readonly accountNumber: string;
  readonly bankAccountNumber: string;
}

/** The receipt service's messages the trading accounts consume (receipt.trader.v1, receipt.trading.v1), published to the real broker under the app's prefix. */
export class TradingMessages {
  constructor(private readonly app: BillingTestApp) {}

  approved(trader: TestTrader) {
    return this.app.publish(
      receiptTraderTopic,
      trader.partyId,
      TraderApprovedSchema,
      create(TraderApprovedSchema, {
        partyId: trader.partyId,
        accountNumber: trader.accountNumber,
        name: `${trader.partyId} Ltd`,
        commodities: ['rebar'],
        bankAccount: { accountName: `${trader.partyId} Ltd`, accountNumber: trader.bankAccountNumber, bank: 'ICBC Shanghai' },
        approvedAt: toTimestamp(this.app.clock.now()),
      }),
    );
  }

  bankAccountChanged(partyId: string, accountNumber: string) {
    return this.app.publish(
      receiptTraderTopic,
      partyId,
      TraderBankAccountChangedSchema,
      create(TraderBankAccountChangedSchema, {
        partyId,
        bankAccount: { accountName: `${partyId} Ltd`, accountNumber, bank: 'BOC Shanghai' },
        changedAt: toTimestamp(this.app.clock.now()),
      }),
    );
  }

  suspended(partyId: string) {
    return this.app.publish(
      receiptTraderTopic,
      partyId,
      TraderSuspendedSchema,
      create(TraderSuspendedSchema, { partyId, reason: 'under investigation', suspendedAt: toTimestamp(this.app.clock.now()) }),
    );
  }

  reinstated(partyId: string) {
    return this.app.publish(
      receiptTraderTopic,
      partyId,
      TraderReinstatedSchema,
      create(TraderReinstatedSchema, { partyId, reinstatedAt: toTimestamp(this.app.clock.now()) }),
    );
  }

  closed(partyId: string) {
    return this.app.publish(
      receiptTraderTopic,
      partyId,
      TraderClosedSchema,
      create(TraderClosedSchema, { partyId, reason: 'at its request', closedAt: toTimestamp(this.app.clock.now()) }),
    );
  }

  takeReserved(take: {
    takeId: string;
    listingId?: string;
    tradingDay: string;
    buyer: TestTrader;
    seller: TestTrader;
    weightKg: number;
    priceFenPerTonne: number;
    proceedsFen: number;
    commodity?: string;
  }) {
    const listingId = take.listingId ?? `L-${take.takeId}`;
    return this.app.publish(
      receiptTradingTopic,
      listingId,
      TakeReservedSchema,
      create(TakeReservedSchema, {
        takeId: take.takeId,
        listingId,
        tradingDay: create(LocalDateSchema, { value: take.tradingDay }),
        buyerPartyId: take.buyer.partyId,
        buyerAccountNumber: take.buyer.accountNumber,
        sellerPartyId: take.seller.partyId,
        sellerAccountNumber: take.seller.accountNumber,
        commodity: take.commodity ?? 'rebar',
        receipts: [{ receiptNumber: `R-${take.takeId}`, weightKg: BigInt(take.weightKg) }],
        weightKg: BigInt(take.weightKg),
        priceFenPerTonne: BigInt(take.priceFenPerTonne),
        proceedsFen: BigInt(take.proceedsFen),
        reservedAt: toTimestamp(this.app.clock.now()),
      }),
    );
  }
}
