import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

export class RecordInspectionRequestDto {
  @ApiProperty({
    maxLength: 100,
    example: 'QC-2025-0304-01',
    description: "the inspector's report reference, carried as the evidence of the order's inspect step",
  })
  @IsString()
  @MaxLength(100)
  reportRef!: string;

  @ApiProperty({ enum: ['passed', 'failed'], description: 'passed: the order’s inspect step is done; failed: the lot is rejected' })
  @IsIn(['passed', 'failed'])
  result!: 'passed' | 'failed';
}
