import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { writeResult } from './results';

/**
 * The plain-Node suites (started by runUnitTests with the emulator's CA trusted). `--fast` (`npm run test:fast`)
 * leaves out the suites that drive the real Azure CLI and tries fewer generated cases, for a loop under a minute.
 */
const fast = process.argv.includes('--fast');
if (fast) {
    // Read by the property tests that drive the emulator, which then try fewer cases.
    process.env.AKS_TEST_FAST = '1';
}

function files(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => {
            const full = path.join(dir, entry.name);
            return entry.isDirectory() ? files(full) : entry.name.endsWith('.test.js') ? [full] : [];
        })
        .sort();
}

const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, reporter: 'spec', grep: process.env.AKS_TEST_GREP || undefined });
files(path.join(__dirname, 'unit'))
    .filter((file) => !fast || !file.includes(`${path.sep}cli${path.sep}`))
    .forEach((file) => mocha.addFile(file));
const runner = mocha.run((failures) => {
    writeResult(fast ? 'unit-fast' : 'unit', { passed: runner.stats?.passes ?? 0, failed: failures });
    process.exitCode = failures > 0 ? 1 : 0;
});
