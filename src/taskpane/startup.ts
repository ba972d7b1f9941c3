/**
 * Where the pane runs, decided as Microsoft documents it: Office.js is referenced by a
 * static `<script>` in the page's head, and `Office.onReady` says which host (if any)
 * loaded the page — never the `_host_Info` query parameter, which Microsoft says not to
 * read. Outside Office, `onReady` resolves with no host and the pane starts in preview
 * mode; a host that does not answer in time gets a plain message instead of "loading…"
 * for ever. No DOM here beyond what is passed in, so it is tested in Node.
 */

/** How long Excel may take to answer `Office.onReady` before the pane says so. */
export const ON_READY_LIMIT_MS = 20_000;

export type Where =
  | { kind: 'excel' }
  | { kind: 'preview' }
  /** Office loaded the page in another application (Word, say). */
  | { kind: 'other-host'; host: string }
  /** `Office.onReady` did not resolve in time. */
  | { kind: 'no-answer'; seconds: number }
  /** Office.js did not load, and the page is framed as Office frames it. */
  | { kind: 'office-missing' };

/** The part of the `Office` global the decision needs. */
export interface OfficeReady {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
}

export interface StartupOptions {
  /** The `Office` global, or undefined when Office.js did not load. */
  office: OfficeReady | undefined;
  /** The page's query string: `?preview` forces preview mode. */
  search: string;
  /** Whether the page is inside a frame (Excel on the web frames it). */
  framed: boolean;
  limitMs?: number;
}

/** Decides where the pane runs. */
export async function decideWhere({ office, search, framed, limitMs = ON_READY_LIMIT_MS }: StartupOptions): Promise<Where> {
  if (new URLSearchParams(search).has('preview')) return { kind: 'preview' };
  if (office === undefined) return framed ? { kind: 'office-missing' } : { kind: 'preview' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), limitMs);
  });
  try {
    const info = await Promise.race([office.onReady(), late]);
    if (info === 'late') return { kind: 'no-answer', seconds: Math.round(limitMs / 1000) };
    if (info.host === null || info.host === undefined || info.host === '') return { kind: 'preview' };
    // Office.HostType.Excel is the string "Excel".
    if (info.host === 'Excel') return { kind: 'excel' };
    return { kind: 'other-host', host: String(info.host) };
  } finally {
    clearTimeout(timer);
  }
}

/** Loads a script of our own origin (the custom functions' bundle) and waits for it. */
export function loadScript(document: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
    document.head.appendChild(script);
  });
}
