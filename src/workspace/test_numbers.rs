//! `docs/rules/lifecycle.md` test caller numbers (*public API*: at most 100): the phone numbers allowed to place test calls.
//! A PUT replaces the whole list; each number is E.164 after removing the separators people type.

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::validate::{self, Problems};

/// The most numbers a list may hold (counted as sent, before duplicates are removed).
pub const MAX_NUMBERS: usize = 100;

/// Normalizes a number as typed: white space (Unicode `White_Space`), `-`, `.`, `(` and `)` are
/// removed. The result is E.164 iff it is `+` followed by 8–15 digits, the first not `0`.
pub fn normalize(number: &str) -> Option<String> {
    let n: String = number
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')')))
        .collect();
    let digits = n.strip_prefix('+')?;
    let ok = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    ok.then_some(n)
}

/// Validates and normalizes a list found at `path` (`""` for the list itself, `/numbers` in a
/// command or a request body): every problem is recorded with the item's index path; duplicates (after
/// normalization) are removed, keeping the first.
pub fn normalize_list(value: &Json, path: &str, problems: &mut Problems) -> Option<Vec<String>> {
    let items = validate::list(value, path, MAX_NUMBERS, problems)?;
    let before = problems.len();
    let mut numbers: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // The item's path is built only for a problem to report.
        let at = || validate::item_path(path, i);
        let Some(raw) = validate::string_at(item, at, problems) else {
            continue;
        };
        match normalize(raw) {
            Some(n) if !numbers.contains(&n) => numbers.push(n),
            Some(_) => {}
            None => {
                let at = at();
                let message = format!(
                    "{} must be an E.164 phone number (+ then 8 to 15 digits, the first not 0), got \"{raw}\".",
                    validate::describe(&at)
                );
                problems.push(Code::InvalidValue, &at, message);
            }
        }
    }
    (problems.len() == before).then_some(numbers)
}

/// The answer of `normalizeTestCallerNumbers`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Normalized {
    pub numbers: Vec<String>,
}

/// `normalizeTestCallerNumbers(numbers)`: the list normalized and de-duplicated, or
/// `validation_failed` (422) listing every bad number at its index (`/3`).
pub fn normalize_input(numbers: &Json) -> Result<Normalized, RuleError> {
    let mut problems = Problems::new();
    let numbers = normalize_list(numbers, "", &mut problems).unwrap_or_default();
    problems.finish(Code::ValidationFailed, Normalized { numbers })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_removed_and_e164_checked() {
        assert_eq!(
            normalize("+1 (555) 010-9999").as_deref(),
            Some("+15550109999")
        );
        assert_eq!(
            normalize("+44.20.7946.0000").as_deref(),
            Some("+442079460000")
        );
        assert_eq!(normalize("+1234567").as_deref(), None, "7 digits");
        assert_eq!(
            normalize("+12345678").as_deref(),
            Some("+12345678"),
            "8 digits"
        );
        assert_eq!(
            normalize("+123456789012345").as_deref(),
            Some("+123456789012345"),
            "15 digits"
        );
        assert_eq!(normalize("+1234567890123456"), None, "16 digits");
        assert_eq!(normalize("+0123456789"), None, "leading 0");
        assert_eq!(normalize("15550109999"), None, "no +");
        assert_eq!(normalize("+1555o109999"), None, "a letter");
        assert_eq!(normalize("++15550109999"), None);
    }

    #[test]
    fn duplicates_keep_the_first_and_errors_carry_indexes() {
        let list = Json::Array(vec![
            "+1 555 010 9999".into(),
            "+15550109999".into(),
            "+44 20 7946 0000".into(),
        ]);
        assert_eq!(
            normalize_input(&list).unwrap().numbers,
            ["+15550109999", "+442079460000"]
        );
        let bad = Json::Array(vec!["+15550109999".into(), Json::Number(1.0), "12".into()]);
        let err = normalize_input(&bad).unwrap_err();
        let paths: Vec<&str> = err.errors.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["/1", "/2"]);
        assert_eq!(err.status(), 422);
    }

    #[test]
    fn at_most_one_hundred() {
        let list = Json::Array(
            (0..101)
                .map(|i| Json::String(format!("+1555010{i:04}")))
                .collect(),
        );
        assert_eq!(
            normalize_input(&list).unwrap_err().errors[0].code,
            Code::TooManyItems
        );
    }
}
