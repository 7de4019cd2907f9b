//! Property tests (proptest) of `docs/rules/voice-settings.md`, `docs/rules/keyterms.md` and `docs/rules/tone.md`: laws that must hold for every input, not only for the
//! shared vectors' examples. Native only (proptest's random source does not build for wasm32); the
//! rules are the same code on every host, which the shared vectors check byte for byte.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use workspace_rules::base::json::{Json, Unsupported};
use workspace_rules::voice::keyterms::{merge, DropReason, MERGE_CAP};
use workspace_rules::voice::tone::{resolve_tone, Emotion, Tier, Tone, ToneInput};
use workspace_rules::voice::{apply_patch, validate_voice_settings, Field, VoiceSettings};
use workspace_rules::{text, Code};

#[path = "support/compact.rs"]
mod compact;

/// Characters that make normalization interesting: case pairs, ß, Turkish I's, combining marks,
/// Unicode white space, zero-width characters, emoji, a ligature, right-to-left letters.
const POOL: &[&str] = &[
    "a", "A", "b", "ß", "SS", "ẞ", "İ", "i", "I", "ı", "e", "é", "\u{0301}", "\u{0307}", " ", "\t",
    "\n", "\u{00A0}", "\u{3000}", "\u{2028}", "\u{200B}", "\u{200D}", "😀", "👩", "ﬀ", "ש", "ع",
    "Σ", "ς", "σ", "-", ".",
];

fn term() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..8).prop_map(|parts| parts.concat())
}

fn terms(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(term(), 0..max)
}

fn strings(items: &[String]) -> Json {
    Json::Array(items.iter().map(|s| Json::String(s.clone())).collect())
}

/// A patch value for a field: sometimes `null` (reset), sometimes valid, sometimes invalid.
fn field_value(field: Field) -> BoxedStrategy<Json> {
    let valid: BoxedStrategy<Json> = match field {
        Field::VoiceId | Field::PronunciationDictId => {
            "[a-z0-9-]{1,20}".prop_map(Json::String).boxed()
        }
        Field::Tone => prop::sample::select(Tone::ALL)
            .prop_map(|t| Json::from(t.as_str()))
            .boxed(),
        Field::Speed => (0.5f64..=2.0).prop_map(Json::Number).boxed(),
        Field::Volume => (0.0f64..=1.0).prop_map(Json::Number).boxed(),
        Field::Language => prop::sample::select(
            &[
                "en",
                "en-us",
                "EN-GB",
                "zh-hant-tw",
                "x-private",
                "de-CH-1996",
            ][..],
        )
        .prop_map(Json::from)
        .boxed(),
        Field::Keyterms | Field::CorrectionCategories | Field::SensitiveTopics => {
            terms(12).prop_map(|t| strings(&t)).boxed()
        }
        Field::PostCallAnalysisEnabled | Field::TranscriptCorrectionEnabled => {
            any::<bool>().prop_map(Json::Bool).boxed()
        }
        Field::SttProvider => prop::sample::select(&["deepgram", "openai", "cartesia"][..])
            .prop_map(Json::from)
            .boxed(),
        Field::TtsProvider => prop::sample::select(&["cartesia", "elevenlabs", "groq"][..])
            .prop_map(Json::from)
            .boxed(),
    };
    prop_oneof![
        1 => Just(Json::Null),
        6 => valid,
        1 => prop_oneof![
            Just(Json::Unsupported(Unsupported::NaN)),
            Just(Json::Number(7.5)),
            Just(Json::from("")),
            Just(Json::Array(vec![Json::Number(1.0)])),
        ],
    ]
    .boxed()
}

/// A patch: any subset of the fields, in any order, sometimes with an unknown key.
fn patch() -> impl Strategy<Value = Json> {
    let fields: Vec<BoxedStrategy<Option<(String, Json)>>> = Field::ALL
        .iter()
        .map(|f| {
            prop::option::weighted(
                0.4,
                field_value(*f).prop_map(move |v| (f.as_str().to_owned(), v)),
            )
            .boxed()
        })
        .collect();
    (
        fields,
        any::<bool>(),
        prop::sample::Index::arbitrary(),
        any::<bool>(),
    )
        .prop_map(|(entries, unknown, rotate, reverse)| {
            let mut entries: Vec<(String, Json)> = entries.into_iter().flatten().collect();
            if unknown {
                entries.push(("pitch".to_owned(), Json::Number(1.0)));
            }
            if !entries.is_empty() {
                let n = rotate.index(entries.len());
                entries.rotate_left(n);
            }
            if reverse {
                entries.reverse();
            }
            Json::Object(entries)
        })
}

