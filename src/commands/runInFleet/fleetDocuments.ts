import * as vscode from 'vscode';
import { parseArmId } from '../../model/armId';
import { FleetHandOff, FleetRefusal, MemberUpdate, poolStatusesFromRun, UpdateRun } from '../../model/fleet';
import { cell, outcomeText } from '../rollOutSnapshot/rolloutDocuments';
import type { RolloutPlan } from '../../model/rollout';
import { updateStateWords } from '../../tree/FleetItem';

/** Where Fleet's behaviour the plan states is documented. */
const FLEET_DOCS = {
    updateRuns: 'https://learn.microsoft.com/azure/kubernetes-fleet/update-orchestration',
    strategies: 'https://learn.microsoft.com/azure/kubernetes-fleet/update-create-update-strategy',
    api: 'https://learn.microsoft.com/rest/api/fleet/update-runs/create-or-update',
};

/** Why a plan cannot go to Fleet Manager as one update run, in a sentence that names what to change. */
export function describeRefusal(r: FleetRefusal): string {
    switch (r.code) {
        case 'notMember':
            return vscode.l10n.t('{0} is in no Fleet Manager fleet.', r.clusters.join(', '));
        case 'severalFleets':
            return vscode.l10n.t(
                'The chosen clusters are members of different fleets ({0}); one update run updates one fleet.',
                r.fleets.join(', '),
            );
        case 'noGroup':
            return vscode.l10n.t(
                'Member "{0}" (cluster {1}) has no update group: an update run with stages updates members through their groups.',
                r.member,
                r.cluster,
            );
        case 'groupHasOthers':
            return vscode.l10n.t(
                'Update group "{0}" also holds member "{1}" (cluster {2}), which is not chosen: a stage updates its groups whole. Choose its pools too, or move it to another group in Fleet.',
                r.group,
                r.member,
                r.cluster,
            );
        case 'mixedPaths':
            return vscode.l10n.t(
                'Some chosen pools take the node image only and others Kubernetes too: one update run has one upgrade type. Roll them out in two runs.',
            );
        case 'controlPlaneNewer':
            return vscode.l10n.t(
                'Cluster "{0}" runs Kubernetes {1}, newer than the snapshot\'s {2}: a Full update run upgrades the control plane to {2}.',
                r.cluster,
                r.version,
                r.target,
            );
        case 'otherFamily':
            return vscode.l10n.t(
                'Node pool "{0}" of {1} runs {2}, of another image family than the snapshot: a custom node image updates only its own family.',
                r.pool,
                r.cluster,
                r.image,
            );
    }
}

