//! The builds, in memory: they live as long as the process.

use std::collections::hash_map::{DefaultHasher, RandomState};
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use modelbuild::time;
use modelbuild::{ModelBuild, ModelBuildStatus};

/// Every build, in the order they were created.
#[derive(Debug, Default)]
pub struct Store {
    builds: Vec<ModelBuild>,
}

/// A page of builds and where the pages around it start.
#[derive(Debug)]
pub struct Slice {
    /// The builds on the page.
    pub builds: Vec<ModelBuild>,
    /// The token of the next page, when there is one.
    pub next: Option<String>,
    /// The token of the previous page, when there is one.
    pub previous: Option<String>,
}

/// Why a rename was refused: another build of the assistant has the name.
#[derive(Debug, PartialEq, Eq)]
pub struct NameTaken(pub String);

/// Why a page token was refused.
#[derive(Debug, PartialEq, Eq)]
pub struct BadToken;

impl Store {
    /// Adds a build.
    pub fn insert(&mut self, build: ModelBuild) {
        self.builds.push(build);
    }

    /// The build of `assistant` whose SID or unique name is `key`.
    pub fn find_mut(&mut self, assistant: &str, key: &str) -> Option<&mut ModelBuild> {
        let at = self.position(assistant, key)?;
        self.builds.get_mut(at)
    }

    fn position(&self, assistant: &str, key: &str) -> Option<usize> {
        self.builds.iter().position(|b| {
            b.assistant_sid.as_deref() == Some(assistant)
                && (b.sid.as_deref() == Some(key) || b.unique_name.as_deref() == Some(key))
        })
    }

    /// Whether another build of `assistant` has `unique_name`.
    pub fn name_taken(&self, assistant: &str, unique_name: &str, except_sid: Option<&str>) -> bool {
        self.builds.iter().any(|b| {
            b.assistant_sid.as_deref() == Some(assistant)
                && b.unique_name.as_deref() == Some(unique_name)
                && b.sid.as_deref() != except_sid
        })
    }

    /// Removes the build of `assistant` whose SID or unique name is `key`.
    pub fn remove(&mut self, assistant: &str, key: &str) -> Option<ModelBuild> {
        let at = self.position(assistant, key)?;
        Some(self.builds.remove(at))
    }

    /// Renames the build of `assistant` whose SID or unique name is `key` (when
    /// `unique_name` is given) and stamps it updated. `Ok(None)`: no such build.
    pub fn update(
        &mut self,
        assistant: &str,
        key: &str,
        unique_name: Option<String>,
        now: time::OffsetDateTime,
    ) -> Result<Option<ModelBuild>, NameTaken> {
        let Some(at) = self.position(assistant, key) else {
            return Ok(None);
        };
        if let Some(name) = &unique_name {
            if self.name_taken(assistant, name, self.builds[at].sid.as_deref()) {
                return Err(NameTaken(name.clone()));
            }
        }
        let build = &mut self.builds[at];
        if unique_name.is_some() {
            build.unique_name = unique_name;
        }
        build.date_updated = Some(now);
        Ok(Some(build.clone()))
    }

    /// One page of `assistant`'s builds. Without a token, page `page` counts from the
    /// first build; with one, the page starts right after (`PA…`) or ends right before
    /// (`PB…`) the build it names, so pages stay put when builds are added or deleted.
    pub fn page(
        &self,
        assistant: &str,
        page: usize,
        size: usize,
        token: Option<&str>,
    ) -> Result<Slice, BadToken> {
        let all: Vec<&ModelBuild> = self
            .builds
            .iter()
            .filter(|b| b.assistant_sid.as_deref() == Some(assistant))
            .collect();
        let position = |sid: &str| all.iter().position(|b| b.sid.as_deref() == Some(sid));
        let start = match token {
            None => page.saturating_mul(size).min(all.len()),
            Some(token) => match (token.get(..2), token.get(2..)) {
                (Some("PA"), Some(sid)) => position(sid).ok_or(BadToken)? + 1,
                (Some("PB"), Some(sid)) => position(sid).ok_or(BadToken)?.saturating_sub(size),
                _ => return Err(BadToken),
            },
        };
        let end = start.saturating_add(size).min(all.len());
        let builds: Vec<ModelBuild> = all[start..end].iter().map(|b| (*b).clone()).collect();
        let next = (end < all.len())
            .then(|| {
                builds
                    .last()
                    .and_then(|b| b.sid.as_ref())
                    .map(|sid| format!("PA{sid}"))
            })
            .flatten();
        let previous = (start > 0)
            .then(|| all[start].sid.as_ref().map(|sid| format!("PB{sid}")))
            .flatten();
        Ok(Slice {
            builds,
            next,
            previous,
        })
    }
}

/// A new SID: `prefix` and 32 random hexadecimal digits.
pub fn new_sid(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // std's hasher keys are random per process and per `RandomState`; an emulator's
    // SIDs need to be unique and unguessable enough, not cryptographic.
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let half = |salt: u8| RandomState::new().hash_one((count, salt));
    format!("{prefix}{:016x}{:016x}", half(1), half(2))
}

/// The assistant SID a path segment names: itself when it is a UA SID, otherwise the
/// same SID for the same unique name every time (the emulator has no assistants of
/// its own, so each name stands for one).
pub fn assistant_sid(segment: &str) -> String {
    if modelbuild::rules::is_sid(segment, "UA") {
        return segment.to_owned();
    }
    let half = |salt: u8| {
        let mut hasher = DefaultHasher::new();
        (segment, salt).hash(&mut hasher);
        hasher.finish()
    };
    format!("UA{:016x}{:016x}", half(1), half(2))
}

/// The status that follows `status` in the emulator's builds.
pub fn next_status(status: &ModelBuildStatus) -> Option<ModelBuildStatus> {
    match status {
        ModelBuildStatus::Enqueued => Some(ModelBuildStatus::Building),
        ModelBuildStatus::Building => Some(ModelBuildStatus::Completed),
        _ => None,
    }
}
