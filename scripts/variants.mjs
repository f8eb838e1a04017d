// Builds the two non-shipped variants of dist/ (run by build.sh after dist/):
//
//   dist-test/     for browser automation only, never published. The same
//                  files as dist/; its manifest adds exactly two keys:
//                  - web_accessible_resources: the extension pages, for
//                    loopback origins only, because Firefox's WebDriver BiDi
//                    cannot navigate to a moz-extension:// page: a loopback
//                    page opens them with a real click instead;
//                  - host_permissions: the grant a user gives with "Allow on
//                    this site", for the test origins (127.0.0.1, localhost
//                    and *.nanami.localhost), because permissions.request()
//                    never resolves in a headless browser. Other loopback
//                    names (*.ungranted.localhost, 127.0.0.2 …) stay
//                    ungranted, as on a fresh install.
//   dist-managed/  for administrators who force-install by policy (docs/admin.md).
//                  Its manifest differs from dist/ in one key: the host access
//                  is required (host_permissions) instead of optional, so a
//                  force-install grants it without a prompt; the policy's
//                  runtime_blocked_hosts / runtime_allowed_hosts narrow it to
//                  the organisation's own sign-in origins.
//
// tests/e2e/variants.test.mjs proves each differs from dist/ only there.

import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export const TEST_KEYS = {
  web_accessible_resources: [
    {
      resources: ['popup.html', 'options.html', 'support.html', 'welcome.html'],
      matches: ['http://127.0.0.1/*', 'https://127.0.0.1/*', 'http://*.localhost/*', 'https://*.localhost/*'],
    },
  ],
  host_permissions: ['*://127.0.0.1/*', '*://localhost/*', '*://*.nanami.localhost/*'],
};

export const MANAGED_KEYS = {
  host_permissions: ['http://*/*', 'https://*/*'],
};

function variant(name, add, drop = []) {
  const src = path.join(ROOT, 'dist');
  const out = path.join(ROOT, name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(src, out, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(src, 'manifest.json'), 'utf8'));
  for (const k of drop) delete manifest[k];
  Object.assign(manifest, add);
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return out;
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  variant('dist-test', TEST_KEYS);
  variant('dist-managed', MANAGED_KEYS, ['optional_host_permissions']);
  console.log('dist-test/ (automation only) and dist-managed/ (force-install by policy) written');
}
