import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { NodePool } from '../model/aks';
import { parseArmId } from '../model/armId';
import type { SnapshotPin } from '../model/drift';
import { isTerminalState } from '../model/provisioning';
import { daysBehind, LatestNodeImage } from '../model/versions';
import { busyProblem, snapshotSourceProblems } from '../model/rules';
import { describeProblemWithRule } from '../messages/describeProblem';
import { latestImageWords } from '../messages/latestImageWords';
import { channelWindowWords } from '../messages/windowWords';
import type { ChannelWindow } from '../model/maintenance';
import type { AksTreeElement } from './AksTreeElement';
import type { ClusterItem } from './ClusterItem';
import { mediaIcon } from './icons';
import { stateWords } from './stateWords';
import { tooltipTable } from './tooltip';

/** Marks a pool that keeps a snapshot's node image (R7). */
export const SNAPSHOT_MARKER = '◆';
/** Marks a pool linked to a snapshot whose image or Kubernetes version it has left. */
export const DRIFT_MARKER = '◇';
/** A pool or cluster in the middle of an operation, which Abort Operation… can stop. */
export const IN_OPERATION = 'aksInOperation';

export class NodePoolItem implements AksTreeElement {
    static readonly contextValue = 'aksNodePool';
    readonly id: string;

    /**
     * `pin`: where the pool stands against the snapshot it links to (undefined when it links to none). `newer`: AKS's
     * latest node image for it, after how many days behind it a pool is marked behind, and, where the cluster's channel
     * re-images it, when that channel may next act.
     */
    constructor(
        readonly pool: NodePool,
        readonly parent: ClusterItem,
        readonly pin?: SnapshotPin,
        readonly newer?: { latest: LatestNodeImage; behindDays: number; window?: ChannelWindow | { readonly unread: string } },
    ) {
        this.id = pool.id;
    }

    /** Days the pool's node image is behind AKS's latest for it, when both were read and dated. */
    get daysBehind(): number | undefined {
        const latest = this.newer?.latest;
        return latest && 'latest' in latest && this.pool.nodeImageVersion
            ? daysBehind(this.pool.nodeImageVersion, latest.latest)
            : undefined;
    }

    /** The snapshot's name, when the pool was created or upgraded from one. */
    get snapshotName(): string | undefined {
        return this.pool.snapshotId ? (parseArmId(this.pool.snapshotId)?.name ?? this.pool.snapshotId) : undefined;
    }

    getTreeItem(): vscode.TreeItem {
        const p = this.pool;
        const busy = !isTerminalState(p.provisioningState);
        const failed = p.provisioningState?.toLowerCase() === 'failed';
        // Canceled (an abort, or AKS's own cancel) is at rest but not as asked: said, as Failed is.
        const canceled = p.provisioningState?.toLowerCase() === 'canceled';
        const description = [
            busy || failed || canceled ? stateWords(p.provisioningState ?? '?') : undefined,
            p.mode,
            p.osSku ?? p.osType,
            p.vmSize,
            p.nodeImageVersion,
            ...this.pinMarks(),
            (this.daysBehind ?? 0) > (this.newer?.behindDays ?? Infinity) ? vscode.l10n.t('behind') : undefined,
        ]
            .filter(Boolean)
            .join(' · ');
        const drifted = this.isDrifted();
        const ready = busyProblem('nodePool', p.name, p.provisioningState, p.powerState).length === 0;
        return {
            id: this.id,
            label: p.name,
            description,
            accessibilityInformation: { label: this.spokenLabel(busy || failed || canceled), role: 'treeitem' },
            tooltip: this.tooltip(),
            iconPath: busy
                ? new vscode.ThemeIcon('loading~spin')
                : failed
                  ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
                  : drifted
                    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
                    : mediaIcon('nodePool'),
            // What its menu offers: Create Snapshot where the pool can be a snapshot's source (R10, R11, R3), Upgrade to
            // Snapshot where no operation runs on it and it is not stopped (R10) and it is a scale set (R11), Roll Back
            // where no operation runs and it is not stopped, Abort Operation while one runs.
            contextValue: createContextValue([
                NodePoolItem.contextValue,
                ...(snapshotSourceProblems(p).length === 0 ? ['aksSnapshotSource'] : []),
                ...(ready && p.poolType !== 'VirtualMachines' ? ['aksUpgradable'] : []),
                ...(ready ? ['aksReady'] : []),
                ...(busy ? [IN_OPERATION] : []),
            ]),
            collapsibleState: vscode.TreeItemCollapsibleState.None,
        };
    }

