/**
 * Every Azure SDK module the product uses, in one place. The bundle builds this file as a second entry point
 * (dist/azureSdk.js) and `loadSdk` requires it on first need, so activation loads none of it.
 */
export { createContainerService } from '@azure/arm-containerservice/api';
export * as managedClusters from '@azure/arm-containerservice/api/managedClusters';
export * as agentPools from '@azure/arm-containerservice/api/agentPools';
export * as snapshots from '@azure/arm-containerservice/api/snapshots';
/** The long-operation poller the SDK itself uses, for the product's one raw-JSON write. */
export { createHttpPoller } from '@azure/core-lro';
export type { AgentPool, ManagedCluster, Snapshot as SdkSnapshot } from '@azure/arm-containerservice';
export { SubscriptionClient } from '@azure/arm-resources-subscriptions';
/** The classic SDK keeps a page's `nextLink` out of the page itself: this reads it. */
export { getContinuationToken as subscriptionsNextLink } from '@azure/arm-resources-subscriptions';
export { createDefaultHttpClient } from '@azure/core-rest-pipeline';
export { AzureCliCredential, ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
