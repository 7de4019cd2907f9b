//! `docs/rules/workspace.md` The workspace aggregate: its typed form, its wire format, and the validation of an incoming state.
//!
//! A state arrives as untyped JSON (a platform API response passed straight in) and is checked in two
//! layers before any rule runs: the **shape** (every key present and of its type, enums, UUIDs,
//! RFC 3339 timestamps; unknown keys refused) and the **invariants** (name, slug, lengths, emails,
//! one active record per user id, at least one active owner…). Every problem of both layers is listed
//! in one `invalid_state` refusal; the invariants run on every record whose shape was good. Typed
//! states built in Rust go through the same invariants ([`WorkspaceState::check`]) at the start of
//! every command.
//!
//! Serialization writes every key, in the spec's order; nullable fields are written as `null`.
//! Timestamps are kept as given (see [`crate::base::timestamp`]).

use crate::base::error::{Code, RuleError};
use crate::base::index::StrIndex;
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::timestamp::Timestamp;
use crate::base::validate::{
    boolean, child, describe, field, integer_in, list, no_unknown_fields, nullable, object, one_of,
    string, timestamp, uuid, Problems,
};
use crate::text::email::{is_valid_email, normalize_email};
use crate::voice::fields::VoiceSettings;
use crate::workspace::credits::Credits;
pub use crate::workspace::minutes::Minutes;
use crate::workspace::minutes::StoredAllocation;
use crate::workspace::roles::{read_role, Role};
use serde::Serialize;

names! {
    /// `workspace.environment` *(public API)*.
    pub enum Environment {
        Production = "production",
        Staging = "staging",
        Development = "development",
    }
}

names! {
    /// `workspace.status`: an archived workspace allows nothing (`docs/rules/roles.md` rule 6).
    pub enum WorkspaceStatus {
        Active = "active",
        Archived = "archived",
    }
}

names! {
    /// `member.status`: a deactivated member keeps its record and has no permissions (`docs/rules/roles.md` rule 5).
    pub enum MemberStatus {
        Active = "active",
        Deactivated = "deactivated",
    }
}

names! {
    /// The stored `invitation.status`. Expiry is not stored: it is computed from `expires_at` and
    /// `now` (`invitationStatus` answers `expired`).
    pub enum InvitationState as "StoredInvitationStatus" {
        Pending = "pending",
        Accepted = "accepted",
        Declined = "declined",
        Revoked = "revoked",
    }
}

names! {
    /// `settings.integration_version`.
    pub enum IntegrationVersion {
        V1 = "v1",
        V2 = "v2",
    }
}

/// The whole aggregate, keys in the spec's order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct WorkspaceState {
    pub workspace: Workspace,
    pub members: Vec<Member>,
    pub invitations: Vec<Invitation>,
    pub settings: Settings,
    /// Validated as stored voice settings (`docs/rules/voice-settings.md`): set fields only, canonical language tag.
    pub voice_settings: VoiceSettings,
    /// Stored as `set_test_caller_numbers` writes them: E.164 in normalized form, no duplicates, at
    /// most 100 (`docs/rules/lifecycle.md`).
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_TEST_CALLER_NUMBERS)))]
    pub test_caller_numbers: Vec<String>,
    pub minutes: Minutes,
    /// The credit allowance and its periods (`docs/rules/credits.md`); null (or absent) without one.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub credits: Option<Credits>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Workspace {
    #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
    pub id: String,
    pub name: String,
    pub slug: String,
    pub environment: Environment,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<String>")
    )]
    pub description: Option<String>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<String>")
    )]
    pub backend_org_id: Option<String>,
    pub is_default: bool,
    pub status: WorkspaceStatus,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<Timestamp>")
    )]
    pub provisioned_at: Option<Timestamp>,
    pub created_at: Timestamp,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<Timestamp>")
    )]
    pub archived_at: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Member {
    #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
    pub user_id: String,
    pub email: String,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<String>")
    )]
    pub display_name: Option<String>,
    pub role: Role,
    pub status: MemberStatus,
    pub joined_at: Timestamp,
}

impl Member {
    pub fn is_active(&self) -> bool {
        self.status == MemberStatus::Active
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Invitation {
    #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
    pub id: String,
    pub email: String,
    pub role: Role,
    pub status: InvitationState,
    #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
    pub invited_by: String,
    pub sent_at: Timestamp,
    pub expires_at: Timestamp,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<Timestamp>")
    )]
    pub responded_at: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "WorkspaceSettings"))]
