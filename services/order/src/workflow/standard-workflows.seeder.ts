import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EventStore, WrongExpectedVersionError } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { STANDARD_WORKFLOWS } from './domain/standard-workflows';
import { workflowDecider } from './domain/workflow.decider';
import { workflowIdOf } from './domain/workflow-key';
import { WORKFLOW_STREAM_TYPE, workflowStream } from './workflow.streams';

/**
 * Publishes version 1 of each order type's default workflow ('<type>/*\/*') the first time the
 * service starts on a warehouse, so that orders can be opened before anyone has configured a
 * workflow. Idempotent across restarts and replicas: it appends only to a stream that does not
 * exist yet, and a replica that loses that race leaves the winner's version in place.
 */
@Injectable()
export class StandardWorkflowsSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const standard of STANDARD_WORKFLOWS) {
      const streamId = workflowStream(workflowIdOf(standard.key));
      if ((await this.store.streamVersion(streamId)) > 0) continue;
      const at = this.clock.now().toISOString();
      const events = workflowDecider.decide(
        { type: 'PublishWorkflowVersion', data: { key: standard.key, steps: standard.steps, actor: 'service:order', at } },
        workflowDecider.initialState(),
      );
      try {
        await this.store.append({
          streamId,
          streamType: WORKFLOW_STREAM_TYPE,
          expectedVersion: 'no_stream',
          events,
          metadata: { actor: { subject: 'service:order', role: 'system' }, correlationId: `seed-${streamId}` },
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
  }
}
