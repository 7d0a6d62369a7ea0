import { type Ed25519SigningKey, ed25519KeyFromPem, signEd25519, verifyEd25519 } from '@dw/kernel';

/**
 * The warehouse signs each statement PDF with Ed25519: a detached signature over the exact bytes
 * of the file, so a depositor holding the published public key can check that the warehouse
 * issued the document and that not one byte of it changed.
 */
export type StatementSigningKey = Ed25519SigningKey;

/** The key from its PKCS#8 PEM (STATEMENT_SIGNING_KEY); anything but an Ed25519 private key is refused at start. */
export function signingKeyFromPem(pem: string): StatementSigningKey {
  return ed25519KeyFromPem(pem, 'STATEMENT_SIGNING_KEY');
}

/** The detached signature over the PDF's bytes, base64. */
export function signStatementPdf(pdf: Uint8Array, key: StatementSigningKey): string {
  // rule BILL-STATEMENT-SIGNATURE
  return signEd25519(pdf, key);
}

/** Whether `signatureBase64` is the signature of the key whose public half is `publicKeyPem` over exactly these bytes. */
export function verifyStatementPdf(pdf: Uint8Array, signatureBase64: string, publicKeyPem: string): boolean {
  // rule BILL-STATEMENT-SIGNATURE
  return verifyEd25519(pdf, signatureBase64, publicKeyPem);
}
