import { refuse } from '@dw/kernel';
import { NonRetryableMessageError } from '@dw/messaging';
import { deadLetteringRefusals } from './dead-letter-refusals';

describe('deadLetteringRefusals', () => {
  it('lets work that succeeds through', async () => {
    let ran = false;
    await deadLetteringRefusals('lot L1', async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('turns a domain refusal into a non-retryable message error with its code, naming the subject', async () => {
    const failure = deadLetteringRefusals('lot L1', async () => {
      throw refuse.notFound('LOT_NOT_FOUND', 'no lot L1', { lotId: 'L1' });
    });
    await expect(failure).rejects.toBeInstanceOf(NonRetryableMessageError);
    await expect(failure).rejects.toMatchObject({ code: 'LOT_NOT_FOUND', message: 'lot L1: no lot L1', retryable: false });
  });

  it('rethrows any other error as it is, so the inbox retries it', async () => {
    const outage = new Error('connection terminated');
    await expect(
      deadLetteringRefusals('lot L1', async () => {
        throw outage;
      }),
    ).rejects.toBe(outage);
  });
});
