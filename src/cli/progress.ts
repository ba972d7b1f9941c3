/**
 * A progress line on stderr while a command works (reading, computing, writing), for
 * people watching a terminal. When stderr is not a terminal (a pipe, a log, a test)
 * nothing at all is written, so output stays clean for scripts.
 */

/** Where progress goes: a stream and whether it is a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export class Progress {
  private shown = false;

  constructor(
    private readonly stream: ProgressStream = process.stderr,
    private readonly enabled: boolean = stream.isTTY === true,
  ) {}

  /** Shows the step in progress, replacing the previous one, e.g. `Reading model.xlsx…`. */
  step(text: string): void {
    if (!this.enabled) return;
    this.stream.write(`\r\x1b[2K${text}…`);
    this.shown = true;
  }

  /** Clears the line so that what follows starts clean. */
  done(): void {
    if (!this.enabled || !this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
