import { ApiProperty } from '@nestjs/swagger';

/** An operation refused at the source, recorded for ops to follow up. */
export class OperationRefusalItemResponseDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'the refusal' })
  refusalId!: string;

  @ApiProperty({ type: String, example: 'put_away', description: 'the operation refused (receive, weigh, inspect, put_away, move, count, …)' })
  operation!: string;

  @ApiProperty({ type: String, example: 'NO_AUTHORISING_ORDER', description: 'the error code it was refused with, as the caller got it (docs/error-codes.md)' })
  code!: string;

  @ApiProperty({ type: String, description: 'why, in words' })
  message!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the refusal’s details, as the caller’s problem answer carried them' })
  details!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true, description: 'the work order the operation named; null when it named none' })
  orderId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'WH-SH-01', description: 'the warehouse, when known by the time it was refused; else null' })
  warehouse!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SC000042',
    description: 'the storage card of the goods, when known by the time it was refused; else null',
  })
  owner!: string | null;

  @ApiProperty({ type: String, example: 'RB20-000001', description: 'what the operation was on: a barcode, lot, location, stocktake or reading' })
  subject!: string;

  @ApiProperty({ type: String, description: 'who attempted it (subject)' })
  actor!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was refused' })
  at!: string;
}
