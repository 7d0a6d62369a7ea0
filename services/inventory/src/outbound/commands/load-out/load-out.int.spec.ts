import { create, fromBinary, toBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { INestApplication } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  deadLetterTopicName,
  fromWeight,
  LotShippedOutSchema,
  OrderLotSchema,
  OrderType,
  OutboundEntitlementReferenceSchema,
  PiecesShippedOutSchema,
  StepCheck,
  topicName,
  toWeight,
  WorkflowStepSchema,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
  WorkOrderStepPerformedSchema,
  WorkOrderStepRecordedSchema,
  InboundNoticeSchema,
  PinnedWorkflowSchema,
  inventoryLotTopic,
  inventoryOperationTopic,
  orderWorkOrderTopic,
} from '@dw/contracts';
import { dropServiceDatabase } from '@dw/event-store';
import { ManualClock, shanghaiDateOf } from '@dw/kernel';
import { JsonLogger } from '@dw/observability';
import {
  BaseServiceConfig,
  connectInbox,
  consumerGroupOf,
  createDevKeySet,
  createServiceApp,
  DEV_ISSUER,
  loadConfig,
  mintDevToken,
  provisionService,
  signRequest,
  type Role,
} from '@dw/platform';
import { databaseUrl, kafkaBrokers, ReadYourWritesSession, testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { AppModule } from '../../../app.module';
import { inventoryServiceDefinition } from '../../../inventory.service-definition';

/**
 * Goods leaving, on real PostgreSQL and real Kafka, through HTTP: the inventory service runs
 * in-process exactly as main.ts builds it, with a clock the test moves from one day to the next.
 * The order service's facts arrive on order.work-order.v1, published here in its place. Two
 * inbound lots are received first; a receipt's entitlement to lot A (3 pieces) is then carried
 * out in two loads on two days, while lot B stays in store.
 */
const SCALE = { id: 'loadout-scale-1', secret: 'loadout-scale-1-secret-0123456789-abcdef', role: 'device' as const };
const WAREHOUSE = 'WH-SH-01';
const CARD = 'SC-0001';
const COMMODITY = 'rb-400e-20-sg';
const clock = new ManualClock('2025-03-10T01:00:00Z');
const keys = createDevKeySet();
const session = new ReadYourWritesSession();
const bus = testMessageBus();
const run = randomBytes(4).toString('hex');
const schema = `t_inventory_out_${run}`;
const prefix = `tout${run}`;
let app: INestApplication;
let url: string;
let recorder: TopicRecorder;

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read answers of many shapes field by field
  body: any;
  bytes: Buffer;
}
interface Person {
  sub: string;
  roles: Role[];
  partyId?: string;
}
const operator: Person = { sub: 'operator-12', roles: ['operator'] };
const manager: Person = { sub: 'manager-1', roles: ['manager'] };
const holder: Person = { sub: 'trader-a', roles: ['depositor'], partyId: 'P-A' };
const otherDepositor: Person = { sub: 'trader-b', roles: ['depositor'], partyId: 'P-B' };

async function send(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...session.headersFor(url), ...headers },
    body,
  });
  session.remember(url, response.headers);
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = (response.headers.get('content-type') ?? '').includes('json') && bytes.length > 0;
  return { status: response.status, headers: response.headers, body: json ? JSON.parse(bytes.toString('utf8')) : undefined, bytes };
}
const as = (person: Person, method: string, path: string, json?: unknown) =>
  send(method, path, json === undefined ? undefined : JSON.stringify(json), {
    authorization: `Bearer ${mintDevToken(keys, { sub: person.sub, roles: person.roles, partyId: person.partyId, issuedAt: clock.now() })}`,
  });
/** The scale posts its reading, HMAC-signed at the test clock's time. */
const scale = (path: string, json: unknown) => {
  const body = JSON.stringify(json);
  return send('POST', path, body, {
    ...signRequest({ clientId: SCALE.id, secret: SCALE.secret, method: 'POST', path, body, clock }),
    'idempotency-key': randomBytes(8).toString('hex'),
  });
};
function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Publishes an order-service fact on order.work-order.v1, as the order service would. */
async function publishOrderFact<S extends DescMessage>(schemaOf: S, orderId: string, message: MessageShape<S>): Promise<void> {
  const producer = bus.producer();
  await producer.connect();
  try {
    await producer.send([
      {
        topic: topicName(orderWorkOrderTopic, prefix),
        key: `work-order-${orderId}`,
        value: Buffer.from(toBinary(schemaOf, message)),
        headers: {
          ce_id: randomBytes(16).toString('hex'),
          ce_type: schemaOf.typeName,
          ce_source: '/dw/order',
          ce_subject: `work-order-${orderId}`,
          ce_specversion: '1.0',
        },
      },
    ]);
  } finally {
    await producer.disconnect();
  }
}
const desk = { subject: 'desk-clerk-7', role: 'clerk', partyId: '' };
const steps = (codes: [string, StepCheck?][]) =>
  codes.map(([code, check]) => create(WorkflowStepSchema, { code, name: code, check: check ?? StepCheck.NONE, required: true, movesGoods: false }));
