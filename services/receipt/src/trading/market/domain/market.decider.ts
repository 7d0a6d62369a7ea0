import { type Decider, refuse, requireInstant, requirePositiveInteger, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../../common/domain/actor';
import { type Market, requireCommodityCode, requireContractCode, requirePriceBand, requireSessions } from './market';
import type {
  ChangeMarketPriceBand,
  ChangeMarketSessions,
  MarketCommand,
  ResumeMarketTrading,
  SetMarketSettings,
  SuspendMarketTrading,
} from './market.commands';
import type { MarketEvent } from './market.events';

/** One stream per commodity (`market-<commodity>`); null until the exchange first sets it. */
export type MarketState = Market | null;

type Decision = MarketEvent[];

function byExchange(actor: Actor, action: string): void {
  // rule TRADE-MARKET-BY-EXCHANGE
  requireRole(actor, ['exchange'], action);
}

function existing(state: MarketState, commodity: string): Market {
  if (!state) throw refuse.notFound('MARKET_NOT_FOUND', `the exchange has not set up a market for ${commodity}`, { commodity });
  return state;
}

const sameSessions = (a: Market['sessions'], b: Market['sessions']) =>
  a.length === b.length && a.every((session, i) => session.opens === b[i]!.opens && session.closes === b[i]!.closes);

function setMarketSettings(command: SetMarketSettings, state: MarketState): Decision {
  const { actor, at } = command.data;
  byExchange(actor, 'set a market');
  const commodity = requireCommodityCode(command.data.commodity);
  if (typeof command.data.tradable !== 'boolean') throw refuse.invalid('FIELD_REQUIRED', 'tradable must be true or false', 'tradable');
  const tradable = command.data.tradable;
  // rule TRADE-TICK
  const tickFenPerTonne = requirePositiveInteger(command.data.tickFenPerTonne, 'tickFenPerTonne');
  const sessions = requireSessions(command.data.sessions);
  const referenceContract = requireContractCode(command.data.referenceContract, 'referenceContract');
  const band = requirePriceBand(command.data.maxUpBasisPoints, command.data.maxDownBasisPoints);
  const settings = { tradable, tickFenPerTonne, sessions, referenceContract, ...band };
  // The same settings again (a retried call) record nothing.
  if (
    state &&
    state.tradable === tradable &&
    state.tickFenPerTonne === tickFenPerTonne &&
    sameSessions(state.sessions, sessions) &&
    state.referenceContract === referenceContract &&
    state.maxUpBasisPoints === band.maxUpBasisPoints &&
    state.maxDownBasisPoints === band.maxDownBasisPoints
  ) {
    return [];
  }
  return [{ type: 'MarketSettingsChanged', data: { commodity, ...settings, actor, at } }];
}

function changeMarketSessions(command: ChangeMarketSessions, state: MarketState): Decision {
  // rule TRADE-ABNORMAL-MEASURES
  const { actor, at } = command.data;
  byExchange(actor, 'change a market’s trading hours');
  const market = existing(state, command.data.commodity);
  const sessions = requireSessions(command.data.sessions);
  const reason = requireText(command.data.reason, 'reason');
  if (sameSessions(market.sessions, sessions)) return [];
  return [{ type: 'MarketSessionsChanged', data: { commodity: market.commodity, sessions, reason, actor, at } }];
}

function changeMarketPriceBand(command: ChangeMarketPriceBand, state: MarketState): Decision {
  // rule TRADE-ABNORMAL-MEASURES
  const { actor, at } = command.data;
  byExchange(actor, 'change a market’s price band');
  const market = existing(state, command.data.commodity);
  const band = requirePriceBand(command.data.maxUpBasisPoints, command.data.maxDownBasisPoints);
  const reason = requireText(command.data.reason, 'reason');
  if (market.maxUpBasisPoints === band.maxUpBasisPoints && market.maxDownBasisPoints === band.maxDownBasisPoints) return [];
  return [{ type: 'MarketPriceBandChanged', data: { commodity: market.commodity, ...band, reason, actor, at } }];
}

function suspendMarketTrading(command: SuspendMarketTrading, state: MarketState): Decision {
  // rule TRADE-ABNORMAL-MEASURES
  const { actor, at } = command.data;
  byExchange(actor, 'suspend trading');
  const market = existing(state, command.data.commodity);
  const reason = requireText(command.data.reason, 'reason');
  if (market.suspended) {
    throw refuse.conflict('MARKET_ALREADY_SUSPENDED', `trading in ${market.commodity} is already suspended`, {
      commodity: market.commodity,
      suspensionReason: market.suspensionReason,
    });
  }
  return [{ type: 'MarketTradingSuspended', data: { commodity: market.commodity, reason, actor, at } }];
}

function resumeMarketTrading(command: ResumeMarketTrading, state: MarketState): Decision {
  // rule TRADE-ABNORMAL-MEASURES
  const { actor, at } = command.data;
  byExchange(actor, 'resume trading');
  const market = existing(state, command.data.commodity);
  const reason = requireText(command.data.reason, 'reason');
  if (!market.suspended) throw refuse.conflict('MARKET_NOT_SUSPENDED', `trading in ${market.commodity} is not suspended`, { commodity: market.commodity });
  return [{ type: 'MarketTradingResumed', data: { commodity: market.commodity, reason, actor, at } }];
}

export const marketDecider: Decider<MarketCommand, MarketState, MarketEvent> = {
  initialState: () => null,

  evolve(state, event) {
    switch (event.type) {
      case 'MarketSettingsChanged': {
        const { commodity, tradable, tickFenPerTonne, sessions, referenceContract, maxUpBasisPoints, maxDownBasisPoints } = event.data;
        const settings = { commodity, tradable, tickFenPerTonne, sessions, referenceContract, maxUpBasisPoints, maxDownBasisPoints };
        return { ...settings, suspended: state?.suspended ?? false, suspensionReason: state?.suspensionReason ?? null };
      }
      case 'MarketSessionsChanged':
        return state && { ...state, sessions: event.data.sessions };
      case 'MarketPriceBandChanged':
        return state && { ...state, maxUpBasisPoints: event.data.maxUpBasisPoints, maxDownBasisPoints: event.data.maxDownBasisPoints };
      case 'MarketTradingSuspended':
        return state && { ...state, suspended: true, suspensionReason: event.data.reason };
      case 'MarketTradingResumed':
        return state && { ...state, suspended: false, suspensionReason: null };
    }
  },

  decide(command, state) {
    requireInstant(command.data.at, 'at');
    switch (command.type) {
      case 'SetMarketSettings':
        return setMarketSettings(command, state);
      case 'ChangeMarketSessions':
        return changeMarketSessions(command, state);
      case 'ChangeMarketPriceBand':
        return changeMarketPriceBand(command, state);
      case 'SuspendMarketTrading':
        return suspendMarketTrading(command, state);
      case 'ResumeMarketTrading':
        return resumeMarketTrading(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};
