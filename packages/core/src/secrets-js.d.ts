// Types for secrets.js-grempe (the Shamir library of the Banana Split page), which ships none.
declare module 'secrets.js-grempe' {
  const secrets: {
    /** Combines shares (bits char, id and data in hex) into the secret's hex. */
    combine(shares: readonly string[]): string;
    /** Splits a hex secret into `count` shares of which `threshold` recover it. */
    share(secret: string, count: number, threshold: number, padLength?: number): string[];
  };
  export default secrets;
}
