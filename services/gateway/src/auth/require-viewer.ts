import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { IdentityProviderUnreachable } from './tokens.ts';
import type { Viewer } from './viewer.ts';

/** The error of a request that carried no valid token. */
export const signInError = (): GraphQLError =>
  new GraphQLError('sign in: send a bearer token (Đăng nhập: gửi mã thông báo)', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/** The error of a request whose token could not be checked: the identity provider is down. */
export const identityProviderError = (error: IdentityProviderUnreachable): GraphQLError =>
  new GraphQLError(`${error.message} (${error.messageVi})`, {
    extensions: { code: error.code, http: { status: 503 } },
  });

/**
 * The signed-in caller, for resolvers that act on who it is. The root types' `signedIn` scope has
 * already refused requests without a token; this only narrows the type.
 */
export function requireViewer(context: GatewayContext): Viewer {
  if (context.viewer === null) throw signInError();
  return context.viewer;
}
