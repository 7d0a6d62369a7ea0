import { create } from '@bufbuild/protobuf';
import { LocalDateSchema, SettlementPricePublishedSchema, billingSettlementPriceTopic, toTimestamp } from '@dw/contracts';
import { waitFor } from '@dw/testing';
import { ReceiptScenario } from '../../testing/receipt-scenario.spec-helper';
import { EXCHANGE, type Person } from '../../testing/receipt-test-app.spec-helper';
import { REBAR_MARKET } from '../listing/domain/trading.fixtures.spec-helper';

export const BANK_ACCOUNT = { accountName: '恒达钢铁贸易有限公司', accountNumber: '6222021001123456789', bank: '中国工商银行上海分行' };

/**
 * The situations trading specs start from, besides the receipt ones it inherits (cards, rules,
 * lots, receipts): through the service's own API (the exchange's signed calls, depositors'
 * tokens) and, for prices, billing's real contract on the real topic.
 */
export class TradingMarketScenario extends ReceiptScenario {
  private async expect(answer: { status: number; body: unknown }, status: number, what: string): Promise<void> {
    if (answer.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }

  /** The exchange sets up a commodity's market. */
  async setMarket(commodity: string, settings: Partial<typeof REBAR_MARKET> = {}): Promise<void> {
    const answer = await this.app.signed(EXCHANGE, 'POST', `/integration/exchange/markets/${commodity}/settings`, { ...REBAR_MARKET, ...settings });
    await this.expect(answer, 200, `set market ${commodity}`);
  }

  /** A depositor applies with its approved card and the exchange approves it. */
  async approvedTrader(person: Person, card: string, name: string, commodities: string[]): Promise<void> {
    const applied = await this.app.as(person, 'POST', '/trading/traders', { storageCard: card, name, commodities, bankAccount: BANK_ACCOUNT });
    await this.expect(applied, 201, 'apply to trade');
    await this.expect(await this.app.signed(EXCHANGE, 'POST', `/integration/exchange/traders/${person.partyId}/approve`), 200, 'approve trader');
  }

  /** Billing publishes the exchange's settlement price on billing.settlement-price.v1, as its relay would. */
  async publishPrice(commodity: string, tradingDay: string, contract: string, fenPerTonne: number, nearestMonth = false): Promise<void> {
    await this.app.publish(
      billingSettlementPriceTopic,
      commodity,
      SettlementPricePublishedSchema,
      create(SettlementPricePublishedSchema, {
        commodity,
        tradingDay: create(LocalDateSchema, { value: tradingDay }),
        contract,
        fenPerTonne: BigInt(fenPerTonne),
        nearestMonth,
        publishedAt: toTimestamp(`${tradingDay}T07:30:00Z`),
      }),
    );
  }

  /** Waits until the consumed price is in the reference_prices read model. */
  async priceRecorded(commodity: string, tradingDay: string, contract: string, fenPerTonne: number): Promise<void> {
    await waitFor(
      async () => {
        const { rows } = await this.app.db.query<{ fen: string }>(
          `SELECT fen_per_tonne AS fen FROM reference_prices WHERE commodity = $1 AND trading_day = $2 AND contract = $3`,
          [commodity, tradingDay, contract],
        );
        return rows[0] && Number(rows[0].fen) === fenPerTonne ? true : undefined;
      },
      { timeoutMs: 60_000, describe: `reference price ${commodity} ${tradingDay} ${contract} = ${fenPerTonne}` },
    );
  }

  /** Something in every trading read model: a market (then suspended), an approved trader, a consumed price. */
  async seedEveryReadModel(person: Person, card: string, name: string): Promise<void> {
    await this.setMarket('rebar');
    await this.approvedTrader(person, card, name, ['rebar']);
    await this.expect(await this.app.signed(EXCHANGE, 'POST', '/integration/exchange/markets/rebar/suspend', { reason: 'price anomaly' }), 200, 'suspend');
    await this.publishPrice('rebar', '2026-03-09', 'rb2605', 318_000, true);
    await this.priceRecorded('rebar', '2026-03-09', 'rb2605', 318_000);
  }
}
