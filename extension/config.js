// @ts-check
// Settings: the environment's published URL(s) and an operator catalog of
// safe codes. Operators can push both by policy (storage.managed, see
// managed_schema.json); policy wins over what a user typed in the options.

import { storage } from './ext.js';

/**
 * The settings as a store holds them (storage.managed's policy, or what the
 * options page saved in storage.local): nothing is trusted yet.
 * @typedef {{ publishedUrls?: unknown, catalog?: unknown }} StoredSettings
 */

/**
 * The settings the extension runs with.
 * @typedef {{ publishedUrls: string[], catalogs: unknown[], policy: StoredSettings,
 *   managed: { publishedUrls: boolean, catalog: boolean } }} Config
 */

const KEYS = ['publishedUrls', 'catalog'];
const CACHE = 'managedPolicy';

// The policy store can take seconds to answer (Chromium, just after start),
// so nobody waits for it: the last policy read is kept in storage.local and
// used at once; a fresh read runs in the background and is kept for next time.

/**
 * Read the policy store and keep a copy in storage.local (the worker does this at start and on change).
 * @returns {Promise<StoredSettings>}
 */
export async function refreshManaged() {
  const managed = await storage.managed.get(KEYS);
  await storage.local.set({ [CACHE]: managed });
  return managed;
}

/** @returns {Promise<StoredSettings>} */
async function managedSettings() {
  const got = await storage.local.get(CACHE);
  return got[CACHE] ?? {};
}

/**
 * The policy as the store holds it now, read in the background: resolves to
 * the new policy when it differs from `used` (config.policy, the copy
 * loadConfig() used; the copy is updated), or to null when it is the same.
 * @param {StoredSettings} used
 * @returns {Promise<StoredSettings | null>}
 */
export async function freshManaged(used) {
  const now = await storage.managed.get(KEYS);
  if (samePolicy(now, used)) return null;
  await storage.local.set({ [CACHE]: now }).catch(() => {});
  return now;
}

/**
 * Whether two reads of the policy store say the same (published URLs and catalog).
 * @param {StoredSettings | null | undefined} a
 * @param {StoredSettings | null | undefined} b
 */
export function samePolicy(a, b) {
  return JSON.stringify(a?.publishedUrls ?? null) === JSON.stringify(b?.publishedUrls ?? null) && (a?.catalog ?? null) === (b?.catalog ?? null);
}

/**
 * Settings from the cached policy and the user's options; `managed` replaces the cached policy.
 * @param {StoredSettings | null} [managed_]
 * @returns {Promise<Config>}
 */
export async function loadConfig(managed_ = null) {
  const [managed, local] = await Promise.all([managed_ ?? managedSettings(), storage.local.get(KEYS)]);
  return settingsFrom(managed, local);
}

/**
 * The settings from a policy and the user's options, as they are stored:
 * the policy's published URLs win when it has any (non-blank strings only);
 * both catalogs count, the policy's first (a saved JSON text is parsed; one
 * that does not parse is skipped).
 * @param {StoredSettings} managed
 * @param {StoredSettings} local
 * @returns {Config}
 */
export function settingsFrom(managed, local) {
  /** @param {unknown} v */
  const urls = (v) => (Array.isArray(v) ? v.filter((u) => typeof u === 'string' && u.trim()) : []);
  const catalogs = [];
  for (const c of [managed.catalog, local.catalog]) {
    if (!c) continue;
    try {
      catalogs.push(typeof c === 'string' ? JSON.parse(c) : c);
    } catch {
      /* an invalid saved catalog was refused by the options page; skip it */
    }
  }
  return {
    publishedUrls: urls(managed.publishedUrls).length ? urls(managed.publishedUrls) : urls(local.publishedUrls),
    catalogs,
    policy: managed,
    managed: { publishedUrls: urls(managed.publishedUrls).length > 0, catalog: !!managed.catalog },
  };
}
