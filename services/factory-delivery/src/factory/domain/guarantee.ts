import { fenFromBigInt, type LocalDate, localDate, refuse, requirePositiveInteger, requireText } from '@dw/kernel';
import type { ApproveGuaranteeReduction, DemandGuaranteeAdjustment, GuaranteeInput, ProvideGuarantee, RequestGuaranteeReduction } from './factory.commands';
import { requireRole } from '../../common/domain/actor';
import { type FactoryState, requireFactory, requireTermsInForce, todayOf } from './factory.state';
import type { FactoryEvent, Guarantee } from './factory.events';

/** What a guarantee must hold for `tonnes` at the exchange's value per tonne, in fen (exact, or AMOUNT_OVERFLOW). */
export function guaranteeFor(tonnes: number, perTonneFen: number): number {
  return fenFromBigInt(BigInt(tonnes) * BigInt(perTonneFen), 'amountFen');
}

/**
 * Checks a guarantee letter the factory lodges: it must cover the approved capacity in force today
 * at the exchange's value per tonne, and, while an adjustment is demanded, at least the amount
 * demanded; it must still be valid today.
 */
export function requireGuarantee(input: GuaranteeInput, state: FactoryState, today: LocalDate): Guarantee {
  const letterNumber = requireText(input.letterNumber, 'letterNumber');
  const issuingBank = requireText(input.issuingBank, 'issuingBank');
  const amountFen = requirePositiveInteger(input.amountFen, 'amountFen');
  const validTo = localDate(input.validTo, 'validTo');
  if (validTo < today) throw refuse.invalid('GUARANTEE_EXPIRED', `the guarantee was valid to ${validTo}, before today ${today}`, 'validTo', { today });
  // rule FD-GUARANTEE-COVERS
  const terms = requireTermsInForce(state.versions, today);
  const capacityFen = guaranteeFor(terms.approvedCapacityTonnes, terms.guaranteePerTonneFen);
  const requiredFen = Math.max(capacityFen, state.demand?.requiredFen ?? 0);
  if (amountFen < requiredFen) {
    throw refuse.invalid('GUARANTEE_BELOW_REQUIRED', `a guarantee of ${amountFen} fen is below the ${requiredFen} fen required`, 'amountFen', {
      requiredFen,
      approvedCapacityTonnes: terms.approvedCapacityTonnes,
      guaranteePerTonneFen: terms.guaranteePerTonneFen,
      demandedFen: state.demand?.requiredFen ?? null,
    });
  }
  return { letterNumber, issuingBank, amountFen, validTo };
}

/** The factory lodges a bank guarantee letter (art. 6); it replaces the one before and meets a demand it covers. */
export function provideGuarantee(command: ProvideGuarantee, state: FactoryState): FactoryEvent[] {
  const { factoryId, actor, at } = command.data;
  requireRole(actor, ['factory'], 'lodge guarantees');
  requireFactory(state, factoryId, actor);
  const guarantee = requireGuarantee(command.data.guarantee, state, todayOf(at));
  return [{ type: 'GuaranteeProvided', data: { factoryId, guarantee, actor, at } }];
}

/**
 * When prices move the exchange demands an adjusted guarantee (art. 6 para. 2): a new amount by a
 * deadline. Until a guarantee of that amount is lodged, no application is approved.
 */
export function demandGuaranteeAdjustment(command: DemandGuaranteeAdjustment, state: FactoryState): FactoryEvent[] {
  const { factoryId, actor, at } = command.data;
  requireRole(actor, ['exchange'], 'demand guarantee adjustments');
  requireFactory(state, factoryId, actor);
  // rule FD-GUARANTEE-ADJUSTMENT
  const requiredFen = requirePositiveInteger(command.data.requiredFen, 'requiredFen');
  const deadline = localDate(command.data.deadline, 'deadline');
  const today = todayOf(at);
  if (deadline < today) throw refuse.invalid('DEADLINE_PAST', `the deadline ${deadline} is before today ${today}`, 'deadline', { today });
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'GuaranteeAdjustmentDemanded', data: { factoryId, requiredFen, deadline, reason, actor, at } }];
}

/**
 * After cancellations the factory may ask to lower its guarantee (art. 32): below the one it has,
 * but never below what the receipts issued and not cancelled need at today's value per tonne.
 */
export function requestGuaranteeReduction(command: RequestGuaranteeReduction, state: FactoryState): FactoryEvent[] {
  const { factoryId, actor, at } = command.data;
  requireRole(actor, ['factory'], 'ask to reduce guarantees');
  requireFactory(state, factoryId, actor);
  const requestedFen = requirePositiveInteger(command.data.requestedFen, 'requestedFen');
  const guarantee = requireLodged(state);
  if (requestedFen >= guarantee.amountFen) {
    throw refuse.invalid('GUARANTEE_REDUCTION_NOT_LOWER', `${requestedFen} fen is not below the guarantee of ${guarantee.amountFen} fen`, 'requestedFen', {
      amountFen: guarantee.amountFen,
    });
  }
  requireReductionFloor(requestedFen, state, todayOf(at));
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'GuaranteeReductionRequested', data: { factoryId, requestedFen, reason, actor, at } }];
}

/** The exchange approves the reduction asked for, checked again against what is issued by then. */
export function approveGuaranteeReduction(command: ApproveGuaranteeReduction, state: FactoryState): FactoryEvent[] {
  const { factoryId, actor, at } = command.data;
  requireRole(actor, ['exchange'], 'approve guarantee reductions');
  requireFactory(state, factoryId, actor);
  requireLodged(state);
  if (state.reductionRequestedFen === null) throw refuse.conflict('NO_REDUCTION_REQUESTED', `factory ${factoryId} has not asked to reduce its guarantee`);
  requireReductionFloor(state.reductionRequestedFen, state, todayOf(at));
  return [{ type: 'GuaranteeReduced', data: { factoryId, amountFen: state.reductionRequestedFen, actor, at } }];
}

function requireLodged(state: FactoryState): Guarantee {
  if (state.guarantee === null) throw refuse.conflict('GUARANTEE_MISSING', 'the factory has not lodged a guarantee');
  return state.guarantee;
}

function requireReductionFloor(requestedFen: number, state: FactoryState, today: LocalDate): void {
  // rule FD-GUARANTEE-REDUCTION
  const terms = requireTermsInForce(state.versions, today);
  const floorFen = guaranteeFor(state.issuedTonnes, terms.guaranteePerTonneFen);
  if (requestedFen < floorFen) {
    throw refuse.invalid(
      'GUARANTEE_REDUCTION_BELOW_ISSUED',
      `${requestedFen} fen would not cover the ${state.issuedTonnes} t issued (${floorFen} fen)`,
      'requestedFen',
      {
        floorFen,
        issuedTonnes: state.issuedTonnes,
      },
    );
  }
}
