import * as fs from 'fs';
import * as path from 'path';

/** Where each test run leaves its counts, so that `npm test` can print one closing line for all of them. */
export const RESULTS_DIR = path.resolve(__dirname, '..', '..', '.test-output', 'results');

export interface RunResult {
    readonly passed: number;
    readonly failed: number;
}

export function writeResult(name: string, result: RunResult): void {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(result));
}

/** `node out/test/results.js --reset` before a run; `node out/test/results.js unit host` after it. */
if (require.main === module) {
    const args = process.argv.slice(2);
    if (args[0] === '--reset') {
        fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
        // The exchanges the REST spec judges are this run's only.
        fs.rmSync(path.join(RESULTS_DIR, '..', 'conformance'), { recursive: true, force: true });
    } else {
        let passed = 0;
        let failed = 0;
        for (const name of args) {
            const file = path.join(RESULTS_DIR, `${name}.json`);
            if (!fs.existsSync(file)) {
                console.error(`The "${name}" tests left no result: they did not run to the end.`);
                failed++;
                continue;
            }
            const result = JSON.parse(fs.readFileSync(file, 'utf8')) as RunResult;
            passed += result.passed;
            failed += result.failed;
        }
        console.log(`tests: ${passed} passed, ${failed} failed`);
        process.exit(failed > 0 || passed === 0 ? 1 : 0);
    }
}
