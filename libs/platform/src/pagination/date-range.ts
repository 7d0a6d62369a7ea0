import { endOfShanghaiDay, startOfShanghaiDay } from '@dw/kernel';

/**
 * A list's `from` / `to` date filter: civil dates in Asia/Shanghai (the warehouse's day), both
 * inclusive, as the half-open UTC range [start of `from`, end of `to`). An invalid date is
 * refused with INVALID_DATE (422) naming `from` or `to`.
 */
export function shanghaiDateRange(from: string | undefined, to: string | undefined): { from: Date | null; to: Date | null } {
  return {
    from: from === undefined ? null : withField(() => startOfShanghaiDay(from), 'from'),
    to: to === undefined ? null : withField(() => endOfShanghaiDay(to), 'to'),
  };
}

function withField(parse: () => Date, field: string): Date {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Error && 'field' in error) Object.assign(error, { field });
    throw error;
  }
}
