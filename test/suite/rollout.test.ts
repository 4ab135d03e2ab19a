import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { clusterId, nodePoolId, snapshotId } from '../../src/model/armId';
import type { RolloutState } from '../../src/model/rollout';
import type { RecordedRequest } from '../emulator/server';
import { FLEET_EAST_SUBSCRIPTION, FLEET_WEST_SUBSCRIPTION } from '../emulator/seeds';
import { ESC, Meanwhile, PickMany, RejectedInput, TestUserInput } from './TestUserInput';
import { emulator, logText, runCommand, TestApi, withFreshSeed } from './testApi';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SNAPSHOT = snapshotId(FLEET_EAST_SUBSCRIPTION, 'rg-roll-snapshots', 'snap-roll-2611');
const poolId = (cluster: string, pool: string): string =>
    cluster === 'aks-roll-c'
        ? nodePoolId(FLEET_WEST_SUBSCRIPTION, 'rg-roll-west', cluster, pool)
        : nodePoolId(FLEET_EAST_SUBSCRIPTION, 'rg-roll', cluster, pool);
const IMAGE_ONLY = [
    'aks-roll-a/a1',
    'aks-roll-a/a2',
    'aks-roll-a/a3',
    'aks-roll-a/a4',
    'aks-roll-b/b3',
    'aks-roll-c/c1',
    'aks-roll-c/c2',
    'aks-roll-c/c3',
];
const KUBERNETES = ['aks-roll-a/a5', 'aks-roll-b/b1', 'aks-roll-b/b2'];

/** Every pool that can take the snapshot (the others are shown with a mark and their reason). */
// Every pool that can take the snapshot: not those already on it ($(check)), not the row that shows the others ($(eye)).
const everyUsable = new PickMany((i) => !i.label.startsWith('$('));
/** Settings: canary 1, then waves of `size`, `concurrency` at once, failure budget `budget`. */
const settings = (size: number, concurrency = 3, budget = 1): string[] => [
    'Change Settings…',
    'Wave size',
    String(size),
    'Upgrades at once',
    String(concurrency),
    'Failure budget',
    String(budget),
    'Done',
];

/** Which pool a write went to, as `cluster/pool`. */
const writtenPool = (r: RecordedRequest): string => {
    const match = /managedClusters\/([^/]+)\/agentPools\/([^/?]+)/.exec(r.url);
    return match ? `${match[1]}/${match[2]}` : r.url;
};

/** The most operations the emulator saw running at once, and the most status polls in any second of one subscription. */
async function observed(): Promise<{ inFlight: number; pollsPerSecond: number }> {
    const operations = await emulator.operations();
    const edges = operations
        .flatMap(
            (o) =>
                [
                    [Date.parse(o.startTime), 1],
                    [o.endTime ? Date.parse(o.endTime) : Date.now(), -1],
                ] as [number, number][],
        )
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let running = 0;
    let inFlight = 0;
    for (const [, step] of edges) {
        running += step;
        inFlight = Math.max(inFlight, running);
    }
    const polls = (await emulator.requests()).filter((r) => r.route?.startsWith('operations.'));
    let pollsPerSecond = 0;
    for (const subscription of new Set(polls.map((p) => p.url.split('/')[2]))) {
        const times = polls
            .filter((p) => p.url.split('/')[2] === subscription)
            .map((p) => p.time)
            .sort((a, b) => a - b);
        times.forEach((t, i) => (pollsPerSecond = Math.max(pollsPerSecond, times.slice(i).filter((u) => u < t + 1000).length)));
    }
    return { inFlight, pollsPerSecond };
}

/**
 * One roll-out's timeline from the emulator's records, second by second: operations in flight, status polls per subscription, pools
 * started.
 */
