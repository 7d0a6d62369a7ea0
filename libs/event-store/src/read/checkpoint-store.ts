import type { SqlClient } from '../db/database';
import { LOG_START, LogPosition } from './read-all';

/** Positions of whole-log readers (projections, rebuilds), stored in their own transaction. */
export async function loadCheckpoint(sql: SqlClient, name: string): Promise<LogPosition> {
  const { rows } = await sql.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text AS transaction_id, global_position FROM checkpoints WHERE name = $1`,
    [name],
  );
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition: Number(row.global_position) } : LOG_START;
}

export async function storeCheckpoint(sql: SqlClient, name: string, position: LogPosition, at: Date): Promise<void> {
  await sql.query(
    `INSERT INTO checkpoints (name, transaction_id, global_position, updated_at) VALUES ($1, $2::xid8, $3, $4)
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
       global_position = EXCLUDED.global_position, updated_at = EXCLUDED.updated_at`,
    [name, position.transactionId, position.globalPosition, at],
  );
}

export async function deleteCheckpoint(sql: SqlClient, name: string): Promise<void> {
  await sql.query(`DELETE FROM checkpoints WHERE name = $1`, [name]);
}
