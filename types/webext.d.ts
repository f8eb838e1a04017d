// The part of the WebExtension API (chrome.* in Chromium, browser.* in
// Firefox) that extension/ext.js uses, as both browsers give it in MV3:
// every call returns a Promise. Hand-written, for `tsc --noEmit` only (not
// shipped; dist/ is a copy of extension/). It declares no global: only
// ext.js names this type, so a `chrome.*` or `browser.*` call anywhere else
// in a type-checked module fails the check (docs/architecture.md: only
// ext.js touches the browser's extension APIs).
//
// A call ext.js starts to use is added here, as the browsers document it
// (developer.chrome.com/docs/extensions/reference, MDN WebExtensions).

export interface Event<F extends (...args: any[]) => any> {
  addListener(fn: F): void;
}

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: Tab;
  frameId?: number;
}

export interface Tab {
  id?: number;
  url?: string;
  title?: string;
  openerTabId?: number;
}

export interface Cookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'no_restriction' | 'lax' | 'strict' | 'unspecified';
  session: boolean;
  expirationDate?: number;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
}

export interface CookieQuery {
  url?: string;
  domain?: string;
  partitionKey?: { topLevelSite?: string };
}

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, any>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface HttpHeader {
  name: string;
  value?: string;
}

/** What the webRequest events report of a request (the fields ext.js's callers read). */
export interface WebRequestDetails {
  requestId: string;
  url: string;
  method: string;
  type: string;
  frameId: number;
  tabId: number;
  timeStamp: number;
  statusCode?: number;
  redirectUrl?: string;
  error?: string;
  requestHeaders?: HttpHeader[];
  responseHeaders?: HttpHeader[];
}

export interface RequestFilter {
  urls: string[];
  types?: string[];
}

export interface WebRequestEvent {
  addListener(fn: (details: WebRequestDetails) => void, filter: RequestFilter, extraInfoSpec?: string[]): void;
}

export interface InjectionResult {
  frameId?: number;
  result?: unknown;
}

export interface InstalledDetails {
  reason: 'install' | 'update' | 'browser_update' | 'chrome_update' | 'shared_module_update';
  previousVersion?: string;
}

export interface Permissions {
  origins?: string[];
  permissions?: string[];
}

export interface WebExtApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event<(message: unknown, sender: MessageSender, sendResponse: (response?: unknown) => void) => boolean | undefined | void>;
    onInstalled: Event<(details: InstalledDetails) => void>;
  };
  tabs: {
    get(tabId: number): Promise<Tab>;
    getCurrent(): Promise<Tab | undefined>;
    query(query: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]>;
    create(props: { url?: string; active?: boolean }): Promise<Tab>;
    onRemoved: Event<(tabId: number, removeInfo: { windowId: number; isWindowClosing: boolean }) => void>;
  };
  storage: {
    session: StorageArea;
    local: StorageArea;
    /** Absent where the browser or profile has no policy store. */
    managed?: Pick<StorageArea, 'get'>;
    onChanged: Event<(changes: Record<string, StorageChange>, areaName: string) => void>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; allFrames?: boolean };
      func: () => unknown;
      world?: 'ISOLATED' | 'MAIN';
    }): Promise<InjectionResult[]>;
  };
  cookies: {
    getAll(details: CookieQuery): Promise<Cookie[]>;
  };
  webRequest: {
    onBeforeSendHeaders: WebRequestEvent;
    onHeadersReceived: WebRequestEvent;
    onBeforeRedirect: WebRequestEvent;
    onCompleted: WebRequestEvent;
    onErrorOccurred: WebRequestEvent;
    /** Chromium only: the enum that holds "extraHeaders". */
    OnBeforeSendHeadersOptions?: Record<string, string>;
    OnHeadersReceivedOptions?: Record<string, string>;
  };
  permissions: {
    getAll(): Promise<Permissions>;
    request(permissions: Permissions): Promise<boolean>;
    remove(permissions: Permissions): Promise<boolean>;
    onAdded: Event<(permissions: Permissions) => void>;
    onRemoved: Event<(permissions: Permissions) => void>;
  };
  i18n: {
    getMessage(key: string, substitutions?: string | string[]): string;
  };
}
