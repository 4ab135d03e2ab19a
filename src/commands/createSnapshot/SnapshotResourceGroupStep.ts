import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Problem } from '../../model/problems';
import { pickUsable } from '../common/pickUsable';
import { CreateSnapshotContext, existingSnapshots, snapshotNamesIn } from './CreateSnapshotContext';

/** The cluster's resource group first; one that already has a snapshot of that name cannot be chosen (R9). */
export class SnapshotResourceGroupStep extends AzureWizardPromptStep<CreateSnapshotContext> {
    async prompt(context: CreateSnapshotContext): Promise<void> {
        const [groups, snapshots] = await Promise.all([context.service.listResourceGroups(), existingSnapshots(context)]);
        const own = context.cluster.resourceGroup.toLowerCase();
        const ordered = [...groups.filter((g) => g.name.toLowerCase() === own), ...groups.filter((g) => g.name.toLowerCase() !== own)];
        const name = context.snapshotName ?? '';
        context.resourceGroup = await pickUsable(
            context,
            ordered.map((g) => ({
                label: g.name,
                description: g.name.toLowerCase() === own ? vscode.l10n.t("the cluster's resource group · {0}", g.location) : g.location,
                data: g.name,
                problems: snapshotNamesIn(snapshots, g.name).some((n) => n.toLowerCase() === name.toLowerCase())
                    ? [{ code: 'snapshotNameTaken', rule: 'R9', name, resourceGroup: g.name } satisfies Problem]
                    : [],
            })),
            vscode.l10n.t("Resource group for the snapshot (it is created in {0}, the cluster's region)", context.cluster.location),
            'resourceGroup',
        );
    }

    shouldPrompt(context: CreateSnapshotContext): boolean {
        return !context.resourceGroup;
    }
}
