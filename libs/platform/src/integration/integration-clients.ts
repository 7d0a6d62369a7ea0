import { INTEGRATION_ROLES, type IntegrationRole } from '../auth/role';

/** A system that calls us with signed requests: the exchange, a bank, a scale or other device. */
export interface IntegrationClient {
  id: string;
  /** Shared HMAC secret; at least 32 characters (about 128 bits when random base64). */
  secret: string;
  role: IntegrationRole;
  name?: string;
}

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MIN_SECRET_LENGTH = 32;

/** Reads INTEGRATION_CLIENTS; throws with the first reason a client is unusable. */
export function parseIntegrationClients(value: unknown): IntegrationClient[] {
  if (!Array.isArray(value)) throw new Error('must be a JSON array of {"id", "secret", "role", "name"?}');
  const seen = new Set<string>();
  return value.map((entry: unknown, index) => {
    const where = `[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: not a JSON object`);
    const { id, secret, role, name } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || !CLIENT_ID.test(id)) throw new Error(`${where}: id must be 1-64 letters, digits, ".", "_" or "-"`);
    if (seen.has(id)) throw new Error(`${where}: id "${id}" is used twice`);
    seen.add(id);
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`${where} (${id}): secret must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    if (!(INTEGRATION_ROLES as readonly unknown[]).includes(role)) {
      throw new Error(`${where} (${id}): role must be one of ${INTEGRATION_ROLES.join(', ')}`);
    }
    if (name !== undefined && typeof name !== 'string') throw new Error(`${where} (${id}): name must be a string`);
    return { id, secret, role: role as IntegrationRole, ...(name !== undefined ? { name } : {}) };
  });
}
