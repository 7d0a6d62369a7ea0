import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { accountDecider } from './account.decider';
import type { AccountEvent } from './account.events';
import { figuresOf } from './account.state';
import { commands as c, events as e, manager, storage } from './account.fixtures.spec-helper';

const spec = deciderSpec(accountDecider);
const stateAfter = (events: readonly AccountEvent[]) => foldEvents(accountDecider, events);

// Fees of party P-HENGDA around National Day 2026: the holiday's storage (10-01 to 10-07) is
// charged on Wednesday 09-30, the last trading day before it; 10-08 is charged on itself.
const S0930 = 'storage:R-1:2026-09-30';
const S1007 = 'storage:R-1:2026-10-07';
const S1008 = 'storage:R-1:2026-10-08';
const S1009 = 'storage:R-1:2026-10-09';
const T1 = 'transfer:T-1';

describe('account decider: settlement oldest first', () => {
  it('settles outstanding fees oldest first by day charged, day owed for and fee id, each in full, when a payment is booked', () => {
    // Owed: S1008 500 (10-08), S1009 500 and T1 1 650 (both owed for and charged on 10-09;
    // "storage:…" sorts before "transfer:…"). Paid 1 200: S1008 500 → 700 left; S1009 500 →
    // 200 left; T1 1 650 > 200 stops. Settled 1 000, 200 held; R-1 paid through 10-09.
    spec
      .given([
        e.charged(T1, 1_650, { serviceDate: '2026-10-09' }, 'transfer'),
        e.charged(S1009, 500, { serviceDate: '2026-10-09' }),
        e.charged(S1008, 500, { serviceDate: '2026-10-08' }),
      ])
      .when(c.pay('pay-1', 1_200))
      .then([e.booked('pay-1', 1_200), e.settled('pay-1', [storage(S1008, 500), storage(S1009, 500)]), e.paidThrough('R-1', '2026-10-09', null)]);
  });

  it('never lets a younger, smaller fee jump the oldest one the money does not cover; the money waits in deposits held', () => {
    // S1007 (a holiday day, charged 09-30) 800 is older than S1008 (charged 10-08) 300.
    // Paid 500: 800 > 500, nothing settled, although 300 ≤ 500. Then 400 more: 900 held,
    // S1007 800 → 100 left; S1008 300 > 100 stops. R-1 paid through 10-07; 100 held.
    const given = [e.charged(S1008, 300, { serviceDate: '2026-10-08' }), e.charged(S1007, 800, { serviceDate: '2026-10-07', chargedOn: '2026-09-30' })];
    spec
      .given(given)
      .when(c.pay('pay-1', 500))
      .then([e.booked('pay-1', 500)]);
    spec
      .given([...given, e.booked('pay-1', 500)])
      .when(c.pay('pay-2', 400))
      .then([e.booked('pay-2', 400), e.settled('pay-2', [storage(S1007, 800)]), e.paidThrough('R-1', '2026-10-07', null)]);
    const after = stateAfter([...given, e.booked('pay-1', 500), e.booked('pay-2', 400), e.settled('pay-2', [storage(S1007, 800)])]);
    expect(figuresOf(after)).toEqual({ depositsHeldFen: 100, reservedFen: 0, inTransitFen: 0, outstandingFen: 300, availableFen: 0 });
  });

  it('settles a fee charged while the party has deposits held at once, from the money held', () => {
    // 1 000 held; S0930 600 charged → settled from deposits (no payment id), 400 held.
    spec
      .given([e.booked('pay-1', 1_000)])
      .when(c.charge(S0930, 600, { serviceDate: '2026-09-30' }))
      .then([e.charged(S0930, 600, { serviceDate: '2026-09-30' }), e.settled('', [storage(S0930, 600)]), e.paidThrough('R-1', '2026-09-30', null)]);
  });
});

