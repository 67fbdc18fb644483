// INTEGRATION POINT (temporary): replaced by the @keyport/storage-migrate wiring when it lands.
export async function makeBundle(
  _storage: Storage,
  _opts: { origin: string; now: Date; passphrase: string },
): Promise<{ text: string; entries: number }> {
  throw new Error('@keyport/storage-migrate has not landed yet');
}
