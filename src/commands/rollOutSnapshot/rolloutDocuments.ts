import * as vscode from 'vscode';
import { nodePoolUpgradeCommand, Shell, toShellLine } from '../../model/azCommands';
import { parseArmId } from '../../model/armId';
import { countByStatus, PlannedPool, PoolOutcome, RolloutPlan, RolloutSettings, RolloutState } from '../../model/rollout';
import { upgradeSettingLines } from '../common/upgradeSettings';
import { describeProblemsWithRules } from '../../messages/describeProblem';
import { required } from '../../model/required';

/** Text as one cell of a Markdown table. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function pathText(path: PlannedPool['path']): string {
    return path === 'nodeImageOnly' ? vscode.l10n.t('node image only') : vscode.l10n.t('Kubernetes and node image');
}

export function settingsText(s: RolloutSettings): string {
    const upgrade = upgradeSettingLines(s.upgrade ?? {}, true);
    return (
        vscode.l10n.t(
            'canary {0} · waves of {1} · {2} at once · stop after {3} failed · between waves: {4}',
            s.canary,
            s.waveSize,
            s.concurrency,
            s.failureBudget,
            s.between.kind === 'confirm'
                ? vscode.l10n.t('ask, showing the results so far')
                : vscode.l10n.t('wait {0} minutes', s.between.minutes),
        ) + (upgrade.length ? ` · ${vscode.l10n.t('Kubernetes upgrades: {0}', upgrade.join(', '))}` : '')
    );
}

/** A pool's part in a roll-out, in words. */
export function outcomeText(o: PoolOutcome | undefined): string {
    switch (o?.status ?? 'pending') {
        case 'pending':
            return vscode.l10n.t('waiting');
        case 'running':
            return vscode.l10n.t('upgrading');
        case 'succeeded':
            return vscode.l10n.t('done');
        case 'failed':
            return o?.code ? vscode.l10n.t('failed: {0} ({1})', o.message ?? '', o.code) : vscode.l10n.t('failed: {0}', o?.message ?? '');
        case 'skipped':
            return vscode.l10n.t('skipped: {0}', o?.message ?? '');
        case 'stillRunning':
            return vscode.l10n.t('still running in Azure');
    }
}

/** The plan as a read-only Markdown document; with a state, each pool's status too (it updates as the roll-out goes). */
export function planDocument(plan: RolloutPlan, state?: RolloutState): string {
    const s = plan.snapshot;
    const lines = [
        `# ${vscode.l10n.t('Roll-out of snapshot "{0}"', s.name)}`,
        '',
        vscode.l10n.t('Target: Kubernetes {0}, node image {1}', s.kubernetesVersion, s.nodeImageVersion),
        '',
        vscode.l10n.t('Settings: {0}', settingsText(plan.settings)),
        ...(state ? ['', vscode.l10n.t('Status: {0}', statusText(state))] : []),
    ];
    plan.waves.forEach((wave, i) => {
        lines.push(
            '',
            `## ${i === 0 && plan.settings.canary > 0 ? vscode.l10n.t('Wave {0} (canary)', i + 1) : vscode.l10n.t('Wave {0}', i + 1)}`,
            '',
            `| ${vscode.l10n.t('pool')} | ${vscode.l10n.t('cluster')} | ${vscode.l10n.t('path')} | ${vscode.l10n.t('from')} | ${vscode.l10n.t('to')} |${state ? ` ${vscode.l10n.t('status')} |` : ''}`,
            `|---|---|---|---|---|${state ? '---|' : ''}`,
            ...wave.map(
                (p) =>
                    `| ${p.poolName} | ${p.clusterName} | ${pathText(p.path)} | ${p.fromKubernetesVersion} · ${p.fromNodeImage} | ${s.kubernetesVersion} · ${s.nodeImageVersion} |${state ? ` ${cell(outcomeText(state.outcomes[p.poolId]))} |` : ''}`,
            ),
        );
    });
    if (plan.skipped.length) {
        lines.push(
            '',
            `## ${vscode.l10n.t('Not in the roll-out')}`,
            '',
            `| ${vscode.l10n.t('pool')} | ${vscode.l10n.t('cluster')} | ${vscode.l10n.t('why')} |`,
            '|---|---|---|',
            ...plan.skipped.map(
                (p) =>
                    `| ${p.poolName} | ${p.clusterName} | ${cell(p.reason.kind === 'current' ? vscode.l10n.t('already on the snapshot') : describeProblemsWithRules(p.reason.problems))} |`,
            ),
        );
    }
    return `${lines.join('\n')}\n`;
}

