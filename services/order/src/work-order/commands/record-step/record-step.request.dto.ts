import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Nested } from '@dw/platform';

export class StepEvidenceDto {
  @ApiProperty({ enum: ['scale_reading', 'inspection_report'], description: 'the kind of check the step was done with: the step’s check in the workflow' })
  @IsIn(['scale_reading', 'inspection_report'])
  kind!: 'scale_reading' | 'inspection_report';

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 500,
    maxLength: 100,
    example: ['SCALE-07-000123'],
    description: 'the scale reading ids or inspection report references',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  refs!: string[];
}

export class RecordStepRequestDto {
  @ApiProperty({
    maxLength: 40,
    example: 'arrival',
    description:
      'a desk step of the order workflow, e.g. notice, arrival, plan, confirm (verify_title is the receipt service’s check: 409 STEP_DECIDED_BY_RECEIPT); the next step in workflow order (optional steps may be skipped)',
  })
  @IsString()
  @MaxLength(40)
  step!: string;

  @ApiPropertyOptional({
    type: () => StepEvidenceDto,
    description:
      'what the step was checked with: required when the workflow gives the step a check (422 STEP_CHECK_REQUIRED), refused when it gives none (422 STEP_CHECK_NOT_EXPECTED)',
  })
  @IsOptional()
  @Nested(() => StepEvidenceDto)
  evidence?: StepEvidenceDto;
}
