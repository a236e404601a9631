// Test harness: starts the real `csat-index` binary on a fresh SQLite file on a free loopback port
// (random JWT secret, mail written to files) and mints tokens with `csat-index token`.
// The binary comes from $CSAT_BIN (test.sh sets it), else <repo>/target/debug/csat-index
// ($CARGO_TARGET_DIR instead of <repo>/target when set).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** A running server and what a test needs to talk to it. */
export interface TestServer {
    /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
    /** Mints a token for `admin`, `vendor`, or `partner` (with its partner id). */
    token(role: "admin" | "vendor" | "partner", partnerId?: string): string;
    /** Stops the server, prints what it logged (warnings and errors) and removes its temporary folder. */
    stop(): Promise<void>;
}

function repoRoot(): string {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, "Cargo.toml"))) {
        const parent = dirname(dir);
        if (parent === dir) throw new Error("server: no Cargo.toml above the test; set CSAT_BIN");
        dir = parent;
    }
    return dir;
}

function binaryPath(): string {
    const fromEnv = process.env.CSAT_BIN;
    if (fromEnv) return resolve(fromEnv);
    const root = repoRoot();
    return resolve(root, process.env.CARGO_TARGET_DIR ?? "target", "debug", "csat-index");
}

async function freePort(): Promise<number> {
    return new Promise((done, fail) => {
        const probe = createServer();
        probe.once("error", fail);
        probe.listen(0, "127.0.0.1", () => {
            const address = probe.address();
            const port = typeof address === "object" && address !== null ? address.port : 0;
            probe.close(() => done(port));
        });
    });
}

function exited(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((done) => child.once("exit", () => done()));
}

/** Starts the binary and waits (up to 30 s) until `/ready` answers 200. */
export async function startServer(): Promise<TestServer> {
    const bin = binaryPath();
    if (!existsSync(bin)) throw new Error(`server: no binary at ${bin}; build it or set CSAT_BIN`);
    const work = mkdtempSync(join(tmpdir(), "csat-sdk-ts-"));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ["CSAT_JWT_PUBLIC_KEY", "CSAT_JWT_ALGORITHM", "CSAT_JWT_ISSUER", "CSAT_JWT_AUDIENCE"]) {
        delete env[name];
    }
    Object.assign(env, {
        CSAT_DATABASE_URL: `sqlite://${join(work, "csat.db")}`,
        CSAT_BIND: `127.0.0.1:${port}`,
        CSAT_PUBLIC_URL: baseUrl,
        CSAT_JWT_SECRET: `sdk-ts-test-${randomBytes(24).toString("hex")}`,
        CSAT_MAIL_URL: `file://${join(work, "mail")}`,
        CSAT_LOG: process.env.CSAT_LOG ?? "WARN",
        // The journey's webhook receiver listens on loopback over plain HTTP.
        CSAT_WEBHOOK_ALLOW_HTTP: "1",
        CSAT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "1",
        CSAT_WEBHOOK_INTERVAL_MS: "100",
        CSAT_EVENTS_INTERVAL_MS: "100",
    });
    const logPath = join(work, "server.log");
    const log = openSync(logPath, "a");
    const child = spawn(bin, ["serve"], { env, stdio: ["ignore", log, log] });
    closeSync(log); // the child has its own copy
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);

    const failWith = (message: string): never => {
        child.kill("SIGKILL");
        const tail = existsSync(logPath) ? readFileSync(logPath, "utf8").split("\n").slice(-40).join("\n") : "";
        rmSync(work, { recursive: true, force: true });
        throw new Error(`${message}\n--- server log ---\n${tail}`);
    };

    const deadline = Date.now() + 30_000;
    for (;;) {
        if (child.exitCode !== null) failWith(`server: exited with ${child.exitCode} before it was ready`);
        try {
            const ready = await fetch(`${baseUrl}/ready`);
            if (ready.status === 200) break;
        } catch {
            // not listening yet
        }
        if (Date.now() > deadline) failWith(`server: ${baseUrl}/ready did not answer 200 within 30 s`);
        await new Promise((done) => setTimeout(done, 200));
    }

    return {
        baseUrl,
        token(role, partnerId) {
            const args = ["token", "--role", role];
            if (partnerId !== undefined) args.push("--partner-id", partnerId);
            return execFileSync(bin, args, { env, encoding: "utf8" }).trim();
        },
        async stop() {
            process.removeListener("exit", killOnExit);
            child.kill("SIGTERM");
            await exited(child);
            // The server logs warnings and errors only (CSAT_LOG=WARN): show them, they explain failures.
            const logged = readFileSync(logPath, "utf8");
            if (logged.trim() !== "") process.stderr.write(`--- csat-index server log ---\n${logged}`);
            rmSync(work, { recursive: true, force: true });
        },
    };
}
