import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 detached signatures, as the warehouse signs its documents (billing's statements, the
 * gate's exit passes): Ed25519 signs without a digest choice and deterministically, so the same
 * bytes always carry the same signature, and anyone holding the published public key can check
 * that the warehouse signed them and that not one byte changed.
 */
export interface Ed25519SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The key from its PKCS#8 PEM (the config named `configName`); anything but an Ed25519 private key is refused at start. */
export function ed25519KeyFromPem(pem: string, configName: string): Ed25519SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${configName} must be an Ed25519 private key, not ${privateKey.asymmetricKeyType}`);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** A fresh key pair (development and tests), with its private key as PKCS#8 PEM for the config. */
export function generateEd25519KeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The detached signature over exactly these bytes, base64. */
export function signEd25519(bytes: Uint8Array, key: Ed25519SigningKey): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}

/** The public key as SPKI PEM, as a service publishes it. */
export function publicKeyPemOf(key: Ed25519SigningKey | KeyObject): string {
  const publicKey = 'publicKey' in key ? key.publicKey : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** Whether `signatureBase64` is the signature of the key whose public half is `publicKeyPem` over exactly these bytes. */
export function verifyEd25519(bytes: Uint8Array, signatureBase64: string, publicKeyPem: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, bytes, createPublicKey(publicKeyPem), signature);
}
