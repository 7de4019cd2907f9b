//! `docs/rules/tone.md` Tone override: strong caller emotion, an upstream empathy tier or a sensitive topic can raise
//! the voice's tone toward more empathy, never lower it.
//!
//! The baseline's tier is the floor. Each signal proposes a tier; the effective tier is the highest
//! of all. When no signal rises above the baseline's tier the baseline tone stays (a `serious`
//! baseline is not swapped for `friendly`); otherwise the tone is the winning tier's tone. Speed and
//! volume are not inputs here, so nothing in this module can change them.
//!
//! Decisions where the spec is silent:
//! - `tier` in the result is the tier's **name** (`"hold_space"`), as in the spec's table; the
//!   input `empathy_tier` is its number (0–3), as an upstream classifier sends it.
//! - `matched_topic` is present only when the source is `sensitive_topic`; it is the first topic of
//!   the list (in its stored spelling) whose words appear in `topic`.
//! - An emotion `label` is compared after normalization and case folding (`"Anxious"` = `"anxious"`).
//! - `sensitive_topics` is read like the voice-settings field (items 1–128 characters, at most 50
//!   distinct, duplicates removed); a topic with no word characters (only emoji, say) never matches.
//! - Input problems are all reported; the refusal's code is the first problem's (`invalid_value`,
//!   `out_of_range`, `invalid_type`, `unknown_field`, …).

use crate::base::error::RuleError;
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::validate::{self, Problems};
use crate::text;
use crate::voice::keyterms;
use crate::voice::topics::{default_sensitive_topics, SENSITIVE_TOPICS_CAP};
use serde::Serialize;

names! {
    /// A voice tone (`docs/rules/voice-settings.md` `tone`), in the spec's order.
    pub enum Tone {
        Calm = "calm",
        Sympathetic = "sympathetic",
        Enthusiastic = "enthusiastic",
        Content = "content",
        Curious = "curious",
        Cheerful = "cheerful",
        Serious = "serious",
        Friendly = "friendly",
    }
}

names! {
    /// An empathy tier, lowest first (FUNCTIONAL < LIGHT_TOUCH < FULL_EMPATHY < HOLD_SPACE).
    pub enum Tier as "EmpathyTier" {
        Functional = "functional",
        LightTouch = "light_touch",
        FullEmpathy = "full_empathy",
        HoldSpace = "hold_space",
    }
}

impl Tier {
    /// The tier's number (0–3).
    pub const fn level(self) -> u8 {
        match self {
            Tier::Functional => 0,
            Tier::LightTouch => 1,
            Tier::FullEmpathy => 2,
            Tier::HoldSpace => 3,
        }
    }

    /// The tier with this number.
    pub const fn from_level(level: u8) -> Option<Tier> {
        match level {
            0 => Some(Tier::Functional),
            1 => Some(Tier::LightTouch),
            2 => Some(Tier::FullEmpathy),
            3 => Some(Tier::HoldSpace),
            _ => None,
        }
    }

    /// The tone used when a signal raises the tier to this one (tier 0 is never raised to).
    pub const fn raised_tone(self) -> Tone {
        match self {
            Tier::Functional | Tier::LightTouch => Tone::Friendly,
            Tier::FullEmpathy => Tone::Calm,
            Tier::HoldSpace => Tone::Sympathetic,
        }
    }
}

impl Tone {
    /// The tone's empathy tier.
    pub const fn tier(self) -> Tier {
        match self {
            Tone::Enthusiastic | Tone::Cheerful => Tier::Functional,
            Tone::Friendly | Tone::Content | Tone::Curious | Tone::Serious => Tier::LightTouch,
            Tone::Calm => Tier::FullEmpathy,
            Tone::Sympathetic => Tier::HoldSpace,
        }
    }
}

names! {
    /// What decided the tone, in the spec's precedence order for ties at the winning tier.
    pub enum Source as "ToneSource" {
        Baseline = "baseline",
        SensitiveTopic = "sensitive_topic",
        Emotion = "emotion",
        EmpathyTier = "empathy_tier",
    }
}

/// The default `strong_threshold`.
pub const DEFAULT_STRONG_THRESHOLD: f64 = 0.6;

/// A caller emotion from an upstream detector.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Emotion {
    /// At most 128 characters as given.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_LABEL_CHARS)))]
    pub label: String,
    /// In [0, 1].
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub intensity: f64,
}

