import { fromBinary } from '@bufbuild/protobuf';
import {
  EventRegistry,
  fromWeight,
  inventoryEventSchemas,
  LotShippedOutSchema,
  PiecesShippedOutSchema,
  StepEvidenceKind,
  WorkOrderStepPerformedSchema,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { TopicNames } from '@dw/platform';
import type { OutboundEvent } from '../domain/outbound.events';
import { outboundOutbox } from './outbound-events.mapper';

const topics = TopicNames.withPrefix('unit');
const registry = new EventRegistry().register(...inventoryEventSchemas);
const at = '2025-03-11T02:00:00Z';
const stamp = { orderId: 'out-ENT-R1', actor: 'operator-12', at };

/** The last load of an order: lot-1's last piece and one of lot-2's, then the order finished. */
const loadedOut: OutboundEvent = {
  type: 'LoadedOut',
  data: {
    ...stamp,
    loadNo: 2,
    noteId: 'out-ENT-R1-L2',
    noteSha256: 'ab'.repeat(32),
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    ownerParty: 'P-A',
    commodity: 'rb-400e-20-sg',
    entitlementId: 'ENT-R1',
    receiptNumber: 'R1',
    vehicle: '沪a 12345',
    readingId: 'r-2',
    scaleId: 'scale-1',
    grossKg: 19_000,
    tareKg: 15_000,
    lots: [
      {
        lotId: 'lot-1',
        pieces: [{ barcode: 'A', bookKg: 2_000 }],
        bookKg: 2_000,
        netKg: 2_004,
        overShortKg: 4,
        toleranceBps: 30,
        lotTotals: { pieces: 3, bookKg: 6_000, netKg: 6_010, overShortKg: 10 },
      },
      { lotId: 'lot-2', pieces: [{ barcode: 'C', bookKg: 1_990 }], bookKg: 1_990, netKg: 1_996, overShortKg: 6, lotTotals: null },
    ],
    pieces: 2,
    bookKg: 3_990,
    netKg: 4_000,
    overShortKg: 10,
    shippedOn: '2025-03-11',
  },
};
const finished: OutboundEvent = {
  type: 'OutboundFinished',
  data: {
    ...stamp,
    entitlementId: 'ENT-R1',
    loads: 2,
    pieces: 4,
    bookKg: 7_990,
    netKg: 8_010,
    overShortKg: 20,
    readingIds: ['r-1', 'r-2'],
    scaleReadingRequired: true,
  },
};
const pending = (events: OutboundEvent[]): PendingEvent[] =>
  events.map((event, i) => ({
    eventId: `00000000-0000-7000-8000-00000000000${i}`,
    streamId: 'outbound-out-ENT-R1',
    streamType: 'outbound',
    type: event.type,
    data: event.data,
    schemaVersion: 1,
    metadata: { actor: { subject: 'operator-12', role: 'operator' }, correlationId: 'c' },
    recordedAt: new Date(at),
  }));

describe('outbound events to public messages', () => {
  const messages = outboundOutbox(topics, registry)({ status: 'none' })(pending([loadedOut, finished]));

  it('publishes PiecesShippedOut per lot and LotShippedOut for the lot emptied, keyed by lot id', () => {
    const onLots = messages.filter((message) => message.topic === 'unit.inventory.lot.v1');
    expect(onLots.map((message) => [message.headers.ce_type, message.key])).toEqual([
      [PiecesShippedOutSchema.typeName, 'lot-1'],
      [LotShippedOutSchema.typeName, 'lot-1'],
      [PiecesShippedOutSchema.typeName, 'lot-2'],
    ]);
    const shipped = fromBinary(PiecesShippedOutSchema, onLots[0]!.payload);
    expect({ net: fromWeight(shipped.net!), book: fromWeight(shipped.book!), overShort: fromWeight(shipped.overShort!) }).toEqual({
      net: 2_004,
      book: 2_000,
      overShort: 4,
    });
    expect(shipped).toMatchObject({ barcodes: ['A'], loadOutNoteId: 'out-ENT-R1-L2', loadOutNoteSha256: 'ab'.repeat(32), shippedOn: { value: '2025-03-11' } });
    expect(fromBinary(LotShippedOutSchema, onLots[1]!.payload)).toMatchObject({ lotId: 'lot-1', pieces: 3 });
  });

  it('names the vehicle the load leaves on as a normalised plate, the lot commodity and the tolerance the lot carries, for the gate', () => {
    const [first, second] = messages
      .filter((message) => message.headers.ce_type === PiecesShippedOutSchema.typeName)
      .map((message) => fromBinary(PiecesShippedOutSchema, message.payload));
    expect(first).toMatchObject({ vehicle: '沪A12345', commodityCode: 'rb-400e-20-sg', toleranceBasisPoints: 30 });
    // lot-2's part was recorded without a tolerance (a load-out from before it was carried): 0.
    expect(second).toMatchObject({ vehicle: '沪A12345', commodityCode: 'rb-400e-20-sg', toleranceBasisPoints: 0 });
  });

  it('reports pick, weigh (with every scale reading) and load once the order is finished', () => {
    const steps = messages.filter((message) => message.headers.ce_type === WorkOrderStepPerformedSchema.typeName);
    expect(steps.map((message) => message.topic)).toEqual(Array(3).fill('unit.inventory.operation.v1'));
    expect(steps.map((message) => fromBinary(WorkOrderStepPerformedSchema, message.payload))).toMatchObject([
      { orderId: 'out-ENT-R1', step: 'pick', pieces: 4 },
      { step: 'weigh', evidenceKind: StepEvidenceKind.SCALE_READING, evidenceRefs: ['r-1', 'r-2'] },
      { step: 'load' },
    ]);
  });

  it('gives each message its own id, the same each time the event is mapped', () => {
    const ids = messages.map((message) => message.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(outboundOutbox(topics, registry)({ status: 'none' })(pending([loadedOut, finished])).map((message) => message.messageId)).toEqual(ids);
  });
});
