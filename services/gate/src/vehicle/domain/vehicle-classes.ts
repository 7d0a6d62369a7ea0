/**
 * The vehicle classes and their release rules, held as data: the gate's decisions read these
 * flags, never the class name, so a class's rules change here without touching a decider.
 */
export const VEHICLE_CLASSES = ['internal', 'temporary', 'special'] as const;
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];

export interface VehicleClassRules {
  /** It comes in only on an appointment booked for the day (a pickup or a delivery). */
  readonly needsAppointment: boolean;
  /** Its visit is weighed on the weighbridge, tare in and gross out (the weighbridge slice reads it). */
  readonly needsWeighbridge: boolean;
  /** A plate read alone does not let it in: a guard releases it, with a reason. */
  readonly needsGuardRelease: boolean;
  /** A guard may let it in without an appointment it would need, with a reason. */
  readonly guardMayReleaseWithoutAppointment: boolean;
  readonly description: string;
}

export type VehicleClassRuleSet = Readonly<Record<VehicleClass, VehicleClassRules>>;

/** The warehouse's rules (《关于智慧化交割仓库样板的研究与实践》: vehicles classed internal / temporary / special, each with release rules). */
export const VEHICLE_CLASS_RULES: VehicleClassRuleSet = {
  internal: {
    needsAppointment: false,
    needsWeighbridge: false,
    needsGuardRelease: false,
    guardMayReleaseWithoutAppointment: true,
    description: 'the warehouse’s own registered vehicles (forklift carriers, shuttles): in on a plate read',
  },
  temporary: {
    needsAppointment: true,
    needsWeighbridge: true,
    needsGuardRelease: false,
    guardMayReleaseWithoutAppointment: false,
    description: 'trucks collecting or delivering goods: in only on the day’s appointment, weighed in and out',
  },
  special: {
    needsAppointment: false,
    needsWeighbridge: false,
    needsGuardRelease: true,
    guardMayReleaseWithoutAppointment: true,
    description: 'fire, ambulance, inspection and officials’ vehicles: in on a guard’s release with a reason',
  },
};

/** A plate never registered is a temporary vehicle: it needs an appointment. */
export const UNREGISTERED_CLASS: VehicleClass = 'temporary';
