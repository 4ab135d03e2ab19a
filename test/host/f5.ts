import * as fs from 'fs';
import * as path from 'path';
import { startEmulator } from '../emulator/server';
import { emulatorCloudSettings, emulatorEnvironment } from '../emulatorSession';
import { trustingEmulator } from '../emulator/certificates';
import { REPO_ROOT } from './codeServer';

/** Where F5's window keeps its own user settings and finds its environment (`.vscode/launch.json`). */
export const F5_DIR = path.join(REPO_ROOT, '.vscode-test', 'f5');

/**
 * The emulator behind F5 (**Run Extension (emulator)** in `.vscode/launch.json`): the demo seed, as `npm start`
 * serves it, and a user-data folder and environment file for the Extension Development Host, so that its window
 * opens signed in to the emulator (the `environment` sign-in, the emulator as a custom cloud, its CA trusted).
 * Prints a line the launch's task waits for, then serves until the debug session's task is stopped.
 */
export async function prepareF5(seed = 'demo'): Promise<{ close(): Promise<void>; armUrl: string }> {
    const emulator = await startEmulator({ seed, latencyMs: 120, operationPolls: 3, operationSeconds: 20, retryAfterSeconds: 1 });
    const user = path.join(F5_DIR, 'user-data', 'User');
    fs.mkdirSync(user, { recursive: true });
    const settings = {
        ...emulatorCloudSettings(emulator),
        'aksSnapshots.authentication': 'environment',
        'workbench.startupEditor': 'none',
        // VS Code's `fetch` (the tree's reads) trusts the system's store and not NODE_EXTRA_CA_CERTS while it adds the
        // system's certificates; on macOS and Windows that store is no file the window can be pointed at, so F5's
        // window leaves it to Node's own trust, which takes the emulator's CA.
        'http.systemCertificates': false,
    };
    fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(settings, undefined, 2));
    const environment = { ...emulatorEnvironment(emulator), ...trustingEmulator(emulator.caFile) };
    fs.writeFileSync(
        path.join(F5_DIR, 'env'),
        Object.entries(environment)
            .map(([name, value]) => `${name}=${value ?? ''}`)
            .join('\n') + '\n',
    );
    return { close: () => emulator.close(), armUrl: emulator.armUrl };
}

if (require.main === module) {
    prepareF5().then(
        (emulator) => {
            console.log(`F5 emulator ready at ${emulator.armUrl}`);
            const stop = (): void => void emulator.close().then(() => process.exit(0));
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
        },
        (error: unknown) => {
            console.error(error instanceof Error ? error.message : error);
            process.exit(1);
        },
    );
}
