import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Database } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { ApiPageResponse, assertOwnParty, CurrentPrincipal, CursorCodec, listScopeOf, pageOf, Roles, type Principal } from '@dw/platform';
import { renderStatementPdf } from '../../document/statement-pdf';
import { verifyStatementPdf } from '../../document/statement-signature';
import { StatementSigner } from '../../document/statement-signer';
import { StatementBooks } from '../../statement-books';
import {
  SigningKeyResponseDto,
  StatementListItemResponseDto,
  StatementPdfDto,
  StatementResponseDto,
  StatementSignatureDto,
  VerifyStatementResponseDto,
} from './statement.response.dto';
import { StatementsQueryDto, VerifyStatementRequestDto } from './statements.request.dto';

interface StatementRow {
  statement_id: string;
  party_id: string;
  period: string;
  version: number;
  status: string;
  opening_balance_fen: string;
  closing_balance_fen: string;
  objection: string | null;
  resolution: string | null;
  issued_at: Date;
}

const notFound = (statementId: string) => refuse.notFound('STATEMENT_NOT_FOUND', `no statement ${statementId}`, { statementId });

/**
 * Statements, their PDF and its signature: staff read every party's, a depositor its own only
 * (another party's answers as a missing one). The public key and the verify route let anyone
 * with an account check a downloaded statement; offline, the key and any Ed25519 tool do.
 */
@Controller('statements')
@Roles('manager', 'clerk', 'depositor')
@ApiExtraModels(StatementPdfDto, StatementSignatureDto)
export class StatementsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(StatementBooks) private readonly books: StatementBooks,
    @Inject(StatementSigner) private readonly signer: StatementSigner,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(StatementListItemResponseDto, 'the latest version of each statement by party then period; a depositor’s own only')
  async list(@Query() query: StatementsQueryDto, @CurrentPrincipal() principal: Principal) {
    const after = query.cursor ? this.cursors.decode<{ statementId: string }>(query.cursor, 'statements') : { statementId: '' };
    const scope = listScopeOf(principal);
    const { rows } = await this.db.query<StatementRow>(
      `SELECT statement_id, party_id, period, version, status, opening_balance_fen, closing_balance_fen, objection, resolution, issued_at
         FROM statements
        WHERE ($1::text IS NULL OR party_id = $1) AND ($2::text IS NULL OR party_id = $2) AND ($3::text IS NULL OR period = $3)
          AND statement_id > $4
        ORDER BY statement_id LIMIT $5`,
      [scope, query.partyId ?? null, query.period ?? null, after.statementId, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        statementId: row.statement_id,
        partyId: row.party_id,
        period: row.period,
        version: row.version,
        status: row.status,
        openingBalanceFen: Number(row.opening_balance_fen),
        closingBalanceFen: Number(row.closing_balance_fen),
        objection: row.objection,
        resolution: row.resolution,
        issuedAt: row.issued_at.toISOString(),
      }),
      (row) => this.cursors.encode({ statementId: row.statement_id }, 'statements'),
    );
  }

  @Get('signing-key')
  @ApiOkResponse({ type: SigningKeyResponseDto, description: 'the warehouse’s statement signing public key' })
  signingKey(): SigningKeyResponseDto {
    return { algorithm: 'Ed25519', publicKeyPem: this.signer.publicKeyPem };
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: VerifyStatementResponseDto, description: 'whether the signature is the warehouse’s over exactly the PDF sent' })
  verify(@Body() body: VerifyStatementRequestDto): VerifyStatementResponseDto {
    return { valid: verifyStatementPdf(Buffer.from(body.pdfBase64, 'base64'), body.signatureBase64, this.signer.publicKeyPem) };
  }

  @Get(':statementId')
  @ApiOkResponse({ type: StatementResponseDto, description: 'the latest version of the statement with its lines' })
  async one(@Param('statementId') statementId: string, @CurrentPrincipal() principal: Principal): Promise<StatementResponseDto> {
    const { partyId, statement } = await this.visible(statementId, principal);
    return { ...statement, partyId, lines: [...statement.lines] };
  }

  @Get(':statementId/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the statement as application/pdf', schema: { $ref: getSchemaPath(StatementPdfDto) } })
  async pdf(
    @Param('statementId') statementId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<StreamableFile> {
    const { statement, bytes } = await this.rendered(statementId, principal);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${statement.statementId}-v${statement.version}.pdf"`);
    return new StreamableFile(bytes);
  }

  @Get(':statementId/pdf.sig')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'the detached Ed25519 signature over the PDF’s exact bytes, base64, as text/plain',
    schema: { $ref: getSchemaPath(StatementSignatureDto) },
  })
  async signature(
    @Param('statementId') statementId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<StreamableFile> {
    const { statement, bytes } = await this.rendered(statementId, principal);
    response.setHeader('Content-Type', 'text/plain; charset=us-ascii');
    response.setHeader('Content-Disposition', `attachment; filename="${statement.statementId}-v${statement.version}.pdf.sig"`);
    return new StreamableFile(Buffer.from(this.signer.sign(bytes), 'ascii'));
  }

  private async visible(statementId: string, principal: Principal) {
    const found = await this.books.statement(statementId);
    assertOwnParty(principal, found.partyId, () => notFound(statementId));
    return found;
  }

  private async rendered(statementId: string, principal: Principal) {
    const { partyId, statement } = await this.visible(statementId, principal);
    return { statement, bytes: await renderStatementPdf({ partyId, issuedAt: statement.issuedAt, statement }) };
  }
}
