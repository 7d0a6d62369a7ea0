import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { addCalendarDays, localDate, type LocalDate } from '@dw/kernel';
import { addMonthsClamped } from '../../../common/domain/calendar-months';
import type { DailyReceiptReportQueryDto } from './daily-receipt-report.query.dto';

export interface Figure {
  readonly count: number;
  readonly weightKg: number;
}

export interface DailyReceiptReportLine {
  readonly commodity: string;
  readonly warehouseId: string;
  readonly issued: Figure;
  readonly cancelled: Figure;
  readonly transferred: Figure;
  /** In circulation at the end of the day (outstanding or expired, not yet cancelled). */
  readonly outstanding: Figure;
  /** Outstanding receipts whose last valid day is from `date` to the end of its month. */
  readonly expiringThisMonth: Figure;
  /** Outstanding receipts whose last valid day falls in the next calendar month. */
  readonly expiringNextMonth: Figure;
}

interface LineRow {
  commodity: string;
  warehouse_id: string;
  issued_count: number;
  issued_kg: string;
  cancelled_count: number;
  cancelled_kg: string;
  transferred_count: number;
  transferred_kg: string;
  outstanding_count: number;
  outstanding_kg: string;
  this_month_count: number;
  this_month_kg: string;
  next_month_count: number;
  next_month_kg: string;
}

const figure = (count: number, kg: string): Figure => ({ count, weightKg: Number(kg) });

/**
 * The daily receipt report per commodity and warehouse, from the report projection: the day's
 * activity, and what was in circulation at the day's end with its validity horizon.
 */
@Injectable()
export class DailyReceiptReportReadModel {
  constructor(@Inject(Database) private readonly db: Database) {}

  async report(query: DailyReceiptReportQueryDto): Promise<{ date: LocalDate; lines: DailyReceiptReportLine[] }> {
    const date = localDate(query.date, 'date');
    const firstOfMonth = `${date.slice(0, 7)}-01`;
    const firstOfNext = addMonthsClamped(firstOfMonth, 1);
    const endOfMonth = addCalendarDays(firstOfNext, -1);
    const endOfNext = addCalendarDays(addMonthsClamped(firstOfMonth, 2), -1);
    const { rows } = await this.db.query<LineRow>(
      `WITH live AS (
         SELECT * FROM receipt_report_lifespans WHERE live_from <= $1::date AND (live_until IS NULL OR live_until > $1::date)
       ), circulation AS (
         SELECT commodity, warehouse_id,
                count(*)::int AS outstanding_count, coalesce(sum(weight_kg), 0) AS outstanding_kg,
                (count(*) FILTER (WHERE valid_until BETWEEN $1::date AND $2::date))::int AS this_month_count,
                coalesce(sum(weight_kg) FILTER (WHERE valid_until BETWEEN $1::date AND $2::date), 0) AS this_month_kg,
                (count(*) FILTER (WHERE valid_until BETWEEN $3::date AND $4::date))::int AS next_month_count,
                coalesce(sum(weight_kg) FILTER (WHERE valid_until BETWEEN $3::date AND $4::date), 0) AS next_month_kg
           FROM live GROUP BY commodity, warehouse_id
       ), activity AS (
         SELECT * FROM receipt_report_activity WHERE day = $1::date
       )
       SELECT coalesce(a.commodity, c.commodity) AS commodity, coalesce(a.warehouse_id, c.warehouse_id) AS warehouse_id,
              coalesce(a.issued_count, 0) AS issued_count, coalesce(a.issued_kg, 0) AS issued_kg,
              coalesce(a.cancelled_count, 0) AS cancelled_count, coalesce(a.cancelled_kg, 0) AS cancelled_kg,
              coalesce(a.transferred_count, 0) AS transferred_count, coalesce(a.transferred_kg, 0) AS transferred_kg,
              coalesce(c.outstanding_count, 0) AS outstanding_count, coalesce(c.outstanding_kg, 0) AS outstanding_kg,
              coalesce(c.this_month_count, 0) AS this_month_count, coalesce(c.this_month_kg, 0) AS this_month_kg,
              coalesce(c.next_month_count, 0) AS next_month_count, coalesce(c.next_month_kg, 0) AS next_month_kg
         FROM activity a FULL JOIN circulation c ON a.commodity = c.commodity AND a.warehouse_id = c.warehouse_id
        WHERE ($5::text IS NULL OR coalesce(a.commodity, c.commodity) = $5) AND ($6::text IS NULL OR coalesce(a.warehouse_id, c.warehouse_id) = $6)
        ORDER BY 1, 2`,
      [date, endOfMonth, firstOfNext, endOfNext, query.commodity ?? null, query.warehouseId ?? null],
    );
    return {
      date,
      lines: rows.map((row) => ({
        commodity: row.commodity,
        warehouseId: row.warehouse_id,
        issued: figure(row.issued_count, row.issued_kg),
        cancelled: figure(row.cancelled_count, row.cancelled_kg),
        transferred: figure(row.transferred_count, row.transferred_kg),
        outstanding: figure(row.outstanding_count, row.outstanding_kg),
        expiringThisMonth: figure(row.this_month_count, row.this_month_kg),
        expiringNextMonth: figure(row.next_month_count, row.next_month_kg),
      })),
    };
  }
}
