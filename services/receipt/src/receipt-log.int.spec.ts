import { ManualClock } from '@dw/kernel';
import { runEntryPoint, waitFor } from '@dw/testing';
import { receiptServiceDefinition } from './receipt.service-definition';
import { BANK, COURT, EXCHANGE, ReceiptTestApp } from './testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor, manager, ops } from './testing/receipt-scenario.spec-helper';
import { TradingMarketScenario } from './trading/testing/trading-market-scenario.spec-helper';

const MAIN = 'services/receipt/src/main.ts';

/**
 * The receipt service's log as the system of record, with its operational commands run as
 * processes (`main.ts rebuild`, `main.ts verify`), on real PostgreSQL:
 * - every read model rebuilt from the log equals the live one, row for row;
 * - the append-only log refuses the service's own role an UPDATE, and a one-byte change made by
 *   the database owner is detected by `verify` (exit 1, naming the stream) and by the history API.
 */
describe('receipt log: rebuild and hash-chain verification', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const seller = depositor('party-hengda');
  const buyer = depositor('party-huadong');
  let receipts: string[];
  const tables = receiptServiceDefinition.projections.flatMap((projection) => Object.keys(projection.tables));

  beforeAll(async () => {
    app = await ReceiptTestApp.start('log', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    // A bit of everything, so every read model has rows: cards in several states, rules, lots,
    // applications approved and rejected, transfers, an alarm, holds, split, merge, cancel,
    // stocktake shortfalls, expiry.
    const card = await scenario.openCard(seller, '恒达钢铁贸易有限公司');
    const buyerCard = await scenario.openCard(buyer, '华东建材有限公司');
    await app.as(depositor('party-pending'), 'POST', '/storage-cards', { holderName: '待审公司' });
    await new TradingMarketScenario(app).seedEveryReadModel(buyer, buyerCard, '华东建材有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable(
      ['G1', 'G2', 'G3', 'G4', 'G5', 'G6'].map((lotId, i) => ({
        lotId,
        ownerCard: card,
        weightKg: 1_000 * (i + 1),
        producedOn: i < 3 ? '2026-03-01' : '2026-03-05',
      })),
    );
    receipts = await scenario.issue(card, [['G1', 'G2'], ['G3'], ['G4']]);
    const rejected = await scenario.apply(card, [['G5']]);
    await app.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${rejected.body.applicationId}/reject`, { reason: 'no inspection report' });
    const entered = { holderName: '恒达钢铁贸易有限公司', storageCard: card };
    await scenario.transfer(seller, { ...entered, holderName: '恒达' }, buyerCard, [receipts[0]!]);
    await scenario.transfer(seller, entered, buyerCard, [receipts[0]!, receipts[1]!]);
    const pledge = await app.as(buyer, 'POST', `/receipts/${receipts[0]}/pledges`, { bank: { partyId: BANK.id, name: BANK.name }, reason: 'loan' });
    await app.signed(BANK, 'POST', `/integration/receipts/${receipts[0]}/holds/${pledge.body.holdId}/release`, { reason: 'repaid' });
    await app.signed(COURT, 'POST', `/integration/receipts/${receipts[2]}/holds`, { kind: 'freeze', reason: 'case 7' });
    const split = await app.as(buyer, 'POST', `/receipts/${receipts[0]}/split`, {
      children: [
        { lotIds: ['G1'], weightKg: 1_000 },
        { lotIds: ['G2'], weightKg: 2_000 },
      ],
    });
    const merged = await app.as(buyer, 'POST', '/receipts/merge', { receiptNumbers: [split.body.children[1], receipts[1]] });
    await scenario.cancel(buyer, split.body.children[0], 'pickup');
    // Left pending, so the rebuilt receipts table must carry a cancellation application too.
    await scenario.expectStatus(
      await app.as(buyer, 'POST', `/receipts/${merged.body.receiptNumber}/cancellation-application`, { purpose: 'spot-conversion' }),
      201,
    );
    // Two stocktake shortfalls on the frozen receipt, one resolved: the receipts table carries both.
    const shortfall = { lotId: 'G4', ownerCard: card, receiptNumber: receipts[2]! };
    await scenario.stockShortfallDetected({ ...shortfall, varianceId: 'missing_piece:G4-1', deltaPieces: -1, deltaKg: -500 });
    await scenario.stockShortfallDetected({ ...shortfall, varianceId: 'weight_variance:G4-2', deltaPieces: 0, deltaKg: -20 });
    await waitFor(async () => ((await app.as(clerk, 'GET', `/receipts/${receipts[2]}`)).body.shortfalls?.length === 2 ? true : undefined), {
      timeoutMs: 60_000,
      describe: 'both shortfalls recorded',
    });
    const resolution = { outcome: 'settled', reference: 'SETTLE-G4-1', reason: 'compensated the holder' };
    await scenario.expectStatus(
      await app.as(manager, 'POST', `/receipts/${receipts[2]}/shortfalls/${encodeURIComponent('missing_piece:G4-1')}/resolution`, resolution),
      200,
    );
    // The trading platform's listings, takes and market information: the market resumes, the
    // seller lists a receipt at the base price (rb2605 of 03-09) and the buyer takes it.
    await scenario.expectStatus(await app.signed(EXCHANGE, 'POST', '/integration/exchange/markets/rebar/resume', { reason: 'resolved' }), 200);
    await new TradingMarketScenario(app).approvedTrader(seller, card, '恒达钢铁贸易有限公司', ['rebar']);
    const [forSale] = await scenario.issue(card, [['G6']]);
    const listing = await app.as(seller, 'POST', '/trading/listings', {
      commodity: 'rebar',
      receiptNumbers: [forSale],
      mode: 'whole',
      quote: { kind: 'full', priceFenPerTonne: 318_000 },
    });
    await scenario.expectStatus(listing, 201);
    await scenario.expectStatus(await app.as(buyer, 'POST', `/trading/listings/${listing.body.listingId}/takes`, { count: 1 }), 202);
    clock.set('2026-06-01T02:00:00Z');
    await app.projectionsCaughtUp();
    await app.as(ops, 'POST', '/expiry-sweeps', {});
    await app.projectionsCaughtUp();
  });
  afterAll(() => app?.close());

  it('rebuilds every read model from the log, equal row for row to the live one', async () => {
    const counts = Object.fromEntries((await app.copyLiveTables(tables)).map((count, i) => [tables[i]!, count]));
    for (const table of tables) expect({ table, empty: counts[table] === 0 }).toEqual({ table, empty: false });

    const output = await runEntryPoint(MAIN, ['rebuild'], app.commandEnv());
    expect(output).toMatch(/rebuilt receipts from \d+ events/);
    for (const table of tables) {
      expect(await app.diffFromLiveCopy(table)).toEqual({
        table,
        onlyInA: 0,
        onlyInB: 0,
        countA: counts[table],
        countB: counts[table],
      });
    }
    // The service role can still use the rebuilt tables.
    expect((await app.as(ops, 'GET', '/receipts?limit=200')).body.items.length).toBe(counts.receipts);
  });

  it('refuses the service role any edit of the log; `verify` detects a one-byte change by the owner', async () => {
    await expect(app.db.query(`UPDATE events SET data = data WHERE stream_id = $1`, [`receipt-${receipts[1]}`])).rejects.toThrow(/permission denied/);
    const clean = await runEntryPoint(MAIN, ['verify'], app.commandEnv());
    expect(clean).toMatch(/verified \d+ stream\(s\), 0 broken/);

    // The database owner bypasses the grants and disables the append-only trigger: the
    // transferred weight 3000 becomes 3001, one byte.
    const stream = `receipt-${receipts[1]}`;
    const tampered = await app.owner.transaction(async (tx) => {
      await tx.query(`ALTER TABLE events DISABLE TRIGGER events_append_only`);
      const edited = await tx.query(
        `UPDATE events SET data = jsonb_set(data, '{weightKg}', '3001') WHERE stream_id = $1 AND event_type = 'TitleTransferred' AND data->>'weightKg' = '3000'`,
        [stream],
      );
      await tx.query(`ALTER TABLE events ENABLE TRIGGER events_append_only`);
      return edited;
    });
    expect(tampered.rowCount).toBe(1);
    const failure = await runEntryPoint(MAIN, ['verify'], app.commandEnv()).then(
      () => 'exited 0',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited 1/);
    expect(failure).toContain(`BROKEN ${stream}: digest_mismatch at position 2 of`);
    expect(failure).toMatch(/verified \d+ stream\(s\), 1 broken/);

    const history = await app.signed(EXCHANGE, 'GET', `/integration/exchange/receipts/${receipts[1]}/history`);
    expect(history.body.verification.receipt).toMatchObject({ ok: false, brokenAt: 2, reason: 'digest_mismatch' });
  });
});
