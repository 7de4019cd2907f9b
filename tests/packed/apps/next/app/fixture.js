// The page's inputs, shared with tests/packed/next.test.mjs, which computes the same answers with the
// package itself. No rules here: only data.
export const ana = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
export const bo = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02";
export const now = "2026-11-22T10:00:00.000Z";
export const workspace = { name: "Client A Support", environment: "production" };
export const creator = { actor_id: ana, actor_email: "ana@example.com", now, account_role: "owner" };
export const invite = { type: "invite_member", email: " Bo@Example.com ", role: "admin" };
export const taken = ["equipe-reseau"];
