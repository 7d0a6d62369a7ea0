import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { BillingTestApp, depositor, EXCHANGE, manager, type Answer } from '../testing/billing-test-app.spec-helper';
import { TradingMessages, type TestTrader } from './trading-messages.spec-helper';
import { tradingDepositOf } from './trading-accounts.spec-helper';

/*
 * The seller's VAT invoice of a paid take through the HTTP and signed routes, its late penalty
 * taken from the deposit, and the month of the buyer's invoice by the 20th, on real PostgreSQL and
 * Kafka. The rebar fee is 0 here, so only the deposit moves the seller's balance.
 *
 * T-1: traded Mon 12-07, 33 335 kg at 365 000 fen/t = 12 167 275 fen, deposit 20% = 2 433 455,
 * credited 9 733 820. Due Mon 12-14; received Thu 12-17: 3 calendar days late, 0.5% ×
 * 12 167 275 = 60 836.375 → 60 836 penalty, 2 433 455 − 60 836 = 2 372 619 released:
 * balance 9 733 820 + 2 372 619 = 12 106 439.
 */
describe('the seller’s VAT invoice and the buyer’s invoice month', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  const buyer: TestTrader = { partyId: 'P-IB', accountNumber: 'SC-0201', bankAccountNumber: '6222000000000201' };
  const seller: TestTrader = { partyId: 'P-IS', accountNumber: 'SC-0202', bankAccountNumber: '6222000000000202' };
  let app: BillingTestApp;
  let messages: TradingMessages;

  beforeAll(async () => {
    app = await BillingTestApp.start('trading-invoices', clock);
    messages = new TradingMessages(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const sales = (query: string, describe: string, count: number, as = manager) =>
    waitFor(
      async () => {
        const answer = await app.as(as, 'GET', `/trading-sales?${query}`);
        return answer.status === 200 && answer.body.items.length === count ? (answer.body.items as Answer['body'][]) : undefined;
      },
      { timeoutMs: 60_000, describe },
    );
  const take = (takeId: string, tradingDay: string, proceedsFen: number) =>
    messages.takeReserved({ takeId, tradingDay, buyer, seller, weightKg: 33_335, priceFenPerTonne: 365_000, proceedsFen });

  it('records the seller’s invoice late, verifies it and releases the deposit less the penalty; the buyer’s invoice month is cut at the 20th', async () => {
    await messages.approved(buyer);
    await messages.approved(seller);
    await waitFor(async () => ((await app.as(manager, 'GET', `/trading-accounts/${seller.partyId}`)).status === 200 ? true : undefined), {
      timeoutMs: 60_000,
      describe: 'the accounts opened',
    });
    await waitFor(async () => ((await app.as(manager, 'GET', `/trading-accounts/${buyer.partyId}`)).status === 200 ? true : undefined), {
      timeoutMs: 60_000,
      describe: 'the buyer opened',
    });
    expect(
      (
        await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-fee-rates', {
          commodity: 'rebar',
          fenPerTonnePerSide: 0,
          effectiveFrom: '2026-12-07',
        })
      ).status,
    ).toBe(200);
    const funded = await tradingDepositOf(app, buyer, 'TX-IB-1', 50_000_000);
    expect(funded.status).toBe(200);
    // Traded Mon 12-07 and Fri 12-18 (on or before the 20th: December), Mon 12-21 (after it: January).
    await take('T-1', '2026-12-07', 12_167_275);
    await take('T-2', '2026-12-18', 1_000_000);
    await take('T-3', '2026-12-21', 2_000_000);
    const all = await sales(`sellerPartyId=${seller.partyId}`, 'the three sales', 3);
    expect(all.map((sale) => [sale.takeId, sale.tradeDay, sale.buyerInvoiceMonth, sale.invoiceDueDay, sale.invoiceDepositFen, sale.status])).toEqual([
      // Due 5 trading days after: 12-07 → 12-14; 12-18 → 12-25; 12-21 → 12-28. 20% of 1 000 000 = 200 000; of 2 000 000 = 400 000.
      ['T-1', '2026-12-07', '2026-12', '2026-12-14', 2_433_455, 'awaiting'],
      ['T-2', '2026-12-18', '2026-12', '2026-12-25', 200_000, 'awaiting'],
      ['T-3', '2026-12-21', '2027-01', '2026-12-28', 400_000, 'awaiting'],
    ]);
    expect((await sales('buyerInvoiceMonth=2027-01', 'January', 1, depositor(buyer.partyId))).map((sale) => sale.takeId)).toEqual(['T-3']);
    expect((await sales('buyerInvoiceMonth=2026-12', 'December', 2, depositor(buyer.partyId))).map((sale) => sale.takeId)).toEqual(['T-1', 'T-2']);
    // Another trader sees none of them; a malformed month is refused.
    expect((await app.as(depositor('P-OTHER'), 'GET', '/trading-sales')).body.items).toEqual([]);
    expect((await app.as(manager, 'GET', '/trading-sales?buyerInvoiceMonth=2026-13')).body.code).toBe('VALIDATION_FAILED');

    clock.set('2026-12-17T02:00:00Z');
    // Another trader's sale answers as a missing one; the seller records its own.
    expect((await app.as(depositor(buyer.partyId), 'POST', '/trading-sales/T-1/invoice', { invoiceNumber: '04412345' })).body.code).toBe(
      'TRADING_INVOICE_NOT_FOUND',
    );
    expect((await app.as(depositor(seller.partyId), 'POST', '/trading-sales/T-1/invoice', { invoiceNumber: 'x' })).body.code).toBe('VALIDATION_FAILED');
    const recorded = await app.as(depositor(seller.partyId), 'POST', '/trading-sales/T-1/invoice', { invoiceNumber: '04412345' });
    expect([recorded.status, recorded.body]).toEqual([
      200,
      expect.objectContaining({
        takeId: 'T-1',
        invoiceNumber: '04412345',
        receivedOn: '2026-12-17',
        verifyBy: '2026-12-21',
        dueDay: '2026-12-14',
        status: 'received',
      }),
    ]);
    // The exchange recording the same invoice again answers the same; another number is refused.
    expect((await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-sales/T-1/invoice', { invoiceNumber: '04412345' })).status).toBe(200);
    expect((await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-sales/T-1/invoice', { invoiceNumber: '04499999' })).body.code).toBe(
      'TRADING_INVOICE_ALREADY_RECORDED',
    );
    // Verification is the exchange's (signed); an unsigned call is refused; a sale without invoice is not verified.
    expect((await app.as(manager, 'POST', '/integration/exchange/trading-sales/T-1/invoice-verification')).status).toBe(401);
    expect((await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-sales/T-2/invoice-verification')).body.code).toBe('TRADING_INVOICE_NOT_RECEIVED');
    const verified = await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-sales/T-1/invoice-verification');
    expect([verified.status, verified.body.status]).toEqual([200, 'released']);
    const [t1] = await waitFor(
      async () => {
        const items = (await app.as(manager, 'GET', `/trading-sales?sellerPartyId=${seller.partyId}`)).body.items as Answer['body'][];
        return items[0]?.status === 'verified' ? items : undefined;
      },
      { timeoutMs: 60_000, describe: 'T-1 verified' },
    );
    expect(t1).toMatchObject({
      takeId: 'T-1',
      status: 'verified',
      invoiceNumber: '04412345',
      invoiceReceivedOn: '2026-12-17',
      daysLate: 3,
      penaltyFen: 60_836,
      releasedFen: 2_372_619,
    });
    // 9 733 820 + 800 000 (T-2 less 20%) + 1 600 000 (T-3 less 20%) + 2 372 619 released = 14 506 439; held 200 000 + 400 000.
    const account = await app.as(depositor(seller.partyId), 'GET', `/trading-accounts/${seller.partyId}`);
    expect(account.body).toMatchObject({ balanceFen: 14_506_439, invoiceDepositsHeldFen: 600_000 });
  });
});
