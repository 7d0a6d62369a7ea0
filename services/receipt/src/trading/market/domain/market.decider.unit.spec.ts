import { deciderSpec, refusalOf } from '@dw/testing';
import type { Actor } from '../../../common/domain/actor';
import type { SetMarketSettings } from './market.commands';
import { marketDecider } from './market.decider';
import type { MarketEvent } from './market.events';

const at = '2026-03-02T01:00:00Z';
const exchange: Actor = { subject: 'shfe', role: 'exchange', partyId: 'shfe' };
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const sessions = [
  { opens: '09:00', closes: '11:30' },
  { opens: '13:30', closes: '15:00' },
];
const settings = { tradable: true, tickFenPerTonne: 100, sessions, referenceContract: 'rb2605', maxUpBasisPoints: 500, maxDownBasisPoints: 500 };

const set = (data: Partial<SetMarketSettings['data']> = {}): SetMarketSettings => ({
  type: 'SetMarketSettings',
  data: { commodity: 'rebar', ...settings, actor: exchange, at, ...data },
});
const configured: MarketEvent = { type: 'MarketSettingsChanged', data: { commodity: 'rebar', ...settings, actor: exchange, at } };
const suspended: MarketEvent = { type: 'MarketTradingSuspended', data: { commodity: 'rebar', reason: 'price anomaly', actor: exchange, at } };

const spec = deciderSpec(marketDecider);
const refusal = (command: Parameters<typeof marketDecider.decide>[0], given: MarketEvent[] = []) =>
  refusalOf(() => marketDecider.decide(command, given.reduce(marketDecider.evolve, marketDecider.initialState())));

