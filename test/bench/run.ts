import * as path from 'path';
import { runTrustingEmulator } from '../emulator/trustedRun';

/** `npm run bench`: the benchmarks, in a process that trusts the emulator's CA. */
runTrustingEmulator(path.join(__dirname, 'benchmarks.js'));
