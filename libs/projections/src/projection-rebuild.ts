import type { Clock } from '@dw/kernel';
import { Database, LOG_START, LogPosition, readAllIn, storeCheckpoint, SqlClient } from '@dw/event-store';
import { checkpointName, lockProjection, Projection, relevantEvents } from './projection';
import { createShadowTables } from './projection-tables';

export interface RebuildOptions {
  clock: Clock;
  appRole: string;
  batchSize?: number;
}

export interface ShadowBuild {
  projection: Projection;
  tables: Record<string, string>;
  position: LogPosition;
  events: number;
}

/**
 * Replays the service's own log into fresh tables while the live ones keep serving, then
 * switches over (Marten-style blue/green rebuild):
 *   1. build(): create `<table>__r<stamp>`, replay every event from the start of the log;
 *   2. switchOver(): under the projection's lock (the live runner pauses), apply what arrived
 *      meanwhile, drop the live tables, rename the new ones into place, move the checkpoint.
 * Runs as the schema owner: it creates and drops tables.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly owner: Database,
    private readonly options: RebuildOptions,
  ) {}

  async rebuild(projection: Projection): Promise<ShadowBuild> {
    const built = await this.build(projection);
    return this.switchOver(built);
  }

  async build(projection: Projection): Promise<ShadowBuild> {
    const stamp = this.options.clock.now().getTime().toString(36);
    const tables = await createShadowTables(this.owner, projection, stamp, this.options.appRole);
    let position = LOG_START;
    let events = 0;
    for (;;) {
      const step = await this.owner.transaction((tx) => this.applyPage(tx, projection, tables, position));
      position = step.position;
      events += step.read;
      if (!step.more) break;
    }
    return { projection, tables, position, events };
  }

  async switchOver(built: ShadowBuild): Promise<ShadowBuild> {
    const { projection, tables } = built;
    return this.owner.transaction(async (tx) => {
      await lockProjection(tx, projection);
      let position = built.position;
      let events = built.events;
      for (;;) {
        const step = await this.applyPage(tx, projection, tables, position);
        position = step.position;
        events += step.read;
        if (!step.more) break;
      }
      for (const [logical, shadow] of Object.entries(tables)) {
        await tx.query(`DROP TABLE IF EXISTS ${logical}`);
        await tx.query(`ALTER TABLE ${shadow} RENAME TO ${logical}`);
      }
      await storeCheckpoint(tx, checkpointName(projection), position, this.options.clock.now());
      const live = Object.fromEntries(Object.keys(tables).map((logical) => [logical, logical]));
      return { projection, tables: live, position, events };
    });
  }

  private async applyPage(tx: SqlClient, projection: Projection, tables: Record<string, string>, after: LogPosition) {
    const batchSize = this.options.batchSize ?? 5_000;
    const page = await readAllIn(tx, after, batchSize);
    const relevant = relevantEvents(projection, page.events);
    if (relevant.length > 0) await projection.apply(tx, relevant, tables);
    return { read: page.events.length, more: page.events.length === batchSize, position: page.position };
  }
}
