// Real enterprise policy files, read by the real browsers. The folders are
// system-wide and other test runs may start browsers meanwhile, so:
// - a file is written only for the test that needs it, and removed in
//   `finally` even when the test fails (with any folder this created);
// - Chromium's policy names our extension by its id (derived from this
//   worktree's path), so no other extension or checkout is affected;
// - Firefox reads policies.json once, at start: the file is removed as soon
//   as the browser has started, which keeps the window for other runs short.
// Where the folder cannot be written, the test is skipped with a message.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
// Debian's firefox-esr: the distribution folder of the installation. A
// system-wide /etc/firefox-esr/policies/policies.json would win over it.
export const FIREFOX_POLICY_FILE = '/usr/lib/firefox-esr/distribution/policies.json';
export const FIREFOX_SYSTEM_POLICY = '/etc/firefox-esr/policies/policies.json';

/** Chromium's id for an unpacked extension: SHA-256 of its path, 32 letters a–p. */
export function unpackedId(dir) {
  const hex = crypto.createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Why the policy file cannot be written here, or null. */
export function unwritable(file) {
  let dir = path.dirname(file);
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return `${path.dirname(file)} is not writable by this user (run the policy tests as root, e.g. in CI)`;
  }
  if (fs.existsSync(file)) return `${file} already exists (another run, or a real policy): not overwritten`;
  return null;
}

/** Write `policy` as JSON to `file`; returns a function that removes it and any folder it created. */
export function writePolicy(file, policy) {
  const created = [];
  let dir = path.dirname(file);
  while (!fs.existsSync(dir)) {
    created.unshift(dir);
    dir = path.dirname(dir);
  }
  for (const d of created) fs.mkdirSync(d);
  fs.writeFileSync(file, JSON.stringify(policy, null, 2), { flag: 'wx' });
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    fs.rmSync(file, { force: true });
    for (const d of created.reverse()) fs.rmdirSync(d);
  };
}
