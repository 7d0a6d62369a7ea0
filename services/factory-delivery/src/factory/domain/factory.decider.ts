import { type Decider, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { requireRole } from '../../common/domain/actor';
import { requireFactoryTerms } from './factory-terms';
import type { ApproveFactory, ChangeFactoryTerms, FactoryCommand } from './factory.commands';
import type { FactoryEvent } from './factory.events';
import { type FactoryState, type IssuanceApplication, requireFactory, todayOf } from './factory.state';
import { approveGuaranteeReduction, demandGuaranteeAdjustment, provideGuarantee, requestGuaranteeReduction } from './guarantee';
import { applyForIssuance, approveIssuance, markIssuanceOverdue, rejectIssuance } from './issuance';

export const factoryDecider: Decider<FactoryCommand, FactoryState, FactoryEvent> = {
  initialState: () => ({
    name: null,
    commodity: null,
    versions: [],
    guarantee: null,
    demand: null,
    reductionRequestedFen: null,
    applications: {},
    issuedTonnes: 0,
  }),

  evolve(state, event) {
    switch (event.type) {
      case 'FactoryApproved':
        return { ...state, name: event.data.name, commodity: event.data.commodity, versions: [event.data.terms] };
      case 'FactoryTermsChanged':
        return { ...state, versions: [...state.versions, event.data.terms] };
      case 'GuaranteeProvided': {
        const met = state.demand !== null && event.data.guarantee.amountFen >= state.demand.requiredFen;
        return { ...state, guarantee: event.data.guarantee, demand: met ? null : state.demand, reductionRequestedFen: null };
      }
      case 'GuaranteeAdjustmentDemanded':
        return { ...state, demand: { requiredFen: event.data.requiredFen, deadline: event.data.deadline } };
      case 'GuaranteeReductionRequested':
        return { ...state, reductionRequestedFen: event.data.requestedFen };
      case 'GuaranteeReduced':
        return { ...state, guarantee: state.guarantee === null ? null : { ...state.guarantee, amountFen: event.data.amountFen }, reductionRequestedFen: null };
      case 'IssuanceApplied':
        return {
          ...state,
          applications: {
            ...state.applications,
            [event.data.applicationId]: { tonnes: event.data.request.tonnes, status: 'pending', decisionDue: event.data.decisionDue, overdueRaised: false },
          },
        };
      case 'IssuanceApproved':
        return { ...state, issuedTonnes: event.data.issuedTonnes, applications: withStatus(state, event.data.applicationId, { status: 'approved' }) };
      case 'IssuanceRejected':
        return { ...state, applications: withStatus(state, event.data.applicationId, { status: 'rejected' }) };
      case 'IssuanceDecisionOverdue':
        return { ...state, applications: withStatus(state, event.data.applicationId, { overdueRaised: true }) };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'ApproveFactory':
        return approveFactory(command, state);
      case 'ChangeFactoryTerms':
        return changeFactoryTerms(command, state);
      case 'ProvideGuarantee':
        return provideGuarantee(command, state);
      case 'DemandGuaranteeAdjustment':
        return demandGuaranteeAdjustment(command, state);
      case 'RequestGuaranteeReduction':
        return requestGuaranteeReduction(command, state);
      case 'ApproveGuaranteeReduction':
        return approveGuaranteeReduction(command, state);
      case 'ApplyForIssuance':
        return applyForIssuance(command, state);
      case 'ApproveIssuance':
        return approveIssuance(command, state);
      case 'RejectIssuance':
        return rejectIssuance(command, state);
      case 'MarkIssuanceOverdue':
        return markIssuanceOverdue(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

function withStatus(state: FactoryState, applicationId: string, change: Partial<IssuanceApplication>): Record<string, IssuanceApplication> {
  const application = state.applications[applicationId];
  return application === undefined ? { ...state.applications } : { ...state.applications, [applicationId]: { ...application, ...change } };
}

/** The exchange designates a producer's warehouse as a factory warehouse, with its first terms (art. 7, 13; notice item 2). */
function approveFactory(command: ApproveFactory, state: FactoryState): FactoryEvent[] {
  const { factoryId, actor, at } = command.data;
  requireRole(actor, ['exchange'], 'approve factory warehouses');
  if (state.commodity !== null) throw refuse.conflict('FACTORY_ALREADY_APPROVED', `factory ${factoryId} is already approved`, { commodity: state.commodity });
  const terms = requireFactoryTerms(command.data.terms, todayOf(at));
  const name = requireText(command.data.name, 'name');
  const commodity = requireText(command.data.commodity, 'commodity');
  return [{ type: 'FactoryApproved', data: { factoryId, name, commodity, terms, actor, at } }];
}

/**
 * The exchange sets a new version of the terms from a date. Capacity never drops below what is
 * issued and not cancelled: those receipts exist and stay backed.
 */
function changeFactoryTerms(command: ChangeFactoryTerms, state: FactoryState): FactoryEvent[] {
  const { factoryId, actor, at } = command.data;
  requireRole(actor, ['exchange'], 'change factory terms');
  requireFactory(state, factoryId, actor);
  const terms = requireFactoryTerms(command.data.terms, todayOf(at));
  // rule FD-FACTORY-CAPACITY-NOT-BELOW-ISSUED
  if (terms.approvedCapacityTonnes < state.issuedTonnes) {
    throw refuse.invalid(
      'CAPACITY_BELOW_ISSUED',
      `approved capacity ${terms.approvedCapacityTonnes} t is below the ${state.issuedTonnes} t issued and not cancelled`,
      'approvedCapacityTonnes',
      { issuedTonnes: state.issuedTonnes },
    );
  }
  return [{ type: 'FactoryTermsChanged', data: { factoryId, terms, actor, at } }];
}
