import { type BusinessCalendar, type LocalDate, refuse, requirePositiveInteger, requireText } from '@dw/kernel';
import { requireRole } from '../../common/domain/actor';
import type { ApplyForIssuance, ApproveIssuance, MarkIssuanceOverdue, RejectIssuance } from './factory.commands';
import type { FactoryEvent, IssuanceRequest } from './factory.events';
import { type FactoryState, type IssuanceApplication, requireFactory, requireTermsInForce, todayOf } from './factory.state';
import { guaranteeFor, requireGuarantee } from './guarantee';

/** The exchange decides within three trading days (art. 7): the last day it may decide on. */
export const DECISION_TRADING_DAYS = 3;

/**
 * The last day of the exchange's decision on an application made on `appliedOn`: the third trading
 * day after it (weekends, public holidays and make-up working days are not trading days).
 */
export function decisionDueOf(appliedOn: LocalDate, calendar: BusinessCalendar): LocalDate {
  // rule FD-ISSUANCE-DECISION-DEADLINE
  return calendar.addTradingDays(appliedOn, DECISION_TRADING_DAYS);
}

/**
 * The factory applies to issue receipts (art. 5): its commodity, a brand and grade of the terms
 * in force, the member and owner, whole tonnes. A guarantee must be lodged before or with it (art. 6).
 */
export function applyForIssuance(command: ApplyForIssuance, state: FactoryState): FactoryEvent[] {
  const { factoryId, applicationId, actor, at, calendar } = command.data;
  requireRole(actor, ['factory'], 'apply to issue factory receipts');
  const factory = requireFactory(state, factoryId, actor);
  if (state.applications[applicationId] !== undefined) throw refuse.conflict('ISSUANCE_ALREADY_EXISTS', `application ${applicationId} already exists`);
  const today = todayOf(at);
  const terms = requireTermsInForce(factory.versions, today);
  const request = requireIssuanceRequest(command.data.request, factory.commodity, terms.brands, terms.grades);
  const lodged = command.data.guarantee === null ? [] : [requireGuarantee(command.data.guarantee, state, today)];
  // rule FD-GUARANTEE-BEFORE-APPLICATION
  if (state.guarantee === null && lodged.length === 0) {
    throw refuse.conflict('GUARANTEE_MISSING', 'a guarantee must be lodged before or with the first application');
  }
  const decisionDue = decisionDueOf(today, calendar);
  return [
    ...lodged.map((guarantee): FactoryEvent => ({ type: 'GuaranteeProvided', data: { factoryId, guarantee, actor, at } })),
    { type: 'IssuanceApplied', data: { factoryId, applicationId, request, decisionDue, actor, at } },
  ];
}

function requireIssuanceRequest(input: IssuanceRequest, commodity: string, brands: readonly string[], grades: readonly string[]): IssuanceRequest {
  // rule FD-ISSUANCE-APPLICATION
  const asked = requireText(input.commodity, 'commodity');
  if (asked !== commodity) throw refuse.invalid('ISSUANCE_COMMODITY_MISMATCH', `the factory delivers ${commodity}, not ${asked}`, 'commodity', { commodity });
  const brand = requireText(input.brand, 'brand');
  if (!brands.includes(brand)) throw refuse.invalid('ISSUANCE_BRAND_NOT_APPROVED', `brand ${brand} is not approved for the factory`, 'brand', { brands });
  const grade = requireText(input.grade, 'grade');
  if (!grades.includes(grade)) throw refuse.invalid('ISSUANCE_GRADE_NOT_APPROVED', `grade ${grade} is not approved for the factory`, 'grade', { grades });
  return {
    commodity,
    brand,
    grade,
    member: requireText(input.member, 'member'),
    owner: requireText(input.owner, 'owner'),
    tonnes: requirePositiveInteger(input.tonnes, 'tonnes'),
  };
}

/**
 * The exchange approves (art. 7) only when the approved capacity in force allows it (issued and
 * not cancelled + this ≤ capacity) and the guarantee holds: lodged, valid today, no adjustment
 * demanded and unmet, and it covers the tonnes issued with this one at today's value per tonne.
 */
