import { Decider, refuse, requireText, shanghaiDateOf, unhandledCommand } from '@dw/kernel';
import { validateBarcode } from '../../barcode/domain/barcode';
import { validateReading } from '../../lot/domain/weighing';
import { loadOutNoteIdOf, loadOutNoteOf, type LoadOutNoteFacts } from './load-out-note';
import { netByBook } from './load-out-weights';
import { LoadOut, OpenOutbound, OutboundCommand, PickPiece, PieceOnRecord, UnpickPiece, WeighLoad } from './outbound.commands';
import { LotLoadOut, OutboundEvent } from './outbound.events';
import { evolveOutbound, initialOutboundState, Outbound, OutboundState } from './outbound.state';

/**
 * Goods leaving under one outbound order, one vehicle (load) at a time and over as many days as
 * it takes: pick pieces by barcode → weigh the picked load on the scale → load it out. The order
 * is finished when every piece its entitlement grants has left.
 */
export const outboundDecider: Decider<OutboundCommand, OutboundState, OutboundEvent> = {
  initialState: initialOutboundState,
  evolve: evolveOutbound,
  decide(command, state) {
    switch (command.type) {
      case 'OpenOutbound':
        return open(command, state);
      case 'PickPiece':
        return pick(command, outboundUnderway(state));
      case 'UnpickPiece':
        return unpick(command, outboundUnderway(state));
      case 'WeighLoad':
        return weigh(command, outboundUnderway(state));
      case 'LoadOut':
        return loadOut(command, outboundUnderway(state));
      default:
        return unhandledCommand(command);
    }
  },
};

function open(command: OpenOutbound, state: OutboundState): OutboundEvent[] {
  if (state.status !== 'none') throw refuse.conflict('OUTBOUND_EXISTS', `order ${state.orderId} already has its outbound record`, { orderId: state.orderId });
  const d = command.data;
  return [
    {
      type: 'OutboundOpened',
      data: {
        orderId: requireText(d.orderId, 'orderId'),
        warehouse: requireText(d.warehouse, 'warehouse'),
        owner: requireText(d.owner, 'owner'),
        ownerParty: d.ownerParty,
        commodity: d.commodity,
        entitlement: d.entitlement,
        scaleReadingRequired: d.scaleReadingRequired,
        actor: d.actor,
        at: d.at,
      },
    },
  ];
}

function pick(command: PickPiece, outbound: Outbound): OutboundEvent[] {
  // rule INV-PICK-ENTITLED
  const barcode = validateBarcode(command.data.barcode);
  const shipped = outbound.shipped.find((piece) => piece.barcode === barcode);
  if (shipped) {
    throw refuse.conflict('PIECE_ALREADY_SHIPPED', `piece ${barcode} left in load ${shipped.loadNo} of order ${outbound.orderId}`, {
      barcode,
      loadNo: shipped.loadNo,
    });
  }
  const picked = outbound.picked.find((piece) => piece.barcode === barcode);
  if (picked) {
    throw refuse.conflict('PIECE_ALREADY_PICKED', `piece ${barcode} was picked by ${picked.pickedBy}`, {
      barcode,
      pickedBy: picked.pickedBy,
      pickedAt: picked.pickedAt,
    });
  }
  // The load on the scale is what the note and the over/short are about: it does not change after weighing.
  if (outbound.weighing) throw loadAlreadyWeighed(outbound);
  const piece = command.data.piece;
  if (!piece || piece.warehouse !== outbound.warehouse) {
    throw refuse.conflict('PIECE_NOT_IN_STORE', `no piece ${barcode} is in store in ${outbound.warehouse}`, { barcode, reason: 'unknown_barcode' });
  }
  const notEntitled = (reason: string, details: Record<string, unknown> = {}) =>
    refuse.conflict('PIECE_NOT_ENTITLED', `piece ${barcode} (lot ${piece.lotId}) is not among the goods order ${outbound.orderId} may ship`, {
      barcode,
      lotId: piece.lotId,
      reason,
      ...details,
    });
  if (outbound.entitlement) {
    const lot = outbound.entitlement.lots.find((candidate) => candidate.lotId === piece.lotId);
    if (!lot) throw notEntitled('lot_not_entitled', { entitledLots: outbound.entitlement.lots.map((candidate) => candidate.lotId) });
    // An entitlement may grant part of a lot: no more of its pieces than granted leave.
    const taken = [...outbound.picked, ...outbound.shipped].filter((candidate) => candidate.lotId === lot.lotId).length;
    if (taken >= lot.pieces) throw notEntitled('lot_entitlement_taken', { entitledPieces: lot.pieces });
  } else if (piece.owner !== outbound.owner) {
    // With no entitlement, the order ships its storage card's own goods.
    throw notEntitled('other_owner');
  }
  if (piece.shipped) {
    throw refuse.conflict('PIECE_ALREADY_SHIPPED', `piece ${barcode} left in load ${piece.shipped.loadNo} of order ${piece.shipped.orderId}`, {
      barcode,
      ...piece.shipped,
    });
  }
  if (!piece.lotInStore)
    throw refuse.conflict('PIECE_NOT_IN_STORE', `lot ${piece.lotId} of piece ${barcode} is not in store`, {
      barcode,
      lotId: piece.lotId,
      reason: 'lot_not_in_store',
    });
  return [{ type: 'OutboundPiecePicked', data: { ...stamp(outbound, command), barcode, lotId: piece.lotId, bookKg: piece.bookKg } }];
}

