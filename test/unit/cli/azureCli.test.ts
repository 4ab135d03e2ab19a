import * as assert from 'assert';
import { AksService } from '../../../src/azure/AksService';
import { nodePoolId, snapshotId } from '../../../src/model/armId';
import { PLATFORM_SUBSCRIPTION } from '../../emulator/seeds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorSessions } from '../../emulatorSession';
import { AzureCliSession, signInAzureCli } from './azureCliSession';

/**
 * The real Azure CLI (Debian's azure-cli) against the emulator: an independent client proving the emulator
 * speaks real ARM, and that what the CLI does agrees with what the extension's service reads. It runs under both
 * eTag modes: as Azure's REST spec documents them (no ETag on snapshots, no condition on their writes) and on
 * everything, so that neither mode refuses what a real client sends.
 */
for (const etags of ['documented', 'all'] as const) {
    describe(`The Azure CLI against the emulator (etags: ${etags})`, function () {
        this.timeout(180_000);
        let emulator: RunningEmulator;
        let service: AksService;
        let cli: AzureCliSession;
        const az = (...args: string[]): Promise<unknown> => cli.az(...args);

        before(async () => {
            emulator = await startEmulator({ seed: 'demo', operationPolls: 1, retryAfterSeconds: 1, etags });
            cli = await signInAzureCli(emulator);
            const accounts = (await az('account', 'list')) as { id: string }[];
            assert.deepStrictEqual(
                accounts.map((a) => a.id).sort(),
                (await emulatorSessions(emulator)).map((s) => s.subscription.subscriptionId).sort(),
            );
            await az('account', 'set', '--subscription', PLATFORM_SUBSCRIPTION);
            service = await AksService.create((await emulatorSessions(emulator))[0]);
        });

        after(async () => {
            cli?.close();
            await emulator?.close();
        });

        it('lists and shows the snapshots the extension reads', async () => {
            const listed = (await az('aks', 'nodepool', 'snapshot', 'list')) as { id: string; name: string }[];
            assert.deepStrictEqual(listed.map((s) => s.name).sort(), (await service.listSnapshots()).map((s) => s.name).sort());
            const shown = (await az('aks', 'nodepool', 'snapshot', 'show', '-g', 'rg-snapshots', '-n', 'snap-system-2611')) as Record<
                string,
                unknown
            >;
            const read = await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
            assert.deepStrictEqual(
                [shown.id, shown.kubernetesVersion, shown.nodeImageVersion, shown.osType, shown.osSku, shown.vmSize, shown.location],
                [read.id, read.kubernetesVersion, read.nodeImageVersion, read.osType, read.osSku, read.vmSize, read.location],
            );
        });

        it('creates a snapshot from a pool, which the extension then reads', async () => {
            const source = nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu');
            const created = (await az(
                'aks',
                'nodepool',
                'snapshot',
                'create',
                '-g',
                'rg-snapshots',
                '-n',
                'cli-gpu',
                '--nodepool-id',
                source,
            )) as Record<string, unknown>;
            const read = await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'cli-gpu'));
            assert.strictEqual(created.id, read.id);
            assert.deepStrictEqual(
                [read.kubernetesVersion, read.nodeImageVersion, read.vmSize, read.location, read.sourceResourceId],
                ['1.33.5', 'AKSUbuntu-2204gen2containerd-202610.20.0', 'Standard_NC6s_v3', 'eastus', source],
            );
        });

        it('adds a pool from a snapshot, linked to it and on its image', async () => {
            const snapshot = snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'cli-gpu');
            await az(
                'aks',
                'nodepool',
                'add',
                '-g',
                'rg-platform-eastus',
                '--cluster-name',
                'aks-prod-eastus',
                '-n',
                'cligpu',
                '--snapshot-id',
                snapshot,
                '--node-count',
                '1',
            );
            const pool = await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'cligpu'));
            assert.deepStrictEqual(
                [pool.provisioningState, pool.snapshotId, pool.nodeImageVersion, pool.vmSize, pool.kubernetesVersion],
                ['Succeeded', snapshot, 'AKSUbuntu-2204gen2containerd-202610.20.0', 'Standard_NC6s_v3', '1.33.5'],
            );
        });

        it('deletes a snapshot, which the extension then no longer finds', async () => {
            await az('aks', 'nodepool', 'snapshot', 'delete', '-g', 'rg-snapshots', '-n', 'cli-gpu', '--yes');
            await assert.rejects(
                service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'cli-gpu')),
                (e: Error & { statusCode?: number }) => e.statusCode === 404,
            );
        });
    });
}
