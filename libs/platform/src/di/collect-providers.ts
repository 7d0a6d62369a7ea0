import type { DiscoveryService } from '@nestjs/core';

/**
 * Every instance registered under `token` in any module. Nest has no multi-providers, so
 * contributions (health indicators, drainables) are found across modules instead; a module
 * that has several registers an array under the token once.
 */
export function collectProviders<T>(discovery: DiscoveryService, token: string): T[] {
  const found = discovery
    .getProviders()
    .filter((wrapper) => wrapper.token === token && wrapper.instance !== undefined && wrapper.instance !== null)
    .flatMap((wrapper) => (Array.isArray(wrapper.instance) ? (wrapper.instance as T[]) : [wrapper.instance as T]));
  return [...new Set(found)];
}
