import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogPosition } from '../read/read-all';

/** A public message an append put in the outbox: its topic (as named in this environment) and id (its `ce_id`). */
export interface PublishedMessageRef {
  readonly topic: string;
  readonly messageId: string;
}

/** What one append wrote: its log position, and the public messages it queued in the same transaction. */
export interface CommittedWrite extends LogPosition {
  readonly messages: readonly PublishedMessageRef[];
}

type Observer = (written: CommittedWrite) => void;

const observers = new AsyncLocalStorage<Observer>();

/**
 * Runs `work` so that every append it makes reports its position and its public messages to
 * `observer` once the append's transaction has committed (never on rollback). The HTTP edge uses
 * it to tell a client the log position its command wrote and the messages it published, without
 * each handler passing them back by hand.
 */
export function observeCommittedWrites<T>(observer: Observer, work: () => T): T {
  return observers.run(observer, work);
}

/** The observer of the work in progress, if any; captured at append time, called after the commit. */
export function committedWriteObserver(): Observer | undefined {
  return observers.getStore();
}

const appendObservers = new AsyncLocalStorage<Observer>();

/**
 * Runs `work` so that every append it makes reports what it wrote to `observer` at once, before
 * its transaction commits: for code that records it in that same transaction (an
 * Idempotency-Key's stored answer carries the X-Log-Position of its command's events).
 */
export function observeAppends<T>(observer: Observer, work: () => T): T {
  return appendObservers.run(observer, work);
}

/** The append observer of the work in progress, if any; called at append time. */
export function appendObserver(): Observer | undefined {
  return appendObservers.getStore();
}
