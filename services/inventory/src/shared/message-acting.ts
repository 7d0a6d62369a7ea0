import { type Actor, fromTimestamp } from '@dw/contracts';
import type { CommandContext, InboxContext } from '@dw/platform';

/** Another service's actor and time from a consumed message, carried into inventory's events caused by it (`unknown` where it names none). */
export function actingOfMessage(ctx: InboxContext, actor: Actor | undefined, at: Parameters<typeof fromTimestamp>[0], field: string): CommandContext {
  return ctx.commandContext(fromTimestamp(at, field), actor ?? { subject: 'unknown', role: 'unknown' });
}
