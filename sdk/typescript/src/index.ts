// The hand-written part of the TypeScript SDK: a client factory, a typed problem error, `unwrap`
// and pagination. The types of every operation and model live in ./generated/schema.ts, which
// generate.sh writes from openapi/v1.json (openapi-typescript); requests go through openapi-fetch.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

/** Every model of the API by its schema name, e.g. `Schemas["Survey"]` or `Schemas["UpdateSurvey"]`. */
export type Schemas = components["schemas"];

/** An RFC 9457 problem document: the body of every error response. */
export type Problem = Schemas["Problem"];

/**
 * The machine-readable cause of a {@link Problem}, e.g. `"survey_not_open"` or `"version_mismatch"`:
 * stable, unlike `detail` (the spec's `ErrorCode` schema lists each code with its status).
 */
export type ErrorCode = Schemas["ErrorCode"];

/** One field-level validation error of a {@link Problem}. */
export type FieldError = Schemas["FieldError"];

/**
 * A client of the Partner CSAT Index API: openapi-fetch's client typed by the API's paths.
 * Call operations by method and path, e.g. `csat.GET("/api/v1/surveys/{survey_id}", { params: { path: { survey_id } } })`;
 * each call resolves to `{ data }` or `{ error }` (the typed problem) plus the raw `response`.
 */
export type CsatClient = Client<paths>;

/** Options of {@link createCsatClient}. */
export interface CsatClientOptions {
    /** Where the API is served, without `/api/v1`, e.g. `https://csat.example.com`. */
    baseUrl: string;
    /** The bearer token (a JWT) sent as `Authorization: Bearer <token>`; omit it for the respondent operations. */
    token?: string;
    /** A `fetch` to use instead of the global one (for tests, proxies or retries). */
    fetch?: (request: Request) => Promise<Response>;
}

/** Creates a client for one API server and one bearer token. */
export function createCsatClient(options: CsatClientOptions): CsatClient {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) {
        headers["Authorization"] = `Bearer ${options.token}`;
    }
    return createClient<paths>({ baseUrl: options.baseUrl, headers, fetch: options.fetch });
}

/**
 * A non-2xx answer of the API as an exception, carrying the problem document's fields:
 * `status`, `type`, `title`, `code`, `detail` and the field `errors` of a validation problem (422).
 */
export class ProblemError extends Error {
    /** The HTTP status code, e.g. 404, 412 or 422. */
    readonly status: number;
    /** A URI reference that identifies the problem type. */
    readonly type: string;
    /** A short summary of the problem type. */
    readonly title: string;
    /** The machine-readable cause; `undefined` when the answer was not a problem document. */
    readonly code: ErrorCode | undefined;
    /** What went wrong in this occurrence. */
    readonly detail: string;
    /** Field-level errors; empty unless the request failed validation. */
    readonly errors: FieldError[];
    /** The HTTP response the problem came with (for headers such as `Retry-After`). */
    readonly response: Response;

    /** Wraps a problem document and the response it came with. */
    constructor(problem: Omit<Problem, "code"> & { code?: ErrorCode }, response: Response) {
        super(`${problem.status} ${problem.title}: ${problem.detail}`);
        this.name = "ProblemError";
        this.status = problem.status;
        this.type = problem.type;
        this.title = problem.title;
        this.code = problem.code;
        this.detail = problem.detail;
        this.errors = problem.errors ?? [];
        this.response = response;
    }

    /**
     * Builds the error from a failed response and the body openapi-fetch parsed from it: a problem
     * document, or (from something in front of the API, such as a proxy) text or nothing.
     */
    static fromResponse(response: Response, body: unknown): ProblemError {
        if (isProblem(body)) {
            return new ProblemError(body, response);
        }
        const problem: Omit<Problem, "code"> = {
            type: "about:blank",
            title: response.statusText || `HTTP ${response.status}`,
            status: response.status,
            detail: typeof body === "string" ? body : "",
        };
        return new ProblemError(problem, response);
    }
}

function isProblem(body: unknown): body is Problem {
    if (typeof body !== "object" || body === null) {
        return false;
    }
    const candidate = body as Record<string, unknown>;
    return (
        typeof candidate["status"] === "number" &&
        typeof candidate["type"] === "string" &&
        typeof candidate["title"] === "string" &&
        typeof candidate["detail"] === "string"
    );
}

/** The shape of what an openapi-fetch call resolves to. */
export interface FetchResult {
    data?: unknown;
    error?: unknown;
    response: Response;
}

/** The success body of a call's result: `undefined` for operations answering 204 No Content. */
export type Data<R extends FetchResult> = [Exclude<R["data"], undefined>] extends [never]
    ? undefined
    : Exclude<R["data"], undefined>;

/**
 * Returns the body of a successful call, or throws a {@link ProblemError} for a non-2xx answer.
 * Takes the call's promise (`await unwrap(csat.GET(...))`) or its awaited result (to keep the
 * `response` for its headers, such as `ETag`).
 */
export async function unwrap<R extends FetchResult>(result: R | Promise<R>): Promise<Data<R>> {
    const { data, error, response } = await result;
    if (!response.ok) {
        throw ProblemError.fromResponse(response, error);
    }
    return data as Data<R>;
}

/** One page of a cursor-paginated list. */
export interface Page<T> {
    /** The items of this page. */
    items: T[];
    /** The cursor of the next page; `null` or absent on the last one. */
    next_cursor?: string | null;
}

/** The item type of a list operation's result. */
export type PageItem<R extends FetchResult> = Data<R> extends Page<infer T> ? T : never;

/**
 * Walks a cursor-paginated list to its end, yielding every item in order. `fetchPage` makes one
 * list call with the given cursor (`undefined` for the first page), e.g.
 * `(cursor) => csat.GET("/api/v1/offices/{office_id}/contacts", { params: { path: { office_id }, query: { cursor } } })`.
 * A failed page throws a {@link ProblemError}.
 */
export async function* paginate<R extends FetchResult & { data?: Page<unknown> }>(
    fetchPage: (cursor: string | undefined) => Promise<R>,
): AsyncGenerator<PageItem<R>, void, undefined> {
    let cursor: string | undefined;
    do {
        const page = (await unwrap(fetchPage(cursor))) as Page<PageItem<R>>;
        yield* page.items;
        const next = page.next_cursor ?? undefined;
        if (next !== undefined && next === cursor) {
            throw new Error(`paginate: the server returned the same cursor twice (${next})`);
        }
        cursor = next;
    } while (cursor !== undefined);
}

/** Collects every item of a cursor-paginated list into an array (see {@link paginate}). */
export async function listAll<R extends FetchResult & { data?: Page<unknown> }>(
    fetchPage: (cursor: string | undefined) => Promise<R>,
): Promise<PageItem<R>[]> {
    const items: PageItem<R>[] = [];
    for await (const item of paginate(fetchPage)) {
        items.push(item);
    }
    return items;
}

export {
  verifyWebhook,
  WebhookVerificationError,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookHeaders,
} from "./webhooks.js";
