import type { RecordedEvent, SqlClient } from '@dw/event-store';
import type { Projection } from '@dw/projections';
import type { OrderAuthorityEvent } from '../../authority/domain/order-authority.events';
import { standardNameOf } from '../../commodity/domain/standard-commodity';
import type { LocationEvent } from '../../location/domain/location.events';
import type { LotEvent } from '../../lot/domain/lot.events';
import type { LotTitleEvent, TitleHolder } from '../../registry/domain/lot-title.events';
import type { StockEvent } from '../domain/stock.events';

type Tables = 'storage_cards' | 'lots' | 'stock_pieces' | 'stock_lots' | 'stock_movements' | 'lot_titles' | 'lot_encumbrances';
type Event = OrderAuthorityEvent | LotEvent | StockEvent | LocationEvent | LotTitleEvent;

/**
 * Stock by lot, piece, location, commodity and owner, and every movement, for the queries staff
 * and depositors run. `storage_cards` maps each storage card to the depositor party the order
 * desk named for it (from the orders inventory has seen), which is how a depositor's queries are
 * limited to its own cards, plus the cards the receipt service named as holders (with their
 * party). The owner of a lot's goods is the holder of its title: the card of the receipt it backs,
 * or of the entitlement after a cancellation (`lot_titles`), so `lots`, `stock_lots` and
 * `stock_pieces` follow every transfer; a movement keeps the owner it had when it happened.
 * `lot_encumbrances` lists what holds each lot: receipt holds (pledge, freeze, delivery) and
 * stock holds (reservation, freeze) in one list. One projection, so that a rebuild replays all
 * the tables together.
 */
export const stockProjection: Projection<Tables> = {
  name: 'stock',
  tables: {
    // first_order_id is null for a card first named as a receipt holder rather than on an order.
    storage_cards: (t) => `CREATE TABLE ${t} (card text PRIMARY KEY, party text NOT NULL, first_order_id text)`,
    lots: (t) => `CREATE TABLE ${t} (
      lot_id text PRIMARY KEY,
      position bigint NOT NULL UNIQUE,
      order_id text NOT NULL,
      warehouse text NOT NULL,
      owner text NOT NULL,
      commodity_code text NOT NULL,
      standard_name text NOT NULL,
      status text NOT NULL,
      expected_pieces int NOT NULL,
      expected_kg bigint NOT NULL,
      pieces int NOT NULL DEFAULT 0,
      net_kg bigint,
      within_tolerance boolean,
      inspection_result text,
      inspection_report text,
      opened_at timestamptz NOT NULL,
      available_at timestamptz)`,
    stock_pieces: (t) => `CREATE TABLE ${t} (
      warehouse text NOT NULL,
      barcode text NOT NULL,
      position bigint NOT NULL,
      lot_id text NOT NULL,
      owner text NOT NULL,
      commodity_code text NOT NULL,
      kind text NOT NULL,
      production_date date NOT NULL,
      net_kg bigint,
      location_id text,
      status text NOT NULL,
      scanned_at timestamptz NOT NULL,
      PRIMARY KEY (warehouse, barcode))`,
    stock_lots: (t) => `CREATE TABLE ${t} (
      lot_id text PRIMARY KEY,
      position bigint NOT NULL UNIQUE,
      warehouse text NOT NULL,
      owner text NOT NULL,
      commodity_code text NOT NULL,
      on_hand_pieces int NOT NULL,
      on_hand_kg bigint NOT NULL,
      reserved_pieces int NOT NULL DEFAULT 0,
      reserved_kg bigint NOT NULL DEFAULT 0,
      frozen_pieces int NOT NULL DEFAULT 0,
      frozen_kg bigint NOT NULL DEFAULT 0,
      received_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL)`,
    stock_movements: (t) => `CREATE TABLE ${t} (
      position bigint NOT NULL,
      lot_id text NOT NULL,
      kind text NOT NULL,
      warehouse text NOT NULL,
      owner text NOT NULL,
      commodity_code text NOT NULL,
      location_id text,
      pieces int NOT NULL,
      kg bigint NOT NULL,
      order_id text,
      reason text,
      actor text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (position, lot_id))`,
    lot_titles: (t) => `CREATE TABLE ${t} (
      lot_id text PRIMARY KEY,
      receipt_number text,
      entitlement_id text,
      entitlement_purpose text,
      owner text NOT NULL,
      owner_party text NOT NULL,
      updated_at timestamptz NOT NULL)`,
    lot_encumbrances: (t) => `CREATE TABLE ${t} (
      lot_id text NOT NULL,
      source text NOT NULL,
      hold_id text NOT NULL,
      position bigint NOT NULL,
      kind text NOT NULL,
      beneficiary text NOT NULL,
      beneficiary_name text,
      receipt_number text,
      pieces int,
      kg bigint,
      reason text NOT NULL,
      placed_at timestamptz NOT NULL,
      PRIMARY KEY (lot_id, source, hold_id))`,
  },
  eventTypes: [
    'OrderAuthorityOpened',
    'LotOpened',
    'PieceScanned',
    'WeighingRecorded',
    'LotWeighed',
    'LotInspected',
    'PiecesPutAway',
    'LotBecameAvailable',
    'LotRejected',
    'StockReceived',
    'HoldPlaced',
    'HoldReleased',
    'StockShippedOut',
    'StockVarianceApplied',
    'GoodsMovedOut',
    'GoodsMovedIn',
    'GoodsRemoved',
    'LotBackedReceipt',
    'LotTitleTransferred',
    'LotReceiptHoldPlaced',
    'LotReceiptHoldReleased',
    'LotEntitled',
  ],
  async apply(tx, events, tables) {
    for (const recorded of events) await applyOne(tx, recorded, { type: recorded.type, data: recorded.data } as Event, tables);
  },
};

