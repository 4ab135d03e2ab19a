import { AksServices } from '../../src/azure/AksServices';
import type { AzureSession } from '../../src/azure/AzureAccount';
import { listSubscriptionsWith } from '../../src/azure/armLists';
import { DEFAULT_REQUESTS_IN_FLIGHT } from '../../src/azure/requestPolicies';
import type { EmulatorInfo } from '../emulator/server';
import { emulatorAccount } from '../emulatorSession';
import { startEmulatorProcess } from './emulatorProcess';
import { Measured, measured, sideBySide } from './stats';

export interface TreeLoadRow extends Measured {
    readonly subscriptions: number;
    readonly clusters: number;
    readonly pools: number;
    readonly snapshots: number;
    readonly latencyMs: number;
    readonly warmToken: boolean;
    /** Round trips the load cannot avoid (in a row, and with at most `maxRequestsInFlight` at once), times the latency. */
    readonly boundMs: number;
    readonly maxRequestsInFlight: number;
    readonly requests: number;
    readonly minimumRequests: number;
    /** The same load with no latency at all: the processing floor of client and emulator on this machine. */
    readonly zeroLatencyMs: number;
}

export const LATENCY_MS = 50;
const PAGE_SIZE = 100;

/**
 * Pages of a list of `items` under the emulator's paging: ARM follows every non-empty page with a `nextLink`, so a list ends on an empty
 * page.
 */
const pages = (items: number): number => (items === 0 ? 1 : Math.ceil(items / PAGE_SIZE) + 1);

/**
 * The whole tree (every subscription's clusters with their pools inline, snapshots and fleets) the product's way: the
 * subscription list, then each subscription's lists. Cold: a new sign-in first; warm: the token
 * is already held, as on every load after the first.
 */
export async function treeLoadRows(subscriptionCounts: readonly number[], rounds: number): Promise<TreeLoadRow[]> {
    const rows: TreeLoadRow[] = [];
    for (const s of subscriptionCounts) {
        const emulator = await startEmulatorProcess(`scale-${s}x20x5x20`, { latencyMs: LATENCY_MS, pageSize: PAGE_SIZE });
        try {
            const cold = async (): Promise<number> => loadTree(new AksServices(emulatorAccount(emulator)));
            const held = await emulatorAccount(emulator).listSubscriptions();
            const warm = async (): Promise<number> => loadTree(await warmServices(emulator, held));
            const nodes = await cold();
            await emulator.clearRequests();
            await warm();
            const warmRequests = await emulator.requestCount();
            await emulator.clearRequests();
            await cold();
            const coldRequests = await emulator.requestCount();
            const times = await sideBySide(rounds, { warm, cold });
            await emulator.knobs({ latencyMs: 0 });
            const floor = await sideBySide(rounds, { warm, cold });
            await emulator.knobs({ latencyMs: LATENCY_MS });
            // The subscription list, then each subscription's clusters, snapshots and (none) fleets.
            const minimum = pages(s) + s * (pages(20) + pages(20) + pages(0));
            // After the subscription list: the longest list's pages one after another, or every request spread over
            // the places the bound on requests in flight gives, one latency each, whichever is longer.
            const chain = pages(s) + Math.max(pages(20), Math.ceil((minimum - pages(s)) / DEFAULT_REQUESTS_IN_FLIGHT));
            for (const warmToken of [true, false]) {
                rows.push({
                    subscriptions: s,
                    clusters: s * 20,
                    pools: s * 100,
                    snapshots: s * 20,
                    latencyMs: LATENCY_MS,
                    warmToken,
                    ...measured(times[warmToken ? 'warm' : 'cold']),
                    boundMs: LATENCY_MS * (chain + (warmToken ? 0 : 1)),
                    maxRequestsInFlight: DEFAULT_REQUESTS_IN_FLIGHT,
                    requests: warmToken ? warmRequests : coldRequests,
                    minimumRequests: minimum,
                    zeroLatencyMs: measured(floor[warmToken ? 'warm' : 'cold']).medianMs,
                });
            }
            if (nodes !== s * (20 + 100 + 20)) {
                throw new Error(`The tree of ${s} subscriptions has ${nodes} nodes.`);
            }
        } finally {
            await emulator.close();
        }
    }
    return rows;
}

/**
 * Every subscription's clusters (pools inline), snapshots and fleets, subscriptions in parallel: what the expanded view
 * reads, the fleets asked once the first clusters are in, as the tree asks them.
 */
export async function loadTree(services: AksServices): Promise<number> {
    const { items, failures } = await services.fromEverySubscription(async (service) => {
        let clustersBegun = (): void => undefined;
        const fleets = new Promise<void>((resolve) => (clustersBegun = resolve)).then(() => service.listFleets());
        const clusters = service.listClusters(clustersBegun).finally(clustersBegun);
        const [read, snapshots, fleetsRead] = await Promise.all([clusters, service.listSnapshots(), fleets]);
        return [read.reduce((n, c) => n + 1 + c.nodePools.length, 0) + snapshots.length + fleetsRead.length];
    });
    if (failures.length) {
        throw new Error(`${failures.length} subscriptions failed to load.`);
    }
    return items.reduce((a, b) => a + b, 0);
}

/**
 * The product's services over sessions whose credential already holds its token: the subscription list is read again, the sign-in is not.
 */
async function warmServices(emulator: EmulatorInfo, held: AzureSession[]): Promise<AksServices> {
    const { credential, cloud } = held[0];
    const listed = new Set((await listSubscriptionsWith(credential, cloud)).map((s) => s.subscriptionId));
    return new AksServices(
        emulatorAccount(emulator),
        held.filter((s) => listed.has(s.subscription.subscriptionId)),
    );
}