/**
 * A picked piece goes back to stock before its load leaves. Only a piece picked for this order's
 * load being prepared can; a weighed load is voided with it, because the reading no longer weighs
 * exactly the pieces picked (rule INV-LOAD-OVER-SHORT), so the load is weighed again.
 */
function unpick(command: UnpickPiece, outbound: Outbound): OutboundEvent[] {
  // rule INV-UNPICK-BEFORE-LOAD-OUT
  const barcode = validateBarcode(command.data.barcode);
  const reason = requireText(command.data.reason, 'reason');
  const picked = outbound.picked.find((piece) => piece.barcode === barcode);
  if (!picked) throw notPickedHere(barcode, command.data.piece, outbound);
  const weighing = outbound.weighing;
  return [
    {
      type: 'OutboundPieceUnpicked',
      data: {
        ...stamp(outbound, command),
        barcode,
        lotId: picked.lotId,
        bookKg: picked.bookKg,
        reason,
        pickedBy: picked.pickedBy,
        pickedAt: picked.pickedAt,
        voidedWeighing: weighing ? { loadNo: weighing.loadNo, readingId: weighing.readingId } : null,
      },
    },
  ];
}

/** Why a barcode cannot be un-picked under this order: it has left, it is not the order's goods, or it is simply not picked. */
function notPickedHere(barcode: string, piece: PieceOnRecord | null, outbound: Outbound) {
  const shippedHere = outbound.shipped.find((candidate) => candidate.barcode === barcode);
  const left = shippedHere ? { orderId: outbound.orderId, loadNo: shippedHere.loadNo } : piece?.shipped;
  if (left) {
    return refuse.conflict('PIECE_ALREADY_SHIPPED', `piece ${barcode} left in load ${left.loadNo} of order ${left.orderId}`, { barcode, ...left });
  }
  if (piece && piece.warehouse === outbound.warehouse) {
    const otherGoods = outbound.entitlement
      ? outbound.entitlement.lots.some((lot) => lot.lotId === piece.lotId)
        ? null
        : 'lot_not_entitled'
      : piece.owner === outbound.owner
        ? null
        : 'other_owner';
    if (otherGoods) {
      return refuse.conflict('PIECE_NOT_OF_ORDER', `piece ${barcode} (lot ${piece.lotId}) is not among the goods order ${outbound.orderId} ships`, {
        barcode,
        lotId: piece.lotId,
        reason: otherGoods,
      });
    }
  }
  return refuse.conflict('PIECE_NOT_PICKED', `piece ${barcode} is not picked for the load of order ${outbound.orderId}`, {
    barcode,
    picked: outbound.picked.map((candidate) => candidate.barcode),
  });
}

