//! The sensitive topics of a workspace (`docs/rules/tone.md#sensitive-topics`): the list a voice
//! setting may hold and what an unset one means. Both the field table and tone matching read them
//! here, so neither depends on the other for them.

/// `sensitive_topics`: at most 50 distinct items.
pub const SENSITIVE_TOPICS_CAP: usize = 50;

/// What an unset `sensitive_topics` means.
pub const DEFAULT_SENSITIVE_TOPICS: [&str; 6] = [
    "test results",
    "diagnosis",
    "surgery",
    "billing",
    "medication",
    "insurance",
];

/// [`DEFAULT_SENSITIVE_TOPICS`] as owned strings.
pub fn default_sensitive_topics() -> Vec<String> {
    DEFAULT_SENSITIVE_TOPICS.map(str::to_owned).to_vec()
}
