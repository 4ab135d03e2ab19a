import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { Fleet, FleetMember, GroupUpdate, MemberUpdate, StageUpdate, UpdateRun, updateRunActions } from '../model/fleet';
import { parseArmId } from '../model/armId';
import type { AksTreeElement } from './AksTreeElement';
import { errorText, loadErrorItem } from './loadErrorItem';
import { tooltipTable } from './tooltip';

/** What a fleet shows when it expands: its members and its update runs, read together. */
export interface FleetContents {
    readonly members: readonly FleetMember[];
    readonly runs: readonly UpdateRun[];
}

/** The Fleet Manager fleets of one subscription (shown only where it has some). */
export class FleetsItem implements AksTreeElement {
    static readonly contextValue = 'aksFleetGroup';
    readonly id: string;

    constructor(
        readonly fleets: readonly Fleet[],
        readonly parent: AksTreeElement,
        private readonly read: (fleet: Fleet) => Promise<FleetContents>,
    ) {
        this.id = `${parent.id}/fleets`;
    }

    getTreeItem(): vscode.TreeItem {
        return {
            id: this.id,
            label: vscode.l10n.t('Fleets'),
            description: String(this.fleets.length),
            iconPath: new vscode.ThemeIcon('server-environment'),
            contextValue: createContextValue([FleetsItem.contextValue]),
            collapsibleState: vscode.TreeItemCollapsibleState.Collapsed,
        };
    }

    getChildren(): AksTreeElement[] {
        return this.fleets.map((f) => new FleetItem(f, this, this.read));
    }
}

/** A fleet: its members (the cluster each is, its update group), then its update runs. */
export class FleetItem implements AksTreeElement {
    static readonly contextValue = 'aksFleet';
    readonly id: string;
    private contents: Promise<FleetContents> | undefined;

    constructor(
        readonly fleet: Fleet,
        readonly parent: AksTreeElement,
        private readonly read: (fleet: Fleet) => Promise<FleetContents>,
    ) {
        this.id = fleet.id;
    }

    getTreeItem(): vscode.TreeItem {
        return {
            id: this.id,
            label: this.fleet.name,
            description: this.fleet.location,
            tooltip: tooltipTable(`**${this.fleet.name}**`, [
                [vscode.l10n.t('Resource group'), this.fleet.resourceGroup],
                [vscode.l10n.t('Region'), this.fleet.location],
            ]),
            iconPath: new vscode.ThemeIcon('server-environment'),
            contextValue: createContextValue([FleetItem.contextValue]),
            collapsibleState: vscode.TreeItemCollapsibleState.Collapsed,
        };
    }

    async getChildren(): Promise<AksTreeElement[]> {
        this.contents ??= this.read(this.fleet);
        try {
            const { members, runs } = await this.contents;
            return [...members.map((m) => memberRow(m, this)), ...runs.map((r) => new UpdateRunItem(r, this))];
        } catch (error) {
            this.contents = undefined;
            return [loadErrorItem(`${this.id}/loadError`, this, vscode.l10n.t('Could not read this fleet'), errorText(error))];
        }
    }

    invalidate(): void {
        this.contents = undefined;
    }
}

/** An update run: its state, then its stages. Right-click to follow, start, stop or skip part of it. */
export class UpdateRunItem implements AksTreeElement {
    static readonly contextValue = 'aksUpdateRun';
    readonly id: string;

    constructor(
        readonly run: UpdateRun,
        readonly parent: FleetItem,
    ) {
        this.id = run.id;
    }

    getTreeItem(): vscode.TreeItem {
        const r = this.run;
        const image = r.customNodeImageVersions.join(', ') || r.nodeImageSelection;
        const actions = updateRunActions(r.state);
        return {
            id: this.id,
            label: r.name,
            description: [updateStateWords(r.state), r.kubernetesVersion, image].filter(Boolean).join(' · '),
            tooltip: tooltipTable(`**${r.name}**`, [
                [vscode.l10n.t('State'), updateStateWords(r.state)],
                [vscode.l10n.t('Upgrade'), r.kubernetesVersion ? `${r.upgradeType} → ${r.kubernetesVersion}` : r.upgradeType],
                [vscode.l10n.t('Node images'), image],
                ...(r.startTime ? [[vscode.l10n.t('Started'), r.startTime] as [string, string]] : []),
                ...(r.completedTime ? [[vscode.l10n.t('Ended'), r.completedTime] as [string, string]] : []),
                ...(r.error ? [[vscode.l10n.t('Error'), r.error] as [string, string]] : []),
            ]),
            iconPath: updateStateIcon(r.state),
            // The actions Fleet takes in this state.
            contextValue: createContextValue([
                UpdateRunItem.contextValue,
                ...(actions.start ? ['canStart'] : []),
                ...(actions.stop ? ['canStop'] : []),
                ...(actions.skip ? ['canSkip'] : []),
            ]),
            collapsibleState: vscode.TreeItemCollapsibleState.Collapsed,
        };
    }

