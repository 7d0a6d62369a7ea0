import { IsInt, IsString, Max, Min } from 'class-validator';
import { BaseServiceConfig, StrictInt } from '@dw/platform';

/** The billing service's environment: the platform's, plus the statement signing key and the schedules of the day close and the period-end run. */
export class BillingServiceConfig extends BaseServiceConfig {
  /**
   * The warehouse's statement signing key: an Ed25519 private key as PKCS#8 PEM. Empty (a
   * development run): the service makes a fresh key at start and logs that it did, so its
   * signatures verify only against the key it publishes until it stops.
   */
  @IsString()
  STATEMENT_SIGNING_KEY: string = '';

  /** How often the period-end statement run checks for ended months (ms); 0 turns the schedule off (a manager can still issue on demand). */
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  STATEMENT_RUN_INTERVAL_MS: number = 300_000;

  /** How often the day close looks for days that are over (ms); 0 turns the schedule off. */
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  DAY_CLOSE_INTERVAL_MS: number = 60_000;
}
