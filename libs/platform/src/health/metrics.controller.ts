import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { METRICS_CONTENT_TYPE, renderMetrics } from '@dw/observability';
import { Public } from '../auth/auth.decorators';

/** Prometheus scrape endpoint over the platform's metrics registry. */
@Public()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  async metrics(@Res() response: ServerResponse): Promise<void> {
    const text = await renderMetrics();
    response.setHeader('Content-Type', METRICS_CONTENT_TYPE);
    response.setHeader('Cache-Control', 'no-store');
    response.end(text);
  }
}
