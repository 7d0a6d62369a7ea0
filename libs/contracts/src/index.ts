export * from './gen';
export * from './contract-errors';
export * from './event-registry';
export * from './topics';
export * from './common-values';
