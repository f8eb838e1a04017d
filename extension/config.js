// Settings: the environment's published URL(s) and an operator catalog of
// safe codes. Operators can push both by policy (storage.managed, see
// managed_schema.json); policy wins over what a user typed in the options.

import { storage } from './ext.js';

const KEYS = ['publishedUrls', 'catalog'];
const CACHE = 'managedPolicy';

/** Read the policy store and keep a copy in storage.session (the worker does this at start). */
export async function refreshManaged() {
  const managed = await storage.managed.get(KEYS);
  await storage.session.set({ [CACHE]: managed });
  return managed;
}

async function managedSettings() {
  const got = await storage.session.get(CACHE);
  if (got[CACHE]) return got[CACHE];
  // The worker has not read it yet: read it here, but do not wait for long.
  return storage.managed.get(KEYS, 300);
}

export async function loadConfig() {
  const [managed, local] = await Promise.all([managedSettings(), storage.local.get(KEYS)]);
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
    managed: { publishedUrls: urls(managed.publishedUrls).length > 0, catalog: !!managed.catalog },
  };
}