/// The input of `resolveTone`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToneInput {
    pub baseline: Tone,
    pub emotion: Option<Emotion>,
    /// An upstream classifier's tier, 0–3.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<u8>", extend("enum" = [0, 1, 2, 3, null]))
    )]
    pub empathy_tier: Option<Tier>,
    /// What the agent is doing now: at most 10,000 characters as given.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_TOPIC_CHARS)))]
    pub topic: Option<String>,
    /// Absent or null = the built-in defaults; [] = none. At most 50 distinct items of 1–128 characters after normalization.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::voice::schema::Terms>")
    )]
    pub sensitive_topics: Option<Vec<String>>,
    /// Default 0.6: an emotion is strong when its intensity is at least this.
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub strong_threshold: Option<f64>,
}

impl ToneInput {
    /// A neutral input: the baseline alone.
    pub fn new(baseline: Tone) -> Self {
        ToneInput {
            baseline,
            emotion: None,
            empathy_tier: None,
            topic: None,
            sensitive_topics: None,
            strong_threshold: None,
        }
    }
}

/// The result (wire order: `tone`, `tier`, `source`, `matched_topic`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::base::schema::optional_not_null))]
pub struct ToneResult {
    pub tone: Tone,
    pub tier: Tier,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_topic: Option<String>,
}

/// The most characters a `topic` may have, as given (`docs/rules/tone.md#limits`): checked before
/// it is normalized, `too_long` at `/topic`.
pub const MAX_TOPIC_CHARS: usize = 10_000;

/// The most characters an emotion `label` may have, as given: checked before it is normalized,
/// `too_long` at `/emotion/label`. Every label that signals a tier is a short word.
pub const MAX_LABEL_CHARS: usize = 128;

/// The tier a strong emotion of this label signals, if any; a label longer than
/// [`MAX_LABEL_CHARS`] signals none (it is not normalized).
pub fn emotion_tier(label: &str) -> Option<Tier> {
    if text::longer_than(label, MAX_LABEL_CHARS).is_some() {
        return None;
    }
    match text::fold(&text::normalize(label)).as_str() {
        "fearful" | "anxious" | "sad" | "distressed" | "grieving" => Some(Tier::HoldSpace),
        "angry" | "frustrated" | "confused" => Some(Tier::FullEmpathy),
        _ => None,
    }
}

/// The first of `topics` whose words appear as a contiguous whole-word sequence in `text`.
/// Each topic is searched for in one pass over the text's words (Knuth–Morris–Pratt over words), so
/// the work is linear in the text for each topic, however its words repeat.
pub fn matching_topic<'a>(text_words: &[String], topics: &'a [String]) -> Option<&'a str> {
    topics
        .iter()
        .map(String::as_str)
        .find(|topic| contains_words(text_words, &text::words(topic)))
}

/// Whether `needle` (non-empty) occurs as a contiguous run of `haystack`, in
/// `O(haystack + needle)` word comparisons.
fn contains_words(haystack: &[String], needle: &[String]) -> bool {
    if needle.is_empty() {
        return false;
    }
    // `fallback[i]`: the length of the longest proper prefix of `needle[..=i]` that is also its suffix.
    let mut fallback = vec![0usize; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = fallback[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        fallback[i] = k;
    }
    let mut matched = 0;
    for word in haystack {
        while matched > 0 && *word != needle[matched] {
            matched = fallback[matched - 1];
        }
        if *word == needle[matched] {
            matched += 1;
            if matched == needle.len() {
                return true;
            }
        }
    }
    false
}

/// `docs/rules/tone.md`: the tone for this moment of the call.
pub fn resolve_tone(input: &ToneInput) -> ToneResult {
    let baseline_tier = input.baseline.tier();
    let threshold = input.strong_threshold.unwrap_or(DEFAULT_STRONG_THRESHOLD);

    let defaults;
    let topics: &[String] = match &input.sensitive_topics {
        Some(list) => list,
        None => {
            defaults = default_sensitive_topics();
            &defaults
        }
    };
    let matched = input
        .topic
        .as_deref()
        .and_then(|t| matching_topic(&text::words(t), topics));

    // In precedence order, so the first signal at the winning tier names the source.
    let signals = [
        (Source::SensitiveTopic, matched.map(|_| Tier::HoldSpace)),
        (
            Source::Emotion,
            input
                .emotion
                .as_ref()
                .filter(|e| e.intensity >= threshold)
                .and_then(|e| emotion_tier(&e.label)),
        ),
        (Source::EmpathyTier, input.empathy_tier),
    ];
    // Only a strictly higher tier replaces the current winner, so the baseline holds its own tier
    // and the first signal in precedence order holds a tie.
    let mut winner: Option<(Source, Tier)> = None;
    for (source, tier) in signals {
        let Some(tier) = tier else { continue };
        let best = winner.map_or(baseline_tier, |(_, t)| t);
        if tier.level() > best.level() {
            winner = Some((source, tier));
        }
    }

    match winner {
        None => ToneResult {
            tone: input.baseline,
            tier: baseline_tier,
            source: Source::Baseline,
            matched_topic: None,
        },
        Some((source, tier)) => ToneResult {
            tone: tier.raised_tone(),
            tier,
            source,
            matched_topic: (source == Source::SensitiveTopic)
                .then(|| matched.map(str::to_owned))
                .flatten(),
        },
    }
}

const INPUT_FIELDS: &[&str] = &[
    "baseline",
    "emotion",
    "empathy_tier",
    "topic",
    "sensitive_topics",
    "strong_threshold",
];

/// Reads an optional member: absent, `undefined` and `null` are all "not given".
fn optional<'a>(entries: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    entries
        .iter()
        .find_map(|(k, v)| (k == key).then_some(v))
        .filter(|v| !matches!(v, Json::Null))
}

