//! The JSON Schema of the edge's inputs and answers (feature `schema`, never in the `.wasm`): a
//! request, its context, and the decision.

use crate::base::error::RuleError;
use crate::base::timestamp::Timestamp;
use crate::edge::requests::{Actor, Decision, Request};
use crate::workspace::roles::Action;
use crate::workspace::state::WorkspaceState;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for Request {
    fn schema_name() -> Cow<'static, str> {
        "RuleRequest".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A request as the edge sees it. Give the body as a value (`body`) or as the text the client sent (`body_text`), not both; the query string is read for the audit route's `limit` only.",
            "type": "object",
            "properties": {
                "method": { "type": "string" },
                "path": { "type": "string" },
                "body": {},
                "body_text": { "type": "string" },
            },
            "required": ["method", "path"],
            "not": { "properties": { "body": true, "body_text": true }, "required": ["body", "body_text"] },
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for Actor {
    fn schema_name() -> Cow<'static, str> {
        "RequestActor".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Who sends a request, from its credentials. Any user_id string; one that is not a member's is refused 404.",
            "type": "object",
            "properties": {
                "user_id": { "type": "string" },
                "email": { "type": ["string", "null"] },
            },
            "required": ["user_id"],
            "additionalProperties": false,
        })
    }
}

/// The context of `checkRequest`: `{ actor, state, now }` (`actor` null without credentials).
pub struct RequestContext;

impl JsonSchema for RequestContext {
    fn schema_name() -> Cow<'static, str> {
        "RequestContext".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The context of `checkRequest`.",
            "type": "object",
            "properties": {
                "actor": { "anyOf": [g.subschema_for::<Actor>(), { "type": "null" }] },
                "state": g.subschema_for::<WorkspaceState>(),
                "now": g.subschema_for::<Timestamp>(),
            },
            "required": ["state", "now"],
            "additionalProperties": false,
        })
    }
}

/// The context of a prepared workspace's `checkRequest`: `{ actor, now }`, the state being the prepared one.
pub struct PreparedRequestContext;

impl JsonSchema for PreparedRequestContext {
    fn schema_name() -> Cow<'static, str> {
        "PreparedRequestContext".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The context of a prepared workspace's `checkRequest`: the state is the prepared one.",
            "type": "object",
            "properties": {
                "actor": { "anyOf": [g.subschema_for::<Actor>(), { "type": "null" }] },
                "now": g.subschema_for::<Timestamp>(),
            },
            "required": ["now"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for Decision {
    fn schema_name() -> Cow<'static, str> {
        "Decision".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let action = json_schema!({
            "anyOf": [g.subschema_for::<Action>(), { "enum": ["public", "invitee", "member"] }],
        });
        json_schema!({
            "description": "The answer of `checkRequest` and `authorize`, keys in this order; `error` only when refused. `action` is the matrix action the route needs, or who a route without one is open to: \"public\" (the invitation preview), \"invitee\" (accepting, declining), \"member\" (any active member); null for an unknown route.",
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        "allowed": { "const": true },
                        "action": action.clone(),
                        "status": { "const": 200 },
                    },
                    "required": ["allowed", "action", "status"],
                    "additionalProperties": false,
                },
                {
                    "type": "object",
                    "properties": {
                        "allowed": { "const": false },
                        "action": { "anyOf": [action, { "type": "null" }] },
                        "status": { "type": "integer", "minimum": 400, "maximum": 599 },
                        "error": g.subschema_for::<RuleError>(),
                    },
                    "required": ["allowed", "action", "status", "error"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}
