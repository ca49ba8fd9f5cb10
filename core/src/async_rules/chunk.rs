//! The futures of a collection's elements, eight to a box: a list of futures cannot be
//! pinned in place without `unsafe`, but the fields of a struct can, so a [`Chunk`]
//! has eight slots as fields. A collection of a hundred elements with async rules
//! makes thirteen boxes, not a hundred.

use std::pin::Pin;
use std::task::{Context, Poll};

use super::join::Boxed;
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

/// The futures `visit` hands to `push`, one per element that made one, eight to a box.
pub(crate) fn chunked<'v, F: Pending + Send + 'v>(
    visit: impl FnOnce(&mut dyn FnMut(Option<F>)),
) -> Vec<Option<Boxed<'v>>> {
    let mut boxes: Vec<Option<Boxed<'v>>> = Vec::new();
    let mut filling: [Option<F>; CAPACITY] = Default::default();
    let mut filled = 0;
    visit(&mut |future| {
        let Some(future) = future else { return };
        filling[filled] = Some(future);
        filled += 1;
        if filled == CAPACITY {
            boxes.push(Some(Box::pin(Chunk::from(std::mem::take(&mut filling)))));
            filled = 0;
        }
    });
    if filled > 0 {
        boxes.push(Some(Box::pin(Chunk::from(filling))));
    }
    boxes
}
