import { deciderSpec } from '@dw/testing';
import { takePaymentDecider, type PayTake, type TakePaymentEvent } from './take-payment.decider';
import { tradingAccountDecider } from './trading-account.decider';
import { cmd, run } from './trading-account.fixtures.spec-helper';
import type { TradingAccountState } from './trading-account.state';

const at = '2026-12-07T03:00:00Z';
const funded = (amountFen: number): TradingAccountState => run([cmd.open('P-BUYER', 'SC-B'), cmd.deposit('D-1', amountFen, '2026-12-07T02:00:00Z')]).state;
const seller = run([cmd.open('P-SELLER', 'SC-S')]).state;
// T-1: 33 335 kg of rebar at 3 650 yuan/t = 365 000 fen/t: proceeds 365 000 × 33 335 / 1000 = 12 167 275 fen (from TakeReserved).
const take = {
  takeId: 'T-1',
  listingId: 'L-1',
  tradingDay: '2026-12-07',
  buyerPartyId: 'P-BUYER',
  sellerPartyId: 'P-SELLER',
  commodity: 'rebar',
  weightKg: 33_335,
  proceedsFen: 12_167_275,
};
const pay = (buyer: TradingAccountState, feeRateFenPerTonne: number | null = 100, sellerState = seller): PayTake => ({
  type: 'PayTake',
  data: { take, buyer, seller: sellerState, feeRateFenPerTonne, at },
});
const declined = (reasonCode: string) => expect.objectContaining({ type: 'TakePaymentDeclined', data: expect.objectContaining({ takeId: 'T-1', reasonCode }) });
const spec = deciderSpec(takePaymentDecider);

describe('take payment decider', () => {
  it('pays proceeds + the buyer’s fee, credits proceeds − the seller’s fee with 20% withheld, worked by hand', () => {
    // Fee at 100 fen/t per side: 100 × 33 335 / 1000 = 3 333.5 → 3 334 fen each side (half up).
    // Deposit: 20% × 12 167 275 = 2 433 455 fen. The buyer pays 12 167 275 + 3 334 = 12 170 609 fen:
    // a balance of exactly that pays; one fen less is short.
    const paid: TakePaymentEvent = {
      type: 'TakePaymentMade',
      data: {
        ...take,
        tradingDay: '2026-12-07' as never,
        buyerTradingFeeFen: 3_334,
        sellerTradingFeeFen: 3_334,
        invoiceDepositFen: 2_433_455,
        at,
      },
    };
    spec
      .given([])
      .when(pay(funded(12_170_609)))
      .then([paid]);
    expect(takePaymentDecider.decide(pay(funded(12_170_608)), takePaymentDecider.initialState())).toEqual([declined('TRADING_BALANCE_SHORT')]);
    // Once per take: a replay after either outcome decides nothing.
    spec
      .given([paid])
      .when(pay(funded(12_170_609)))
      .then([]);
  });

  it('refuses with a stable reason code and moves nothing when an account is unknown, closed or suspended, or no fee rate is set', () => {
    const refused = (command: PayTake) => takePaymentDecider.decide(command, takePaymentDecider.initialState());
    const rich = funded(50_000_000);
    expect(refused(pay(tradingAccountDecider.initialState()))).toEqual([declined('TRADING_ACCOUNT_UNKNOWN')]);
    expect(refused(pay(run([cmd.open('P-BUYER', 'SC-B')]).state))).toEqual([declined('TRADING_BALANCE_SHORT')]);
    expect(refused(pay({ ...rich, status: 'none' }))).toEqual([declined('TRADING_ACCOUNT_UNKNOWN')]);
    expect(refused(pay({ ...rich, status: 'closed' }))).toEqual([declined('TRADING_ACCOUNT_CLOSED')]);
    expect(refused(pay({ ...rich, tradingSuspended: true }))).toEqual([declined('TRADING_ACCOUNT_FROZEN')]);
    expect(refused(pay(rich, 100, { ...seller, status: 'closed' }))).toEqual([declined('SELLER_TRADING_ACCOUNT_UNAVAILABLE')]);
    expect(refused(pay(rich, null))).toEqual([declined('TRADING_FEE_RATE_NOT_SET')]);
    // A refused take is decided: a replay decides nothing more.
    const [refusal] = refused(pay(rich, null));
    spec.given([refusal!]).when(pay(rich)).then([]);
  });
});
