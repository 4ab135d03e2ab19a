import * as assert from 'assert';
import { readAzureErrorBody, withAzureMessage } from '../../../src/azure/azureErrors';
import { armScope, AZURE_CLOUD, resolveCloud } from '../../../src/azure/clouds';

describe('Clouds', () => {
    it('follows microsoft-sovereign-cloud.environment', () => {
        assert.strictEqual(resolveCloud(undefined, undefined), AZURE_CLOUD);
        assert.strictEqual(resolveCloud('ChinaCloud', undefined).resourceManagerEndpointUrl, 'https://management.chinacloudapi.cn/');
        assert.strictEqual(resolveCloud('USGovernment', undefined).portalUrl, 'https://portal.azure.us');
        assert.strictEqual(armScope(AZURE_CLOUD), 'https://management.core.windows.net/.default');
    });

    it('takes a custom cloud from microsoft-sovereign-cloud.customEnvironment, and names a bad field', () => {
        const cloud = resolveCloud('custom', {
            name: 'Stack',
            resourceManagerEndpointUrl: 'https://arm.local',
            activeDirectoryEndpointUrl: 'https://login.local/adfs',
            activeDirectoryResourceId: 'https://arm.local/',
        });
        assert.deepStrictEqual(
            [cloud.resourceManagerEndpointUrl, cloud.activeDirectoryEndpointUrl, cloud.isCustomCloud, armScope(cloud)],
            ['https://arm.local/', 'https://login.local/adfs/', true, 'https://arm.local/.default'],
        );
        assert.throws(
            () =>
                resolveCloud('custom', {
                    resourceManagerEndpointUrl: 'http://arm.local',
                    activeDirectoryEndpointUrl: 'https://login.local',
                }),
            /customEnvironment\.resourceManagerEndpointUrl must be an https:\/\/ URL; it is "http:\/\/arm\.local"/,
        );
        // No fall-back to public Azure's audience: a token for Azure must never go to a custom endpoint.
        assert.throws(
            () =>
                resolveCloud('custom', {
                    resourceManagerEndpointUrl: 'https://arm.local',
                    activeDirectoryEndpointUrl: 'https://login.local',
                }),
            /customEnvironment\.activeDirectoryResourceId must be an https:\/\/ URL; it is undefined/,
        );
        assert.throws(
            () =>
                resolveCloud('custom', {
                    resourceManagerEndpointUrl: 'https://arm.local',
                    activeDirectoryEndpointUrl: 'https://login.local',
                    activeDirectoryResourceId: 'https://arm.local/',
                    portalUrl: 'http://portal.local',
                }),
            /customEnvironment\.portalUrl must be an https:\/\/ URL/,
        );
    });
});

describe('Azure error bodies', () => {
    it('reads both shapes', () => {
        assert.deepStrictEqual(readAzureErrorBody({ error: { code: 'ResourceNotFound', message: 'gone' } }), {
            code: 'ResourceNotFound',
            message: 'gone',
        });
        assert.deepStrictEqual(readAzureErrorBody('{"code":"OperationNotAllowed","message":"busy","subcode":"","target":""}'), {
            code: 'OperationNotAllowed',
            message: 'busy',
        });
        assert.strictEqual(readAzureErrorBody('<html>'), undefined);
    });

    it("puts Azure's message back on an SDK error", () => {
        const error = Object.assign(new Error('Pagination failed with unexpected statusCode 403'), { code: 'AuthorizationFailed' });
        assert.strictEqual(
            (withAzureMessage(error, { error: { code: 'AuthorizationFailed', message: 'No access.' } }) as Error).message,
            'No access.',
        );
    });
});
