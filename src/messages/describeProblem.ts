import * as vscode from 'vscode';
import type { Problem } from '../model/problems';

/**
 * The sentence a person reads for a problem, in the portal's words: the field and the value, translatable (the rule
 * is added where a record is kept).
 */
export function describeProblem(p: Problem): string {
    switch (p.code) {
        case 'vmSizeUnknown':
            return vscode.l10n.t('VM size "{0}" is not an Azure VM size name (Standard_<series><vCPUs>…).', p.vmSize);
        case 'vmFamilyMismatch':
            return vscode.l10n.t(
                'VM size "{0}" is not of the VM family and CPU architecture of {1} (snapshot "{2}"): a pool from a snapshot must keep both.',
                p.vmSize,
                p.snapshotVmSize,
                p.snapshot,
            );
        case 'vmSizeNotOffered':
            return vscode.l10n.t('VM size "{0}" is not offered to this subscription in {1}.', p.vmSize, p.location);
        case 'vmSizeGeneration':
            return vscode.l10n.t('VM size "{0}" cannot run the Hyper-V generation {1} image {2}.', p.vmSize, p.generation, p.image);
        case 'osMismatch':
            return vscode.l10n.t('Snapshot "{0}" is {1} and the pool is {2}: the OS type must match.', p.snapshot, p.snapshotOs, p.poolOs);
        case 'imageTooOld':
            return vscode.l10n.t(
                'Node pool "{0}" runs node image {1} of {2}; a snapshot needs a pool created or upgraded on or after 2021-11-10. Upgrade its node image first.',
                p.pool,
                p.image,
                p.date,
            );
        case 'versionNotSupported':
            return p.cluster
                ? vscode.l10n.t(
                      'Snapshot "{0}" has Kubernetes {1}, which AKS does not offer for new node pools in cluster "{2}" (its available agent pool versions).',
                      p.snapshot,
                      p.version,
                      p.cluster,
                  )
                : vscode.l10n.t('Snapshot "{0}" has Kubernetes {1}, which AKS does not support in {2}.', p.snapshot, p.version, p.location);
        case 'versionNotNewer':
            return vscode.l10n.t(
                "Kubernetes version {0} of the snapshot is older than the pool's {1}: an upgrade cannot go back.",
                p.snapshotVersion,
                p.poolVersion,
            );
        case 'snapshotSourceNotSucceeded':
            return vscode.l10n.t(
                'Node pool "{0}" is {1}: AKS takes a snapshot only of a pool whose last operation succeeded. Retry or repair the pool first.',
                p.pool,
                p.state,
            );
        case 'imageNotNewer':
            return vscode.l10n.t("Node image {0} of the snapshot is not newer than the pool's {1}.", p.snapshotImage, p.poolImage);
        case 'behindControlPlane':
            return vscode.l10n.t(
                'Kubernetes version {0} is more than two minor versions behind the control plane of cluster "{1}" ({2}): AKS keeps a node pool within two minor versions of it.',
                p.version,
                p.cluster,
                p.controlPlane,
            );
        case 'newerThanControlPlane':
            return vscode.l10n.t(
                'Kubernetes version {0} is newer than the control plane of cluster "{1}" ({2}); upgrade the cluster first.',
                p.version,
                p.cluster,
                p.controlPlane,
            );
        case 'skipsMinor':
            return vscode.l10n.t(
                "Going from Kubernetes {0} to {1} skips a minor version; upgrade one minor version at a time (AKS's upgrade paths for the pool could not be read, so the product's own rule was applied, which knows no LTS paths).",
                p.from,
                p.to,
            );
        case 'notListedUpgrade':
            return p.listed.length
                ? vscode.l10n.t(
                      'AKS does not list Kubernetes {0} as an upgrade for node pool "{1}"; it lists {2} (the pool\'s upgrade profile).',
                      p.version,
                      p.pool,
                      p.listed.join(', '),
                  )
                : vscode.l10n.t(
                      'AKS lists no Kubernetes upgrade for node pool "{0}", so it cannot go to {1} (the pool\'s upgrade profile).',
                      p.pool,
                      p.version,
                  );
        case 'versionUnreadable':
            return vscode.l10n.t('Kubernetes version "{0}" cannot be read, so no order can be checked; nothing is sent.', p.version);
        case 'osSkuChange':
            return vscode.l10n.t(
                'Snapshot "{0}" is {1} and the pool is {2}: an upgrade keeps the pool\'s OS.',
                p.snapshot,
                p.snapshotSku,
                p.poolSku,
            );
        case 'osDowngrade':
            return vscode.l10n.t(
                'Snapshot "{0}" runs Ubuntu {1} and the pool Ubuntu {2}: an upgrade cannot take the OS back.',
                p.snapshot,
                p.snapshotRelease,
                p.poolRelease,
            );
        case 'fipsChange':
            return p.poolFips
                ? vscode.l10n.t('The pool is FIPS-enabled and snapshot "{0}" is not: an upgrade keeps FIPS as it is.', p.snapshot)
                : vscode.l10n.t('Snapshot "{0}" is FIPS-enabled and the pool is not: an upgrade keeps FIPS as it is.', p.snapshot);
        case 'channelReimages':
            return vscode.l10n.t(
                'Cluster "{0}" has {1} "{2}": at its maintenance window AKS moves the pool to the latest node image, off the snapshot\'s.',
                p.cluster,
                p.setting,
                p.channel,
            );
        case 'systemPoolWindows':
            return vscode.l10n.t('Snapshot "{0}" is Windows: System node pool must be Linux.', p.snapshot);
        case 'systemPoolBSeries':
            return vscode.l10n.t('VM size "{0}" is B-series, which cannot run a system node pool.', p.vmSize);
        case 'systemPoolVcpus':
            return vscode.l10n.t('VM size "{0}" has {1} vCPUs; a system node pool needs at least 4.', p.vmSize, p.vCpus);
        case 'poolName':
            return p.osType === 'Windows'
                ? vscode.l10n.t(
                      'Node pool name "{0}" is invalid: a Windows pool name is 1–6 lowercase letters and digits, starting with a letter.',
                      p.name,
                  )
                : vscode.l10n.t('Node pool name "{0}" is invalid: 1–12 lowercase letters and digits, starting with a letter.', p.name);
        case 'poolNameTaken':
            return vscode.l10n.t('Node pool name "{0}" is already used in cluster "{1}".', p.name, p.cluster);
        case 'snapshotName':
            return vscode.l10n.t(
                'Snapshot name "{0}" is invalid: 1–63 letters, digits, "-" and "_", starting and ending with a letter or digit.',
                p.name,
            );
        case 'snapshotNameTaken':
            return vscode.l10n.t('Snapshot name "{0}" is already used in resource group "{1}".', p.name, p.resourceGroup);
        case 'clusterName':
            return vscode.l10n.t(
                'Cluster name "{0}" is invalid: 1–63 letters, digits, "-" and "_", starting and ending with a letter or digit.',
                p.name,
            );
        case 'clusterNameTaken':
            return vscode.l10n.t('Cluster name "{0}" is already used in resource group "{1}".', p.name, p.resourceGroup);
        case 'dnsPrefix':
            return vscode.l10n.t(
                'DNS prefix "{0}" is invalid: 1–54 letters, digits and "-", starting and ending with a letter or digit.',
                p.name,
            );
        case 'resourceGroupName':
            return vscode.l10n.t(
                'Resource group name "{0}" is invalid: 1–90 letters, digits, "-", "_", ".", "(" and ")", not ending with ".".',
                p.name,
            );
        case 'busy':
            return p.kind === 'cluster'
                ? vscode.l10n.t('Cluster "{0}" is {1}: AKS accepts no change until its current operation ends.', p.name, p.state)
                : vscode.l10n.t('Node pool "{0}" is {1}: AKS accepts no change until its current operation ends.', p.name, p.state);
        case 'stopped':
            return p.kind === 'cluster'
                ? vscode.l10n.t('Cluster "{0}" is stopped: AKS takes only start or delete on a stopped cluster. Start it first.', p.name)
                : vscode.l10n.t('Node pool "{0}" is stopped: AKS takes only start or delete on a stopped pool. Start it first.', p.name);
        case 'virtualMachinesPool':
            return vscode.l10n.t('Node pool "{0}" is of type VirtualMachines; snapshots need a VirtualMachineScaleSets pool.', p.pool);
        case 'osRetired':
            return p.os === 'Windows Server 2019'
                ? vscode.l10n.t(
                      'Snapshot "{0}" is of {1}, which AKS retired on {2}: no new node pools of it on Kubernetes 1.33 and later ({3}).',
                      p.snapshot,
                      p.os,
                      p.retired,
                      p.source,
                  )
                : vscode.l10n.t(
                      'Snapshot "{0}" is of {1}, which AKS retired on {2}: no updates, and its node images are being removed ({3}).',
                      p.snapshot,
                      p.os,
                      p.retired,
                      p.source,
                  );
        case 'windowsNeedsAzureCni':
            return vscode.l10n.t(
                'Snapshot "{0}" is of Windows, and cluster "{1}" uses the {2} network plugin: Windows node pools need Azure CNI (network plugin azure; Azure Policy "Azure Kubernetes Clusters should use Azure CNI").',
                p.snapshot,
                p.cluster,
                p.networkPlugin,
            );
        case 'imageAge':
            return vscode.l10n.t(
                'The snapshot\'s node image {0} was published on {1}, {2} days ago; AKS upgrades a pool to a snapshot only while its node image is within 90 days of its publish date (AKS page "Use node pool snapshots", learn.microsoft.com/azure/aks/node-pool-snapshot).',
                p.image,
                p.date,
                p.days,
            );
        case 'imageDateUnknown':
            return vscode.l10n.t(
                'The publish date of the snapshot\'s node image {0} cannot be read from its name, so it counts as more than 90 days old; AKS upgrades a pool to a snapshot only while its node image is within 90 days of its publish date (AKS page "Use node pool snapshots", learn.microsoft.com/azure/aks/node-pool-snapshot).',
                p.image,
            );
        case 'nodeCount':
            return vscode.l10n.t('Node count "{0}" is invalid: a {1} pool takes a whole number from {2} to 1000.', p.value, p.mode, p.min);
        case 'optionValue':
            return p.setBy === 'product'
                ? vscode.l10n.t('{0} "{1}" is invalid: it takes {2} (the product\'s limit).', fieldWords(p.field), p.value, p.limit)
                : vscode.l10n.t('{0} "{1}" is invalid: it takes {2} (AKS).', fieldWords(p.field), p.value, p.limit);
        case 'labelKey':
            return p.of === 'label'
                ? vscode.l10n.t(
                      'Label key "{0}" is invalid: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, after an optional DNS prefix and "/" (Kubernetes).',
                      p.key,
                  )
                : vscode.l10n.t(
                      'Taint key "{0}" is invalid: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, after an optional DNS prefix and "/" (Kubernetes).',
                      p.key,
                  );
        case 'labelValue':
            return p.of === 'label'
                ? vscode.l10n.t(
                      'Label value "{0}" (of key "{1}") is invalid: empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (Kubernetes).',
                      p.value,
                      p.key,
                  )
                : vscode.l10n.t(
                      'Taint value "{0}" (of key "{1}") is invalid: empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (Kubernetes).',
                      p.value,
                      p.key,
                  );
        case 'labelKeyTwice':
            return vscode.l10n.t('Label key "{0}" is given twice: each key once.', p.key);
        case 'optionConflict':
            switch (p.reason) {
                case 'systemSpot':
                    return vscode.l10n.t(
                        '{0} "{1}" is for User pools only: a System pool cannot be Spot (AKS).',
                        fieldWords(p.field),
                        p.value,
                    );
                case 'countOutsideAutoscale':
                    return vscode.l10n.t(
                        '{0} "{1}" is outside the autoscaler\'s range: the node count must be within min and max (AKS).',
                        fieldWords(p.field),
                        p.value,
                    );
                case 'nodeImageChannel':
                    return vscode.l10n.t('{0} "{1}" needs the node OS upgrade channel NodeImage (AKS).', fieldWords(p.field), p.value);
                case 'ephemeralNotSupported':
                    return vscode.l10n.t('{0} "{1}" needs a VM size that supports ephemeral OS disks (AKS).', fieldWords(p.field), p.value);
                case 'overlayNeedsAzure':
                    return vscode.l10n.t('{0} "{1}" needs the azure network plugin (AKS).', fieldWords(p.field), p.value);
                case 'surgeNeedsUnavailable':
                    return vscode.l10n.t(
                        '{0} "{1}" (no surge node) needs Max unavailable of at least 1, set under Advanced Options…: nodes are then drained in place (AKS, "Upgrade an AKS cluster").',
                        fieldWords(p.field),
                        p.value,
                    );
            }
            break;
        case 'rollbackChannelOn':
            return vscode.l10n.t(
                'Cluster "{0}" has auto-upgrade channel "{1}": AKS rolls a pool back only when it is none, or it would upgrade the pool again. Set it to none first (Pin Cluster).',
                p.cluster,
                p.channel,
            );
        case 'rollbackAfterRollback':
            return vscode.l10n.t('Node pool "{0}" was just rolled back: AKS takes no second rollback in a row.', p.pool);
        case 'rollbackNotEarlier':
            return vscode.l10n.t(
                'Kubernetes {0} with node image {1} is later than what the pool runs: that is an upgrade, not a rollback.',
                p.version,
                p.image,
            );
        case 'rollbackExpired':
            return vscode.l10n.t(
                'The pool left node image {0} on {1}: AKS keeps a version for rollback only {2} days after the upgrade.',
                p.image,
                p.lastUsed,
                p.days,
            );
        case 'rollbackVersionGone':
            return vscode.l10n.t('AKS no longer offers Kubernetes {0} to this pool: a rollback cannot go to it.', p.version);
        case 'rollbackOsSku':
            return vscode.l10n.t(
                "Node image {0} is of another OS SKU than the pool's {1}: a rollback does not revert an OS SKU change.",
                p.image,
                p.poolImage,
            );
        case 'tag':
            return vscode.l10n.t(
                'Tag "{0}" is invalid: write tags as key=value, separated by commas; keys cannot contain <, >, %, &, \\, ? or /.',
                p.value,
            );
        case 'tagName':
            return vscode.l10n.t(
                'Tag name "{0}" is invalid: 1–512 characters, none of <, >, %, &, \\, ? or / and no control characters.',
                p.name,
            );
        case 'tagNameDash':
            return vscode.l10n.t(
                'Tag name "{0}" starts with "-": the product\'s own limit, since the Azure CLI would read it as an option in the az line.',
                p.name,
            );
        case 'tagNameTaken':
            return vscode.l10n.t('Tag name "{0}" is already used (tag names ignore case): change that tag instead.', p.name);
        case 'tagValue':
            return vscode.l10n.t('Tag value "{0}" is invalid: at most 256 characters and no control characters.', p.value);
        case 'tooManyTags':
            return vscode.l10n.t('A resource takes at most {0} tags: remove one first.', p.max);
    }
}