async function applyOne(tx: SqlClient, recorded: RecordedEvent, event: Event, t: Record<Tables, string>): Promise<void> {
  const position = recorded.globalPosition;
  const movement = async (m: {
    lotId: string;
    kind: string;
    locationId: string | null;
    pieces: number;
    kg: number;
    orderId: string | null;
    reason: string | null;
    actor: string;
    at: string;
  }) =>
    tx.query(
      `INSERT INTO ${t.stock_movements} (position, lot_id, kind, warehouse, owner, commodity_code, location_id, pieces, kg, order_id, reason, actor, at)
       SELECT $1, l.lot_id, $3, l.warehouse, l.owner, l.commodity_code, $4, $5, $6, $7, $8, $9, $10 FROM ${t.lots} l WHERE l.lot_id = $2`,
      [position, m.lotId, m.kind, m.locationId, m.pieces, m.kg, m.orderId, m.reason, m.actor, m.at],
    );
  switch (event.type) {
    case 'OrderAuthorityOpened':
      await tx.query(`INSERT INTO ${t.storage_cards} (card, party, first_order_id) VALUES ($1, $2, $3) ON CONFLICT (card) DO NOTHING`, [
        event.data.owner,
        event.data.ownerParty,
        event.data.orderId,
      ]);
      return;
    case 'LotOpened': {
      const d = event.data;
      const standardName = standardNameOf(d.commodity);
      await tx.query(
        `INSERT INTO ${t.lots} (lot_id, position, order_id, warehouse, owner, commodity_code, standard_name, status, expected_pieces, expected_kg, opened_at)
         VALUES ($1, $2, $3, $4, ${titledOwner(t, '$1', '$5')}, $6, $7, 'receiving', $8, $9, $10)`,
        [d.lotId, position, d.orderId, d.warehouse, d.owner, d.commodity.code, standardName, d.expectedPieces, d.expectedKg, d.at],
      );
      return;
    }
    case 'PieceScanned': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t.stock_pieces} (warehouse, barcode, position, lot_id, owner, commodity_code, kind, production_date, status, scanned_at)
         SELECT l.warehouse, $2, $3, l.lot_id, l.owner, l.commodity_code, $4, $5, 'receiving', $6 FROM ${t.lots} l WHERE l.lot_id = $1`,
        [d.lotId, d.barcode, position, d.kind, d.productionDate, d.at],
      );
      await tx.query(`UPDATE ${t.lots} SET pieces = pieces + 1 WHERE lot_id = $1`, [d.lotId]);
      return;
    }
    case 'WeighingRecorded':
      for (const share of event.data.shares) {
        await tx.query(`UPDATE ${t.stock_pieces} SET net_kg = $3 WHERE lot_id = $1 AND barcode = $2`, [event.data.lotId, share.barcode, share.netKg]);
      }
      return;
    case 'LotWeighed':
      await tx.query(`UPDATE ${t.lots} SET net_kg = $2, within_tolerance = $3 WHERE lot_id = $1`, [
        event.data.lotId,
        event.data.netKg,
        event.data.withinTolerance,
      ]);
      return;
    case 'LotInspected':
      await tx.query(`UPDATE ${t.lots} SET inspection_result = $2, inspection_report = $3 WHERE lot_id = $1`, [
        event.data.lotId,
        event.data.result,
        event.data.reportRef,
      ]);
      return;
    case 'PiecesPutAway': {
      const d = event.data;
      await tx.query(`UPDATE ${t.stock_pieces} SET location_id = $2 WHERE lot_id = $1 AND barcode = ANY($3::text[])`, [
        d.lotId,
        d.locationId,
        d.pieces.map((piece) => piece.barcode),
      ]);
      await movement({
        lotId: d.lotId,
        kind: 'put_away',
        locationId: d.locationId,
        pieces: d.pieces.length,
        kg: d.netKg,
        orderId: d.orderId,
        reason: null,
        actor: d.actor,
        at: d.at,
      });
      return;
    }
    case 'LotBecameAvailable':
      await tx.query(`UPDATE ${t.lots} SET status = 'available', available_at = $2 WHERE lot_id = $1`, [event.data.lotId, event.data.at]);
      await tx.query(`UPDATE ${t.stock_pieces} SET status = 'in_stock' WHERE lot_id = $1`, [event.data.lotId]);
      return;
    case 'LotRejected':
      await tx.query(`UPDATE ${t.lots} SET status = 'rejected' WHERE lot_id = $1`, [event.data.lotId]);
      await tx.query(`UPDATE ${t.stock_pieces} SET status = 'rejected' WHERE lot_id = $1`, [event.data.lotId]);
      return;
    case 'StockReceived': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t.stock_lots} (lot_id, position, warehouse, owner, commodity_code, on_hand_pieces, on_hand_kg, received_at, updated_at)
         VALUES ($1, $2, $3, ${titledOwner(t, '$1', '$4')}, $5, $6, $7, $8, $8)`,
        [d.lotId, position, d.warehouse, d.owner, d.commodityCode, d.quantity.pieces, d.quantity.kg, d.at],
      );
      await movement({
        lotId: d.lotId,
        kind: 'received',
        locationId: null,
        pieces: d.quantity.pieces,
        kg: d.quantity.kg,
        orderId: d.orderId,
        reason: null,
        actor: d.actor,
        at: d.at,
      });
      return;
    }
    case 'HoldPlaced':
    case 'HoldReleased': {
      const d = event.data;
      const sign = event.type === 'HoldPlaced' ? 1 : -1;
      const column = d.kind === 'reservation' ? 'reserved' : 'frozen';
      await tx.query(
        `UPDATE ${t.stock_lots} SET ${column}_pieces = ${column}_pieces + $2, ${column}_kg = ${column}_kg + $3, updated_at = $4 WHERE lot_id = $1`,
        [d.lotId, sign * d.quantity.pieces, sign * d.quantity.kg, d.at],
      );
      if (event.type === 'HoldPlaced') {
        await tx.query(
          `INSERT INTO ${t.lot_encumbrances} (lot_id, source, hold_id, position, kind, beneficiary, pieces, kg, reason, placed_at)
           VALUES ($1, 'stock', $2, $3, $4, $5, $6, $7, $8, $9)`,
          [d.lotId, d.holdId, position, d.kind, event.data.holder, d.quantity.pieces, d.quantity.kg, event.data.reason, d.at],
        );
      } else {
        await tx.query(`DELETE FROM ${t.lot_encumbrances} WHERE lot_id = $1 AND source = 'stock' AND hold_id = $2`, [d.lotId, d.holdId]);
      }
      return;
    }
    case 'LotBackedReceipt':
      await titleOf(tx, t, event.data.lotId, { receiptNumber: event.data.receiptNumber, entitlement: null, holder: event.data.holder, at: event.data.at });
      return;
    case 'LotEntitled': {
      const d = event.data;
      await titleOf(tx, t, d.lotId, { receiptNumber: null, entitlement: { id: d.entitlementId, purpose: d.purpose }, holder: d.holder, at: d.at });
      return;
    }
    case 'LotTitleTransferred': {
      const d = event.data;
      await tx.query(`UPDATE ${t.lot_titles} SET owner = $2, owner_party = $3, updated_at = $4 WHERE lot_id = $1`, [
        d.lotId,
        d.to.storageCard,
        d.to.partyId,
        d.at,
      ]);
      await ownedBy(tx, t, d.lotId, d.to);
      return;
    }
    case 'LotReceiptHoldPlaced': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t.lot_encumbrances} (lot_id, source, hold_id, position, kind, beneficiary, beneficiary_name, receipt_number, reason, placed_at)
         VALUES ($1, 'receipt', $2, $3, $4, $5, $6, $7, $8, $9)`,
        [d.lotId, d.holdId, position, d.kind, d.beneficiary.partyId, d.beneficiary.name, d.receiptNumber, d.reason, d.at],
      );
      return;
    }
    case 'LotReceiptHoldReleased':
      await tx.query(`DELETE FROM ${t.lot_encumbrances} WHERE lot_id = $1 AND source = 'receipt' AND hold_id = $2`, [event.data.lotId, event.data.holdId]);
      return;
    case 'StockShippedOut':
    case 'StockVarianceApplied': {
      const d = event.data;
      const delta = event.type === 'StockShippedOut' ? { pieces: -event.data.quantity.pieces, kg: -event.data.quantity.kg } : event.data.delta;
      await tx.query(`UPDATE ${t.stock_lots} SET on_hand_pieces = on_hand_pieces + $2, on_hand_kg = on_hand_kg + $3, updated_at = $4 WHERE lot_id = $1`, [
        d.lotId,
        delta.pieces,
        delta.kg,
        d.at,
      ]);
      await movement(
        event.type === 'StockShippedOut'
          ? {
              lotId: d.lotId,
              kind: 'shipped_out',
              locationId: null,
              pieces: delta.pieces,
              kg: delta.kg,
              orderId: event.data.orderId,
              reason: null,
              actor: d.actor,
              at: d.at,
            }
          : {
              lotId: d.lotId,
              kind: 'stocktake_variance',
              locationId: null,
              pieces: delta.pieces,
              kg: delta.kg,
              orderId: null,
              reason: event.data.reason,
              actor: d.actor,
              at: d.at,
            },
      );
      return;
    }
    case 'GoodsMovedIn':
    case 'GoodsMovedOut':
    case 'GoodsRemoved': {
      const d = event.data;
      const byLot = new Map<string, { pieces: number; kg: number; barcodes: string[] }>();
      for (const piece of d.pieces) {
        const entry = byLot.get(piece.lotId) ?? { pieces: 0, kg: 0, barcodes: [] };
        byLot.set(piece.lotId, { pieces: entry.pieces + 1, kg: entry.kg + piece.netKg, barcodes: [...entry.barcodes, piece.barcode] });
      }
      for (const [lotId, moved] of byLot) {
        if (event.type === 'GoodsMovedIn') {
          await tx.query(`UPDATE ${t.stock_pieces} SET location_id = $3 WHERE lot_id = $1 AND barcode = ANY($2::text[])`, [
            lotId,
            moved.barcodes,
            d.locationId,
          ]);
        } else if (event.type === 'GoodsRemoved') {
          await tx.query(`UPDATE ${t.stock_pieces} SET location_id = NULL, status = 'removed' WHERE lot_id = $1 AND barcode = ANY($2::text[])`, [
            lotId,
            moved.barcodes,
          ]);
        }
        const sign = event.type === 'GoodsMovedIn' ? 1 : -1;
        const kind = event.type === 'GoodsMovedIn' ? 'moved_in' : event.type === 'GoodsMovedOut' ? 'moved_out' : 'removed';
        await movement({
          lotId,
          kind,
          locationId: d.locationId,
          pieces: sign * moved.pieces,
          kg: sign * moved.kg,
          orderId: d.orderId,
          reason: null,
          actor: d.actor,
          at: d.at,
        });
      }
      return;
    }
  }
}

/** The owner a lot is booked in with: the holder of its title if inventory already follows one, else the order's card. */
const titledOwner = (t: Record<Tables, string>, lotParameter: string, ownerParameter: string): string =>
  `COALESCE((SELECT owner FROM ${t.lot_titles} WHERE lot_id = ${lotParameter}), ${ownerParameter})`;

/** A lot's title changed hands or backing: a new receipt (its old receipt's holds went with it) or an entitlement. */
async function titleOf(
  tx: SqlClient,
  t: Record<Tables, string>,
  lotId: string,
  title: { receiptNumber: string | null; entitlement: { id: string; purpose: string } | null; holder: TitleHolder; at: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.lot_titles} (lot_id, receipt_number, entitlement_id, entitlement_purpose, owner, owner_party, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (lot_id) DO UPDATE SET receipt_number = $2, entitlement_id = $3, entitlement_purpose = $4, owner = $5, owner_party = $6, updated_at = $7`,
    [lotId, title.receiptNumber, title.entitlement?.id ?? null, title.entitlement?.purpose ?? null, title.holder.storageCard, title.holder.partyId, title.at],
  );
  await tx.query(`DELETE FROM ${t.lot_encumbrances} WHERE lot_id = $1 AND source = 'receipt'`, [lotId]);
  await ownedBy(tx, t, lotId, title.holder);
}

/**
 * The lot's goods now belong to `holder`: every current view of the lot shows its card, and the
 * card's party (as the receipt service named it) scopes a depositor's lists to it.
 */
async function ownedBy(tx: SqlClient, t: Record<Tables, string>, lotId: string, holder: TitleHolder): Promise<void> {
  // rule INV-OWNER-FOLLOWS-TITLE
  if (holder.partyId) {
    await tx.query(`INSERT INTO ${t.storage_cards} (card, party, first_order_id) VALUES ($1, $2, NULL) ON CONFLICT (card) DO NOTHING`, [
      holder.storageCard,
      holder.partyId,
    ]);
  }
  for (const table of [t.lots, t.stock_lots, t.stock_pieces]) await tx.query(`UPDATE ${table} SET owner = $2 WHERE lot_id = $1`, [lotId, holder.storageCard]);
}
