import { create } from '@bufbuild/protobuf';
import { EntryMethod, gateVisitTopic, toActor, toTimestamp, VehicleAdmittedSchema, VehicleRefusedSchema, VisitPurpose } from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/gate-outbox';
import type { EntryMethod as DomainEntryMethod, VisitEvent, VisitPurpose as DomainPurpose } from '../domain/visit.decider';

const METHODS: Record<DomainEntryMethod, EntryMethod> = { plate_camera: EntryMethod.PLATE_CAMERA, guard: EntryMethod.GUARD };
const PURPOSES: Record<DomainPurpose, VisitPurpose> = {
  pickup: VisitPurpose.PICKUP,
  delivery: VisitPurpose.DELIVERY,
  internal: VisitPurpose.INTERNAL,
  special: VisitPurpose.SPECIAL,
};

/** A visit's entry or refusal as its gate.visit.v1 contract, keyed by the visit id. */
export function visitMessageOf(pending: PendingEvent): PublicEvent | null {
  const event = pending as unknown as VisitEvent;
  switch (event.type) {
    case 'VehicleAdmitted': {
      const d = event.data;
      return publicEvent(
        gateVisitTopic,
        VehicleAdmittedSchema,
        create(VehicleAdmittedSchema, {
          visitId: d.visitId,
          plate: d.plate,
          vehicleClass: d.vehicleClass,
          purpose: PURPOSES[d.purpose],
          gate: d.gate,
          method: METHODS[d.method],
          appointmentId: d.appointmentId ?? '',
          orderId: d.orderId ?? '',
          reason: d.reason,
          needsWeighbridge: d.needsWeighbridge,
          deviceId: d.deviceId,
          admittedBy: toActor(d.actor),
          admittedAt: toTimestamp(d.at),
        }),
        d.visitId,
      );
    }
    case 'VehicleRefused': {
      const d = event.data;
      return publicEvent(
        gateVisitTopic,
        VehicleRefusedSchema,
        create(VehicleRefusedSchema, {
          visitId: d.visitId,
          plate: d.plate,
          vehicleClass: d.vehicleClass,
          gate: d.gate,
          method: METHODS[d.method],
          reasons: [...d.reasons],
          note: d.note,
          deviceId: d.deviceId,
          refusedBy: toActor(d.actor),
          refusedAt: toTimestamp(d.at),
        }),
        d.visitId,
      );
    }
    default:
      return null;
  }
}
