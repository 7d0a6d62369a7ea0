/**
 * Roles (README.md, "APIs"). People carry them as a JWT claim; integration clients get
 * the one role configured for them (`exchange`, `bank`, `device`, `court`, `invoicing`: the VAT
 * invoicing system answering billing's invoice requests). A court freezes and
 * releases receipts through the courts' online enforcement link (网络执行查控), signed like the
 * exchange and the banks. A factory warehouse's system (`factory`, its client id the factory id)
 * lodges guarantees and applies to issue factory receipts.
 */
export const ROLES = ['operator', 'clerk', 'gate_guard', 'manager', 'depositor', 'exchange', 'bank', 'ops', 'device', 'court', 'invoicing', 'factory'] as const;
export type Role = (typeof ROLES)[number];

/** Warehouse staff act for every depositor; everyone else is held to their own party. */
export const STAFF_ROLES: readonly Role[] = ['operator', 'clerk', 'gate_guard', 'manager', 'ops'];

export const INTEGRATION_ROLES = ['exchange', 'bank', 'device', 'court', 'invoicing', 'factory'] as const;
export type IntegrationRole = (typeof INTEGRATION_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
