import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { type Clock, type LocalDate, localDate, refuse, shanghaiDateOf } from '@dw/kernel';
import { CLOCK, CursorCodec, pageOf, type Page, type Principal } from '@dw/platform';
import type { FactoryTerms } from '../../domain/factory-terms';
import type { FactoryResponseDto, GuaranteeResponseDto, IssuanceApplicationResponseDto } from '../../factory.response.dto';
import { factoryView, guaranteeView } from '../../factory.views';

interface FactoryRow {
  factory_id: string;
  name: string;
  commodity: string;
  guarantee_letter: string | null;
  guarantee_bank: string | null;
  guarantee_amount_fen: string | null;
  guarantee_valid_to: string | null;
  demand_required_fen: string | null;
  demand_deadline: string | null;
  reduction_requested_fen: string | null;
  issued_tonnes: string;
}

interface ApplicationRow {
  application_id: string;
  factory_id: string;
  commodity: string;
  grade: string;
  brand: string;
  member: string;
  owner: string;
  tonnes: string;
  status: string;
  decision_due: string;
  overdue: boolean;
  reason: string | null;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

export const factoryNotFound = (factoryId: string) => refuse.notFound('FACTORY_NOT_FOUND', `no factory warehouse ${factoryId}`);

/**
 * Reads over the factories read model, shared by the people's and the signed routes. A factory's
 * own system sees its guarantee and applications; another factory's answer as a missing one.
 */
@Injectable()
export class FactoryViews {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private dayOf(on: string | undefined): LocalDate {
    return on === undefined ? shanghaiDateOf(this.clock.now()) : localDate(on, 'on');
  }

  async factories(query: { cursor?: string; limit: number; on?: string }): Promise<Page<FactoryResponseDto>> {
    const on = this.dayOf(query.on);
    const after = query.cursor ? this.cursors.decode<{ id: string }>(query.cursor, 'factories') : { id: '' };
    const { rows } = await this.db.query<FactoryRow>(`SELECT * FROM factories WHERE factory_id > $1 ORDER BY factory_id LIMIT $2`, [after.id, query.limit + 1]);
    const versions = await this.versionsOf(rows.slice(0, query.limit).map((row) => row.factory_id));
    return pageOf(
      rows,
      query.limit,
      (row) => factoryView({ factoryId: row.factory_id, name: row.name, commodity: row.commodity, versions: versions.get(row.factory_id) ?? [] }, on),
      (row) => this.cursors.encode({ id: row.factory_id }, 'factories'),
    );
  }

  async factory(factoryId: string, on?: string): Promise<FactoryResponseDto> {
    const row = await this.row(factoryId);
    const versions = await this.versionsOf([factoryId]);
    return factoryView({ factoryId, name: row.name, commodity: row.commodity, versions: versions.get(factoryId) ?? [] }, this.dayOf(on));
  }

  async guarantee(factoryId: string, principal: Principal): Promise<GuaranteeResponseDto> {
    this.assertOwnFactory(factoryId, principal);
    const row = await this.row(factoryId);
    return guaranteeView(factoryId, {
      guarantee:
        row.guarantee_letter === null
          ? null
          : {
              letterNumber: row.guarantee_letter,
              issuingBank: row.guarantee_bank ?? '',
              amountFen: Number(row.guarantee_amount_fen),
              validTo: localDate(row.guarantee_valid_to ?? '', 'validTo'),
            },
      demand:
        row.demand_required_fen === null ? null : { requiredFen: Number(row.demand_required_fen), deadline: localDate(row.demand_deadline ?? '', 'deadline') },
      reductionRequestedFen: numberOrNull(row.reduction_requested_fen),
      issuedTonnes: Number(row.issued_tonnes),
    });
  }

  async applications(
    factoryId: string,
    principal: Principal,
    query: { cursor?: string; limit: number; status?: string },
  ): Promise<Page<IssuanceApplicationResponseDto>> {
    this.assertOwnFactory(factoryId, principal);
    await this.row(factoryId);
    const after = query.cursor ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'issuance-applications') : { at: '-infinity', id: '' };
    const { rows } = await this.db.query<ApplicationRow & { applied: string }>(
      `SELECT *, applied_at::text AS applied FROM issuance_applications
        WHERE factory_id = $1 AND ($2::text IS NULL OR status = $2) AND (applied_at, application_id) > ($3::timestamptz, $4)
        ORDER BY applied_at, application_id LIMIT $5`,
      [factoryId, query.status ?? null, after.at, after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): IssuanceApplicationResponseDto => ({
        applicationId: row.application_id,
        factoryId: row.factory_id,
        commodity: row.commodity,
        grade: row.grade,
        brand: row.brand,
        member: row.member,
        owner: row.owner,
        tonnes: Number(row.tonnes),
        status: row.status,
        decisionDue: row.decision_due,
        overdue: row.overdue,
        reason: row.reason,
      }),
      (row) => this.cursors.encode({ at: row.applied, id: row.application_id }, 'issuance-applications'),
    );
  }

  private assertOwnFactory(factoryId: string, principal: Principal): void {
    if (principal.roles.includes('factory') && principal.subject !== factoryId) throw factoryNotFound(factoryId);
  }

  private async row(factoryId: string): Promise<FactoryRow> {
    const { rows } = await this.db.query<FactoryRow>(`SELECT * FROM factories WHERE factory_id = $1`, [factoryId]);
    if (rows[0] === undefined) throw factoryNotFound(factoryId);
    return rows[0];
  }

  private async versionsOf(factoryIds: readonly string[]): Promise<Map<string, FactoryTerms[]>> {
    const { rows } = await this.db.query<{ factory_id: string; terms: FactoryTerms }>(
      `SELECT factory_id, terms FROM factory_terms WHERE factory_id = ANY($1) ORDER BY factory_id, version_no`,
      [factoryIds],
    );
    const versions = new Map<string, FactoryTerms[]>();
    for (const row of rows) versions.set(row.factory_id, [...(versions.get(row.factory_id) ?? []), row.terms]);
    return versions;
  }
}
