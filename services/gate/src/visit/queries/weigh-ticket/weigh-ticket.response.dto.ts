import { ApiProperty } from '@nestjs/swagger';

/** The ticket's body as OpenAPI names it: the PDF file itself (application/pdf). */
export class WeighTicketPdfDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'the weigh ticket (磅单) as a PDF 1.4 file; its SHA-256 is in the Repr-Digest and X-Content-SHA256 headers and in WeighTicketIssued',
  })
  file!: string;
}
