import { AzureAccount, AzureSession } from '../src/azure/AzureAccount';
import { resolveCloud } from '../src/azure/clouds';
import type { EmulatorInfo } from './emulator/server';

/** The settings a user would write to point the product at the emulator as a custom cloud. */
export function emulatorCloudSettings(emulator: EmulatorInfo) {
    return {
        'microsoft-sovereign-cloud.environment': 'custom',
        'microsoft-sovereign-cloud.customEnvironment': {
            name: 'Emulator',
            portalUrl: emulator.armUrl.replace(/\/$/, ''),
            managementEndpointUrl: emulator.armUrl,
            resourceManagerEndpointUrl: emulator.armUrl,
            activeDirectoryEndpointUrl: emulator.tokenAuthority,
            activeDirectoryResourceId: 'https://management.core.windows.net/',
        },
    };
}

/** The standard service-principal variables, pointing at the emulator's token service. */
export function emulatorEnvironment(emulator: EmulatorInfo): NodeJS.ProcessEnv {
    return {
        AZURE_TENANT_ID: emulator.tenantId,
        AZURE_CLIENT_ID: emulator.clientId,
        AZURE_CLIENT_SECRET: emulator.clientSecret,
        AZURE_AUTHORITY_HOST: emulator.tokenAuthority,
    };
}

/** A real account (real @azure/identity credential) signed in to the emulator. */
export function emulatorAccount(emulator: EmulatorInfo): AzureAccount {
    const settings = emulatorCloudSettings(emulator);
    const cloud = resolveCloud(settings['microsoft-sovereign-cloud.environment'], settings['microsoft-sovereign-cloud.customEnvironment']);
    return new AzureAccount(() => ({ mode: 'environment', cloud, selectedSubscriptions: [] }), emulatorEnvironment(emulator));
}

export async function emulatorSessions(emulator: EmulatorInfo): Promise<AzureSession[]> {
    return emulatorAccount(emulator).listSubscriptions();
}
