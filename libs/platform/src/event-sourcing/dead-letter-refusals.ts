import { DomainError } from '@dw/kernel';
import { NonRetryableMessageError } from '@dw/messaging';

/**
 * Runs an inbox handler's work on another service's fact. A fact our domain refuses (a
 * DomainError: an unknown receipt, a lot not behind it, an account that cannot take it) is
 * refused however often it is redelivered, so it is a fault between the services: dead-lettered
 * at once with the refusal's code, the message naming `about` (e.g. `lot L1`). Any other error is
 * retried as usual.
 */
export async function deadLetteringRefusals(about: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) throw new NonRetryableMessageError(error.code, `${about}: ${error.message}`);
    throw error;
  }
}