pub struct Settings {
    /// A well-formed BCP-47 tag (`docs/rules/voice-settings.md`'s rules), at most 32 characters.
    pub language: String,
    pub outbound_enabled: bool,
    pub integration_version: IntegrationVersion,
    /// Free-form names here (1–128 characters); the issues owning `docs/rules/voice-settings.md`/`docs/rules/lifecycle.md` may narrow them to enums.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<String>")
    )]
    pub default_llm: Option<String>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<String>")
    )]
    pub default_stt_provider: Option<String>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Nullable<String>")
    )]
    pub default_tts_provider: Option<String>,
}

impl Default for Settings {
    /// The settings of a new workspace.
    fn default() -> Self {
        Settings {
            language: "en".to_owned(),
            outbound_enabled: true,
            integration_version: IntegrationVersion::V2,
            default_llm: None,
            default_stt_provider: None,
            default_tts_provider: None,
        }
    }
}

/// Test caller numbers a state may hold *(public API: at most 100)*.
pub const MAX_TEST_CALLER_NUMBERS: usize = 100;
/// The largest integer JSON carries exactly (2^53 − 1).
const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

impl WorkspaceState {
    /// The active member with this user id, if any.
    pub fn active_member(&self, user_id: &str) -> Option<&Member> {
        self.members
            .iter()
            .find(|m| m.is_active() && m.user_id == user_id)
    }

    /// How many active owners the workspace has (rule 3 keeps this above zero).
    pub fn active_owners(&self) -> usize {
        self.members
            .iter()
            .filter(|m| m.is_active() && m.role == Role::Owner)
            .count()
    }

    /// Whether `id` names a record of the workspace: itself, a member (active or not), an
    /// invitation, or an invitation's sender (`docs/rules/commands.md#ids`).
    pub fn uses_id(&self, id: &str) -> bool {
        self.workspace.id == id
            || self.members.iter().any(|m| m.user_id == id)
            || (self.invitations.iter()).any(|inv| inv.id == id || inv.invited_by == id)
    }

    pub fn is_archived(&self) -> bool {
        self.workspace.status == WorkspaceStatus::Archived
    }

    /// Checks the invariants of a typed state; `invalid_state` listing every problem, paths under
    /// `path` (the parameter name, e.g. `/state`).
    pub fn check(&self, path: &str) -> Result<(), RuleError> {
        let mut problems = Problems::new();
        check_workspace(&self.workspace, &child(path, "workspace"), &mut problems);
        check_members(
            self.members.iter().enumerate(),
            &child(path, "members"),
            true,
            &mut problems,
        );
        check_invitations(
            self.invitations.iter().enumerate(),
            &child(path, "invitations"),
            true,
            &mut problems,
        );
        check_settings(&self.settings, &child(path, "settings"), &mut problems);
        check_rest(self, path, &mut problems);
        problems.finish(Code::InvalidState, ())
    }
}

/// Reads and checks an incoming state found at `path` (`/state`): `invalid_state` with every problem.
pub fn state_input(value: &Json, path: &str) -> Result<WorkspaceState, RuleError> {
    let mut p = Problems::new();
    match read_state(value, path, &mut p) {
        Some(state) if p.is_empty() => Ok(state),
        _ => Err(RuleError::many(Code::InvalidState, p.into_vec())),
    }
}

const STATE_KEYS: &[&str] = &[
    "workspace",
    "members",
    "invitations",
    "settings",
    "voice_settings",
    "test_caller_numbers",
    "minutes",
    "credits",
];

