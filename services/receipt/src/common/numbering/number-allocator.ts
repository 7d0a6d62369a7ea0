import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';

/**
 * Storage card and receipt numbers: short, fixed-width, typed by depositors in transfers
 * (error-proofing compares them exactly), so they come from database sequences rather than
 * UUIDs. SC000042, WR00001234.
 */
@Injectable()
export class NumberAllocator {
  constructor(@Inject(Database) private readonly db: Database) {}

  async storageCardNumber(): Promise<string> {
    return `SC${String(await this.next('storage_card_number_seq')).padStart(6, '0')}`;
  }

  async receiptNumbers(count: number): Promise<string[]> {
    const numbers: string[] = [];
    for (let i = 0; i < count; i += 1) numbers.push(`WR${String(await this.next('receipt_number_seq')).padStart(8, '0')}`);
    return numbers;
  }

  private async next(sequence: 'storage_card_number_seq' | 'receipt_number_seq'): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>(`SELECT nextval('${sequence}') AS n`);
    return Number(rows[0]!.n);
  }
}
