export * from './decider/decider';
export * from './errors/domain-error';
export * from './time/clock';
export * from './ids/id-generator';
