//! `keys(rule, ...)`: the rules inside, on every key of a map; an error's path names
//! the key (`labels[Bad Key]`).

use crate::rules::input::KeysInput;
use crate::{PathNode, ValidationErrors};

/// The derive's entry: runs `check`, the rules written inside, on every key.
#[doc(hidden)]
pub fn check<M, T: KeysInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut check: impl FnMut(&T::Key, &PathNode<'_>, &mut ValidationErrors),
) {
    value.each_key(at, |key, key_at| check(key, key_at, errors));
}
