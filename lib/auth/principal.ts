import type { Role } from "./roles";

/** The signed-in person as every use case sees them: checked on the server, never taken from the client. */
export type Principal = {
  sessionId: string; // hashed session id (the database key), not the cookie value
  userId: string; // Crosslink user id
  tenantId: string; // Entra tenant ID (tid)
  tenantName: string;
  objectId: string; // Entra object ID (oid)
  name: string;
  username: string;
  roles: Role[];
};