async function recordStep(orderId: string, step: string, sequence: number): Promise<void> {
  await publishOrderFact(
    WorkOrderStepRecordedSchema,
    orderId,
    create(WorkOrderStepRecordedSchema, { orderId, step, name: step, sequence, recordedBy: desk, recordedAt: timestampFromDate(clock.now()) }),
  );
}
/** Waits until inventory's record of the order expects `step` next. */
const untilExpects = (orderId: string, step: string) =>
  waitFor(async () => ((await as(manager, 'GET', `/authorising-orders/${orderId}`)).body?.next?.expected === step ? true : undefined), {
    timeoutMs: 30_000,
    describe: `inventory to expect ${step} under ${orderId}`,
  });

/** Receives a lot under an inbound order: scans, signed piece weighings, put-away, completion. */
async function receiveLot(orderId: string, pieces: Record<string, number>): Promise<string> {
  const expectedKg = Object.values(pieces).reduce((sum, kg) => sum + kg, 0);
  await publishOrderFact(
    WorkOrderOpenedSchema,
    orderId,
    create(WorkOrderOpenedSchema, {
      orderId,
      type: OrderType.INBOUND,
      warehouse: WAREHOUSE,
      ownerStorageCard: CARD,
      ownerPartyId: 'P-A',
      commodityCode: COMMODITY,
      notice: create(InboundNoticeSchema, {
        brand: '沙钢',
        specification: 'HRB400E Φ20',
        expectedPieces: Object.keys(pieces).length,
        expected: toWeight(expectedKg),
      }),
      workflow: create(PinnedWorkflowSchema, {
        workflowId: 'inbound/*/*',
        version: 1,
        steps: steps([['notice'], ['arrival'], ['unload_tally'], ['weigh', StepCheck.SCALE_READING], ['put_away'], ['confirm']]),
      }),
      openedBy: desk,
      openedAt: timestampFromDate(clock.now()),
    }),
  );
  await recordStep(orderId, 'notice', 1);
  await recordStep(orderId, 'arrival', 2);
  await untilExpects(orderId, 'unload_tally');
  const lotId = `lot-${orderId}`;
  for (const barcode of Object.keys(pieces)) {
    expectStatus(
      await as(operator, 'POST', `/inbound-orders/${orderId}/scans`, { barcode, kind: 'bundle', productionDate: '2025-02-20' }),
      201,
      `scan ${barcode}`,
    );
  }
  expectStatus(await as(operator, 'POST', `/lots/${lotId}/tally/finish`), 200, 'finish the tally');
  await recordStep(orderId, 'unload_tally', 3);
  await untilExpects(orderId, 'weigh');
  for (const [barcode, netKg] of Object.entries(pieces)) {
    const reading = {
      lotId,
      readingId: `in-${barcode}`,
      subject: { kind: 'piece', barcode },
      grossKg: netKg + 50,
      tareKg: 50,
      weighedAt: clock.now().toISOString(),
    };
    expectStatus(await scale('/scale-readings', reading), 201, `weigh ${barcode}`);
  }
  expectStatus(await as(operator, 'POST', `/lots/${lotId}/weighing/finish`), 200, 'finish weighing');
  await recordStep(orderId, 'weigh', 4);
  await untilExpects(orderId, 'put_away');
  expectStatus(await as(operator, 'POST', `/lots/${lotId}/put-aways`, { locationId: 'SHED1-R01-S01', barcodes: Object.keys(pieces) }), 201, 'put away');
  await recordStep(orderId, 'put_away', 5);
  await untilExpects(orderId, 'confirm');
  await publishOrderFact(
    WorkOrderCompletedSchema,
    orderId,
    create(WorkOrderCompletedSchema, { orderId, steps: [], completedBy: desk, completedAt: timestampFromDate(clock.now()) }),
  );
  await waitFor(
    async () => ((await as(manager, 'GET', `/stock?lot=${lotId}`)).body?.items?.[0]?.onHand?.pieces === Object.keys(pieces).length ? true : undefined),
    {
      timeoutMs: 30_000,
      describe: `lot ${lotId} in stock`,
    },
  );
  return lotId;
}

