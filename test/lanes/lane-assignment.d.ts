export type CostKind = 'database' | 'messaging' | 'processes' | 'fault';
export declare const ESTIMATED_SECONDS: Readonly<Record<CostKind, number>>;
export declare const TIMED_SECONDS: Readonly<Record<string, number>>;
export declare function costKind(relativePath: string, source: string): CostKind;
export declare function estimatedSeconds(relativePath: string, source: string): number;
export interface Lane {
  seconds: number;
  paths: string[];
}
export declare const ONE_LANE: readonly string[];
export declare function assignLanes(files: readonly { path: string; seconds: number }[], laneCount: number, oneLane?: readonly string[]): Lane[];
