import { IsInt, IsString, Max, Min } from 'class-validator';
import { BaseServiceConfig, StrictInt } from '@dw/platform';

/** The gate service's environment: the platform's, plus how often the no-show sweep looks for appointment slots that have ended, and the exit pass signing key. */
export class GateServiceConfig extends BaseServiceConfig {
  /** How often the no-show sweep runs (ms); 0 turns the schedule off (a test ticks it). */
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  NO_SHOW_SWEEP_INTERVAL_MS: number = 60_000;

  /** The gate's Ed25519 private key (PKCS#8 PEM) that signs exit passes; empty: a key made for the run (logged; development only). */
  @IsString()
  EXIT_PASS_SIGNING_KEY: string = '';
}
