import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { ListWorkflowsQueryDto } from './list-workflows.query.dto';
import { WorkflowVersionItemResponseDto } from './list-workflows.response.dto';

interface WorkflowRow {
  workflow_id: string;
  version: number;
  order_type: string;
  commodity: string;
  arrival_mode: string;
  steps: unknown;
  status: string;
  published_by: string;
  published_at: Date;
  withdrawn_reason: string | null;
}

@Controller('workflows')
export class ListWorkflowsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  /** Workflow versions, by workflow id then version. */
  @Get()
  @Roles('operator', 'clerk', 'manager', 'ops')
  @ApiPageResponse(WorkflowVersionItemResponseDto, 'workflow versions, by workflow id then version')
  async list(@Query() query: ListWorkflowsQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ id: string; v: number }>(query.cursor, 'workflows') : null;
    const { rows } = await this.db.query<WorkflowRow>(
      `SELECT * FROM workflow_versions
        WHERE ($1::text IS NULL OR order_type = $1) AND ($2::text IS NULL OR commodity = $2) AND ($3::text IS NULL OR status = $3)
          AND ($4::text IS NULL OR (workflow_id, version) > ($4, $5::int))
        ORDER BY workflow_id, version LIMIT $6`,
      [query.orderType ?? null, query.commodity ?? null, query.status ?? null, after?.id ?? null, after?.v ?? 0, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        workflowId: row.workflow_id,
        version: row.version,
        key: { orderType: row.order_type, commodity: row.commodity, arrivalMode: row.arrival_mode },
        steps: row.steps,
        status: row.status,
        publishedBy: row.published_by,
        publishedAt: row.published_at.toISOString(),
        withdrawnReason: row.withdrawn_reason,
      }),
      (row) => this.cursors.encode({ id: row.workflow_id, v: row.version }, 'workflows'),
    );
  }
}
