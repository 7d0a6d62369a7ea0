import { BusinessCalendar, Decider, LocalDate, localDate, refuse, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { loadInFeeOf, loadOutFeeOf, MovementFee, transferFeeOf } from '../../fees/domain/movement-fees';
import { overShortSettlementOf } from '../../fees/domain/over-short';
import { holdingsOf, RateCardLookup, storageChargesAccruedBy, StorageCharge, TitleChange } from '../../fees/domain/storage-accrual';
import { ChangeHolder, ChargeLoadOut, CloseStorage, HoldingCommand, OpenHolding, TransferHolding } from './holding.commands';
import { Fee, HeldGoods, HeldThing, HoldingEvent } from './holding.events';

/**
 * Billing's own timeline of one receipt, or one lot no receipt backs: who holds it from which
 * Shanghai date, its goods (actual weight, commodity, storage kind), the days closed, and every
 * fee charged on it that still stands. The fees are events of this stream, so a replayed fact
 * never charges twice and a late one can correct what was charged.
 */
export interface HoldingState {
  readonly thing: HeldThing | null;
  readonly goods: HeldGoods | null;
  /** Title changes in date order, the first the opening holder; null: out of billing's charge. */
  readonly changes: readonly TitleChange[];
  /** The causes already recorded (transfer ids, cancellations, shipments), so a repeat is a no-op. */
  readonly causes: readonly string[];
  /** The last day a day close charged through; null before the first. */
  readonly closedThrough: LocalDate | null;
  /** Storage charges that stand, by the day they are owed for. */
  readonly storage: Readonly<Record<string, Fee>>;
  /** How many storage charges each day has had (a correction's fee id counts on). */
  readonly storageRevisions: Readonly<Record<string, number>>;
  /** Every fee id ever accrued here. */
  readonly feeIds: readonly string[];
}

export const holdingDecider: Decider<HoldingCommand, HoldingState, HoldingEvent> = {
  initialState: () => ({ thing: null, goods: null, changes: [], causes: [], closedThrough: null, storage: {}, storageRevisions: {}, feeIds: [] }),

  evolve(state, event) {
    switch (event.type) {
      case 'HoldingOpened':
        return {
          ...state,
          thing: event.data.thing,
          goods: event.data.goods,
          changes: [{ on: event.data.on, holderPartyId: event.data.holderPartyId }],
          causes: [...state.causes, event.data.cause],
        };
      case 'HolderChanged':
        return {
          ...state,
          changes: [...state.changes, { on: event.data.on, holderPartyId: event.data.holderPartyId }],
          causes: [...state.causes, event.data.cause],
        };
      case 'StorageClosedThrough':
        return { ...state, closedThrough: event.data.through };
      case 'FeeAccrued': {
        const feeIds = [...state.feeIds, event.data.feeId];
        if (event.data.item !== 'storage') return { ...state, feeIds };
        const day = event.data.serviceDate;
        const { accruedAt: _accruedAt, ...fee } = event.data;
        return {
          ...state,
          feeIds,
          storage: { ...state.storage, [day]: fee },
          storageRevisions: { ...state.storageRevisions, [day]: (state.storageRevisions[day] ?? 0) + 1 },
        };
      }
      case 'FeeReversed': {
        const entry = Object.entries(state.storage).find(([, fee]) => fee.feeId === event.data.feeId);
        if (!entry) return state;
        const { [entry[0]]: _reversed, ...storage } = state.storage;
        return { ...state, storage };
      }
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'OpenHolding':
        return openHolding(command, state);
      case 'TransferHolding':
        return transferHolding(command, state);
      case 'ChangeHolder':
        return changeHolder(command, state);
      case 'ChargeLoadOut':
        return chargeLoadOut(command, state);
      case 'CloseStorage':
        return closeStorage(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

function openHolding(command: OpenHolding, state: HoldingState): HoldingEvent[] {
  const { thing, goods, holderPartyId, cause, chargeLoadIn, rateCardOf, at } = command.data;
  if (state.causes.includes(cause)) return [];
  if (state.thing) throw refuse.conflict('HOLDING_ALREADY_OPEN', `${thing.kind} ${thing.id} is already held`, { thing });
  const on = localDate(command.data.on, 'on');
  const opened: HoldingEvent = {
    type: 'HoldingOpened',
    data: { thing, goods, holderPartyId: requireText(holderPartyId, 'holderPartyId'), on, cause, at: requireInstant(at, 'at') },
  };
  if (!chargeLoadIn) return [opened];
  // The owner of goods received owes their load-in, at its card in force on the day received.
  const card = rateCardOf(holderPartyId, on);
  const fee = loadInFeeOf(card.terms, holderPartyId, goods.weightKg);
  return [opened, feeAccrued(`load_in:${thing.id}`, thing, fee, on, card, at)];
}

function transferHolding(command: TransferHolding, state: HoldingState): HoldingEvent[] {
  const { transferId, toPartyId, rateCardOf, calendar, at } = command.data;
  const cause = `transfer:${requireText(transferId, 'transferId')}`;
  if (state.causes.includes(cause)) return [];
  const { thing, goods } = openOrRefused(state);
  const on = localDate(command.data.on, 'on');
  const changed: HoldingEvent = { type: 'HolderChanged', data: { thing, holderPartyId: requireText(toPartyId, 'toPartyId'), on, cause, at } };
  const card = rateCardOf(toPartyId, on);
  const fee = transferFeeOf(card.terms, toPartyId, goods.weightKg);
  const transferFee = feeAccrued(cause, thing, fee, on, card, at);
  return [changed, transferFee, ...storageCorrections(applied(state, changed), rateCardOf, calendar, at)];
}

function changeHolder(command: ChangeHolder, state: HoldingState): HoldingEvent[] {
  const { cause, holderPartyId, rateCardOf, calendar, at } = command.data;
  if (state.causes.includes(cause)) return [];
  const { thing } = openOrRefused(state);
  if (state.changes.at(-1)?.holderPartyId === holderPartyId) return [];
  const to = holderPartyId === null ? null : requireText(holderPartyId, 'holderPartyId');
  const changed: HoldingEvent = { type: 'HolderChanged', data: { thing, holderPartyId: to, on: localDate(command.data.on, 'on'), cause, at } };
  return [changed, ...storageCorrections(applied(state, changed), rateCardOf, calendar, at)];
}

/**
 * A load-out of some of a lot's goods: its holder at load-out owes the fee by the pickup method
 * (load-in and the lot's own storage follow from OpenHolding and ChangeHolder like a receipt's),
 * and the load-out's over/short is settled with that holder, the goods' owner, in money.
 */
function chargeLoadOut(command: ChargeLoadOut, state: HoldingState): HoldingEvent[] {
  // rule BILL-LOT-STORAGE-AND-MOVEMENTS
  const { shipmentId, method, weightKg, overShortKg, settlementPrices, rateCardOf, calendar, at } = command.data;
  const feeId = `load_out:${requireText(shipmentId, 'shipmentId')}`;
  if (state.feeIds.includes(feeId)) return [];
  const { thing, goods } = openOrRefused(state);
  // The load-out fee is the holder's at load-out: whoever the goods are charged to when they leave.
  const holderPartyId = state.changes.at(-1)?.holderPartyId;
  if (!holderPartyId) throw refuse.conflict('HOLDING_NOT_OPEN', `${thing.kind} ${thing.id} is held by nobody billing charges`, { thing });
  // Prices of another commodity would settle the goods at a wrong price: a fault of the caller, never a price.
  if (settlementPrices.commodity !== null && settlementPrices.commodity !== goods.commodity) {
    throw new Error(`settlement prices of ${settlementPrices.commodity} were read for goods of ${goods.commodity}`);
  }
  const on = localDate(command.data.on, 'on');
  const card = rateCardOf(holderPartyId, on);
  const loadOut = feeAccrued(feeId, thing, loadOutFeeOf(card.terms, holderPartyId, method, weightKg), on, card, at);
  const overShort = overShortSettlementOf(holderPartyId, overShortKg, on, settlementPrices, calendar);
  if (!overShort) return [loadOut];
  const settled: HoldingEvent = {
    type: 'FeeAccrued',
    data: {
      feeId: `over_short:${shipmentId}`,
      partyId: overShort.ownerPartyId,
      item: 'over_short',
      ...subjectOf(thing),
      serviceDate: on,
      chargedOn: on,
      weightKg: overShort.weightKg,
      rateFen: overShort.price.fenPerTonne,
      amountFen: overShort.fen,
      rateSource: 'settlement_price',
      rateVersion: 0,
      accruedAt: at,
    },
  };
  return [loadOut, settled];
}

/** A day close: every storage day charged on or before `through` not yet charged is charged now; repeating it changes nothing. */
function closeStorage(command: CloseStorage, state: HoldingState): HoldingEvent[] {
  const { rateCardOf, calendar, at } = command.data;
  const through = localDate(command.data.through, 'through');
  if (!state.thing || (state.closedThrough !== null && through <= state.closedThrough)) return [];
  const closed: HoldingEvent = { type: 'StorageClosedThrough', data: { thing: state.thing, through, at } };
  return [...storageCorrections({ ...state, closedThrough: through }, rateCardOf, calendar, at), closed];
}

/**
 * The storage fees that make the charges standing equal the charges owed on every day charged
 * by the last day close, by the timeline as it is now: a day charged to a party that did not
 * hold it at its close (a transfer or a cancellation reported after the day was charged) is
 * reversed in full and charged anew, under a new fee id, to the party that did.
 */
export function storageCorrections(state: HoldingState, rateCardOf: RateCardLookup, calendar: BusinessCalendar, at: string): HoldingEvent[] {
  // rule BILL-LATE-FACT-CORRECTS-STORAGE
  const { thing, goods } = openOrRefused(state);
  const asOf = state.closedThrough;
  if (asOf === null) return [];
  const owed = new Map<string, StorageCharge>();
  for (const holding of holdingsOf({ receiptNumber: thing.id, ...goods }, state.changes)) {
    for (const charge of storageChargesAccruedBy(holding, asOf, rateCardOf, calendar)) owed.set(charge.day, charge);
  }
  const events: HoldingEvent[] = [];
  for (const [day, standing] of Object.entries(state.storage).sort(([a], [b]) => a.localeCompare(b))) {
    const due = owed.get(day);
    if (due && due.holderPartyId === standing.partyId && due.fen === standing.amountFen) continue;
    const reason = due
      ? `${day} is owed by ${due.holderPartyId}, who held the ${thing.kind} at that day's close`
      : `nobody held the ${thing.kind} at the close of ${day}`;
    events.push({ type: 'FeeReversed', data: { feeId: standing.feeId, partyId: standing.partyId, amountFen: standing.amountFen, reason, reversedAt: at } });
  }
  for (const [day, due] of owed) {
    const standing = state.storage[day];
    if (standing && standing.partyId === due.holderPartyId && standing.amountFen === due.fen) continue;
    const revision = (state.storageRevisions[day] ?? 0) + 1;
    const feeId = revision === 1 ? `storage:${thing.id}:${day}` : `storage:${thing.id}:${day}:${revision}`;
    events.push({
      type: 'FeeAccrued',
      data: {
        feeId,
        partyId: due.holderPartyId,
        item: 'storage',
        ...subjectOf(thing),
        serviceDate: due.day,
        chargedOn: due.chargedOn,
        weightKg: due.weightKg,
        rateFen: due.fenPerTonneDay,
        amountFen: due.fen,
        rateSource: due.rateCard.source,
        rateVersion: due.rateCard.version,
        accruedAt: at,
      },
    });
  }
  return events;
}

function feeAccrued(
  feeId: string,
  thing: HeldThing,
  fee: MovementFee,
  on: LocalDate,
  card: { source: 'contract' | 'default'; version: number },
  at: string,
): HoldingEvent {
  return {
    type: 'FeeAccrued',
    data: {
      feeId,
      partyId: fee.payerPartyId,
      item: fee.item,
      ...subjectOf(thing),
      serviceDate: on,
      chargedOn: on,
      weightKg: fee.weightKg,
      rateFen: fee.fenPerTonne,
      amountFen: fee.fen,
      rateSource: card.source,
      rateVersion: card.version,
      accruedAt: at,
    },
  };
}

function subjectOf(thing: HeldThing): { receiptNumber: string | null; lotId: string | null } {
  return thing.kind === 'receipt' ? { receiptNumber: thing.id, lotId: null } : { receiptNumber: null, lotId: thing.id };
}

function openOrRefused(state: HoldingState): { thing: HeldThing; goods: HeldGoods } {
  if (!state.thing || !state.goods) throw refuse.conflict('HOLDING_NOT_OPEN', 'billing has not seen this receipt or lot begin', {});
  return { thing: state.thing, goods: state.goods };
}

function applied(state: HoldingState, event: HoldingEvent): HoldingState {
  return holdingDecider.evolve(state, event);
}