    /** What a screen reader says: the description's facts, with the marks and the state in words. */
    private spokenLabel(stateShown: boolean): string {
        const p = this.pool;
        const drifted = this.isDrifted();
        return [
            vscode.l10n.t('Node pool {0}', p.name),
            stateShown ? stateWords(p.provisioningState ?? '?') : undefined,
            p.mode,
            p.osSku ?? p.osType,
            p.vmSize,
            p.nodeImageVersion ? vscode.l10n.t('node image {0}', p.nodeImageVersion) : undefined,
            this.snapshotName
                ? drifted
                    ? vscode.l10n.t('drifted from snapshot {0}', this.snapshotName)
                    : vscode.l10n.t('on snapshot {0}', this.snapshotName)
                : undefined,
            this.pin?.atRisk ? vscode.l10n.t("at risk: its cluster's channels will re-image it") : undefined,
            (this.daysBehind ?? 0) > (this.newer?.behindDays ?? Infinity)
                ? vscode.l10n.t("{0} days behind AKS's latest node image", this.daysBehind ?? 0)
                : undefined,
        ]
            .filter(Boolean)
            .join(', ');
    }

    /** Off the snapshot's image or version; not while an operation runs on the pool (its versions are on their way). */
    private isDrifted(): boolean {
        return !!this.pin?.drift.length && isTerminalState(this.pool.provisioningState);
    }

    /** `◆ snap` on the snapshot's image; `◇ snap · drifted` when it left it; `at risk` when its cluster will re-image it (R7). */
    private pinMarks(): (string | undefined)[] {
        if (!this.snapshotName) {
            return [];
        }
        const drifted = this.isDrifted();
        return [
            `${drifted ? DRIFT_MARKER : SNAPSHOT_MARKER} ${this.snapshotName}`,
            drifted ? vscode.l10n.t('drifted') : undefined,
            this.pin?.atRisk ? vscode.l10n.t('at risk') : undefined,
        ];
    }

    private pinRows(): [string, string | undefined][] {
        const pin = this.pin;
        if (!pin) {
            return [];
        }
        const rows: [string, string | undefined][] = [];
        if (!pin.snapshot) {
            rows.push([
                vscode.l10n.t('Drift'),
                vscode.l10n.t('unknown: the snapshot could not be read (deleted, or in a subscription not listed)'),
            ]);
        } else if (pin.drift.length) {
            rows.push([
                vscode.l10n.t('Drifted'),
                pin.drift
                    .map((d) =>
                        d.field === 'nodeImage'
                            ? vscode.l10n.t("node image {0}, the snapshot's is {1}", d.pool || '?', d.snapshot)
                            : vscode.l10n.t("Kubernetes {0}, the snapshot's is {1}", d.pool, d.snapshot),
                    )
                    .join('; '),
            ]);
        }
        if (pin.atRisk) {
            rows.push([vscode.l10n.t('At risk'), describeProblemWithRule(pin.atRisk)]);
        }
        return rows;
    }

    private tooltip(): vscode.MarkdownString {
        const p = this.pool;
        const rows: [string, string | undefined][] = [
            [vscode.l10n.t('Mode'), p.mode],
            [vscode.l10n.t('State'), p.provisioningState && stateWords(p.provisioningState)],
            [vscode.l10n.t('Power'), p.powerState],
            [vscode.l10n.t('Kubernetes version'), p.kubernetesVersion],
            [vscode.l10n.t('Node image'), p.nodeImageVersion],
            [vscode.l10n.t('Latest node image'), this.newer && latestImageWords(p.nodeImageVersion, this.newer.latest)],
            [vscode.l10n.t('AKS re-images it'), this.newer?.window && channelWindowWords(this.newer.window)],
            [vscode.l10n.t('OS'), p.osSku ? `${p.osType} (${p.osSku})` : p.osType],
            [vscode.l10n.t('VM size'), p.vmSize],
            [vscode.l10n.t('Nodes'), p.count?.toString()],
            [vscode.l10n.t('Pool type'), p.poolType],
            [
                vscode.l10n.t('FIPS'),
                p.enableFips === undefined ? undefined : p.enableFips ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled'),
            ],
            [
                vscode.l10n.t('Snapshot'),
                this.snapshotName ? vscode.l10n.t('{0} (keeps its node image when scaled)', this.snapshotName) : vscode.l10n.t('none'),
            ],
            ...this.pinRows(),
        ];
        return tooltipTable(`**${p.name}** · ${this.parent.cluster.name}`, rows);
    }
}