/// Reads `{ baseline, emotion?, empathy_tier?, topic?, sensitive_topics?, strong_threshold? }`,
/// reporting every problem (paths like `/emotion/intensity`) in the order of the fields above,
/// unknown fields last.
pub fn read_tone_input(value: &Json) -> Result<ToneInput, RuleError> {
    let mut problems = Problems::new();
    let Some(entries) = validate::object(value, "", &mut problems) else {
        return problems.finish_first(ToneInput::new(Tone::Friendly));
    };
    let undefined = Json::Unsupported(crate::base::json::Unsupported::Undefined);
    let baseline = validate::one_of::<Tone>(
        optional(entries, "baseline").unwrap_or(&undefined),
        "/baseline",
        &mut problems,
    );
    let emotion = optional(entries, "emotion").and_then(|e| read_emotion(e, &mut problems));
    let empathy_tier = optional(entries, "empathy_tier")
        .and_then(|v| validate::integer_in(v, "/empathy_tier", 0, 3, &mut problems))
        .and_then(|n| u8::try_from(n).ok())
        .and_then(Tier::from_level);
    let topic = optional(entries, "topic")
        .and_then(|v| validate::string(v, "/topic", &mut problems))
        .filter(|t| validate::check_len(t, "/topic", 0, MAX_TOPIC_CHARS, &mut problems))
        .map(str::to_owned);
    let sensitive_topics = optional(entries, "sensitive_topics").and_then(|v| {
        keyterms::read_list(v, "/sensitive_topics", SENSITIVE_TOPICS_CAP, &mut problems)
    });
    let strong_threshold = optional(entries, "strong_threshold")
        .and_then(|v| validate::number_in(v, "/strong_threshold", 0.0, 1.0, &mut problems));
    validate::no_unknown_fields(entries, INPUT_FIELDS, "", &mut problems);
    match baseline {
        Some(baseline) if problems.is_empty() => Ok(ToneInput {
            baseline,
            emotion,
            empathy_tier,
            topic,
            sensitive_topics,
            strong_threshold,
        }),
        _ => problems.finish_first(ToneInput::new(Tone::Friendly)),
    }
}

fn read_emotion(value: &Json, problems: &mut Problems) -> Option<Emotion> {
    let entries = validate::object(value, "/emotion", problems)?;
    let undefined = Json::Unsupported(crate::base::json::Unsupported::Undefined);
    let field = |key: &str| {
        entries
            .iter()
            .find_map(|(k, v)| (k == key).then_some(v))
            .unwrap_or(&undefined)
    };
    let label = validate::string(field("label"), "/emotion/label", problems)
        .filter(|l| validate::check_len(l, "/emotion/label", 0, MAX_LABEL_CHARS, problems));
    let intensity =
        validate::number_in(field("intensity"), "/emotion/intensity", 0.0, 1.0, problems);
    validate::no_unknown_fields(entries, &["label", "intensity"], "/emotion", problems);
    Some(Emotion {
        label: label?.to_owned(),
        intensity: intensity?,
    })
}