/** The plan as Fleet will run it: what the person confirms before the run is created. */
export function handOffDocument(plan: RolloutPlan, handOff: FleetHandOff, run?: UpdateRun): string {
    const s = plan.snapshot;
    const clusterOf = (clusterId: string): string => parseArmId(clusterId)?.name ?? clusterId;
    const memberState = (name: string): MemberUpdate | undefined =>
        run?.stages.flatMap((st) => st.groups.flatMap((g) => g.members)).find((m) => m.name.toLowerCase() === name.toLowerCase());
    const lines = [
        `# ${vscode.l10n.t('Roll-out of snapshot "{0}" in Fleet Manager', s.name)}`,
        '',
        vscode.l10n.t('Fleet: {0} ({1}) · update run: {2}', handOff.fleet.name, handOff.fleet.resourceGroup, handOff.runName),
        '',
        handOff.upgradeType === 'Full'
            ? vscode.l10n.t(
                  'Upgrade: Full, to Kubernetes {0}, node image {1} (custom, for its family)',
                  handOff.kubernetesVersion ?? '',
                  handOff.nodeImageVersion,
              )
            : vscode.l10n.t('Upgrade: node image only, to {0} (custom, for its family)', handOff.nodeImageVersion),
        ...(run ? ['', vscode.l10n.t('Status: {0}', updateStateWords(run.state)) + (run.error ? ` · ${run.error}` : '')] : []),
    ];
    for (const stage of handOff.stages) {
        const status = run?.stages.find((st) => st.name === stage.name);
        lines.push(
            '',
            `## ${vscode.l10n.t('Stage {0}', stage.name)}${status ? ` · ${updateStateWords(status.state)}` : ''}`,
            '',
            ...(stage.afterStageWaitInSeconds
                ? [vscode.l10n.t('Then waits {0} minutes before the next stage.', stage.afterStageWaitInSeconds / 60), '']
                : []),
            `| ${vscode.l10n.t('group')} | ${vscode.l10n.t('member')} | ${vscode.l10n.t('cluster')} |${run ? ` ${vscode.l10n.t('status')} |` : ''}`,
            `|---|---|---|${run ? '---|' : ''}`,
            ...stage.groups.flatMap((g) =>
                g.members.map((m) => {
                    const state = memberState(m.name);
                    const text = state
                        ? [updateStateWords(state.state), state.message].filter(Boolean).join(': ')
                        : updateStateWords('NotStarted');
                    return `| ${g.name} | ${m.name} | ${clusterOf(m.clusterId)} |${run ? ` ${cell(text)} |` : ''}`;
                }),
            ),
        );
    }
    if (handOff.excluded.length) {
        lines.push(
            '',
            `## ${vscode.l10n.t('Members the run leaves')}`,
            '',
            vscode.l10n.t('No stage names their group, so Fleet does not update them ({0}).', FLEET_DOCS.strategies),
            '',
            ...handOff.excluded.map(
                (m) => `- ${m.name} (${clusterOf(m.clusterId)}${m.group ? `, ${vscode.l10n.t('group {0}', m.group)}` : ''})`,
            ),
        );
    }
    lines.push('', `## ${vscode.l10n.t('What Fleet does to each chosen cluster')}`, '');
    lines.push(
        vscode.l10n.t(
            'Fleet updates clusters, not pools ({0}): every pool of a chosen cluster takes the run, not only the chosen ones.',
            FLEET_DOCS.updateRuns,
        ),
        '',
    );
    handOff.controlPlanes.forEach((c) =>
        lines.push(`- ${vscode.l10n.t('Control plane of {0}: Kubernetes {1} → {2}', c.clusterName, c.from, c.to)}`),
    );
    const outcomes = run ? poolStatusesFromRun(plan, run) : {};
    for (const p of plan.waves.flat()) {
        const outcome = outcomes[p.poolId];
        lines.push(
            `- ${vscode.l10n.t('{0}/{1} (chosen): {2} → {3}', p.clusterName, p.poolName, p.fromNodeImage, s.nodeImageVersion)}${outcome ? ` · ${outcomeText(outcome)}` : ''}`,
        );
    }
    for (const p of handOff.otherPools) {
        const changes = [
            p.kubernetes ? vscode.l10n.t('Kubernetes {0} → {1}', p.kubernetes.from, p.kubernetes.to) : undefined,
            !p.nodeImage
                ? vscode.l10n.t('node image not changed: the run names no image of its family ({0})', FLEET_DOCS.api)
                : p.nodeImage.from === p.nodeImage.to
                  ? vscode.l10n.t('already on {0}', p.nodeImage.to)
                  : `${p.nodeImage.from} → ${p.nodeImage.to}`,
        ].filter(Boolean);
        lines.push(`- ${vscode.l10n.t('{0}/{1} (not chosen): {2}', p.clusterName, p.poolName, changes.join(', '))}`);
    }
    lines.push(
        '',
        `## ${vscode.l10n.t('Snapshot links')}`,
        '',
        vscode.l10n.t(
            'An update run names node image versions, not a snapshot, and Fleet\'s documentation says nothing of node pool snapshots: each pool keeps the snapshot link it had (creationData). The pools end on the snapshot\'s image and versions; the tree shows them as not made from "{0}".',
            s.name,
        ),
    );
    lines.push(
        '',
        vscode.l10n.t(
            "The plan's upgrades at once, failure budget and upgrade settings are the editor's own: in Fleet the members of a group go one after another, the first member that fails stops the run, and each pool upgrades with its own settings.",
        ),
    );
    if (handOff.confirmBetweenStages) {
        lines.push(
            '',
            vscode.l10n.t(
                'Between waves the plan asks; Fleet does not ask, it goes on to the next stage. Stop the run from the tree to hold it.',
            ),
        );
    }
    return `${lines.join('\n')}\n`;
}

/** The end of a run as Fleet reports it: each member's state, and the failures with Fleet's message. */
export function runSummary(run: UpdateRun, fleetName: string): { text: string; failed: number } {
    const members = run.stages.flatMap((s) => s.groups.flatMap((g) => g.members));
    const count = (state: string): number => members.filter((m) => m.state === state).length;
    const failed = members.filter((m) => m.state === 'Failed');
    const text = [
        vscode.l10n.t(
            'Update run "{0}" in fleet "{1}" {2}: {3} completed, {4} failed, {5} skipped, {6} not started.',
            run.name,
            fleetName,
            updateStateWords(run.state),
            count('Completed'),
            failed.length,
            count('Skipped'),
            count('NotStarted') + count('Stopped'),
        ),
        ...failed.map((m) => `${m.name}: ${m.message ?? updateStateWords(m.state)}`),
    ].join(' ');
    return { text, failed: failed.length };
}

/** A run followed from the tree (the plan that made it, if any, is not kept: Fleet holds the run). */
export function runDocument(run: UpdateRun, fleetName: string): string {
    const lines = [
        `# ${vscode.l10n.t('Update run "{0}" in fleet "{1}"', run.name, fleetName)}`,
        '',
        vscode.l10n.t('Status: {0}', updateStateWords(run.state)) + (run.error ? ` · ${run.error}` : ''),
        '',
        run.kubernetesVersion
            ? vscode.l10n.t('Upgrade: {0}, to Kubernetes {1}', run.upgradeType, run.kubernetesVersion)
            : vscode.l10n.t('Upgrade: {0}', run.upgradeType),
        vscode.l10n.t('Node images: {0}', run.customNodeImageVersions.join(', ') || run.nodeImageSelection),
    ];
    for (const stage of run.stages) {
        lines.push(
            '',
            `## ${vscode.l10n.t('Stage {0}', stage.name)} · ${updateStateWords(stage.state)}`,
            '',
            `| ${vscode.l10n.t('group')} | ${vscode.l10n.t('member')} | ${vscode.l10n.t('cluster')} | ${vscode.l10n.t('status')} |`,
            '|---|---|---|---|',
            ...stage.groups.flatMap((g) =>
                g.members.map(
                    (m) =>
                        `| ${g.name} | ${m.name} | ${parseArmId(m.clusterId)?.name ?? m.clusterId} | ${cell([updateStateWords(m.state), m.message].filter(Boolean).join(': '))} |`,
                ),
            ),
        );
    }
    return `${lines.join('\n')}\n`;
}
