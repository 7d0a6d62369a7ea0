export interface ConfigProblem {
  variable: string;
  reason: string;
}

/** Every bad or missing environment variable at once, so one restart fixes them all. Values are never echoed (they may be secrets). */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(['invalid configuration:', ...problems.map((problem) => `  ${problem.variable}: ${problem.reason}`)].join('\n'));
    this.name = 'ConfigError';
  }
}
