import { Module } from '@nestjs/common';
import { PublishReceiptRuleVersionCommandHandler } from './commands/publish-receipt-rule-version/publish-receipt-rule-version.command-handler';
import { PublishReceiptRuleVersionHttpController } from './commands/publish-receipt-rule-version/publish-receipt-rule-version.http.controller';
import { ReceiptRulesHttpController } from './queries/receipt-rules/receipt-rules.http.controller';

/** Receipt rules per commodity: dated versions of the terms a receipt is issued under. */
@Module({
  controllers: [PublishReceiptRuleVersionHttpController, ReceiptRulesHttpController],
  providers: [PublishReceiptRuleVersionCommandHandler],
})
export class ReceiptRuleModule {}
