import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AzureAccount } from '../../src/azure/AzureAccount';
import { resolveCloud } from '../../src/azure/clouds';
import { F5_DIR, prepareF5 } from '../host/f5';
import { REPO_ROOT } from '../host/codeServer';

/** `.vscode/launch.json` with its comments taken out, as VS Code reads it. */
const readJsonc = (file: string): Record<string, unknown> =>
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;

describe('F5 (.vscode/launch.json)', () => {
    it('opens the Extension Development Host with settings and an environment that sign in to the emulator', async () => {
        const launch = readJsonc('.vscode/launch.json') as {
            configurations: { name: string; args?: string[]; envFile?: string; preLaunchTask?: string }[];
        };
        const run = launch.configurations.find((c) => c.name === 'Run Extension (emulator)');
        assert.ok(run, 'a "Run Extension (emulator)" configuration');
        const local = (p: string): string => p.replace('${workspaceFolder}', REPO_ROOT);
        assert.strictEqual(local(run.envFile ?? ''), path.join(F5_DIR, 'env'));
        assert.ok(
            run.args?.map(local).includes(`--user-data-dir=${path.join(F5_DIR, 'user-data')}`),
            "its own user data, where the emulator's settings are",
        );
        assert.ok(run.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'));
        const tasks = readJsonc('.vscode/tasks.json') as {
            tasks: { label: string; command: string; problemMatcher?: { background?: { endsPattern: string } } }[];
        };
        const start = tasks.tasks.find((t) => t.label === run.preLaunchTask);
        assert.ok(start?.command.includes('node out/test/host/f5.js'), 'the launch starts the emulator first');

        const emulator = await prepareF5();
        try {
            assert.match(
                `F5 emulator ready at ${emulator.armUrl}`,
                new RegExp(start?.problemMatcher?.background?.endsPattern ?? '$^'),
                'the launch waits for the line the emulator prints',
            );
            // What the window's extension host gets: the user settings written, the environment file's variables.
            const settings = JSON.parse(fs.readFileSync(path.join(F5_DIR, 'user-data', 'User', 'settings.json'), 'utf8')) as Record<
                string,
                unknown
            >;
            const env = Object.fromEntries(
                fs
                    .readFileSync(path.join(F5_DIR, 'env'), 'utf8')
                    .trim()
                    .split('\n')
                    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
            );
            assert.strictEqual(settings['aksSnapshots.authentication'], 'environment');
            assert.ok(fs.existsSync(env.NODE_EXTRA_CA_CERTS), "the emulator's CA is trusted");
            assert.strictEqual(settings['http.systemCertificates'], false, "VS Code's fetch trusts Node's store, which has the CA");
            const cloud = resolveCloud(
                settings['microsoft-sovereign-cloud.environment'] as string,
                settings['microsoft-sovereign-cloud.customEnvironment'],
            );
            const account = new AzureAccount(() => ({ mode: 'environment', cloud, selectedSubscriptions: [] }), env);
            const subscriptions = await account.listSubscriptions();
            assert.ok(subscriptions.length > 0, "signed in: the demo's subscriptions are listed");
        } finally {
            await emulator.close();
        }
    });
});
