import type { ExecuteActivityContext } from '@microsoft/vscode-azext-utils';
import type { Cluster } from '../../model/aks';
import type { UpgradeChannels } from '../../model/channels';
import type { LongOperationStepContext } from '../common/LongOperationStep';

/** A cluster whose automatic channels are to stop re-imaging its pools (R7); also part of Add Node Pool and Upgrade. */
export interface PinClusterContext extends LongOperationStepContext, Partial<ExecuteActivityContext> {
    /** The cluster as read; its eTag is the one the person confirmed. */
    cluster?: Cluster;
    /** Set when the person chose to pin the cluster: the channels it gets. */
    pinChannels?: UpgradeChannels;
    /** Undefined until the pin ran; false when it did not finish (the person stopped waiting, or the answer was lost). */
    pinFinished?: boolean;
    pinNotice?: string;
}
