import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { resourceGroupNameProblems } from '../../model/names';
import type { Problem } from '../../model/problems';
import { describeProblems } from '../../messages/describeProblem';
import { pickUsable } from '../common/pickUsable';
import type { CreateClusterContext } from './CreateClusterContext';
import { required } from '../../model/required';

const NEW = Symbol('new');

/** A new group's name: ARM's format, and not one that exists. */
export function validateNewResourceGroupName(value: string, groups: readonly { name: string }[]): string | undefined {
    const text = value.trim();
    const problems = resourceGroupNameProblems(text);
    if (problems.length > 0) {
        return describeProblems(problems);
    }
    return groups.some((g) => g.name.toLowerCase() === text.toLowerCase())
        ? vscode.l10n.t('Resource group "{0}" already exists: pick it from the list instead.', text)
        : undefined;
}

/** An existing group (not one that has a cluster of that name, R9) or a new one, made in the cluster's region. */
export class ResourceGroupStep extends AzureWizardPromptStep<CreateClusterContext> {
    async prompt(context: CreateClusterContext): Promise<void> {
        const service = required(context.service, 'service');
        const [groups, clusters] = await Promise.all([service.listResourceGroups(), service.listClusters()]);
        context.resourceGroups = groups;
        const name = required(context.newClusterName, 'newClusterName');
        const picked = await pickUsable(
            context,
            [
                { label: vscode.l10n.t('$(add) Create new resource group…'), data: NEW as string | typeof NEW, problems: [] },
                ...groups.map((g) => ({
                    label: g.name,
                    description: g.location,
                    data: g.name as string | typeof NEW,
                    problems: clusters.some(
                        (c) => c.resourceGroup.toLowerCase() === g.name.toLowerCase() && c.name.toLowerCase() === name.toLowerCase(),
                    )
                        ? [{ code: 'clusterNameTaken', rule: 'R9', name, resourceGroup: g.name } satisfies Problem]
                        : [],
                })),
            ],
            vscode.l10n.t('Resource group for cluster "{0}"', name),
            'resourceGroup',
        );
        if (picked !== NEW) {
            context.resourceGroup = picked;
            context.newResourceGroup = false;
            return;
        }
        context.resourceGroup = (
            await context.ui.showInputBox({
                prompt: vscode.l10n.t("Name of the new resource group (made in the cluster's region)"),
                value: `rg-${name}`.slice(0, 90),
                stepName: 'newResourceGroup',
                validateInput: (value) => validateNewResourceGroupName(value, groups),
            })
        ).trim();
        context.newResourceGroup = true;
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.resourceGroup;
    }
}