async function writeTimeline(state: RolloutState): Promise<void> {
    const operations = await emulator.operations();
    const polls = (await emulator.requests()).filter((r) => r.route?.startsWith('operations.'));
    const start = Math.min(...operations.map((o) => Date.parse(o.startTime)));
    const end = Math.max(...operations.map((o) => (o.endTime ? Date.parse(o.endTime) : Date.now())));
    const started = state.plan.waves.flatMap((wave, w) =>
        wave.map((p) => ({
            wave: w + 1,
            name: `${p.clusterName}/${p.poolName}`,
            at: Date.parse(state.outcomes[p.poolId]?.startedAt ?? ''),
        })),
    );
    const lines = ['| second | wave | operations in flight | status polls (east · west) | started |', '|---|---|---|---|---|'];
    for (let t = start; t <= end; t += 1000) {
        const inFlight = operations.filter(
            (o) => Date.parse(o.startTime) < t + 1000 && (o.endTime ? Date.parse(o.endTime) : Date.now()) >= t,
        ).length;
        const inSecond = polls.filter((p) => p.time >= t && p.time < t + 1000);
        const bySubscription = [FLEET_EAST_SUBSCRIPTION, FLEET_WEST_SUBSCRIPTION]
            .map((s) => inSecond.filter((p) => p.url.includes(s)).length)
            .join(' · ');
        const now = started.filter((p) => p.at >= t && p.at < t + 1000);
        const wave = now[0]?.wave ?? started.filter((p) => p.at < t).pop()?.wave ?? 1;
        lines.push(
            `| ${Math.round((t - start) / 1000)} | ${wave} | ${inFlight} | ${bySubscription} | ${now.map((p) => p.name).join(', ')} |`,
        );
    }
    const text = `Roll-out of snap-roll-2611 to 11 pools (canary 1, then 10; 3 at once; Retry-After 1 s, 2 polls per operation):\n${lines.join('\n')}\n`;
    fs.mkdirSync(path.join(REPO_ROOT, '.test-output'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, '.test-output', 'rollout-timeline.md'), text);
    console.log(
        text
            .split('\n')
            .map((line) => `[suite] ${line}`)
            .join('\n'),
    );
}

