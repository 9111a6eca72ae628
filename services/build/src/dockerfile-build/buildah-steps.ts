/** Follows buildah's output to know which step is running and how a failed one ended. */
export class BuildahSteps {
  /** The current step as buildah printed it, e.g. `STEP 2/3: RUN make` (or `[2/2] STEP 1/4: FROM …` in multi-stage builds). */
  step: string | null = null;
  /** `exit status 1` from buildah's error line, when a RUN step failed. */
  exitStatus: string | null = null;
  /** buildah's own error line (`Error: …`). */
  error: string | null = null;

  observe(line: string): void {
    const trimmed = line.trim();
    if (/^(\[\d+\/\d+\] )?STEP \d+\/\d+: /.test(trimmed)) this.step = trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
    const status = /exit status (\d+)/.exec(trimmed);
    if (status) this.exitStatus = `exit status ${status[1]}`;
    if (/^(Error|error):? /.test(trimmed)) this.error = trimmed.length > 500 ? `${trimmed.slice(0, 500)}…` : trimmed;
  }

  /** What failed, for the build's stage detail and build.failed: the step and how it ended. */
  failureReason(code: number | null): string {
    const ended = this.exitStatus ?? (code === null ? 'the builder was killed' : `buildah exited with code ${code}`);
    if (this.step) return `${this.step}: failed with ${ended}`;
    return this.error ? `the build failed before its first step: ${this.error}` : `the build failed: ${ended}`;
  }
}
