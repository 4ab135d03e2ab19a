import * as fs from 'fs';
import * as path from 'path';
import { startEmulator } from '../emulator/server';
import { emulatorCloudSettings, emulatorEnvironment } from '../emulatorSession';
import { trustingEmulator } from '../emulator/certificates';
import { REPO_ROOT, startCodeServer } from './codeServer';

/**
 * `npm start`: the emulator with the demo seed, and a real VS Code (code-server) with the packaged extension
 * installed and signed in to it. Prints the URL to open; Ctrl+C stops everything.
 */
async function main(): Promise<void> {
    const vsix = path.join(REPO_ROOT, 'aks-nodepool-snapshots.vsix');
    if (!fs.existsSync(vsix)) {
        throw new Error(`${vsix} is missing: run "npm run package" first (npm start does).`);
    }
    const seed = process.argv.includes('--empty') ? 'empty' : 'demo';
    // A little latency and a few polls per long operation, so that progress is visible; as in Azure, an operation
    // also ends on its own (here after 20 s), so that one whose progress was cancelled shows its end on a refresh.
    const emulator = await startEmulator({ seed, latencyMs: 120, operationPolls: 3, operationSeconds: 20, retryAfterSeconds: 1 });
    const server = await startCodeServer({
        port: process.env.PORT ? Number(process.env.PORT) : undefined,
        installVsix: vsix,
        env: { ...emulatorEnvironment(emulator), ...trustingEmulator(emulator.caFile) },
        userSettings: { ...emulatorCloudSettings(emulator), 'aksSnapshots.authentication': 'environment' },
    }).catch(async (error: unknown) => {
        await emulator.close();
        throw error;
    });
    let stopping = false;
    const stop = (): void => {
        if (stopping) {
            return;
        }
        stopping = true;
        console.log('\nStopping…');
        void Promise.allSettled([server.stop(), emulator.close()]).then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const folder = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
    console.log(`AKS Node Pool Snapshots demo (${seed} seed)`);
    console.log(`  emulator  ${emulator.armUrl}`);
    console.log(`  VS Code   ${server.url}/?folder=${encodeURIComponent(folder)}`);
    console.log('Open the VS Code URL in a browser and choose the "AKS Snapshots" view in the activity bar. Ctrl+C stops everything.');
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
