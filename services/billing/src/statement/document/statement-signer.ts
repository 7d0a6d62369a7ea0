import { Inject, Injectable, Logger } from '@nestjs/common';
import { BillingServiceConfig } from '../../billing-service.config';
import { generateEd25519KeyPem, publicKeyPemOf } from '@dw/kernel';
import { signingKeyFromPem, signStatementPdf, type StatementSigningKey } from './statement-signature';

/** The warehouse's statement signing key from the config (a fresh one, logged, when the config has none: a development run). */
@Injectable()
export class StatementSigner {
  private readonly key: StatementSigningKey;
  readonly publicKeyPem: string;

  constructor(@Inject(BillingServiceConfig) config: BillingServiceConfig) {
    if (config.STATEMENT_SIGNING_KEY === '')
      new Logger('StatementSigner').warn('STATEMENT_SIGNING_KEY is empty: statements are signed with a key made for this run only');
    this.key = signingKeyFromPem(config.STATEMENT_SIGNING_KEY === '' ? generateEd25519KeyPem() : config.STATEMENT_SIGNING_KEY);
    this.publicKeyPem = publicKeyPemOf(this.key);
  }

  sign(pdf: Uint8Array): string {
    return signStatementPdf(pdf, this.key);
  }
}
