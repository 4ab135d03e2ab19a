import type { IActionContext } from '@microsoft/vscode-azext-utils';
import { setUpgradeSettings, UpgradeSettings, UPGRADE_SETTINGS } from '../../model/poolOptions';
import { optionSummaryLine, upgradeSettingWords, wordsOf } from '../../messages/optionWords';
import { AdvancedOption, declaredOption } from './advancedOptions';

/** The upgrade settings a Kubernetes upgrade changes, as a flow or a roll-out collects them. */
export type UpgradeSettingsHolder = { -readonly [K in keyof UpgradeSettings]: UpgradeSettings[K] };

/**
 * The settings of a Kubernetes upgrade (`az aks nodepool upgrade`'s), within AKS's limits (REST spec 2026-04-01,
 * `AgentPoolUpgradeSettings`): max surge (0 with max unavailable of 1 or more, `surgeProblems`), max unavailable,
 * drain timeout 1–1440 minutes, node soak 0–30 minutes, and what AKS does with a node it cannot drain. Upgrade to
 * Snapshot asks max surge in its own step; a roll-out offers it here.
 */
export function upgradeSettingOptions<C extends IActionContext>(
    settings: (context: C) => UpgradeSettingsHolder,
    withMaxSurge: boolean,
): AdvancedOption<C>[] {
    const words = upgradeSettingWords();
    return UPGRADE_SETTINGS.filter((d) => withMaxSurge || d.id !== 'maxSurge').map((descriptor) =>
        declaredOption<C, unknown>(
            descriptor,
            wordsOf(descriptor, words),
            {
                get: (c) => settings(c)[descriptor.id],
                set: (c, value) => void ((settings(c) as Record<string, unknown>)[descriptor.id] = value),
                // Nothing of the pool is needed to check an upgrade setting.
                facts: () => ({ zones: [], fromAzure: false }),
            },
            {},
        ),
    );
}

/** The upgrade settings set, one line each, for a summary (max surge apart when the flow shows it elsewhere). */
export function upgradeSettingLines(o: UpgradeSettings, withMaxSurge: boolean): string[] {
    const words = upgradeSettingWords();
    return setUpgradeSettings(o)
        .filter(({ descriptor }) => withMaxSurge || descriptor.id !== 'maxSurge')
        .map(({ descriptor, value }) => optionSummaryLine(descriptor, value, wordsOf(descriptor, words)));
}