function statusText(state: RolloutState): string {
    const c = countByStatus(state);
    const where = vscode.l10n.t('wave {0} of {1}', Math.min(state.wave + 1, state.plan.waves.length), state.plan.waves.length);
    const counts = vscode.l10n.t(
        '{0} done, {1} failed, {2} skipped, {3} still running in Azure, {4} to go',
        c.succeeded,
        c.failed,
        c.skipped,
        c.stillRunning + c.running,
        c.pending,
    );
    switch (state.status) {
        case 'running':
            return `${vscode.l10n.t('running')}, ${where}: ${counts}`;
        case 'waiting':
            return `${vscode.l10n.t('waiting between waves')}, ${where}: ${counts}`;
        case 'done':
            return `${vscode.l10n.t('finished')}: ${counts}`;
        case 'stopped':
            return state.stopReason
                ? `${vscode.l10n.t('stopped')}: ${state.stopReason} ${counts}`
                : `${vscode.l10n.t('stopped at the failure budget')}: ${counts}`;
        case 'canceled':
            return `${vscode.l10n.t('canceled')}: ${counts}`;
    }
}

/**
 * The result: done (each pool's versions before and after, and when it ran), failed (Azure's code and message),
 * skipped (why), still running, not started. Markdown to copy; plain text where a dialog shows it.
 */
export function summaryDocument(state: RolloutState, format: 'markdown' | 'text' = 'markdown'): string {
    const pools = state.plan.waves.flat();
    const target = state.plan.snapshot;
    const group = (status: PoolOutcome['status'][]) => pools.filter((p) => status.includes(state.outcomes[p.poolId]?.status ?? 'pending'));
    const markdown = format === 'markdown';
    const section = (title: string, list: PlannedPool[], detail: (p: PlannedPool) => string) =>
        list.length
            ? [
                  '',
                  markdown ? `## ${title} (${list.length})` : `${title} (${list.length}):`,
                  ...(markdown ? [''] : []),
                  ...list.map((p) => `${markdown ? '- ' : '  '}${p.clusterName}/${p.poolName}${detail(p)}`),
              ]
            : [];
    const when = (p: PlannedPool): string => {
        const o = state.outcomes[p.poolId];
        const time = (iso: string | undefined): string => (iso ? `${iso.slice(11, 19)} UTC` : '?');
        return o?.startedAt || o?.endedAt ? `, ${time(o.startedAt)} – ${time(o.endedAt)}` : '';
    };
    const versions = (p: PlannedPool): string =>
        p.path === 'kubernetes'
            ? `: Kubernetes ${p.fromKubernetesVersion} → ${target.kubernetesVersion}, ${p.fromNodeImage} → ${target.nodeImageVersion}`
            : `: ${p.fromNodeImage} → ${target.nodeImageVersion}`;
    const detail = (p: PlannedPool): string => {
        const o = state.outcomes[p.poolId];
        return o?.message ? `: ${o.message}${o.code ? ` (${o.code})` : ''}${when(p)}` : when(p);
    };
    const title = vscode.l10n.t('Roll-out of snapshot "{0}": {1}', state.plan.snapshot.name, statusText(state));
    return [
        markdown ? `# ${title}` : title,
        ...section(vscode.l10n.t('Done'), group(['succeeded']), (p) => `${versions(p)}${when(p)}`),
        ...section(vscode.l10n.t('Failed'), group(['failed']), detail),
        ...section(vscode.l10n.t('Skipped'), group(['skipped']), detail),
        ...section(vscode.l10n.t('Still running in Azure'), group(['running', 'stillRunning']), when),
        ...section(vscode.l10n.t('Not started'), group(['pending']), () => ''),
        '',
    ].join('\n');
}

/** The whole plan as an `az` script: wave by wave, the pools of a wave one after another. */
export function rolloutScript(plan: RolloutPlan): string {
    const lines = ['#!/usr/bin/env bash', `# ${vscode.l10n.t('Roll-out of snapshot "{0}"', plan.snapshot.name)}`, 'set -euo pipefail'];
    plan.waves.forEach((wave, i) => {
        lines.push('', `# ${vscode.l10n.t('Wave {0}', i + 1)}`, ...wave.map((p) => poolUpgradeLine(plan, p)));
    });
    return `${lines.join('\n')}\n`;
}

/** One pool's upgrade in the roll-out, as the `az` line that does it (for bash in the roll-out's script). */
export function poolUpgradeLine(plan: RolloutPlan, p: PlannedPool, shell: Shell = 'bash'): string {
    const id = required(parseArmId(p.poolId), 'poolId');
    return toShellLine(
        nodePoolUpgradeCommand({
            subscriptionId: id.subscriptionId,
            resourceGroup: id.resourceGroup,
            cluster: id.name,
            name: id.agentPool ?? p.poolName,
            snapshotId: plan.snapshot.id,
            nodeImageOnly: p.path === 'nodeImageOnly',
            maxSurge: plan.settings.upgrade?.maxSurge,
            options: plan.settings.upgrade,
        }),
        shell,
    );
}
