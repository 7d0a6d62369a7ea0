import { create, type MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { randomUUID } from 'node:crypto';
import {
  billingFeeTopic,
  EventRegistry,
  FeeAccruedSchema,
  FeeReversedSchema,
  inventoryLotTopic,
  LotBecameAvailableSchema,
  LocalDateSchema,
  LotLocationSchema,
  LotShippedOutSchema,
  orderWorkOrderTopic,
  PickupApplicationSchema,
  PickupMethod,
  PiecesShippedOutSchema,
  WorkOrderOpenedSchema,
  ReceiptCancelledSchema,
  ReceiptGoodsSchema,
  ReceiptHolderSchema,
  ReceiptIssuedSchema,
  ReceiptLotSchema,
  receiptReceiptTopic,
  ReceiptTitleTransferredSchema,
  StandardCommoditySchema,
  toWeight,
  topicName,
} from '@dw/contracts';
import { Database } from '@dw/event-store';
import { ManualClock, shanghaiDateOf } from '@dw/kernel';
import { rebuildService } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { billingServiceDefinition } from '../billing.service-definition';
import { defaultTerms } from '../rate-card/domain/rate-card.fixtures.spec-helper';
import { BillingTestApp, clerk, depositor, manager } from '../testing/billing-test-app.spec-helper';
import { CloseDaysCommandHandler, DAY_CLOSE_ACTOR } from './commands/close-days/close-days.command-handler';

/*
 * Receipt and inventory facts through the real topics and billing's inbox, the day close on the
 * test's clock, the fees on billing.fee.v1 and GET /fees, on real PostgreSQL and Kafka.
 *
 * Rates, published on Fri 2026-10-30 to take effect on Mon 2026-11-02 (a trading day): the
 * default charges rebar in a shed 15 fen/t/day, transfers 50 fen/t, load-in 300 fen/t and a
 * self-collected load-out 250 fen/t; party B's contract
 * 20 fen/t/day with the default's movement rates. Party A has no contract. Each receipt is one
 * lot of 33 333 kg of rebar in a shed:
 *   a day at 15 fen: 15 × 33 333 / 1000 = 499.995 → 500 fen
 *   a day at 20 fen: 20 × 33 333 / 1000 = 666.66  → 667 fen
 *   a transfer:      50 × 33 333 / 1000 = 1 666.65 → 1 667 fen
 *   a load-in:      300 × 33 333 / 1000 = 9 999.9  → 10 000 fen
 *   a load-out:     250 × 33 333 / 1000 = 8 333.25 → 8 333 fen
 */
const registry = new EventRegistry().register(FeeAccruedSchema, FeeReversedSchema);
const A = 'P-A';
const B = 'P-B';
const WEIGHT = 33_333;
// The broker and the projections of a loaded machine can take a while; a wait fails only when nothing comes.
const PATIENTLY = { timeoutMs: 60_000 };

describe('fees accrued from receipt and inventory facts', () => {
  const clock = new ManualClock('2026-10-30T02:00:00Z');
  let app: BillingTestApp;
  let fees: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('accrual', clock);
    fees = await new TopicRecorder(testMessageBus(), [topicName(billingFeeTopic, app.prefix)]).start();
    const shedAt = (fenPerTonneDay: number) => ({ ...defaultTerms, storage: [{ storageKind: 'shed', commodity: 'rebar', fenPerTonneDay }] });
    expect((await app.as(manager, 'POST', '/rate-cards/default/versions', { effectiveFrom: '2026-11-02', terms: shedAt(15) })).status).toBe(201);
    expect((await app.as(manager, 'POST', `/contracts/${B}/versions`, { effectiveFrom: '2026-11-02', terms: shedAt(20) })).status).toBe(201);
  });
  afterAll(async () => {
    await fees?.stop();
    await app?.close();
  });

  const db = () => app.app.get(Database);
  const at = (iso: string) => timestampFromDate(new Date(iso));
  const holder = (partyId: string) => create(ReceiptHolderSchema, { storageCard: `SC-${partyId}`, holderName: partyId, partyId });
  const goods = create(ReceiptGoodsSchema, { commodity: 'rebar', brand: 'Shagang', grade: 'HRB400E', warehouse: 'WH-WUXI', weight: toWeight(WEIGHT) });

  const workOrder = (orderId: string, partyId: string, pickup: boolean) =>
    app.publish(
      orderWorkOrderTopic,
      orderId,
      WorkOrderOpenedSchema,
      create(WorkOrderOpenedSchema, {
        orderId,
        ownerStorageCard: `SC-${partyId}`,
        ownerPartyId: partyId,
        ...(pickup ? { pickup: create(PickupApplicationSchema, { method: PickupMethod.SELF_COLLECT }) } : {}),
      }),
    );
  const lotInShed = (lotId: string, when: string) =>
    app.publish(
      inventoryLotTopic,
      lotId,
      LotBecameAvailableSchema,
      create(LotBecameAvailableSchema, {
        lotId,
        orderId: `IN-${lotId}`,
        completedAt: at(when),
        ownerStorageCard: `SC-${A}`,
        commodity: create(StandardCommoditySchema, { code: 'rebar' }),
        net: toWeight(WEIGHT),
        locations: [create(LotLocationSchema, { locationId: `SHED1-${lotId}`, pieces: 10, net: toWeight(WEIGHT), areaKind: 'shed' })],
      }),
    );
  const issued = (receiptNumber: string, lotId: string, partyId: string, when: string) =>
    app.publish(
      receiptReceiptTopic,
      `receipt-${receiptNumber}`,
      ReceiptIssuedSchema,
      create(ReceiptIssuedSchema, {
        receiptNumber,
        goods,
        holder: holder(partyId),
        lots: [create(ReceiptLotSchema, { lotId, net: toWeight(WEIGHT) })],
        issuedAt: at(when),
      }),
    );
  const transferred = (receiptNumber: string, transferId: string, when: string) =>
    app.publish(
      receiptReceiptTopic,
      `receipt-${receiptNumber}`,
      ReceiptTitleTransferredSchema,
      create(ReceiptTitleTransferredSchema, { receiptNumber, transferId, goods, from: holder(A), to: holder(B), transferredAt: at(when) }),
    );
  const cancelled = (receiptNumber: string, when: string) =>
    app.publish(
      receiptReceiptTopic,
      `receipt-${receiptNumber}`,
      ReceiptCancelledSchema,
      create(ReceiptCancelledSchema, {
        receiptNumber,
        entitlementId: `E-${receiptNumber}`,
        lotIds: [lotOf(receiptNumber)],
        goods,
        holder: holder(B),
        cancelledAt: at(when),
      }),
    );
  const lotOf = (receiptNumber: string) => receiptNumber.replace('WR-', 'L');
  const shippedOut = async (lotId: string, orderId: string, when: string) => {
    const common = { lotId, orderId, entitlementId: `E-WR-${lotId.slice(1)}`, net: toWeight(WEIGHT), book: toWeight(WEIGHT), shippedAt: at(when) };
    await app.publish(
      inventoryLotTopic,
      lotId,
      PiecesShippedOutSchema,
      create(PiecesShippedOutSchema, {
        ...common,
        loadOutNoteId: `NOTE-${lotId}`,
        shippedOn: create(LocalDateSchema, { value: shanghaiDateOf(new Date(when)) }),
      }),
    );
    await app.publish(inventoryLotTopic, lotId, LotShippedOutSchema, create(LotShippedOutSchema, common));
  };

  const holdingEvents = async (receiptNumber: string) =>
    (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`holding-receipt-${receiptNumber}`])).rows[0]!.n;
  const consumed = (receiptNumber: string, atLeast: number) =>
    waitFor(async () => (await holdingEvents(receiptNumber)) >= atLeast, { timeoutMs: 60_000, describe: `${receiptNumber} has ${atLeast} events` });
  // The day close lists what to close from the holdings read model, which follows the log.
  const listedForClose = (receiptNumber: string) =>
    waitFor(async () => ((await db().query(`SELECT 1 FROM holdings WHERE kind = 'receipt' AND id = $1`, [receiptNumber])).rowCount ?? 0) > 0, {
      timeoutMs: 60_000,
      describe: `${receiptNumber} listed for the day close`,
    });
  // Each topic is consumed on its own: a fact that needs another topic's fact is published once that one is recorded.
  const recorded = (streamId: string) =>
    waitFor(async () => ((await db().query(`SELECT 1 FROM events WHERE stream_id = $1`, [streamId])).rowCount ?? 0) > 0, {
      timeoutMs: 60_000,
      describe: `${streamId} recorded`,
    });
  const closeDays = () => app.app.get(CloseDaysCommandHandler).closeDays({ actor: { ...DAY_CLOSE_ACTOR }, correlationId: randomUUID() });
  const feesOf = async (person: typeof manager, query: string) => {
    const answer = await waitFor(
      async () => {
        const page = await app.as(person, 'GET', `/fees?limit=100&${query}`);
        return page.status === 200 ? page : undefined;
      },
      { describe: `GET /fees?${query}` },
    );
    return answer.body.items as { feeId: string; partyId: string; item: string; serviceDate: string; amountFen: number; reversedAt: string | null }[];
  };
  const standing = <T extends { reversedAt: string | null; amountFen: number }>(items: T[]) => items.filter((item) => item.reversedAt === null);
  const sum = (items: readonly { amountFen: number }[]) => items.reduce((total, item) => total + item.amountFen, 0);

  it('charges A 10 days and B 5 days of storage at the rates in force, the transfer and load-out fees to B and the load-in to A, by day closes on the clock', async () => {
    // Mon 11-02: L1 is received for A at 09:00 Shanghai (load-in 10 000 fen to A) and WR-1 is
    // issued over it to A at 10:00, so the lot itself is never held at a day's close.
    clock.set(new Date('2026-11-02T01:30:00Z'));
    await workOrder('IN-L1', A, false);
    await recorded('work-order-facts-IN-L1');
    await lotInShed('L1', '2026-11-02T01:00:00Z');
    await recorded('lot-goods-L1');
    await issued('WR-1', 'L1', A, '2026-11-02T02:00:00Z');
    await listedForClose('WR-1');
    // Thu 11-12 09:00 Shanghai: the close charges A for 11-02 … 11-11, 10 × 500 = 5 000 fen.
    clock.set(new Date('2026-11-12T01:00:00Z'));
    // WR-1 and the lot L1 (held at no close: its close charges nothing) are closed.
    expect(await closeDays()).toEqual({ through: '2026-11-11', closed: 2 });
    // B buys on 11-12 (11:00 Shanghai): transfer fee 1 667 fen to B.
    await transferred('WR-1', 'T-1', '2026-11-12T03:00:00Z');
    // Tue 11-17 11:00 Shanghai: cancelled for pickup; nobody holds it at the close of 11-17.
    await cancelled('WR-1', '2026-11-17T03:00:00Z');
    // Opened (1), the first close (10 fees + closed through = 11), the transfer (holder + fee = 2), the cancellation (1).
    await consumed('WR-1', 1 + 11 + 2 + 1);
    // B's collector takes the goods on 11-17 (self-collect): the load-out fee 8 333 fen to B; the
    // lot is gone the day it came back to B, so no lot storage.
    await workOrder('OUT-L1', B, true);
    await recorded('work-order-facts-OUT-L1');
    await shippedOut('L1', 'OUT-L1', '2026-11-17T06:00:00Z');
    // The lot's timeline ended with its last load-out, before the close of 11-17 runs.
    await waitFor(async () => (await db().query(`SELECT 1 FROM holdings WHERE kind = 'lot' AND id = 'L1' AND ended_on = '2026-11-17'`)).rowCount === 1, {
      timeoutMs: 60_000,
      describe: 'L1 shipped out',
    });
    clock.set(new Date('2026-11-18T01:00:00Z'));
    expect((await closeDays()).through).toBe('2026-11-17');
    // A closing again charges nothing more.
    expect((await closeDays()).closed).toBe(0);
    const lotFees = await waitFor(async () => {
      const items = await feesOf(manager, `partyId=${B}&from=2026-11-17&to=2026-11-17`);
      return items.some((fee) => fee.item === 'load_out') ? items : undefined;
    }, PATIENTLY);
    expect(lotFees.map((fee) => [fee.feeId, fee.item, fee.amountFen])).toEqual([['load_out:L1:NOTE-L1', 'load_out', 8_333]]);
    const loadIn = await feesOf(manager, `partyId=${A}&from=2026-11-02&to=2026-11-02`);
    expect(loadIn.filter((fee) => fee.item === 'load_in').map((fee) => [fee.feeId, fee.amountFen])).toEqual([['load_in:L1', 10_000]]);

    const ofA = await feesOf(manager, `partyId=${A}&receiptNumber=WR-1`);
    expect(ofA.map((fee) => fee.serviceDate)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
    ]);
    expect(sum(ofA)).toBe(5_000);
    // B: 11-12 … 11-16 at its contract, 5 × 667 = 3 335 fen, plus the transfer 1 667 fen = 5 002 fen.
    const ofB = await waitFor(async () => {
      const items = await feesOf(manager, `partyId=${B}&receiptNumber=WR-1`);
      return items.length === 6 ? items : undefined;
    }, PATIENTLY);
    expect(ofB.map((fee) => [fee.item, fee.serviceDate, fee.amountFen])).toEqual([
      ['storage', '2026-11-12', 667],
      ['transfer', '2026-11-12', 1_667],
      ['storage', '2026-11-13', 667],
      ['storage', '2026-11-14', 667],
      ['storage', '2026-11-15', 667],
      ['storage', '2026-11-16', 667],
    ]);
    expect(sum(ofB)).toBe(5_002);

    // A depositor sees its own fees only, whatever party it asks for; a date range filters by the day charged.
    expect((await feesOf(depositor(A), `partyId=${B}`)).every((fee) => fee.partyId === A)).toBe(true);
    expect((await feesOf(clerk, `receiptNumber=WR-1&from=2026-11-10&to=2026-11-12`)).map((fee) => fee.feeId)).toEqual([
      'storage:WR-1:2026-11-10',
      'storage:WR-1:2026-11-11',
      'storage:WR-1:2026-11-12',
      'transfer:T-1',
    ]);
    const badDate = await app.as(clerk, 'GET', '/fees?from=12-11-2026');
    expect([badDate.status, badDate.body.code, badDate.body.errors?.[0]?.field]).toEqual([400, 'VALIDATION_FAILED', 'from']);

    // Every fee went out on billing.fee.v1, keyed by the party charged: 10 + 5 + 1 for WR-1.
    const published = await waitFor(() => {
      const wr1 = fees.messages
        .filter((message) => message.headers.ce_type === FeeAccruedSchema.typeName)
        .map((message) => registry.decodeEvent(FeeAccruedSchema.typeName, message.value) as MessageShape<typeof FeeAccruedSchema>)
        .filter((fee) => fee.receiptNumber === 'WR-1');
      return wr1.length === 16 ? wr1 : undefined;
    }, PATIENTLY);
    expect(published.filter((fee) => fee.partyId === B && fee.receiptNumber === 'WR-1').reduce((total, fee) => total + fee.amountFen, 0n)).toBe(5_002n);
  });

  it('corrects the storage of days already charged when a transfer reaches billing late', async () => {
    // WR-2 is A's from Wed 11-18; the closes of Fri 11-20 charged A for 11-18 … 11-20 (3 × 500).
    await workOrder('IN-L2', A, false);
    await recorded('work-order-facts-IN-L2');
    await lotInShed('L2', '2026-11-18T01:00:00Z');
    await recorded('lot-goods-L2');
    await issued('WR-2', 'L2', A, '2026-11-18T02:00:00Z');
    await listedForClose('WR-2');
    clock.set(new Date('2026-11-21T01:00:00Z'));
    expect((await closeDays()).through).toBe('2026-11-20');
    // The transfer to B of Thu 11-19 arrives only now: 11-19 and 11-20 were B's. A's two days are
    // reversed in full (2 × 500 = 1 000 fen) and charged to B at its contract (2 × 667 = 1 334
    // fen) under new fee ids; the transfer fee to B is 1 667 fen.
    await transferred('WR-2', 'T-2', '2026-11-19T03:00:00Z');
    const items = await waitFor(async () => {
      const listed = await feesOf(manager, 'receiptNumber=WR-2');
      return listed.length === 6 && listed.filter((fee) => fee.reversedAt !== null).length === 2 ? listed : undefined;
    }, PATIENTLY);
    expect(items.filter((fee) => fee.reversedAt !== null).map((fee) => [fee.feeId, fee.partyId])).toEqual([
      ['storage:WR-2:2026-11-19', A],
      ['storage:WR-2:2026-11-20', A],
    ]);
    expect(standing(items).map((fee) => [fee.feeId, fee.partyId, fee.amountFen])).toEqual([
      ['storage:WR-2:2026-11-18', A, 500],
      ['storage:WR-2:2026-11-19:2', B, 667],
      ['transfer:T-2', B, 1_667],
      ['storage:WR-2:2026-11-20:2', B, 667],
    ]);
    const reversals = await waitFor(() => {
      const found = fees.messages.filter((message) => message.headers.ce_type === FeeReversedSchema.typeName);
      return found.length === 2 ? found : undefined;
    }, PATIENTLY);
    expect(
      reversals.map((message) => [
        message.key,
        (registry.decodeEvent(FeeReversedSchema.typeName, message.value) as MessageShape<typeof FeeReversedSchema>).amountFen,
      ]),
    ).toEqual([
      [A, 500n],
      [A, 500n],
    ]);
  });

  it('rebuilds the fees and holdings read models from the log, equal row for row to the live ones', async () => {
    const rows = async () => ({
      fees: (await db().query(`SELECT * FROM fees ORDER BY fee_id`)).rows,
      holdings: (await db().query(`SELECT * FROM holdings ORDER BY kind, id`)).rows,
    });
    // WR-1: 10 + 5 days and the transfer (16); L1: load-in and load-out (2); WR-2: 11-18, the two
    // days reversed and charged anew, the transfer (6); L2: load-in (1). 25 fees, 4 timelines.
    await waitFor(async () => {
      const current = await rows();
      return current.fees.length === 25 && current.holdings.length === 4;
    }, PATIENTLY);
    // The counts say nothing of the holdings read model's updates (WR-2's late transfer to B):
    // it follows the log on its own checkpoint, and may not have applied what the fees one has.
    await app.readModelsCaughtUp(PATIENTLY.timeoutMs);
    const live = await rows();
    await rebuildService(billingServiceDefinition, app.commandEnv(), [], () => undefined);
    expect(await rows()).toEqual(live);
  });
});
