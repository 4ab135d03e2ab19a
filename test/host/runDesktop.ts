import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { startEmulator } from '../emulator/server';
import { emulatorCloudSettings, emulatorEnvironment } from '../emulatorSession';
import { trustingEmulator } from '../emulator/certificates';
import { QUIET_SETTINGS, REPO_ROOT } from './codeServer';

/**
 * The same suites in desktop VS Code, on a machine that can download it (@vscode/test-electron fetches VS Code;
 * offline, use `npm run test:host`, which runs them in code-server).
 */
async function main(): Promise<number> {
    const emulator = await startEmulator({ seed: 'demo', operationPolls: 2, retryAfterSeconds: 1 });
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-desktop-'));
    try {
        fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
        fs.writeFileSync(
            path.join(userDataDir, 'User', 'settings.json'),
            JSON.stringify({
                ...QUIET_SETTINGS,
                ...emulatorCloudSettings(emulator),
                'aksSnapshots.authentication': 'environment',
            }),
        );
        return await runTests({
            extensionDevelopmentPath: REPO_ROOT,
            extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'suite'),
            launchArgs: [path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), '--user-data-dir', userDataDir, '--disable-extensions'],
            extensionTestsEnv: {
                ...emulatorEnvironment(emulator),
                ...trustingEmulator(emulator.caFile),
                AKS_EMULATOR_URL: emulator.armUrl,
                AKS_TEST_RESULT_NAME: 'desktop',
            },
        });
    } finally {
        await emulator.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
    }
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    },
);
