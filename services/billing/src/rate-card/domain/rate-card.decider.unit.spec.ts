import { foldEvents, cnMainlandCalendar } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { PublishRateCardVersion } from './rate-card.commands';
import { rateCardDecider, rateCardInForce, versionInForceOn } from './rate-card.decider';
import { RateCardEvent } from './rate-card.events';
import { contractTerms, d, defaultTerms } from './rate-card.fixtures.spec-helper';
import { RateCardTerms } from './rate-card.terms';

const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
// Monday 2026-09-28, 10:00 in Shanghai: a trading day; 09-30 (Wednesday) is the last one before
// the National Day holiday (10-01 to 10-07), 10-08 the first after it, 10-10 a make-up Saturday.
const at = '2026-09-28T02:00:00Z';

const publish = (effectiveFrom: string, overrides: Partial<PublishRateCardVersion['data']> = {}): PublishRateCardVersion => ({
  type: 'PublishRateCardVersion',
  data: { partyId: 'P-HENGDA', effectiveFrom, terms: contractTerms, actor: manager, at, calendar: cnMainlandCalendar, ...overrides },
});
const published = (version: number, effectiveFrom: string, terms: RateCardTerms = contractTerms, partyId: string | null = 'P-HENGDA'): RateCardEvent => ({
  type: 'RateCardVersionPublished',
  data: { partyId, version, effectiveFrom: d(effectiveFrom), terms, actor: manager, at },
});
const withTerms = (terms: unknown) => publish('2026-09-29', { terms: terms as RateCardTerms });

const spec = deciderSpec(rateCardDecider);

