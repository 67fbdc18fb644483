// Where browsers keep their profiles (docs/browser-profiles.md §1) and how to tell what a folder
// is: a Chromium user-data-dir (`Local State` lists its profiles), one Chromium profile, a Firefox
// root (`profiles.ini` lists its profiles) or one Firefox profile. Platform, environment and home
// folder are injected; nothing here reads them itself.
import { utf8 } from './bytes.ts';
import { baseName, joinPath, type ProfileFs } from './fs.ts';

/** A browser keyport knows the folders of. */
export type BrowserName = 'chrome' | 'chromium' | 'brave' | 'edge' | 'firefox';

/** A folder that holds profiles, or is one. */
export interface ProfileRoot {
  readonly browser: BrowserName;
  readonly path: string;
}

/** One profile found on disk. */
export interface ProfileRef {
  /** The browser when known from the folder, else the family: `chromium` or `firefox`. */
  readonly browser: BrowserName;
  readonly engine: 'chromium' | 'firefox';
  /** The profile folder. */
  readonly path: string;
  /** The name the browser shows, when listed (`Person 1`, `default-esr`). */
  readonly name?: string;
  /** Chromium: the user-data-dir holding it (where the browser's lock lives). */
  readonly userDataDir?: string;
}

/** What varies between machines, passed in by the caller (the Node adapter uses process). */
export interface MachineContext {
  readonly platform: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
}

/**
 * The default profile folders of Chrome, Chromium, Brave, Edge and Firefox on `ctx.platform`
 * (`linux`, `darwin`, `win32`), most specific first. Whether they exist is not checked.
 *
 * @example defaultProfileRoots({ platform: 'linux', env: {}, home: '/home/u' })[0] // { browser: 'chrome', path: '/home/u/.config/google-chrome' }
 */
export function defaultProfileRoots(ctx: MachineContext): ProfileRoot[] {
  const { env, home } = ctx;
  const out: ProfileRoot[] = [];
  const add = (browser: BrowserName, ...paths: (string | undefined)[]) => {
    for (const path of paths) if (path) out.push({ browser, path });
  };
  if (ctx.platform === 'win32') {
    const local = env.LOCALAPPDATA ?? joinPath(home, 'AppData', 'Local');
    const roaming = env.APPDATA ?? joinPath(home, 'AppData', 'Roaming');
    add('chrome', joinPath(local, 'Google', 'Chrome', 'User Data'));
    add('chromium', joinPath(local, 'Chromium', 'User Data'));
    add('brave', joinPath(local, 'BraveSoftware', 'Brave-Browser', 'User Data'));
    add('edge', joinPath(local, 'Microsoft', 'Edge', 'User Data'));
    add('firefox', joinPath(roaming, 'Mozilla', 'Firefox'));
  } else if (ctx.platform === 'darwin') {
    const support = joinPath(home, 'Library', 'Application Support');
    add('chrome', joinPath(support, 'Google', 'Chrome'));
    add('chromium', joinPath(support, 'Chromium'));
    add('brave', joinPath(support, 'BraveSoftware', 'Brave-Browser'));
    add('edge', joinPath(support, 'Microsoft Edge'));
    add('firefox', joinPath(support, 'Firefox'));
  } else {
    const xdg = env.XDG_CONFIG_HOME || joinPath(home, '.config');
    const chromeConfig = env.CHROME_CONFIG_HOME || xdg;
    add('chrome', env.CHROME_USER_DATA_DIR);
    add(
      'chrome',
      joinPath(chromeConfig, 'google-chrome'),
      joinPath(chromeConfig, 'google-chrome-beta'),
      joinPath(chromeConfig, 'google-chrome-unstable'),
    );
    add('chromium', joinPath(chromeConfig, 'chromium'));
    add('brave', joinPath(chromeConfig, 'BraveSoftware', 'Brave-Browser'));
    add('edge', joinPath(chromeConfig, 'microsoft-edge'));
    add(
      'firefox',
      joinPath(xdg, 'mozilla', 'firefox'),
      joinPath(home, '.mozilla', 'firefox'),
      joinPath(home, 'snap', 'firefox', 'common', '.mozilla', 'firefox'),
      joinPath(home, '.var', 'app', 'org.mozilla.firefox', '.mozilla', 'firefox'),
    );
  }
  return out;
}

function parentOf(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return i <= 0 ? trimmed : trimmed.slice(0, i);
}

async function readJson(fs: ProfileFs, path: string): Promise<unknown> {
  const bytes = await fs.read(path);
  if (bytes === null) return null;
  try {
    return JSON.parse(utf8(bytes, path)) as unknown;
  } catch {
    return null;
  }
}

