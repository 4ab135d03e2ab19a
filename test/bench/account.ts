import { AksServices } from '../../src/azure/AksServices';
import { AzureAccount } from '../../src/azure/AzureAccount';
import { resolveCloud } from '../../src/azure/clouds';
import { DEFAULT_REQUESTS_IN_FLIGHT, requestsInFlight, setRequestsInFlight } from '../../src/azure/requestPolicies';
import { emulatorCloudSettings, emulatorEnvironment } from '../emulatorSession';
import { countAzRuns, signInAzureCli } from '../unit/cli/azureCliSession';
import { startEmulatorProcess } from './emulatorProcess';
import { measured, Measured } from './stats';
import { LATENCY_MS } from './treeLoad';

export interface InFlightRow extends Measured {
    readonly subscriptions: number;
    /** The bound on requests in flight (`aksSnapshots.maxRequestsInFlight`). */
    readonly maxRequestsInFlight: number;
    readonly requests: number;
    /** The most requests the product had in flight at once, and the most the emulator held at once. */
    readonly peakInFlight: number;
    readonly emulatorPeakInFlight: number;
    /**
     * Round trips the load cannot avoid with that bound: the subscription list's pages, then every subscription's
     * requests spread over the places in flight (each list's pages follow one another), times the latency.
     */
    readonly boundMs: number;
}

export interface AzureCliRow {
    readonly subscriptions: number;
    readonly tenants: number;
    /** `az account get-access-token` processes the product started to list and read every subscription. */
    readonly azProcesses: number;
    readonly loadMs: number;
}

export interface AccountBenchResult {
    readonly inFlight: readonly InFlightRow[];
    readonly azureCli: AzureCliRow;
}

const emulatorCloud = (info: Parameters<typeof emulatorCloudSettings>[0]) => {
    const settings = emulatorCloudSettings(info);
    return resolveCloud(settings['microsoft-sovereign-cloud.environment'], settings['microsoft-sovereign-cloud.customEnvironment']);
};

/**
 * Every subscription's clusters and snapshots (the tree's reads) with the bound on requests in flight at 500
 * subscriptions, and at 50 for the bounds the default was chosen among. 1 cluster of 1 pool and 1 snapshot each:
 * each list is two requests (a page, then ARM's empty last page).
 */
async function inFlightRows(rounds: number): Promise<InFlightRow[]> {
    const rows: InFlightRow[] = [];
    for (const subscriptions of [50, 500]) {
        const emulator = await startEmulatorProcess(`scale-${subscriptions}x1x1x1`, { latencyMs: LATENCY_MS, pageSize: 100 });
        try {
            const limits = subscriptions === 500 ? [DEFAULT_REQUESTS_IN_FLIGHT] : [16, 32, 64, 128];
            for (const limit of limits) {
                // As the extension does when the setting is read (at activation and on a change).
                setRequestsInFlight(limit);
                const account = new AzureAccount(
                    () => ({ mode: 'environment', cloud: emulatorCloud(emulator), selectedSubscriptions: [] }),
                    emulatorEnvironment(emulator),
                );
                const times: number[] = [];
                let peak = 0;
                let emulatorPeak = 0;
                let requests = 0;
                for (let round = 0; round <= rounds; round++) {
                    const services = new AksServices(account);
                    // Warm: the token is held (round 0 takes it and is not counted).
                    await emulator.clearRequests();
                    requestsInFlight(true);
                    await emulator.peakInFlight(true);
                    const t = performance.now();
                    await services.fromEverySubscription(async (s) => [await Promise.all([s.listClusters(), s.listSnapshots()])]);
                    if (round > 0) {
                        times.push(performance.now() - t);
                        peak = Math.max(peak, requestsInFlight().peak);
                        emulatorPeak = Math.max(emulatorPeak, await emulator.peakInFlight());
                        requests = await emulator.requestCount();
                    }
                }
                const listPages = Math.ceil(subscriptions / 100) + 1;
                const boundMs = (listPages + Math.ceil((requests - listPages) / limit)) * LATENCY_MS;
                rows.push({
                    subscriptions,
                    maxRequestsInFlight: limit,
                    requests,
                    peakInFlight: peak,
                    emulatorPeakInFlight: emulatorPeak,
                    boundMs,
                    ...measured(times),
                });
            }
        } finally {
            setRequestsInFlight(undefined);
            await emulator.close();
        }
    }
    return rows;
}

/** 60 subscriptions in one tenant in the `azureCli` sign-in: how many `az` processes the product starts to read them all. */
async function azureCliRow(): Promise<AzureCliRow> {
    const emulator = await startEmulatorProcess('scale-60x1x1x1', { latencyMs: LATENCY_MS, pageSize: 100 });
    const cli = await signInAzureCli(emulator);
    const azRuns = countAzRuns(cli);
    try {
        const services = new AksServices(
            new AzureAccount(() => ({ mode: 'azureCli', cloud: emulatorCloud(emulator), selectedSubscriptions: [] })),
        );
        const t = performance.now();
        const { items, failures } = await services.fromEverySubscription(async (s) => [
            ...(await s.listClusters()),
            ...(await s.listSnapshots()),
        ]);
        const loadMs = Math.round(performance.now() - t);
        if (failures.length > 0 || items.length !== 120) {
            throw new Error(`The azureCli load read ${items.length} items with ${failures.length} failures.`);
        }
        const azProcesses = azRuns.tokenRuns();
        const tenants = new Set((await services.listSessions()).map((s) => s.subscription.tenantId)).size;
        return { subscriptions: 60, tenants, azProcesses, loadMs };
    } finally {
        azRuns.restore();
        cli.close();
        await emulator.close();
    }
}

export async function accountBench(rounds: number): Promise<AccountBenchResult> {
    return { inFlight: await inFlightRows(rounds), azureCli: await azureCliRow() };
}
