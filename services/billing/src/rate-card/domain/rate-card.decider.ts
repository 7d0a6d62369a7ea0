import { Decider, LocalDate, localDate, refuse, requireText, shanghaiDateOf, requireInstant, unhandledCommand } from '@dw/kernel';
import { requireRole } from '../../common/domain/actor';
import { PublishRateCardVersion, RateCardCommand } from './rate-card.commands';
import { RateCardEvent, RateCardVersion } from './rate-card.events';
import { assertRateCardTerms } from './rate-card.terms';

/**
 * One stream per rate card (the warehouse's published default, or one depositor's contract)
 * holding its versions. A version is never edited: a change is a new version in force from a
 * later trading day, so a fee already accrued is never priced again.
 */
export interface RateCardState {
  /** Ascending by effectiveFrom (version numbers count publications, so they may not be). */
  readonly versions: readonly RateCardVersion[];
}

export const rateCardDecider: Decider<RateCardCommand, RateCardState, RateCardEvent> = {
  initialState: () => ({ versions: [] }),

  evolve(state, event) {
    const { partyId, version, effectiveFrom, terms } = event.data;
    const versions = [...state.versions, { partyId, version, effectiveFrom, terms }];
    return { versions: versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)) };
  },

  decide(command, state) {
    switch (command.type) {
      case 'PublishRateCardVersion':
        return publishRateCardVersion(command, state);
      default:
        // One command type so far: `command` does not narrow to never, its discriminant does.
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/**
 * A manager publishes a version of the default or of a contract. It takes effect on a trading
 * day after today (Shanghai): today's storage and that of the holiday days after it are charged
 * today (rule BILL-HOLIDAY-STORAGE-PRECEDING-TRADING-DAY), and the days charged on an earlier
 * trading day all lie before a later trading day, so no day already charged is priced again.
 */
function publishRateCardVersion(command: PublishRateCardVersion, state: RateCardState): RateCardEvent[] {
  // rule BILL-RATE-VERSIONS-FORWARD
  const { actor, at, calendar } = command.data;
  requireRole(actor, ['manager'], 'publish rate cards');
  const partyId = command.data.partyId === null ? null : requireText(command.data.partyId, 'partyId');
  const effectiveFrom = localDate(command.data.effectiveFrom, 'effectiveFrom');
  const terms = assertRateCardTerms(command.data.terms);
  const today = shanghaiDateOf(new Date(requireInstant(at, 'at')), 'at');
  if (effectiveFrom <= today) {
    throw refuse.invalid(
      'RATE_EFFECTIVE_DATE_NOT_FUTURE',
      `a rate card version takes effect after today (${today}), never on a day already accrued`,
      'effectiveFrom',
      {
        effectiveFrom,
        today,
        earliest: calendar.nextTradingDay(today),
      },
    );
  }
  if (!calendar.isTradingDay(effectiveFrom)) {
    throw refuse.invalid(
      'RATE_EFFECTIVE_DATE_NOT_TRADING_DAY',
      `${effectiveFrom} is not a trading day; a rate card version takes effect on one`,
      'effectiveFrom',
      {
        effectiveFrom,
        nextTradingDay: calendar.nextTradingDay(effectiveFrom),
      },
    );
  }
  const same = state.versions.find((existing) => existing.effectiveFrom === effectiveFrom);
  if (same) {
    throw refuse.conflict('RATE_CARD_VERSION_EXISTS', `version ${same.version} already takes effect on ${effectiveFrom}`, {
      effectiveFrom,
      version: same.version,
    });
  }
  const version = state.versions.length + 1;
  return [{ type: 'RateCardVersionPublished', data: { partyId, version, effectiveFrom, terms, actor, at } }];
}

/** The version of one card in force on `date`: the one with the latest effectiveFrom on or before it; null before the first. */
export function versionInForceOn(state: RateCardState, date: LocalDate): RateCardVersion | null {
  return state.versions.filter((version) => version.effectiveFrom <= date).at(-1) ?? null;
}

/** The rate card a depositor is charged by on `date`, and where it comes from. */
export interface RateCardInForce extends RateCardVersion {
  readonly source: 'contract' | 'default';
}

/**
 * The rates in force on `date` for a depositor: its contract's version in force that day, else
 * the published default's (a whole card, never a mix of the two); refused when neither has one.
 */
export function rateCardInForce(contract: RateCardState, published: RateCardState, date: LocalDate): RateCardInForce {
  // rule BILL-RATE-IN-FORCE
  const own = versionInForceOn(contract, date);
  if (own) return { ...own, source: 'contract' };
  const fallback = versionInForceOn(published, date);
  if (fallback) return { ...fallback, source: 'default' };
  throw refuse.notFound('NO_RATE_CARD_IN_FORCE', `no contract and no published rate card is in force on ${date}`, { date });
}
