import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AksServices } from '../../../src/azure/AksServices';
import { AzureAccount } from '../../../src/azure/AzureAccount';
import { resolveCloud } from '../../../src/azure/clouds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorCloudSettings } from '../../emulatorSession';
import { AzureCliSession, signInAzureCli } from './azureCliSession';

/**
 * The `azureCli` sign-in starts the real Azure CLI for its tokens: one `az account get-access-token` per tenant
 * and scope, kept until its expiry is near, however many subscriptions and requests ask at once. Every `az` the
 * product starts goes through a shim on PATH that writes its arguments down before running the real one.
 */
describe('The azureCli sign-in asks the Azure CLI once per tenant and scope', function () {
    this.timeout(180_000);
    let emulator: RunningEmulator;
    let cli: AzureCliSession;
    let shim: string;
    const saved = { ...process.env };

    before(async () => {
        emulator = await startEmulator({ seed: 'scale-6x2x2x1' });
        cli = await signInAzureCli(emulator);
        shim = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-az-shim-'));
        const realAz = (process.env.PATH ?? '')
            .split(':')
            .map((d) => path.join(d, 'az'))
            .find((f) => fs.existsSync(f))!;
        fs.writeFileSync(path.join(shim, 'az'), `#!/bin/sh\necho "$*" >> "${path.join(shim, 'calls.log')}"\nexec "${realAz}" "$@"\n`, {
            mode: 0o755,
        });
        Object.assign(process.env, cli.env, { PATH: `${shim}:${process.env.PATH ?? ''}` });
    });

    after(async () => {
        for (const key of Object.keys(process.env)) {
            if (!(key in saved)) {
                delete process.env[key];
            }
        }
        Object.assign(process.env, saved);
        cli?.close();
        fs.rmSync(shim, { recursive: true, force: true });
        await emulator?.close();
    });

    const tokenCalls = (): string[] =>
        (fs.existsSync(path.join(shim, 'calls.log')) ? fs.readFileSync(path.join(shim, 'calls.log'), 'utf8') : '')
            .split('\n')
            .filter((line) => line.includes('get-access-token'));

    it('lists 6 subscriptions and reads every one of them at once with one az process', async () => {
        const settings = emulatorCloudSettings(emulator);
        const cloud = resolveCloud(
            settings['microsoft-sovereign-cloud.environment'],
            settings['microsoft-sovereign-cloud.customEnvironment'],
        );
        const services = new AksServices(new AzureAccount(() => ({ mode: 'azureCli', cloud, selectedSubscriptions: [] })));
        const { items, failures } = await services.fromEverySubscription(async (s) => [
            ...(await s.listClusters()),
            ...(await s.listSnapshots()),
        ]);
        assert.deepStrictEqual(failures, []);
        assert.strictEqual(items.length, 6 * (2 + 1));
        assert.strictEqual(tokenCalls().length, 1, tokenCalls().join('\n'));
        // Again, all at once: the token is kept.
        await services.fromEverySubscription((s) => s.listClusters());
        assert.strictEqual(tokenCalls().length, 1);
        // A new window (a full refresh forgets tokens) takes one new token, still one for every subscription.
        services.reset();
        await services.fromEverySubscription((s) => s.listClusters());
        assert.strictEqual(tokenCalls().length, 2, tokenCalls().join('\n'));
    });
});
