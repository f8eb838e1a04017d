// @ts-check
// The worker's side of host access (imported by background.js, whose
// listeners must all be registered in the worker's first turn: so are these).
//
// - The recorder keeps events only for origins the extension was granted
//   (by the user or by policy). A tab the user clicked the toolbar button on
//   (activeTab) is not recorded: that grant is for reading the page once.
// - First run: the welcome page opens on install, and on an update from a
//   version that held access to all sites at install (0.1.x), so the user
//   chooses again.

import { permissions, onInstalled, tabs, runtime } from './ext.js';
import { hadAllSites, isGranted } from './access.js';

/** @type {Promise<string[]> | null} */
let granted = null; // the granted match patterns

function load() {
  granted = permissions.origins().catch(() => []);
  return granted;
}

permissions.onChanged(() => load());

/**
 * Whether the recorder may keep an event for `url`.
 * @param {string} url
 */
export async function mayRecord(url) {
  return isGranted(await (granted ?? load()), url);
}

onInstalled(({ reason, previousVersion }) => {
  if (reason === 'install' || (reason === 'update' && hadAllSites(previousVersion))) {
    tabs.create({ url: runtime.url(`welcome.html?reason=${reason}`) }).catch(() => {});
  }
});
