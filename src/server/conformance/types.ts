/** The case-file format, described in tests/server/conformance/README.md. */

export type CaseRequest = {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is (default Content-Type application/json unless `headers` say otherwise). */
  rawBody?: string;
  headers?: Record<string, string>;
};

export type Expectation = {
  status?: number;
  bodyIncludes?: unknown;
  errorMatches?: string;
  bodyExcludes?: string[];
  fieldMatches?: Record<string, string>;
  arrayLengths?: Record<string, number>;
  arrayContains?: Record<string, unknown[]>;
  arrayNotContainsIds?: Record<string, string[]>;
  elementKeysSubsetOf?: Record<string, string[]>;
  typesOf?: Record<string, string>;
  headersPresent?: string[];
  headersInclude?: Record<string, string>;
  textMatches?: string;
  sameAsPrior?: Record<string, string>;
  followUp?: { request: CaseRequest; expect: Expectation };
};

export type CaseSetup = {
  settings?: Record<string, unknown>;
  departments?: unknown[];
  customFields?: unknown[];
  agentsOnline?: boolean;
  priorRequests?: CaseRequest[];
};

export type ConformanceCase = {
  id: string;
  endpoint?: string;
  source?: string;
  description?: string;
  notes?: string;
  setup?: CaseSetup;
  request: CaseRequest;
  expect: Expectation;
  variants?: Record<string, Expectation>;
};

export type HttpAnswer = {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or `undefined` when the body is not JSON. */
  body: unknown;
};

export type CaseResult = {
  id: string;
  passed: boolean;
  /** `default` when the main expectation passed, else the name of the variant that did, else `null`. */
  matched: string | null;
  /** Why the default expectation failed (empty when it passed). */
  failures: string[];
  variantFailures: Record<string, string[]>;
};
