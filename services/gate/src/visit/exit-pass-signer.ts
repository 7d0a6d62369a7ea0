import { Inject, Injectable, Logger } from '@nestjs/common';
import { ed25519KeyFromPem, type Ed25519SigningKey, generateEd25519KeyPem, publicKeyPemOf, signEd25519, verifyEd25519 } from '@dw/kernel';
import { GateServiceConfig } from '../gate-service.config';
import { exitPassCanonicalBytes, type ExitPass } from './domain/exit-pass';

/** The gate's exit pass signing key from the config (a fresh one, logged, when the config has none: a development run). */
@Injectable()
export class ExitPassSigner {
  private readonly key: Ed25519SigningKey;
  readonly publicKeyPem: string;

  constructor(@Inject(GateServiceConfig) config: GateServiceConfig) {
    if (config.EXIT_PASS_SIGNING_KEY === '')
      new Logger('ExitPassSigner').warn('EXIT_PASS_SIGNING_KEY is empty: exit passes are signed with a key made for this run only');
    this.key = ed25519KeyFromPem(config.EXIT_PASS_SIGNING_KEY === '' ? generateEd25519KeyPem() : config.EXIT_PASS_SIGNING_KEY, 'EXIT_PASS_SIGNING_KEY');
    this.publicKeyPem = publicKeyPemOf(this.key);
  }

  readonly sign = (canonical: Uint8Array): string => signEd25519(canonical, this.key);

  /** Whether the signature is the gate's over exactly this pass. */
  verify(pass: ExitPass, signature: string): boolean {
    // rule GATE-EXIT-PASS
    return verifyEd25519(exitPassCanonicalBytes(pass), signature, this.publicKeyPem);
  }
}