function weigh(command: WeighLoad, outbound: Outbound): OutboundEvent[] {
  // rules INV-SCALE-ONLY-WEIGHTS, INV-LOAD-OVER-SHORT
  if (outbound.weighing) throw loadAlreadyWeighed(outbound);
  const reading = validateReading(command.data.reading);
  if (outbound.scaleReadingRequired && (reading.source !== 'scale' || !reading.deviceVerified)) {
    throw refuse.invalid('SCALE_READING_REQUIRED', `the load of order ${outbound.orderId} must be weighed by a verified scale reading`, 'reading', {
      reason: reading.source === 'manual' ? 'hand_typed' : 'unverified',
      readingId: reading.readingId,
    });
  }
  if (outbound.readingIds.includes(reading.readingId)) {
    throw refuse.conflict('READING_ALREADY_RECORDED', `reading ${reading.readingId} is already recorded`, { readingId: reading.readingId });
  }
  if (outbound.picked.length === 0)
    throw refuse.conflict('NOTHING_PICKED', `no piece is picked under order ${outbound.orderId}`, { orderId: outbound.orderId });
  // The reading weighs the load: exactly the pieces picked, no more, no fewer.
  const weighed = reading.subject.kind === 'piece' ? [reading.subject.barcode] : reading.subject.barcodes;
  const notPicked = weighed.filter((barcode) => !outbound.picked.some((piece) => piece.barcode === barcode));
  const left = outbound.picked.filter((piece) => !weighed.includes(piece.barcode)).map((piece) => piece.barcode);
  if (notPicked.length > 0 || left.length > 0) {
    throw refuse.conflict('LOAD_MISMATCH', `the reading must weigh exactly the ${outbound.picked.length} piece(s) picked`, {
      notPicked,
      notWeighed: left,
    });
  }
  const bookKg = outbound.picked.reduce((sum, piece) => sum + piece.bookKg, 0);
  return [
    {
      type: 'LoadWeighed',
      data: {
        ...stamp(outbound, command),
        loadNo: outbound.loads.length + 1,
        readingId: reading.readingId,
        source: reading.source,
        scaleId: reading.scaleId,
        deviceVerified: reading.deviceVerified,
        vehicle: reading.subject.kind === 'vehicle' ? reading.subject.vehicle : null,
        barcodes: outbound.picked.map((piece) => piece.barcode),
        grossKg: reading.grossKg,
        tareKg: reading.tareKg,
        netKg: reading.netKg,
        bookKg,
        // Over/short (溢短) = weighed net − book weight of the same pieces.
        overShortKg: reading.netKg - bookKg,
        weighedAt: reading.weighedAt,
      },
    },
  ];
}

