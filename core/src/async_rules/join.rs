//! Waiting for several async rules at once, in the caller's task: their futures are
//! polled in turn, and what they found comes out in the order they were made.

use std::pin::Pin;
use std::task::{Context, Poll};

use super::rule::Rule;
use super::{Found, Never, Pending, Run};
use crate::path_node::HeldStep;

/// A rule's future with its type erased: what a collection of values holds one of per
/// element, and what breaks the recursion of a type that nests itself.
pub(crate) type Boxed<'v> = Pin<Box<dyn Pending + Send + 'v>>;

impl Pending for Boxed<'_> {
    fn poll_found(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> Poll<Found> {
        self.get_mut().as_mut().poll_found(cx, run)
    }
}

pin_project_lite::pin_project! {
    /// Two walks' rules, waited for together; each dropped as soon as it is done.
    #[doc(hidden)]
    pub struct Join<A, B> {
        #[pin]
        a: Option<A>,
        #[pin]
        b: Option<B>,
        found_a: Found,
        found_b: Found,
    }
}

/// A future a walk makes that has rules in it: a rule's, a collection's, a nested
/// value's walk, or a join of them; not [`Never`], the future of a value with sync
/// rules only, which [`join`] leaves out at compile time.
#[doc(hidden)]
pub trait Joinable: Pending {}

impl<R, T> Joinable for Rule<R, T> where Rule<R, T>: Pending {}
impl Joinable for JoinAll<'_> {}
impl<A: Joinable, B: Joinable> Joinable for Join<A, B> {}
impl<P: Pending> Joinable for Nested<P> {}

/// Two walks' futures, each an `Option`, joined into one: their [`Join`], or, when
/// one of them is a value's with sync rules only (whose type is `Option<Never>`), the
/// other as it is.
#[doc(hidden)]
pub trait JoinPair {
    /// The joined future.
    type Joined;
    /// Joins them.
    fn join(self) -> Self::Joined;
}

impl<A: Joinable, B: Joinable> JoinPair for (Option<A>, Option<B>) {
    type Joined = Option<Join<A, B>>;

    fn join(self) -> Self::Joined {
        let (a, b) = self;
        if a.is_none() && b.is_none() {
            return None;
        }
        Some(Join {
            a,
            b,
            found_a: Found::default(),
            found_b: Found::default(),
        })
    }
}

impl<A: Joinable> JoinPair for (Option<A>, Option<Never>) {
    type Joined = Option<A>;

    fn join(self) -> Option<A> {
        self.0
    }
}

impl<B: Joinable> JoinPair for (Option<Never>, Option<B>) {
    type Joined = Option<B>;

    fn join(self) -> Option<B> {
        self.1
    }
}

impl JoinPair for (Option<Never>, Option<Never>) {
    type Joined = Option<Never>;

    fn join(self) -> Option<Never> {
        None
    }
}

/// Both, when either has rules to wait for: `a`'s errors, then `b`'s.
#[doc(hidden)]
pub fn join<A, B>(a: A, b: B) -> <(A, B) as JoinPair>::Joined
where
    (A, B): JoinPair,
{
    (a, b).join()
}

pin_project_lite::pin_project! {
    /// A nested value's walk, made [`Joinable`], and the step from the value that
    /// holds it, which its errors' paths are put under.
    #[doc(hidden)]
    pub struct Nested<P> {
        #[pin]
        walk: P,
        step: HeldStep,
    }
}

impl<P> Nested<P> {
    pub(crate) fn new(walk: P, step: HeldStep) -> Self {
        Nested { walk, step }
    }
}

impl<P: Pending> Pending for Nested<P> {
    fn poll_found(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> Poll<Found> {
        let this = self.project();
        let Poll::Ready(mut found) = this.walk.poll_found(cx, run) else {
            return Poll::Pending;
        };
        if let Some(segment) = this.step.segment() {
            found.put_under(&segment);
        }
        Poll::Ready(found)
    }
}

impl<A: Pending, B: Pending> Pending for Join<A, B> {
    fn poll_found(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> Poll<Found> {
        let mut this = self.project();
        if let Some(a) = this.a.as_mut().as_pin_mut() {
            if let Poll::Ready(found) = a.poll_found(cx, run) {
                *this.found_a = found;
                this.a.set(None);
            }
        }
        if let Some(b) = this.b.as_mut().as_pin_mut() {
            if let Poll::Ready(found) = b.poll_found(cx, run) {
                *this.found_b = found;
                this.b.set(None);
            }
        }
        if this.a.is_some() || this.b.is_some() {
            return Poll::Pending;
        }
        let mut found = std::mem::take(this.found_a);
        found.append(std::mem::take(this.found_b));
        Poll::Ready(found)
    }
}

/// The rules of a collection's elements, in boxes of eight (see `chunk`), waited for
/// together.
#[doc(hidden)]
pub struct JoinAll<'v> {
    /// Each box until it is done: dropped then, since it may hold connections.
    waiting: Vec<Option<Boxed<'v>>>,
    /// What the boxes done so far found, with their places in the list: only what
    /// found errors, so that valid elements cost nothing here.
    found: Vec<(usize, Found)>,
}

/// All of `boxes`, in order; `None` for none.
pub(crate) fn join_all(boxes: Vec<Option<Boxed<'_>>>) -> Option<JoinAll<'_>> {
    if boxes.is_empty() {
        return None;
    }
    Some(JoinAll {
        waiting: boxes,
        found: Vec::new(),
    })
}

impl Pending for JoinAll<'_> {
    fn poll_found(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> Poll<Found> {
        let this = self.get_mut();
        let mut done = true;
        for (place, slot) in this.waiting.iter_mut().enumerate() {
            let Some(future) = slot else { continue };
            match future.as_mut().poll_found(cx, run) {
                Poll::Ready(found) => {
                    *slot = None;
                    if !found.is_empty() {
                        this.found.push((place, found));
                    }
                }
                Poll::Pending => done = false,
            }
        }
        if !done {
            return Poll::Pending;
        }
        // In the list's order, whatever order the boxes finished in.
        this.found.sort_by_key(|(place, _)| *place);
        let mut all = Found::default();
        for (_, found) in this.found.drain(..) {
            all.append(found);
        }
        Poll::Ready(all)
    }
}
