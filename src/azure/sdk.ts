/**
 * The Azure SDKs the product writes with, in one place. The bundle builds this file as an entry point of its own
 * (dist/azureSdk.js) and `loadSdk` requires it on first need: activation and the tree's reads load none of it.
 */
export { createContainerService } from '@azure/arm-containerservice/api';
export * as managedClusters from '@azure/arm-containerservice/api/managedClusters';
export * as agentPools from '@azure/arm-containerservice/api/agentPools';
export * as snapshots from '@azure/arm-containerservice/api/snapshots';
/** The long-operation poller the SDK itself uses, for the product's raw-JSON writes. */
export { createHttpPoller } from '@azure/core-lro';
export type { AgentPool, ManagedCluster, Snapshot as SdkSnapshot } from '@azure/arm-containerservice';
export { createDefaultHttpClient } from '@azure/core-rest-pipeline';
/** Fleet Manager's SDK client: an update run's writes go through it (create, start, stop, skip), as raw JSON. */
export { createContainerServiceFleet } from '@azure/arm-containerservicefleet/api';