/**
 * The profiles `Local State` lists (`profile.info_cache`: folder → {name}), as [folder, name].
 *
 * @example chromiumProfilesFromLocalState({ profile: { info_cache: { Default: { name: 'Person 1' } } } }) // [['Default', 'Person 1']]
 */
export function chromiumProfilesFromLocalState(state: unknown): [string, string | undefined][] {
  const cache = (state as { profile?: { info_cache?: unknown } } | null)?.profile?.info_cache;
  if (typeof cache !== 'object' || cache === null || Array.isArray(cache)) return [];
  return Object.entries(cache as Record<string, unknown>)
    .filter(([folder]) => folder !== '' && !/[\\/]|^\.\.?$/.test(folder))
    .map(([folder, info]) => {
      const name = (info as { name?: unknown } | null)?.name;
      return [folder, typeof name === 'string' ? name : undefined];
    });
}

/**
 * The profiles a Firefox `profiles.ini` lists: path (relative ones resolved against `root`) and name.
 *
 * @example firefoxProfilesFromIni('[Profile0]\nName=default\nIsRelative=1\nPath=ab.default\n', '/r') // [{ path: '/r/ab.default', name: 'default' }]
 */
export function firefoxProfilesFromIni(ini: string, root: string): { path: string; name?: string }[] {
  const out: { path: string; name?: string }[] = [];
  let section: Record<string, string> | null = null;
  const flush = () => {
    if (section?.Path) {
      const relative = section.IsRelative !== '0';
      out.push({
        path: relative ? joinPath(root, ...section.Path.split('/')) : section.Path,
        ...(section.Name ? { name: section.Name } : {}),
      });
    }
  };
  for (const raw of ini.split(/\r?\n/)) {
    const line = raw.trim();
    const head = /^\[(.*)\]$/.exec(line);
    if (head) {
      flush();
      section = /^Profile\d+$/.test(head[1]!) ? {} : null;
      continue;
    }
    const eq = line.indexOf('=');
    if (section && eq > 0) section[line.slice(0, eq)] = line.slice(eq + 1);
  }
  flush();
  return out;
}

/**
 * The profiles in or at `path`: a Chromium user-data-dir or profile folder, a Firefox root or
 * profile folder. `browser` names the browser when the caller knows it (a default location).
 * Empty when the folder is none of these or does not exist.
 *
 * @example await findProfiles(fs, '/home/u/.config/chromium') // [{ browser: 'chromium', engine: 'chromium', path: '/home/u/.config/chromium/Default', … }]
 */
export async function findProfiles(
  fs: ProfileFs,
  path: string,
  browser?: BrowserName,
): Promise<ProfileRef[]> {
  const list = await fs.list(path);
  if (list === null) return [];
  const names = new Set(list.map((e) => e.name));
  const chromium: BrowserName = browser && browser !== 'firefox' ? browser : 'chromium';
  if (names.has('Local State')) {
    const listed = chromiumProfilesFromLocalState(await readJson(fs, joinPath(path, 'Local State')));
    const folders =
      listed.length > 0
        ? listed
        : list
            .filter((e) => e.kind === 'dir' && (e.name === 'Default' || /^Profile \d+$/.test(e.name)))
            .map((e): [string, string | undefined] => [e.name, undefined]);
    const out: ProfileRef[] = [];
    for (const [folder, name] of folders.sort(([a], [b]) => (a < b ? -1 : 1))) {
      if ((await fs.list(joinPath(path, folder))) === null) continue;
      out.push({
        browser: chromium,
        engine: 'chromium',
        path: joinPath(path, folder),
        ...(name === undefined ? {} : { name }),
        userDataDir: path,
      });
    }
    return out;
  }
  if (names.has('Local Storage') || names.has('Local Extension Settings') || names.has('Preferences')) {
    return [
      { browser: chromium, engine: 'chromium', path, name: baseName(path), userDataDir: parentOf(path) },
    ];
  }
  if (names.has('profiles.ini')) {
    const bytes = await fs.read(joinPath(path, 'profiles.ini'));
    const ini = bytes === null ? '' : new TextDecoder().decode(bytes);
    const out: ProfileRef[] = [];
    for (const p of firefoxProfilesFromIni(ini, path)) {
      if ((await fs.list(p.path)) === null) continue;
      out.push({ browser: 'firefox', engine: 'firefox', ...p });
    }
    return out;
  }
  if (
    names.has('prefs.js') ||
    names.has('times.json') ||
    (names.has('storage') && names.has('compatibility.ini'))
  ) {
    return [{ browser: 'firefox', engine: 'firefox', path, name: baseName(path) }];
  }
  return [];
}
