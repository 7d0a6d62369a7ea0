import { create } from '@bufbuild/protobuf';
import {
  CarriedLoadSchema,
  EntryMethod,
  ExitMethod,
  ExitPassIssuedSchema,
  gateVisitTopic,
  toActor,
  toTimestamp,
  toWeight,
  VehicleAdmittedSchema,
  VehicleHeldAtExitSchema,
  VehicleLeftSchema,
  VehicleRefusedSchema,
  VehicleWeighedSchema,
  VisitPurpose,
  Weighing,
  WeighTicketIssuedSchema,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/gate-outbox';
import type { CarriedLoad } from '../domain/exit-release';
import type { EntryMethod as DomainEntryMethod, ExitMethod as DomainExitMethod, VisitEvent, VisitPurpose as DomainPurpose } from '../domain/visit.decider';

const METHODS: Record<DomainEntryMethod, EntryMethod> = { plate_camera: EntryMethod.PLATE_CAMERA, guard: EntryMethod.GUARD };
const EXIT_METHODS: Record<DomainExitMethod, ExitMethod> = { plate_camera: ExitMethod.PLATE_CAMERA, guard: ExitMethod.GUARD };
const loadOf = (load: CarriedLoad) =>
  create(CarriedLoadSchema, {
    loadOutNoteId: load.noteId,
    orderId: load.orderId,
    entitlementId: load.entitlementId ?? '',
    lotIds: [...load.lotIds],
    pieces: load.pieces,
    net: toWeight(load.netKg),
  });
const PURPOSES: Record<DomainPurpose, VisitPurpose> = {
  pickup: VisitPurpose.PICKUP,
  delivery: VisitPurpose.DELIVERY,
  internal: VisitPurpose.INTERNAL,
  special: VisitPurpose.SPECIAL,
};

/** A visit's step as its gate.visit.v1 contract, keyed by the visit id; a load learnt is the gate's own record (none). */
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
    case 'VehicleWeighed': {
      const d = event.data;
      return publicEvent(
        gateVisitTopic,
        VehicleWeighedSchema,
        create(VehicleWeighedSchema, {
          visitId: d.visitId,
          plate: d.plate,
          weighing: d.weighing === 'tare' ? Weighing.TARE : Weighing.GROSS,
          weight: toWeight(d.weightKg),
          deviceId: d.deviceId,
          readingId: d.readingId,
          readAt: toTimestamp(d.readAt),
        }),
        d.visitId,
      );
    }
    case 'WeighTicketIssued': {
      const d = event.data;
      return publicEvent(
        gateVisitTopic,
        WeighTicketIssuedSchema,
        create(WeighTicketIssuedSchema, {
          visitId: d.visitId,
          ticketNumber: d.ticketNumber,
          plate: d.plate,
          tare: toWeight(d.tareKg),
          gross: toWeight(d.grossKg),
          net: toWeight(d.netKg),
          tareDeviceId: d.tareDeviceId,
          tareReadAt: toTimestamp(d.tareReadAt),
          grossDeviceId: d.grossDeviceId,
          grossReadAt: toTimestamp(d.grossReadAt),
          sha256: d.sha256,
          issuedAt: toTimestamp(d.issuedAt),
        }),
        d.visitId,
      );
    }
    case 'VehicleHeldAtExit': {
      const d = event.data;
      return publicEvent(
        gateVisitTopic,
        VehicleHeldAtExitSchema,
        create(VehicleHeldAtExitSchema, {
          visitId: d.visitId,
          plate: d.plate,
          conditions: [...d.conditions],
          alarmIds: [...d.alarmIds],
          loads: d.loads.map(loadOf),
          measuredNet: toWeight(d.measuredNetKg),
          notesNet: toWeight(d.notesNetKg),
          toleranceBasisPoints: d.toleranceBps,
          checkedBy: toActor(d.actor),
          checkedAt: toTimestamp(d.at),
        }),
        d.visitId,
      );
    }
    case 'ExitPassIssued': {
      const d = event.data;
      return publicEvent(
        gateVisitTopic,
        ExitPassIssuedSchema,
        create(ExitPassIssuedSchema, {
          passNumber: d.passNumber,
          visitId: d.visitId,
          plate: d.plate,
          orderId: d.orderId,
          entitlementId: d.entitlementId,
          loadOutNoteIds: [...d.loadOutNoteIds],
          tare: toWeight(d.tareKg),
          gross: toWeight(d.grossKg),
          net: toWeight(d.netKg),
          ticketNumber: d.ticketNumber,
          signature: d.signature,
          issuedBy: toActor(d.actor),
          issuedAt: toTimestamp(d.issuedAt),
        }),
        d.visitId,
      );
    }
    case 'VehicleLeft': {
      const d = event.data;
      return publicEvent(
        gateVisitTopic,
        VehicleLeftSchema,
        create(VehicleLeftSchema, {
          visitId: d.visitId,
          plate: d.plate,
          gate: d.gate,
          passNumber: d.passNumber ?? '',
          method: EXIT_METHODS[d.method],
          reason: d.reason,
          deviceId: d.deviceId,
          leftBy: toActor(d.actor),
          leftAt: toTimestamp(d.at),
        }),
        d.visitId,
      );
    }
    case 'LoadLearnt':
      return null;
  }
}
