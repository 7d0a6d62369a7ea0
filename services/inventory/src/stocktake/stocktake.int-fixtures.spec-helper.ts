import type { EventMetadata, EventStore } from '@dw/event-store';
import type { OrderAuthorityEvent } from '../authority/domain/order-authority.events';
import type { LocationEvent } from '../location/domain/location.events';
import { opened } from '../lot/domain/lot.test-fixtures';
import { streams } from '../shared/inventory.streams';
import type { StockEvent } from '../stock/domain/stock.events';

/**
 * What the stocktake int specs start from, appended as the services that own the facts would
 * have left them: the order service's stocktake order (noted by inventory's order authority) and
 * a lot received, put away in slot S1 and booked into stock.
 */
export const setupAt = '2025-03-31T06:00:00Z';
export const setupMetadata: EventMetadata = { actor: { subject: 'desk-clerk-7', role: 'clerk' }, correlationId: 'int' };

/** A stocktake order of SC-0001 (party P-A), opened and planned: counting is the step next. */
export async function stocktakeOrderPlanned(store: EventStore, orderId: string): Promise<void> {
  const steps = ['plan', 'count', 'reconcile', 'confirm'].map((code) => ({ code, name: code, check: 'none' as const, required: true, movesGoods: false }));
  const events: OrderAuthorityEvent[] = [
    {
      type: 'OrderAuthorityOpened',
      data: {
        orderId,
        type: 'stocktake',
        warehouse: 'WH-SH-01',
        owner: 'SC-0001',
        ownerParty: 'P-A',
        commodity: 'rb-400e-20-sg',
        expected: null,
        workflowId: 'stocktake/*/*',
        workflowVersion: 1,
        steps,
        openedAt: setupAt,
      },
    },
    { type: 'OrderAuthorityStepRecorded', data: { orderId, step: 'plan', sequence: 1, recordedBy: 'desk-clerk-7', recordedAt: setupAt } },
  ];
  await store.append({ streamId: streams.authority(orderId).id, streamType: 'order-authority', expectedVersion: 'no_stream', events, metadata: setupMetadata });
}

/** The order service recorded the count step, so reconciling is authorised next. */
export async function countRecorded(store: EventStore, orderId: string, recordedAt = setupAt): Promise<void> {
  const event: OrderAuthorityEvent = {
    type: 'OrderAuthorityStepRecorded',
    data: { orderId, step: 'count', sequence: 2, recordedBy: 'desk-clerk-7', recordedAt },
  };
  await store.append({
    streamId: streams.authority(orderId).id,
    streamType: 'order-authority',
    expectedVersion: 'any',
    events: [event],
    metadata: setupMetadata,
  });
}

/** Lot `lotId` of SC-0001 (order wo-in-1, 30 bp weight tolerance): B1 and B2, 2,000 kg each, in slot S1, booked into stock as 2 pieces / 4,000 kg. */
export async function lotBookedInS1(store: EventStore, lotId: string): Promise<void> {
  const append = (stream: { id: string; type: string }, events: readonly { type: string; data: unknown }[]) =>
    store.append({ streamId: stream.id, streamType: stream.type, expectedVersion: 'no_stream', events: [...events] as never, metadata: setupMetadata });
  await append(streams.lot(lotId), [{ ...opened, data: { ...opened.data, lotId, orderId: 'wo-in-1' } }]);
  const pieces = [
    { barcode: 'B1', lotId, netKg: 2_000 },
    { barcode: 'B2', lotId, netKg: 2_000 },
  ];
  const location: LocationEvent[] = [
    {
      type: 'LocationDefined',
      data: {
        locationId: 'S1',
        warehouse: 'WH-SH-01',
        area: { kind: 'yard', name: 'YARD1' },
        row: 'R01',
        slot: 'S1',
        capacityKg: 100_000,
        capacityPieces: null,
        actor: 'manager-2',
        at: setupAt,
      },
    },
    { type: 'GoodsPutAway', data: { locationId: 'S1', orderId: 'wo-in-1', lotId, pieces, netKg: 4_000, actor: 'operator-12', at: setupAt } },
  ];
  await append(streams.location('S1'), location);
  const received: StockEvent = {
    type: 'StockReceived',
    data: {
      lotId,
      orderId: 'wo-in-1',
      warehouse: 'WH-SH-01',
      owner: 'SC-0001',
      commodityCode: 'rb-400e-20-sg',
      quantity: { pieces: 2, kg: 4_000 },
      actor: 'desk',
      at: setupAt,
    },
  };
  await append(streams.stock(lotId), [received]);
}
