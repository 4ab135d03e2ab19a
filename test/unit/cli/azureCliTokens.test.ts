import * as assert from 'assert';
import { AksServices } from '../../../src/azure/AksServices';
import { AzureAccount } from '../../../src/azure/AzureAccount';
import { resolveCloud } from '../../../src/azure/clouds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorCloudSettings } from '../../emulatorSession';
import { AzureCliSession, countAzRuns, signInAzureCli } from './azureCliSession';

/**
 * The `azureCli` sign-in starts the real Azure CLI for its tokens: one `az account get-access-token` per tenant
 * and scope, kept until its expiry is near, however many subscriptions and requests ask at once. Every `az` the
 * product starts goes through a shim on PATH that writes its arguments down before running the real one.
 */
describe('The azureCli sign-in asks the Azure CLI once per tenant and scope', function () {
    this.timeout(180_000);
    let emulator: RunningEmulator;
    let cli: AzureCliSession;
    let azRuns: ReturnType<typeof countAzRuns>;

    before(async () => {
        emulator = await startEmulator({ seed: 'scale-6x2x2x1' });
        cli = await signInAzureCli(emulator);
        azRuns = countAzRuns(cli);
    });

    after(async () => {
        azRuns?.restore();
        cli?.close();
        await emulator?.close();
    });

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
        assert.strictEqual(azRuns.tokenRuns(), 1);
        // Again, all at once: the token is kept.
        await services.fromEverySubscription((s) => s.listClusters());
        assert.strictEqual(azRuns.tokenRuns(), 1);
        // A new window (a full refresh forgets tokens) takes one new token, still one for every subscription.
        services.reset();
        await services.fromEverySubscription((s) => s.listClusters());
        assert.strictEqual(azRuns.tokenRuns(), 2);
    });
});
