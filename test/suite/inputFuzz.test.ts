import * as assert from 'assert';
import * as fc from 'fast-check';
import type { NodePoolSpecContext } from '../../src/commands/common/NodePoolSpec';
import { validateNodeCount } from '../../src/commands/common/NodeCountStep';
import { validatePoolName } from '../../src/commands/common/PoolNameStep';
import { validateClusterName } from '../../src/commands/createCluster/ClusterNameStep';
import { validateDnsPrefix } from '../../src/commands/createCluster/DnsPrefixStep';
import { validateNewResourceGroupName } from '../../src/commands/createCluster/ResourceGroupStep';
import { validateSnapshotName } from '../../src/commands/createSnapshot/SnapshotNameStep';
import { validateTags } from '../../src/commands/createSnapshot/SnapshotTagsStep';
import { validateTagName } from '../../src/commands/editSnapshotTags/TagNameStep';
import { validateTagValue } from '../../src/commands/editSnapshotTags/TagValueStep';
import { validateMaxSurge } from '../../src/commands/upgradeToSnapshot/MaxSurgeStep';
import type { Snapshot } from '../../src/model/aks';
import { parseTags } from '../../src/model/names';
import {
    assertClusterName,
    assertCount,
    assertDnsPrefix,
    assertMaxSurge,
    assertPoolName,
    assertSnapshotName,
    assertTags,
    isResourceGroupName,
} from '../emulator/aksRules';

/**
 * Every input box's validator, fuzzed in the real extension host (its messages come from vscode.l10n): on any
 * input it never throws, and what it accepts, as the flow sends it, the emulator's own validation (Azure's rules)
 * accepts too.
 */
const RUNS = 1000;

/** What people type and what breaks naive checks: any Unicode, whitespace, very long, control and path characters, and near-valid names. */
function typed(nearValid: fc.Arbitrary<string>): fc.Arbitrary<string> {
    return fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom(
            '',
            ' ',
            '\t',
            '\n',
            '  a  ',
            '\u0000',
            '\u200b',
            '../..',
            'C:\\x',
            '/etc/passwd',
            '%00',
            'a\u0000b',
            'Ａ',
            'ß',
            'İ',
        ),
        fc.string({
            unit: fc.constantFrom('a', 'Z', '0', '-', '_', '.', '(', ')', '/', '\\', '?', '%', '&', '<', '>', ' ', '=', ','),
            maxLength: 600,
        }),
        fc
            .tuple(fc.constantFrom('', ' ', '\t'), nearValid, fc.constantFrom('', ' ', '\n', '-', '_', '.', '!'))
            .map(([a, b, c]) => `${a}${b}${c}`),
        nearValid,
    );
}

const accepts = (check: () => void): boolean => {
    try {
        check();
        return true;
    } catch {
        return false;
    }
};

/** `sentAs`: what the flow sends for what was typed (most trim it). */
function fuzz(
    name: string,
    inputs: fc.Arbitrary<string>,
    validate: (value: string) => string | undefined,
    azureAccepts: (sent: string) => boolean,
    sentAs = (typed: string): string => typed.trim(),
): void {
    it(name, () => {
        let accepted = 0;
        fc.assert(
            fc.property(inputs, (value) => {
                const message = validate(value);
                assert.ok(message === undefined || (typeof message === 'string' && message.length > 0), 'a message or nothing');
                if (message === undefined) {
                    accepted++;
                    assert.ok(azureAccepts(sentAs(value)), `accepted "${value}", which Azure refuses`);
                }
            }),
            { numRuns: RUNS },
        );
        assert.ok(accepted > 0, 'the fuzz reached accepted values too');
    });
}

