/**
 * The alarm loop's grades, held as data: a measured value at or above a grade's threshold raises
 * an alarm of that grade (the highest reached); below yellow raises none. Integer units only:
 * km/h, minutes parked, tenths of a degree Celsius, tenths of a percent relative humidity.
 */
export const ALARM_KINDS = ['gate_refusal', 'speeding', 'illegal_parking', 'temperature', 'humidity', 'exit_held'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];
export const ALARM_GRADES = ['yellow', 'orange', 'red'] as const;
export type AlarmGrade = (typeof ALARM_GRADES)[number];
export const MONITORED_COMMODITIES = ['rubber', 'pulp'] as const;
export type MonitoredCommodity = (typeof MONITORED_COMMODITIES)[number];

export interface GradeThresholds {
  readonly yellow: number;
  readonly orange: number;
  readonly red: number;
}

export interface AlarmThresholds {
  /** The yard's limit is 20 km/h: 21 is over it. */
  readonly speedingKmh: GradeThresholds;
  /** Minutes stopped where parking is forbidden (main roads, fire lanes). */
  readonly illegalParkingMinutes: GradeThresholds;
  /** Tenths of a degree Celsius in the store, by commodity. */
  readonly temperatureTenthsC: Readonly<Record<MonitoredCommodity, GradeThresholds>>;
  /** Tenths of a percent relative humidity in the store, by commodity. */
  readonly humidityTenthsPct: Readonly<Record<MonitoredCommodity, GradeThresholds>>;
  /** A refusal at the gate, by its worst reason. */
  readonly refusal: Readonly<Record<'blacklisted' | 'no_appointment' | 'guard_release_required', AlarmGrade>>;
}

/** The warehouse's thresholds (house rule: rubber ages and moulds in heat and damp; pulp moulds in damp and is a fire load in heat). */
export const ALARM_THRESHOLDS: AlarmThresholds = {
  speedingKmh: { yellow: 21, orange: 30, red: 40 },
  illegalParkingMinutes: { yellow: 5, orange: 15, red: 30 },
  temperatureTenthsC: {
    rubber: { yellow: 300, orange: 350, red: 400 },
    pulp: { yellow: 320, orange: 380, red: 450 },
  },
  humidityTenthsPct: {
    rubber: { yellow: 700, orange: 800, red: 900 },
    pulp: { yellow: 650, orange: 750, red: 850 },
  },
  refusal: { blacklisted: 'red', no_appointment: 'yellow', guard_release_required: 'yellow' },
};

/** The highest grade whose threshold the value reaches, with that threshold; null below yellow. */
export function gradeOf(thresholds: GradeThresholds, measured: number): { grade: AlarmGrade; threshold: number } | null {
  // rule GATE-ALARM-GRADES
  for (const grade of ['red', 'orange', 'yellow'] as const) {
    if (measured >= thresholds[grade]) return { grade, threshold: thresholds[grade] };
  }
  return null;
}

/** The worst grade among a refusal's reasons. */
export function refusalGradeOf(thresholds: AlarmThresholds, reasons: readonly (keyof AlarmThresholds['refusal'])[]): AlarmGrade {
  const rank = (grade: AlarmGrade) => ALARM_GRADES.indexOf(grade);
  return reasons.map((reason) => thresholds.refusal[reason]).reduce<AlarmGrade>((worst, grade) => (rank(grade) > rank(worst) ? grade : worst), 'yellow');
}
