import { ApiProperty } from '@nestjs/swagger';
import { ReceiptRuleVersionResponseDto } from '../../../common/http/receipt-parts.response.dto';

/** One published version of a commodity’s rules, with who published it. */
export class ReceiptRuleVersionItemResponseDto extends ReceiptRuleVersionResponseDto {
  @ApiProperty({ type: String, description: 'who published it (subject)' })
  publishedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was published' })
  publishedAt!: string;
}

/** One commodity’s rule versions from its stream, and the one in force today. */
export class ReceiptRulesResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: () => ReceiptRuleVersionResponseDto, isArray: true, description: 'every version, oldest first' })
  versions!: ReceiptRuleVersionResponseDto[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'the version in force today; null when none has taken effect yet' })
  inForceVersion!: number | null;

  @ApiProperty({ type: String, format: 'date', description: 'today, Asia/Shanghai (YYYY-MM-DD): the date inForceVersion is judged on' })
  today!: string;
}
