// The gate service: `main.ts [serve]` runs it (HTTP + Kafka inbox); `provision`, `rebuild
// [projection…]` and `verify [stream…]` are the platform's operational commands over its log.
import 'reflect-metadata';
import { bootstrapService, connectInbox, runServiceCommand } from '@dw/platform';
import { AppModule } from './app.module';
import { GateServiceConfig } from './gate-service.config';
import { gateServiceDefinition } from './gate.service-definition';

const [command = 'serve', ...args] = process.argv.slice(2);
if (command === 'serve') {
  bootstrapService(AppModule, { config: GateServiceConfig, configureMicroservices: connectInbox }).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
} else {
  void runServiceCommand(gateServiceDefinition, [command, ...args]).then((code) => process.exit(code));
}
