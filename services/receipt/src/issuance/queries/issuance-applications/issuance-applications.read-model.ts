import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { CursorCodec, pageOf, type Page } from '@dw/platform';
import type { IssuanceApplicationsQueryDto } from './issuance-applications.query.dto';

interface ApplicationRow {
  application_id: string;
  status: string;
  warehouse_id: string;
  commodity: string;
  brand: string;
  grade: string;
  holder_card: string;
  holder_name: string;
  receipts: { receiptNumber: string; weightKg: number; lotIds: string[] }[];
  total_kg: string;
  storage_fees_paid_through: string;
  rule_version: number;
  applied_by: string;
  applied_at: Date;
  approval_reference: string | null;
  issue_date: string | null;
  reason: string | null;
  decided_at: Date | null;
}

export type IssuanceApplicationView = ReturnType<typeof toView>;

function toView(row: ApplicationRow) {
  return {
    applicationId: row.application_id,
    status: row.status,
    warehouseId: row.warehouse_id,
    commodity: row.commodity,
    brand: row.brand,
    grade: row.grade,
    holderCard: row.holder_card,
    holderName: row.holder_name,
    receipts: row.receipts,
    totalKg: Number(row.total_kg),
    storageFeesPaidThrough: row.storage_fees_paid_through,
    ruleVersion: row.rule_version,
    appliedBy: row.applied_by,
    appliedAt: row.applied_at.toISOString(),
    approvalReference: row.approval_reference,
    issueDate: row.issue_date,
    reason: row.reason,
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

/** Issuance applications as the order desk and the exchange list them (oldest first: a queue). */
@Injectable()
export class IssuanceApplicationsReadModel {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  async page(query: IssuanceApplicationsQueryDto): Promise<Page<IssuanceApplicationView>> {
    const after = query.cursor ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'issuance-applications') : { at: '-infinity', id: '' };
    const { rows } = await this.db.query<ApplicationRow>(
      `SELECT application_id, status, warehouse_id, commodity, brand, grade, holder_card, holder_name, receipts, total_kg,
              storage_fees_paid_through::text AS storage_fees_paid_through, rule_version, applied_by, applied_at, approval_reference,
              issue_date::text AS issue_date, reason, decided_at
         FROM issuance_applications
        WHERE (applied_at, application_id) > ($1::timestamptz, $2) AND ($3::text IS NULL OR status = $3)
        ORDER BY applied_at, application_id LIMIT $4`,
      [after.at, after.id, query.status ?? null, query.limit + 1],
    );
    return pageOf(rows, query.limit, toView, (row) =>
      this.cursors.encode({ at: row.applied_at.toISOString(), id: row.application_id }, 'issuance-applications'),
    );
  }
}
