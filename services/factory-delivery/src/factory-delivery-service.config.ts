import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig, StrictInt } from '@dw/platform';

/** The factory-delivery service's environment: the platform's, plus how often the overdue sweep looks for undecided applications. */
export class FactoryDeliveryServiceConfig extends BaseServiceConfig {
  /** How often the sweep flags applications the exchange has not decided by their decision day (ms); 0 turns the schedule off (a test ticks it). */
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  ISSUANCE_OVERDUE_SWEEP_INTERVAL_MS: number = 600_000;
}