describe('account decider: messages taken once', () => {
  it('changes nothing on a replayed fee, payment or bank answer', () => {
    const history = [e.charged(S1008, 500, { serviceDate: '2026-10-08' }), e.booked('pay-1', 500), e.settled('pay-1', [storage(S1008, 500)])];
    spec
      .given(history)
      .when(c.charge(S1008, 500, { serviceDate: '2026-10-08' }))
      .then([]);
    spec.given(history).when(c.pay('pay-1', 500)).then([]);
    const out = [e.booked('pay-1', 5_000), e.requested('W-1', 1_000), e.approved('W-1', 1_000)];
    spec
      .given([...out, e.completed('W-1', 1_000)])
      .when(c.complete('W-1', 1_000))
      .then([]);
    spec
      .given([...out, e.returned('W-1', 1_000)])
      .when(c.bankRefuses('W-1'))
      .then([]);
    spec
      .given([...out])
      .when(c.approve('W-1'))
      .then([]);
    spec
      .given([e.charged(S1008, 500, { serviceDate: '2026-10-08' }), e.reversed(S1008, 500, 0)])
      .when(c.reverse(S1008, 500))
      .then([]);
  });

  it('refuses a fee with an unknown item or a non-positive amount, and a payment of nothing', () => {
    spec
      .given([])
      .when(c.charge('x:1', 100, { serviceDate: '2026-10-08' }, 'parking'))
      .thenRefusedWith('VALUE_NOT_ALLOWED');
    expect(refusalOf(() => accountDecider.decide(c.charge('x:1', 0, { serviceDate: '2026-10-08' }), stateAfter([]))).field).toBe('amountFen');
    expect(refusalOf(() => accountDecider.decide(c.pay('pay-0', -5), stateAfter([]))).field).toBe('amountFen');
  });
});

describe('account decider: reversals', () => {
  it('returns what was paid of a reversed fee to deposits held, where it pays the next oldest fee', () => {
    // S1008 500 settled, S1009 700 outstanding, 300 held. Reversing S1008 refunds 500: 800
    // held, S1009 700 → 100 held. S1008 no longer counts, so R-1 is paid through 10-09.
    spec
      .given([
        e.charged(S1008, 500, { serviceDate: '2026-10-08' }),
        e.charged(S1009, 700, { serviceDate: '2026-10-09' }),
        e.booked('pay-1', 800),
        e.settled('pay-1', [storage(S1008, 500)]),
        e.paidThrough('R-1', '2026-10-08', null),
      ])
      .when(c.reverse(S1008, 500))
      .then([e.reversed(S1008, 500, 500), e.settled('', [storage(S1009, 700)]), e.paidThrough('R-1', '2026-10-09', '2026-10-08')]);
  });

  it('refuses to reverse a fee never charged, or for another amount than charged', () => {
    spec.given([]).when(c.reverse(S1008, 500)).thenRefusedWith('FEE_NOT_FOUND', { feeId: S1008 });
    spec
      .given([e.charged(S1008, 500, { serviceDate: '2026-10-08' })])
      .when(c.reverse(S1008, 499))
      .thenRefusedWith('FEE_REVERSAL_AMOUNT_MISMATCH', { chargedFen: 500, reversalFen: 499 });
  });
});

describe('account decider: paid-through', () => {
  it('advances a receipt’s paid-through date only forward: a late fee for an earlier day holds it, never moves it back', () => {
    const history = [
      e.charged(S1008, 500, { serviceDate: '2026-10-08' }),
      e.charged(S1009, 500, { serviceDate: '2026-10-09' }),
      e.booked('pay-1', 1_000),
      e.settled('pay-1', [storage(S1008, 500), storage(S1009, 500)]),
      e.paidThrough('R-1', '2026-10-09', null),
    ];
    // A fee for 10-07 charged late (on 10-09), with nothing held: outstanding; R-1 stays 10-09.
    spec
      .given(history)
      .when(c.charge(S1007, 800, { serviceDate: '2026-10-07', chargedOn: '2026-10-09' }))
      .then([e.charged(S1007, 800, { serviceDate: '2026-10-07', chargedOn: '2026-10-09' })]);
    // Another receipt's storage, and a transfer fee, move nothing on R-1.
    spec
      .given([...history, e.booked('pay-2', 2_000)])
      .when(c.charge('storage:R-2:2026-10-09', 300, { serviceDate: '2026-10-09' }, 'storage', 'R-2'))
      .then([
        e.charged('storage:R-2:2026-10-09', 300, { serviceDate: '2026-10-09' }, 'storage', 'R-2'),
        e.settled('', [storage('storage:R-2:2026-10-09', 300)]),
        e.paidThrough('R-2', '2026-10-09', null),
      ]);
  });
});

