import { ApiProperty } from '@nestjs/swagger';

/** The note’s body as OpenAPI names it: the PDF file itself (application/pdf). */
export class LoadOutNotePdfDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'the load-out note (出库单) as a PDF 1.4 file; its SHA-256 is in the Repr-Digest and X-Content-SHA256 headers and in the PiecesShippedOut events of the load-out',
  })
  file!: string;
}
