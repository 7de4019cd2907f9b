//! Who sends a request: `Authorization: Bearer <JWT>`, HS256 with `WR_JWT_SECRET`, verified with the
//! `jsonwebtoken` crate as the edge verifies it with jose: `sub` (a string) is the user id, `email`
//! the verified email, `exp` required and checked with no leeway. A missing, malformed, badly signed
//! or expired token is no actor: then every route but the public preview answers 401
//! `unauthenticated` (the crate's decision).

use axum::http::HeaderMap;
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use workspace_rules::edge::requests::Actor;

pub struct Keys {
    key: DecodingKey,
    validation: Validation,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    email: Option<serde_json::Value>,
}

impl Keys {
    pub fn new(secret: &str) -> Keys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Keys {
            key: DecodingKey::from_secret(secret.as_bytes()),
            validation,
        }
    }

    /// The actor of a verified token, else `None`.
    pub fn actor(&self, headers: &HeaderMap) -> Option<Actor> {
        let value = headers.get("authorization")?.to_str().ok()?;
        let (scheme, token) = value.split_once(char::is_whitespace)?;
        let token = token.trim_start();
        if !scheme.eq_ignore_ascii_case("bearer")
            || token.is_empty()
            || token.contains(char::is_whitespace)
        {
            return None;
        }
        let claims = decode::<Claims>(token, &self.key, &self.validation)
            .ok()?
            .claims;
        Some(Actor {
            user_id: claims.sub,
            email: match claims.email {
                Some(serde_json::Value::String(e)) => Some(e),
                _ => None,
            },
        })
    }
}
