import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { COURT, EXCHANGE, ReceiptTestApp } from '../../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, depositor, ops } from '../../../testing/receipt-scenario.spec-helper';

/**
 * Title transfer over HTTP on real PostgreSQL: error-proofing refusals with their codes, their
 * alarm events and no title change; held receipts; all-or-nothing batches; and 50 concurrent
 * transfers of one receipt.
 */
describe('title transfer (过户)', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const seller = depositor('party-hengda');
  const buyer = depositor('party-huadong');
  const sellerName = '恒达钢铁贸易有限公司';
  let sellerCard: string;
  let buyerCard: string;
  let pendingCard: string;
  const receipts: string[] = [];
  const entered = () => ({ holderName: sellerName, storageCard: sellerCard });

  beforeAll(async () => {
    app = await ReceiptTestApp.start('transfer', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    sellerCard = await scenario.openCard(seller, sellerName);
    buyerCard = await scenario.openCard(buyer, '华东建材有限公司');
    pendingCard = (await app.as(depositor('party-new'), 'POST', '/storage-cards', { holderName: '新申请有限公司' })).body.cardNumber;
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    const lots = Array.from({ length: 6 }, (_, i) => ({ lotId: `T${i + 1}`, ownerCard: sellerCard, weightKg: 10_000 * (i + 1), producedOn: '2026-03-01' }));
    await scenario.lotsBecomeAvailable(lots);
    receipts.push(
      ...(await scenario.issue(
        sellerCard,
        lots.map((lot) => [lot.lotId]),
      )),
    );
  });
  afterAll(() => app?.close());

  async function holderOf(receiptNumber: string): Promise<string> {
    return (await app.as(ops, 'GET', `/receipts/${receiptNumber}`)).body.holder.storageCard;
  }

  async function alarmsAbout(receiptNumber: string) {
    return (await app.signed(EXCHANGE, 'GET', `/integration/exchange/receipts/${receiptNumber}/history`)).body.alarms;
  }

  it.each([
    ['holder name', { holderName: '恒达钢铁', storageCard: 'own' }, 'rebar', 'TRANSFER_HOLDER_MISMATCH', 'lines[0].entered.holderName', 'holderName'],
    [
      'storage card',
      { holderName: '恒达钢铁贸易有限公司', storageCard: 'SC999999' },
      'rebar',
      'TRANSFER_CARD_MISMATCH',
      'lines[0].entered.storageCard',
      'storageCard',
    ],
    [
      'commodity',
      { holderName: '恒达钢铁贸易有限公司', storageCard: 'own' },
      'wire rod',
      'TRANSFER_COMMODITY_MISMATCH',
      'lines[0].entered.commodity',
      'commodity',
    ],
  ])('refuses a wrong %s with its code, records the alarm, moves no title', async (_what, typed, commodity, code, field, mismatched) => {
    const receipt = receipts[0]!;
    const before = await scenario.eventCount();
    const alarmsBefore = (await alarmsAbout(receipt)).length;
    const answer = await scenario.transfer(
      seller,
      { ...typed, storageCard: typed.storageCard === 'own' ? sellerCard : typed.storageCard },
      buyerCard,
      [receipt],
      commodity,
    );

    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ code, field });
    // The requester is told which field, never the recorded value.
    expect(JSON.stringify(answer.body)).not.toContain(mismatched === 'holderName' ? sellerName : '"recorded"');
    expect(await holderOf(receipt)).toBe(sellerCard);
    // Exactly one new event in the whole log: the alarm, on the receipt's alarm stream.
    expect(await scenario.eventCount()).toBe(before + 1);
    const alarms = await alarmsAbout(receipt);
    expect(alarms).toHaveLength(alarmsBefore + 1);
    expect(alarms.at(-1)).toMatchObject({
      type: 'TransferMismatchAlarmRaised',
      actor: { subject: seller.sub, role: 'depositor' },
      data: { mismatches: [expect.objectContaining({ field: mismatched })] },
    });
    await waitFor(async () => (await app.as(ops, 'GET', `/transfer-alarms?receiptNumber=${receipt}`)).body.items.length === alarmsBefore + 1, {
      describe: 'the alarm in the ops list',
    });
  });

  it('refuses a transfer to a card that is not approved, and by someone who does not hold the receipt, with no event at all', async () => {
    const before = await scenario.eventCount();
    const toPending = await scenario.transfer(seller, entered(), pendingCard, [receipts[0]!]);
    expect([toPending.status, toPending.body.code]).toEqual([409, 'BUYER_CARD_CANNOT_RECEIVE']);
    // The same words for a card never issued: the seller learns nothing of the buyer's card.
    expect(toPending.body.detail).toContain('the buyer’s storage card cannot receive title');
    expect(toPending.body.detail).not.toContain(pendingCard);
    const byStranger = await scenario.transfer(buyer, entered(), buyerCard, [receipts[0]!]);
    expect([byStranger.status, byStranger.body.code]).toEqual([404, 'RECEIPT_NOT_FOUND']);
    expect(await scenario.eventCount()).toBe(before);
  });

  it('refuses to transfer or cancel a frozen receipt (RECEIPT_HELD), changing nothing', async () => {
    const receipt = receipts[1]!;
    const frozen = await app.signed(COURT, 'POST', `/integration/receipts/${receipt}/holds`, { kind: 'freeze', reason: '(2026)沪0115执123号' });
    expect(frozen.status).toBe(201);
    const before = await scenario.eventCount();
    const transfer = await scenario.transfer(seller, entered(), buyerCard, [receipt]);
    expect([transfer.status, transfer.body.code]).toEqual([409, 'RECEIPT_HELD']);
    const cancel = await scenario.cancel(seller, receipt, 'pickup');
    expect([cancel.status, cancel.body.code]).toEqual([409, 'RECEIPT_HELD']);
    expect(await scenario.eventCount()).toBe(before);
    expect(await holderOf(receipt)).toBe(sellerCard);
  });

  it('moves a batch all or nothing: one held receipt refuses the batch and no receipt moves', async () => {
    const batch = [receipts[2]!, receipts[1]!, receipts[3]!]; // receipts[1] is frozen above
    const before = await scenario.eventCount();
    const refused = await scenario.transfer(seller, entered(), buyerCard, batch);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'RECEIPT_HELD', details: { failures: [{ line: 1, receiptNumber: receipts[1], code: 'RECEIPT_HELD' }] } });
    expect(await scenario.eventCount()).toBe(before);
    for (const receipt of batch) expect(await holderOf(receipt)).toBe(sellerCard);

    const accepted = await scenario.transfer(seller, entered(), buyerCard, [receipts[2]!, receipts[3]!]);
    expect(accepted.status).toBe(201);
    expect(accepted.body.receipts.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual([receipts[2], receipts[3]]);
    expect([await holderOf(receipts[2]!), await holderOf(receipts[3]!)]).toEqual([buyerCard, buyerCard]);
  });

  it('50 parallel transfers of one receipt to 50 buyers: exactly one new holder, the rest refused, one transfer in the history', async () => {
    const receipt = receipts[4]!;
    const buyers = [];
    for (let i = 0; i < 50; i += 1) buyers.push(await scenario.openCard(depositor(`party-buyer-${i}`), `买方${i}号有限公司`));
    const answers = await Promise.all(buyers.map((card) => scenario.transfer(seller, entered(), card, [receipt])));

    const won = answers.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused).toHaveLength(49);
    // Losers either lost the race on the stream version, or read the receipt after the winner moved it.
    for (const answer of refused) expect(['STREAM_VERSION_CONFLICT', 'RECEIPT_NOT_FOUND']).toContain(answer.body.code);
    const winner = buyers[answers.indexOf(won[0]!)]!;
    expect(await holderOf(receipt)).toBe(winner);
    const history = (await app.signed(EXCHANGE, 'GET', `/integration/exchange/receipts/${receipt}/history`)).body;
    expect(history.events.filter((event: { type: string }) => event.type === 'TitleTransferred')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ to: expect.objectContaining({ storageCard: winner }) }) }),
    ]);
  });
});