/** A field as the Azure portal and the az CLI name it (the model names the API property). */
function fieldWords(field: string): string {
    switch (field) {
        case 'availabilityZones':
            return vscode.l10n.t('Availability zones');
        case 'nodeLabels':
            return vscode.l10n.t('Node label');
        case 'nodeTaints':
            return vscode.l10n.t('Node taint');
        case 'minCount–maxCount':
            return vscode.l10n.t('Autoscaler range (min–max nodes)');
        case 'maxPods':
            return vscode.l10n.t('Max pods per node');
        case 'osDiskSizeGB':
            return vscode.l10n.t('OS disk size (GB)');
        case 'osDiskType':
            return vscode.l10n.t('OS disk type');
        case 'scaleSetPriority':
            return vscode.l10n.t('Priority');
        case 'spotMaxPrice':
            return vscode.l10n.t('Spot max price');
        case 'count':
            return vscode.l10n.t('Node count');
        case 'maxUnavailable':
            return vscode.l10n.t('Max unavailable');
        case 'upgradeSettings.maxSurge':
            return vscode.l10n.t('Max surge');
        case 'upgradeSettings.drainTimeoutInMinutes':
            return vscode.l10n.t('Drain timeout (minutes)');
        case 'upgradeSettings.nodeSoakDurationInMinutes':
            return vscode.l10n.t('Node soak duration (minutes)');
        case 'linuxProfile.ssh.publicKeys':
            return vscode.l10n.t('SSH public key');
        case 'autoUpgradeProfile.upgradeChannel':
            return vscode.l10n.t('Auto-upgrade channel');
        case 'canary':
            return vscode.l10n.t('Canary wave');
        case 'waveSize':
            return vscode.l10n.t('Wave size');
        case 'concurrency':
            return vscode.l10n.t('Upgrades at once');
        case 'failureBudget':
            return vscode.l10n.t('Failure budget');
        default:
            return field;
    }
}

export function describeProblems(problems: readonly Problem[]): string {
    return problems.map(describeProblem).join(' ');
}

/**
 * The sentence with the rule it applies (R1…R16, the README's list), for where a record is kept: the log, a tooltip,
 * the roll-out's plan. What a person reads while choosing stays in plain words.
 */
export function describeProblemWithRule(p: Problem): string {
    return /^R\d+$/.test(p.rule) ? `${describeProblem(p)} (${p.rule})` : describeProblem(p);
}

export function describeProblemsWithRules(problems: readonly Problem[]): string {
    return problems.map(describeProblemWithRule).join(' ');
}
