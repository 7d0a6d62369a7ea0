import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogPosition } from '../read/read-all';

type Observer = (position: LogPosition) => void;

const observers = new AsyncLocalStorage<Observer>();

/**
 * Runs `work` so that every append it makes reports its position to `observer` once the append's
 * transaction has committed (never on rollback). The HTTP edge uses it to tell a client the log
 * position its command wrote, without each handler passing positions back by hand.
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
 * Runs `work` so that every append it makes reports its position to `observer` at once, before
 * its transaction commits: for code that records the position in that same transaction (an
 * Idempotency-Key's stored answer carries the X-Log-Position of its command's events).
 */
export function observeAppends<T>(observer: Observer, work: () => T): T {
  return appendObservers.run(observer, work);
}

/** The append observer of the work in progress, if any; called at append time. */
export function appendObserver(): Observer | undefined {
  return appendObservers.getStore();
}
