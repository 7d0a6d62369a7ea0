import { Decider, DomainError, refuse, requireDistinctList, requireInstant, requireOneOf, requireText, shanghaiInstant, unhandledCommand } from '@dw/kernel';
import { Actor, requireRole } from '../../../common/domain/actor';
import { initialReceiptState } from '../../../receipt/domain/receipt.state';
import { requireTradable } from '../../../receipt/domain/receipt.trading';
import {
  CancelListing,
  ExpireListing,
  ListingCommand,
  PostListing,
  RecordTakeTitleStuck,
  ReleaseTake,
  SettleTake,
  TakeListing,
  WithdrawListing,
} from './listing.commands';
import { LISTING_MODES, ListedReceipt, ListingCloseReason, ListingEvent, ListingPosted } from './listing.events';

type ListingTerms = ListingPosted['data'];
import { ListingState, Take, inListingOrder, initialListingState } from './listing.state';
import { lastCloseOf, proceedsFenOf, quoteOf, requireMarketOpen, requireTraderPermitted } from './market-rules';

/** At most this many receipts on one listing: one decision loads and holds them all in one transaction. */
export const MAX_LISTED_RECEIPTS = 200;

/**
 * One stream per listing: its receipts, quote and takes. Concurrent takes of one listing contend
 * on this stream's version (handlers retry on conflict), so no receipt is reserved twice and no
 * more is sold than listed.
 */