fn read_state(value: &Json, path: &str, p: &mut Problems) -> Option<WorkspaceState> {
    let entries = object(value, path, p)?;
    no_unknown_fields(entries, STATE_KEYS, path, p);

    let at = child(path, "workspace");
    let workspace = read_workspace(field(entries, "workspace"), &at, p);

    let at = child(path, "members");
    let members = read_list(field(entries, "members"), &at, p, read_member);
    if let Some(members) = &members {
        check_members(
            members.iter().filter_map(|(i, m)| Some((*i, m.as_ref()?))),
            &at,
            false,
            p,
        );
    }

    let at = child(path, "invitations");
    let invitations = read_list(field(entries, "invitations"), &at, p, read_invitation);
    if let Some(invitations) = &invitations {
        check_invitations(
            invitations
                .iter()
                .filter_map(|(i, inv)| Some((*i, inv.as_ref()?))),
            &at,
            false,
            p,
        );
    }

    let at = child(path, "settings");
    let settings = read_settings(field(entries, "settings"), &at, p);

    let at = child(path, "voice_settings");
    let voice_settings = VoiceSettings::read(field(entries, "voice_settings"), &at, p);

    let at = child(path, "test_caller_numbers");
    let numbers = read_list_max(
        field(entries, "test_caller_numbers"),
        &at,
        MAX_TEST_CALLER_NUMBERS,
        p,
        |v, at, p| string(v, at, p).map(str::to_owned),
    );

    let minutes = read_minutes(field(entries, "minutes"), &child(path, "minutes"), p);
    // A state written before credit allowances has no `credits` key: it reads as `null`.
    let credits = Credits::read(field(entries, "credits"), &child(path, "credits"), p);

    if let Some(numbers) = &numbers {
        let read: Vec<(usize, &str)> = numbers
            .iter()
            .filter_map(|(i, n)| Some((*i, n.as_deref()?)))
            .collect();
        check_test_numbers(&read, &at, p);
    }

    let state = WorkspaceState {
        workspace: workspace?,
        members: all(members?)?,
        invitations: all(invitations?)?,
        settings: settings?,
        voice_settings: voice_settings?,
        test_caller_numbers: all(numbers?)?,
        minutes: minutes?,
        credits: credits?,
    };
    Some(state)
}

/// Reads a list, keeping each item's index and whether it read well.
fn read_list<T>(
    value: &Json,
    path: &str,
    p: &mut Problems,
    read: impl Fn(&Json, &str, &mut Problems) -> Option<T>,
) -> Option<Vec<(usize, Option<T>)>> {
    read_list_max(value, path, usize::MAX, p, read)
}

fn read_list_max<T>(
    value: &Json,
    path: &str,
    max: usize,
    p: &mut Problems,
    read: impl Fn(&Json, &str, &mut Problems) -> Option<T>,
) -> Option<Vec<(usize, Option<T>)>> {
    let items = list(value, path, max, p)?;
    Some(
        items
            .iter()
            .enumerate()
            .map(|(i, item)| (i, read(item, &child(path, i.to_string()), p)))
            .collect(),
    )
}

fn all<T>(items: Vec<(usize, Option<T>)>) -> Option<Vec<T>> {
    items.into_iter().map(|(_, item)| item).collect()
}

fn owned(value: &Json, path: &str, p: &mut Problems) -> Option<String> {
    string(value, path, p).map(str::to_owned)
}

fn owned_uuid(value: &Json, path: &str, p: &mut Problems) -> Option<String> {
    uuid(value, path, p).map(str::to_owned)
}

const WORKSPACE_KEYS: &[&str] = &[
    "id",
    "name",
    "slug",
    "environment",
    "description",
    "backend_org_id",
    "is_default",
    "status",
    "provisioned_at",
    "created_at",
    "archived_at",
];

pub(crate) fn read_workspace(value: &Json, path: &str, p: &mut Problems) -> Option<Workspace> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, WORKSPACE_KEYS, path, p);
    let at = |k: &str| child(path, k);
    let id = owned_uuid(field(e, "id"), &at("id"), p);
    let name = owned(field(e, "name"), &at("name"), p);
    if let Some(n) = &name {
        check_name(n, &at("name"), p);
    }
    let slug = owned(field(e, "slug"), &at("slug"), p);
    if let Some(s) = &slug {
        check_slug(s, &at("slug"), p);
    }
    let environment = one_of(field(e, "environment"), &at("environment"), p);
    let description = nullable(field(e, "description"), &at("description"), p, owned);
    if let Some(Some(d)) = &description {
        check_description(d, &at("description"), p);
    }
    let backend_org_id = nullable(field(e, "backend_org_id"), &at("backend_org_id"), p, owned);
    if let Some(Some(b)) = &backend_org_id {
        check_backend_org_id(b, &at("backend_org_id"), p);
    }
    let is_default = boolean(field(e, "is_default"), &at("is_default"), p);
    let status = one_of(field(e, "status"), &at("status"), p);
    let provisioned_at = nullable(
        field(e, "provisioned_at"),
        &at("provisioned_at"),
        p,
        timestamp,
    );
    let created_at = timestamp(field(e, "created_at"), &at("created_at"), p);
    let archived_at = nullable(field(e, "archived_at"), &at("archived_at"), p, timestamp);
    if let (Some(status), Some(archived_at)) = (status, &archived_at) {
        check_archived_at(status, archived_at.is_some(), &at("archived_at"), p);
    }
    Some(Workspace {
        id: id?,
        name: name?,
        slug: slug?,
        environment: environment?,
        description: description?,
        backend_org_id: backend_org_id?,
        is_default: is_default?,
        status: status?,
        provisioned_at: provisioned_at?,
        created_at: created_at?,
        archived_at: archived_at?,
    })
}