describe('rate card decider', () => {
  it('publishes versions of a contract and of the default from a later trading day', () => {
    spec
      .given([])
      .when(publish('2026-09-29'))
      .then([published(1, '2026-09-29')]);
    spec
      .given([published(1, '2026-09-29')])
      .when(publish('2026-10-08'))
      .then([published(2, '2026-10-08')]);
    spec
      .given([])
      .when(publish('2026-09-30', { partyId: null, terms: defaultTerms }))
      .then([published(1, '2026-09-30', defaultTerms, null)]);
  });

  it('refuses a version taking effect today or earlier in Shanghai, even when it is still the day before in UTC', () => {
    spec.given([]).when(publish('2026-09-28')).thenRefusedWith('RATE_EFFECTIVE_DATE_NOT_FUTURE', { today: '2026-09-28', earliest: '2026-09-29' });
    spec.given([]).when(publish('2026-09-01')).thenRefusedWith('RATE_EFFECTIVE_DATE_NOT_FUTURE');
    // 2026-09-28T16:30Z is already 00:30 on 09-29 in Shanghai: 09-29 is today, not the future.
    spec
      .given([])
      .when(publish('2026-09-29', { at: '2026-09-28T16:30:00Z' }))
      .thenRefusedWith('RATE_EFFECTIVE_DATE_NOT_FUTURE', { today: '2026-09-29', earliest: '2026-09-30' });
  });

  it('refuses a version taking effect on a day that is not a trading day: a holiday, a weekend or a make-up working day', () => {
    spec.given([]).when(publish('2026-10-01')).thenRefusedWith('RATE_EFFECTIVE_DATE_NOT_TRADING_DAY', { nextTradingDay: '2026-10-08' });
    spec.given([]).when(publish('2026-10-04')).thenRefusedWith('RATE_EFFECTIVE_DATE_NOT_TRADING_DAY', { nextTradingDay: '2026-10-08' });
    // Saturday 10-10 is worked (调休) but the exchange does not trade; Monday 10-12 is next.
    spec.given([]).when(publish('2026-10-10')).thenRefusedWith('RATE_EFFECTIVE_DATE_NOT_TRADING_DAY', { nextTradingDay: '2026-10-12' });
  });

  it('refuses a second version taking effect on the same day', () => {
    spec
      .given([published(1, '2026-10-08')])
      .when(publish('2026-10-08'))
      .thenRefusedWith('RATE_CARD_VERSION_EXISTS', { version: 1, effectiveFrom: '2026-10-08' });
  });

  it('only a manager publishes rate cards', () => {
    spec
      .given([])
      .when(publish('2026-09-29', { actor: { subject: 'clerk-li', role: 'clerk' } }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});

describe('rate card terms', () => {
  it('refuses a negative rate, a fractional rate, a rate priced twice, an unknown kind and a card without storage rates', () => {
    const negative = refusalOf(() => rateCardDecider.decide(withTerms({ ...contractTerms, transferFenPerTonne: -1 }), { versions: [] }));
    expect([negative.code, negative.field]).toEqual(['NON_NEGATIVE_INTEGER_REQUIRED', 'terms.transferFenPerTonne']);
    const negativeStorage = refusalOf(() =>
      rateCardDecider.decide(withTerms({ ...contractTerms, storage: [{ storageKind: 'shed', commodity: 'rebar', fenPerTonneDay: -15 }] }), { versions: [] }),
    );
    expect([negativeStorage.code, negativeStorage.field]).toEqual(['NON_NEGATIVE_INTEGER_REQUIRED', 'terms.storage[0].fenPerTonneDay']);
    const fractional = refusalOf(() => rateCardDecider.decide(withTerms({ ...contractTerms, loadInFenPerTonne: 1.5 }), { versions: [] }));
    expect([fractional.code, fractional.field]).toEqual(['NON_NEGATIVE_INTEGER_REQUIRED', 'terms.loadInFenPerTonne']);
    const twice = refusalOf(() =>
      rateCardDecider.decide(
        withTerms({ ...defaultTerms, storage: [...defaultTerms.storage, { storageKind: 'yard', commodity: 'rebar', fenPerTonneDay: 9 }] }),
        {
          versions: [],
        },
      ),
    );
    expect([twice.code, twice.field]).toEqual(['DUPLICATE_RATE', 'terms.storage[2]']);
    const twiceOut = refusalOf(() =>
      rateCardDecider.decide(withTerms({ ...defaultTerms, loadOut: [...defaultTerms.loadOut, { method: 'self_collect', fenPerTonne: 1 }] }), { versions: [] }),
    );
    expect([twiceOut.code, twiceOut.field]).toEqual(['DUPLICATE_RATE', 'terms.loadOut[2]']);
    const kind = refusalOf(() =>
      rateCardDecider.decide(withTerms({ ...contractTerms, storage: [{ storageKind: 'silo', commodity: 'rebar', fenPerTonneDay: 1 }] }), { versions: [] }),
    );
    expect([kind.code, kind.field]).toEqual(['VALUE_NOT_ALLOWED', 'terms.storage[0].storageKind']);
    const settlement = refusalOf(() => rateCardDecider.decide(withTerms({ ...contractTerms, settlementMethod: 'barter' }), { versions: [] }));
    expect([settlement.code, settlement.field]).toEqual(['VALUE_NOT_ALLOWED', 'terms.settlementMethod']);
    const none = refusalOf(() => rateCardDecider.decide(withTerms({ ...contractTerms, storage: [] }), { versions: [] }));
    expect([none.code, none.field]).toEqual(['LIST_EMPTY', 'terms.storage']);
  });
});

describe('the rate card in force', () => {
  const contract = foldEvents(rateCardDecider, [published(1, '2026-10-08'), published(2, '2026-11-02', { ...contractTerms, transferFenPerTonne: 40 })]);
  const publishedDefault = foldEvents(rateCardDecider, [published(1, '2026-09-29', defaultTerms, null)]);

  it('is the contract’s version in force that day, else the published default’s, else none', () => {
    expect(rateCardInForce(contract, publishedDefault, d('2026-09-30'))).toMatchObject({ source: 'default', version: 1, effectiveFrom: '2026-09-29' });
    // The contract's first version from 10-08: the holiday before it is still priced by the default.
    expect(rateCardInForce(contract, publishedDefault, d('2026-10-07'))).toMatchObject({ source: 'default', version: 1 });
    expect(rateCardInForce(contract, publishedDefault, d('2026-10-08'))).toMatchObject({ source: 'contract', version: 1, partyId: 'P-HENGDA' });
    expect(rateCardInForce(contract, publishedDefault, d('2026-11-01'))).toMatchObject({ source: 'contract', version: 1 });
    expect(rateCardInForce(contract, publishedDefault, d('2026-11-02')).terms.transferFenPerTonne).toBe(40);
    const error = refusalOf(() => rateCardInForce(contract, publishedDefault, d('2026-09-28')));
    expect([error.code, error.kind]).toEqual(['NO_RATE_CARD_IN_FORCE', 'not_found']);
  });

  it('orders a version published later but taking effect earlier before the ones after it', () => {
    const state = foldEvents(rateCardDecider, [published(1, '2026-11-02'), published(2, '2026-10-08')]);
    expect(state.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versionInForceOn(state, d('2026-10-30'))?.version).toBe(2);
    expect(versionInForceOn(state, d('2026-11-02'))?.version).toBe(1);
    expect(versionInForceOn(state, d('2026-10-07'))).toBeNull();
  });
});