export const listingDecider: Decider<ListingCommand, ListingState, ListingEvent> = {
  initialState: initialListingState,

  evolve(state, event) {
    switch (event.type) {
      case 'ListingPosted':
        return { ...state, status: 'open', terms: event.data, available: event.data.receipts.map((r) => r.receiptNumber) };
      case 'ListingClosed':
        return { ...state, status: 'closed', available: [], closed: { reasonCode: event.data.reasonCode, reason: event.data.reason, at: event.data.at } };
      case 'TakeReserved': {
        const taken = new Set(event.data.receipts.map((r) => r.receiptNumber));
        const { takeId, buyer, receipts, weightKg, priceFenPerTonne, proceedsFen, at } = event.data;
        const take: Take = {
          takeId,
          buyer,
          receipts,
          weightKg,
          priceFenPerTonne,
          proceedsFen,
          status: 'reserved',
          reasonCode: null,
          reason: null,
          reservedAt: at,
          resolvedAt: null,
        };
        return { ...state, available: state.available.filter((number) => !taken.has(number)), takes: { ...state.takes, [takeId]: take } };
      }
      case 'TakeSettled':
        return withTake(state, event.data.takeId, { status: 'settled', resolvedAt: event.data.at });
      case 'TakeReleased': {
        const next = withTake(state, event.data.takeId, {
          status: 'released',
          reasonCode: event.data.reasonCode,
          reason: event.data.reason,
          resolvedAt: event.data.at,
        });
        if (!event.data.backOnListing || !state.terms) return next;
        return { ...next, available: inListingOrder(state.terms, new Set([...state.available, ...event.data.receiptNumbers])) };
      }
      case 'TakePaidTitleStuck':
        return withTake(state, event.data.takeId, { status: 'stuck', reasonCode: event.data.reasonCode, reason: event.data.reason, resolvedAt: event.data.at });
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'PostListing':
        return postListing(command, state);
      case 'WithdrawListing':
        return withdrawListing(command, state);
      case 'CancelListing':
        return cancelListing(command, state);
      case 'ExpireListing':
        return expireListing(command, state);
      case 'TakeListing':
        return takeListing(command, state);
      case 'SettleTake':
        return settleTake(command, state);
      case 'ReleaseTake':
        return releaseTake(command, state);
      case 'RecordTakeTitleStuck':
        return recordTakeTitleStuck(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

function withTake(state: ListingState, takeId: string, change: Partial<Take>): ListingState {
  const take = state.takes[takeId];
  return take ? { ...state, takes: { ...state.takes, [takeId]: { ...take, ...change } } } : state;
}

/** The trader acting: a depositor acting for its own party (its trading account is its storage card). */
function requireTraderActor(actor: Actor, action: string): string {
  requireRole(actor, ['depositor'], action);
  if (!actor.partyId) throw refuse.forbidden('TRADE_NOT_A_TRADER', 'only an approved receipt trader trades on the platform', { status: null });
  return actor.partyId;
}

/**
 * A seller's listing (标准仓单交易管理办法 第十九条–第二十一条, 第二十三条): an approved trader permitted
 * the commodity, the market open; 1..N distinct receipts of its own trading account, each
 * eligible on the trading day (rule TRADE-RECEIPT-ELIGIBLE), all of one commodity, warehouse,
 * brand and grade; whole, or partial with ≥ 2 receipts and 1 ≤ minimum take < count; a quote on
 * the tick and within the band.
 */
function postListing(command: PostListing, state: ListingState): ListingEvent[] {
  // rules TRADE-LISTING-TERMS, TRADE-LISTING-SAME-GOODS
  const { actor, at, today, receipts } = command.data;
  requireInstant(at, 'at');
  const partyId = requireTraderActor(actor, 'post a listing');
  if (state.status !== 'none')
    throw refuse.conflict('LISTING_EXISTS', `listing ${command.data.listingId} already exists`, { listingId: command.data.listingId });
  const listingId = requireText(command.data.listingId, 'listingId');
  const commodity = requireText(command.data.commodity, 'commodity');
  const seller = requireTraderPermitted(command.data.seller?.partyId === partyId ? command.data.seller : null, commodity);
  const market = requireMarketOpen(command.data.market, commodity, today, at);
  const numbers = requireReceiptNumbers(command.data.receiptNumbers);
  const account = { partyId: seller.partyId, accountNumber: seller.accountNumber };
  const listed = numbers.map((number, i) => {
    const receipt = withField(`receiptNumbers[${i}]`, () => requireTradable(receipts[number] ?? initialReceiptState(), account, today.date));
    if (receipt.record.commodity !== commodity) {
      throw refuse.invalid('TRADE_LISTING_MIXED_GOODS', `receipt ${number} is ${receipt.record.commodity}, not ${commodity}`, `receiptNumbers[${i}]`, {
        receiptNumber: number,
        differs: 'commodity',
      });
    }
    return receipt.record;
  });
  const first = listed[0]!;
  for (const [i, record] of listed.entries()) {
    const differs = (['warehouseId', 'brand', 'grade'] as const).find((key) => record[key] !== first[key]);
    if (differs) {
      throw refuse.invalid(
        'TRADE_LISTING_MIXED_GOODS',
        `receipt ${record.receiptNumber} differs from ${first.receiptNumber} in ${differs}`,
        `receiptNumbers[${i}]`,
        {
          receiptNumber: record.receiptNumber,
          differs,
        },
      );
    }
  }
  const mode = requireOneOf(command.data.mode, LISTING_MODES, 'mode');
  const minTake = mode === 'whole' ? null : requireMinTake(command.data.minTake, numbers.length);
  const quote = quoteOf(command.data.quote, market);
  return [
    {
      type: 'ListingPosted',
      data: {
        listingId,
        seller: account,
        commodity,
        warehouse: first.warehouseId,
        brand: first.brand,
        grade: first.grade,
        receipts: listed.map((record) => ({ receiptNumber: record.receiptNumber, weightKg: record.weightKg })),
        mode,
        minTake,
        quote,
        tradingDay: today.date,
        closesAt: lastCloseOf(market),
        actor,
        at,
      },
    },
  ];
}

function requireReceiptNumbers(numbers: readonly string[]): string[] {
  // rule TRADE-LISTING-TERMS
  if (!Array.isArray(numbers) || numbers.length === 0 || numbers.length > MAX_LISTED_RECEIPTS) {
    throw refuse.invalid('TRADE_LISTING_RECEIPT_COUNT', `a listing has 1 to ${MAX_LISTED_RECEIPTS} receipts`, 'receiptNumbers', {
      count: Array.isArray(numbers) ? numbers.length : null,
      max: MAX_LISTED_RECEIPTS,
    });
  }
  numbers.forEach((number, i) => requireText(number, `receiptNumbers[${i}]`));
  return requireDistinctList(numbers, 'receiptNumbers');
}

/** 分批挂牌 (第二十条(二)): several receipts, and a minimum take of at least one and below the count. */
function requireMinTake(minTake: number | null | undefined, count: number): number {
  // rule TRADE-LISTING-TERMS
  if (count < 2) {
    throw refuse.invalid('TRADE_PARTIAL_NEEDS_SEVERAL', 'a partial listing offers at least 2 receipts', 'receiptNumbers', { count });
  }
  if (typeof minTake !== 'number' || !Number.isSafeInteger(minTake) || minTake < 1 || minTake >= count) {
    throw refuse.invalid('TRADE_MIN_TAKE_INVALID', `the minimum take is at least 1 and below the ${count} receipts listed`, 'minTake', {
      value: minTake ?? null,
      count,
    });
  }
  return minTake;
}

/** A receipt's refusal, naming which input it is about (the listed receipt, or the take's count). */
function withField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, error.kind, error.details, field);
    throw error;
  }
}

function requireOpenListing(state: ListingState): asserts state is ListingState & { terms: NonNullable<ListingState['terms']> } {
  if (!state.terms) throw listingNotFound();
  if (state.status !== 'open') {
    throw refuse.conflict('TRADE_LISTING_CLOSED', `listing ${state.terms.listingId} is ${state.closed?.reasonCode ?? 'closed'}`, {
      listingId: state.terms.listingId,
      reasonCode: state.closed?.reasonCode ?? null,
    });
  }
}

export const listingNotFound = () => refuse.notFound('LISTING_NOT_FOUND', 'no such listing');

function close(state: ListingState, reasonCode: ListingCloseReason, reason: string, actor: Actor, at: string): ListingEvent[] {
  return [{ type: 'ListingClosed', data: { listingId: state.terms!.listingId, unsold: [...state.available], reasonCode, reason, actor, at } }];
}

/**
 * The seller withdraws its listing: the receipts not taken leave trading; those reserved for a
 * take in flight stay reserved until billing answers (a take reserved is the buyer's unless
 * billing refuses it). Another party's listing answers as a missing one.
 */
function withdrawListing(command: WithdrawListing, state: ListingState): ListingEvent[] {
  // rule TRADE-LISTING-CLOSE
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  const partyId = requireTraderActor(actor, 'withdraw a listing');
  if (!state.terms || state.terms.seller.partyId !== partyId) throw listingNotFound();
  requireOpenListing(state);
  return close(state, 'withdrawn', requireText(command.data.reason, 'reason'), actor, at);
}

/** The exchange cancels a listing (违规挂牌 第六十三条, 撤销挂牌 in an abnormal situation 第六十七条). */
function cancelListing(command: CancelListing, state: ListingState): ListingEvent[] {
  // rule TRADE-LISTING-CLOSE
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['exchange'], 'cancel a listing');
  requireOpenListing(state);
  return close(state, 'cancelled', requireText(command.data.reason, 'reason'), actor, at);
}

