//! `each(rule, ...)`: the rules inside, on every element of a collection.

use crate::rules::input::EachInput;
use crate::{PathNode, ValidationErrors};

/// The derive's entry: runs `check`, the rules written inside, on every element.
#[doc(hidden)]
pub fn check<M, T: EachInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut check: impl FnMut(&T::Item, &PathNode<'_>, &mut ValidationErrors),
) {
    value.each_item(at, |item, item_at| check(item, item_at, errors));
}
