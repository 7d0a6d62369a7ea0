import { formatPublishedMessages, parsePublishedMessages } from './published-messages';

describe('X-Published-Messages / X-Await-Messages values', () => {
  const transfer = { topic: 'prod.receipt.receipt.v1', messageId: '0193d0a4-1c2b-7000-8000-0000000000a1' };
  const alarm = { topic: 'prod.receipt.transfer.v1', messageId: '0193d0a4-1c2b-7000-8000-0000000000a2' };

  it('reads back exactly the messages it wrote, in order', () => {
    const text = formatPublishedMessages([transfer, alarm]);
    expect(text).toBe('prod.receipt.receipt.v1:0193d0a4-1c2b-7000-8000-0000000000a1,prod.receipt.transfer.v1:0193d0a4-1c2b-7000-8000-0000000000a2');
    expect(parsePublishedMessages(text)).toEqual([transfer, alarm]);
  });

  it('keeps a message id that itself holds colons (a topic never does)', () => {
    expect(parsePublishedMessages('t.lot.v1:t.lot.v1:3:17')).toEqual([{ topic: 't.lot.v1', messageId: 't.lot.v1:3:17' }]);
  });

  it('tolerates spaces around items, as a client joining headers may add', () => {
    expect(parsePublishedMessages(` ${transfer.topic}:${transfer.messageId} , `)).toEqual([transfer]);
  });

  it.each([
    ['an empty value', ''],
    ['an item without a topic', ':0193d0a4'],
    ['an item without an id', 'prod.receipt.receipt.v1:'],
    ['an item without a colon', 'prod.receipt.receipt.v1'],
    ['a topic with a character Kafka does not allow', 'prod/receipt:abc'],
    ['an id with a space', 'prod.receipt.receipt.v1:abc def'],
  ])('refuses %s', (_case, text) => {
    expect(parsePublishedMessages(text)).toBeUndefined();
  });

  it('refuses more than 200 items (a request header of that size is beyond what servers accept)', () => {
    const items = Array.from({ length: 201 }, (_, i) => `t.lot.v1:m-${i}`).join(',');
    expect(parsePublishedMessages(items)).toBeUndefined();
    expect(parsePublishedMessages(items.split(',').slice(0, 200).join(','))).toHaveLength(200);
  });
});
