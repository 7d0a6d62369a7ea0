// The inventory service: `main.ts [serve]` runs it (HTTP + Kafka); `provision`, `rebuild [projection…]`
// and `verify [stream…]` are the operational commands every service has (see @dw/platform).
import 'reflect-metadata';
import { BaseServiceConfig, bootstrapService, connectInbox, runServiceCommand } from '@dw/platform';
import { AppModule } from './app.module';
import { inventoryServiceDefinition } from './inventory.service-definition';

const [command = 'serve', ...args] = process.argv.slice(2);
if (command === 'serve') {
  bootstrapService(AppModule, { config: BaseServiceConfig, configureMicroservices: connectInbox }).catch((error: unknown) => {
    process.stderr.write(`inventory failed to start: ${String(error)}\n`);
    process.exit(1);
  });
} else {
  void runServiceCommand(inventoryServiceDefinition, [command, ...args]).then((code) => process.exit(code));
}
