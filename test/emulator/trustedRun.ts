import { spawnSync } from 'child_process';
import { ensureCertificates, trustingEmulator } from './certificates';
import { defaultCertDir } from './server';

/**
 * Runs a script in a Node process that trusts the emulator's CA, and exits with its code. Node reads
 * NODE_EXTRA_CA_CERTS only at start, so the CA is made first.
 */
export function runTrustingEmulator(script: string, args: readonly string[] = []): never {
    const { caFile } = ensureCertificates(defaultCertDir());
    const result = spawnSync(process.execPath, [script, ...args], {
        stdio: 'inherit',
        env: { ...process.env, ...trustingEmulator(caFile) },
    });
    process.exit(result.status ?? 1);
}
