/**
 * What signing in and reading take: the credentials, and the HTTP pipeline every raw read goes through. Built as
 * an entry point of its own (dist/azureIdentity.js) and required by `loadIdentity` on first need, so the first
 * rows wait for this and not for the SDKs the product writes with (dist/azureSdk.js).
 */
export { AzureCliCredential, ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
export {
    bearerTokenAuthenticationPolicy,
    createHttpHeaders,
    createPipelineFromOptions,
    createPipelineRequest,
} from '@azure/core-rest-pipeline';
