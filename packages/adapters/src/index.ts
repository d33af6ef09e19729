/** Platform adapters: nothing is exported yet; report profiles and ledger import come in a later issue. */
export const ADAPTERS_VERSION = "0.1.0";
