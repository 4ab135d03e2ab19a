import * as fs from 'fs';
import * as path from 'path';
import { hostBench } from './hostBench';
import { longOperationsBench } from './longOperations';
import { writeReport, results } from './report';
import { bigTenantBench, tenantWideBench } from './tenant';
import { LATENCY_MS, loadTree, treeLoadRows } from './treeLoad';
import { versusAzCliRows } from './versusAzCli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function main(): Promise<void> {
    const treeLoad = await treeLoadRows([1, 10, 50], ROUNDS);
    treeLoad.forEach((r) => console.log(`tree load ${r.subscriptions} subs ${r.warmToken ? 'warm' : 'cold'}: ${r.medianMs} ms (${r.minMs}–${r.maxMs}), bound ${r.boundMs} ms, ${r.requests} requests (least ${r.minimumRequests})`));
    const versus = await versusAzCliRows([1, 10], ROUNDS, LATENCY_MS);
    versus.forEach((v) => console.log(`snapshots of ${v.subscriptions} subs: product ${v.product.medianMs} ms, az ${v.az.medianMs} ms`));
    const longOperations = await longOperationsBench(3);
    console.log(`long operation reported done after ${longOperations.reportedDone.medianS} s; 20 at once: ${longOperations.maxPollsPerSecondPerSubscription} polls/s at most`);
    const bigTenant = await bigTenantBench(ROUNDS);
    console.log(`big tenant: ${bigTenant.clusters} clusters, ${bigTenant.snapshots} snapshots read in ${bigTenant.loadMs} ms, items ${bigTenant.buildItemsMs.medianMs} ms (before ${bigTenant.buildItemsBeforeMs.medianMs} ms)`);
    const tenantWide = await tenantWideBench(ROUNDS, loadTree);
    console.log(`every pool of 50 subscriptions: ${tenantWide.everyPool.medianMs} ms, ${tenantWide.requests} requests; throttled load ${tenantWide.throttledLoad.throttled} × 429`);
    const host = await hostBench(Math.max(10, ROUNDS));
    console.log(`extension host, ${host.starts} starts: activate() ${host.activate.medianMs} ms, loaded and activated ${host.loadAndActivate.medianMs} ms, first rows ${host.firstRows.medianMs} ms; ` +
        `big tenant: ${host.bigTenant.nodes} nodes in ${Math.round(host.bigTenant.expandMs)} ms, heap +${host.bigTenant.memoryGrowthMB} MB; roll-out of ${host.rollout.pools} pools under throttling: ${host.rollout.status}, ${host.rollout.throttled} × 429`);
    const bundle = path.join(ROOT, 'dist', 'extension.js');
    writeReport(ROOT, results(treeLoad, versus, longOperations, fs.existsSync(bundle) ? fs.statSync(bundle).size : 0, bigTenant, tenantWide, host));
    console.log('Wrote bench/results.json, bench/tree-load.svg and BENCHMARKS.md.');
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
});
