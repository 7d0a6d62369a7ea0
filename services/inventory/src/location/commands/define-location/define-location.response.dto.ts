import { ApiProperty } from '@nestjs/swagger';

export class DefineLocationResponseDto {
  @ApiProperty({ type: String, example: 'SHED1-R01-S01', description: 'the location defined' })
  locationId!: string;

  @ApiProperty({ type: 'integer', description: 'the location’s version' })
  version!: number;
}
