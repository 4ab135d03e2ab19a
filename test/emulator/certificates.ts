import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as forge from 'node-forge';

/** Where Linux distributions keep the system's CA bundle (the files VS Code's network support reads too). */
const SYSTEM_CA_FILES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem'];

/**
 * The environment in which a process trusts the emulator's CA, as a person's machine trusts a company CA: Node's
 * `https` through NODE_EXTRA_CA_CERTS, and the system's store through SSL_CERT_FILE (the system's bundle with the CA
 * added). VS Code's `fetch` trusts Node's roots and the system's store, never NODE_EXTRA_CA_CERTS.
 */
export function trustingEmulator(caFile: string): NodeJS.ProcessEnv {
    const system = SYSTEM_CA_FILES.find((f) => fs.existsSync(f));
    const bundle = path.join(path.dirname(caFile), 'system-and-emulator-ca.pem');
    const text = `${system ? fs.readFileSync(system, 'utf8').trimEnd() + '\n' : ''}${fs.readFileSync(caFile, 'utf8')}`;
    if (!fs.existsSync(bundle) || fs.readFileSync(bundle, 'utf8') !== text) {
        // Whole or not at all: processes started side by side read it while another writes it.
        const own = `${bundle}.${process.pid}`;
        fs.writeFileSync(own, text);
        fs.renameSync(own, bundle);
    }
    return { NODE_EXTRA_CA_CERTS: caFile, SSL_CERT_FILE: bundle };
}

export interface EmulatorCertificates {
    /** PEM file of the local CA, for NODE_EXTRA_CA_CERTS and REQUESTS_CA_BUNDLE. */
    readonly caFile: string;
    readonly key: string;
    readonly cert: string;
}

/**
 * Returns the local CA and a server certificate for 127.0.0.1 and localhost, made once per folder and
 * reused, so that a process started with NODE_EXTRA_CA_CERTS trusts every later emulator. Processes that start at
 * once (npm test runs suites side by side) agree on one set: each makes its set in a folder of its own and moves it
 * into place in one step; the first move wins, and the others read the winner's.
 */
export function ensureCertificates(dir: string): EmulatorCertificates {
    const files = (folder: string) => ({
        caFile: path.join(folder, 'ca.pem'),
        keyFile: path.join(folder, 'server-key.pem'),
        certFile: path.join(folder, 'server.pem'),
    });
    const { caFile, keyFile, certFile } = files(dir);
    if (![caFile, keyFile, certFile].every((f) => fs.existsSync(f))) {
        fs.mkdirSync(path.dirname(dir), { recursive: true });
        const own = fs.mkdtempSync(`${dir}.making-`);
        const made = makeCertificates();
        const mine = files(own);
        fs.writeFileSync(mine.keyFile, made.key, { mode: 0o600 });
        fs.writeFileSync(mine.certFile, made.cert);
        fs.writeFileSync(mine.caFile, made.ca);
        try {
            // Replaces a missing or empty folder; fails when another process's set is already there.
            fs.renameSync(own, dir);
        } catch (error) {
            fs.rmSync(own, { recursive: true, force: true });
            if (![caFile, keyFile, certFile].every((f) => fs.existsSync(f))) {
                throw new Error(
                    `The emulator's certificates in ${dir} are incomplete: remove the folder and run again (${String(error)}).`,
                );
            }
        }
    }
    return { caFile, key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
}

function makeCertificates(): { ca: string; key: string; cert: string } {
    const caKeys = rsaKeys();
    const now = new Date();
    const notAfter = new Date(now.getTime() + 5 * 365 * 24 * 3600 * 1000);

    const ca = forge.pki.createCertificate();
    ca.publicKey = caKeys.publicKey;
    ca.serialNumber = serial();
    ca.validity.notBefore = new Date(now.getTime() - 3600 * 1000);
    ca.validity.notAfter = notAfter;
    const caName = [{ name: 'commonName', value: 'AKS Node Pool Snapshots emulator CA' }];
    ca.setSubject(caName);
    ca.setIssuer(caName);
    ca.setExtensions([
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        { name: 'subjectKeyIdentifier' },
    ]);
    ca.sign(caKeys.privateKey, forge.md.sha256.create());

    const serverKeys = rsaKeys();
    const server = forge.pki.createCertificate();
    server.publicKey = serverKeys.publicKey;
    server.serialNumber = serial();
    server.validity.notBefore = ca.validity.notBefore;
    server.validity.notAfter = notAfter;
    server.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
    server.setIssuer(caName);
    server.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
            name: 'subjectAltName',
            altNames: [
                { type: 7, ip: '127.0.0.1' },
                { type: 2, value: 'localhost' },
            ],
        },
        { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
    ]);
    server.sign(caKeys.privateKey, forge.md.sha256.create());

    return {
        ca: forge.pki.certificateToPem(ca),
        key: forge.pki.privateKeyToPem(serverKeys.privateKey),
        cert: forge.pki.certificateToPem(server),
    };
}

function rsaKeys(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
    // Node makes the keys (fast, native); forge only signs.
    const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
        publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
        privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    };
}

function serial(): string {
    // Positive, 16 bytes.
    return '01' + crypto.randomBytes(15).toString('hex');
}
