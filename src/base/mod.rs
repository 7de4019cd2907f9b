//! The shared base every room stands on: the error model ([`error`]), the untyped input value and
//! its text reader ([`json`], [`json_text`], numbers by [`decimal`]), validation helpers ([`validate`]), closed sets of wire names
//! ([`names`]), timestamps ([`timestamp`]) and the string index ([`index`]). Nothing here knows a domain rule; nothing here imports from another room.

pub mod decimal;
pub mod error;
pub mod index;
pub mod json;
pub mod json_text;
pub mod names;
#[cfg(feature = "schema")]
pub mod schema;
pub mod timestamp;
pub mod validate;
