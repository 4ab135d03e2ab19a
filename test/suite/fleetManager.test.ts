import * as assert from 'assert';
import * as vscode from 'vscode';
import { clusterId, snapshotId } from '../../src/model/armId';
import type { UpdateRun } from '../../src/model/fleet';
import type { RecordedRequest } from '../emulator/server';
import { FLEET_EAST_SUBSCRIPTION, FLEET_WEST_SUBSCRIPTION } from '../emulator/seeds';
import { ESC, PickMany, TestUserInput } from './TestUserInput';
import { emulator, logText, runCommand, shownTree, ShownNode, TestApi, withFreshSeed } from './testApi';

const SNAPSHOT = snapshotId(FLEET_EAST_SUBSCRIPTION, 'rg-roll-snapshots', 'snap-roll-2611');
const FLEET = `/subscriptions/${FLEET_EAST_SUBSCRIPTION}/resourceGroups/rg-roll/providers/Microsoft.ContainerService/fleets/fleet-roll`;
const ROLL_2611 = 'AKSUbuntu-2204gen2containerd-202611.03.0';
/** The pools of aks-roll-a, -b and -c that take the snapshot's node image only. */
const IMAGE_ONLY = new Set(['a1', 'a2', 'a3', 'a4', 'b3', 'c1', 'c2', 'c3']);
const imageOnly = new PickMany((i) => IMAGE_ONLY.has(i.label));
/** Canary 1, then waves of 5. */
const wavesOfFive = ['Change Settings…', 'Wave size', '5', 'Done'];

