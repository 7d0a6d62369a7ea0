import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The warehouse signs each statement PDF with Ed25519: a detached signature over the exact
 * bytes of the file, so anyone holding the published public key can check that the warehouse
 * issued the document and that not one byte of it changed. Ed25519 signs without a digest
 * choice and deterministically, so the same document always carries the same signature.
 */
export interface StatementSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The key from its PKCS#8 PEM (STATEMENT_SIGNING_KEY); anything but an Ed25519 private key is refused at start. */
export function signingKeyFromPem(pem: string): StatementSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`STATEMENT_SIGNING_KEY must be an Ed25519 private key, not ${privateKey.asymmetricKeyType}`);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** A fresh key pair (development and tests), with its private key as PKCS#8 PEM for the config. */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The detached signature over the PDF's bytes, base64. */
export function signStatementPdf(pdf: Uint8Array, key: StatementSigningKey): string {
  // rule BILL-STATEMENT-SIGNATURE
  return sign(null, pdf, key.privateKey).toString('base64');
}

/** The public key as SPKI PEM, as published at GET /statements/signing-key. */
export function publicKeyPemOf(key: StatementSigningKey | KeyObject): string {
  const publicKey = 'publicKey' in key ? key.publicKey : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** Whether `signatureBase64` is the signature of the key whose public half is `publicKeyPem` over exactly these bytes. */
export function verifyStatementPdf(pdf: Uint8Array, signatureBase64: string, publicKeyPem: string): boolean {
  // rule BILL-STATEMENT-SIGNATURE
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, pdf, createPublicKey(publicKeyPem), signature);
}
