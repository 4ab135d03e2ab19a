import { ContainerServiceClient } from '@azure/arm-containerservice';
import { AksServices } from '../../src/azure/AksServices';
import { armScope } from '../../src/azure/clouds';
import { startEmulator } from '../emulator/server';
import { emulatorAccount } from '../emulatorSession';

/**
 * How long the whole tree takes to load against a distant region (the emulator adds latency to every ARM
 * answer), the product's way against the obvious one, measured side by side:
 * - product: per subscription, clusters (pools inline) and snapshots in parallel, subscriptions in parallel;
 * - one by one: subscriptions in turn, clusters, then each cluster's pools, then snapshots.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);

async function main(): Promise<void> {
    const emulator = await startEmulator({ seed: 'demo', latencyMs: LATENCY_MS });
    try {
        const product = async (): Promise<number> => {
            const services = new AksServices(emulatorAccount(emulator));
            const { items } = await services.fromEverySubscription(async (s) => {
                const [clusters, snapshots] = await Promise.all([s.listClusters(), s.listSnapshots()]);
                return [clusters.reduce((n, c) => n + 1 + c.nodePools.length, 0) + snapshots.length];
            });
            return items.reduce((a, b) => a + b, 0);
        };
        const oneByOne = async (): Promise<number> => {
            const sessions = await emulatorAccount(emulator).listSubscriptions();
            let count = 0;
            for (const session of sessions) {
                const client = new ContainerServiceClient(session.credential, session.subscription.subscriptionId, {
                    endpoint: session.cloud.resourceManagerEndpointUrl, credentials: { scopes: [armScope(session.cloud)] },
                });
                for await (const cluster of client.managedClusters.list()) {
                    count++;
                    const group = /resourcegroups\/([^/]+)/i.exec(cluster.id ?? '')![1];
                    for await (const pool of client.agentPools.list(group, cluster.name ?? '')) {
                        count += pool ? 1 : 0;
                    }
                }
                for await (const snapshot of client.snapshots.list()) {
                    count += snapshot ? 1 : 0;
                }
            }
            return count;
        };
        const expected = await product();
        if ((await oneByOne()) !== expected) {
            throw new Error('The two ways loaded different trees.');
        }
        const times: Record<string, number[]> = { product: [], oneByOne: [] };
        // Alternate the two, so that both see the same machine.
        for (let round = 0; round < ROUNDS; round++) {
            for (const [name, run] of [['product', product], ['oneByOne', oneByOne]] as const) {
                const start = performance.now();
                await run();
                times[name].push(performance.now() - start);
            }
        }
        const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        const [p, o] = [median(times.product), median(times.oneByOne)];
        console.log(`Tree load, ${expected} nodes, ${LATENCY_MS} ms per ARM answer, median of ${ROUNDS} rounds:`);
        console.log(`  product (parallel, pools inline)   ${p.toFixed(0)} ms`);
        console.log(`  one by one (pools listed apart)    ${o.toFixed(0)} ms`);
        console.log(`  ratio                              ${(o / p).toFixed(2)}× faster`);
    } finally {
        await emulator.close();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
