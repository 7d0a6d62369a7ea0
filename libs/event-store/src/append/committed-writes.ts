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
