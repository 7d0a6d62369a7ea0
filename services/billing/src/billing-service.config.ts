import { IsInt, IsObject, IsString, Matches, Max, Min } from 'class-validator';
import { BaseServiceConfig, JsonOrFile, StrictInt } from '@dw/platform';

/** The billing service's environment: the platform's, plus the statement signing key, the schedules of the day close and the period-end run, and the banks withdrawals go to. */
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

  /**
   * Where each connected bank takes our withdrawals: a JSON object {"<bankId>": "<base URL>"}.
   * Calls are signed like the bank's own (the secret is its INTEGRATION_CLIENTS entry's).
   */
  @JsonOrFile()
  @IsObject()
  BANK_ENDPOINTS: Record<string, string> = {};

  /** The bank the warehouse pays withdrawals from (its settlement account); empty: withdrawals wait. */
  @IsString()
  BANK_PAYOUT_BANK_ID: string = '';

  /** Our client id at the banks, in X-Client-Id of the calls we sign. */
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  BANK_CLIENT_ID: string = 'dw-warehouse';

  /** How often the withdrawal sender looks for sends due (ms); 0 turns it off. */
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  BANK_SEND_INTERVAL_MS: number = 1_000;
}
