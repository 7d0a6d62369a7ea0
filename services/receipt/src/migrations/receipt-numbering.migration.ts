import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sequences for the numbers people type: storage cards and receipts. Numbers are allotted by
 * the handler before a decision and recorded in its events, so a rebuild never consults these;
 * a refused decision leaves a gap, which is harmless (numbers are unique, not dense).
 */
export class ReceiptNumbering1767225600000 implements MigrationInterface {
  name = 'ReceiptNumbering1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SEQUENCE storage_card_number_seq;
      CREATE SEQUENCE receipt_number_seq;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SEQUENCE receipt_number_seq; DROP SEQUENCE storage_card_number_seq');
  }
}
