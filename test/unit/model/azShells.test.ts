import * as assert from 'assert';
import { execFileSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
    AzCommand,
    clusterCreateCommands,
    defaultShell,
    nodePoolAddCommand,
    quoteArgument,
    Shell,
    snapshotCreateCommand,
    tagChangeCommand,
    toShellLine,
    toShellScript,
} from '../../../src/model/azCommands';
import type { NewCluster } from '../../../src/model/aks';

/** Values a person or Azure could put in an az line, each meant to break a shell that quotes them wrongly. */
const HOSTILE = [
    "it's",
    'say "hi"',
    '$(touch /tmp/owned)',
    '`id`',
    'a; rm -rf x',
    'a && b || c',
    '-x',
    '--yes',
    'line\nbreak',
    'tab\there',
    '$HOME',
    '${PATH}',
    '%PATH%',
    '100%',
    'a&b|c<d>e^f',
    '(x)',
    '!bang',
    'back\\slash\\',
    'quote\\"slash',
    '*?[a]',
    '#hash',
    '@file',
    'a,b',
    '{x}',
    '‘curly’',
    'é ü 中',
    ' ',
    '',
];

/** A stand-in `az` on PATH that writes the arguments it received as JSON, one run per line. */
function fakeAz(): { dir: string; received: () => string[][] } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'az-args-'));
    const out = path.join(dir, 'received.jsonl');
    // Each argument ends with NUL, each run with RS (0x1e): neither is in any value.
    fs.writeFileSync(
        path.join(dir, 'az'),
        `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done >> '${out}'\nprintf '\\036' >> '${out}'\n`,
        { mode: 0o755 },
    );
    const runs = (): string[][] =>
        fs
            .readFileSync(out, 'utf8')
            .split('\x1e')
            .slice(0, -1)
            .map((run) => run.split('\0').slice(0, -1));
    return { dir, received: () => (fs.existsSync(out) ? runs() : []) };
}

function runIn(shell: 'bash' | 'dash', line: string, az: { dir: string }): void {
    execFileSync(shell, ['-c', line], {
        env: { PATH: `${az.dir}:/usr/bin:/bin`, HOME: az.dir },
        cwd: az.dir,
        stdio: ['ignore', 'ignore', 'pipe'],
    });
}

const CLUSTER = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c';

/** Commands of every kind, built with hostile values where a person types them. */
function hostileCommands(value: string): AzCommand[] {
    const tags = { owner: value, [`team${value.replace(/[<>%&\\?/]/g, '')}`]: 'x' };
    const cluster: NewCluster = {
        name: 'c',
        resourceGroup: `-${value}`,
        location: 'westeurope',
        dnsPrefix: 'c',
        nodePoolName: 'np',
        vmSize: 'Standard_D4s_v5',
        count: 1,
        snapshot: { id: '/snap', kubernetesVersion: '1.33.5', osType: 'Linux', osSku: 'Ubuntu', enableFips: false },
        kubernetesVersion: '1.33.5',
        channels: { upgradeChannel: 'none', nodeOsUpgradeChannel: 'None' },
        options: { tags, sshPublicKey: 'ssh-ed25519 AAAA' },
    } as unknown as NewCluster;
    return [
        snapshotCreateCommand({
            subscriptionId: 's',
            resourceGroup: `-rg${value}`,
            name: `-${value}`,
            nodePoolId: '/p',
            location: 'westeurope',
            tags,
        }),
        nodePoolAddCommand(CLUSTER, {
            name: 'np',
            snapshotId: '/snap',
            vmSize: 'Standard_D4s_v5',
            count: 1,
            mode: 'User',
            osType: 'Linux',
            kubernetesVersion: '1.33.5',
            options: { tags, spot: { evictionPolicy: 'Delete', maxPrice: -1 } },
        }),
        ...clusterCreateCommands('s', cluster, true, `-key ${value}`),
        tagChangeCommand('/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/snapshots/x', 'Merge', {
            [`-${value}x`]: value,
            [`a=${value}`]: value,
        }),
        ['az', 'unit', value, `--${value}`, `'${value}'`, `"${value}"`],
    ];
}

