import { spawnSync } from 'child_process';
import * as path from 'path';
import { ensureCertificates } from './emulator/certificates';
import { defaultCertDir } from './emulator/server';

/**
 * Runs the plain-Node suites. Node reads NODE_EXTRA_CA_CERTS only at start, so the emulator's CA is made
 * first and the suites start in a process that trusts it.
 */
const { caFile } = ensureCertificates(defaultCertDir());
const result = spawnSync(process.execPath, [path.join(__dirname, 'unitMain.js')], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
});
process.exit(result.status ?? 1);
