import { Transform } from 'class-transformer';
import { parseLogLevel } from '@dw/observability';
import { ArrayNotEmpty, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEFAULT_AUDIENCE } from '../auth/jwt-verifier';
import { parseJwks, type JsonWebKeySet } from '../auth/jwks';
import { parseIntegrationClients, type IntegrationClient } from '../integration/integration-clients';
import { StrictInt } from '../validation/strict-int.transform';
import { IsParsedBy, JsonOrFile } from './json-source';

const commaList = () => Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value));

/**
 * What every service reads from its environment; a service's config class extends it and
 * adds its own variables with the same decorators. Loaded by `loadConfig`, which fails with
 * every problem at once.
 */
export class BaseServiceConfig {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL!: string;

  @commaList()
  @ArrayNotEmpty({ message: 'must name at least one broker' })
  @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string[];

  @StrictInt()
  @IsInt({ message: 'must be a port number (0 picks a free one)' })
  @Min(0)
  @Max(65535)
  HTTP_PORT!: number;

  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be a lower-case kebab-case name, e.g. receipt' })
  SERVICE_NAME!: string;

  /** JsonLogger's threshold: verbose, debug, info (or log), warn, error, fatal. */
  @IsParsedBy('isLogLevel', (value) => parseLogLevel(String(value)))
  LOG_LEVEL: string = 'info';

  /** The OIDC issuer (`iss`) whose tokens are accepted. */
  @IsString()
  @MinLength(1, { message: 'must name the token issuer' })
  AUTH_ISSUER!: string;

  /** The audience (`aud`) tokens must be meant for. */
  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE: string = DEFAULT_AUDIENCE;

  /** The issuer's public keys: JWKS JSON, or the path of a JWKS file. */
  @JsonOrFile()
  @IsParsedBy('isJwks', parseJwks)
  AUTH_JWKS!: JsonWebKeySet;

  /** Integration clients: a JSON array of {id, secret, role, name?}, or the path of such a file. */
  @JsonOrFile()
  @IsParsedBy('isIntegrationClients', parseIntegrationClients)
  INTEGRATION_CLIENTS: IntegrationClient[] = [];

  /**
   * Prefixes every topic and consumer group name ('<prefix>.<name>'): separates environments
   * sharing a cluster, and test runs sharing a broker. Empty in production.
   */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9][a-zA-Z0-9_-]*(\.[a-zA-Z0-9][a-zA-Z0-9_-]*)*$/, { message: 'must be dot-separated segments of letters, digits, _ and -' })
  KAFKA_TOPIC_PREFIX?: string;

  /**
   * The PostgreSQL schema of the service's tables; defaults to the service name in snake_case.
   * Tests give each run its own.
   */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,50}$/, { message: 'must be a lower-case SQL identifier' })
  DATABASE_SCHEMA?: string;

  /**
   * How long a request with X-Min-Log-Position waits for the read models to apply that position
   * before it is refused with 503 READ_MODEL_BEHIND.
   */
  @StrictInt()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1)
  @Max(60_000)
  READ_YOUR_WRITES_TIMEOUT_MS: number = 5_000;

  /** Inbox rows are kept this long (longer than any message can be redelivered or replayed). */
  @StrictInt()
  @IsInt()
  @Min(1)
  INBOX_RETENTION_DAYS: number = 30;

  /** A completed Idempotency-Key's answer is replayed for this long. */
  @StrictInt()
  @IsInt()
  @Min(1)
  IDEMPOTENCY_KEY_RETENTION_HOURS: number = 72;

  /** How often the inbox and idempotency keys are pruned; 0 turns pruning off. */
  @StrictInt()
  @IsInt()
  @Min(0)
  HOUSEKEEPING_INTERVAL_MS: number = 3_600_000;

  /** How often a replica rereads the business calendar from its log (a year published elsewhere). */
  @StrictInt()
  @IsInt()
  @Min(1_000)
  CALENDAR_REFRESH_MS: number = 30_000;

  /** Readiness warns and the CALENDAR_COVERAGE_LOW alarm fires from this many days before the calendar's last day. */
  @StrictInt()
  @IsInt()
  @Min(1)
  CALENDAR_WARNING_DAYS: number = 60;

  /**
   * Rehearsal and test environments only: a file holding a whole number of milliseconds by
   * which the business clock runs ahead of the system's (FileShiftedClock), shared by every
   * service of the environment to walk multi-day flows in minutes. Unset in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  CLOCK_SHIFT_FILE?: string;

  /**
   * Keys page cursors. Optional: without it the key is derived from SERVICE_NAME, which keeps
   * cursors valid across replicas and still refuses edited ones, though not forged ones.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  CURSOR_SECRET?: string;
}
