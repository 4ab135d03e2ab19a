export type Sdk = typeof import('./sdk');
export type IdentitySdk = typeof import('./identitySdk');

let sdk: Promise<Sdk> | undefined;
let identity: Promise<IdentitySdk> | undefined;

/** Loads the Azure SDKs the product writes with, once, on first need. */
export function loadSdk(): Promise<Sdk> {
    sdk ??= import('./sdk');
    return sdk;
}

/** Loads the credentials and the HTTP pipeline, once, on first need. */
export function loadIdentity(): Promise<IdentitySdk> {
    identity ??= import('./identitySdk');
    return identity;
}
