import { Module } from '@nestjs/common';
import { PublishWorkflowCommandHandler } from './commands/publish-workflow/publish-workflow.command-handler';
import { PublishWorkflowHttpController } from './commands/publish-workflow/publish-workflow.http.controller';
import { WithdrawWorkflowCommandHandler } from './commands/withdraw-workflow/withdraw-workflow.command-handler';
import { WithdrawWorkflowHttpController } from './commands/withdraw-workflow/withdraw-workflow.http.controller';
import { ListWorkflowsHttpController } from './queries/list-workflows/list-workflows.http.controller';
import { StandardWorkflowsSeeder } from './standard-workflows.seeder';

/** Workflows: the versioned steps each kind of order follows. */
@Module({
  controllers: [PublishWorkflowHttpController, WithdrawWorkflowHttpController, ListWorkflowsHttpController],
  providers: [PublishWorkflowCommandHandler, WithdrawWorkflowCommandHandler, StandardWorkflowsSeeder],
})
export class WorkflowModule {}
