// What the integration setup hands every test file (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    databaseUrl: string;
  }
}

export {};
