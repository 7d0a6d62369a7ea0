import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig, StrictInt } from '@dw/platform';

/** The receipt service's environment: the platform's, plus the expiry sweep's interval. */
export class ReceiptServiceConfig extends BaseServiceConfig {
  /** How often the expiry sweep runs (ms); 0 turns the schedule off (ops can still run it through POST /expiry-sweeps). */
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  EXPIRY_SWEEP_INTERVAL_MS: number = 60_000;
}
