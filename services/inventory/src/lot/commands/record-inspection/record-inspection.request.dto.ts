import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

export class RecordInspectionRequestDto {
  @ApiProperty({ description: "the inspector's report reference" })
  @IsString()
  @MaxLength(100)
  reportRef!: string;

  @ApiProperty({ enum: ['passed', 'failed'] })
  @IsIn(['passed', 'failed'])
  result!: 'passed' | 'failed';
}
