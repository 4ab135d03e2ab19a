import * as l10n from '@vscode/l10n';
/** The clouds the product can talk to, chosen the way VS Code's own Microsoft sign-in chooses. */
export interface AzureCloud {
    readonly name: string;
    readonly resourceManagerEndpointUrl: string;
    readonly activeDirectoryEndpointUrl: string;
    /** The audience of ARM tokens; the scope is `<resource>/.default`. */
    readonly activeDirectoryResourceId: string;
    readonly portalUrl: string;
    readonly isCustomCloud: boolean;
}

export const AZURE_CLOUD: AzureCloud = {
    name: 'AzureCloud',
    resourceManagerEndpointUrl: 'https://management.azure.com/',
    activeDirectoryEndpointUrl: 'https://login.microsoftonline.com/',
    activeDirectoryResourceId: 'https://management.core.windows.net/',
    portalUrl: 'https://portal.azure.com',
    isCustomCloud: false,
};

const CHINA_CLOUD: AzureCloud = {
    name: 'AzureChinaCloud',
    resourceManagerEndpointUrl: 'https://management.chinacloudapi.cn/',
    activeDirectoryEndpointUrl: 'https://login.chinacloudapi.cn/',
    activeDirectoryResourceId: 'https://management.core.chinacloudapi.cn/',
    portalUrl: 'https://portal.azure.cn',
    isCustomCloud: false,
};

const US_GOVERNMENT_CLOUD: AzureCloud = {
    name: 'AzureUSGovernment',
    resourceManagerEndpointUrl: 'https://management.usgovcloudapi.net/',
    activeDirectoryEndpointUrl: 'https://login.microsoftonline.us/',
    activeDirectoryResourceId: 'https://management.core.usgovcloudapi.net/',
    portalUrl: 'https://portal.azure.us',
    isCustomCloud: false,
};

/**
 * Resolves `microsoft-sovereign-cloud.environment` ("ChinaCloud", "USGovernment", "custom" or unset) and
 * `microsoft-sovereign-cloud.customEnvironment` into a cloud. A custom cloud needs every endpoint and its token
 * audience, all https; one missing is an error that names the setting, never a silent fall-back to public Azure
 * (whose audience would send a token meant for Azure to the custom endpoint).
 */
export function resolveCloud(environment: string | undefined, customEnvironment: unknown): AzureCloud {
    switch (environment) {
        case 'ChinaCloud':
            return CHINA_CLOUD;
        case 'USGovernment':
            return US_GOVERNMENT_CLOUD;
        case 'custom':
            return customCloud(customEnvironment);
        default:
            return AZURE_CLOUD;
    }
}

function customCloud(value: unknown): AzureCloud {
    const custom = (value ?? {}) as Record<string, unknown>;
    const text = (name: string): string => {
        const field = custom[name];
        if (typeof field !== 'string' || !/^https:\/\//i.test(field)) {
            throw new Error(
                l10n.t(
                    'The setting microsoft-sovereign-cloud.customEnvironment.{0} must be an https:// URL; it is {1}.',
                    name,
                    String(JSON.stringify(field)),
                ),
            );
        }
        return field.endsWith('/') ? field : `${field}/`;
    };
    const resourceManagerEndpointUrl = text('resourceManagerEndpointUrl');
    return {
        name: typeof custom.name === 'string' ? custom.name : 'custom',
        resourceManagerEndpointUrl,
        activeDirectoryEndpointUrl: text('activeDirectoryEndpointUrl'),
        activeDirectoryResourceId: text('activeDirectoryResourceId'),
        portalUrl: custom.portalUrl === undefined ? resourceManagerEndpointUrl.replace(/\/$/, '') : text('portalUrl').replace(/\/$/, ''),
        isCustomCloud: true,
    };
}

/** The OAuth scope for ARM in a cloud. */
export function armScope(cloud: AzureCloud): string {
    return `${cloud.activeDirectoryResourceId.replace(/\/+$/, '')}/.default`;
}

/**
 * VS Code's Microsoft sign-in for a cloud: the public cloud's provider, or the sovereign one, which takes its
 * authority from VS Code's own cloud settings (`microsoft-sovereign-cloud.*`).
 */
export function authProviderId(cloud: AzureCloud): 'microsoft' | 'microsoft-sovereign-cloud' {
    return cloud.isCustomCloud || cloud.name !== AZURE_CLOUD.name ? 'microsoft-sovereign-cloud' : 'microsoft';
}