describe('account decider: withdrawals', () => {
  // 10 000 paid, S1008 2 500 settled: 7 500 held, all available.
  const funded = [
    e.charged(S1008, 2_500, { serviceDate: '2026-10-08' }),
    e.booked('pay-1', 10_000),
    e.settled('pay-1', [storage(S1008, 2_500)]),
    e.paidThrough('R-1', '2026-10-08', null),
  ];

  it('refuses a withdrawal larger than the available balance: deposits held less requests pending less fees owed', () => {
    // 5 000 requested leaves 7 500 − 5 000 = 2 500 available: 2 501 is refused, 2 500 is not.
    const pending = [...funded, e.requested('W-1', 5_000)];
    spec
      .given(pending)
      .when(c.request('W-2', 2_501))
      .thenRefusedWith('WITHDRAWAL_EXCEEDS_AVAILABLE', { amountFen: 2_501, availableFen: 2_500, depositsHeldFen: 7_500, reservedFen: 5_000 });
    spec
      .given(pending)
      .when(c.request('W-2', 2_500))
      .then([e.requested('W-2', 2_500)]);
    // 1 000 held but S1009 1 500 owed and not covered: fees come first, nothing is available.
    spec
      .given([e.charged(S1009, 1_500, { serviceDate: '2026-10-09' }), e.booked('pay-1', 1_000)])
      .when(c.request('W-1', 1))
      .thenRefusedWith('WITHDRAWAL_EXCEEDS_AVAILABLE', { availableFen: 0, depositsHeldFen: 1_000, outstandingFen: 1_500 });
  });

  it('moves an approved withdrawal to withdrawals in transit, and completes it when the bank confirms', () => {
    spec
      .given([...funded, e.requested('W-1', 5_000)])
      .when(c.approve('W-1'))
      .then([e.approved('W-1', 5_000)]);
    const approved = [...funded, e.requested('W-1', 5_000), e.approved('W-1', 5_000)];
    // 7 500 − 5 000 = 2 500 held, 5 000 in transit.
    expect(figuresOf(stateAfter(approved))).toEqual({ depositsHeldFen: 2_500, reservedFen: 0, inTransitFen: 5_000, outstandingFen: 0, availableFen: 2_500 });
    spec
      .given(approved)
      .when(c.complete('W-1', 5_000))
      .then([e.completed('W-1', 5_000)]);
    spec.given(approved).when(c.complete('W-1', 4_000)).thenRefusedWith('WITHDRAWAL_AMOUNT_MISMATCH', { approvedFen: 5_000, confirmedFen: 4_000 });
  });

  it('returns a withdrawal the bank refused exactly: the balance is as before the request', () => {
    const approved = [...funded, e.requested('W-1', 5_000), e.approved('W-1', 5_000)];
    spec
      .given(approved)
      .when(c.bankRefuses('W-1'))
      .then([e.returned('W-1', 5_000)]);
    expect(figuresOf(stateAfter([...approved, e.returned('W-1', 5_000)]))).toEqual(figuresOf(stateAfter(funded)));
    // Money returned pays a fee that waited: S1009 6 000 owed, 2 500 held; 5 000 back makes
    // 7 500, S1009 6 000 settled, 1 500 held.
    spec
      .given([...approved, e.charged(S1009, 6_000, { serviceDate: '2026-10-09' })])
      .when(c.bankRefuses('W-1'))
      .then([e.returned('W-1', 5_000), e.settled('', [storage(S1009, 6_000)]), e.paidThrough('R-1', '2026-10-09', '2026-10-08')]);
  });

  it('frees the amount of a rejected request', () => {
    const pending = [...funded, e.requested('W-1', 7_500)];
    spec
      .given(pending)
      .when(c.reject('W-1'))
      .then([e.rejected('W-1', 7_500)]);
    expect(figuresOf(stateAfter([...pending, e.rejected('W-1', 7_500)])).availableFen).toBe(7_500);
  });

  it('refuses a step a withdrawal can no longer take, one never requested, and the wrong role', () => {
    const approved = [...funded, e.requested('W-1', 5_000), e.approved('W-1', 5_000)];
    spec.given(approved).when(c.reject('W-1')).thenRefusedWith('WITHDRAWAL_IN_TRANSIT');
    spec
      .given([...approved, e.completed('W-1', 5_000)])
      .when(c.bankRefuses('W-1'))
      .thenRefusedWith('WITHDRAWAL_CLOSED');
    spec
      .given([...funded, e.requested('W-1', 5_000), e.rejected('W-1', 5_000)])
      .when(c.approve('W-1'))
      .thenRefusedWith('WITHDRAWAL_CLOSED');
    spec
      .given([...funded, e.requested('W-1', 5_000)])
      .when(c.complete('W-1', 5_000))
      .thenRefusedWith('WITHDRAWAL_NOT_IN_TRANSIT');
    spec.given(funded).when(c.approve('W-9')).thenRefusedWith('WITHDRAWAL_NOT_FOUND');
    const byDepositor = c.approve('W-1');
    spec
      .given([...funded, e.requested('W-1', 5_000)])
      .when({ ...byDepositor, data: { ...byDepositor.data, actor: { subject: 'dep-hengda', role: 'depositor' } } } as typeof byDepositor)
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    const byManager = c.request('W-2', 100);
    spec
      .given(funded)
      .when({ ...byManager, data: { ...byManager.data, actor: manager } } as typeof byManager)
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});

describe('account decider: over/short credits', () => {
  it('books a short at load-out (a negative over_short fee) as the warehouse’s credit to deposits held, which settles what the party owes', () => {
    // Short 120 kg at 365 000 fen/t: 120 × 365 000 / 1000 = 43 800 fen, accrued as −43 800.
    // Owed: a load-out fee of 8 333 (10-09, no receipt). Credited 43 800 → held 43 800; the
    // 8 333 is settled from it → 43 800 − 8 333 = 35 467 held, nothing outstanding, all available.
    const owed = e.charged('load_out:L-7:N-0', 8_333, { serviceDate: '2026-10-09' }, 'load_out', '');
    const credit = c.charge('over_short:L-7:N-1', -43_800, { serviceDate: '2026-10-12' }, 'over_short', '');
    const credited = e.credited('over_short:L-7:N-1', 43_800, '2026-10-12');
    const settled = e.settled('', [{ feeId: 'load_out:L-7:N-0', item: 'load_out', amountFen: 8_333 }]);
    spec.given([owed]).when(credit).then([credited, settled]);
    expect(figuresOf(stateAfter([owed, credited, settled]))).toEqual({
      depositsHeldFen: 35_467,
      reservedFen: 0,
      inTransitFen: 0,
      outstandingFen: 0,
      availableFen: 35_467,
    });
    // The same credit again (a redelivered FeeAccrued) credits nothing.
    spec.given([owed, credited, settled]).when(credit).then([]);
    // Only an over/short may be the warehouse’s to pay: a negative storage fee is refused.
    spec
      .given([])
      .when(c.charge(S1008, -500, { serviceDate: '2026-10-08' }))
      .thenRefusedWith('FEE_CREDIT_NOT_ALLOWED');
  });
});