/// Any untyped input, nested a few levels, with field names the rules know mixed in.
fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![any::<f64>(), -3.0f64..3.0].prop_map(Json::number),
        term().prop_map(Json::String),
        Just(Json::Unsupported(Unsupported::Undefined)),
        Just(Json::Unsupported(Unsupported::Symbol)),
    ];
    let keys = prop::sample::select(
        &[
            "speed",
            "volume",
            "tone",
            "keyterms",
            "language",
            "sensitive_topics",
            "service",
            "agent",
            "baseline",
            "emotion",
            "label",
            "intensity",
            "empathy_tier",
            "topic",
            "x",
        ][..],
    );
    leaf.prop_recursive(3, 24, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((keys.clone().prop_map(str::to_owned), inner), 0..6)
                .prop_map(Json::Object),
        ]
    })
}

/// A valid stored object: the result of a valid patch applied to nothing.
fn settings() -> impl Strategy<Value = VoiceSettings> {
    patch().prop_filter_map("a valid patch", |p| {
        apply_patch(&VoiceSettings::default(), &p)
            .ok()
            .map(|u| u.settings)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// `update(s, {})` = s, with nothing changed.
    #[test]
    fn an_empty_patch_is_the_identity(s in settings()) {
        let u = apply_patch(&s, &Json::Object(vec![])).unwrap();
        prop_assert_eq!(&u.settings, &s);
        prop_assert!(u.changed.is_empty());
    }

    /// The compact answer the package builds `updateVoiceSettings` from, spelled out with the
    /// arguments sent, is the JSON answer as JavaScript reads it, refusals included (`current` drawn like a
    /// patch: sometimes valid, sometimes not, sometimes with values validation rewrites).
    #[test]
    fn update_by_reference_spells_out_the_answer(current in patch(), p in patch()) {
        compact::assert_compact_agrees(&serde_json::to_string(&Json::Array(vec![current, p])).unwrap());
    }

    /// A form saving patch after patch against one stored object: from the second call on, the
    /// package takes the object it kept (`api::update_compact`, LastStored) and the answers are still
    /// those of a full read, refusals included.
    #[test]
    fn a_stored_object_kept_answers_as_a_full_read(current in patch(), p in patch(), q in patch()) {
        for patch in [p, q] {
            compact::assert_compact_agrees(&serde_json::to_string(&Json::Array(vec![current.clone(), patch])).unwrap());
        }
    }

    /// `update(update(s, p), p)` = `update(s, p)`, and the second application changes nothing.
    #[test]
    fn updates_are_idempotent(s in settings(), p in patch()) {
        match apply_patch(&s, &p) {
            Ok(once) => {
                let twice = apply_patch(&once.settings, &p).unwrap();
                prop_assert_eq!(&twice.settings, &once.settings);
                prop_assert!(twice.changed.is_empty());
            }
            Err(e) => prop_assert_eq!(e.code, Code::ValidationFailed),
        }
    }

    /// `validateVoiceSettings` agrees with `updateVoiceSettings`, and `changed` names exactly the
    /// fields that differ, in table order.
    #[test]
    fn validation_agrees_with_update(s in settings(), p in patch()) {
        let v = validate_voice_settings(&p);
        prop_assert_eq!(v.ok, v.errors.is_empty());
        match apply_patch(&s, &p) {
            Ok(u) => {
                prop_assert!(v.ok);
                let differs: Vec<Field> = Field::ALL
                    .iter()
                    .copied()
                    .filter(|f| s.get(*f) != u.settings.get(*f))
                    .collect();
                prop_assert_eq!(u.changed, differs);
            }
            Err(e) => prop_assert_eq!(e.errors, v.errors),
        }
    }

    /// Merging is idempotent, never longer than the cap, and keeps no two terms equal under folding.
    #[test]
    fn merge_is_idempotent_and_capped(lists in prop::collection::vec(terms(40), 0..4)) {
        let once = merge(&lists);
        prop_assert!(once.keyterms.len() <= MERGE_CAP);
        let again = merge(std::slice::from_ref(&once.keyterms));
        prop_assert_eq!(&again.keyterms, &once.keyterms);
        prop_assert!(again.dropped.is_empty());
        let mut keys: Vec<String> = once.keyterms.iter().map(|t| text::fold(t)).collect();
        keys.sort();
        keys.dedup();
        prop_assert_eq!(keys.len(), once.keyterms.len());
        for t in &once.keyterms {
            prop_assert_eq!(&text::normalize(t), t);
        }
    }

    /// The compact answer the JavaScript package asks for (`api::merge_joined`: the terms laid end
    /// to end in, terms by position out), spelled out as `rules.js` does, is the full answer, byte
    /// for byte.
    #[test]
    fn merge_joined_spells_out_the_merge(
        lists in prop::collection::vec(terms(120), 0..4),
    ) {
        let flat: Vec<&String> = lists.iter().flatten().collect();
        let joined: String = flat.iter().map(|t| t.as_str()).collect();
        let lengths: Vec<u32> = flat.iter().map(|t| t.encode_utf16().count() as u32).collect();
        let answer = workspace_rules::boundary::api::merge_joined(&joined, &lengths).unwrap();
        // Read as rules.js reads it: UTF-16 code units.
        let units: Vec<u16> = answer.encode_utf16().collect();
        let mut at = 1;
        let mut kept = Vec::new();
        for _ in 0..units[0] {
            let position = usize::from(units[at]);
            at += 1;
            if position > 0 {
                kept.push(flat[position - 1].clone());
            } else {
                let n = usize::from(units[at]);
                kept.push(String::from_utf16(&units[at + 1..at + 1 + n]).unwrap());
                at += 1 + n;
            }
        }
        let dropped: Vec<serde_json::Value> = units[at..]
            .chunks(3)
            .map(|d| {
                let mut item = serde_json::json!({
                    "term": flat[usize::from(d[0])],
                    "reason": DropReason::NAMES[usize::from(d[1])],
                });
                if d[2] > 0 {
                    item["duplicate_of"] = kept[usize::from(d[2]) - 1].clone().into();
                }
                item
            })
            .collect();
        let spelled = serde_json::json!({ "keyterms": kept, "dropped": dropped });
        prop_assert_eq!(spelled.to_string(), serde_json::to_string(&merge(&lists)).unwrap());
    }

    /// The cap holds for long inputs too, and every input term is either kept or dropped.
    #[test]
    fn every_term_is_kept_or_dropped(n in 150usize..260, m in 0usize..80) {
        let a: Vec<String> = (0..n).map(|i| format!("t{i}")).collect();
        let b: Vec<String> = (0..m).map(|i| format!("T{i}")).collect();
        let r = merge(&[a, b]);
        prop_assert!(r.keyterms.len() <= MERGE_CAP);
        prop_assert_eq!(r.keyterms.len() + r.dropped.len(), n + m);
    }

    /// A tone result's tier is never below the baseline's; an unraised result keeps the baseline.
    #[test]
    fn tone_never_lowers_the_baseline(
        baseline in prop::sample::select(Tone::ALL),
        label in prop::sample::select(&["anxious", "sad", "angry", "confused", "happy", "Grieving"][..]),
        intensity in 0.0f64..=1.0,
        threshold in prop::option::of(0.0f64..=1.0),
        tier in prop::option::of(0u8..=3),
        topic in prop::option::of(prop::sample::select(&["your test results", "the billing", "hello", "contest resultsx"][..])),
        topics in prop::option::of(terms(3).prop_map(|t| t.into_iter().filter(|s| !text::normalize(s).is_empty()).collect::<Vec<_>>())),
    ) {
        let input = ToneInput {
            baseline,
            emotion: Some(Emotion { label: label.to_owned(), intensity }),
            empathy_tier: tier.and_then(Tier::from_level),
            topic: topic.map(str::to_owned),
            sensitive_topics: topics,
            strong_threshold: threshold,
        };
        let r = resolve_tone(&input);
        prop_assert!(r.tier.level() >= baseline.tier().level());
        prop_assert_eq!(r.tier, r.tone.tier());
        if r.tier == baseline.tier() {
            prop_assert_eq!(r.tone, baseline);
        }
    }

    /// `resolveTone` answers only `tone`, `tier`, `source` and `matched_topic`: speed and volume
    /// are never in its output, so a caller applying it cannot change them.
    #[test]
    fn tone_never_touches_speed_or_volume(
        s in settings(),
        intensity in 0.0f64..=1.0,
        tier in prop::option::of(0u8..=3),
    ) {
        let effective = workspace_rules::voice::effective_voice_settings(&workspace_rules::voice::Layers {
            workspace: Some(s),
            ..Default::default()
        });
        let before = (effective.get(Field::Speed).cloned(), effective.get(Field::Volume).cloned());
        let baseline = match effective.get(Field::Tone) {
            Some(workspace_rules::voice::Value::Tone(t)) => *t,
            _ => Tone::Friendly,
        };
        let r = resolve_tone(&ToneInput {
            baseline,
            emotion: Some(Emotion { label: "distressed".into(), intensity }),
            empathy_tier: tier.and_then(Tier::from_level),
            topic: Some("the surgery".into()),
            sensitive_topics: None,
            strong_threshold: None,
        });
        let json = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        for key in &keys {
            prop_assert!(["tone", "tier", "source", "matched_topic"].contains(key));
        }
        prop_assert_eq!(before, (effective.get(Field::Speed).cloned(), effective.get(Field::Volume).cloned()));
    }

    /// Layered resolution: every field resolved, keyterms capped, one source per kept term, and a
    /// field set by the agent always comes from the agent.
    #[test]
    fn layers_resolve_every_field(service in settings(), workspace in settings(), agent in settings()) {
        use workspace_rules::voice::layers::FieldSource;
        use workspace_rules::voice::{effective_voice_settings, Layer, Layers, Value};
        let lists: Vec<Vec<String>> = [&service, &workspace, &agent]
            .iter()
            .map(|s| s.keyterms.clone().unwrap_or_default())
            .collect();
        let e = effective_voice_settings(&Layers {
            service: Some(service),
            workspace: Some(workspace),
            agent: Some(agent.clone()),
        });
        prop_assert_eq!(e.values.len(), Field::ALL.len());
        // Issue 22: the terms not used are `mergeKeyterms`' drops of the three lists, each in the
        // list of the layer it names.
        let merged = workspace_rules::voice::keyterms::merge(&lists);
        let spelled: Vec<(String, workspace_rules::voice::keyterms::DropReason, Option<String>)> =
            e.dropped_keyterms.iter().map(|d| (d.term.clone(), d.reason, d.duplicate_of.clone())).collect();
        let expected: Vec<_> = merged.dropped.iter().map(|d| (d.term.clone(), d.reason, d.duplicate_of.clone())).collect();
        prop_assert_eq!(spelled, expected);
        for d in &e.dropped_keyterms {
            let layer = [Layer::Service, Layer::Workspace, Layer::Agent].iter().position(|l| *l == d.layer);
            prop_assert!(layer.is_some_and(|i| lists[i].contains(&d.term)), "{:?}", d);
        }
        match (e.get(Field::Keyterms), e.source(Field::Keyterms)) {
            (Some(Value::List(terms)), Some(FieldSource::PerTerm(layers))) => {
                prop_assert!(terms.len() <= MERGE_CAP);
                prop_assert_eq!(terms.len(), layers.len());
            }
            other => prop_assert!(false, "keyterms resolved as {:?}", other),
        }
        for field in Field::ALL {
            if *field != Field::Keyterms && agent.get(*field).is_some() {
                prop_assert_eq!(e.source(*field), Some(&FieldSource::Layer(Layer::Agent)));
                prop_assert_eq!(e.get(*field).cloned(), agent.get(*field));
            }
        }
    }

    /// No input makes validation panic, and its answer agrees with the update's.
    #[test]
    fn any_json_is_answered(value in any_json()) {
        let v = validate_voice_settings(&value);
        prop_assert_eq!(v.ok, v.errors.is_empty());
        prop_assert_eq!(apply_patch(&VoiceSettings::default(), &value).is_ok(), v.ok);
        let _ = workspace_rules::voice::layers::effective_voice_settings_input(&value);
        let _ = workspace_rules::voice::tone::resolve_tone_input(&value);
    }

    /// Normalization is idempotent and folding is stable on normalized text.
    #[test]
    fn normalization_is_idempotent(s in term()) {
        let n = text::normalize(&s);
        prop_assert_eq!(&text::normalize(&n), &n);
        prop_assert_eq!(text::fold(&n), text::fold(&text::normalize(&text::fold(&n))));
    }
}

/// Whether both NFC implementations have the same data for `c`. They follow different Unicode
/// versions (characters assigned since the older one have no combining class or decomposition
/// there), so random characters are drawn where the data agree; what is compared is the algorithm:
/// decomposition, canonical ordering, composition and blocking.
fn same_data(c: char) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let s = c.to_string();
    unicode_normalization::char::canonical_combining_class(c)
        == icu_normalizer::properties::CanonicalCombiningClassMap::new().get_u8(c)
        && s.nfd().collect::<String>()
            == icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(&s)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// `text::nfc` (tables from ICU4X's data, `src/text/normalization.rs`) equals the independent reference
    /// `nfc()` of `unicode-normalization` on arbitrary text, biased toward combining sequences,
    /// Hangul jamo and composition exclusions.
    #[test]
    fn nfc_matches_the_reference(parts in prop::collection::vec(prop_oneof![
        any::<char>().prop_filter("same Unicode data in both crates", |c| same_data(*c)).prop_map(String::from),
        prop::sample::select(&[
            "e", "E", "\u{0301}", "\u{0300}", "\u{0323}", "\u{0302}", "\u{031B}", "\u{0345}", "\u{0308}",
            "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{0958}", "\u{0F73}", "\u{2126}", "\u{212B}",
            "\u{0B47}", "\u{0B3E}", "\u{0B57}", "\u{1E0A}", "\u{0071}", "\u{0307}", "\u{05B8}", "\u{05B7}",
            "\u{FB2C}", "\u{1D15E}", "\u{0344}", "\u{0F81}", "\u{3099}", "\u{304B}", "\u{00C5}", "\u{0041}",
            "\u{030A}", "\u{0327}", "\u{0328}", "\u{0386}", "\u{1FB6}",
        ][..]).prop_map(str::to_owned),
    ], 0..16)) {
        use unicode_normalization::UnicodeNormalization;
        let s = parts.concat();
        prop_assert_eq!(text::nfc(&s), s.nfc().collect::<String>());
    }
}

/// `docs/rules/keyterms.md` written the straightforward way: NFC (ICU4X), trim, collapse `White_Space` runs.
fn reference_normalize(s: &str) -> String {
    let composed = icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(s);
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Full case folding (caseless), then NFC.
fn reference_fold(s: &str) -> String {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(&caseless::default_case_fold_str(s))
        .into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// The fast paths of `text` (borrowed results, range checks instead of the normalizer, direct
    /// case folding of common capitals) answer exactly what the definitions answer, on any text
    /// and on text built from the characters that make normalization interesting.
    #[test]
    fn text_fast_paths_match_the_definitions(
        any_text in any::<String>(),
        pooled in term(),
        mixed in prop::collection::vec(prop_oneof![
            any::<char>().prop_map(String::from),
            prop::sample::select(POOL).prop_map(str::to_owned),
            prop::sample::select(&["J", "\u{030C}", "K", "\u{212A}", "ΐ", "ᾼ", "\u{0345}", "\u{0323}"][..])
                .prop_map(str::to_owned),
        ], 0..12),
    ) {
        let mut text_buf = String::new();
        let mut key_buf = String::new();
        for s in [any_text, pooled, mixed.concat()] {
            let normalized = reference_normalize(&s);
            let key = reference_fold(&normalized);
            prop_assert_eq!(&text::normalize(&s), &normalized);
            prop_assert_eq!(&text::fold(&s), &reference_fold(&s));
            let keyed = text::keyed(&s, &mut text_buf, &mut key_buf);
            prop_assert_eq!(keyed.text, normalized.as_str());
            prop_assert_eq!(keyed.chars, normalized.chars().count());
            prop_assert_eq!(keyed.key, key.as_str());
            prop_assert_eq!(text::fold_nfc_in(&normalized, &mut key_buf), key.as_str());
        }
    }
}

/// Subtags of language tags in every shape the grammar tells apart, in mixed case.
fn subtag() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(&[
            "en", "EN", "zh", "Hant", "latn", "TW", "us", "419", "1996", "fonipa", "rozaj", "yue",
            "aaa", "x", "X", "a", "U", "0", "u", "ca", "gregory", "i", "klingon", "gb", "oed",
            "sgn", "be", "fr", "min", "nan", "", "123456789", "abcdefgh", "é", "en_US", "_",
        ][..]).prop_map(str::to_owned),
        2 => "[a-zA-Z0-9]{1,9}",
        1 => "[a-zA-Z]{2,8}",
        2 => "[a-zA-Z]{3}",
        1 => "[0-9][a-zA-Z0-9]{2,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// `text::language_tag` accepts exactly the tags `oxilangtag` accepts, in the same canonical
    /// case, grandfathered and private-use tags included.
    #[test]
    fn language_tags_read_as_oxilangtag_reads_them(
        subtags in prop::collection::vec(subtag(), 1..7),
        grandfathered in prop::sample::select(&[
            "art-lojban", "cel-gaulish", "en-GB-oed", "i-ami", "i-default", "i-klingon", "no-nyn",
            "sgn-BE-FR", "sgn-CH-DE", "zh-min", "zh-min-nan", "zh-xiang",
        ][..]),
        upper in prop::collection::vec(any::<bool>(), 12),
    ) {
        let regrown: String = grandfathered
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        for tag in [subtags.join("-"), regrown, format!("x-{}", subtags.join("-"))] {
            let reference = oxilangtag::LanguageTag::parse_and_normalize(&tag)
                .ok()
                .map(oxilangtag::LanguageTag::into_inner);
            prop_assert_eq!(workspace_rules::text::language_tag::canonical(&tag), reference, "{:?}", tag);
        }
    }
}