describe('az lines for the shell they are pasted into', () => {
    it('reach az through bash and dash as exactly the intended arguments, whatever the values hold', function () {
        this.timeout(60_000);
        for (const shell of ['bash', 'dash'] as const) {
            const az = fakeAz();
            const sent: AzCommand[] = HOSTILE.flatMap(hostileCommands);
            for (const command of sent) {
                runIn(shell, toShellLine(command, 'bash'), az);
            }
            assert.deepStrictEqual(
                az.received(),
                sent.map((c) => c.slice(1)),
                `${shell} received other arguments`,
            );
            // A script stops at the first failure and runs the rest in order.
            const script = toShellScript([['az', 'one', '$(x)'], ['az', 'two', 'a b'], { comment: 'done; really' }], 'bash');
            runIn(shell, script, az);
            assert.deepStrictEqual(az.received().slice(-2), [
                ['one', '$(x)'],
                ['two', 'a b'],
            ]);
            fs.rmSync(az.dir, { recursive: true, force: true });
        }
    });

    it('never lets a value read as an option: a value starting with "-" is joined to its flag', () => {
        for (const value of HOSTILE) {
            for (const command of hostileCommands(value).slice(0, -1)) {
                const optionLike = command.filter((a, i) => i > 0 && a.startsWith('-') && !/^--[a-z][a-z0-9-]*(=[^]*)?$/.test(a));
                assert.deepStrictEqual(optionLike, [], `${JSON.stringify(command)}`);
                const joined = command.filter((a) => /^--[a-z-]+=-/.test(a));
                assert.ok(
                    joined.every((a) =>
                        ['--resource-group', '--name', '--spot-max-price', '--ssh-key-value'].includes(a.slice(0, a.indexOf('='))),
                    ),
                    joined.join(' '),
                );
            }
        }
    });

    it('reach az through PowerShell and cmd as exactly the intended arguments, by their documented quoting rules', () => {
        const printable = fc.string({ unit: fc.constantFrom(...'ab -_=/.,:;\'"‘’$`()[]{}|&<>^%!\\*?#@~é中\t'.split('')), maxLength: 24 });
        fc.assert(
            fc.property(fc.array(printable, { minLength: 1, maxLength: 4 }), (values) => {
                for (const shell of ['powershell', 'cmd'] as const) {
                    const line = toShellLine(['az', ...values], shell);
                    assert.deepStrictEqual(received(line, shell), values, `${shell}: ${line}`);
                }
            }),
            { numRuns: 2000 },
        );
        for (const value of HOSTILE.filter((v) => !v.includes('\n'))) {
            for (const shell of ['powershell', 'cmd'] as const) {
                for (const command of hostileCommands(value)) {
                    assert.deepStrictEqual(
                        received(toShellLine(command, shell), shell),
                        command.slice(1),
                        `${shell}: ${toShellLine(command, shell)}`,
                    );
                }
            }
        }
    });

    it('chain commands and remarks as each shell does', () => {
        const lines = [['az', 'group', 'create'], ['az', 'aks', 'create'], { comment: 'sent as 100% & more' }] as const;
        assert.strictEqual(toShellScript(lines, 'bash'), 'az group create && az aks create # sent as 100% & more');
        assert.strictEqual(toShellScript(lines, 'powershell'), 'az group create; if ($?) { az aks create } # sent as 100% & more');
        assert.strictEqual(toShellScript(lines, 'cmd'), 'az group create && az aks create & rem sent as 100^% ^& more');
        assert.strictEqual(toShellScript([{ comment: 'only this' }], 'bash'), '# only this');
    });

    it("are written for the platform's shell, or VS Code's default terminal where it is set", () => {
        assert.strictEqual(defaultShell('linux', undefined), 'bash');
        assert.strictEqual(defaultShell('darwin', 'zsh'), 'bash');
        assert.strictEqual(defaultShell('win32', undefined), 'powershell');
        assert.strictEqual(defaultShell('win32', 'Command Prompt'), 'cmd');
        assert.strictEqual(defaultShell('win32', 'Git Bash'), 'bash');
        assert.strictEqual(defaultShell('linux', 'pwsh'), 'powershell');
        assert.strictEqual(quoteArgument('team=platform', 'powershell'), 'team=platform');
        assert.strictEqual(quoteArgument('a,b', 'powershell'), '\'"a,b"\'', 'a bare a,b is a list in PowerShell');
    });
});

// ——— The shells' documented rules, as the tests above apply them ———

const SINGLE_QUOTES = "'‘’‚‛";
const ENVIRONMENT: Record<string, string> = { PATH: 'C:\\Windows', HOME: 'C:\\Users\\me' };