export function approveIssuance(command: ApproveIssuance, state: FactoryState): FactoryEvent[] {
  const { factoryId, applicationId, actor, at } = command.data;
  requireRole(actor, ['exchange'], 'approve issuance');
  const factory = requireFactory(state, factoryId, actor);
  const application = requirePending(state, applicationId);
  const today = todayOf(at);
  const terms = requireTermsInForce(factory.versions, today);
  const issuedTonnes = state.issuedTonnes + application.tonnes;
  // rule FD-FACTORY-CAPACITY
  if (issuedTonnes > terms.approvedCapacityTonnes) {
    throw refuse.conflict(
      'ISSUANCE_EXCEEDS_CAPACITY',
      `${state.issuedTonnes} t issued + ${application.tonnes} t exceeds the approved capacity of ${terms.approvedCapacityTonnes} t`,
      {
        approvedCapacityTonnes: terms.approvedCapacityTonnes,
        issuedTonnes: state.issuedTonnes,
        tonnes: application.tonnes,
      },
    );
  }
  // rule FD-ISSUANCE-GUARANTEE-HOLDS
  const guarantee = state.guarantee;
  if (guarantee === null) throw refuse.conflict('GUARANTEE_MISSING', 'the factory has not lodged a guarantee');
  if (guarantee.validTo < today) throw refuse.conflict('GUARANTEE_LAPSED', `the guarantee was valid to ${guarantee.validTo}`, { validTo: guarantee.validTo });
  if (state.demand !== null) {
    throw refuse.conflict('GUARANTEE_ADJUSTMENT_UNMET', `the exchange demanded a guarantee of ${state.demand.requiredFen} fen by ${state.demand.deadline}`, {
      requiredFen: state.demand.requiredFen,
      deadline: state.demand.deadline,
    });
  }
  const coverFen = guaranteeFor(issuedTonnes, terms.guaranteePerTonneFen);
  if (guarantee.amountFen < coverFen) {
    throw refuse.conflict('GUARANTEE_INSUFFICIENT', `${issuedTonnes} t need a guarantee of ${coverFen} fen, the factory's holds ${guarantee.amountFen} fen`, {
      requiredFen: coverFen,
      amountFen: guarantee.amountFen,
    });
  }
  return [{ type: 'IssuanceApproved', data: { factoryId, applicationId, tonnes: application.tonnes, issuedTonnes, actor, at } }];
}

export function rejectIssuance(command: RejectIssuance, state: FactoryState): FactoryEvent[] {
  const { factoryId, applicationId, actor, at } = command.data;
  requireRole(actor, ['exchange'], 'reject issuance');
  requireFactory(state, factoryId, actor);
  requirePending(state, applicationId);
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'IssuanceRejected', data: { factoryId, applicationId, reason, actor, at } }];
}

/**
 * The sweep flags a pending application still undecided after its decision day, once; the
 * exchange may still decide it. Nothing for one decided, flagged already or not yet late.
 */
export function markIssuanceOverdue(command: MarkIssuanceOverdue, state: FactoryState): FactoryEvent[] {
  const { factoryId, applicationId, actor, at } = command.data;
  requireRole(actor, ['system'], 'flag overdue decisions');
  const application = state.applications[applicationId];
  // rule FD-ISSUANCE-DECISION-OVERDUE
  if (application === undefined || application.status !== 'pending' || application.overdueRaised || todayOf(at) <= application.decisionDue) return [];
  return [{ type: 'IssuanceDecisionOverdue', data: { factoryId, applicationId, decisionDue: application.decisionDue, at } }];
}

function requirePending(state: FactoryState, applicationId: string): IssuanceApplication {
  const application = state.applications[applicationId];
  if (application === undefined) throw refuse.notFound('ISSUANCE_NOT_FOUND', `no issuance application ${applicationId}`);
  // rule FD-ISSUANCE-DECIDED-ONCE
  if (application.status !== 'pending')
    throw refuse.conflict('ISSUANCE_NOT_PENDING', `application ${applicationId} is ${application.status}`, { status: application.status });
  return application;
}
