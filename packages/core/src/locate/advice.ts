// What a person types into Apps, the extension or keyport to get the account `locate` found
// back (docs/rescue-formats.md "locate"). Lines of plain text; nothing secret in them.
import type { LocateHit } from './locate.ts';

/**
 * Human lines saying what the hit means and how to restore that account.
 *
 * @example locateAdvice(hit) // ['sr25519 key at //polkadot//3 …', 'Apps: …', 'keyport: …']
 */
export function locateAdvice(hit: LocateHit): string[] {
  const pw = hit.password === undefined ? '' : ` with password guess ${hit.password} as its ///password`;
  const ledgerPw =
    hit.password === undefined
      ? ''
      : ` with password guess ${hit.password} as the 25th word (BIP39 passphrase)`;
  const path = hit.path === '' ? 'no path' : `path ${hit.path}`;
  const derive = (type: string) =>
    `keyport: derive --secret-file <file> --type ${type}${hit.path === '' ? '' : ` --path "${hit.path}"`} --export <out.json> --password-file <pw> writes a keystore Apps and the extension import`;
  switch (hit.family) {
    case 'raw':
      return [
        `the secret key itself is this ${hit.type} account (read as ${hit.encoding ?? 'given'})`,
        'keyport: convert it into a keystore by restoring the account in a wallet that takes raw keys, or keep the file safe',
      ];
    case 'ledger':
      return [
        `Ledger ed25519 key at ${hit.path}${ledgerPw}: a Ledger device restored with this phrase shows it at that account and address index`,
        'Apps: Settings → allow Ledger connections, then Add account → Mnemonic, Advanced: crypto type "Ledger (ed25519, BIP32 derivation)" with that network, account and address index',
        `keyport: derive --secret-file <file> --type ed25519-ledger --path "${hit.path}" --export <out.json> --password-file <pw> (this takes the key out of the hardware; keep the phrase offline)`,
      ];
    case 'slip10':
      return [
        `ed25519 SLIP-10 key at ${hit.path} (Trust Wallet and wallet-core derive Polkadot keys this way)${ledgerPw}`,
        'Apps and the extension do not derive SLIP-10 keys from a mnemonic: export a keystore and import that',
        derive('ed25519'),
      ];
    case 'pjs-2020-ethereum':
    case 'ethereum-key':
      return hit.family === 'ethereum-key'
        ? [
            'the 0x seed is this ethereum private key (polkadot-js takes a 0x secret as the key itself)',
            derive('ethereum'),
          ]
        : [
            'ethereum key of polkadot-js from Aug 2020 to Feb 2021: the first 32 bytes of the BIP39 seed, no BIP44 path',
            "today's Apps and extension derive m/44'/60'/0'/0/0 instead and will not show this account from the mnemonic",
          ];
    case 'ethereum':
      return [
        `ethereum key at ${hit.path}${ledgerPw} (MetaMask, Talisman, SubWallet: account ${Number(hit.path.split('/').pop()) + 1} of this mnemonic)`,
        `Apps: Add account → Mnemonic on an Ethereum-type chain, crypto type ethereum, path ${hit.path}`,
        derive('ethereum'),
      ];
    default:
      return [
        `${hit.type} key, ${path}${pw}`,
        `Apps: Add account → Mnemonic, Advanced: crypto type ${hit.type}, secret derivation path ${hit.path === '' ? '(empty)' : hit.path}${pw === '' ? '' : '///<that password>'}`,
        hit.type === 'sr25519'
          ? `extension: Import account from pre-existing seed, Advanced: derivation path ${hit.path === '' ? '(empty)' : hit.path}`
          : `extension: imports ${hit.type} accounts only from a keystore file`,
        derive(hit.type),
      ];
  }
}
