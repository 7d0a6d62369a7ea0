import { randomBytes } from 'node:crypto';
import { databaseUrl } from '@dw/testing';
import { eventStoreMigrations } from '../schema/event-store-migrations';
import { dropServiceDatabase, provisionServiceDatabase } from './service-database';

/**
 * Each service's provision job runs on its own schedule against one cluster, so several may run
 * at once; they share the database's catalogue row (its CONNECT grants), which PostgreSQL
 * refuses to update from two sessions at a time unless they take turns.
 */
describe('provisioning several services at once', () => {
  const run = randomBytes(3).toString('hex');
  const schemas = Array.from({ length: 5 }, (_, index) => `t_concurrent_${run}_${index}`);
  afterAll(async () => {
    for (const schema of schemas) await dropServiceDatabase(databaseUrl(), schema);
  });

  it('provisions five services concurrently, three times over, without one failing', async () => {
    for (let round = 0; round < 3; round += 1) {
      const outcomes = await Promise.allSettled(schemas.map((schema) => provisionServiceDatabase(databaseUrl(), { schema, migrations: eventStoreMigrations })));
      const failures = outcomes.flatMap((outcome, index) => (outcome.status === 'rejected' ? [`${schemas[index]}: ${(outcome.reason as Error).message}`] : []));
      expect(failures).toEqual([]);
    }
  });
});
