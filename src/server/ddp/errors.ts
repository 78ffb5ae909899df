/**
 * How Meteor puts errors on the wire (CONTRACT.md §13.6). A thrown `Meteor.Error` is sent as its own enumerable
 * fields; `reason` is left out when there is none, as `JSON.stringify` drops `undefined`.
 */

export type DdpError = {
  isClientSafe: true;
  error: string | number;
  reason?: string;
  message: string;
  errorType: 'Meteor.Error';
};

export function meteorError(error: string | number, reason?: string): DdpError {
  return {
    isClientSafe: true,
    error,
    ...(reason !== undefined && { reason }),
    message: reason ? `${reason} [${error}]` : `[${error}]`,
    errorType: 'Meteor.Error',
  };
}

/** A `check()` failure inside a method reaches the client as Meteor's generic 400. */
export const MATCH_FAILED = meteorError(400, 'Match failed');
