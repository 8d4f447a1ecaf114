/**
 * Ends a consumer's stream with an error, so an HTTP response or archive is aborted rather than
 * finished: a truncated file must never look complete.
 */
export function destroyOutput(out: NodeJS.WritableStream, error: unknown): void {
  const destroyable = out as NodeJS.WritableStream & {
    destroyed?: boolean;
    destroy?: (error?: Error) => void;
  };
  if (!destroyable.destroyed)
    destroyable.destroy?.(error instanceof Error ? error : new Error(String(error)));
}
