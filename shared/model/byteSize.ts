/**
 * A size in megabytes with one decimal, rounded up so a file just over a limit never reads as
 * exactly the limit ("10.1 MB", "10 MB" for exactly 10 MB).
 */
export function megabytes(bytes: number): string {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
