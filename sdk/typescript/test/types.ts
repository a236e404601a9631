// Compile-time checks of the SDK's types (tsc -p tsconfig.test.json fails when one breaks;
// nothing here runs). Each `@ts-expect-error` line must stay an error.
import { createCsatClient, listAll, paginate, unwrap, type ProblemError, type Schemas } from "csat-index-sdk";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_: T): void {}

export async function typeChecks(): Promise<void> {
    const csat = createCsatClient({ baseUrl: "http://127.0.0.1:8080", token: "t" });
    const path = { survey_id: "00000000-0000-0000-0000-000000000000" };

    // Response bodies are the generated models.
    const survey = await unwrap(csat.GET("/api/v1/surveys/{survey_id}", { params: { path } }));
    assertType<Equal<typeof survey, Schemas["Survey"]>>(true);
    // 204 No Content unwraps to undefined.
    const erased = await unwrap(csat.DELETE("/api/v1/contacts/{contact_id}", { params: { path: { contact_id: "c" } } }));
    assertType<Equal<typeof erased, undefined>>(true);
    // SVG with parseAs "text" is a string.
    const svg = await unwrap(
        csat.GET("/api/v1/surveys/{survey_id}/results/chart.svg", { params: { path, query: { question_id: "q" } }, parseAs: "text" }),
    );
    assertType<Equal<typeof svg, string>>(true);

    // Pagination yields the list's item model.
    const contacts = await listAll((cursor) =>
        csat.GET("/api/v1/offices/{office_id}/contacts", { params: { path: { office_id: "o" }, query: { cursor } } }),
    );
    assertType<Equal<typeof contacts, Schemas["Contact"][]>>(true);
    for await (const office of paginate((cursor) =>
        csat.GET("/api/v1/memberships/{membership_id}/offices", { params: { path: { membership_id: "m" }, query: { cursor } } }),
    )) {
        assertType<Equal<typeof office, Schemas["Office"]>>(true);
    }
    // paginate takes list operations only.
    // @ts-expect-error a survey is not a page
    await listAll(() => csat.GET("/api/v1/surveys/{survey_id}", { params: { path } }));

    // Errors carry typed field errors.
    assertType<Equal<ProblemError["errors"], Schemas["FieldError"][]>>(true);
    // ... and a typed code.
    assertType<Equal<ProblemError["code"], Schemas["ErrorCode"] | undefined>>(true);

    // A nullable PATCH field takes an explicit null; a wrong type does not compile.
    await csat.PATCH("/api/v1/surveys/{survey_id}", { params: { path }, body: { closes_at: null } });
    await csat.PATCH("/api/v1/contacts/{contact_id}", { params: { path: { contact_id: "c" } }, body: { organization: null } });
    // @ts-expect-error closes_at is a date-time string or null
    await csat.PATCH("/api/v1/surveys/{survey_id}", { params: { path }, body: { closes_at: 5 } });

    // Idempotency-Key and If-Match are typed header parameters of the operations that take them.
    await csat.POST("/api/v1/partners", { params: { header: { "Idempotency-Key": "k" } }, body: { external_key: "k", name: "n" } });
    await csat.PATCH("/api/v1/surveys/{survey_id}", { params: { path, header: { "If-Match": '"1"' } }, body: {} });
    // @ts-expect-error If-Match is a string
    await csat.PATCH("/api/v1/surveys/{survey_id}", { params: { path, header: { "If-Match": 1 } }, body: {} });

    // @ts-expect-error no such path
    await csat.GET("/api/v1/no-such-path");
    // @ts-expect-error the path parameter is required
    await csat.GET("/api/v1/surveys/{survey_id}", {});
    // @ts-expect-error a required body field is missing
    await csat.POST("/api/v1/partners", { body: { name: "n" } });
}
