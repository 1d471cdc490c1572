declare module 'virtual:persisted-operations' {
  /** Each persisted operation's name → the sha256 of its document. */
  const hashes: Record<string, string>;
  export default hashes;
}
