import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../builder.ts';
import type { Viewer } from './viewer.ts';

/** Every operation needs a signed-in caller; without one the request is refused as a whole. */
export function requireViewer(context: GatewayContext): Viewer {
  if (context.viewer === null) {
    throw new GraphQLError('sign in: send a bearer token (Đăng nhập: gửi mã thông báo)', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return context.viewer;
}

/** A query whose data the caller may not see: no data at all, only this error. */
export function forbiddenToSee(what: string): GraphQLError {
  return new GraphQLError(`you may not see ${what} (Bạn không được xem ${what})`, {
    extensions: { code: 'FORBIDDEN' },
  });
}
