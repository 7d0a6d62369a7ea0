import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { BANK, EXCHANGE, ReceiptTestApp } from '../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, depositor, manager, ops } from '../testing/receipt-scenario.spec-helper';

/**
 * A receipt's whole life through the API, on real PostgreSQL and Kafka: lots from the inventory
 * contract, application, signed exchange approval, transfer, pledge and bank release, split,
 * merge, cancellation to an entitlement, and the history of every step with actor and time.
 */
describe('receipt lifecycle (HTTP, PostgreSQL, Kafka)', () => {
  // 2026-03-10 10:00 in Shanghai.
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const hengda = depositor('party-hengda');
  const huadong = depositor('party-huadong');
  let sellerCard: string;
  let buyerCard: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('lifecycle', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    sellerCard = await scenario.openCard(hengda, '恒达钢铁贸易有限公司');
    buyerCard = await scenario.openCard(huadong, '华东建材有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([
      { lotId: 'L1', ownerCard: sellerCard, weightKg: 30_000, producedOn: '2026-03-01' },
      { lotId: 'L2', ownerCard: sellerCard, weightKg: 20_000, producedOn: '2026-03-02' },
      { lotId: 'L3', ownerCard: sellerCard, weightKg: 10_000, producedOn: '2026-03-03' },
    ]);
  });
  afterAll(() => app?.close());

  it('issues, transfers, pledges, splits, merges and cancels with every step in the history', async () => {
    const [r1, r2] = await scenario.issue(sellerCard, [['L1', 'L2'], ['L3']]);
    const issued = await app.as(hengda, 'GET', `/receipts/${r1}`);
    expect(issued.body).toMatchObject({ status: 'outstanding', weightKg: 50_000, holder: { storageCard: sellerCard }, validUntil: '2026-05-30' });

    const moved = await scenario.transfer(hengda, { holderName: '恒达钢铁贸易有限公司', storageCard: sellerCard }, buyerCard, [r1!, r2!]);
    expect(moved.status).toBe(201);

    const pledged = await app.as(huadong, 'POST', `/receipts/${r1}/pledges`, { bank: { partyId: BANK.id, name: BANK.name }, reason: 'loan 2026-17' });
    expect(pledged.status).toBe(201);
    const released = await app.signed(BANK, 'POST', `/integration/receipts/${r1}/holds/${pledged.body.holdId}/release`, { reason: 'loan repaid' });
    expect(released.status).toBe(200);

    const split = await app.as(huadong, 'POST', `/receipts/${r1}/split`, {
      children: [
        { lotIds: ['L1'], weightKg: 30_000 },
        { lotIds: ['L2'], weightKg: 20_000 },
      ],
    });
    expect(split.status).toBe(201);
    const [c1, c2] = split.body.children;
    const merged = await app.as(huadong, 'POST', '/receipts/merge', { receiptNumbers: [c2, r2] });
    expect(merged.status).toBe(201);
    const cancelled = await scenario.cancel(huadong, merged.body.receiptNumber, 'pickup');
    expect(cancelled.status).toBe(200);

    const history = await app.signed(EXCHANGE, 'GET', `/integration/exchange/receipts/${r1}/history`);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'ReceiptIssued',
      'TitleTransferred',
      'ReceiptHoldPlaced',
      'ReceiptHoldReleased',
      'ReceiptSplit',
    ]);
    expect(history.body.verification.receipt).toMatchObject({ ok: true, events: 5 });
    await waitFor(async () => (await app.as(ops, 'GET', `/receipts?holderCard=${buyerCard}&status=outstanding`)).body.items.length === 1);
    expect((await app.as(manager, 'GET', `/receipts/${c1}`)).body).toMatchObject({ status: 'outstanding', lineage: { origin: 'split', parent: r1 } });
  });
});