/**
 * A listing lives for its trading day: at the last session's close it is closed (expired), so
 * that a quote is never taken on a day whose band it was not judged against. Idempotent for a
 * closed listing; refused before the close.
 */
function expireListing(command: ExpireListing, state: ListingState): ListingEvent[] {
  // rule TRADE-LISTING-DAY
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['system'], 'expire listings');
  if (!state.terms) throw listingNotFound();
  if (state.status !== 'open') return [];
  const closesAt = shanghaiInstant(state.terms.tradingDay, state.terms.closesAt);
  if (new Date(at).getTime() < closesAt.getTime()) {
    throw refuse.conflict('TRADE_LISTING_STILL_TRADING', `listing ${state.terms.listingId} trades until ${state.terms.closesAt} on ${state.terms.tradingDay}`, {
      tradingDay: state.terms.tradingDay,
      closesAt: state.terms.closesAt,
    });
  }
  return close(state, 'expired', `not taken by the close of ${state.terms.tradingDay}`, actor, at);
}

/**
 * A buyer takes receipts of the listing (标准仓单交易管理办法 第二十条, 第二十二条, 第二十三条): an approved
 * trader permitted the commodity, not the seller; the market open on the listing's own trading
 * day; whole: exactly every receipt left; partial: at least the minimum and at most what is
 * left, except that when fewer than the minimum are left the take buys exactly all of them (as
 * the exchange lets the last take clear a partial listing). The receipts are taken in the
 * listing's order, each checked eligible again, and reserved for the take; proceeds = price ×
 * weight, rounded half up (rule TRADE-TAKE-PROCEEDS).
 */
