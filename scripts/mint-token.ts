// Mints a development bearer token that every service accepts when started with the printed
// AUTH_ISSUER / AUTH_JWKS. The signing key is created on first use and kept in .run/dev-auth/
// (git-ignored), so tokens stay valid across runs until that folder is deleted.
//
//   npx tsx scripts/mint-token.ts --sub u1 --roles depositor --party P1
//   npx tsx scripts/mint-token.ts --sub clerk-7 --roles clerk,operator --ttl 28800
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createDevKeySet,
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  devKeySetFromPem,
  isRole,
  mintDevToken,
  privateKeyPemOf,
  ROLES,
  type DevKeySet,
  type JwtAlgorithm,
} from '@dw/platform';

// DW_DEV_AUTH_DIR moves the key elsewhere (the script's own test uses a temporary folder).
const DEV_AUTH_DIR = process.env.DW_DEV_AUTH_DIR ?? resolve(__dirname, '..', '.run', 'dev-auth');
const KEY_FILE = join(DEV_AUTH_DIR, 'signing-key.pem');
const JWKS_FILE = join(DEV_AUTH_DIR, 'jwks.json');

const usage = `usage: npx tsx scripts/mint-token.ts --sub <subject> --roles <role,...> [--party <partyId>] [--name <name>]
         [--ttl <seconds, default 3600>] [--aud <audience>] [--iss <issuer>] [--alg ES256|RS256 (new key only)]
roles: ${ROLES.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

function loadOrCreateKeySet(alg: JwtAlgorithm): DevKeySet {
  if (existsSync(KEY_FILE)) return devKeySetFromPem(readFileSync(KEY_FILE, 'utf8'));
  mkdirSync(DEV_AUTH_DIR, { recursive: true });
  const keySet = createDevKeySet(alg);
  writeFileSync(KEY_FILE, privateKeyPemOf(keySet), { mode: 0o600 });
  chmodSync(KEY_FILE, 0o600);
  process.stderr.write(`created a ${alg} dev signing key in ${KEY_FILE}\n`);
  return keySet;
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        roles: { type: 'string' },
        party: { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string', default: '3600' },
        aud: { type: 'string', default: DEFAULT_AUDIENCE },
        iss: { type: 'string', default: DEV_ISSUER },
        alg: { type: 'string', default: 'ES256' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.sub) fail('--sub is required');
  const roles = (values.roles ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '');
  if (roles.length === 0) fail('--roles is required');
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) fail(`unknown role(s): ${unknown.join(', ')}`);
  if (!/^[1-9]\d{0,7}$/.test(values.ttl)) fail('--ttl must be a positive number of seconds');
  if (values.alg !== 'ES256' && values.alg !== 'RS256') fail('--alg must be ES256 or RS256');

  const keySet = loadOrCreateKeySet(values.alg);
  writeFileSync(JWKS_FILE, `${JSON.stringify(keySet.jwks, null, 2)}\n`);
  const token = mintDevToken(keySet, {
    sub: values.sub,
    roles: roles.filter(isRole),
    partyId: values.party,
    name: values.name,
    audience: values.aud,
    issuer: values.iss,
    expiresInSeconds: Number(values.ttl),
  });
  process.stderr.write(`services accept it with AUTH_ISSUER=${values.iss} AUTH_AUDIENCE=${values.aud} AUTH_JWKS=${JWKS_FILE}\n`);
  process.stdout.write(`${token}\n`);
}

main();
