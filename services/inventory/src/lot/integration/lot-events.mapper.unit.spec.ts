import { fromBinary } from '@bufbuild/protobuf';
import {
  EventRegistry,
  fromWeight,
  inventoryEventSchemas,
  LotBecameAvailableSchema,
  LotWeightToleranceExceededSchema,
  StepEvidenceKind,
  WorkOrderStepPerformedSchema,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { foldEvents } from '@dw/kernel';
import { TopicNames } from '@dw/platform';
import { lotDecider } from '../domain/lot.decider';
import type { LotEvent } from '../domain/lot.events';
import { actor, at, inspected, lotId, placed, putAwayEvent, stamp, tallied, threeScanned, weighed } from '../domain/lot.test-fixtures';
import { lotOutbox } from './lot-events.mapper';

const topics = TopicNames.withPrefix('unit');
const registry = new EventRegistry().register(...inventoryEventSchemas);
const outboxFor = lotOutbox(topics, registry);

const pending = (events: LotEvent[]): PendingEvent[] =>
  events.map((event, i) => ({
    eventId: `00000000-0000-7000-8000-00000000000${i}`,
    streamId: lotId,
    streamType: 'lot',
    type: event.type,
    data: event.data,
    schemaVersion: 1,
    metadata: { actor: { subject: actor, role: 'operator' }, correlationId: 'wo-1' },
    recordedAt: new Date(at),
  }));
/** The messages for `next`, decided on the lot after `given`. */
const messagesAfter = (given: LotEvent[], next: LotEvent[]) => outboxFor(foldEvents(lotDecider, given))(pending(next));
const stepOf = (message: { payload: Uint8Array }) => fromBinary(WorkOrderStepPerformedSchema, message.payload);

describe('lot events to public messages', () => {
  it('reports unload_tally done when the tally closes, to the order of the lot', () => {
    const [message, ...rest] = messagesAfter(threeScanned, [tallied[tallied.length - 1]!]);
    expect(rest).toEqual([]);
    expect(message!.topic).toBe('unit.inventory.operation.v1');
    expect(message!.key).toBe(lotId);
    expect(message!.headers.ce_type).toBe(WorkOrderStepPerformedSchema.typeName);
    expect(stepOf(message!)).toMatchObject({
      orderId: 'wo-1',
      step: 'unload_tally',
      subject: lotId,
      pieces: 3,
      performedBy: { subject: actor, role: 'operator' },
    });
  });

  it('reports weigh done with the scale readings as evidence', () => {
    const [message] = messagesAfter(weighed.slice(0, -1), [weighed[weighed.length - 1]!]);
    const step = stepOf(message!);
    expect(step).toMatchObject({ step: 'weigh', evidenceKind: StepEvidenceKind.SCALE_READING, evidenceRefs: ['r-B1', 'r-B2', 'r-B3'], pieces: 3 });
    expect(fromWeight(step.net!)).toBe(6_000);
  });

  it('raises the tolerance alarm on the lot topic: 6,100 kg against 6,000 kg ± 30 bp', () => {
    // 30 bp of 6,000 kg = 6,000 × 30 / 10,000 = 18 kg allowed; 6,100 − 6,000 = 100 kg over.
    const alarm: LotEvent = {
      type: 'WeightToleranceExceeded',
      data: {
        ...stamp,
        warehouse: 'WH-SH-01',
        owner: 'SC-0001',
        expectedKg: 6_000,
        netKg: 6_100,
        differenceKg: 100,
        toleranceBps: 30,
        allowedDifferenceKg: 18,
      },
    };
    const [message] = messagesAfter(weighed, [alarm]);
    expect(message!.topic).toBe('unit.inventory.lot.v1');
    const decoded = fromBinary(LotWeightToleranceExceededSchema, message!.payload);
    expect([decoded.expected, decoded.net, decoded.difference, decoded.allowedDifference].map((w) => fromWeight(w!))).toEqual([6_000, 6_100, 100, 18]);
    expect(decoded).toMatchObject({ lotId, orderId: 'wo-1', ownerStorageCard: 'SC-0001', toleranceBasisPoints: 30 });
  });

  it('reports inspect only for a passed inspection, with the report', () => {
    const passed = messagesAfter(weighed, [inspected[inspected.length - 1]!]);
    expect(stepOf(passed[0]!)).toMatchObject({ step: 'inspect', evidenceKind: StepEvidenceKind.INSPECTION_REPORT, evidenceRefs: ['CIQ-2025-0042'] });
    const failed: LotEvent = { type: 'LotInspected', data: { ...stamp, reportRef: 'CIQ-2025-0043', result: 'failed' } };
    expect(messagesAfter(weighed, [failed])).toEqual([]);
  });

  it('reports put_away only when the last piece of the lot is placed', () => {
    expect(messagesAfter(inspected, [putAwayEvent('SHED1-R01-S01', ['B1', 'B2'])])).toEqual([]);
    const [last] = messagesAfter([...inspected, putAwayEvent('SHED1-R01-S01', ['B1', 'B2'])], [putAwayEvent('SHED1-R01-S02', ['B3'])]);
    const step = stepOf(last!);
    expect(step).toMatchObject({ step: 'put_away', pieces: 3 });
    expect(fromWeight(step.net!)).toBe(6_000);
  });

  it('publishes LotBecameAvailable with the lot as it stands in store', () => {
    const available = lotDecider.decide({ type: 'CompleteReceiving', data: { lotId, actor, at } }, foldEvents(lotDecider, placed));
    const [message] = messagesAfter(placed, available);
    expect(message!.headers.ce_type).toBe(LotBecameAvailableSchema.typeName);
    const decoded = fromBinary(LotBecameAvailableSchema, message!.payload);
    expect(decoded).toMatchObject({
      lotId,
      orderId: 'wo-1',
      warehouse: 'WH-SH-01',
      ownerStorageCard: 'SC-0001',
      pieces: 3,
      brand: '沙钢',
      inspectionReportRef: 'CIQ-2025-0042',
    });
    expect(decoded.commodity).toMatchObject({ code: 'rb-400e-20-sg', standardName: '螺纹钢 HRB400E Φ20 沙钢' });
    expect(fromWeight(decoded.net!)).toBe(6_000);
    expect(decoded.locations.map((l) => [l.locationId, l.pieces, fromWeight(l.net!)])).toEqual([
      ['SHED1-R01-S01', 2, 4_000],
      ['SHED1-R01-S02', 1, 2_000],
    ]);
  });

  it('publishes nothing for the other receiving events', () => {
    expect(messagesAfter([], threeScanned)).toEqual([]);
  });
});
