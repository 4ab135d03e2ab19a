export type Sdk = typeof import('./sdk');

let sdk: Promise<Sdk> | undefined;

/** Loads the Azure SDKs once, on first need. */
export function loadSdk(): Promise<Sdk> {
    sdk ??= import('./sdk');
    return sdk;
}
