import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class StatementsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, description: 'one party’s statements (a depositor sees only its own anyway)' })
  @IsOptional()
  @IsString()
  partyId?: string;

  @ApiPropertyOptional({ type: String, example: '2026-10', description: 'one month' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month YYYY-MM' })
  period?: string;
}

/** A statement PDF and its detached signature, as downloaded, to check against the warehouse’s key. */
export class VerifyStatementRequestDto {
  @ApiProperty({ type: String, format: 'byte', maxLength: 8_000_000, description: 'the PDF file, base64' })
  @IsBase64()
  @MaxLength(8_000_000)
  pdfBase64!: string;

  @ApiProperty({ type: String, format: 'byte', maxLength: 200, description: 'the .sig file’s content: the Ed25519 signature, base64' })
  @IsBase64()
  @MaxLength(200)
  signatureBase64!: string;
}
