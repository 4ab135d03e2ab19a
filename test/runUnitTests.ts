import * as path from 'path';
import { runTrustingEmulator } from './emulator/trustedRun';

/** The plain-Node suites, in a process that trusts the emulator's CA. */
runTrustingEmulator(path.join(__dirname, 'unitMain.js'), process.argv.slice(2));
