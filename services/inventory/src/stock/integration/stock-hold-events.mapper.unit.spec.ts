import { fromBinary } from '@bufbuild/protobuf';
import { EventRegistry, fromWeight, inventoryEventSchemas, StockHoldKind, StockHoldPlacedSchema, StockHoldReleasedSchema } from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { TopicNames } from '@dw/platform';
import type { StockEvent } from '../domain/stock.events';
import { stockHoldOutbox } from './stock-hold-events.mapper';

const topics = TopicNames.withPrefix('unit');
const outbox = stockHoldOutbox(topics, new EventRegistry().register(...inventoryEventSchemas));
const at = '2026-03-10T02:00:00Z';
const pending = (event: StockEvent): PendingEvent => ({
  eventId: '00000000-0000-7000-8000-000000000001',
  streamId: 'stock-lot-1',
  streamType: 'stock',
  type: event.type,
  data: event.data,
  schemaVersion: 1,
  metadata: { actor: { subject: 'desk-clerk-7', role: 'clerk' }, correlationId: 'c-1' },
  recordedAt: new Date(at),
});

describe('stock holds to public messages', () => {
  it('publishes a placed hold on inventory.lot.v1 keyed by the lot, with its kind, holder and quantity', () => {
    const [message, ...rest] = outbox([
      pending({
        type: 'HoldPlaced',
        data: {
          lotId: 'lot-1',
          holdId: 'h-1',
          kind: 'freeze',
          quantity: { pieces: 1, kg: 2_000 },
          reason: 'court order',
          holder: 'court-pudong',
          actor: 'desk-clerk-7',
          at,
        },
      }),
    ]);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ topic: 'unit.inventory.lot.v1', key: 'lot-1', headers: { ce_type: StockHoldPlacedSchema.typeName } });
    const placed = fromBinary(StockHoldPlacedSchema, message!.payload);
    expect(placed).toMatchObject({ lotId: 'lot-1', holdId: 'h-1', kind: StockHoldKind.FREEZE, holder: 'court-pudong', reason: 'court order', pieces: 1 });
    expect(fromWeight(placed.weight!)).toBe(2_000);
    expect(placed.placedBy).toMatchObject({ subject: 'desk-clerk-7', role: 'clerk' });
  });

  it('publishes a release, and nothing for the other stock facts', () => {
    const [released] = outbox([
      pending({
        type: 'HoldReleased',
        data: { lotId: 'lot-1', holdId: 'h-1', kind: 'reservation', quantity: { pieces: 1, kg: 2_000 }, holder: 'P-A', actor: 'P-A', at },
      }),
    ]);
    expect(fromBinary(StockHoldReleasedSchema, released!.payload)).toMatchObject({
      lotId: 'lot-1',
      holdId: 'h-1',
      kind: StockHoldKind.RESERVATION,
      holder: 'P-A',
    });
    expect(released!.key).toBe('lot-1');
    expect(
      outbox([pending({ type: 'StockShippedOut', data: { lotId: 'lot-1', orderId: 'wo-out-1', quantity: { pieces: 1, kg: 2_000 }, actor: 'loader-3', at } })]),
    ).toEqual([]);
  });
});
