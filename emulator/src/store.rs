//! The builds, in memory: they live as long as the process.
//!
//! Each build is found by its SID in one hash map, and by (assistant, unique name) in
//! its assistant's; so fetch, update and delete cost the same at 100 builds as at
//! 100,000. Each assistant also numbers its builds in order of creation (a build's
//! *position*, never reused) and keeps them in a B-tree by position, so a page costs
//! its size plus a logarithm, and a page token, which names a position, keeps its
//! place when builds before or after it are deleted.

use std::collections::hash_map::{DefaultHasher, RandomState};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use modelbuild::time::OffsetDateTime;
use modelbuild::{ModelBuild, ModelBuildStatus};

use crate::positions::Positions;

/// Every build, indexed by SID and by (assistant, unique name).
#[derive(Debug, Default)]
pub struct Store {
    builds: HashMap<String, Stored>,
    assistants: HashMap<String, Assistant>,
}

#[derive(Debug)]
struct Stored {
    assistant: String,
    position: u64,
    build: ModelBuild,
}

/// One assistant's builds.
#[derive(Debug, Default)]
struct Assistant {
    /// Position → SID, in order of creation.
    order: BTreeMap<u64, String>,
    /// Unique name → SID.
    names: HashMap<String, String>,
    /// Which positions hold a build, to find the n-th build for `Page` alone.
    live: Positions,
}

/// Why the store refused a build or a rename.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Another build of the assistant has this unique name.
    NameTaken(String),
    /// The unique name is empty.
    EmptyName,
    /// The unique name is a build SID (`UG` and 32 hexadecimal digits): builds are
    /// addressed by SID or by unique name, so it could shadow another build.
    NameLooksLikeSid(String),
    /// The build has no SID or no assistant SID, or its SID is another build's.
    BadSid,
}

/// Where a page starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStart<'a> {
    /// `Page` alone: the page of that index, counting from the first build.
    Index(u64),
    /// `PageToken`, as a page's `next_page_url` or `previous_page_url` gave it.
    Token(&'a str),
}

/// A page of builds and the tokens of the pages around it.
#[derive(Debug)]
pub struct Slice {
    /// The builds on the page, oldest first.
    pub builds: Vec<ModelBuild>,
    /// The token of the next page, when builds follow this one.
    pub next: Option<String>,
    /// The token of the previous page, when builds come before this one.
    pub previous: Option<String>,
}

/// Why a page token was refused: this server did not give it.
#[derive(Debug, PartialEq, Eq)]
pub struct BadToken;

/// A page boundary: the page holds the builds at or after a position (`PA…`), or the
/// ones before it (`PB…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    From(u64),
    Before(u64),
}

impl Boundary {
    fn token(self) -> String {
        match self {
            Boundary::From(position) => format!("PA{position}"),
            Boundary::Before(position) => format!("PB{position}"),
        }
    }

    /// Reads a token; positions past `end`, the next one to be given, were never issued.
    fn parse(token: &str, end: u64) -> Result<Boundary, BadToken> {
        let (kind, digits) = (token.get(..2), token.get(2..).unwrap_or(""));
        if digits.is_empty() || digits.len() > 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BadToken);
        }
        let position = digits.parse::<u64>().ok().filter(|p| *p <= end).ok_or(BadToken)?;
        match kind {
            Some("PA") => Ok(Boundary::From(position)),
            Some("PB") => Ok(Boundary::Before(position)),
            _ => Err(BadToken),
        }
    }
}

/// Whether `name` may be a build's unique name: not empty, and not a build SID.
pub fn check_name(name: &str) -> Result<(), Refusal> {
    if name.is_empty() {
        Err(Refusal::EmptyName)
    } else if is_build_sid(name) {
        Err(Refusal::NameLooksLikeSid(name.to_owned()))
    } else {
        Ok(())
    }
}

fn is_build_sid(key: &str) -> bool {
    modelbuild::rules::is_sid(key, "UG")
}

impl Store {
    /// How many builds there are, of every assistant.
    pub fn len(&self) -> usize {
        self.builds.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.builds.is_empty()
    }

