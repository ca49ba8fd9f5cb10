//! The futures of a collection's elements, eight to a box: a list of futures cannot be
//! pinned in place without `unsafe`, but the fields of a struct can, so a [`Chunk`]
//! has eight slots as fields. A collection of a hundred elements with async rules
//! makes thirteen boxes, not a hundred.

use std::pin::Pin;
use std::task::{Context, Poll};

use super::join::{join_all, Boxed, JoinAll};
use super::{Found, Pending, Run};

pin_project_lite::pin_project! {
    /// One element's future, until it is done; then what it found.
    struct Slot<F> {
        #[pin]
        waiting: Option<F>,
        found: Found,
    }
}

impl<F: Pending> Slot<F> {
    /// Polls the future, if any is left; whether the slot is done.
    fn poll_slot(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> bool {
        let mut this = self.project();
        let Some(future) = this.waiting.as_mut().as_pin_mut() else {
            return true;
        };
        let Poll::Ready(found) = future.poll_found(cx, run) else {
            return false;
        };
        *this.found = found;
        // Dropped now: it may hold a connection.
        this.waiting.set(None);
        true
    }
}

/// How many elements' futures a box holds.
const CAPACITY: usize = 8;

macro_rules! chunk {
    ($($slot:ident),*) => {
        pin_project_lite::pin_project! {
            /// Up to eight elements' futures, polled in turn; what they found comes
            /// out in the order they were put.
            struct Chunk<F> {
                $(#[pin] $slot: Slot<F>,)*
            }
        }

        impl<F> From<[Option<F>; CAPACITY]> for Chunk<F> {
            fn from(futures: [Option<F>; CAPACITY]) -> Self {
                let [$($slot),*] = futures;
                Chunk {
                    $($slot: Slot { waiting: $slot, found: Found::default() },)*
                }
            }
        }

        impl<F: Pending> Pending for Chunk<F> {
            fn poll_found(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> Poll<Found> {
                let mut this = self.project();
                let mut done = true;
                $(done &= this.$slot.as_mut().poll_slot(cx, run);)*
                if !done {
                    return Poll::Pending;
                }
                let mut all = Found::default();
                $(all.append(std::mem::take(this.$slot.as_mut().project().found));)*
                Poll::Ready(all)
            }
        }
    };
}

chunk!(s0, s1, s2, s3, s4, s5, s6, s7);

/// The futures of a collection's elements as a walk makes them, one per element that
/// made one, eight to a box; then waited for together.
pub(crate) struct Gathered<'v, F> {
    boxes: Vec<Option<Boxed<'v>>>,
    filling: [Option<F>; CAPACITY],
    filled: usize,
}

impl<'v, F: Pending + Send + 'v> Gathered<'v, F> {
    pub(crate) fn new() -> Self {
        Gathered {
            boxes: Vec::new(),
            filling: Default::default(),
            filled: 0,
        }
    }

    /// An element's future, if it made one.
    // Called once per element, from the collection's loop: not inlined, the page of
    // 100 of the compare bench took 10% longer.
    #[inline]
    pub(crate) fn push(&mut self, future: Option<F>) {
        let Some(future) = future else { return };
        self.filling[self.filled] = Some(future);
        self.filled += 1;
        if self.filled == CAPACITY {
            let full = std::mem::take(&mut self.filling);
            self.boxes.push(Some(Box::pin(Chunk::from(full))));
            self.filled = 0;
        }
    }

    /// All of them, waited for together; `None` for none.
    pub(crate) fn joined(mut self) -> Option<JoinAll<'v>> {
        if self.filled > 0 {
            self.boxes.push(Some(Box::pin(Chunk::from(self.filling))));
        }
        join_all(self.boxes)
    }
}
