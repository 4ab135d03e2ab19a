import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { parseMaxSurge, parseMaxUnavailable, parseWholeNumber, UpgradeSettings } from '../../model/poolOptions';
import { AdvancedOption, pickedOption, typedOption } from './advancedOptions';

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
    return [
        ...(withMaxSurge
            ? [
                  typedOption<C, string>(
                      vscode.l10n.t('Max surge'),
                      vscode.l10n.t(
                          "Extra nodes during the upgrade: a number of nodes or a percentage like 33%; 0 for none (then Max unavailable of 1 or more). Empty: each pool's setting.",
                      ),
                      '10%',
                      (c) => settings(c).maxSurge,
                      String,
                      (text) => parseMaxSurge(text, 0),
                      (c, v) => (settings(c).maxSurge = v),
                  ),
              ]
            : []),
        typedOption<C, string>(
            vscode.l10n.t('Max unavailable'),
            vscode.l10n.t(
                "Nodes that may be unavailable during the upgrade: a number of nodes or a percentage like 10%. Empty: the pool's setting.",
            ),
            '0',
            (c) => settings(c).maxUnavailable,
            String,
            (text) => parseMaxUnavailable(text),
            (c, v) => (settings(c).maxUnavailable = v),
        ),
        typedOption<C, number>(
            vscode.l10n.t('Drain timeout (minutes)'),
            vscode.l10n.t("How long to wait for each node to drain, 1 to 1440 minutes. Empty: the pool's setting."),
            '30',
            (c) => settings(c).drainTimeoutInMinutes,
            String,
            (text) => parseWholeNumber('upgradeSettings.drainTimeoutInMinutes', text, 1, 1440),
            (c, v) => (settings(c).drainTimeoutInMinutes = v),
        ),
        typedOption<C, number>(
            vscode.l10n.t('Node soak duration (minutes)'),
            vscode.l10n.t("How long to wait after draining a node before the next, 0 to 30 minutes. Empty: the pool's setting."),
            '0',
            (c) => settings(c).nodeSoakDurationInMinutes,
            String,
            (text) => parseWholeNumber('upgradeSettings.nodeSoakDurationInMinutes', text, 0, 30),
            (c, v) => (settings(c).nodeSoakDurationInMinutes = v),
        ),
        pickedOption<C, 'Cordon' | 'Schedule'>(
            vscode.l10n.t('Nodes that cannot be drained'),
            vscode.l10n.t('When a pod disruption budget blocks draining a node'),
            [
                {
                    value: undefined,
                    label: vscode.l10n.t("The pool's setting"),
                    description: vscode.l10n.t('by default the upgrade fails'),
                },
                {
                    value: 'Cordon',
                    label: 'Cordon',
                    description: vscode.l10n.t('cordon the node and go on with a surge node in its place; it stays for you to handle'),
                },
                { value: 'Schedule', label: 'Schedule', description: vscode.l10n.t('leave the node schedulable and go on') },
            ],
            (c) => settings(c).undrainableNodeBehavior,
            (c, v) => (settings(c).undrainableNodeBehavior = v),
        ),
    ];
}

/** The upgrade settings set, one line each, for a summary (max surge apart when the flow shows it elsewhere). */
export function upgradeSettingLines(o: UpgradeSettings, withMaxSurge: boolean): string[] {
    return [
        withMaxSurge && o.maxSurge ? vscode.l10n.t('Max surge: {0}', o.maxSurge) : undefined,
        o.maxUnavailable ? vscode.l10n.t('Max unavailable: {0}', o.maxUnavailable) : undefined,
        o.drainTimeoutInMinutes !== undefined ? vscode.l10n.t('Drain timeout: {0} minutes', o.drainTimeoutInMinutes) : undefined,
        o.nodeSoakDurationInMinutes !== undefined
            ? vscode.l10n.t('Node soak duration: {0} minutes', o.nodeSoakDurationInMinutes)
            : undefined,
        o.undrainableNodeBehavior ? vscode.l10n.t('Nodes that cannot be drained: {0}', o.undrainableNodeBehavior) : undefined,
    ].filter((l): l is string => !!l);
}
