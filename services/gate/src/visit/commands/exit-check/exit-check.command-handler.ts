import { Inject, Injectable } from '@nestjs/common';
import { type EventMetadata, EventStore, type EventStoreTransaction, handleCommandIn, loadAggregate } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { raiseAlarmIn } from '../../../alarm/commands/raise-alarm';
import { gateOrderDecider } from '../../../appointment/domain/gate-order.decider';
import type { Actor } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import type { ExitFacts } from '../../domain/exit-release';
import { entitlementDecider, lotHoldsDecider } from '../../domain/outbound-facts.decider';
import { visitDecider, type VisitState } from '../../domain/visit.decider';
import { ExitPassSigner } from '../../exit-pass-signer';
import { visitMessageOf } from '../../integration/visit-events.mapper';
import { visitNotFound } from '../../on-site';
import { exitDecisionView } from '../../visit.views';
import type { ExitDecisionResponseDto } from '../../weighbridge.response.dto';

/**
 * The exit check of a vehicle carrying goods out: gathers what the gate knows (the visit's
 * appointment and order, the order's entitlement, the freeze holds on its lots), lets the visit
 * decide, and raises one red exit_held alarm per failed condition, all in one transaction.
 */
@Injectable()
export class ExitCheckCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
    @Inject(ExitPassSigner) private readonly signer: ExitPassSigner,
  ) {}

  /** A guard re-runs the check after a hold was dealt with. */
  recheck(visitId: string, caller: Caller): Promise<ExitDecisionResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['gate_guard']);
    return this.store.transaction(async (tx) => {
      const { state } = await loadAggregate(tx, streams.visit(visitId).streamId, visitDecider);
      if (state.entry === null) throw visitNotFound(visitId);
      return exitDecisionView(await this.checkIn(tx, visitId, state, actor, at, metadata))!;
    });
  }

  /** Runs the check in the caller's transaction; the visit's state after it. */
  async checkIn(tx: EventStoreTransaction, visitId: string, state: VisitState, actor: Actor, at: string, metadata: EventMetadata): Promise<VisitState> {
    const facts = await this.factsOf(tx, state);
    const handled = await handleCommandIn(tx, {
      ...streams.visit(visitId),
      decider: visitDecider,
      command: { type: 'CheckExit', data: { visitId, facts, sign: this.signer.sign, actor, at } },
      metadata,
      outbox: this.outbox.of(visitMessageOf),
    });
    if (handled.appended?.events.some((event) => event.type === 'VehicleHeldAtExit')) {
      const d = handled.state.holds.at(-1)!;
      for (const [i, condition] of d.conditions.entries()) {
        await raiseAlarmIn(
          tx,
          this.outbox,
          {
            alarmId: d.alarmIds[i]!,
            kind: 'exit_held',
            grade: 'red',
            source: visitId,
            location: d.gate,
            subject: condition,
            measured: condition === 'net_outside_tolerance' ? Math.abs(d.measuredNetKg - d.notesNetKg) : 0,
            threshold: 0,
            detectedAt: at,
          },
          at,
          metadata,
        );
      }
    }
    return handled.state;
  }

  private async factsOf(tx: EventStoreTransaction, state: VisitState): Promise<ExitFacts> {
    const entry = state.entry?.type === 'VehicleAdmitted' ? state.entry.data : null;
    if (entry?.orderId == null || entry.appointmentId === null) return { appointment: null, orderEntitlementId: null, entitlement: null, frozenLotIds: [] };
    const order = (await loadAggregate(tx, streams.gateOrder(entry.orderId).streamId, gateOrderDecider)).state;
    const appointment = order.appointments[entry.appointmentId];
    // The appointment stands while it is the one the vehicle arrived on and its order is not cancelled (a completed order: the goods are out).
    const confirmed = appointment?.status === 'arrived' && order.status !== 'cancelled';
    const orderEntitlementId = order.authority?.entitlementId ?? null;
    const granted =
      orderEntitlementId === null ? null : (await loadAggregate(tx, streams.gateEntitlement(orderEntitlementId).streamId, entitlementDecider)).state;
    const lotIds = [...new Set([...(granted?.lotIds ?? []), ...state.loads.flatMap((load) => load.lotIds)])];
    const frozenLotIds: string[] = [];
    for (const lotId of lotIds) {
      const { state: holds } = await loadAggregate(tx, streams.gateLot(lotId).streamId, lotHoldsDecider);
      if (holds.freezes.length > 0) frozenLotIds.push(lotId);
    }
    return {
      appointment: { orderId: entry.orderId, confirmed },
      orderEntitlementId,
      entitlement: granted?.lotIds ? { lotIds: granted.lotIds } : null,
      frozenLotIds,
    };
  }
}
