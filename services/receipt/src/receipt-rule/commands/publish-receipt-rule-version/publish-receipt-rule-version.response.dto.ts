import { ApiProperty } from '@nestjs/swagger';

export class PublishReceiptRuleVersionResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version number this publication got' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) it takes effect, as published' })
  effectiveFrom!: string;
}