const fleetWrites = async (): Promise<RecordedRequest[]> => (await emulator.writes()).filter((w) => /\/fleets\//i.test(w.url));
const byLabel = (nodes: ShownNode[] | undefined, label: string): ShownNode | undefined => nodes?.find((n) => n.label === label);

describe('Fleet Manager: a roll-out handed to a fleet as one update run, followed from its status', function () {
    this.timeout(180_000);
    const getApi = withFreshSeed('fleetRollout');
    let api: TestApi;
    beforeEach(() => (api = getApi()));
    const eastService = () => api.services.forSubscription(FLEET_EAST_SUBSCRIPTION);
    /** A node image run to the snapshot's image, made and started through the service as Fleet's portal would (no plan here). */
    const startedElsewhere = async (name: string, strategy?: Record<string, unknown>): Promise<UpdateRun> => {
        const service = await eastService();
        const made = await service.createUpdateRun(FLEET, name, {
            properties: {
                ...(strategy ? { strategy } : {}),
                managedClusterUpdate: {
                    upgrade: { type: 'NodeImageOnly' },
                    nodeImageSelection: { type: 'Custom', customNodeImageVersions: [{ version: ROLL_2611 }] },
                },
            },
        });
        await service.changeUpdateRun(made, { kind: 'start' });
        return made;
    };

    it("shows each subscription's fleets with their members and groups; a subscription without one shows no Fleets row", async () => {
        const tree = await shownTree(api.tree);
        const east = byLabel(tree, 'Contoso Fleet East');
        const west = byLabel(tree, 'Contoso Fleet West');
        const fleets = byLabel(east?.children, 'Fleets');
        assert.strictEqual(fleets?.description, '1');
        const fleet = byLabel(fleets?.children, 'fleet-roll');
        assert.deepStrictEqual(
            fleet?.children?.map((c) => `${c.label}: ${c.description}`),
            [
                'roll-a: aks-roll-a · group canary',
                'roll-b: aks-roll-b · group wave-1',
                'roll-c: aks-roll-c · group wave-2',
                'roll-d: aks-roll-d · group later',
            ],
        );
        assert.ok(west && !byLabel(west.children, 'Fleets'), 'no fleet in Contoso Fleet West');
    });

    it('a plan handed to Fleet is one update run: stages from the waves, groups, the member left out, the custom image; started, followed to its end, the tree true', async () => {
        // Members slow enough that the tree is seen while the run goes on.
        await emulator.knobs({ fleetMemberSeconds: 2 });
        const ui = new TestUserInput([imageOnly, ...wavesOfFive, 'Run in Fleet Manager…', 'Create and Start Update Run']);
        const running = runCommand<UpdateRun>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        let seenRunning = '';
        for (let i = 0; i < 100 && !seenRunning; i++) {
            const fleet = await api.tree.findElement(FLEET);
            for (const child of fleet ? await api.tree.getChildren(fleet) : []) {
                const description = String((await api.tree.getTreeItem(child)).description ?? '');
                seenRunning = description.startsWith('running') ? description : seenRunning;
            }
            await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const run = await running.finally(() => emulator.knobs({ fleetMemberSeconds: 0.5 }));
        assert.match(
            seenRunning,
            /^running · AKSUbuntu-2204gen2containerd-202611\.03\.0$/,
            "the run's progress reaches the tree as it goes",
        );
        const [confirm] = ui.ofKind('message').filter((m) => /^Create update run/.test(m.text));
        assert.match(confirm.text, /^Create update run "snap-roll-2611-[a-z0-9]{8}" in fleet "fleet-roll" and start it\?$/);
        assert.match(
            confirm.detail!,
            /Stages: 2\. Members left out: 1\. Other node pools of the chosen clusters that take the run too: 7\./,
        );

        const writes = await fleetWrites();
        assert.deepStrictEqual(
            writes.map((w) => `${w.method} ${w.url.split('?')[0].replace(/^.*\/updateRuns\//, '')}`),
            [`PUT ${run.name}`, `POST ${run.name}/start`],
            'created once, then started',
        );
        const [create, start] = writes;
        assert.strictEqual(create.headers['if-none-match'], '*', 'a guarded create: a run of that name is never replaced');
        assert.ok(start.headers['if-match'], 'started only as created (If-Match)');
        const body = create.body as { properties: Record<string, unknown> };
        assert.deepStrictEqual(body.properties, {
            strategy: {
                stages: [
                    { name: 'canary', groups: [{ name: 'canary' }] },
                    { name: 'wave-2', groups: [{ name: 'wave-1' }, { name: 'wave-2' }] },
                ],
            },
            managedClusterUpdate: {
                upgrade: { type: 'NodeImageOnly' },
                nodeImageSelection: { type: 'Custom', customNodeImageVersions: [{ version: ROLL_2611 }] },
            },
        });
        assert.deepStrictEqual(
            (await emulator.writes()).filter((w) => /agentPools/i.test(w.url)),
            [],
            'Fleet upgrades the pools: the product sends none itself',
        );

        assert.strictEqual(run.state, 'Completed');
        assert.deepStrictEqual(
            run.stages.map(
                (s) =>
                    `${s.name}: ${s.groups.map((g) => `${g.name}[${g.members.map((m) => `${m.name} ${m.state}`).join(', ')}]`).join(' ')}`,
            ),
            ['canary: canary[roll-a Completed]', 'wave-2: wave-1[roll-b Completed] wave-2[roll-c Completed]'],
        );
        const log = await logText(api.logUri);
        assert.match(
            log,
            new RegExp(`Update run "${run.name}" in fleet "fleet-roll" completed: 3 completed, 0 failed, 0 skipped, 0 not started\\.`),
        );

        // The plan document said what Fleet does beyond the chosen pools, and that it leaves roll-d.
        const plan = vscode.workspace.textDocuments.find((d) => d.uri.path.startsWith('/rollout-snap-roll-2611'))!.getText();
        assert.match(plan, /## Members the run leaves\n\nNo stage names their group[^\n]*\n\n- roll-d \(aks-roll-d, group later\)/);
        assert.match(
            plan,
            /- aks-roll-a\/a5 \(not chosen\): AKSUbuntu-2204gen2containerd-202610\.20\.0 → AKSUbuntu-2204gen2containerd-202611\.03\.0/,
        );
        assert.match(plan, /- aks-roll-b\/arm \(not chosen\): node image not changed: the run names no image of its family/);
        assert.match(plan, /each pool keeps the snapshot link it had \(creationData\)/);
        assert.match(plan, /\| canary \| roll-a \| aks-roll-a \| completed \|/);

        // The tree: the run under the fleet, and the members' pools on the snapshot's image (roll-d's untouched).
        const tree = await shownTree(api.tree);
        const fleet = byLabel(byLabel(byLabel(tree, 'Contoso Fleet East')?.children, 'Fleets')?.children, 'fleet-roll');
        const shownRun = byLabel(fleet?.children, run.name);
        assert.match(shownRun?.description ?? '', /^completed · AKSUbuntu-2204gen2containerd-202611\.03\.0$/);
        const c3 = byLabel(byLabel(byLabel(tree, 'Contoso Fleet West')?.children, 'aks-roll-c')?.children, 'c3');
        assert.match(c3?.description ?? '', /202611\.03\.0/);
    });

    it('an update run whose create was applied but whose answer was lost is read back by its name: one run, started once', async () => {
        await emulator.addFault({ method: 'PUT', pathContains: '/updateRuns/', action: 'errorAfterApply', times: 1 });
        const ui = new TestUserInput([imageOnly, ...wavesOfFive, 'Run in Fleet Manager…', 'Create and Start Update Run']);
        const run = await runCommand<UpdateRun>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        assert.strictEqual(run.state, 'Completed');
        const writes = await fleetWrites();
        assert.deepStrictEqual(
            writes.map((w) => `${w.method} ${w.url.split('?')[0].replace(/^.*\/updateRuns\//, '')}`),
            [`PUT ${run.name}`, `POST ${run.name}/start`],
        );
    });

    it('a plan Fleet cannot run as one update run is refused with its reasons, and nothing is sent', async () => {
        const ui = new TestUserInput([
            new PickMany((i) => i.label === 'a1' || i.label === 'a5'),
            'Run in Fleet Manager…',
            'Back to the Plan',
            ESC,
        ]);
        await runCommand('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(SNAPSHOT));
        const refused = ui.ofKind('message').find((m) => m.text === 'This plan cannot be one Fleet Manager update run.');
        assert.match(refused?.detail ?? '', /one update run has one upgrade type/);
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('Stop, Skip and Start from the tree, each confirmed; a member that fails stops the run, and the summary says so', async () => {
        await emulator.knobs({ fleetMemberSeconds: 1.5 });
        try {
            // A run made and started as another person would in Fleet: stages over the groups, not from a plan here.
            const made = await startedElsewhere('by-hand', {
                stages: [
                    { name: 'first', groups: [{ name: 'canary' }] },
                    { name: 'second', groups: [{ name: 'wave-1' }, { name: 'wave-2' }] },
                ],
            });
            api.tree.refresh();
            const runItem = async () => api.tree.findElement(`${FLEET}/updateRuns/by-hand`);

            const stopped = await runCommand<UpdateRun>('aksSnapshots.stopUpdateRun', new TestUserInput(['Stop']), await runItem());
            assert.ok(['Stopping', 'Stopped'].includes(stopped.state), stopped.state);
            const stopWrite = (await fleetWrites()).find((w) => w.url.includes('/by-hand/stop'));
            assert.ok(stopWrite?.headers['if-match'], 'the stop goes only to the run as read');
            for (let i = 0; i < 50 && (await (await eastService()).getUpdateRun(made.id)).state !== 'Stopped'; i++) {
                await new Promise((resolve) => setTimeout(resolve, 200));
            }
            api.tree.refresh();

            const skipUi = new TestUserInput([new PickMany((i) => i.label.trim() === 'Group wave-1'), 'Skip']);
            const skipped = await runCommand<UpdateRun>('aksSnapshots.skipInUpdateRun', skipUi, await runItem());
            assert.strictEqual(skipped.stages[1].groups[0].state, 'Skipped');
            assert.match(skipUi.ofKind('message')[0].text, /^Skip Group wave-1 in update run "by-hand"\?/);

            // aks-roll-c is stopped: AKS refuses its upgrade, so Fleet fails its member, the group, the stage and the run.
            await emulator.setPowerState(clusterId(FLEET_WEST_SUBSCRIPTION, 'rg-roll-west', 'aks-roll-c'), 'Stopped');
            api.tree.refresh();
            const ended = await runCommand<UpdateRun>('aksSnapshots.startUpdateRun', new TestUserInput(['Start']), await runItem());
            assert.strictEqual(ended.state, 'Failed');
            const c = ended.stages[1].groups[1].members[0];
            assert.deepStrictEqual([c.name, c.state], ['roll-c', 'Failed']);
            assert.match(
                c.message ?? '',
                /OperationNotAllowed: managed cluster 'aks-roll-c' is in Provisioning State\(Succeeded\) and Power State\(Stopped\)/,
            );
            const log = await logText(api.logUri);
            assert.match(
                log,
                /Update run "by-hand" in fleet "fleet-roll" failed: 1 completed, 1 failed, 1 skipped, 0 not started\. roll-c: OperationNotAllowed/,
            );
            const tree = await shownTree(api.tree);
            const fleet = byLabel(byLabel(byLabel(tree, 'Contoso Fleet East')?.children, 'Fleets')?.children, 'fleet-roll');
            assert.match(byLabel(fleet?.children, 'by-hand')?.description ?? '', /^failed/);
        } finally {
            await emulator.knobs({ fleetMemberSeconds: 0.5 });
        }
    });

    it("a run made elsewhere, or before a reload, is followed from the tree from Fleet's own status alone", async () => {
        await startedElsewhere('from-portal');
        api.tree.refresh();
        const followed = await runCommand<UpdateRun>(
            'aksSnapshots.followUpdateRun',
            new TestUserInput([]),
            await api.tree.findElement(`${FLEET}/updateRuns/from-portal`),
        );
        assert.strictEqual(followed.state, 'Completed');
        // No strategy: Fleet updates every member one after another, in one stage and one group.
        assert.deepStrictEqual(
            followed.stages.flatMap((st) => st.groups.flatMap((g) => g.members.map((m) => `${st.name}/${g.name}/${m.name} ${m.state}`))),
            [
                'default/default/roll-a Completed',
                'default/default/roll-b Completed',
                'default/default/roll-c Completed',
                'default/default/roll-d Completed',
            ],
        );
        // The open document follows its content as VS Code asks for it again.
        let doc = '';
        for (let i = 0; i < 50 && !/Status: completed/.test(doc); i++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            doc = vscode.workspace.textDocuments.find((d) => d.uri.path === '/from-portal.md')?.getText() ?? '';
        }
        assert.match(doc, /# Update run "from-portal" in fleet "fleet-roll"\n\nStatus: completed/);
        assert.match(
            await logText(api.logUri),
            /Update run "from-portal" in fleet "fleet-roll" completed: 4 completed, 0 failed, 0 skipped, 0 not started\./,
        );
    });
});
