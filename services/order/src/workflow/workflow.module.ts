import { Module } from '@nestjs/common';
import { PublishWorkflowHttpController } from './commands/publish-workflow/publish-workflow.http.controller';
import { WithdrawWorkflowHttpController } from './commands/withdraw-workflow/withdraw-workflow.http.controller';
import { ListWorkflowsHttpController } from './queries/list-workflows/list-workflows.http.controller';
import { StandardWorkflowsSeeder } from './standard-workflows.seeder';

/** Workflows: the versioned steps each kind of order follows. */
@Module({
  controllers: [PublishWorkflowHttpController, WithdrawWorkflowHttpController, ListWorkflowsHttpController],
  providers: [StandardWorkflowsSeeder],
})
export class WorkflowModule {}
