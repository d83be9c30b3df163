/**
 * Overuse across a message: some phrases are fine once and wrong in a pile (三連続の
 * させていただきます). An entry with `perMessage: n` keeps its findings only when the message
 * holds n or more of them; one click leaves n - 1, and the message is quiet again.
 */
export function keepOveruse<F extends { entryId: string }>(findings: F[], perMessage: (entryId: string) => number | undefined): F[] {
  const counts = new Map<string, number>();
  for (const f of findings) if (perMessage(f.entryId)) counts.set(f.entryId, (counts.get(f.entryId) ?? 0) + 1);
  if (!counts.size) return findings;
  return findings.filter((f) => {
    const n = perMessage(f.entryId);
    return !n || counts.get(f.entryId)! >= n;
  });
}
