//! The machinery of async rules (`custom(function = f, async)`): what a derived
//! [`ValidateAsync`](crate::ValidateAsync) impl builds and runs.
//!
//! Validation with async rules is one walk and one wait. The walk is synchronous: in
//! field order, it checks every sync rule, and for each async rule of a value whose
//! sync rules passed it makes the rule's future (not yet polled) and notes where its
//! errors go in the list: after the sync errors found so far. What the walk made is one
//! value, [`Pending`]: the rules' futures joined, with no box and no list for a value's
//! own rules, its nested values and its variants. Then the wait polls them together in
//! the caller's task, at most `max_concurrency` started at once ([`Run`], which the
//! wait owns and hands to each poll), and puts their errors in their places. Nothing
//! is spawned and no runtime is needed: any executor, or a plain `block_on`, drives
//! it. Dropping the future drops every rule's future with it.
//!
//! A rule's future keeps what its errors need and no more: its site (code, message,
//! and its place under the value that holds it) and, for a rule on the whole value,
//! that value's table of fields. Its errors' paths start from the value whose walk
//! made it; each level of the walk above (a nested field, an element, a map's entry)
//! keeps the one step it adds, and puts the errors under it when they come up
//! (`Nested`). So a future carries no copy of the path, however deep: the
//! paths are made only when a rule fails, and making the futures allocates nothing;
//! only a map's key, borrowed for the walk alone, is written as text when its walk is
//! made. A collection whose elements have async rules keeps their futures in a list
//! of boxes, eight to a box.

mod chunk;
mod join;
mod nest;
mod rule;

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub use join::join;
pub use nest::{each, keys, Nest, NestAsync, WalkAsync, WalkSync, WalkSyncWith};
pub use rule::Run;

use crate::error::FieldError;
use crate::path_node::PathNode;
use crate::ValidationErrors;

/// What a walk made: async rules to wait for. Polled like a future, with the [`Run`]
/// that says whether one more rule may start.
#[doc(hidden)]
pub trait Pending {
    /// Polls the rules; ready with what they found, once.
    fn poll_found(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> Poll<Found>;
}

/// Nothing to wait for: the type of the `None` a walk with no async rules gives.
#[doc(hidden)]
pub enum Never {}

impl Pending for Never {
    fn poll_found(self: Pin<&mut Self>, _: &mut Context<'_>, _: &Run) -> Poll<Found> {
        match *self {}
    }
}

/// No futures: what a walk that made none is joined from.
#[doc(hidden)]
pub fn nothing() -> Option<Never> {
    None
}

/// What async rules found: each error with the number of sync errors found before the
/// place of its rule, which is where it goes in the list. Its path is relative to the
/// node of the walk it came up to, until the root's.
#[doc(hidden)]
#[derive(Default)]
pub struct Found(Vec<(usize, FieldError)>);

impl Found {
    pub(crate) fn push(&mut self, at: usize, error: FieldError) {
        self.0.push((at, error));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every error one level up, its path under `segment`.
    pub(crate) fn put_under(&mut self, segment: &crate::Segment) {
        for (_, error) in &mut self.0 {
            error.put_under(segment.clone());
        }
    }

    /// `self`, then `other`.
    pub(crate) fn append(&mut self, mut other: Found) {
        if self.0.is_empty() {
            *self = other;
        } else {
            self.0.append(&mut other.0);
        }
    }

    /// The sync errors with the async ones put in their places: each before the sync
    /// error that comes after its rule, in the order the walk met them.
    fn merged(self, sync: ValidationErrors) -> ValidationErrors {
        if self.0.is_empty() {
            return sync;
        }
        let mut merged = ValidationErrors::new();
        let mut found = self.0.into_iter().peekable();
        for (seen, error) in sync.into_iter().enumerate() {
            while let Some((_, error)) = found.next_if(|(at, _)| *at <= seen) {
                merged.push(error);
            }
            merged.push(error);
        }
        merged.extend(found.map(|(_, error)| error));
        merged
    }
}

pin_project_lite::pin_project! {
    /// A validation with async rules, once walked: the sync errors found, and the
    /// async rules to wait for, polled with the [`Run`] it owns.
    #[doc(hidden)]
    pub struct Validation<P> {
        #[pin]
        pending: Option<P>,
        errors: ValidationErrors,
        run: Run,
    }
}

impl<P: Pending> Future for Validation<P> {
    type Output = Result<(), ValidationErrors>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let found = match this.pending.as_mut().as_pin_mut() {
            Some(pending) => match pending.poll_found(cx, this.run) {
                Poll::Ready(found) => found,
                Poll::Pending => return Poll::Pending,
            },
            None => Found::default(),
        };
        // Dropped now: the rules' futures may hold what the caller waits to reuse.
        this.pending.set(None);
        let errors = std::mem::take(this.errors);
        Poll::Ready(found.merged(errors).into_result())
    }
}

/// Validates `value` with `context`: the walk, which checks the sync rules now and
/// makes the async rules' futures, and the wait for them, which is the future
/// returned. (The walk is done here, not at the first poll, so that the future holds
/// the rules' futures once, and nothing that refers to itself.)
#[doc(hidden)]
pub fn run<'v, T, C>(
    value: &'v T,
    context: &'v C,
    max_concurrency: usize,
) -> Validation<impl Pending + Send + use<'v, T, C>>
where
    T: NestAsync<C> + ?Sized,
    C: ?Sized,
{
    let mut errors = ValidationErrors::new();
    let pending = value.walk(context, &PathNode::ROOT, &mut errors);
    Validation {
        pending,
        errors,
        run: Run::new(max_concurrency),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Path, Segment};

    fn error(name: &'static str) -> FieldError {
        FieldError::new(Path::from_segments(vec![Segment::Field(name.into())]), "c", "m")
    }

    #[test]
    fn async_errors_go_after_the_sync_errors_found_before_their_rule() {
        let mut sync = ValidationErrors::new();
        for name in ["s0", "s1", "s2"] {
            sync.push(error(name));
        }
        let mut found = Found::default();
        for (at, name) in [(0, "a0"), (2, "a2"), (2, "b2"), (3, "a3")] {
            found.push(at, error(name));
        }
        let paths: Vec<String> = found.merged(sync).iter().map(|e| e.path().to_string()).collect();
        assert_eq!(paths, ["a0", "s0", "s1", "a2", "b2", "s2", "a3"]);
    }
}
