import { gatewayEnvironment } from './environment.ts';
import { mintToken, TokenRefused } from './auth/tokens.ts';

// `npm run token -- --unit ha-tinh` or `npm run token -- --central`: prints a bearer token signed
// with the gateway's AUTH_SECRET, for GraphiQL's headers: {"Authorization": "Bearer <token>"}.
const env = gatewayEnvironment();
const args = process.argv.slice(2);
const unitAt = args.indexOf('--unit');
const unitCode = unitAt >= 0 ? args[unitAt + 1] : undefined;
const central = args.includes('--central');
if (central === (unitCode !== undefined)) {
  process.stderr.write('usage: npm run token -- --unit <unit-code> | --central\n');
  process.exit(2);
}
try {
  const token = await mintToken(
    env.AUTH_SECRET,
    unitCode === undefined
      ? { subject: 'central-board', central: true }
      : { subject: `staff@${unitCode}`, unitCode },
    env.TOKEN_MAX_LIFETIME,
    env.TOKEN_MAX_LIFETIME,
  );
  process.stdout.write(`${token}\n`);
} catch (error) {
  if (!(error instanceof TokenRefused)) throw error;
  process.stderr.write(`no token: ${error.message}\n(${error.messageVi})\n`);
  process.exit(1);
}