const MEMBER_KEYS: &[&str] = &[
    "user_id",
    "email",
    "display_name",
    "role",
    "status",
    "joined_at",
];

fn read_member(value: &Json, path: &str, p: &mut Problems) -> Option<Member> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, MEMBER_KEYS, path, p);
    let at = |k: &str| child(path, k);
    let user_id = owned_uuid(field(e, "user_id"), &at("user_id"), p);
    let email = owned(field(e, "email"), &at("email"), p);
    if let Some(email) = &email {
        check_email(email, &at("email"), p);
    }
    let display_name = nullable(field(e, "display_name"), &at("display_name"), p, owned);
    if let Some(Some(name)) = &display_name {
        check_display_name(name, &at("display_name"), p);
    }
    let role = read_role(field(e, "role"), &at("role"), p);
    let status = one_of(field(e, "status"), &at("status"), p);
    let joined_at = timestamp(field(e, "joined_at"), &at("joined_at"), p);
    Some(Member {
        user_id: user_id?,
        email: email?,
        display_name: display_name?,
        role: role?,
        status: status?,
        joined_at: joined_at?,
    })
}

const INVITATION_KEYS: &[&str] = &[
    "id",
    "email",
    "role",
    "status",
    "invited_by",
    "sent_at",
    "expires_at",
    "responded_at",
];

/// Reads one invitation (also `invitationStatus`'s argument); its email is checked by the invariants.
pub(crate) fn read_invitation(value: &Json, path: &str, p: &mut Problems) -> Option<Invitation> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, INVITATION_KEYS, path, p);
    let at = |k: &str| child(path, k);
    let id = owned_uuid(field(e, "id"), &at("id"), p);
    let email = owned(field(e, "email"), &at("email"), p);
    if let Some(email) = &email {
        check_email(email, &at("email"), p);
    }
    let role = read_role(field(e, "role"), &at("role"), p);
    let status = one_of(field(e, "status"), &at("status"), p);
    let invited_by = owned_uuid(field(e, "invited_by"), &at("invited_by"), p);
    let sent_at = timestamp(field(e, "sent_at"), &at("sent_at"), p);
    let expires_at = timestamp(field(e, "expires_at"), &at("expires_at"), p);
    let responded_at = nullable(field(e, "responded_at"), &at("responded_at"), p, timestamp);
    Some(Invitation {
        id: id?,
        email: email?,
        role: role?,
        status: status?,
        invited_by: invited_by?,
        sent_at: sent_at?,
        expires_at: expires_at?,
        responded_at: responded_at?,
    })
}

pub const SETTINGS_KEYS: &[&str] = &[
    "language",
    "outbound_enabled",
    "integration_version",
    "default_llm",
    "default_stt_provider",
    "default_tts_provider",
];

/// One of the settings' `default_*` names (`default_llm`, `default_stt_provider`,
/// `default_tts_provider`): `null`, or a string of 1–128 characters. Shared by the stored settings and
/// the `update_settings` patch.
pub fn read_default_name(value: &Json, path: &str, p: &mut Problems) -> Option<Option<String>> {
    nullable(value, path, p, |v, at, p| {
        crate::base::validate::string_len(v, at, 1, 128, p).map(str::to_owned)
    })
}