/** What `az` (Python, started by `az.cmd`) receives from a line pasted into `shell`. */
function received(line: string, shell: Exclude<Shell, 'bash'>): string[] {
    assert.ok(line.startsWith('az '), line);
    const stopParsing = shell === 'powershell' && line.startsWith('az --% ');
    // After `--%` PowerShell passes the rest as it is, but for `%NAME%` of a set variable (about_Parsing).
    const commandLine = stopParsing
        ? cmdPercent(line.slice(7))
        : shell === 'powershell'
          ? nativeCommandLine(powershellArguments(line.slice(3)))
          : line.slice(3);
    // cmd reads the line (percent expansion, then quotes, carets and operators), then az.cmd's `%*` once more.
    const afterLine = cmdSpecialCharacters(cmdPercent(commandLine));
    return windowsArgv(cmdSpecialCharacters(afterLine));
}

/**
 * PowerShell's about_Quoting_Rules for the two forms the lines use: bare words, and single-quoted strings (a doubled quote of any kind is
 * one).
 */
function powershellArguments(text: string): string[] {
    const args: string[] = [];
    let i = 0;
    while (i < text.length) {
        if (text[i] === ' ') {
            i++;
            continue;
        }
        let arg = '';
        while (i < text.length && text[i] !== ' ') {
            if (SINGLE_QUOTES.includes(text[i])) {
                i++;
                for (;;) {
                    assert.ok(i < text.length, `an unterminated string in ${text}`);
                    if (SINGLE_QUOTES.includes(text[i])) {
                        if (i + 1 < text.length && SINGLE_QUOTES.includes(text[i + 1])) {
                            arg += text[i + 1];
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    arg += text[i++];
                }
            } else {
                assert.ok(
                    !/[`$"@(){};,&|<>#]/.test(text[i]) || (text[i] === '@' && arg !== ''),
                    `PowerShell reads a bare ${text[i]} in ${text}`,
                );
                arg += text[i++];
            }
        }
        args.push(arg);
    }
    return args;
}

/**
 * How PowerShell passes arguments to a batch file (legacy passing, which `$PSNativeCommandArgumentPassing = 'Windows'`
 * keeps for .cmd files): each as it is, in double quotes only when it holds whitespace outside double quotes.
 */
function nativeCommandLine(args: string[]): string {
    return args
        .map((arg) => {
            let quotes = 0;
            let needs = arg === '';
            for (let i = 0; i < arg.length; i++) {
                if (arg[i] === '"' && arg[i - 1] !== '\\') {
                    quotes++;
                } else if (/\s/.test(arg[i]) && quotes % 2 === 0) {
                    needs = true;
                }
            }
            return needs ? `"${arg}"` : arg;
        })
        .join(' ');
}

/** cmd's first pass on a typed line: `%NAME%` becomes the variable's value when it is set; otherwise it stays. */
function cmdPercent(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const end = text[i] === '%' ? text.indexOf('%', i + 1) : -1;
        if (end > i && ENVIRONMENT[text.slice(i + 1, end).toUpperCase()] !== undefined) {
            out += ENVIRONMENT[text.slice(i + 1, end).toUpperCase()];
            i = end;
        } else {
            out += text[i];
        }
    }
    return out;
}

/** cmd's second pass: `"` toggles quoting; outside quotes a caret takes the next character as it is, and & | < > are operators. */
function cmdSpecialCharacters(text: string): string {
    let out = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            quoted = !quoted;
            out += c;
        } else if (!quoted && c === '^') {
            out += text[++i] ?? '';
        } else {
            assert.ok(quoted || !/[&|<>\n]/.test(c), `cmd reads ${JSON.stringify(c)} as an operator in ${text}`);
            out += c;
        }
    }
    return out;
}

/** The Microsoft C runtime's rules ("Parsing C command-line arguments"), as Python on Windows reads its command line. */
function windowsArgv(text: string): string[] {
    const args: string[] = [];
    let i = 0;
    for (;;) {
        while (text[i] === ' ' || text[i] === '\t') {
            i++;
        }
        if (i >= text.length) {
            return args;
        }
        let arg = '';
        let quoted = false;
        while (i < text.length && (quoted || (text[i] !== ' ' && text[i] !== '\t'))) {
            if (text[i] === '\\') {
                let n = 0;
                while (text[i + n] === '\\') {
                    n++;
                }
                if (text[i + n] === '"') {
                    arg += '\\'.repeat(Math.floor(n / 2));
                    i += n;
                    if (n % 2 === 1) {
                        arg += '"';
                        i++;
                    }
                } else {
                    arg += '\\'.repeat(n);
                    i += n;
                }
            } else if (text[i] === '"') {
                if (quoted && text[i + 1] === '"') {
                    arg += '"';
                    i += 2;
                } else {
                    quoted = !quoted;
                    i++;
                }
            } else {
                arg += text[i++];
            }
        }
        args.push(arg);
    }
}
