import type { Pool } from 'pg';
import { Kafka, logLevel, Message, Partitioners, Producer } from 'kafkajs';

/**
 * The two relay baselines, written straight against pg and kafkajs:
 *  - referenceRelayDrain: the minimal correct relay (claim a batch FOR UPDATE SKIP LOCKED,
 *    sendBatch with acks=all, delete and commit after the ack), no leadership, tracing or metrics;
 *  - sendInBatches: a bare producer sending the same messages in the same batch sizes,
 *    no database at all: the limit for any relay on this broker.
 * Both use the producer settings ours uses (idempotent, one request in flight, acks=all).
 */
export function referenceProducer(brokers: readonly string[], clientId: string): Producer {
  const kafka = new Kafka({ clientId, brokers: [...brokers], logLevel: logLevel.WARN });
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
}

interface ClaimedRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

/** Publishes the whole outbox, one claimed batch per transaction; returns how many rows it published. */
export async function referenceRelayDrain(pool: Pool, producer: Producer, batchSize: number): Promise<number> {
  let published = 0;
  for (;;) {
    const client = await pool.connect();
    let claimed = 0;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<ClaimedRow>(
        `SELECT id, topic, message_key, payload, headers FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      claimed = rows.length;
      if (claimed > 0) {
        await producer.sendBatch({ acks: -1, topicMessages: byTopic(rows.map(asMessage)) });
        await client.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    published += claimed;
    if (claimed < batchSize) return published;
  }
}

export interface PreparedMessage {
  topic: string;
  message: Message;
}

function byTopic(messages: readonly PreparedMessage[]): Array<{ topic: string; messages: Message[] }> {
  const topics = new Map<string, Message[]>();
  for (const m of messages) {
    const list = topics.get(m.topic) ?? [];
    list.push(m.message);
    topics.set(m.topic, list);
  }
  return [...topics.entries()].map(([topic, list]) => ({ topic, messages: list }));
}

/** Sends `messages` in order, `batchSize` per sendBatch, each batch acknowledged before the next. */
export async function sendInBatches(producer: Producer, messages: readonly PreparedMessage[], batchSize: number): Promise<number> {
  for (let i = 0; i < messages.length; i += batchSize) {
    await producer.sendBatch({ acks: -1, topicMessages: byTopic(messages.slice(i, i + batchSize)) });
  }
  return messages.length;
}

/** Reads the outbox rows as the messages a relay would send (untimed preparation for sendInBatches). */
export async function outboxAsMessages(pool: Pool): Promise<PreparedMessage[]> {
  const { rows } = await pool.query<ClaimedRow>(`SELECT id, topic, message_key, payload, headers FROM outbox ORDER BY id`);
  return rows.map(asMessage);
}

function asMessage(row: ClaimedRow): PreparedMessage {
  return { topic: row.topic, message: { key: row.message_key, value: row.payload, headers: row.headers } };
}