fn read_settings(value: &Json, path: &str, p: &mut Problems) -> Option<Settings> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, SETTINGS_KEYS, path, p);
    let at = |k: &str| child(path, k);
    let language = owned(field(e, "language"), &at("language"), p);
    if let Some(l) = &language {
        check_language(l, &at("language"), p);
    }
    let outbound_enabled = boolean(field(e, "outbound_enabled"), &at("outbound_enabled"), p);
    let integration_version = one_of(
        field(e, "integration_version"),
        &at("integration_version"),
        p,
    );
    let name = |k: &str, p: &mut Problems| read_default_name(field(e, k), &at(k), p);
    let default_llm = name("default_llm", p);
    let default_stt_provider = name("default_stt_provider", p);
    let default_tts_provider = name("default_tts_provider", p);
    Some(Settings {
        language: language?,
        outbound_enabled: outbound_enabled?,
        integration_version: integration_version?,
        default_llm: default_llm?,
        default_stt_provider: default_stt_provider?,
        default_tts_provider: default_tts_provider?,
    })
}

fn read_minutes(value: &Json, path: &str, p: &mut Problems) -> Option<Minutes> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, &["allocations", "used_seconds"], path, p);
    let at = child(path, "allocations");
    let allocations = read_list(field(e, "allocations"), &at, p, StoredAllocation::read);
    let used_seconds = integer_in(
        field(e, "used_seconds"),
        &child(path, "used_seconds"),
        0,
        MAX_SAFE_INTEGER,
        p,
    );
    Some(Minutes {
        allocations: all(allocations?)?,
        used_seconds: u64::try_from(used_seconds?).ok()?,
    })
}

// ---- invariants (on typed records) ----

/// `name` *(`docs/rules/workspace.md`)*: trimmed, 1–100 characters, no control characters. Also used by `update_workspace`
/// and `createWorkspace` after trimming.
pub fn check_name(name: &str, path: &str, p: &mut Problems) {
    let n = name.chars().count();
    if name.trim() != name {
        p.push(
            Code::InvalidValue,
            path,
            format!("{} must not start or end with white space.", describe(path)),
        );
    } else if n == 0 {
        p.push(
            Code::EmptyValue,
            path,
            format!("{} must not be empty.", describe(path)),
        );
    } else if n > 100 {
        p.push(
            Code::TooLong,
            path,
            format!(
                "{} must have at most 100 characters, got {n}.",
                describe(path)
            ),
        );
    }
    if name.chars().any(char::is_control) {
        p.push(
            Code::InvalidValue,
            path,
            format!("{} must not contain control characters.", describe(path)),
        );
    }
}

/// `slug` *(public API)*: 2–63 characters matching `^[a-z0-9][a-z0-9-]*[a-z0-9]$`.
pub fn is_valid_slug(slug: &str) -> bool {
    let b = slug.as_bytes();
    let edge = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    (2..=63).contains(&b.len())
        && b.iter().all(|c| edge(c) || *c == b'-')
        && b.first().is_some_and(edge)
        && b.last().is_some_and(edge)
}

pub fn check_slug(slug: &str, path: &str, p: &mut Problems) {
    if !is_valid_slug(slug) {
        p.push(
            Code::InvalidValue,
            path,
            format!(
                "{} must be 2–63 characters of a-z, 0-9 and inner hyphens, got \"{slug}\".",
                describe(path)
            ),
        );
    }
}

/// `description` *(`docs/rules/workspace.md`)*: at most 500 characters.
pub fn check_description(description: &str, path: &str, p: &mut Problems) {
    let n = description.chars().count();
    if n > 500 {
        p.push(
            Code::TooLong,
            path,
            format!(
                "{} must have at most 500 characters, got {n}.",
                describe(path)
            ),
        );
    }
}

/// The per-field rules of a typed workspace record (a read one was checked field by field).
fn check_workspace(w: &Workspace, path: &str, p: &mut Problems) {
    let at = |k: &str| child(path, k);
    check_id(&w.id, &at("id"), p);
    check_name(&w.name, &at("name"), p);
    check_slug(&w.slug, &at("slug"), p);
    if let Some(d) = &w.description {
        check_description(d, &at("description"), p);
    }
    if let Some(b) = &w.backend_org_id {
        check_backend_org_id(b, &at("backend_org_id"), p);
    }
    check_archived_at(w.status, w.archived_at.is_some(), &at("archived_at"), p);
}

