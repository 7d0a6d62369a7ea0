import { ApiProperty } from '@nestjs/swagger';

export class ApplyForIssuanceResponseDto {
  @ApiProperty({ type: String, description: 'the new application; also in Location (/issuance-applications/{applicationId})' })
  applicationId!: string;

  @ApiProperty({ enum: ['applied'], description: 'always applied: the application waits for the exchange’s decision, its lots held for it' })
  status!: 'applied';

  @ApiProperty({ type: [String], example: ['WR00000042'], description: 'the receipt numbers allotted, one per planned receipt, in the order planned' })
  receiptNumbers!: string[];

  @ApiProperty({ type: 'integer', description: 'the application’s version, also its ETag' })
  version!: number;
}
