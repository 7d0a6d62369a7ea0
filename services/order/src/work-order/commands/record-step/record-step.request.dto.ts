import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Nested } from '@dw/platform';

export class StepEvidenceDto {
  @ApiProperty({ enum: ['scale_reading', 'inspection_report'] })
  @IsIn(['scale_reading', 'inspection_report'])
  kind!: 'scale_reading' | 'inspection_report';

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  refs!: string[];
}

export class RecordStepRequestDto {
  @ApiProperty({ description: 'a desk step of the order workflow, e.g. notice, arrival, plan, verify_title, confirm' })
  @IsString()
  @MaxLength(40)
  step!: string;

  @ApiPropertyOptional({ type: StepEvidenceDto })
  @IsOptional()
  @Nested(() => StepEvidenceDto)
  evidence?: StepEvidenceDto;
}
