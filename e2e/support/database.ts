/**
 * The e2e database as specs reach it, through the domain's own client: importing getDb from here
 * points the domain at it (the domain reads no environment of its own).
 */
import { configureDatabase, getDb } from "../../packages/domain/src/db/client.ts";
import { E2E } from "../env.ts";

configureDatabase(E2E.databaseUrl);

export { getDb };