function takeListing(command: TakeListing, state: ListingState): ListingEvent[] {
  // rules TRADE-TAKE-COUNT, TRADE-TAKE-BUYER
  const { actor, at, today, receipts } = command.data;
  requireInstant(at, 'at');
  const partyId = requireTraderActor(actor, 'take a listing');
  if (!state.terms) throw listingNotFound();
  const terms = state.terms;
  const takeId = requireText(command.data.takeId, 'takeId');
  const buyer = requireTraderPermitted(command.data.buyer?.partyId === partyId ? command.data.buyer : null, terms.commodity);
  if (buyer.partyId === terms.seller.partyId || buyer.accountNumber === terms.seller.accountNumber) {
    throw refuse.conflict('TRADE_TAKE_OWN_LISTING', 'a trader does not take its own listing', { listingId: terms.listingId });
  }
  requireOpenListing(state);
  if (today.date !== terms.tradingDay) {
    throw refuse.conflict('TRADE_LISTING_CLOSED', `listing ${terms.listingId} was for ${terms.tradingDay}`, {
      listingId: terms.listingId,
      reasonCode: 'expired',
    });
  }
  requireMarketOpen(command.data.market, terms.commodity, today, at);
  const count = requireTakeCount(command.data.count, state.available.length, terms);
  const picked = state.available.slice(0, count);
  const byNumber = new Map(terms.receipts.map((receipt) => [receipt.receiptNumber, receipt]));
  const taken: ListedReceipt[] = picked.map((number) => {
    withField('count', () => requireTradable(receipts[number] ?? initialReceiptState(), terms.seller, today.date, terms.listingId));
    return byNumber.get(number)!;
  });
  const weightKg = taken.reduce((sum, receipt) => sum + receipt.weightKg, 0);
  const priceFenPerTonne = terms.quote.priceFenPerTonne;
  return [
    {
      type: 'TakeReserved',
      data: {
        listingId: terms.listingId,
        takeId,
        buyer: { partyId: buyer.partyId, accountNumber: buyer.accountNumber },
        receipts: taken,
        weightKg,
        priceFenPerTonne,
        proceedsFen: proceedsFenOf(priceFenPerTonne, weightKg),
        actor,
        at,
      },
    },
  ];
}

function requireTakeCount(count: number, left: number, terms: ListingTerms): number {
  // rule TRADE-TAKE-COUNT
  if (left === 0) {
    throw refuse.conflict('TRADE_LISTING_NOTHING_LEFT', `every receipt of listing ${terms.listingId} is taken or reserved`, { listingId: terms.listingId });
  }
  const valid = typeof count === 'number' && Number.isSafeInteger(count) && count >= 1;
  const least = terms.minTake === null ? left : Math.min(terms.minTake, left);
  const most = left;
  if (!valid || count < least || count > most) {
    throw refuse.invalid(
      'TRADE_TAKE_COUNT_INVALID',
      `a take of this listing buys ${least === most ? `exactly ${most}` : `${least} to ${most}`} receipts`,
      'count',
      {
        value: count ?? null,
        least,
        most,
        mode: terms.mode,
      },
    );
  }
  return count;
}

function requireTake(state: ListingState, takeId: string): Take {
  const take = state.takes[takeId];
  if (!take) throw refuse.notFound('TAKE_NOT_FOUND', 'no such take', { takeId });
  return take;
}

/** Billing paid and the title moved: the take is settled, once (a replayed TakePaid changes nothing). */
function settleTake(command: SettleTake, state: ListingState): ListingEvent[] {
  // rule TRADE-TAKE-ONCE
  const { actor, at, takeId } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['system'], 'settle a take');
  const take = requireTake(state, takeId);
  if (take.status !== 'reserved') return [];
  return [{ type: 'TakeSettled', data: { listingId: state.terms!.listingId, takeId, actor, at } }];
}

/** Billing refused the payment: the receipts go back on the listing while it is open, once. */
function releaseTake(command: ReleaseTake, state: ListingState): ListingEvent[] {
  // rule TRADE-TAKE-ONCE
  const { actor, at, takeId } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['system'], 'release a take');
  const take = requireTake(state, takeId);
  if (take.status !== 'reserved') return [];
  return [
    {
      type: 'TakeReleased',
      data: {
        listingId: state.terms!.listingId,
        takeId,
        receiptNumbers: take.receipts.map((receipt) => receipt.receiptNumber),
        backOnListing: state.status === 'open',
        reasonCode: requireText(command.data.reasonCode, 'reasonCode'),
        reason: requireText(command.data.reason, 'reason'),
        actor,
        at,
      },
    },
  ];
}

/**
 * Paid, but the title could not move (it always should: the receipts were held for the
 * listing): recorded once on the listing, which keeps the receipts reserved, for the exchange to
 * settle by hand; never silently kept or returned.
 */
function recordTakeTitleStuck(command: RecordTakeTitleStuck, state: ListingState): ListingEvent[] {
  // rule TRADE-TAKE-ONCE
  const { actor, at, takeId } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['system'], 'record a take whose title did not move');
  const take = requireTake(state, takeId);
  if (take.status === 'settled' || take.status === 'stuck') return [];
  return [
    {
      type: 'TakePaidTitleStuck',
      data: {
        listingId: state.terms!.listingId,
        takeId,
        reasonCode: requireText(command.data.reasonCode, 'reasonCode'),
        reason: requireText(command.data.reason, 'reason'),
        actor,
        at,
      },
    },
  ];
}
