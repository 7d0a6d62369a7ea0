import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigError, type ConfigProblem } from './config-error';

export type Environment = Record<string, string | undefined>;

/**
 * Reads a config class from the environment. An empty variable counts as unset (orchestrators
 * write `FOO=` for "no value"), so class defaults apply. Variables the class does not declare
 * are ignored. Throws ConfigError naming every bad variable and why.
 */
export function loadConfig<C extends object>(configClass: ClassConstructor<C>, env: Environment = process.env): C {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(configClass, set, { enableImplicitConversion: false });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true, validationError: { target: false } });
  if (errors.length > 0) throw new ConfigError(errors.flatMap(problemsOf));
  return config;
}

function problemsOf(error: ValidationError): ConfigProblem[] {
  const variable = error.property;
  if (error.value === undefined) return [{ variable, reason: 'is required but not set' }];
  return Object.values(error.constraints ?? {}).map((message) => ({
    variable,
    // class-validator's default messages start with the property name; the variable is already named.
    reason: message.startsWith(`${variable} `) ? message.slice(variable.length + 1) : message,
  }));
}
