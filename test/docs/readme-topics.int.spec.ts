import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { topicCatalogue } from '@dw/contracts';

/** The README is the front door for operations teams: its topic table must name every topic there is. */
describe('README topic table', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

  it.each(topicCatalogue.map((topic) => [topic.name, topic.eventTypes] as const))('lists %s and its events', (name, eventTypes) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\``));
    expect(row).toBeDefined();
    for (const type of eventTypes) {
      const [, , message] = /^dw\.([a-z_]+\.v\d+)\.(\w+)$/.exec(type)!;
      // Rows abbreviate a message family as `…Suffix` after its first full name.
      const suffix = message!.replace(/^(StorageCard|ReceiptIssuance)/, '');
      expect(row!.includes(message!) || row!.includes(`…${suffix}`)).toBe(true);
    }
  });
});
