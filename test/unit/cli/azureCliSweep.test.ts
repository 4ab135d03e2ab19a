import * as assert from 'assert';
import { resolveSeed } from '../../emulator/seeds';
import { startEmulator } from '../../emulator/server';
import { signInAzureCli } from './azureCliSession';

/**
 * The real Azure CLI reads every resource of every seed without an error: proof that the emulator serves the
 * shapes real AKS returns. Prints each command with the number of resources it read. Every seed runs with eTags
 * as Azure documents them; the demo seed also with eTags on everything (snapshots then carry an ETag header). The
 * hundreds of commands run in Azure CLI processes kept running (`azKeptRunning`), the CLI's modules loaded once.
 */
const SWEEPS: readonly { seed: string; etags: 'documented' | 'all' }[] = [
    ...['demo', 'empty', 'fleet', 'rollout', 'scale'].map((seed) => ({ seed, etags: 'documented' as const })),
    { seed: 'demo', etags: 'all' },
];

describe('The Azure CLI reads every resource of every seed', function () {
    this.timeout(600_000);

    for (const { seed: seedName, etags } of SWEEPS) {
        it(`seed "${seedName}" (etags: ${etags})`, async () => {
            const seed = resolveSeed(seedName);
            const emulator = await startEmulator({ seed: seedName, operationPolls: 1, etags });
            const cli = await signInAzureCli(emulator);
            const counts = new Map<string, number>();
            const read = async (command: string, ...args: string[]): Promise<unknown> => {
                const result = await cli.azKeptRunning(...command.split(' '), ...args).catch((error: Error & { stderr?: string }) => {
                    throw new Error(`az ${command} ${args.join(' ')} failed: ${error.stderr ?? error.message}`);
                });
                counts.set(command, (counts.get(command) ?? 0) + (Array.isArray(result) ? result.length : 1));
                return result;
            };
            try {
                for (const { subscriptionId } of seed.subscriptions) {
                    const sub = ['--subscription', subscriptionId];
                    const clusters = (await read('aks list', ...sub)) as { name: string; resourceGroup: string; location: string }[];
                    assert.deepStrictEqual(
                        clusters.map((c) => c.name).sort(),
                        seed.clusters
                            .filter((c) => c.subscriptionId === subscriptionId)
                            .map((c) => c.name)
                            .sort(),
                    );
                    await inTurns(clusters, 3, async (cluster) => {
                        const where = ['-g', cluster.resourceGroup, ...sub];
                        const shown = (await read('aks show', '-n', cluster.name, ...where)) as { agentPoolProfiles: unknown[] };
                        assert.ok(shown.agentPoolProfiles.length > 0);
                        const pools = (await read('aks nodepool list', '--cluster-name', cluster.name, ...where)) as { name: string }[];
                        for (const pool of pools) {
                            await read('aks nodepool show', '--cluster-name', cluster.name, '-n', pool.name, ...where);
                            await read('aks nodepool get-upgrades', '--cluster-name', cluster.name, '--nodepool-name', pool.name, ...where);
                        }
                        // `az aks maintenanceconfiguration` is newer than Debian's Azure CLI (2.45): its `az rest` reads the same list.
                        const configs = (await read(
                            'rest',
                            '--method',
                            'get',
                            '--url',
                            `/subscriptions/${subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}/maintenanceConfigurations?api-version=2026-04-01`,
                        )) as { value: { name: string }[] };
                        const seeded =
                            seed.clusters.find((c) => c.name === cluster.name && c.subscriptionId === subscriptionId)
                                ?.maintenanceConfigurations ?? {};
                        assert.deepStrictEqual(configs.value.map((c) => c.name).sort(), Object.keys(seeded).sort());
                    });
                    const snapshots = (await read('aks nodepool snapshot list', ...sub)) as { name: string; resourceGroup: string }[];
                    assert.strictEqual(snapshots.length, seed.snapshots.filter((s) => s.subscriptionId === subscriptionId).length);
                    await inTurns(snapshots, 3, (s) => read('aks nodepool snapshot show', '-g', s.resourceGroup, '-n', s.name, ...sub));
                    const regions = [...new Set([...clusters.map((c) => c.location), 'eastus'])];
                    await inTurns(regions, 3, async (region) => {
                        await read('aks get-versions', '-l', region, ...sub);
                        const sizes = (await read('vm list-skus', '-l', region, ...sub)) as unknown[];
                        assert.ok(sizes.length > 10);
                    });
                }
                assert.strictEqual(
                    counts.get('aks nodepool show') ?? 0,
                    seed.clusters.reduce((n, c) => n + c.pools.length, 0),
                );
                console.log(`      ${seedName} (etags: ${etags}): ${[...counts].map(([command, n]) => `az ${command} → ${n}`).join('; ')}`);
            } finally {
                cli.close();
                await emulator.close();
            }
        });
    }
});

/** Runs `work` over `items`, at most `width` at a time. */
async function inTurns<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
    let next = 0;
    await Promise.all(
        Array.from({ length: Math.min(width, items.length) }, async () => {
            while (next < items.length) {
                await work(items[next++]);
            }
        }),
    );
}