describe('market decider', () => {
  describe('settings by the exchange', () => {
    it('the exchange sets a commodity’s market; the same settings again record nothing', () => {
      spec.given([]).when(set()).then([configured]);
      spec.given([configured]).when(set()).then([]);
      spec
        .given([configured])
        .when(set({ tradable: false, referenceContract: 'rb2610' }))
        .then([
          { type: 'MarketSettingsChanged', data: { commodity: 'rebar', ...settings, tradable: false, referenceContract: 'rb2610', actor: exchange, at } },
        ]);
    });

    it('refuses settings from anyone but the exchange', () => {
      spec
        .given([])
        .when(set({ actor: manager }))
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    });

    it('refuses a tick that is not a whole number of fen above 0, and a malformed commodity or contract', () => {
      spec
        .given([])
        .when(set({ tickFenPerTonne: 0 }))
        .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
      spec
        .given([])
        .when(set({ tickFenPerTonne: 0.5 }))
        .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
      spec
        .given([])
        .when(set({ commodity: 'Rebar!' }))
        .thenRefusedWith('COMMODITY_CODE_INVALID');
      expect(refusal(set({ referenceContract: 'rebar-may' })).field).toBe('referenceContract');
      spec
        .given([])
        .when(set({ referenceContract: 'rebar-may' }))
        .thenRefusedWith('CONTRACT_CODE_INVALID');
    });
  });

  describe('session hours (第五条)', () => {
    it('keeps sessions in the order they open; touching sessions do not overlap', () => {
      const touching = [
        { opens: '10:15', closes: '11:30' },
        { opens: '09:00', closes: '10:15' },
      ];
      spec
        .given([])
        .when(set({ sessions: touching }))
        .then([{ type: 'MarketSettingsChanged', data: { commodity: 'rebar', ...settings, sessions: [touching[1]!, touching[0]!], actor: exchange, at } }]);
    });

    it('refuses overlapping sessions', () => {
      const error = refusal(
        set({
          sessions: [
            { opens: '09:00', closes: '11:30' },
            { opens: '11:00', closes: '15:00' },
          ],
        }),
      );
      expect([error.code, error.field]).toEqual(['TRADING_SESSIONS_OVERLAP', 'sessions']);
    });

    it('refuses a malformed time, a session that closes before or when it opens, no session and more than six', () => {
      const badTime = refusal(set({ sessions: [{ opens: '9:00', closes: '11:30' }] }));
      expect([badTime.code, badTime.field]).toEqual(['TRADING_SESSION_INVALID', 'sessions[0].opens']);
      const late = refusal(set({ sessions: [{ opens: '09:00', closes: '24:00' }] }));
      expect([late.code, late.field]).toEqual(['TRADING_SESSION_INVALID', 'sessions[0].closes']);
      const backwards = refusal(set({ sessions: [{ opens: '15:00', closes: '13:30' }] }));
      expect([backwards.code, backwards.field]).toEqual(['TRADING_SESSION_INVALID', 'sessions[0].closes']);
      spec
        .given([])
        .when(set({ sessions: [{ opens: '09:00', closes: '09:00' }] }))
        .thenRefusedWith('TRADING_SESSION_INVALID');
      spec
        .given([])
        .when(set({ sessions: [] }))
        .thenRefusedWith('LIST_EMPTY');
      // Seven one-hour sessions 08:00-15:00, one more than the six allowed.
      const seven = [8, 9, 10, 11, 12, 13, 14].map((h) => ({ opens: `${String(h).padStart(2, '0')}:00`, closes: `${String(h + 1).padStart(2, '0')}:00` }));
      spec
        .given([])
        .when(set({ sessions: seven }))
        .thenRefusedWith('TRADING_SESSION_INVALID', { count: 7 });
    });
  });

  describe('price band (第五十九条)', () => {
    it('accepts a rise up to 10000 bp (double the base price) and a fall up to 9999 bp', () => {
      spec
        .given([])
        .when(set({ maxUpBasisPoints: 10_000, maxDownBasisPoints: 9_999 }))
        .then([
          {
            type: 'MarketSettingsChanged',
            data: { commodity: 'rebar', ...settings, maxUpBasisPoints: 10_000, maxDownBasisPoints: 9_999, actor: exchange, at },
          },
        ]);
    });

    it('refuses a rise above 10000 bp, a fall of 10000 bp (a zero price inside the band) and a band of 0', () => {
      expect(refusal(set({ maxUpBasisPoints: 10_001 })).field).toBe('maxUpBasisPoints');
      spec
        .given([])
        .when(set({ maxUpBasisPoints: 10_001 }))
        .thenRefusedWith('PRICE_BAND_INVALID');
      spec
        .given([])
        .when(set({ maxDownBasisPoints: 10_000 }))
        .thenRefusedWith('PRICE_BAND_INVALID');
      spec
        .given([])
        .when(set({ maxDownBasisPoints: 0 }))
        .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    });
  });

  describe('abnormal situations (第六十六条, 第六十七条)', () => {
    it('the exchange suspends and resumes trading, each with a reason', () => {
      spec
        .given([configured])
        .when({ type: 'SuspendMarketTrading', data: { commodity: 'rebar', reason: 'price anomaly', actor: exchange, at } })
        .then([suspended]);
      spec
        .given([configured, suspended])
        .when({ type: 'ResumeMarketTrading', data: { commodity: 'rebar', reason: 'resolved', actor: exchange, at } })
        .then([{ type: 'MarketTradingResumed', data: { commodity: 'rebar', reason: 'resolved', actor: exchange, at } }]);
    });

    it('refuses suspending twice, resuming a market that trades, and measures on a market never set up', () => {
      spec
        .given([configured, suspended])
        .when({ type: 'SuspendMarketTrading', data: { commodity: 'rebar', reason: 'again', actor: exchange, at } })
        .thenRefusedWith('MARKET_ALREADY_SUSPENDED', { suspensionReason: 'price anomaly' });
      spec
        .given([configured])
        .when({ type: 'ResumeMarketTrading', data: { commodity: 'rebar', reason: 'x', actor: exchange, at } })
        .thenRefusedWith('MARKET_NOT_SUSPENDED');
      spec
        .given([])
        .when({ type: 'SuspendMarketTrading', data: { commodity: 'rebar', reason: 'x', actor: exchange, at } })
        .thenRefusedWith('MARKET_NOT_FOUND');
      spec
        .given([configured])
        .when({ type: 'SuspendMarketTrading', data: { commodity: 'rebar', reason: ' ', actor: exchange, at } })
        .thenRefusedWith('FIELD_REQUIRED');
    });

    it('changes the trading hours and the band with a reason; a change to the same values records nothing', () => {
      const shortened = [{ opens: '09:00', closes: '10:00' }];
      spec
        .given([configured])
        .when({ type: 'ChangeMarketSessions', data: { commodity: 'rebar', sessions: shortened, reason: 'system incident', actor: exchange, at } })
        .then([{ type: 'MarketSessionsChanged', data: { commodity: 'rebar', sessions: shortened, reason: 'system incident', actor: exchange, at } }]);
      spec
        .given([configured])
        .when({
          type: 'ChangeMarketPriceBand',
          data: { commodity: 'rebar', maxUpBasisPoints: 700, maxDownBasisPoints: 300, reason: 'limit widened', actor: exchange, at },
        })
        .then([
          {
            type: 'MarketPriceBandChanged',
            data: { commodity: 'rebar', maxUpBasisPoints: 700, maxDownBasisPoints: 300, reason: 'limit widened', actor: exchange, at },
          },
        ]);
      spec
        .given([configured])
        .when({ type: 'ChangeMarketPriceBand', data: { commodity: 'rebar', maxUpBasisPoints: 500, maxDownBasisPoints: 500, reason: 'x', actor: exchange, at } })
        .then([]);
      spec
        .given([])
        .when({ type: 'ChangeMarketSessions', data: { commodity: 'rebar', sessions: shortened, reason: 'x', actor: exchange, at } })
        .thenRefusedWith('MARKET_NOT_FOUND');
    });

    it('keeps a suspension across a settings change', () => {
      const state = [configured, suspended, { ...configured, data: { ...configured.data, tickFenPerTonne: 200 } }].reduce(
        marketDecider.evolve,
        marketDecider.initialState(),
      );
      expect(state).toMatchObject({ suspended: true, suspensionReason: 'price anomaly', tickFenPerTonne: 200 });
    });
  });
});
