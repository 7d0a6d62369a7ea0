import { ApiProperty } from '@nestjs/swagger';

export class StatementLineResponseDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'the line’s number on this version, from 1' })
  lineNo!: number;

  @ApiProperty({ enum: ['charge', 'reversal', 'payment', 'withdrawal'], description: 'charge, reversal (of a charge), payment or withdrawal (paid out)' })
  kind!: string;

  @ApiProperty({ type: String, example: 'storage:WR00000042:2026-10-30', description: 'the fee, payment or withdrawal id' })
  reference!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'a charge’s or reversal’s charge day, a payment’s value date, a withdrawal’s paid-out day (Shanghai)',
  })
  date!: string;

  @ApiProperty({ type: String, nullable: true, example: 'storage', description: 'the fee item of a charge' })
  item!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the receipt a charge is for; null when none' })
  receiptNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the lot a charge is for; null when none' })
  lotId!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the day a charge is owed for' })
  serviceDate!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'kg a charge was priced on' })
  weightKg!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the rate used, whole fen per tonne (per day for storage)' })
  rateFen!: number | null;

  @ApiProperty({ type: String, nullable: true, enum: ['contract', 'default'], description: 'whose rate card the rate came from' })
  rateSource!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the rate card version' })
  rateVersion!: number | null;

  @ApiProperty({ type: 'integer', description: 'fen, signed as it moves what the party owes: + charge or withdrawal, − reversal or payment' })
  amountFen!: number;
}

export class StatementResponseDto {
  @ApiProperty({ type: String, example: 'STMT-2026-10-P-HENGDA', description: 'STMT-<YYYY-MM>-<partyId>' })
  statementId!: string;

  @ApiProperty({ type: String, description: 'the depositor party' })
  partyId!: string;

  @ApiProperty({ type: String, example: '2026-10', description: 'the calendar month in Asia/Shanghai' })
  period!: string;

  @ApiProperty({ type: 'integer', description: 'the latest version (a resolved objection may reissue the statement)' })
  version!: number;

  @ApiProperty({ enum: ['issued', 'accepted', 'objected', 'resolved'], description: 'issued (awaiting review), accepted, objected or resolved' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'fen owed at the start (the previous statement’s close); negative: a credit' })
  openingBalanceFen!: number;

  @ApiProperty({ type: 'integer', description: 'fen charged in the period (sum of the charge lines)' })
  chargesFen!: number;

  @ApiProperty({ type: 'integer', description: 'fen of charges reversed (sum of the reversal lines)' })
  reversalsFen!: number;

  @ApiProperty({ type: 'integer', description: 'fen paid (sum of the payment lines)' })
  paymentsFen!: number;

  @ApiProperty({ type: 'integer', description: 'fen paid out to the party (sum of the withdrawal lines)' })
  withdrawalsFen!: number;

  @ApiProperty({ type: 'integer', description: 'opening + charges − reversals − payments + withdrawals' })
  closingBalanceFen!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when this version was issued (UTC)' })
  issuedAt!: string;

  @ApiProperty({ type: () => StatementLineResponseDto, isArray: true, description: 'the lines, by date, then charges, reversals, payments, withdrawals' })
  lines!: StatementLineResponseDto[];
}

export class StatementListItemResponseDto {
  @ApiProperty({ type: String, description: 'STMT-<YYYY-MM>-<partyId>' })
  statementId!: string;

  @ApiProperty({ type: String, description: 'the depositor party' })
  partyId!: string;

  @ApiProperty({ type: String, description: 'the calendar month in Asia/Shanghai, YYYY-MM' })
  period!: string;

  @ApiProperty({ type: 'integer', description: 'the latest version (a resolved objection may reissue the statement)' })
  version!: number;

  @ApiProperty({ enum: ['issued', 'accepted', 'objected', 'resolved'], description: 'issued (awaiting review), accepted, objected or resolved' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'fen owed at the start (the previous statement’s close); negative: a credit' })
  openingBalanceFen!: number;

  @ApiProperty({ type: 'integer', description: 'fen owed at the end: opening + charges − reversals − payments + withdrawals' })
  closingBalanceFen!: number;

  @ApiProperty({ type: String, nullable: true, description: 'the depositor’s objection to this version' })
  objection!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the warehouse’s note resolving it' })
  resolution!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'when this version was issued (UTC)' })
  issuedAt!: string;
}

export class SigningKeyResponseDto {
  @ApiProperty({ enum: ['Ed25519'], description: 'the signature algorithm' })
  algorithm!: string;

  @ApiProperty({ type: String, description: 'the warehouse’s statement signing public key, SPKI PEM' })
  publicKeyPem!: string;
}

export class VerifyStatementResponseDto {
  @ApiProperty({ type: Boolean, description: 'true when the signature is the warehouse’s over exactly these bytes' })
  valid!: boolean;
}

export class IssuedStatementsResponseDto {
  @ApiProperty({ type: [String], description: 'the statements this request issued, in period order (none when every one was issued already)' })
  issued!: string[];
}

/** The statement PDF as OpenAPI names it: the file itself (application/pdf). */
export class StatementPdfDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the statement as a PDF file, byte for byte the same on every download of the same version' })
  file!: string;
}

/** The detached signature as OpenAPI names it: base64 text (text/plain). */
export class StatementSignatureDto {
  @ApiProperty({ type: 'string', description: 'the Ed25519 signature over the exact bytes of the PDF, base64 (verify with GET /statements/signing-key)' })
  signature!: string;
}
