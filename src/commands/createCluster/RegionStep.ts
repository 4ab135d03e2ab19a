import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { supportedVersionProblems } from '../../model/rules';
import { isLongTermSupportOnly } from '../../model/versions';
import { describeProblems } from '../describeProblem';
import type { CreateClusterContext } from './CreateClusterContext';

/**
 * The snapshot's region first; a region that no longer offers the snapshot's Kubernetes version is refused (R4), and
 * one that offers it only under long-term support makes the cluster LTS (Premium tier).
 */
export class RegionStep extends AzureWizardPromptStep<CreateClusterContext> {
    async prompt(context: CreateClusterContext): Promise<void> {
        const service = context.service!;
        const snapshot = context.snapshot!;
        const locations = await service.listLocations();
        const own = snapshot.location.toLowerCase();
        const ordered = [...locations.filter((l) => l.name.toLowerCase() === own), ...locations.filter((l) => l.name.toLowerCase() !== own)];
        const items = ordered.map((l) => ({
            label: l.displayName,
            description: l.name.toLowerCase() === own ? vscode.l10n.t('{0} · the snapshot\'s region', l.name) : l.name,
            data: l.name,
        }));
        let placeHolder = vscode.l10n.t('Region for cluster "{0}"', context.newClusterName!);
        // Kubernetes versions are asked per region only for the one picked: there can be dozens of regions.
        for (;;) {
            const picked = await context.ui.showQuickPick(items, { placeHolder, stepName: 'region', suppressPersistence: true });
            const offered = await service.listKubernetesVersions(picked.data);
            const problems = supportedVersionProblems(snapshot, picked.data, offered.map((v) => v.version));
            if (problems.length === 0) {
                context.location = picked.data;
                // AKS's own answer says whether the version needs long-term support (its minor's `supportPlan`).
                const version = offered.find((v) => v.version === snapshot.kubernetesVersion);
                context.longTermSupport = !!version && isLongTermSupportOnly(version);
                return;
            }
            placeHolder = vscode.l10n.t('{0} Pick another region.', describeProblems(problems));
        }
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.location;
    }
}
