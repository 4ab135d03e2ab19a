import * as path from 'path';
import { GUEST_TENANT_ID } from '../emulator/seeds';
import { startEmulator } from '../emulator/server';
import { REPO_ROOT } from './codeServer';
import { runInExtensionHost } from './extensionHost';

/**
 * Runs the mocha suites of test/suite inside the extension host of a real VS Code (code-server), with the
 * extension under development signed in to a fresh emulator: once in English, then the Japanese suites
 * (*.ja.test.js) once more with Japanese as VS Code's display language. The exit code says whether both passed.
 */
async function main(): Promise<number> {
    const emulator = await startEmulator({ seed: 'demo', operationPolls: 2, retryAfterSeconds: 1 });
    try {
        const testsPath = path.join(REPO_ROOT, 'out', 'test', 'suite');
        const grep = process.env.AKS_TEST_GREP ?? '';
        // The English suites take about ten minutes on two cores: the limit is there to end a hang, not a slow machine.
        const english = await runInExtensionHost({
            testsPath,
            emulator,
            env: { AKS_TEST_GREP: grep, AKS_TEST_MFA_TENANTS: GUEST_TENANT_ID },
            timeoutMs: 15 * 60_000,
        });
        emulator.reset();
        console.log('\nOnce more, in Japanese:');
        const japanese = await runInExtensionHost({
            testsPath,
            emulator,
            env: { AKS_TEST_GREP: grep, AKS_TEST_LANGUAGE: 'ja', AKS_TEST_RESULT_NAME: 'host-ja' },
            locale: 'ja',
        });
        return english || japanese;
    } finally {
        await emulator.close();
    }
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    },
);
