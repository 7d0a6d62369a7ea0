import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { QueryResultRow } from 'pg';
import { Database, type SqlClient } from './database.port';

/**
 * The service's `Database`, found wherever the service registered it (its event-store module
 * need not be global nor imported by the platform). Resolved when the app starts, so a service
 * that forgot to register one fails at start, not on its first signed request.
 */
@Injectable()
export class EdgeDatabase implements SqlClient, OnApplicationBootstrap {
  private database?: Database;

  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    this.resolve();
  }

  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]) {
    return this.resolve().query<R>(sql, params);
  }

  /** See `Database.unitOfWork`: what the command run inside `work` writes commits with it. */
  unitOfWork<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.resolve().unitOfWork(work);
  }

  /** See `Database.transaction`: a savepoint inside a unit of work. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.resolve().transaction(work);
  }

  private resolve(): Database {
    if (this.database === undefined) {
      try {
        this.database = this.moduleRef.get(Database, { strict: false });
      } catch {
        throw new Error('@dw/platform needs the service Database (@dw/event-store) registered as a provider');
      }
    }
    return this.database;
  }
}