function loadOut(command: LoadOut, outbound: Outbound): OutboundEvent[] {
  // rules INV-LOAD-OUT-WEIGHED, INV-LOAD-NET-BY-BOOK, INV-OUTBOUND-FINISHED, INV-UNPICK-BEFORE-LOAD-OUT
  const weighing = outbound.weighing;
  if (!weighing) {
    throw refuse.conflict('LOAD_NOT_WEIGHED', `the load of order ${outbound.orderId} has not been weighed`, { pickedPieces: outbound.picked.length });
  }
  const lotIds = [...new Set(outbound.picked.map((piece) => piece.lotId))];
  const books = lotIds.map((lotId) => ({ lotId, bookKg: sumBook(outbound.picked.filter((piece) => piece.lotId === lotId)) }));
  const nets = netByBook(weighing.netKg, books);
  const lots: LotLoadOut[] = lotIds.map((lotId) => {
    const pieces = outbound.picked.filter((piece) => piece.lotId === lotId).map(({ barcode, bookKg }) => ({ barcode, bookKg }));
    const bookKg = sumBook(pieces);
    const netKg = nets.get(lotId)!;
    const onHand = command.data.onHand[lotId];
    if (onHand === undefined || onHand < pieces.length) {
      throw refuse.conflict('PIECE_NOT_IN_STORE', `lot ${lotId} has ${onHand ?? 0} piece(s) on hand, the load carries ${pieces.length}`, {
        lotId,
        onHand: onHand ?? 0,
        reason: 'stock_short',
      });
    }
    const earlier = outbound.loads.flatMap((load) => load.lots.filter((lot) => lot.lotId === lotId));
    const lotTotals =
      onHand === pieces.length
        ? {
            pieces: earlier.reduce((sum, lot) => sum + lot.pieces.length, pieces.length),
            bookKg: earlier.reduce((sum, lot) => sum + lot.bookKg, bookKg),
            netKg: earlier.reduce((sum, lot) => sum + lot.netKg, netKg),
            overShortKg: earlier.reduce((sum, lot) => sum + lot.overShortKg, netKg - bookKg),
          }
        : null;
    return { lotId, pieces, bookKg, netKg, overShortKg: netKg - bookKg, toleranceBps: command.data.toleranceBps[lotId] ?? 0, lotTotals };
  });
  const base = stamp(outbound, command);
  const loadNo = weighing.loadNo;
  const facts: LoadOutNoteFacts = {
    ...base,
    loadNo,
    noteId: loadOutNoteIdOf(outbound.orderId, loadNo),
    warehouse: outbound.warehouse,
    owner: outbound.owner,
    ownerParty: outbound.ownerParty,
    commodity: outbound.commodity,
    entitlementId: outbound.entitlement?.entitlementId ?? null,
    receiptNumber: outbound.entitlement?.receiptNumber ?? null,
    vehicle: command.data.vehicle ?? weighing.vehicle,
    readingId: weighing.readingId,
    scaleId: weighing.scaleId,
    grossKg: weighing.grossKg,
    tareKg: weighing.tareKg,
    lots,
    pieces: outbound.picked.length,
    bookKg: weighing.bookKg,
    netKg: weighing.netKg,
    overShortKg: weighing.overShortKg,
    shippedOn: shanghaiDateOf(new Date(command.data.at), 'at'),
  };
  const events: OutboundEvent[] = [{ type: 'LoadedOut', data: { ...facts, noteSha256: loadOutNoteOf(facts).sha256 } }];
  const after = events.reduce(evolveOutbound, outbound as OutboundState) as Outbound;
  if (isFinished(after)) {
    events.push({
      type: 'OutboundFinished',
      data: {
        ...base,
        entitlementId: after.entitlement?.entitlementId ?? null,
        loads: after.loads.length,
        pieces: after.shipped.length,
        bookKg: sumBook(after.shipped),
        netKg: after.loads.reduce((sum, load) => sum + load.netKg, 0),
        overShortKg: after.loads.reduce((sum, load) => sum + load.overShortKg, 0),
        // The readings of the loads that left: a reading voided by an un-pick weighed no load.
        readingIds: after.loads.map((load) => load.readingId),
        scaleReadingRequired: after.scaleReadingRequired,
      },
    });
  }
  return events;
}

/**
 * An order carrying an entitlement is finished when every piece it grants has left; one with no
 * entitlement names no quantity, so the load it ships is all it ships.
 */
function isFinished(outbound: Outbound): boolean {
  // rule INV-OUTBOUND-FINISHED
  if (!outbound.entitlement) return true;
  return outbound.entitlement.lots.every((lot) => outbound.shipped.filter((piece) => piece.lotId === lot.lotId).length >= lot.pieces);
}

const sumBook = (pieces: readonly { readonly bookKg: number }[]): number => pieces.reduce((sum, piece) => sum + piece.bookKg, 0);

function loadAlreadyWeighed(outbound: Outbound) {
  return refuse.conflict('LOAD_ALREADY_WEIGHED', `load ${outbound.weighing!.loadNo} of order ${outbound.orderId} is weighed; load it out first`, {
    loadNo: outbound.weighing!.loadNo,
    readingId: outbound.weighing!.readingId,
  });
}

/** The order's outbound record while goods may still leave under it; refused before the first pick and once finished. */
export function outboundUnderway(state: OutboundState): Outbound {
  if (state.status === 'none') throw refuse.notFound('OUTBOUND_NOT_FOUND', 'nothing has been picked under this order');
  if (state.status === 'finished') {
    throw refuse.conflict('OUTBOUND_FINISHED', `every piece of order ${state.orderId} has left`, { orderId: state.orderId, loads: state.loads.length });
  }
  return state;
}

function stamp(outbound: Outbound, command: { data: { actor: string; at: string } }) {
  return { orderId: outbound.orderId, actor: command.data.actor, at: command.data.at };
}
