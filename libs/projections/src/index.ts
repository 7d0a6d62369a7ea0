export * from './projection';
export * from './projection-tables';
export * from './projection-runner';
export * from './projection-rebuild';
