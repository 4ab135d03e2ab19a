import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { writeResult } from './results';

/** A person's clicks in the real workbench (test/e2e), after `npm run package`. */
const dir = path.join(__dirname, 'e2e');
if (process.argv.includes('--update-screenshots')) {
    process.env.AKS_UPDATE_SCREENSHOTS = '1';
}
const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, reporter: 'spec', grep: process.env.AKS_TEST_GREP || undefined });
fs.readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort()
    .forEach((f) => mocha.addFile(path.join(dir, f)));
const runner = mocha.run((failures) => {
    writeResult('e2e', { passed: runner.stats?.passes ?? 0, failed: failures });
    process.exitCode = failures > 0 ? 1 : 0;
});
