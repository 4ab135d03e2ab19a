/**
 * A reason the product refuses (or warns about) an input before anything is sent to Azure. The model names
 * the rule and the values; `src/messages/describeProblem.ts` turns it into a translatable sentence.
 */
export type Problem =
    | { code: 'vmSizeUnknown'; rule: 'R1'; vmSize: string }
    | { code: 'vmFamilyMismatch'; rule: 'R1'; vmSize: string; snapshot: string; snapshotVmSize: string }
    | { code: 'vmSizeNotOffered'; rule: 'R1'; vmSize: string; location: string }
    | { code: 'vmSizeGeneration'; rule: 'R1'; vmSize: string; generation: string; image: string }
    | { code: 'imageTooOld'; rule: 'R3'; pool: string; image: string; date: string }
    | { code: 'versionNotSupported'; rule: 'R4'; snapshot: string; version: string; location: string; cluster?: string }
    | { code: 'versionNotNewer'; rule: 'R5'; snapshotVersion: string; poolVersion: string }
    | { code: 'imageNotNewer'; rule: 'R5'; snapshotImage: string; poolImage: string }
    | { code: 'newerThanControlPlane'; rule: 'R5'; version: string; cluster: string; controlPlane: string }
    | { code: 'behindControlPlane'; rule: 'R5'; version: string; cluster: string; controlPlane: string }
    | { code: 'skipsMinor'; rule: 'R5'; from: string; to: string }
    | { code: 'notListedUpgrade'; rule: 'R5'; pool: string; version: string; listed: readonly string[] }
    | { code: 'versionUnreadable'; rule: 'R5'; version: string }
    | { code: 'channelReimages'; rule: 'R7'; cluster: string; setting: 'nodeOSUpgradeChannel' | 'upgradeChannel'; channel: string }
    | { code: 'osSkuChange'; rule: 'R14'; snapshot: string; snapshotSku: string; poolSku: string }
    | { code: 'osDowngrade'; rule: 'R14'; snapshot: string; snapshotRelease: string; poolRelease: string }
    | { code: 'fipsChange'; rule: 'R14'; snapshot: string; snapshotFips: boolean; poolFips: boolean }
    | { code: 'osMismatch'; rule: 'R1'; snapshot: string; snapshotOs: string; poolOs: string }
    | { code: 'systemPoolWindows'; rule: 'R8'; snapshot: string }
    | { code: 'systemPoolBSeries'; rule: 'R8'; vmSize: string }
    | { code: 'systemPoolVcpus'; rule: 'R8'; vmSize: string; vCpus: number }
    | { code: 'poolName'; rule: 'R9'; name: string; maxLength: number; osType: string }
    | { code: 'poolNameTaken'; rule: 'R9'; name: string; cluster: string }
    | { code: 'snapshotName'; rule: 'R9'; name: string }
    | { code: 'snapshotNameTaken'; rule: 'R9'; name: string; resourceGroup: string }
    | { code: 'clusterName'; rule: 'R9'; name: string }
    | { code: 'clusterNameTaken'; rule: 'R9'; name: string; resourceGroup: string }
    | { code: 'dnsPrefix'; rule: 'R9'; name: string }
    | { code: 'resourceGroupName'; rule: 'R9'; name: string }
    | { code: 'busy'; rule: 'R10'; kind: 'cluster' | 'nodePool'; name: string; state: string }
    | { code: 'stopped'; rule: 'R10'; kind: 'cluster' | 'nodePool'; name: string }
    | { code: 'snapshotSourceNotSucceeded'; rule: 'R10'; pool: string; state: string }
    | { code: 'virtualMachinesPool'; rule: 'R11'; pool: string }
    | { code: 'imageAge'; rule: 'R12'; image: string; date: string; days: number }
    | { code: 'imageDateUnknown'; rule: 'R12'; image: string }
    | { code: 'windowsNeedsAzureCni'; rule: 'R16'; snapshot: string; cluster: string; networkPlugin: string }
    | { code: 'osRetired'; rule: 'R15'; snapshot: string; os: string; retired: string; source: string }
    /** A rollback AKS would refuse (AKS docs, "Roll back node pool versions"; `src/model/rollback.ts`). */
    | { code: 'rollbackChannelOn'; rule: 'rollback'; cluster: string; channel: string }
    | { code: 'rollbackAfterRollback'; rule: 'rollback'; pool: string }
    | { code: 'rollbackNotEarlier'; rule: 'rollback'; version: string; image: string }
    | { code: 'rollbackExpired'; rule: 'rollback'; image: string; lastUsed: string; days: number }
    | { code: 'rollbackVersionGone'; rule: 'rollback'; version: string }
    | { code: 'rollbackOsSku'; rule: 'rollback'; image: string; poolImage: string }
    | { code: 'nodeCount'; rule: 'count'; value: string; mode: string; min: number }
    | { code: 'tag'; rule: 'tags'; value: string }
    | { code: 'tagName'; rule: 'tags'; name: string }
    | { code: 'tagNameDash'; rule: 'tags'; name: string }
    | { code: 'tagNameTaken'; rule: 'tags'; name: string }
    | { code: 'tagValue'; rule: 'tags'; value: string }
    | { code: 'tooManyTags'; rule: 'tags'; max: number }
    /** `setBy`: whose limit it is, AKS's (the default) or the product's own (a roll-out's settings). */
    | { code: 'optionValue'; rule: 'options'; field: string; value: string; limit: string; setBy?: 'product' }
    /** A Kubernetes label or taint key (`of`), or its value, that Kubernetes does not take; `key` twice in one list. */
    | { code: 'labelKey'; rule: 'options'; of: 'label' | 'taint'; key: string }
    | { code: 'labelValue'; rule: 'options'; of: 'label' | 'taint'; key: string; value: string }
    | { code: 'labelKeyTwice'; rule: 'options'; key: string }
    | {
          code: 'optionConflict';
          rule: 'options';
          field: string;
          value: string;
          reason:
              | 'systemSpot'
              | 'countOutsideAutoscale'
              | 'nodeImageChannel'
              | 'overlayNeedsAzure'
              | 'ephemeralNotSupported'
              | 'surgeNeedsUnavailable';
      };

export type ProblemCode = Problem['code'];
