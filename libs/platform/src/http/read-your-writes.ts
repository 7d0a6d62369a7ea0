import { Inject, Injectable, Optional, type CallHandler, type ExecutionContext, type INestApplication, type NestInterceptor } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { from, mergeMap, type Observable } from 'rxjs';
import {
  compareLogPositions,
  Database,
  formatLogPosition,
  observeCommittedWrites,
  parseLogPosition,
  type LogPosition,
  type PublishedMessageRef,
} from '@dw/event-store';
import { topicName } from '@dw/contracts';
import { ProjectionRunner } from '@dw/projections';
import { BaseServiceConfig } from '../config/base-service.config';
import { ProblemException } from '../problem/problem.exception';
import { SERVICE_DEFINITION } from '../event-sourcing/event-sourcing.module';
import { consumerGroupOf, type ServiceDefinition } from '../event-sourcing/service-definition';
import { headerOf } from './edge-request';
import { AWAIT_MESSAGES_HEADER, formatPublishedMessages, parsePublishedMessages, PUBLISHED_MESSAGES_HEADER } from './published-messages';

/** Set on every answer to a request that committed events: the position of the last one. */
export const LOG_POSITION_HEADER = 'X-Log-Position';
/** Sent by a client that wants an answer reflecting at least that position of this service's log. */
export const MIN_LOG_POSITION_HEADER = 'X-Min-Log-Position';

/**
 * Runs each request so that the events it commits set `X-Log-Position` (and the messages they
 * queued, `X-Published-Messages`) on its answer as soon as they commit, before the body is
 * written, so a replayed idempotent answer carries them too.
 * Installed before Nest's pipeline, so guards, handlers and interceptors all run inside it.
 */
export function installLogPositionHeader(app: INestApplication): void {
  (app as NestExpressApplication).use((_request: IncomingMessage, response: ServerResponse, next: () => void) => {
    let last: LogPosition | undefined;
    const published: PublishedMessageRef[] = [];
    observeCommittedWrites((written) => {
      published.push(...written.messages);
      if (!response.headersSent && published.length > 0) response.setHeader(PUBLISHED_MESSAGES_HEADER, formatPublishedMessages(published));
      if (last !== undefined && compareLogPositions(written, last) <= 0) return;
      last = written;
      if (!response.headersSent) response.setHeader(LOG_POSITION_HEADER, formatLogPosition(written));
    }, next);
  });
}

