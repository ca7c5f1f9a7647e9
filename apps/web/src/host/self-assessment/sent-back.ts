/** The expert leader's latest send-back of an entry, while the entry has not been saved since (else null). */
export function openSendBack<T extends { entryVersion: number }>(entry: { sentBack: T[]; version: number } | null | undefined): T | null {
  const latest = entry?.sentBack[0];
  return latest && latest.entryVersion >= entry.version ? latest : null;
}
