import type { IntegrationClient } from './integration-clients';

/** The configured integration clients by id. */
export class IntegrationClientDirectory {
  private readonly byId: ReadonlyMap<string, IntegrationClient>;

  constructor(clients: readonly IntegrationClient[]) {
    this.byId = new Map(clients.map((client) => [client.id, client]));
  }

  find(id: string): IntegrationClient | undefined {
    return this.byId.get(id);
  }
}
