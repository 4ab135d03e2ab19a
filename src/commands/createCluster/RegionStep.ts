import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { supportedVersionProblems } from '../../model/rules';
import { isLongTermSupportOnly, OfferedVersion } from '../../model/versions';
import { inTurns } from '../../model/inTurns';
import { pickUsable } from '../common/pickUsable';
import type { CreateClusterContext } from './CreateClusterContext';
import { required } from '../../model/required';

/** Regions whose Kubernetes versions are read at once: a subscription sees dozens. */
const REGIONS_AT_ONCE = 8;

/**
 * The snapshot's region first; a region that does not offer the snapshot's Kubernetes version is shown as such
 * before the choice (R4), and one that offers it only under long-term support makes the cluster LTS (Premium tier).
 * A region whose versions cannot be read is offered, and AKS judges it.
 */
export class RegionStep extends AzureWizardPromptStep<CreateClusterContext> {
    async prompt(context: CreateClusterContext): Promise<void> {
        const service = required(context.service, 'service');
        const snapshot = required(context.snapshot, 'snapshot');
        const locations = await service.listLocations();
        const own = snapshot.location.toLowerCase();
        const ordered = [
            ...locations.filter((l) => l.name.toLowerCase() === own),
            ...locations.filter((l) => l.name.toLowerCase() !== own),
        ];
        const offered = await inTurns(ordered, REGIONS_AT_ONCE, (l) =>
            service.listKubernetesVersions(l.name).catch((): OfferedVersion[] | undefined => undefined),
        );
        const location = await pickUsable(
            context,
            ordered.map((l, i) => ({
                label: l.displayName,
                description: l.name.toLowerCase() === own ? vscode.l10n.t("{0} · the snapshot's region", l.name) : l.name,
                data: i,
                problems: offered[i]
                    ? supportedVersionProblems(
                          snapshot,
                          l.name,
                          offered[i].map((v) => v.version),
                      )
                    : [],
            })),
            vscode.l10n.t('Region for cluster "{0}"', required(context.newClusterName, 'newClusterName')),
            'region',
        );
        context.location = ordered[location].name;
        // AKS's own answer says whether the version needs long-term support (its minor's `supportPlan`).
        const version = offered[location]?.find((v) => v.version === snapshot.kubernetesVersion);
        context.longTermSupport = !!version && isLongTermSupportOnly(version);
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.location;
    }
}