const messagesOf = <S extends DescMessage>(schemaOf: S) =>
  recorder.messages.filter((message) => message.headers.ce_type === schemaOf.typeName).map((message) => fromBinary(schemaOf, message.value));

let lotA: string;
let lotB: string;
const ORDER = 'out-ENT-WR-0001';
/** Day 1's load-out answer and day 2's. */
let day1: Answer;
let day2: Answer;

beforeAll(async () => {
  const admin = databaseUrl();
  await provisionService(
    inventoryServiceDefinition,
    { DATABASE_ADMIN_URL: admin, DATABASE_SCHEMA: schema, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix },
    () => undefined,
  );
  const appUrl = new URL(admin);
  appUrl.username = `${schema}_app`;
  const config = loadConfig(BaseServiceConfig, {
    DATABASE_URL: appUrl.toString(),
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    HTTP_PORT: '0',
    SERVICE_NAME: 'inventory',
    LOG_LEVEL: 'error',
    AUTH_ISSUER: DEV_ISSUER,
    AUTH_JWKS: JSON.stringify(keys.jwks),
    INTEGRATION_CLIENTS: JSON.stringify([SCALE]),
    READ_YOUR_WRITES_TIMEOUT_MS: '30000',
  });
  const quiet = { write: () => true };
  app = await createServiceApp(AppModule, { config, clock, logger: new JsonLogger({ service: 'inventory', level: 'error', stdout: quiet, stderr: quiet }) });
  connectInbox(app);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  recorder = await new TopicRecorder(bus, [topicName(inventoryLotTopic, prefix), topicName(inventoryOperationTopic, prefix)]).start();

  expectStatus(
    await as(manager, 'POST', '/commodities', { code: COMMODITY, product: '螺纹钢', specification: 'HRB400E Φ20', brand: '沙钢' }),
    201,
    'register the commodity',
  );
  expectStatus(
    await as(manager, 'POST', `/commodities/${COMMODITY}/weight-tolerances`, { effectiveFrom: shanghaiDateOf(clock.now()), toleranceBps: 30 }),
    201,
    'publish its weight tolerance (a lot opens only under one)',
  );
  expectStatus(
    await as(manager, 'POST', '/locations', {
      locationId: 'SHED1-R01-S01',
      warehouse: WAREHOUSE,
      area: { kind: 'shed', name: 'SHED1' },
      row: 'R01',
      slot: 'S01',
      capacityKg: 100_000,
    }),
    201,
    'define the location',
  );
  // Book weights: A1 2,000 kg, A2 2,010 kg, A3 1,990 kg (lot A, 6,000 kg); B1 1,500 kg (lot B).
  lotA = await receiveLot('in-A', { A1: 2_000, A2: 2_010, A3: 1_990 });
  lotB = await receiveLot('in-B', { B1: 1_500 });

  // The receipt over lot A was cancelled for pickup: the order service opened the outbound order with the entitlement.
  await publishOrderFact(
    WorkOrderOpenedSchema,
    ORDER,
    create(WorkOrderOpenedSchema, {
      orderId: ORDER,
      type: OrderType.OUTBOUND,
      warehouse: WAREHOUSE,
      ownerStorageCard: CARD,
      ownerPartyId: 'P-A',
      commodityCode: COMMODITY,
      workflow: create(PinnedWorkflowSchema, {
        workflowId: 'outbound/*/*',
        version: 1,
        steps: steps([['notice'], ['pick'], ['weigh', StepCheck.SCALE_READING], ['load'], ['confirm']]),
      }),
      entitlement: create(OutboundEntitlementReferenceSchema, {
        entitlementId: 'ENT-WR-0001',
        receiptNumber: 'WR-0001',
        lots: [create(OrderLotSchema, { lotId: lotA, pieces: 3, net: toWeight(6_000) })],
      }),
      openedBy: { subject: 'service:order', role: 'service', partyId: '' },
      openedAt: timestampFromDate(clock.now()),
    }),
  );
  await recordStep(ORDER, 'notice', 1);
  await untilExpects(ORDER, 'pick');
}, 180_000);

