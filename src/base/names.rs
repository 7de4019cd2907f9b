//! Closed sets of wire names (roles, actions, and later tones, environments…) declared once.
//!
//! `names!` turns a table of `Variant = "wire_name"` into an enum with `ALL` (in table order),
//! `as_str`, and `from_name`, so parsing and printing a name can never disagree.

/// Declares a `Copy` enum whose variants have fixed wire names, in table order.
///
/// `enum Name as "PublicName"` gives the type another name in the JSON Schema and the TypeScript types
/// (feature `schema`): the name the package has always used for it.
macro_rules! names {
    ($(#[doc = $doc:literal])* $vis:vis enum $name:ident $(as $public:literal)? { $($(#[$vdoc:meta])* $variant:ident = $wire:literal,)+ }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vdoc])* $variant,)+ }

        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                [$($public,)? stringify!($name)][0].into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                $crate::base::schema::names([$($doc),*].join("\n").trim(), $name::NAMES)
            }
        }

        impl $name {
            /// Every value, in the order of the specification's table.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Every wire name, in the order of [`ALL`](Self::ALL).
            pub const NAMES: &'static [&'static str] = &[$($wire,)+];

            /// The wire name.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            /// The value with this exact wire name (case-sensitive), if any.
            pub fn from_name(name: &str) -> Option<Self> {
                match name { $($wire => Some($name::$variant),)+ _ => None }
            }
        }

        impl $crate::base::names::Named for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn as_str(self) -> &'static str { $name::as_str(self) }
            fn from_name(name: &str) -> Option<Self> { $name::from_name(name) }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use names;

/// What every `names!` enum offers, so generic helpers (validation of enum fields) can take any of them.
pub trait Named: Copy + 'static {
    /// Every value, in table order.
    const ALL: &'static [Self];
    /// The wire name.
    fn as_str(self) -> &'static str;
    /// The value with this exact wire name, if any.
    fn from_name(name: &str) -> Option<Self>;

    /// The wire names joined for messages: "a, b or c".
    fn list() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }
}