/// `backend_org_id`: a non-empty trimmed string (or null).
pub fn check_backend_org_id(b: &str, path: &str, p: &mut Problems) {
    if b.is_empty() || b.trim() != b {
        p.push(
            Code::InvalidValue,
            path,
            format!(
                "{} must be a non-empty trimmed string or null.",
                describe(path)
            ),
        );
    }
}

/// An archived workspace has `archived_at`; an active one has none.
fn check_archived_at(status: WorkspaceStatus, has_archived_at: bool, path: &str, p: &mut Problems) {
    match (status, has_archived_at) {
        (WorkspaceStatus::Archived, false) => p.push(
            Code::InvalidValue,
            path,
            "An archived workspace must have archived_at.",
        ),
        (WorkspaceStatus::Active, true) => p.push(
            Code::InvalidValue,
            path,
            "An active workspace must have archived_at null.",
        ),
        _ => {}
    }
}

/// Ids of typed records built in Rust are re-checked; read ones were checked when read.
fn check_id(id: &str, path: &str, p: &mut Problems) {
    if !crate::base::validate::is_uuid(id) {
        p.push(
            Code::InvalidValue,
            path,
            format!(
                "{} must be a UUID in lowercase hyphenated form.",
                describe(path)
            ),
        );
    }
}

fn check_email(email: &str, path: &str, p: &mut Problems) {
    if !is_valid_email(&normalize_email(email)) {
        p.push(
            Code::InvalidEmail,
            path,
            format!("{} must be an email address.", describe(path)),
        );
    }
}

/// Every active user id once; at least one active owner (rule 3).
fn check_members<'a>(
    members: impl Iterator<Item = (usize, &'a Member)>,
    path: &str,
    fields: bool,
    p: &mut Problems,
) {
    // An index, not a list: a state of 10,000 members is checked in linear time.
    let mut active_ids = StrIndex::default();
    let mut owners = 0;
    for (i, m) in members {
        let at = |k: &str| child(&child(path, i.to_string()), k);
        if fields {
            check_id(&m.user_id, &at("user_id"), p);
            check_email(&m.email, &at("email"), p);
            if let Some(name) = &m.display_name {
                check_display_name(name, &at("display_name"), p);
            }
        }
        if m.is_active() {
            if active_ids.insert(&m.user_id).is_err() {
                p.push(
                    Code::InvalidValue,
                    &at("user_id"),
                    format!("Two active members have the user id {}.", m.user_id),
                );
            }
            if m.role == Role::Owner {
                owners += 1;
            }
        }
    }
    if owners == 0 {
        p.push(
            Code::InvalidValue,
            path,
            "The workspace must have at least one active owner.",
        );
    }
}

/// A name or display name a caller gives now (`createWorkspace`, `update_workspace`,
/// `accept_invitation`): [`check_name`], and none of the invisible and layout characters of
/// [`crate::text::invisible`] (`invalid_value`). A stored state is read with `check_name` alone, so a
/// workspace stored before this rule stays readable (`docs/rules/workspace.md#fields`).
pub fn check_new_name(name: &str, path: &str, p: &mut Problems) {
    check_name(name, path, p);
    // Control characters are reported by `check_name` already.
    if crate::text::invisible::first_in_name(name).is_some_and(|c| !c.is_control()) {
        p.push(
            Code::InvalidValue,
            path,
            format!(
                "{} must not contain invisible or layout characters (zero-width, direction, line separators, spaces other than U+0020).",
                describe(path)
            ),
        );
    }
}

/// An email a caller gives now (an invitation's, the creator's): it looks like an address and holds no
/// control, format or white-space character (`invalid_email`, `docs/rules/invitations.md#invite`).
/// Stored emails are read with the shape check alone, as [`check_new_name`] explains.
pub fn check_new_email(email: &str, path: &str, p: &mut Problems) {
    let normalized = normalize_email(email);
    if !is_valid_email(&normalized) || crate::text::invisible::first_in_email(&normalized).is_some()
    {
        p.push(
            Code::InvalidEmail,
            path,
            format!(
                "{} must be an email address such as bo@example.com, got \"{email}\".",
                describe(path)
            ),
        );
    }
}

