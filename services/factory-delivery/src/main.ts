// The factory-delivery service: `main.ts [serve]` runs it (HTTP + Kafka inbox); `provision`,
// `rebuild [projection…]` and `verify [stream…]` are the platform's operational commands over its log.
import 'reflect-metadata';
import { bootstrapService, connectInbox, runServiceCommand } from '@dw/platform';
import { AppModule } from './app.module';
import { FactoryDeliveryServiceConfig } from './factory-delivery-service.config';
import { factoryDeliveryServiceDefinition } from './factory-delivery.service-definition';

const [command = 'serve', ...args] = process.argv.slice(2);
if (command === 'serve') {
  bootstrapService(AppModule, { config: FactoryDeliveryServiceConfig, configureMicroservices: connectInbox }).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
} else {
  void runServiceCommand(factoryDeliveryServiceDefinition, [command, ...args]).then((code) => process.exit(code));
}
