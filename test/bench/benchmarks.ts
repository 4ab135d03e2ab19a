import * as fs from 'fs';
import * as path from 'path';
import { accountBench } from './account';
import { hostBench } from './hostBench';
import { longOperationsBench } from './longOperations';
import { BenchResults, writeReport, results } from './report';
import { bigTenantBench, tenantWideBench } from './tenant';
import { LATENCY_MS, loadTree, treeLoadRows } from './treeLoad';
import { versusAzCliRows } from './versusAzCli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function main(): Promise<void> {
    if (process.env.BENCH_ONLY === 'account') {
        // The account's rows alone, into the last full run's results (BENCHMARKS.md says which run each figure is from).
        const file = path.join(ROOT, 'bench', 'results.json');
        const previous = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
        const account = await accountBench(ROUNDS);
        printAccount(account);
        writeReport(ROOT, { ...previous, account: { ...account, date: new Date().toISOString() } });
        return;
    }
    if (process.env.BENCH_ONLY === 'tree' || process.env.BENCH_ONLY === 'host') {
        // One part alone, printed and not written: BENCHMARKS.md holds figures of one whole run only.
        if (process.env.BENCH_ONLY === 'tree') {
            printTreeLoad(await treeLoadRows([1, 10, 50], ROUNDS));
        } else {
            console.log(JSON.stringify(await hostBench(Math.max(10, ROUNDS)), undefined, 2));
        }
        return;
    }
    const treeLoad = await treeLoadRows([1, 10, 50], ROUNDS);
    printTreeLoad(treeLoad);
    const versus = await versusAzCliRows([1, 10], ROUNDS, LATENCY_MS);
    versus.forEach((v) => console.log(`snapshots of ${v.subscriptions} subs: product ${v.product.medianMs} ms, az ${v.az.medianMs} ms`));
    const longOperations = await longOperationsBench(3);
    console.log(
        `long operation reported done after ${longOperations.reportedDone.medianS} s; 20 at once: ${longOperations.maxPollsPerSecondPerSubscription} polls/s at most`,
    );
    const bigTenant = await bigTenantBench(ROUNDS);
    console.log(
        `big tenant: ${bigTenant.clusters} clusters, ${bigTenant.snapshots} snapshots read in ${bigTenant.loadMs} ms, items ${bigTenant.buildItemsMs.medianMs} ms (before ${bigTenant.buildItemsBeforeMs.medianMs} ms)`,
    );
    const tenantWide = await tenantWideBench(ROUNDS, loadTree);
    console.log(
        `every pool of 50 subscriptions: ${tenantWide.everyPool.medianMs} ms, ${tenantWide.requests} requests; throttled load ${tenantWide.throttledLoad.throttled} × 429`,
    );
    const host = await hostBench(Math.max(10, ROUNDS));
    console.log(
        `extension host, ${host.starts} starts: activate() ${host.activate.medianMs} ms, loaded and activated ${host.loadAndActivate.medianMs} ms, first rows ${host.firstRows.medianMs} ms; ` +
            `big tenant: ${host.bigTenant.nodes} nodes in ${Math.round(host.bigTenant.expandMs)} ms, heap +${host.bigTenant.memoryGrowthMB} MB; roll-out of ${host.rollout.pools} pools under throttling: ${host.rollout.status}, ${host.rollout.throttled} × 429`,
    );
    const account = await accountBench(ROUNDS);
    printAccount(account);
    const bundle = path.join(ROOT, 'dist', 'extension.js');
    writeReport(ROOT, {
        ...results(treeLoad, versus, longOperations, fs.existsSync(bundle) ? fs.statSync(bundle).size : 0, bigTenant, tenantWide, host),
        account: { ...account, date: new Date().toISOString() },
    });
    console.log('Wrote bench/results.json, bench/tree-load.svg and BENCHMARKS.md.');
}

function printTreeLoad(rows: Awaited<ReturnType<typeof treeLoadRows>>): void {
    rows.forEach((r) =>
        console.log(
            `tree load ${r.subscriptions} subs ${r.warmToken ? 'warm' : 'cold'}: ${r.medianMs} ms (${r.minMs}–${r.maxMs}), bound ${r.boundMs} ms, ` +
                `${r.requests} requests (least ${r.minimumRequests}), ${r.zeroLatencyMs} ms at 0 latency`,
        ),
    );
}

function printAccount(account: Awaited<ReturnType<typeof accountBench>>): void {
    account.inFlight.forEach((r) =>
        console.log(
            `${r.subscriptions} subs at most ${r.maxRequestsInFlight} in flight: ${r.medianMs} ms (bound ${r.boundMs} ms), ${r.requests} requests, ` +
                `peak ${r.peakInFlight} in flight (emulator saw ${r.emulatorPeakInFlight})`,
        ),
    );
    console.log(
        `azureCli, ${account.azureCli.subscriptions} subs in ${account.azureCli.tenants} tenant(s): ${account.azureCli.azProcesses} az processes, ${account.azureCli.loadMs} ms`,
    );
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
});
