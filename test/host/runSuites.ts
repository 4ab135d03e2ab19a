import * as path from 'path';
import { GUEST_TENANT_ID } from '../emulator/seeds';
import { startEmulator } from '../emulator/server';
import { REPO_ROOT } from './codeServer';
import { runInExtensionHost } from './extensionHost';

/**
 * Runs the mocha suites of test/suite inside the extension host of a real VS Code (code-server), with the
 * extension under development signed in to a fresh emulator: the English suites in two hosts at once (the fault
 * matrix in one, every other suite in the other, each with an emulator of its own: most of their time is waiting on
 * Azure's pace, so two cores serve both), then the Japanese suites (*.ja.test.js) once more with Japanese as VS
 * Code's display language. The exit code says whether all passed.
 */
async function main(): Promise<number> {
    const testsPath = path.join(REPO_ROOT, 'out', 'test', 'suite');
    const grep = process.env.AKS_TEST_GREP ?? '';
    const shares = [
        { name: 'fault matrix', files: '^faultMatrix\\.', result: 'host-matrix' },
        { name: 'suites', files: '^(?!faultMatrix\\.)', result: 'host' },
    ];
    const codes = await Promise.all(
        shares.map(async (share) => {
            const emulator = await startEmulator({ seed: 'demo', operationPolls: 2, retryAfterSeconds: 1 });
            try {
                // Each share takes about five minutes on two cores: the limit is there to end a hang, not a slow machine.
                return await runInExtensionHost({
                    testsPath,
                    emulator,
                    env: {
                        AKS_TEST_GREP: grep,
                        AKS_TEST_MFA_TENANTS: GUEST_TENANT_ID,
                        AKS_TEST_FILES: share.files,
                        AKS_TEST_RESULT_NAME: share.result,
                    },
                    onLine: (line) => console.log(`[${share.name}] ${line}`),
                    timeoutMs: 15 * 60_000,
                });
            } finally {
                await emulator.close();
            }
        }),
    );
    console.log('\nOnce more, in Japanese:');
    const emulator = await startEmulator({ seed: 'demo', operationPolls: 2, retryAfterSeconds: 1 });
    try {
        const japanese = await runInExtensionHost({
            testsPath,
            emulator,
            env: { AKS_TEST_GREP: grep, AKS_TEST_LANGUAGE: 'ja', AKS_TEST_RESULT_NAME: 'host-ja' },
            locale: 'ja',
        });
        return Math.max(...codes, japanese);
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
