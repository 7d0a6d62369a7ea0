import { generateKeyPairSync } from 'node:crypto';
import { ed25519KeyFromPem, generateEd25519KeyPem, publicKeyPemOf, signEd25519, verifyEd25519 } from './ed25519';

describe('Ed25519 document signatures', () => {
  it('signs bytes deterministically; the signature verifies with the public key and fails on one byte changed or another key', () => {
    const key = ed25519KeyFromPem(generateEd25519KeyPem(), 'EXIT_PASS_SIGNING_KEY');
    const bytes = new TextEncoder().encode('passNumber=EP-20261208-v1\n');
    const signature = signEd25519(bytes, key);
    expect(signEd25519(bytes, key)).toBe(signature);
    expect(verifyEd25519(bytes, signature, publicKeyPemOf(key))).toBe(true);
    const changed = Uint8Array.from(bytes);
    changed[0] = changed[0]! ^ 1;
    expect(verifyEd25519(changed, signature, publicKeyPemOf(key))).toBe(false);
    const other = ed25519KeyFromPem(generateEd25519KeyPem(), 'EXIT_PASS_SIGNING_KEY');
    expect(verifyEd25519(bytes, signature, publicKeyPemOf(other))).toBe(false);
    expect(verifyEd25519(bytes, 'c2hvcnQ=', publicKeyPemOf(key))).toBe(false);
  });

  it('refuses a key that is not Ed25519, naming the config it came from', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => ed25519KeyFromPem(rsa, 'EXIT_PASS_SIGNING_KEY')).toThrow('EXIT_PASS_SIGNING_KEY must be an Ed25519 private key, not rsa');
  });
});
