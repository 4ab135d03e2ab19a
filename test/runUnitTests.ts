import { spawnSync } from 'child_process';
import * as path from 'path';
import { ensureCertificates } from './emulator/certificates';
import { defaultCertDir } from './emulator/server';

/**
 * Runs the plain-Node suites. Node reads NODE_EXTRA_CA_CERTS only at start, so the emulator's CA is made
 * first and mocha starts with it trusted.
 */
const { caFile } = ensureCertificates(defaultCertDir());
const mocha = require.resolve('mocha/bin/mocha.js');
const result = spawnSync(process.execPath, [mocha, '--timeout', '60000', '--recursive', path.join(__dirname, 'unit'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, REQUESTS_CA_BUNDLE: caFile },
});
process.exit(result.status ?? 1);
