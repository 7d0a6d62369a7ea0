import { refuse, requirePositiveInteger, requireText } from '@dw/kernel';
import type { TradingSession } from '../../common/trading-lookups';

/** What the exchange sets for one commodity on the platform; every field is replaced whole by a settings change. */
export interface MarketSettings {
  /** The exchange lists this commodity on the platform (标准仓单交易管理办法 第四条). */
  readonly tradable: boolean;
  /** Price tick, whole fen per tonne (第二十一条). */
  readonly tickFenPerTonne: number;
  /** Trading sessions of each trading day, Asia/Shanghai 'HH:MM', opens inclusive, closes exclusive, in order (第五条). */
  readonly sessions: readonly TradingSession[];
  /** The reference futures contract (标的期货合约, 第五十八条) whose prior settlement price is the base price. */
  readonly referenceContract: string;
  /** Maximum rise and fall of the price band, basis points of the base price (第五十九条). */
  readonly maxUpBasisPoints: number;
  readonly maxDownBasisPoints: number;
}

/** A commodity's market: its settings and whether the exchange has suspended its trading (第六十七条). */
export interface Market extends MarketSettings {
  readonly commodity: string;
  readonly suspended: boolean;
  readonly suspensionReason: string | null;
}

const COMMODITY_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
const CONTRACT_PATTERN = /^[A-Za-z]{1,4}\d{3,4}$/;
const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** More sessions than this in one day is a typing error, not a timetable. */
export const MAX_SESSIONS = 6;
/** Basis points in a whole (100%). */
export const WHOLE_BP = 10_000;

/** A commodity code as the inventory service and billing's settlement prices spell it. */
export function requireCommodityCode(value: string, field = 'commodity'): string {
  const commodity = requireText(value, field);
  if (!COMMODITY_PATTERN.test(commodity)) {
    throw refuse.invalid('COMMODITY_CODE_INVALID', `${field} must be 1-32 lower-case letters, digits, "_" or "-" starting with a letter`, field, {
      value: commodity,
    });
  }
  return commodity;
}

/** A futures contract code such as rb2605. */
export function requireContractCode(value: string, field: string): string {
  // rule TRADE-REFERENCE-CONTRACT
  const contract = requireText(value, field);
  if (!CONTRACT_PATTERN.test(contract)) {
    throw refuse.invalid('CONTRACT_CODE_INVALID', `${field} must be a futures contract code such as rb2605`, field, { value: contract });
  }
  return contract;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The sessions of a trading day: 1 to 6, each 'HH:MM' with opens before closes (a session does
 * not run past midnight), none overlapping another ([09:00, 10:15) and [10:15, 11:30) touch and
 * do not overlap). Returned in the order they open.
 */
export function requireSessions(sessions: readonly TradingSession[], field = 'sessions'): TradingSession[] {
  // rule TRADE-SESSION-HOURS
  if (!Array.isArray(sessions) || sessions.length === 0) throw refuse.invalid('LIST_EMPTY', `${field} needs at least one session`, field);
  if (sessions.length > MAX_SESSIONS) {
    throw refuse.invalid('TRADING_SESSION_INVALID', `${field} may hold at most ${MAX_SESSIONS} sessions, got ${sessions.length}`, field, {
      count: sessions.length,
    });
  }
  const checked = sessions.map((session, index) => {
    for (const end of ['opens', 'closes'] as const) {
      const value = session?.[end];
      if (typeof value !== 'string' || !TIME_OF_DAY_PATTERN.test(value)) {
        throw refuse.invalid('TRADING_SESSION_INVALID', `${field}[${index}].${end} must be a time of day HH:MM (00:00-23:59)`, `${field}[${index}].${end}`, {
          value: value ?? null,
        });
      }
    }
    if (minutesOf(session.closes) <= minutesOf(session.opens)) {
      throw refuse.invalid(
        'TRADING_SESSION_INVALID',
        `${field}[${index}] closes at ${session.closes}, not after it opens at ${session.opens}`,
        `${field}[${index}].closes`,
        {
          opens: session.opens,
          closes: session.closes,
        },
      );
    }
    return { opens: session.opens, closes: session.closes };
  });
  const ordered = [...checked].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
  for (let i = 1; i < ordered.length; i++) {
    const [earlier, later] = [ordered[i - 1]!, ordered[i]!];
    if (minutesOf(later.opens) < minutesOf(earlier.closes)) {
      throw refuse.invalid('TRADING_SESSIONS_OVERLAP', `session [${later.opens}, ${later.closes}) overlaps [${earlier.opens}, ${earlier.closes})`, field, {
        sessions: [earlier, later],
      });
    }
  }
  return ordered;
}

/**
 * The band's maximum rise and fall in basis points (第五十九条): whole numbers, a rise of 1 to
 * 10000 (up to double the base price) and a fall of 1 to 9999 (a fall of 100% or more would let
 * a price of zero or less inside the band).
 */
export function requirePriceBand(maxUpBasisPoints: number, maxDownBasisPoints: number): { maxUpBasisPoints: number; maxDownBasisPoints: number } {
  // rule TRADE-PRICE-BAND
  requirePositiveInteger(maxUpBasisPoints, 'maxUpBasisPoints');
  requirePositiveInteger(maxDownBasisPoints, 'maxDownBasisPoints');
  if (maxUpBasisPoints > WHOLE_BP) {
    throw refuse.invalid('PRICE_BAND_INVALID', `maxUpBasisPoints may be at most ${WHOLE_BP} (100%), got ${maxUpBasisPoints}`, 'maxUpBasisPoints', {
      value: maxUpBasisPoints,
    });
  }
  if (maxDownBasisPoints >= WHOLE_BP) {
    throw refuse.invalid('PRICE_BAND_INVALID', `maxDownBasisPoints must be below ${WHOLE_BP} (100%), got ${maxDownBasisPoints}`, 'maxDownBasisPoints', {
      value: maxDownBasisPoints,
    });
  }
  return { maxUpBasisPoints, maxDownBasisPoints };
}
