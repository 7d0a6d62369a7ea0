import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { BankPaymentsQueryDto } from './bank-payments.query.dto';
import { BankPaymentItemResponseDto } from './bank-payments.response.dto';

interface BankPaymentRow {
  payment_id: string;
  bank_id: string;
  bank_transaction_id: string;
  kind: string;
  virtual_account: string;
  amount_fen: string;
  value_date: string;
  payer_name: string;
  status: string;
  party_id: string | null;
  unmatched_reason: string | null;
  received_at: Date;
}

/** Incoming bank payments for the warehouse’s staff, the unmatched ones to assign first of all. */
@Controller('bank-payments')
@Roles('manager', 'clerk')
export class BankPaymentsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(BankPaymentItemResponseDto, 'incoming bank payments by payment id')
  async list(@Query() query: BankPaymentsQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ paymentId: string }>(query.cursor, 'bank-payments') : { paymentId: '' };
    const { rows } = await this.db.query<BankPaymentRow>(
      `SELECT payment_id, bank_id, bank_transaction_id, kind, virtual_account, amount_fen, to_char(value_date, 'YYYY-MM-DD') AS value_date,
              payer_name, status, party_id, unmatched_reason, received_at
         FROM bank_payments
        WHERE ($1::text IS NULL OR status = $1) AND payment_id > $2
        ORDER BY payment_id LIMIT $3`,
      [query.status ?? null, after.paymentId, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): BankPaymentItemResponseDto => ({
        paymentId: row.payment_id,
        bankId: row.bank_id,
        bankTransactionId: row.bank_transaction_id,
        kind: row.kind,
        virtualAccount: row.virtual_account,
        amountFen: Number(row.amount_fen),
        valueDate: row.value_date,
        payerName: row.payer_name,
        status: row.status,
        partyId: row.party_id,
        unmatchedReason: row.unmatched_reason,
        receivedAt: row.received_at.toISOString(),
      }),
      (row) => this.cursors.encode({ paymentId: row.payment_id }, 'bank-payments'),
    );
  }
}