describe(`Every input box, fuzzed (${RUNS} inputs each)`, function () {
    this.timeout(120_000);
    const linux = { osType: 'Linux' } as Snapshot;
    const windows = { osType: 'Windows' } as Snapshot;
    const poolContext = (snapshot: Snapshot): NodePoolSpecContext =>
        ({ snapshot, clusterName: 'aks', existingPoolNames: ['system'] }) as unknown as NodePoolSpecContext;

    fuzz(
        'node pool name (Linux)',
        typed(fc.stringMatching(/^[a-z][a-z0-9]{0,13}$/)),
        (v) => validatePoolName(poolContext(linux), v),
        (sent) => accepts(() => assertPoolName(sent, 'Linux')),
    );
    fuzz(
        'node pool name (Windows)',
        typed(fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/)),
        (v) => validatePoolName(poolContext(windows), v),
        (sent) => accepts(() => assertPoolName(sent, 'Windows')),
    );
    fuzz(
        'snapshot name',
        typed(fc.stringMatching(/^[a-zA-Z0-9][-_a-zA-Z0-9]{0,64}$/)),
        (v) => validateSnapshotName(v, 'rg'),
        (sent) => accepts(() => assertSnapshotName(sent)),
    );
    fuzz('cluster name', typed(fc.stringMatching(/^[a-zA-Z0-9][-_a-zA-Z0-9]{0,64}$/)), validateClusterName, (sent) =>
        accepts(() => assertClusterName(sent)),
    );
    fuzz('DNS prefix', typed(fc.stringMatching(/^[a-zA-Z0-9][-a-zA-Z0-9]{0,55}$/)), validateDnsPrefix, (sent) =>
        accepts(() => assertDnsPrefix(sent)),
    );
    fuzz(
        'new resource group name',
        typed(fc.stringMatching(/^[-\w.()]{1,92}$/)),
        (v) => validateNewResourceGroupName(v, [{ name: 'rg-taken' }]),
        (sent) => isResourceGroupName(sent),
    );
    fuzz(
        'node count (User)',
        typed(fc.integer({ min: -5, max: 1200 }).map(String)),
        (v) => validateNodeCount(v, 'User'),
        (sent) => accepts(() => assertCount(Number(sent), 'User')),
    );
    fuzz(
        'node count (System)',
        typed(fc.integer({ min: -5, max: 1200 }).map(String)),
        (v) => validateNodeCount(v, 'System'),
        (sent) => accepts(() => assertCount(Number(sent), 'System')),
    );
    fuzz(
        'max surge',
        typed(
            fc.oneof(
                fc.integer({ min: -1, max: 300 }).map(String),
                fc.integer({ min: -1, max: 300 }).map((n) => `${n}%`),
            ),
        ),
        validateMaxSurge,
        // 0 (no surge node) goes to Azure only with max unavailable of 1 or more: the confirmation offers no Upgrade before
        // (surgeProblems).
        (sent) => accepts(() => assertMaxSurge(sent, /^0+%?$/.test(sent) ? '1' : undefined)),
    );
    fuzz(
        'tags (create snapshot)',
        typed(
            fc
                .array(
                    fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([k, v]) => `${k}=${v}`),
                    { maxLength: 4 },
                )
                .map((pairs) => pairs.join(', ')),
        ),
        validateTags,
        (sent) => {
            const parsed = parseTags(sent);
            return 'tags' in parsed && accepts(() => assertTags(parsed.tags));
        },
    );
    fuzz(
        'tag name (edit tags)',
        typed(fc.string({ maxLength: 20 })),
        (v) => validateTagName(v, { tags: { purpose: 'golden' } } as unknown as Snapshot),
        (sent) => accepts(() => assertTags({ purpose: 'golden', [sent]: '' })),
        (typed) => typed,
    );
    fuzz(
        'tag value (edit tags)',
        fc.oneof(typed(fc.string({ maxLength: 300 })), fc.string({ minLength: 250, maxLength: 260 })),
        validateTagValue,
        (sent) => accepts(() => assertTags({ purpose: sent })),
        (typed) => typed,
    );
});