    /// Adds a build, unless its unique name is refused or taken in its assistant.
    pub fn insert(&mut self, build: ModelBuild) -> Result<(), Refusal> {
        let (Some(sid), Some(assistant_sid)) = (build.sid.clone(), build.assistant_sid.clone()) else {
            return Err(Refusal::BadSid);
        };
        if self.builds.contains_key(&sid) {
            return Err(Refusal::BadSid);
        }
        let assistant = self.assistants.entry(assistant_sid.clone()).or_default();
        if let Some(name) = &build.unique_name {
            check_name(name)?;
            if assistant.names.contains_key(name) {
                return Err(Refusal::NameTaken(name.clone()));
            }
            assistant.names.insert(name.clone(), sid.clone());
        }
        let position = assistant.live.push();
        assistant.order.insert(position, sid.clone());
        let stored = Stored {
            assistant: assistant_sid,
            position,
            build,
        };
        self.builds.insert(sid, stored);
        Ok(())
    }

    /// The SID of `assistant`'s build whose SID or unique name is `key`. A key that
    /// looks like a build SID is only ever a SID: no unique name looks like one.
    fn sid_of<'a>(&'a self, assistant: &str, key: &'a str) -> Option<&'a str> {
        if is_build_sid(key) {
            let stored = self.builds.get(key)?;
            return (stored.assistant == assistant).then_some(key);
        }
        self.assistants.get(assistant)?.names.get(key).map(String::as_str)
    }

    /// The build of `assistant` whose SID or unique name is `key`.
    pub fn get(&self, assistant: &str, key: &str) -> Option<&ModelBuild> {
        let sid = self.sid_of(assistant, key)?;
        self.builds.get(sid).map(|stored| &stored.build)
    }

    /// Removes the build of `assistant` whose SID or unique name is `key`.
    pub fn remove(&mut self, assistant: &str, key: &str) -> Option<ModelBuild> {
        let sid = self.sid_of(assistant, key)?.to_owned();
        let stored = self.builds.remove(&sid)?;
        if let Some(builds) = self.assistants.get_mut(assistant) {
            builds.order.remove(&stored.position);
            builds.live.clear(stored.position);
            if let Some(name) = &stored.build.unique_name {
                builds.names.remove(name);
            }
        }
        Some(stored.build)
    }

    /// Renames the build of `assistant` whose SID or unique name is `key` (when
    /// `unique_name` is given) and stamps it updated. `Ok(None)`: no such build.
    pub fn update(
        &mut self,
        assistant: &str,
        key: &str,
        unique_name: Option<String>,
        now: OffsetDateTime,
    ) -> Result<Option<ModelBuild>, Refusal> {
        let Some(sid) = self.sid_of(assistant, key).map(str::to_owned) else {
            return Ok(None);
        };
        let (Some(stored), Some(builds)) = (self.builds.get_mut(&sid), self.assistants.get_mut(assistant))
        else {
            return Ok(None);
        };
        if let Some(name) = &unique_name {
            check_name(name)?;
            if builds.names.get(name).is_some_and(|owner| *owner != sid) {
                return Err(Refusal::NameTaken(name.clone()));
            }
            if let Some(old) = &stored.build.unique_name {
                builds.names.remove(old);
            }
            builds.names.insert(name.clone(), sid.clone());
            stored.build.unique_name = unique_name;
        }
        stored.build.date_updated = Some(now);
        Ok(Some(stored.build.clone()))
    }

    /// Moves the build `sid` of `assistant` to its next status, stamped `now` (with
    /// its build duration once completed), and gives it; `None` when it is gone or
    /// has no next status.
    pub fn advance(&mut self, assistant: &str, sid: &str, now: OffsetDateTime) -> Option<ModelBuild> {
        let stored = self.builds.get_mut(sid).filter(|s| s.assistant == assistant)?;
        let build = &mut stored.build;
        let next = build.status.as_ref().and_then(next_status)?;
        if next == ModelBuildStatus::Completed {
            let started = build.date_created.unwrap_or(now);
            build.build_duration = Some((now - started).whole_seconds().max(0));
        }
        build.status = Some(next);
        build.date_updated = Some(now);
        Some(build.clone())
    }

