import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig, StrictInt } from '@dw/platform';

/** The billing service's environment: the platform's, plus the day close's interval. */
export class BillingServiceConfig extends BaseServiceConfig {
  /** How often the day close looks for days that are over (ms); 0 turns the schedule off. */
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  DAY_CLOSE_INTERVAL_MS: number = 60_000;
}