afterAll(async () => {
  await recorder?.stop();
  await app?.close();
  await dropServiceDatabase(databaseUrl(), schema);
  const admin = await bus.admin();
  try {
    const group = consumerGroupOf(inventoryServiceDefinition, prefix);
    const topics = [...inventoryServiceDefinition.producedTopics, ...inventoryServiceDefinition.consumedTopics].map((spec) => topicName(spec, prefix));
    await admin.deleteTopics([...topics, deadLetterTopicName(group)]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
});

describe('an entitlement carried out in two loads on two days', () => {
  it('day 1: picks A1 and A2, refuses a piece outside the entitlement and a hand-typed weight, weighs on the signed scale and loads out', async () => {
    clock.set(new Date('2025-03-10T02:00:00Z'));
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A1' })).toMatchObject({ status: 201, body: { lotId: lotA, picked: 1 } });
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A2' })).toMatchObject({ status: 201, body: { picked: 2 } });
    // B1 is in store and the holder's card's, but lot B is not in the entitlement.
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'B1' })).toMatchObject({
      status: 409,
      body: { code: 'PIECE_NOT_ENTITLED', details: { barcode: 'B1', lotId: lotB, reason: 'lot_not_entitled' } },
    });
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A1' })).toMatchObject({
      status: 409,
      body: { code: 'PIECE_ALREADY_PICKED' },
    });
    const load1 = { readingId: 'out-1', subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes: ['A1', 'A2'] }, weighedAt: '2025-03-10T01:58:00Z' };
    // Typed by hand: refused, the outbound workflow's weigh step demands a scale reading.
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/manual-weighings`, { ...load1, grossKg: 19_000, tareKg: 15_000 })).toMatchObject({
      status: 422,
      body: { code: 'SCALE_READING_REQUIRED', details: { reason: 'hand_typed' } },
    });
    // Signed: truck with A1 + A2 19,003 kg, empty 14,990 kg → net 4,013 kg; book 2,000 + 2,010 = 4,010 kg → over +3 kg.
    expect(await scale(`/outbound-orders/${ORDER}/scale-readings`, { ...load1, grossKg: 19_003, tareKg: 14_990 })).toMatchObject({
      status: 201,
      body: { loadNo: 1, pieces: 2, bookKg: 4_010, netKg: 4_013, overShortKg: 3 },
    });
    day1 = await as(operator, 'POST', `/outbound-orders/${ORDER}/load-outs`, {});
    expect(day1).toMatchObject({
      status: 201,
      body: {
        loadNo: 1,
        noteId: `${ORDER}-L1`,
        pieces: 2,
        bookKg: 4_010,
        netKg: 4_013,
        overShortKg: 3,
        finished: false,
        lots: [{ lotId: lotA, lastPieces: false }],
      },
    });
  });

  it('day 2: picks A3, weighs and loads it out; the entitlement is all out', async () => {
    clock.set(new Date('2025-03-11T06:30:00Z'));
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A3' })).toMatchObject({ status: 201 });
    // A3 alone: 16,982 − 15,000 = 1,982 kg against its book 1,990 kg → short −8 kg.
    expect(
      await scale(`/outbound-orders/${ORDER}/scale-readings`, {
        readingId: 'out-2',
        subject: { kind: 'vehicle', vehicle: '苏B67890', barcodes: ['A3'] },
        grossKg: 16_982,
        tareKg: 15_000,
        weighedAt: '2025-03-11T06:28:00Z',
      }),
    ).toMatchObject({ status: 201, body: { loadNo: 2, bookKg: 1_990, netKg: 1_982, overShortKg: -8 } });
    day2 = await as(operator, 'POST', `/outbound-orders/${ORDER}/load-outs`, {});
    expect(day2).toMatchObject({ status: 201, body: { loadNo: 2, overShortKg: -8, finished: true, lots: [{ lotId: lotA, lastPieces: true }] } });
    // Nothing more leaves under a finished order.
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A1' })).toMatchObject({
      status: 409,
      body: { code: 'OUTBOUND_FINISHED' },
    });
  });

  it('publishes PiecesShippedOut per load-out and LotShippedOut with the lot’s totals, and reports pick, weigh and load once', async () => {
    const shipped = await waitFor(() => {
      const found = messagesOf(PiecesShippedOutSchema);
      return found.length >= 2 ? found : undefined;
    });
    expect(
      shipped.map((m) => ({
        lot: m.lotId,
        barcodes: m.barcodes,
        net: fromWeight(m.net!),
        book: fromWeight(m.book!),
        overShort: fromWeight(m.overShort!),
        on: m.shippedOn?.value,
      })),
    ).toEqual([
      { lot: lotA, barcodes: ['A1', 'A2'], net: 4_013, book: 4_010, overShort: 3, on: '2025-03-10' },
      { lot: lotA, barcodes: ['A3'], net: 1_982, book: 1_990, overShort: -8, on: '2025-03-11' },
    ]);
    expect(shipped.map((m) => [m.entitlementId, m.loadOutNoteId, m.loadOutNoteSha256])).toEqual([
      ['ENT-WR-0001', `${ORDER}-L1`, day1.body.noteSha256],
      ['ENT-WR-0001', `${ORDER}-L2`, day2.body.noteSha256],
    ]);
    const emptied = await waitFor(() => messagesOf(LotShippedOutSchema)[0]);
    // Lot A in all: 3 pieces, book 6,000 kg, net 4,013 + 1,982 = 5,995 kg, over/short +3 − 8 = −5 kg.
    expect({
      lot: emptied.lotId,
      pieces: emptied.pieces,
      book: fromWeight(emptied.book!),
      net: fromWeight(emptied.net!),
      overShort: fromWeight(emptied.overShort!),
    }).toEqual({
      lot: lotA,
      pieces: 3,
      book: 6_000,
      net: 5_995,
      overShort: -5,
    });
    expect(recorder.messages.filter((m) => m.headers.ce_type === LotShippedOutSchema.typeName).map((m) => m.key)).toEqual([lotA]);
    const steps = await waitFor(() => {
      const found = messagesOf(WorkOrderStepPerformedSchema).filter((m) => m.orderId === ORDER);
      return found.length >= 3 ? found : undefined;
    });
    expect(steps.map((m) => [m.step, m.evidenceRefs])).toEqual([
      ['pick', []],
      ['weigh', ['out-1', 'out-2']],
      ['load', []],
    ]);
  });

  it('takes the shipped pieces out of stock, leaving lot B', async () => {
    const stockOf = async (lotId: string) => (await as(manager, 'GET', `/stock?lot=${lotId}`)).body.items[0];
    expect(await stockOf(lotA)).toMatchObject({ onHand: { pieces: 0, kg: 0 } });
    expect(await stockOf(lotB)).toMatchObject({ onHand: { pieces: 1, kg: 1_500 } });
  });

  it('shows the holder the order’s load-outs with their notes; another depositor gets 404', async () => {
    expect(await as(holder, 'GET', `/outbound-orders/${ORDER}`)).toMatchObject({
      status: 200,
      body: {
        status: 'finished',
        entitlement: { entitlementId: 'ENT-WR-0001', lots: [{ lotId: lotA, pieces: 3, shippedPieces: 3 }] },
        picked: [],
        loads: [
          { loadNo: 1, noteSha256: day1.body.noteSha256, vehicle: '沪A12345', barcodes: ['A1', 'A2'], shippedOn: '2025-03-10', shippedBy: 'operator-12' },
          { loadNo: 2, noteSha256: day2.body.noteSha256, vehicle: '苏B67890', barcodes: ['A3'], shippedOn: '2025-03-11' },
        ],
      },
    });
    expect(await as(otherDepositor, 'GET', `/outbound-orders/${ORDER}`)).toMatchObject({ status: 404, body: { code: 'OUTBOUND_NOT_FOUND' } });
  });

  it('lets the holder download each load-out note, its SHA-256 matching the one on Kafka; another depositor gets 404', async () => {
    for (const [loadNo, answer] of [
      [1, day1],
      [2, day2],
    ] as const) {
      const note = await as(holder, 'GET', `/outbound-orders/${ORDER}/load-outs/${loadNo}/note`);
      expect(note.status).toBe(200);
      expect(note.headers.get('content-type')).toContain('application/pdf');
      expect(note.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      const digest = createHash('sha256').update(note.bytes).digest('hex');
      expect(digest).toBe(answer.body.noteSha256);
      expect(note.headers.get('x-content-sha256')).toBe(digest);
      expect(note.bytes.toString('latin1')).toContain(loadNo === 1 ? 'A2' : 'A3');
    }
    expect((await as(manager, 'GET', `/outbound-orders/${ORDER}/load-outs/1/note`)).status).toBe(200);
    const probe = await as(otherDepositor, 'GET', `/outbound-orders/${ORDER}/load-outs/1/note`);
    const missing = await as(otherDepositor, 'GET', `/outbound-orders/${ORDER}/load-outs/9/note`);
    expect(probe).toMatchObject({ status: 404, body: { code: 'LOAD_OUT_NOTE_NOT_FOUND' } });
    // Another party’s note answers as a load-out that does not exist does: same status and code.
    expect(missing).toMatchObject({ status: 404, body: { code: 'LOAD_OUT_NOTE_NOT_FOUND' } });
  });
});