    /// One page of `assistant`'s builds, at most `size` of them, oldest first.
    pub fn page(&self, assistant: &str, size: usize, start: PageStart<'_>) -> Result<Slice, BadToken> {
        let empty = Assistant::default();
        let builds = self.assistants.get(assistant).unwrap_or(&empty);
        let end = builds.live.len();
        let size = size.max(1);
        let boundary = match start {
            PageStart::Token(token) => Boundary::parse(token, end)?,
            PageStart::Index(index) => {
                let skip = index.saturating_mul(size as u64);
                Boundary::From(builds.live.nth(skip).unwrap_or(end))
            }
        };
        let on_page: Vec<(u64, &String)> = match boundary {
            Boundary::From(from) => builds
                .order
                .range(from..)
                .take(size)
                .map(|(p, s)| (*p, s))
                .collect(),
            Boundary::Before(before) => {
                let mut last: Vec<_> = builds
                    .order
                    .range(..before)
                    .rev()
                    .take(size)
                    .map(|(p, s)| (*p, s))
                    .collect();
                last.reverse();
                last
            }
        };
        // The page spans [low, high): around its builds, or the boundary itself when
        // it is empty.
        let (low, high) = match (on_page.first(), on_page.last()) {
            (Some(first), Some(last)) => (first.0, last.0 + 1),
            _ => match boundary {
                Boundary::From(at) | Boundary::Before(at) => (at, at),
            },
        };
        let next = builds
            .order
            .range(high..)
            .next()
            .map(|_| Boundary::From(high).token());
        let previous = builds
            .order
            .range(..low)
            .next_back()
            .map(|_| Boundary::Before(low).token());
        let builds = on_page
            .iter()
            .filter_map(|(_, sid)| self.builds.get(*sid).map(|stored| stored.build.clone()))
            .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "UA0123456789abcdef0123456789abcdef";

    fn build(assistant: &str, name: Option<&str>) -> ModelBuild {
        ModelBuild {
            sid: Some(new_sid("UG")),
            assistant_sid: Some(assistant.into()),
            unique_name: name.map(Into::into),
            status: Some(ModelBuildStatus::Enqueued),
            ..ModelBuild::default()
        }
    }

    fn sids(builds: &[ModelBuild]) -> Vec<String> {
        builds.iter().map(|b| b.sid.clone().unwrap()).collect()
    }

    /// Every page of a random history of creates and deletes, by index and by
    /// following the tokens both ways, against a plain list of the live builds.
    #[test]
    fn pages_agree_with_a_plain_list() {
        let mut store = Store::default();
        let mut model: Vec<String> = Vec::new();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut random = move |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        for round in 0..200 {
            if model.is_empty() || random(3) > 0 {
                let b = build(A, None);
                model.push(b.sid.clone().unwrap());
                store.insert(b).unwrap();
            } else {
                let sid = model.remove(random(model.len()));
                assert!(store.remove(A, &sid).is_some());
            }
            let size = 1 + random(7);
            for index in 0..=(model.len() / size + 1) as u64 {
                let page = store.page(A, size, PageStart::Index(index)).unwrap();
                let from = (index as usize * size).min(model.len());
                let to = (from + size).min(model.len());
                assert_eq!(sids(&page.builds), model[from..to], "round {round}, page {index}");
                assert_eq!(page.next.is_some(), to < model.len());
            }
            // Forward from the first page to the last, then back again.
            let mut page = store.page(A, size, PageStart::Index(0)).unwrap();
            let mut seen = sids(&page.builds);
            let mut stack = vec![seen.clone()];
            while let Some(token) = page.next.clone() {
                page = store.page(A, size, PageStart::Token(&token)).unwrap();
                seen.extend(sids(&page.builds));
                stack.push(sids(&page.builds));
            }
            assert_eq!(seen, model);
            stack.pop();
            while let Some(token) = page.previous.clone() {
                page = store.page(A, size, PageStart::Token(&token)).unwrap();
                assert_eq!(Some(sids(&page.builds)), stack.pop());
            }
        }
    }

    #[test]
    fn tokens_keep_their_place_and_past_the_end_is_empty() {
        let mut store = Store::default();
        let all: Vec<String> = (0..6)
            .map(|_| {
                let b = build(A, None);
                let sid = b.sid.clone().unwrap();
                store.insert(b).unwrap();
                sid
            })
            .collect();
        let first = store.page(A, 2, PageStart::Index(0)).unwrap();
        let second = store
            .page(A, 2, PageStart::Token(first.next.as_deref().unwrap()))
            .unwrap();
        assert_eq!(sids(&second.builds), all[2..4]);
        // Deleting b0 leaves only b1 before the second page: its previous page is
        // [b1], not [b1, b2], which would overlap it.
        store.remove(A, &all[0]).unwrap();
        let previous = store
            .page(A, 2, PageStart::Token(second.previous.as_deref().unwrap()))
            .unwrap();
        assert_eq!(sids(&previous.builds), all[1..2]);
        assert_eq!(previous.previous, None);
        // Deleting what follows a page leaves its next token pointing at the end.
        let third_token = second.next.clone().unwrap();
        store.remove(A, &all[4]).unwrap();
        store.remove(A, &all[5]).unwrap();
        let third = store.page(A, 2, PageStart::Token(&third_token)).unwrap();
        assert!(third.builds.is_empty() && third.next.is_none());
        assert!(third.previous.is_some());
        for index in [1, 2, u64::MAX] {
            let page = store.page(A, 1000, PageStart::Index(index)).unwrap();
            assert!(page.builds.is_empty() && page.next.is_none(), "{index}");
        }
        for token in [
            "",
            "PA",
            "PA-1",
            "PA+1",
            "PX1",
            "PA99",
            &format!("PA{}", u64::MAX),
            "PB18446744073709551616",
        ] {
            assert_eq!(
                store.page(A, 2, PageStart::Token(token)).unwrap_err(),
                BadToken,
                "{token:?}"
            );
        }
        // Another assistant has none of these builds and no positions yet.
        assert_eq!(
            store.page("UAother", 2, PageStart::Token("PA1")).unwrap_err(),
            BadToken
        );
        assert!(store
            .page("UAother", 2, PageStart::Token("PA0"))
            .unwrap()
            .builds
            .is_empty());
    }

    #[test]
    fn a_sid_is_never_shadowed_by_a_name() {
        let mut store = Store::default();
        let x = build(A, Some("x"));
        let a = build(A, None);
        let (x_sid, a_sid) = (x.sid.clone().unwrap(), a.sid.clone().unwrap());
        store.insert(x).unwrap();
        store.insert(a).unwrap();
        let now = OffsetDateTime::UNIX_EPOCH;
        assert_eq!(
            store.update(A, "x", Some(a_sid.clone()), now),
            Err(Refusal::NameLooksLikeSid(a_sid.clone()))
        );
        assert_eq!(
            store.update(A, "x", Some(String::new()), now),
            Err(Refusal::EmptyName)
        );
        assert_eq!(store.get(A, &a_sid).unwrap().sid.as_ref(), Some(&a_sid));
        assert_eq!(store.remove(A, &a_sid).unwrap().sid, Some(a_sid));
        assert_eq!(store.get(A, "x").unwrap().sid.as_ref(), Some(&x_sid));
        // Names are per assistant, and a rename frees the old name.
        assert!(store.insert(build("UAother", Some("x"))).is_ok());
        assert_eq!(
            store.insert(build(A, Some("x"))),
            Err(Refusal::NameTaken("x".into()))
        );
        store.update(A, &x_sid, Some("y".into()), now).unwrap().unwrap();
        assert!(store.get(A, "x").is_none());
        assert!(store.insert(build(A, Some("x"))).is_ok());
        // A SID of another assistant's build is not found through this one.
        assert!(store.get("UAother", &x_sid).is_none());
        assert_eq!(store.len(), 3);
    }
}