/// `resolveTone(input)` for untyped input.
pub fn resolve_tone_input(value: &Json) -> Result<ToneResult, RuleError> {
    read_tone_input(value).map(|input| resolve_tone(&input))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut ToneInput)) -> ToneResult {
        let mut input = ToneInput::new(Tone::Friendly);
        f(&mut input);
        resolve_tone(&input)
    }

    #[test]
    fn neutral_keeps_the_baseline() {
        let r = with(|_| {});
        assert_eq!(
            (r.tone, r.tier, r.source),
            (Tone::Friendly, Tier::LightTouch, Source::Baseline)
        );
    }

    #[test]
    fn strong_emotion_raises_weak_does_not() {
        let strong = with(|i| {
            i.emotion = Some(Emotion {
                label: "anxious".into(),
                intensity: 0.6,
            })
        });
        assert_eq!(
            (strong.tone, strong.source),
            (Tone::Sympathetic, Source::Emotion)
        );
        let weak = with(|i| {
            i.emotion = Some(Emotion {
                label: "anxious".into(),
                intensity: 0.59,
            })
        });
        assert_eq!(weak.source, Source::Baseline);
    }

    #[test]
    fn never_lowers_and_serious_stays_serious() {
        let mut input = ToneInput::new(Tone::Serious);
        input.empathy_tier = Some(Tier::LightTouch);
        assert_eq!(resolve_tone(&input).tone, Tone::Serious);
        let mut input = ToneInput::new(Tone::Sympathetic);
        input.empathy_tier = Some(Tier::Functional);
        assert_eq!(resolve_tone(&input).tone, Tone::Sympathetic);
    }

    #[test]
    fn topic_matches_whole_words_only() {
        let r = with(|i| i.topic = Some("reviewing your test results".into()));
        assert_eq!(r.source, Source::SensitiveTopic);
        assert_eq!(r.matched_topic.as_deref(), Some("test results"));
        let r = with(|i| i.topic = Some("contest resultsx".into()));
        assert_eq!(r.source, Source::Baseline);
        let r = with(|i| {
            i.topic = Some("reviewing your test results".into());
            i.sensitive_topics = Some(vec![]);
        });
        assert_eq!(r.source, Source::Baseline);
    }

    /// Issue 17: repeated words (where a window-by-window search compares each window almost
    /// whole) match exactly where they should, and the limits come before normalizing.
    #[test]
    fn topics_match_across_repeated_words_and_long_strings_are_refused() {
        let words = |s: &str| text::words(s);
        let hay = words("a a a b a a a a c");
        for (needle, found) in [
            ("a a a b", true),
            ("a a a a c", true),
            ("a a b a a a a c", true),
            ("a a a a a", false),
            ("a b a a a a c x", false),
            ("c", true),
            ("a c", true),
            ("b a b", false),
        ] {
            let naive = hay.windows(words(needle).len()).any(|w| w == words(needle));
            assert_eq!(contains_words(&hay, &words(needle)), found, "{needle}");
            assert_eq!(naive, found, "{needle}");
        }
        assert!(!contains_words(&hay, &[]));

        let topic = "x".repeat(MAX_TOPIC_CHARS + 1);
        let input = Json::Object(vec![
            ("baseline".into(), Json::from("friendly")),
            ("topic".into(), Json::from(topic.as_str())),
        ]);
        let refused = read_tone_input(&input).unwrap_err();
        assert_eq!(
            (refused.code, refused.errors[0].path.as_str()),
            (crate::base::error::Code::TooLong, "/topic")
        );
        let label = "\u{301}".repeat(MAX_LABEL_CHARS + 1);
        let emotion = Json::Object(vec![
            ("label".into(), Json::from(label.as_str())),
            ("intensity".into(), Json::Number(1.0)),
        ]);
        let input = Json::Object(vec![
            ("baseline".into(), Json::from("friendly")),
            ("emotion".into(), emotion),
        ]);
        let refused = read_tone_input(&input).unwrap_err();
        assert_eq!(refused.errors[0].path, "/emotion/label");
        assert_eq!(
            emotion_tier(&format!("anxious{}", " ".repeat(MAX_LABEL_CHARS))),
            None
        );
        assert_eq!(
            emotion_tier(&format!("anxious{}", " ".repeat(MAX_LABEL_CHARS - 7))),
            Some(Tier::HoldSpace)
        );
    }

    #[test]
    fn ties_prefer_topic_then_emotion_then_tier() {
        let r = with(|i| {
            i.topic = Some("billing".into());
            i.emotion = Some(Emotion {
                label: "sad".into(),
                intensity: 1.0,
            });
            i.empathy_tier = Some(Tier::HoldSpace);
        });
        assert_eq!(r.source, Source::SensitiveTopic);
        let r = with(|i| {
            i.emotion = Some(Emotion {
                label: "sad".into(),
                intensity: 1.0,
            });
            i.empathy_tier = Some(Tier::HoldSpace);
        });
        assert_eq!(r.source, Source::Emotion);
        let r = with(|i| {
            i.emotion = Some(Emotion {
                label: "angry".into(),
                intensity: 1.0,
            });
            i.empathy_tier = Some(Tier::HoldSpace);
        });
        assert_eq!((r.source, r.tone), (Source::EmpathyTier, Tone::Sympathetic));
    }
}