    getChildren(): AksTreeElement[] {
        return this.run.stages.map((s) => stageRow(s, this));
    }
}

function memberRow(m: FleetMember, parent: AksTreeElement): AksTreeElement {
    const cluster = parseArmId(m.clusterId)?.name ?? m.clusterId;
    return row(m.id, parent, {
        label: m.name,
        description: [cluster, m.group ? vscode.l10n.t('group {0}', m.group) : vscode.l10n.t('no update group')].join(' · '),
        tooltip: tooltipTable(`**${m.name}**`, [
            [vscode.l10n.t('Cluster'), m.clusterId],
            [vscode.l10n.t('Update group'), m.group ?? '—'],
        ]),
        iconPath: new vscode.ThemeIcon('vm'),
        contextValue: '',
    });
}

function stageRow(stage: StageUpdate, run: UpdateRunItem): AksTreeElement {
    const id = `${run.id}/stages/${stage.name}`;
    const wait = stage.wait ? vscode.l10n.t('then waits {0} s: {1}', stage.wait.seconds, updateStateWords(stage.wait.state)) : undefined;
    return row(
        id,
        run,
        {
            label: vscode.l10n.t('Stage {0}', stage.name),
            description: [updateStateWords(stage.state), wait].filter(Boolean).join(' · '),
            iconPath: updateStateIcon(stage.state),
            contextValue: '',
            collapsibleState: vscode.TreeItemCollapsibleState.Expanded,
        },
        (self) => stage.groups.map((g) => groupRow(g, id, self)),
    );
}

function groupRow(group: GroupUpdate, stageId: string, parent: AksTreeElement): AksTreeElement {
    const id = `${stageId}/groups/${group.name}`;
    return row(
        id,
        parent,
        {
            label: vscode.l10n.t('Group {0}', group.name),
            description: updateStateWords(group.state),
            iconPath: updateStateIcon(group.state),
            contextValue: '',
            collapsibleState: vscode.TreeItemCollapsibleState.Expanded,
        },
        (self) => group.members.map((m) => memberUpdateRow(m, id, self)),
    );
}

function memberUpdateRow(m: MemberUpdate, groupId: string, parent: AksTreeElement): AksTreeElement {
    return row(`${groupId}/members/${m.name}`, parent, {
        label: m.name,
        description: [updateStateWords(m.state), m.message].filter(Boolean).join(' · '),
        tooltip: m.message ?? m.clusterId,
        iconPath: updateStateIcon(m.state),
        contextValue: '',
    });
}

type RowOptions = Omit<vscode.TreeItem, 'id' | 'label'> & { readonly label: string };

/** A row that only shows (its children, if any, given). */
function row(
    id: string,
    parent: AksTreeElement,
    options: RowOptions,
    children?: (self: AksTreeElement) => AksTreeElement[],
): AksTreeElement {
    const element: AksTreeElement = {
        id,
        parent,
        getTreeItem: () => ({ ...options, id }),
        ...(children ? { getChildren: () => children(element) } : {}),
    };
    return element;
}

/** Fleet's `UpdateState` in words. */
export function updateStateWords(state: string): string {
    switch (state) {
        case 'NotStarted':
            return vscode.l10n.t('not started');
        case 'Running':
            return vscode.l10n.t('running');
        case 'Stopping':
            return vscode.l10n.t('stopping');
        case 'Stopped':
            return vscode.l10n.t('stopped');
        case 'Skipped':
            return vscode.l10n.t('skipped');
        case 'Failed':
            return vscode.l10n.t('failed');
        case 'Completed':
            return vscode.l10n.t('completed');
        default:
            return state;
    }
}

function updateStateIcon(state: string): vscode.ThemeIcon {
    switch (state) {
        case 'Running':
        case 'Stopping':
            return new vscode.ThemeIcon('sync~spin');
        case 'Completed':
            return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        case 'Failed':
            return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        case 'Stopped':
            return new vscode.ThemeIcon('debug-stop');
        case 'Skipped':
            return new vscode.ThemeIcon('debug-step-over');
        default:
            return new vscode.ThemeIcon('circle-outline');
    }
}
