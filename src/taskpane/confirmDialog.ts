/**
 * Asks before a figure far from the indicative one is applied, in Fluent UI's Dialog
 * (fluent/confirmDialog.ts), whose chunk is loaded the first time it is asked: the
 * pane's first load stays small. Resolves true to apply, false to go back.
 */
export async function confirmFar(host: HTMLElement, title: string, body: string, apply: string, cancel: string): Promise<boolean> {
  const { ask } = await import(/* webpackChunkName: "fluent-dialog" */ './fluent/confirmDialog');
  return ask(host, { title, body, apply, cancel });
}
