import { create, fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { randomBytes } from 'node:crypto';
import {
  InboundNoticeSchema,
  inventoryLotTopic,
  inventoryOperationTopic,
  OrderLotSchema,
  OrderType,
  orderWorkOrderTopic,
  OutboundEntitlementReferenceSchema,
  PinnedWorkflowSchema,
  StepCheck,
  topicName,
  toWeight,
  WorkflowStepSchema,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
  WorkOrderStepRecordedSchema,
} from '@dw/contracts';
import { shanghaiDateOf, type ManualClock } from '@dw/kernel';
import { signRequest } from '@dw/platform';
import { ServiceTestApp, type Answer, type Person, type StartedServiceTestApp } from '@dw/platform/testing';
import { testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { startInventoryService } from '../../testing/inventory-test-app.spec-helper';

/**
 * The outbound floor for int specs, on real PostgreSQL and real Kafka, through HTTP: the inventory
 * service runs in-process exactly as main.ts builds it, with the spec's clock. The order service's
 * facts arrive on order.work-order.v1, published here in its place; lots are received through the
 * inbound routes (scans, signed piece weighings, put-away, completion) so they are in store and in
 * the stock book as in production.
 */
export const SCALE = { id: 'loadout-scale-1', secret: 'loadout-scale-1-secret-0123456789-abcdef', role: 'device' as const };
export const WAREHOUSE = 'WH-SH-01';
export const CARD = 'SC-0001';
export const COMMODITY = 'rb-400e-20-sg';

export type { Answer, Person } from '@dw/platform/testing';

export const operator: Person = { sub: 'operator-12', roles: ['operator'] };
export const manager: Person = { sub: 'manager-1', roles: ['manager'] };

const desk = { subject: 'desk-clerk-7', role: 'clerk', partyId: '' };
const steps = (codes: [string, StepCheck?][]) =>
  codes.map(([code, check]) => create(WorkflowStepSchema, { code, name: code, check: check ?? StepCheck.NONE, required: true, movesGoods: false }));

export class OutboundFloor extends ServiceTestApp {
  private constructor(
    started: StartedServiceTestApp,
    /** Everything inventory publishes on inventory.lot.v1 and inventory.operation.v1. */
    readonly recorder: TopicRecorder,
  ) {
    super(started);
  }

  /** Provisions the service's own schema and topics, starts it, and registers the commodity (with a tolerance) and a shed location. */
  static async start(label: string, clock: ManualClock): Promise<OutboundFloor> {
    const started = await startInventoryService(label, clock, [SCALE]);
    const recorder = new TopicRecorder(testMessageBus(), [topicName(inventoryLotTopic, started.prefix), topicName(inventoryOperationTopic, started.prefix)]);
    const floor = new OutboundFloor(started, await recorder.start());

    expectStatus(
      await floor.as(manager, 'POST', '/commodities', { code: COMMODITY, product: '螺纹钢', specification: 'HRB400E Φ20', brand: '沙钢' }),
      201,
      'register the commodity',
    );
    expectStatus(
      await floor.as(manager, 'POST', `/commodities/${COMMODITY}/weight-tolerances`, { effectiveFrom: shanghaiDateOf(clock.now()), toleranceBps: 30 }),
      201,
      'publish its weight tolerance (a lot opens only under one)',
    );
    expectStatus(
      await floor.as(manager, 'POST', '/locations', {
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
    return floor;
  }

  /** The scale posts its reading, HMAC-signed at the clock's time. */
  scale(path: string, json: unknown): Promise<Answer> {
    const body = JSON.stringify(json);
    return this.send('POST', path, body, {
      ...signRequest({ clientId: SCALE.id, secret: SCALE.secret, method: 'POST', path, body, clock: this.clock }),
      'idempotency-key': randomBytes(8).toString('hex'),
    });
  }

  /** Publishes an order-service fact on order.work-order.v1, as the order service would. */
  async publishOrderFact<S extends DescMessage>(schemaOf: S, orderId: string, message: MessageShape<S>): Promise<void> {
    await this.publish(orderWorkOrderTopic, `work-order-${orderId}`, schemaOf, message);
  }

  async recordStep(orderId: string, step: string, sequence: number): Promise<void> {
    await this.publishOrderFact(
      WorkOrderStepRecordedSchema,
      orderId,
      create(WorkOrderStepRecordedSchema, { orderId, step, name: step, sequence, recordedBy: desk, recordedAt: timestampFromDate(this.clock.now()) }),
    );
  }

  /** Waits until inventory's record of the order expects `step` next. */
  untilExpects(orderId: string, step: string) {
    return waitFor(async () => ((await this.as(manager, 'GET', `/authorising-orders/${orderId}`)).body?.next?.expected === step ? true : undefined), {
      timeoutMs: 30_000,
      describe: `inventory to expect ${step} under ${orderId}`,
    });
  }

  /** Receives a lot under an inbound order: scans, signed piece weighings, put-away, completion. */
  async receiveLot(orderId: string, pieces: Record<string, number>): Promise<string> {
    const expectedKg = Object.values(pieces).reduce((sum, kg) => sum + kg, 0);
    await this.publishOrderFact(
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
        openedAt: timestampFromDate(this.clock.now()),
      }),
    );
    await this.recordStep(orderId, 'notice', 1);
    await this.recordStep(orderId, 'arrival', 2);
    await this.untilExpects(orderId, 'unload_tally');
    const lotId = `lot-${orderId}`;
    for (const barcode of Object.keys(pieces)) {
      expectStatus(
        await this.as(operator, 'POST', `/inbound-orders/${orderId}/scans`, { barcode, kind: 'bundle', productionDate: '2025-02-20' }),
        201,
        `scan ${barcode}`,
      );
    }
    expectStatus(await this.as(operator, 'POST', `/lots/${lotId}/tally/finish`), 200, 'finish the tally');
    await this.recordStep(orderId, 'unload_tally', 3);
    await this.untilExpects(orderId, 'weigh');
    for (const [barcode, netKg] of Object.entries(pieces)) {
      const reading = {
        lotId,
        readingId: `in-${barcode}`,
        subject: { kind: 'piece', barcode },
        grossKg: netKg + 50,
        tareKg: 50,
        weighedAt: this.clock.now().toISOString(),
      };
      expectStatus(await this.scale('/scale-readings', reading), 201, `weigh ${barcode}`);
    }
    expectStatus(await this.as(operator, 'POST', `/lots/${lotId}/weighing/finish`), 200, 'finish weighing');
    await this.recordStep(orderId, 'weigh', 4);
    await this.untilExpects(orderId, 'put_away');
    expectStatus(await this.as(operator, 'POST', `/lots/${lotId}/put-aways`, { locationId: 'SHED1-R01-S01', barcodes: Object.keys(pieces) }), 201, 'put away');
    await this.recordStep(orderId, 'put_away', 5);
    await this.untilExpects(orderId, 'confirm');
    await this.publishOrderFact(
      WorkOrderCompletedSchema,
      orderId,
      create(WorkOrderCompletedSchema, { orderId, steps: [], completedBy: desk, completedAt: timestampFromDate(this.clock.now()) }),
    );
    await waitFor(
      async () => ((await this.as(manager, 'GET', `/stock?lot=${lotId}`)).body?.items?.[0]?.onHand?.pieces === Object.keys(pieces).length ? true : undefined),
      {
        timeoutMs: 30_000,
        describe: `lot ${lotId} in stock`,
      },
    );
    return lotId;
  }

  /**
   * The order service opens an outbound order over the receipt's entitlement (its lots, pieces and
   * kg), with the standard outbound workflow (the weigh step demanding a scale reading), and
   * records its notice step: inventory then expects `pick` (or, with `recordNotice` false, still `notice`).
   */
  async openOutboundOrder(
    orderId: string,
    entitlement: { entitlementId: string; receiptNumber: string; lots: { lotId: string; pieces: number; kg: number }[] },
    { recordNotice = true }: { recordNotice?: boolean } = {},
  ): Promise<void> {
    await this.publishOrderFact(
      WorkOrderOpenedSchema,
      orderId,
      create(WorkOrderOpenedSchema, {
        orderId,
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
          entitlementId: entitlement.entitlementId,
          receiptNumber: entitlement.receiptNumber,
          lots: entitlement.lots.map((lot) => create(OrderLotSchema, { lotId: lot.lotId, pieces: lot.pieces, net: toWeight(lot.kg) })),
        }),
        openedBy: { subject: 'service:order', role: 'service', partyId: '' },
        openedAt: timestampFromDate(this.clock.now()),
      }),
    );
    if (recordNotice) await this.recordStep(orderId, 'notice', 1);
    await this.untilExpects(orderId, recordNotice ? 'pick' : 'notice');
  }

  /** The messages of one contract inventory has published so far, decoded. */
  messagesOf<S extends DescMessage>(schemaOf: S): MessageShape<S>[] {
    return this.recorder.messages.filter((message) => message.headers.ce_type === schemaOf.typeName).map((message) => fromBinary(schemaOf, message.value));
  }

  override async close(): Promise<void> {
    await this.recorder.stop();
    await super.close();
  }
}

export function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
}
