import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ExplainVarianceRequestDto {
  @ApiProperty({
    maxLength: 1000,
    example: 'bundle relabelled after damage in unloading',
    description: 'why the variance happened; a later explanation is added to, never written over, the first',
  })
  @IsString()
  @MaxLength(1000)
  explanation!: string;
}
