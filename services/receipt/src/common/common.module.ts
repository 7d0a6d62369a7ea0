import { Global, Module } from '@nestjs/common';
import { ReceiptOutbox } from './integration/receipt-outbox';
import { NumberAllocator } from './numbering/number-allocator';

/** Shared by every receipt feature: the public-event outbox and the receipt/application number allocator. */
@Global()
@Module({
  providers: [ReceiptOutbox, NumberAllocator],
  exports: [ReceiptOutbox, NumberAllocator],
})
export class CommonModule {}