/// `display_name`: trimmed, 1–100 characters, no control characters (as a workspace name).
pub fn check_display_name(name: &str, path: &str, p: &mut Problems) {
    check_name(name, path, p);
}

/// Invitation ids are unique, and so are their normalized emails: resend reuses the one invitation
/// of an email (`docs/rules/invitations.md`).
fn check_invitations<'a>(
    invitations: impl Iterator<Item = (usize, &'a Invitation)>,
    path: &str,
    fields: bool,
    p: &mut Problems,
) {
    let mut ids = StrIndex::default();
    let mut emails = StrIndex::default();
    for (i, inv) in invitations {
        let at = |k: &str| child(&child(path, i.to_string()), k);
        if fields {
            check_id(&inv.id, &at("id"), p);
            check_id(&inv.invited_by, &at("invited_by"), p);
            check_email(&inv.email, &at("email"), p);
        }
        if ids.insert(&inv.id).is_err() {
            p.push(
                Code::InvalidValue,
                &at("id"),
                format!("Two invitations have the id {}.", inv.id),
            );
        }
        if emails.insert(&normalize_email(&inv.email)).is_err() {
            p.push(
                Code::InvalidValue,
                &at("email"),
                "Two invitations are for the same email (compared trimmed and lowercased).",
            );
        }
    }
}

fn check_settings(s: &Settings, path: &str, p: &mut Problems) {
    let at = |k: &str| child(path, k);
    check_language(&s.language, &at("language"), p);
    for (key, value) in [
        ("default_llm", &s.default_llm),
        ("default_stt_provider", &s.default_stt_provider),
        ("default_tts_provider", &s.default_tts_provider),
    ] {
        if let Some(v) = value {
            crate::base::validate::check_len(v, &at(key), 1, 128, p);
        }
    }
}

/// `settings.language` follows the rules of the voice-settings `language` field (`docs/rules/workspace.md` refers to `docs/rules/voice-settings.md`):
/// well-formed BCP-47, at most 32 characters.
fn check_language(tag: &str, path: &str, p: &mut Problems) {
    crate::voice::fields::language_tag(&Json::from(tag), path, p);
}

/// Stored test caller numbers are what `set_test_caller_numbers` writes: each already normalized E.164
/// (`+` and 8–15 digits, no separators), each once.
fn check_test_numbers(numbers: &[(usize, &str)], path: &str, p: &mut Problems) {
    for (k, (i, n)) in numbers.iter().enumerate() {
        let at = child(path, i.to_string());
        if crate::workspace::test_numbers::normalize(n).as_deref() != Some(*n) {
            p.push(
                Code::InvalidValue,
                &at,
                format!(
                    "{} must be a normalized E.164 number such as +14155550100, got \"{n}\".",
                    describe(&at)
                ),
            );
        } else if numbers
            .get(..k)
            .is_some_and(|before| before.iter().any(|(_, b)| b == n))
        {
            p.push(
                Code::InvalidValue,
                &at,
                format!("{} repeats an earlier number.", describe(&at)),
            );
        }
    }
}

fn check_rest(state: &WorkspaceState, path: &str, p: &mut Problems) {
    let numbers: Vec<(usize, &str)> = state
        .test_caller_numbers
        .iter()
        .map(String::as_str)
        .enumerate()
        .collect();
    check_test_numbers(&numbers, &child(path, "test_caller_numbers"), p);
    let at = child(&child(path, "minutes"), "allocations");
    for (i, allocation) in state.minutes.allocations.iter().enumerate() {
        allocation.check(&child(&at, i.to_string()), p);
    }
    if state.minutes.used_seconds > MAX_SAFE_INTEGER as u64 {
        let at = child(&child(path, "minutes"), "used_seconds");
        p.push(
            Code::OutOfRange,
            &at,
            format!("{} must be at most {MAX_SAFE_INTEGER}.", describe(&at)),
        );
    }
    if let Some(credits) = &state.credits {
        credits.check(&child(path, "credits"), p);
    }
    let n = state.test_caller_numbers.len();
    if n > MAX_TEST_CALLER_NUMBERS {
        let at = child(path, "test_caller_numbers");
        p.push(
            Code::TooManyItems,
            &at,
            format!(
                "{} must have at most {MAX_TEST_CALLER_NUMBERS} items, got {n}.",
                describe(&at)
            ),
        );
    }
}
