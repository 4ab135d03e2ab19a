import * as assert from 'assert';
import { ContainerServiceFleetClient, UpdateRun, UpdateRunProperties } from '@azure/arm-containerservicefleet';
import { armScope } from '../../../src/azure/clouds';
import { PLATFORM_SUBSCRIPTION } from '../../emulator/seeds';
import { DEFAULT_KNOBS } from '../../emulator/knobs';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorSessions } from '../../emulatorSession';

/**
 * The emulator's Fleet Manager (`test/emulator/resources/fleets.ts`), through the real Fleet SDK: fleets and members
 * read, update runs refused as Fleet refuses them, and a run carried out stage by stage with a custom node image.
 */
const UBUNTU_NEW = 'AKSUbuntu-2204gen2containerd-202611.17.0';
const CLUSTERS = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups`;
const IN_WEU_WINDOW = '2026-11-28T01:00:00Z';

describe("The emulator's Fleet Manager, through the real Fleet SDK", function () {
    this.timeout(30_000);
    let emulator: RunningEmulator;
    let fleet: ContainerServiceFleetClient;
    const imageOf = (cluster: string, pool: string): string =>
        String(emulator.state().findPool(`${CLUSTERS}/${cluster}/agentPools/${pool}`)?.pool.properties.nodeImageVersion);
    const run = (stages: UpdateRunProperties['strategy'], custom = [UBUNTU_NEW], kubernetesVersion?: string): UpdateRun => ({
        properties: {
            strategy: stages,
            managedClusterUpdate: {
                upgrade: { type: 'NodeImageOnly', kubernetesVersion },
                nodeImageSelection: { type: 'Custom', customNodeImageVersions: custom.map((version) => ({ version })) },
            },
        },
    });
    const twoStages: UpdateRunProperties['strategy'] = {
        stages: [
            { name: 'canary', groups: [{ name: 'canary' }], afterStageWaitInSeconds: 1 },
            { name: 'wave-1', groups: [{ name: 'wave-1' }] },
        ],
    };
    /** Reads the run until it ends, keeping each state of its stages seen on the way. */
    const untilEnded = async (name: string): Promise<{ run: UpdateRun; seen: string[] }> => {
        const seen: string[] = [];
        for (;;) {
            const read = await fleet.updateRuns.get('rg-platform-eastus', 'fleet-platform', name);
            const stages = (read.properties?.status?.stages ?? []).map((s) => `${s.name}:${s.status?.state}`).join(' ');
            if (seen[seen.length - 1] !== stages) {
                seen.push(stages);
            }
            if (['Completed', 'Failed', 'Stopped'].includes(read.properties?.status?.status?.state ?? '')) {
                return { run: read, seen };
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    };

    before(async () => {
        emulator = await startEmulator({ seed: 'fleetManager' });
        const [session] = (await emulatorSessions(emulator)).filter((s) => s.subscription.subscriptionId === PLATFORM_SUBSCRIPTION);
        fleet = new ContainerServiceFleetClient(session.credential, PLATFORM_SUBSCRIPTION, {
            endpoint: emulator.armUrl.replace(/\/$/, ''),
            credentials: { scopes: [armScope(session.cloud)] },
        });
    });
    beforeEach(() => {
        emulator.reset();
        emulator.knobs.fleetMemberSeconds = 0.2;
        // Within aks-prod-weu's node OS window (Saturdays 00:00–04:00 UTC), which a node image run honours (F10).
        emulator.knobs.today = IN_WEU_WINDOW;
    });
    after(() => (emulator.knobs.today = DEFAULT_KNOBS.today));
    after(() => emulator.close());

    it('lists the fleets of a subscription and their members, each with its cluster and update group', async () => {
        const fleets = [];
        for await (const f of fleet.fleets.listBySubscription()) {
            fleets.push(f.name);
        }
        assert.deepStrictEqual(fleets, ['fleet-platform']);
        const members = [];
        for await (const m of fleet.fleetMembers.listByFleet('rg-platform-eastus', 'fleet-platform')) {
            members.push(`${m.name} ${m.properties?.clusterResourceId.split('/').pop()} ${m.properties?.group}`);
        }
        assert.deepStrictEqual(members, ['prod-eastus aks-prod-eastus canary', 'prod-weu aks-prod-weu wave-1', 'legacy aks-legacy wave-1']);
    });

    it('refuses a run Fleet would refuse: a custom selection without versions or with two of one family, a group no member is in, a version with NodeImageOnly', async () => {
        const refused = async (body: UpdateRun, pattern: RegExp): Promise<void> => {
            await assert.rejects(
                fleet.updateRuns.createOrUpdate('rg-platform-eastus', 'fleet-platform', 'bad', body).pollUntilDone(),
                pattern,
            );
        };
        await refused(run(twoStages, []), /customNodeImageVersions is required/);
        await refused(run(twoStages, [UBUNTU_NEW, 'AKSUbuntu-2204gen2containerd-202610.20.0']), /more than one version of the family/);
        await refused(run({ stages: [{ name: 'one', groups: [{ name: 'nobody' }] }] }), /update group nobody has no member/);
        await refused(
            run({
                stages: [
                    { name: 'one', groups: [{ name: 'canary' }] },
                    { name: 'two', groups: [{ name: 'canary' }] },
                ],
            }),
            /more than once/,
        );
        await refused(run(twoStages, [UBUNTU_NEW], '1.34.1'), /kubernetesVersion is not allowed/);
        assert.strictEqual(emulator.state().fleets.values().next().value?.updateRuns.size, 0);
    });

    it('runs stage after stage, waiting between them, and gives the custom image only to the pools of its family', async () => {
        await fleet.updateRuns.createOrUpdate('rg-platform-eastus', 'fleet-platform', 'roll', run(twoStages)).pollUntilDone();
        const before = imageOf('rg-platform-eastus/providers/Microsoft.ContainerService/managedClusters/aks-prod-eastus', 'memory');
        await fleet.updateRuns.start('rg-platform-eastus', 'fleet-platform', 'roll').pollUntilDone();
        const { run: ended, seen } = await untilEnded('roll');
        assert.strictEqual(ended.properties?.status?.status?.state, 'Completed');
        // The second stage never ran beside the first.
        assert.ok(!seen.some((s) => /canary:Running.*wave-1:Running/.test(s)), seen.join(' | '));
        assert.ok(
            seen.includes('canary:Completed wave-1:NotStarted') || seen.some((s) => /canary:Running wave-1:NotStarted/.test(s)),
            seen.join(' | '),
        );
        assert.strictEqual(ended.properties?.status?.stages?.[0].afterStageWaitStatus?.status?.state, 'Completed');
        const cluster = (rg: string, name: string): string => `${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`;
        const eastus = cluster('rg-platform-eastus', 'aks-prod-eastus');
        assert.deepStrictEqual(
            [
                imageOf(eastus, 'system'),
                imageOf(eastus, 'gpu'),
                imageOf(cluster('rg-platform-weu', 'aks-prod-weu'), 'burst'),
                imageOf(cluster('rg-legacy', 'aks-legacy'), 'vmpool'),
            ],
            [UBUNTU_NEW, UBUNTU_NEW, UBUNTU_NEW, UBUNTU_NEW],
        );
        // Other families are not upgraded (F5): Azure Linux, Windows, arm64, Ubuntu 18.04.
        assert.strictEqual(imageOf(eastus, 'memory'), before);
        assert.match(imageOf(eastus, 'win22'), /^AKSWindows/);
        assert.match(imageOf(cluster('rg-platform-weu', 'aks-prod-weu'), 'system'), /arm64/);
        assert.match(imageOf(cluster('rg-legacy', 'aks-legacy'), 'nodepool1'), /1804/);
        assert.deepStrictEqual(
            ended.properties?.status?.nodeImageSelection?.selectedNodeImageVersions?.map((v) => v.version),
            [UBUNTU_NEW],
        );
    });

    it('stops after the member being updated, and goes on from there when started again', async () => {
        emulator.knobs.fleetMemberSeconds = 0.5;
        await fleet.updateRuns.createOrUpdate('rg-platform-eastus', 'fleet-platform', 'halt', run(twoStages)).pollUntilDone();
        await fleet.updateRuns.start('rg-platform-eastus', 'fleet-platform', 'halt').pollUntilDone();
        await fleet.updateRuns.stop('rg-platform-eastus', 'fleet-platform', 'halt').pollUntilDone();
        const { run: stopped } = await untilEnded('halt');
        assert.strictEqual(stopped.properties?.status?.status?.state, 'Stopped');
        assert.deepStrictEqual(
            stopped.properties?.status?.stages?.map((s) => s.status?.state),
            ['Completed', 'NotStarted'],
            'the canary finished its member; the next stage did not start',
        );
        const weu = `rg-platform-weu/providers/Microsoft.ContainerService/managedClusters/aks-prod-weu`;
        assert.notStrictEqual(imageOf(weu, 'burst'), UBUNTU_NEW);
        await fleet.updateRuns.start('rg-platform-eastus', 'fleet-platform', 'halt').pollUntilDone();
        const { run: ended } = await untilEnded('halt');
        assert.strictEqual(ended.properties?.status?.status?.state, 'Completed');
        assert.strictEqual(imageOf(weu, 'burst'), UBUNTU_NEW);
    });

    it('skips what it is told: a member never updated, a wait cut short; a skip naming nothing left is refused', async () => {
        const longWait: UpdateRunProperties['strategy'] = {
            stages: [
                { name: 'canary', groups: [{ name: 'canary' }], afterStageWaitInSeconds: 60 },
                { name: 'wave-1', groups: [{ name: 'wave-1' }] },
            ],
        };
        await fleet.updateRuns.createOrUpdate('rg-platform-eastus', 'fleet-platform', 'skips', run(longWait)).pollUntilDone();
        await fleet.updateRuns
            .skip('rg-platform-eastus', 'fleet-platform', 'skips', { targets: [{ type: 'Member', name: 'legacy' }] })
            .pollUntilDone();
        await assert.rejects(
            fleet.updateRuns
                .skip('rg-platform-eastus', 'fleet-platform', 'skips', { targets: [{ type: 'Member', name: 'nobody' }] })
                .pollUntilDone(),
            /no Member "nobody"/,
        );
        const started = Date.now();
        await fleet.updateRuns.start('rg-platform-eastus', 'fleet-platform', 'skips').pollUntilDone();
        // The canary's member done, its stage waits its minute: skip the wait.
        for (;;) {
            const read = await fleet.updateRuns.get('rg-platform-eastus', 'fleet-platform', 'skips');
            if (read.properties?.status?.stages?.[0].afterStageWaitStatus?.status?.state === 'Running') {
                break;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await fleet.updateRuns
            .skip('rg-platform-eastus', 'fleet-platform', 'skips', { targets: [{ type: 'AfterStageWait', name: 'canary' }] })
            .pollUntilDone();
        const { run: ended } = await untilEnded('skips');
        assert.strictEqual(ended.properties?.status?.status?.state, 'Completed');
        assert.ok(Date.now() - started < 20_000, `ended after ${Date.now() - started} ms, the minute's wait not skipped`);
        assert.strictEqual(ended.properties?.status?.stages?.[0].afterStageWaitStatus?.status?.state, 'Skipped');
        const members = ended.properties?.status?.stages?.[1].groups?.[0].members?.map((m) => `${m.name}:${m.status?.state}`);
        assert.deepStrictEqual(members, ['prod-weu:Completed', 'legacy:Skipped']);
        const legacy = 'rg-legacy/providers/Microsoft.ContainerService/managedClusters/aks-legacy';
        assert.notStrictEqual(imageOf(legacy, 'vmpool'), UBUNTU_NEW, 'the skipped member was not updated');
    });

    it("honours a member's planned maintenance window: its update waits, saying why, until the window opens", async () => {
        // A Tuesday: aks-prod-weu's node OS window (Saturdays 00:00–04:00 UTC) is closed.
        emulator.knobs.today = '2026-11-24T12:00:00Z';
        await fleet.updateRuns.createOrUpdate('rg-platform-eastus', 'fleet-platform', 'windowed', run(twoStages)).pollUntilDone();
        await fleet.updateRuns.start('rg-platform-eastus', 'fleet-platform', 'windowed').pollUntilDone();
        let weu: { state?: string; message?: string } = {};
        for (let i = 0; i < 100 && !weu.message; i++) {
            const read = await fleet.updateRuns.get('rg-platform-eastus', 'fleet-platform', 'windowed');
            const m = read.properties?.status?.stages?.[1].groups?.[0].members?.find((x) => x.name === 'prod-weu');
            weu = { state: m?.status?.state, message: m?.message };
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.deepStrictEqual(weu, {
            state: 'Running',
            message: 'Waiting for the planned maintenance window aksManagedNodeOSUpgradeSchedule of the member cluster.',
        });
        await new Promise((resolve) => setTimeout(resolve, 500));
        const burst = `rg-platform-weu/providers/Microsoft.ContainerService/managedClusters/aks-prod-weu`;
        assert.notStrictEqual(imageOf(burst, 'burst'), UBUNTU_NEW, 'not updated while its window is closed');
        // Saturday 01:00 UTC: the window opens, and the run goes on.
        emulator.knobs.today = IN_WEU_WINDOW;
        const { run: ended } = await untilEnded('windowed');
        assert.strictEqual(ended.properties?.status?.status?.state, 'Completed');
        assert.strictEqual(imageOf(burst, 'burst'), UBUNTU_NEW);
    });

    it('makes a run from a reusable strategy, copied when the run is made; a run naming both a strategy and its own stages is refused', async () => {
        await fleet.fleetUpdateStrategies
            .createOrUpdate('rg-platform-eastus', 'fleet-platform', 'canary-first', { properties: { strategy: twoStages! } })
            .pollUntilDone();
        const strategyId = `${CLUSTERS}/rg-platform-eastus/providers/Microsoft.ContainerService/fleets/fleet-platform/updateStrategies/canary-first`;
        const fromStrategy = (): UpdateRun => ({
            properties: { updateStrategyId: strategyId, managedClusterUpdate: run(undefined).properties!.managedClusterUpdate },
        });
        await fleet.updateRuns.createOrUpdate('rg-platform-eastus', 'fleet-platform', 'reused', fromStrategy()).pollUntilDone();
        // A later change to the strategy does not reach the run made from it.
        await fleet.fleetUpdateStrategies
            .createOrUpdate('rg-platform-eastus', 'fleet-platform', 'canary-first', {
                properties: { strategy: { stages: [{ name: 'all', groups: [{ name: 'canary' }, { name: 'wave-1' }] }] } },
            })
            .pollUntilDone();
        const made = await fleet.updateRuns.get('rg-platform-eastus', 'fleet-platform', 'reused');
        assert.deepStrictEqual(
            made.properties?.strategy?.stages.map((s) => s.name),
            ['canary', 'wave-1'],
        );
        await assert.rejects(
            fleet.updateRuns
                .createOrUpdate('rg-platform-eastus', 'fleet-platform', 'both', {
                    properties: { ...fromStrategy().properties!, strategy: twoStages },
                })
                .pollUntilDone(),
            /Setting both updateStrategyId and strategy is invalid/,
        );
    });
});
