import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { collectProviders } from '../di/collect-providers';
import { HEALTH_INDICATOR, type HealthIndicator } from './health-indicator';
import { PostgresHealthIndicator } from './postgres.health-indicator';

export const HEALTH_CHECK_TIMEOUT_MS = 'DW_HEALTH_CHECK_TIMEOUT_MS';
export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 2_000;

export interface CheckResult {
  status: 'up' | 'down';
  durationMs: number;
  error?: string;
  /** Up, but with something ops must act on soon. */
  warning?: string;
}

export interface ReadinessReport {
  status: 'up' | 'down';
  checks: Record<string, CheckResult>;
}

/** Runs every health indicator at once, each bounded by the timeout: a hung dependency reads as down, not as a hung probe. */
@Injectable()
export class ReadinessService implements OnApplicationBootstrap {
  private indicators: HealthIndicator[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly postgres: PostgresHealthIndicator,
    @Inject(HEALTH_CHECK_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.indicators = [this.postgres, ...collectProviders<HealthIndicator>(this.discovery, HEALTH_INDICATOR)];
  }

  async check(): Promise<ReadinessReport> {
    const results = await Promise.all(this.indicators.map(async (indicator) => [indicator.name, await this.run(indicator)] as const));
    return {
      status: results.every(([, result]) => result.status === 'up') ? 'up' : 'down',
      checks: Object.fromEntries(results),
    };
  }

  private async run(indicator: HealthIndicator): Promise<CheckResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const outcome = await Promise.race([indicator.check(), timeout]);
      return { status: 'up', durationMs: Math.round(performance.now() - started), ...(outcome ? { warning: outcome.warning } : {}) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: 'down', durationMs: Math.round(performance.now() - started), error: reason };
    } finally {
      clearTimeout(timer);
    }
  }
}