/**
 * Read-your-writes, within a service and across services:
 * - a request carrying `X-Min-Log-Position` is answered only once every read model of the
 *   service has applied the log up to that position;
 * - a request carrying `X-Await-Messages` (another service's `X-Published-Messages`) is answered
 *   only once this service's inbox holds every listed message on a topic it consumes, and its
 *   read models have applied the log as it stood then (which holds what consuming them wrote:
 *   inbox row and events commit in one transaction).
 * Either is refused with 503 (Retry-After) after READ_YOUR_WRITES_TIMEOUT_MS: READ_MODEL_BEHIND,
 * or AWAITED_MESSAGES_NOT_CONSUMED naming the messages still missing (a message that went to the
 * dead-letter topic never arrives: ops see it there). Without either header a request is
 * answered from the read models as they are (eventually consistent).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(BaseServiceConfig) private readonly config: BaseServiceConfig,
    @Optional() private readonly projections?: ProjectionRunner,
    @Optional() private readonly db?: Database,
    @Optional() @Inject(SERVICE_DEFINITION) private readonly definition?: ServiceDefinition,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    const position = this.minLogPositionOf(request);
    const awaited = this.awaitedMessagesOf(request);
    if (position === undefined && awaited === undefined) return next.handle();
    return from(this.waitForReadModels(position, awaited)).pipe(mergeMap(() => next.handle()));
  }

  private minLogPositionOf(request: IncomingMessage): LogPosition | undefined {
    const token = headerOf(request, MIN_LOG_POSITION_HEADER);
    if (token === undefined) return undefined;
    const position = parseLogPosition(token.trim());
    if (!position) {
      throw new ProblemException(400, 'LOG_POSITION_INVALID', `${MIN_LOG_POSITION_HEADER} must be a position this service returned in ${LOG_POSITION_HEADER}`, {
        field: MIN_LOG_POSITION_HEADER,
      });
    }
    return position;
  }

  private awaitedMessagesOf(request: IncomingMessage): PublishedMessageRef[] | undefined {
    const text = headerOf(request, AWAIT_MESSAGES_HEADER);
    if (text === undefined) return undefined;
    const messages = parsePublishedMessages(text);
    if (!messages) {
      throw new ProblemException(
        400,
        'AWAITED_MESSAGES_INVALID',
        `${AWAIT_MESSAGES_HEADER} must be a ${PUBLISHED_MESSAGES_HEADER} value another service returned`,
        {
          field: AWAIT_MESSAGES_HEADER,
        },
      );
    }
    return messages;
  }

  private async waitForReadModels(position: LogPosition | undefined, awaited: PublishedMessageRef[] | undefined): Promise<void> {
    const projections = this.projections;
    if (!projections) return;
    const timeoutMs = this.config.READ_YOUR_WRITES_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    let target = position;
    if (awaited !== undefined && this.db && this.definition) {
      const consumed = new Set(this.definition.consumedTopics.map((spec) => topicName(spec, this.config.KAFKA_TOPIC_PREFIX ?? '')));
      const ids = awaited.filter((m) => consumed.has(m.topic)).map((m) => m.messageId);
      const group = consumerGroupOf(this.definition, this.config.KAFKA_TOPIC_PREFIX);
      const missing = await waitForInbox(this.db, group, ids, deadline);
      if (missing.length > 0) {
        throw new ProblemException(
          503,
          'AWAITED_MESSAGES_NOT_CONSUMED',
          `this service has not consumed ${missing.length} of the awaited messages within ${timeoutMs} ms`,
          {
            field: AWAIT_MESSAGES_HEADER,
            details: { missing },
            headers: { 'Retry-After': '1' },
          },
        );
      }
      if (ids.length > 0) {
        const head = await logHeadOf(this.db);
        if (head && (target === undefined || compareLogPositions(head, target) > 0)) target = head;
      }
    }
    if (target === undefined) return;
    const behind = await projections.waitUntilApplied(target, Math.max(1, deadline - Date.now()));
    if (behind.length > 0) {
      throw new ProblemException(
        503,
        'READ_MODEL_BEHIND',
        `the read models have not applied log position ${formatLogPosition(target)} within ${timeoutMs} ms`,
        {
          field: position !== undefined ? MIN_LOG_POSITION_HEADER : AWAIT_MESSAGES_HEADER,
          details: { behind },
          headers: { 'Retry-After': '1' },
        },
      );
    }
  }
}

/** Polls the inbox (one indexed lookup) until every id is in it or the deadline passes; the ids still missing. */
async function waitForInbox(db: Database, group: string, ids: readonly string[], deadline: number): Promise<string[]> {
  let missing = [...new Set(ids)];
  for (let pause = 5; missing.length > 0; pause = Math.min(100, pause * 2)) {
    const { rows } = await db.query<{ message_id: string }>(`SELECT message_id FROM inbox WHERE consumer_group = $1 AND message_id = ANY($2::text[])`, [
      group,
      missing,
    ]);
    const consumed = new Set(rows.map((r) => r.message_id));
    missing = missing.filter((id) => !consumed.has(id));
    if (missing.length === 0 || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))));
  }
  return missing;
}

/**
 * The last event of the log in commit order, among those committed now. Every event a consumed
 * message wrote committed with its inbox row, so once the row is seen they are all at or before
 * this position.
 */
export async function logHeadOf(db: Database): Promise<LogPosition | undefined> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition: Number(row.global_position) } : undefined;
}
