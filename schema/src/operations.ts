/**
 * The named operations clients may send by hash (`schema/graphql/operations/<Name>.graphql`): the
 * README's examples, and the only operations a gateway in persisted-operations-only mode runs.
 */
export const operationsDirectory = new URL('../graphql/operations/', import.meta.url);
