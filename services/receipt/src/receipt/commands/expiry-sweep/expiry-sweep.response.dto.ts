import { ApiProperty } from '@nestjs/swagger';

export class ExpirySweepResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) validity was judged on: asOf as sent, else today' })
  asOf!: string;

  @ApiProperty({ type: [String], example: ['WR00000042'], description: 'the receipts this run flagged expired (one already flagged is not flagged again)' })
  flagged!: string[];
}
