// INTEGRATION POINT (temporary): replaced by the @keyport/storage-migrate wiring when it lands.
import type { PageContext } from './context.ts';
export function createRestoreFlow(_ctx: PageContext): (text: string, fileName: string) => Promise<void> {
  return async () => {
    throw new Error('@keyport/storage-migrate has not landed yet');
  };
}
