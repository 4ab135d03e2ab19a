import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { AksServices } from '../../azure/AksServices';
import type { Snapshot } from '../../model/aks';
import type { RegionSizes } from '../../model/rules';

/** What the shared node pool questions read and fill (add a pool; the system pool of a new cluster). */
export interface NodePoolSpecContext extends IActionContext {
    snapshot?: Snapshot;
    /** The cluster the pool goes to, for messages and uniqueness. */
    clusterName?: string;
    existingPoolNames?: readonly string[];
    mode?: 'System' | 'User';
    poolName?: string;
    vmSize?: string;
    nodeCount?: number;
    readonly services: AksServices;
    /** Where the pool goes (subscription and region), once known: its VM sizes are Azure's facts there (R1, R8). */
    readonly sizeRegion: () => { readonly subscriptionId: string; readonly location: string } | undefined;
    /** The region's sizes as read; null when they could not be read (sizes are then judged by their names, a labelled guess). */
    regionSizes?: RegionSizes | null;
}
