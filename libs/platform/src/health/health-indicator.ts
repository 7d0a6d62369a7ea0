/**
 * One dependency readiness depends on. Libraries register theirs under HEALTH_INDICATOR in
 * their own module (the event store for PostgreSQL, messaging for Kafka); `check` resolves
 * when the dependency is usable and rejects, with a short reason, when it is not. It may resolve
 * with a warning: still ready, but ops must act soon (the calendar's coverage running out).
 */
export interface HealthIndicator {
  name: string;
  check(): Promise<void | HealthWarning>;
}

export interface HealthWarning {
  warning: string;
}

/** A string so a library can register under it without importing this one. */
export const HEALTH_INDICATOR = 'DW_HEALTH_INDICATOR';
