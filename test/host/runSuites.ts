import * as path from 'path';
import { GUEST_TENANT_ID } from '../emulator/seeds';
import { startEmulator } from '../emulator/server';
import { REPO_ROOT } from './codeServer';
import { runInExtensionHost } from './extensionHost';

/**
 * Runs the mocha suites of test/suite inside the extension host of a real VS Code (code-server), with the
 * extension under development signed in to a fresh emulator: the English suites in two hosts at once (the fault
 * matrix in one, every other suite in the other, each with an emulator of its own: most of their time is waiting on
 * Azure's pace, so two cores serve both), and the Japanese suites (*.ja.test.js) after the other suites, in a host
 * whose display language is Japanese. The exit code says whether all passed.
 */
async function main(): Promise<number> {
    const testsPath = path.join(REPO_ROOT, 'out', 'test', 'suite');
    const grep = process.env.AKS_TEST_GREP ?? '';
    /** One host's run on an emulator of its own. */
    const inHost = async (name: string, env: Record<string, string>, locale?: 'ja'): Promise<number> => {
        const emulator = await startEmulator({ seed: 'demo', operationPolls: 2, retryAfterSeconds: 1 });
        try {
            // Each share takes about six minutes on two cores: the limit is there to end a hang, not a slow machine.
            return await runInExtensionHost({
                testsPath,
                emulator,
                env: { AKS_TEST_GREP: grep, ...env },
                locale,
                onLine: (line) => console.log(`[${name}] ${line}`),
                timeoutMs: 15 * 60_000,
            });
        } finally {
            await emulator.close();
        }
    };
    const codes = await Promise.all([
        inHost('fault matrix', {
            AKS_TEST_MFA_TENANTS: GUEST_TENANT_ID,
            AKS_TEST_FILES: '^faultMatrix\\.',
            AKS_TEST_RESULT_NAME: 'host-matrix',
        }),
        // The other suites end sooner than the matrix: the Japanese ones follow them in that time.
        (async () => [
            await inHost('suites', {
                AKS_TEST_MFA_TENANTS: GUEST_TENANT_ID,
                AKS_TEST_FILES: '^(?!faultMatrix\\.)',
                AKS_TEST_RESULT_NAME: 'host',
            }),
            await inHost('in Japanese', { AKS_TEST_LANGUAGE: 'ja', AKS_TEST_RESULT_NAME: 'host-ja' }, 'ja'),
        ])(),
    ]);
    return Math.max(...codes.flat());
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    },
);