describe('Roll Out Snapshot: canary, waves, bounded concurrency, a failure budget, resumable', function () {
    this.timeout(180_000);
    const getApi = withFreshSeed('rollout');
    let api: TestApi;
    beforeEach(() => (api = getApi()));

    after(() => emulator.knobs({ throttling: false, throttleBurstScale: 1, throttleRateScale: 1 }));

    it('counts in words a person reads: "1 node pool in 1 wave"', async () => {
        const cancelled = /Roll out snapshot "snap-roll-2611": cancelled; nothing was sent\./g;
        const before = (await logText(api.logUri)).match(cancelled)?.length ?? 0;
        const ui = new TestUserInput([new PickMany((i) => i.label === 'a1'), ESC]);
        assert.strictEqual(await runCommand('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT)), undefined);
        assert.strictEqual(ui.ofKind('message')[0].text, 'Roll out snapshot "snap-roll-2611" to 1 node pool in 1 wave?');
        assert.deepStrictEqual(await emulator.writes(), []);
        // Esc at the plan after choosing pools: the person is told nothing was sent.
        assert.strictEqual((await logText(api.logUri)).match(cancelled)?.length ?? 0, before + 1);
    });

    it("a limit of the product's own is called the product's, in the setting's own words", async () => {
        const ui = new TestUserInput([new PickMany((i) => i.label === 'a1'), 'Change Settings…', 'Upgrades at once', '6']);
        await assert.rejects(
            runCommand('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT)),
            (e: unknown) =>
                e instanceof RejectedInput &&
                e.message.endsWith('refused: Upgrades at once "6" is invalid: it takes 1–5 (the product\'s limit).'),
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it("offers every pool with what would happen, takes the right path for each, skips the others with their reason, within the concurrency and AKS's poll limit", async () => {
        // First the list as it opens: ticking the row that shows the pools that cannot take it (and one pool) shows them, keeping the tick.
        const showAll = new PickMany((i) => i.label.startsWith('$(eye)') || i.label === 'a1');
        // Between the waves, the tree already shows the canary on the snapshot (each pool is shown as it ends).
        let canaryRow = '';
        const canaryShown = new Meanwhile(async () => {
            for (let i = 0; i < 50 && !/◆ snap-roll-2611$/.test(canaryRow); i++) {
                canaryRow = String((await api.tree.getTreeItem((await api.tree.findElement(poolId('aks-roll-a', 'a1')))!)).description);
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
        }, 'Start Next Wave');
        const ui = new TestUserInput([showAll, everyUsable, ...settings(10), 'Start Roll-out', canaryShown]);
        const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        const [first, pick] = ui.ofKind('quickPick');
        const labels = first.items!.map((i) => i.label);
        assert.ok(
            labels.indexOf('$(check) golden') > labels.indexOf('c3') && labels.at(-1) === '$(eye) Show 3 that cannot take it',
            labels.join(', '),
        );
        assert.ok(!labels.some((l) => l.startsWith('$(circle-slash)')), 'the pools that cannot take it wait behind one row');
        assert.ok(pick.picked?.includes('a1'), 'what was ticked stays ticked');
        const described = (label: string): string =>
            pick.items!.find((i) => [label, `$(circle-slash) ${label}`, `$(check) ${label}`].includes(i.label))?.description ?? '(none)';
        // The cluster and subscription are in each row, so typing either finds the pool.
        assert.match(
            described('a1'),
            /^aks-roll-a · Contoso Fleet East · node image only: AKSUbuntu-2204gen2containerd-202610\.20\.0 → AKSUbuntu-2204gen2containerd-202611\.03\.0$/,
        );
        assert.match(described('a5'), /^aks-roll-a · Contoso Fleet East · Kubernetes and node image: 1\.32\.9 → 1\.33\.5$/);
        assert.match(described('golden'), /· already on it$/);
        assert.match(described('win'), /· Snapshot "snap-roll-2611" is Linux and the pool is Windows/);
        assert.match(described('arm'), /CPU architecture/);
        assert.match(described('busy'), /Scaling/);
        assert.strictEqual(
            ui.ofKind('message')[0].text,
            'Roll out snapshot "snap-roll-2611" to 11 node pools in 3 waves?',
            'the count before the settings change',
        );

        assert.strictEqual(state.status, 'done');
        assert.deepStrictEqual(
            state.plan.waves.map((w) => w.length),
            [1, 10],
            'a canary of one, then the rest',
        );
        assert.strictEqual(state.plan.waves[0][0].poolName, 'a1');
        // Each pool's end is in the log, with the az line that does the same.
        const log = await logText(api.logUri);
        assert.match(
            log,
            /Roll-out of "snap-roll-2611": node pool "a1" of "aks-roll-a" succeeded\. Azure CLI equivalent: az aks nodepool upgrade .*--name a1 .*--node-image-only/,
        );
        assert.match(
            log,
            /node pool "a5" of "aks-roll-a" succeeded\. Azure CLI equivalent: az aks nodepool upgrade [^\n]*--name a5 --snapshot-id [^ \n]+ --yes/,
        );
        assert.match(canaryRow, /◆ snap-roll-2611$/, `the canary's row between the waves: ${canaryRow}`);
        const writes = (await emulator.writes()).filter((w) => /agentPools/.test(w.url));
        assert.deepStrictEqual(
            writes
                .filter((w) => w.method === 'POST')
                .map(writtenPool)
                .sort(),
            IMAGE_ONLY,
        );
        assert.deepStrictEqual(
            writes
                .filter((w) => w.method === 'PUT')
                .map(writtenPool)
                .sort(),
            KUBERNETES,
        );
        assert.ok(
            writes.every((w) => w.headers['if-match']),
            'every upgrade goes only to the pool as read (If-Match)',
        );
        assert.deepStrictEqual(
            Object.values(state.outcomes).map((o) => o.status),
            Array(11).fill('succeeded'),
        );
        assert.deepStrictEqual(state.plan.skipped.map((p) => `${p.clusterName}/${p.poolName}`).sort(), [
            'aks-roll-a/golden',
            'aks-roll-a/win',
            'aks-roll-b/arm',
            'aks-roll-c/busy',
        ]);
        const { inFlight, pollsPerSecond } = await observed();
        assert.ok(inFlight <= 3, `at most 3 operations at once, saw ${inFlight}`);
        assert.ok(inFlight >= 2, `operations ran side by side, saw ${inFlight}`);
        assert.ok(pollsPerSecond <= 2, `at most 2 status polls a second per subscription, saw ${pollsPerSecond}`);
        console.log(
            `[suite]       (roll-out of 11 pools: at most ${inFlight} operations in flight, at most ${pollsPerSecond} polls a second per subscription)`,
        );
        await writeTimeline(state);

        const [between] = ui.ofKind('message').filter((m) => /Wave 1 of 2 is over/.test(m.text));
        assert.match(between.text, /1 done, 0 failed, 0 skipped\. Start wave 2\?/);
        // Plain text in the dialog (the Markdown stays in the plan document): each pool's versions and when it ran.
        assert.doesNotMatch(between.detail!, /^#|^- /m, between.detail);
        assert.match(
            between.detail!,
            /\nDone \(1\):\n {2}aks-roll-\w+\/\w+: (Kubernetes 1\.32\.9 → 1\.33\.5, )?AKSUbuntu-2204gen2containerd-202610\.20\.0 → AKSUbuntu-2204gen2containerd-202611\.03\.0, \d\d:\d\d:\d\d UTC – \d\d:\d\d:\d\d UTC\n/,
            between.detail,
        );
        assert.match(between.detail!, /\nNot started \(10\):\n/);
        const tree = await api.tree.getTreeItem((await api.tree.findElement(poolId('aks-roll-c', 'c3')))!);
        assert.match(String(tree.description), /◆ snap-roll-2611$/, 'the tree shows the pools on the snapshot');
    });

    it("stops at the failure budget with an honest summary: Azure's code and message, what never started", async () => {
        await emulator.addFault({
            method: 'POST',
            pathContains: '/agentPools/a2/upgradeNodeImageVersion',
            action: 'failOperation',
            error: { code: 'NodeDrainFailed', message: 'Pod disruption budget blocked draining node aks-a2-0.' },
        });
        const ui = new TestUserInput([everyUsable, ...settings(10, 1), 'Start Roll-out', 'Start Next Wave']);
        const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        assert.strictEqual(state.status, 'stopped');
        const a2 = Object.entries(state.outcomes).find(([id]) => id.toLowerCase() === poolId('aks-roll-a', 'a2').toLowerCase())![1];
        assert.deepStrictEqual([a2.status, a2.code], ['failed', 'NodeDrainFailed']);
        assert.match(a2.message!, /Pod disruption budget blocked draining/);
        const statuses = Object.values(state.outcomes).map((o) => o.status);
        assert.strictEqual(statuses.filter((s) => s === 'failed').length, 1);
        assert.ok(statuses.includes('pending'), 'nothing new starts after the budget is spent');
        assert.strictEqual(
            statuses.filter((s) => s === 'succeeded').length,
            (await emulator.writes()).filter((w) => /agentPools/.test(w.url)).length - 1,
            'every write but the failed one succeeded',
        );
    });

    it("with AKS's throttling on, slows down but completes, with no error", async () => {
        // AKS's buckets, scaled down, and for certain a throttled upgrade and throttled reads of two pools.
        await emulator.knobs({ throttling: true, throttleBurstScale: 0.1, throttleRateScale: 4 });
        const slowDown = {
            status: 429,
            body: { code: 'Throttled', message: 'Request is being throttled.' },
            headers: { 'retry-after': '1' },
            times: 2,
        };
        await emulator.addFault({ method: 'POST', pathContains: '/agentPools/a3/upgradeNodeImageVersion', ...slowDown });
        await emulator.addFault({ method: 'GET', pathContains: '/agentPools/c2', ...slowDown });
        const ui = new TestUserInput([everyUsable, ...settings(10), 'Start Roll-out', 'Start Next Wave']);
        const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        const throttled = (await emulator.requests()).filter((r) => r.status === 429).length;
        await emulator.clearFaults();
        await emulator.knobs({ throttling: false, throttleBurstScale: 1, throttleRateScale: 1 });
        assert.deepStrictEqual([state.status, Object.values(state.outcomes).filter((o) => o.status !== 'succeeded')], ['done', []]);
        assert.ok(throttled >= 4, `AKS throttled the roll-out (${throttled} answers 429)`);
        console.log(`[suite]       (throttled roll-out: ${throttled} answers were 429 and the roll-out completed)`);
    });

    it('cancel mid-wave: nothing new starts, and the summary names what still runs in Azure', async () => {
        const stop = new vscode.CancellationTokenSource();
        const ui = new TestUserInput([
            everyUsable,
            ...settings(10),
            'Start Roll-out',
            new Meanwhile(async () => {
                // The second wave's upgrades take 30 polls each: cancel a few seconds into it, while the first ones run.
                await emulator.knobs({ operationPolls: 30 });
                setTimeout(() => stop.cancel(), 4000);
            }, 'Start Next Wave'),
            ESC,
        ]);
        const pending = runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT), {
            cancelWaiting: stop.token,
        });
        const state = await pending;
        await emulator.knobs({ operationPolls: 2 });
        assert.strictEqual(state.status, 'canceled');
        const statuses = Object.values(state.outcomes).map((o) => o.status);
        assert.ok(statuses.includes('stillRunning'), `some upgrades still run in Azure: ${statuses.join(', ')}`);
        assert.ok(statuses.includes('pending'), 'the rest never started');
        const started = (await emulator.writes()).filter((w) => /agentPools/.test(w.url)).length;
        assert.strictEqual(started, statuses.filter((s) => s !== 'pending').length, 'what never started was never sent');
        // Asked whether to abort what still runs, listing it; Esc left it running.
        const offer = ui.ofKind('message').at(-1)!;
        assert.match(offer.text, /is cancelled, and \d+ of its upgrades still run in Azure\. Abort them\?/);
        assert.strictEqual(
            offer.detail!.split('\n').filter((l) => l.startsWith('node pool')).length,
            statuses.filter((s) => s === 'stillRunning').length,
        );
        assert.deepStrictEqual(
            (await emulator.writes()).filter((w) => /\/abort\?/.test(w.url)),
            [],
        );
    });

    it('cancel mid-wave, then Abort Upgrades: one abort per upgrade still running; each ends Canceled in Azure and counts as failed, to retry', async () => {
        const stop = new vscode.CancellationTokenSource();
        const ui = new TestUserInput([
            everyUsable,
            ...settings(10),
            'Start Roll-out',
            new Meanwhile(async () => {
                await emulator.knobs({ operationPolls: 1000 });
                setTimeout(() => stop.cancel(), 4000);
            }, 'Start Next Wave'),
            new Meanwhile(() => emulator.knobs({ operationPolls: 2 }), 'Abort Upgrades'),
        ]);
        const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT), {
            cancelWaiting: stop.token,
        });
        const aborted = Object.entries(state.outcomes).filter(([, o]) => o.code === 'OperationCanceled');
        assert.ok(aborted.length > 0, `some upgrades were aborted: ${JSON.stringify(state.outcomes)}`);
        assert.ok(aborted.every(([, o]) => o.status === 'failed' && /aborted at your request/.test(o.message ?? '')));
        const aborts = (await emulator.writes()).filter((w) => /\/abort\?/.test(w.url));
        assert.deepStrictEqual(
            aborts.map((w) => w.url.split('?')[0].split('/').slice(-2, -1)[0]).sort(),
            aborted.map(([id]) => id.split('/').pop()!).sort(),
            'one abort per pool, sent once',
        );
        const resources = await emulator.resources();
        for (const [id] of aborted) {
            assert.strictEqual(resources.find((r) => r.id === id.toLowerCase())?.state, 'Canceled');
        }
    });

    /**
     * Starts a roll-out and leaves the window while the person looks at the canary's result, as if it closed before the
     * canary's answer came: what was persisted then, with the canary recorded running, is all a restart finds.
     */
    async function leaveDuringCanary(): Promise<{ kept: RolloutState; canary: string }> {
        let kept: RolloutState | undefined;
        const ui = new TestUserInput([
            everyUsable,
            ...settings(10),
            'Start Roll-out',
            new Meanwhile(async () => {
                kept = api.rollouts.unfinished().find((s) => s.plan.snapshot.id === SNAPSHOT);
            }, ESC),
        ]);
        await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        assert.ok(kept, 'the roll-out was persisted as it ran');
        const canary = kept.plan.waves[0][0].poolId;
        await api.rollouts.save({ ...kept, status: 'running', outcomes: { ...kept.outcomes, [canary]: { status: 'running' } } });
        return { kept, canary };
    }

    it('two windows never run one roll-out: Resume of one another window runs asks first; Esc leaves it there, Take Over runs it here', async () => {
        const { kept } = await leaveDuringCanary();
        const elsewhere = { window: 'another-window', renewedAt: new Date().toISOString() };
        await api.rollouts.save({ ...api.rollouts.find(kept.plan.id)!, owner: elsewhere });
        const sent = (await emulator.writes()).length;
        const ui = new TestUserInput([ESC]);
        assert.strictEqual(await runCommand('aksSnapshots.resumeRollout', ui, kept.plan.id), undefined);
        assert.strictEqual(
            ui.ofKind('message')[0].text,
            'Another VS Code window is running the roll-out of snapshot "snap-roll-2611". Take it over?',
        );
        assert.strictEqual((await emulator.writes()).length, sent, 'nothing sent');
        assert.deepStrictEqual(api.rollouts.find(kept.plan.id)?.owner, elsewhere, 'the other window keeps it');

        const resumed = await runCommand<RolloutState>(
            'aksSnapshots.resumeRollout',
            new TestUserInput(['Take Over', 'Start Next Wave']),
            kept.plan.id,
        );
        assert.strictEqual(resumed.status, 'done');
        assert.strictEqual(api.rollouts.find(kept.plan.id)?.owner, undefined, 'the lease goes once it is over here');
    });

    it('a window whose roll-out another window takes over stops running it: nothing more is sent, nothing is aborted, nothing of it is written', async () => {
        let taken: RolloutState | undefined;
        const takeOver = new Meanwhile(async () => {
            const running = api.rollouts.unfinished().find((s) => s.plan.snapshot.id === SNAPSHOT)!;
            taken = { ...running, owner: { window: 'another-window', renewedAt: new Date().toISOString() } };
            await api.rollouts.save(taken);
        }, 'Start Next Wave');
        await runCommand<RolloutState>(
            'aksSnapshots.rollOutSnapshot',
            new TestUserInput([everyUsable, ...settings(10), 'Start Roll-out', takeOver]),
            await api.tree.findElement(SNAPSHOT),
        );
        const writes = (await emulator.writes()).filter((w) => /agentPools/.test(w.url));
        assert.deepStrictEqual(writes.map(writtenPool), [`aks-roll-a/a1`], "the canary only: the next wave is the other window's");
        assert.deepStrictEqual(api.rollouts.find(taken!.plan.id), taken, 'the stored roll-out is as the other window wrote it');
        assert.match(
            await logText(api.logUri),
            /The roll-out of snapshot "snap-roll-2611" was taken over by another VS Code window: this window stopped running it\./,
        );
        // The other window is a pretence: its roll-out ends here, so that the next test finds only its own.
        await api.rollouts.save({ ...taken!, status: 'canceled', owner: undefined });
    });

    it('survives a reload: the unfinished roll-out is kept, and resuming reads each pool first, so none is upgraded twice', async () => {
        // Azure finished the canary meanwhile.
        const { kept, canary } = await leaveDuringCanary();
        assert.strictEqual(api.rollouts.unfinished().filter((s) => s.plan.id === kept.plan.id).length, 1, 'a restart finds it unfinished');

        const resumed = await runCommand<RolloutState>('aksSnapshots.resumeRollout', new TestUserInput(['Start Next Wave']), kept.plan.id);
        assert.strictEqual(resumed.status, 'done');
        assert.match(resumed.outcomes[canary].message ?? '', /found on the snapshot when the roll-out resumed/);
        const writes = (await emulator.writes())
            .filter((w) => /agentPools/.test(w.url))
            .map(writtenPool)
            .sort();
        assert.deepStrictEqual(writes, [...IMAGE_ONLY, ...KUBERNETES].sort(), 'each pool was upgraded exactly once');
        assert.deepStrictEqual(
            api.rollouts.unfinished().filter((s) => s.plan.id === kept.plan.id),
            [],
        );
    });

    it('a cluster stopped after the plan is skipped, not failed: its pools are read again before sending and nothing reaches them', async () => {
        const stopped = poolId('aks-roll-b', 'b1').replace(/\/agentPools\/b1$/, '');
        const ui = new TestUserInput([
            everyUsable,
            ...settings(10),
            new Meanwhile(() => emulator.setPowerState(stopped, 'Stopped'), 'Start Roll-out'),
            'Start Next Wave',
        ]);
        const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        const ofB = Object.entries(state.outcomes)
            .filter(([id]) => /aks-roll-b/i.test(id))
            .map(([, o]) => [o.status, o.code]);
        assert.ok(ofB.length > 0 && ofB.every(([status, code]) => status === 'skipped' && code === 'R10'), JSON.stringify(ofB));
        assert.strictEqual(state.status, 'done', 'skipped pools spend no failure budget');
        assert.deepStrictEqual(
            (await emulator.writes()).filter((w) => /aks-roll-b/i.test(w.url)),
            [],
        );
    });

    it('a canary whose upgrade ended Failed while the window was closed is a failure after Resume: the run stops at budget 1, nothing more is sent', async () => {
        // In Azure the canary's upgrade then failed (AKS had written the snapshot's link and image when it took it).
        const { kept, canary } = await leaveDuringCanary();
        await emulator.setProvisioningState(canary, 'Failed');
        await emulator.clearRequests();
        const ui = new TestUserInput(['Resume Without Them']);
        const resumed = await runCommand<RolloutState>('aksSnapshots.resumeRollout', ui, kept.plan.id);
        assert.match(
            ui.ofKind('message')[0].text,
            /1 node pools of the roll-out of "snap-roll-2611" failed\. Upgrade them again as the roll-out resumes\?/,
        );
        assert.deepStrictEqual(
            [resumed.status, resumed.outcomes[canary].status, resumed.outcomes[canary].code],
            ['stopped', 'failed', 'Failed'],
        );
        assert.match(resumed.outcomes[canary].message ?? '', /ended Failed in Azure while the roll-out waited/);
        assert.deepStrictEqual(await emulator.writes(), [], 'the next wave never started');
    });

    it('Retry Failed Pools upgrades the failed pools again, and only them; the pools never started stay for Resume', async () => {
        await emulator.addFault({
            method: 'POST',
            pathContains: '/agentPools/a2/upgradeNodeImageVersion',
            action: 'failOperation',
            times: 1,
            error: { code: 'NodeDrainFailed', message: 'Pod disruption budget blocked draining node aks-a2-0.' },
        });
        const first = await runCommand<RolloutState>(
            'aksSnapshots.rollOutSnapshot',
            new TestUserInput([everyUsable, ...settings(10, 1), 'Start Roll-out', 'Start Next Wave']),
            await api.tree.findElement(SNAPSHOT),
        );
        const a2 = Object.keys(first.outcomes).find((id) => id.toLowerCase() === poolId('aks-roll-a', 'a2').toLowerCase())!;
        assert.deepStrictEqual([first.status, first.outcomes[a2].status], ['stopped', 'failed']);
        const notStarted = Object.values(first.outcomes).filter((o) => o.status === 'pending').length;
        assert.ok(notStarted > 0, 'the budget stopped the roll-out before the rest');
        await emulator.clearRequests();

        const ui = new TestUserInput(['Retry Failed Pools']);
        const retried = await runCommand<RolloutState>('aksSnapshots.retryFailedPools', ui, first.plan.id);
        assert.match(ui.ofKind('message')[0].text, /Upgrade the 1 failed node pools of the roll-out of "snap-roll-2611" again\?/);
        assert.deepStrictEqual((await emulator.writes()).map(writtenPool), ['aks-roll-a/a2'], 'only the failed pool was sent again');
        assert.strictEqual(retried.outcomes[a2].status, 'succeeded');
        assert.strictEqual(
            Object.values(retried.outcomes).filter((o) => o.status === 'pending').length,
            notStarted,
            'the pools never started were not sent',
        );
        assert.strictEqual(retried.status, 'waiting');
        assert.ok(
            api.rollouts.unfinished().some((s) => s.plan.id === first.plan.id),
            'they stay for Resume',
        );
        await api.rollouts.save({ ...retried, status: 'canceled' });
    });

    it('a snapshot deleted and made again under the same name between waves stops the roll-out: nothing more is sent', async () => {
        const remake = async (): Promise<void> => {
            // A colleague replaces the snapshot with one of another pool (an older image), under the same name.
            const service = await api.services.forSubscription(FLEET_EAST_SUBSCRIPTION);
            await service.deleteSnapshot(
                await service.getSnapshot(snapshotId(FLEET_EAST_SUBSCRIPTION, 'rg-roll-snapshots', 'snap-roll-2611')),
            );
            const cluster = await service.getCluster(clusterId(FLEET_EAST_SUBSCRIPTION, 'rg-roll', 'aks-roll-a'));
            await service.createSnapshot(
                snapshotId(FLEET_EAST_SUBSCRIPTION, 'rg-roll-snapshots', 'snap-roll-2611'),
                cluster.location ?? '',
                poolId('aks-roll-a', 'a2'),
            );
            await emulator.clearRequests();
        };
        const ui = new TestUserInput([everyUsable, ...settings(10), 'Start Roll-out', new Meanwhile(remake, 'Start Next Wave')]);
        const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        assert.strictEqual(state.status, 'stopped');
        assert.match(
            state.stopReason ?? '',
            /Snapshot "snap-roll-2611" is not the one the plan was made for \(createdAt: .*nodeImageVersion: AKSUbuntu-2204gen2containerd-202611\.03\.0 → AKSUbuntu-2204gen2containerd-202610\.20\.0\)/,
        );
        assert.deepStrictEqual(await emulator.writes(), [], 'nothing was sent once the snapshot changed');
        assert.deepStrictEqual(
            Object.values(state.outcomes)
                .map((o) => o.status)
                .sort(),
            [...Array(10).fill('pending'), 'succeeded'],
            'the canary only',
        );
    });

    it("the roll-out's upgrade settings: max surge 0 only with max unavailable of 1 or more (no Start before), sent with each Kubernetes upgrade, none to a node-image-only one; Upgrade's warnings shown first", async () => {
        // A colleague lets aks-roll-a's node OS channel re-image its pools: the roll-out warns before the first wave (R7).
        const service = await api.services.forSubscription(FLEET_EAST_SUBSCRIPTION);
        await service.updateClusterChannels(await service.getCluster(clusterId(FLEET_EAST_SUBSCRIPTION, 'rg-roll', 'aks-roll-a')), {
            upgradeChannel: 'none',
            nodeOsUpgradeChannel: 'NodeImage',
        });
        await emulator.clearRequests();
        const ui = new TestUserInput([
            new PickMany((i) => ['a1', 'a5'].includes(i.label)),
            'Change Settings…',
            'Max surge',
            '0',
            'Done',
            'Change Settings…',
            'Max unavailable',
            '1',
            'Nodes that cannot be drained',
            'Cordon',
            'Done',
            'Start Roll-out',
            'Start Next Wave',
        ]);
        const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        const confirmations = ui.ofKind('message').filter((m) => /^Roll out snapshot/.test(m.text));
        assert.match(confirmations[1].detail ?? '', /⛔ Max surge "0" \(no surge node\) needs Max unavailable of at least 1/);
        assert.ok(!confirmations[1].items?.some((i) => i.label === 'Start Roll-out'), 'no Start until max unavailable is set');
        assert.match(
            confirmations[2].detail ?? '',
            /Kubernetes upgrades: Max surge: 0, Max unavailable: 1, Nodes that cannot be drained: Cordon/,
        );
        assert.match(confirmations[0].detail ?? '', /⚠ .*"aks-roll-a".*NodeImage/);
        assert.strictEqual(state.status, 'done');
        const writes = (await emulator.writes()).filter((w) => /agentPools/.test(w.url));
        const put = writes.find((w) => w.method === 'PUT')!;
        assert.strictEqual(writtenPool(put), 'aks-roll-a/a5');
        const settings = (put.body as { properties: { upgradeSettings: Record<string, unknown> } }).properties.upgradeSettings;
        assert.deepStrictEqual([settings.maxSurge, settings.maxUnavailable, settings.undrainableNodeBehavior], ['0', '1', 'Cordon']);
        assert.deepStrictEqual(
            writes.filter((w) => w.method === 'POST').map((w) => [writtenPool(w), w.body ?? null]),
            [['aks-roll-a/a1', null]],
            'the node image upgrade takes no settings',
        );
    });
});
