//! The [`Validate`] trait and its impls for containers, which make `nested` work
//! through `Option`, `Box`, `Vec`, slices and maps.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

use crate::error::ValidationErrors;
use crate::path_node::PathNode;

/// A value that can check its own rules.
///
/// Derive it with `#[derive(Validate)]`; implement [`validate_at`](Validate::validate_at)
/// by hand only for types the derive cannot describe.
///
/// ```
/// use modelbuild::Validate;
///
/// #[derive(Validate)]
/// struct CreateBuild {
///     #[validate(uri(schemes = ["https", "http"]))]
///     status_callback: Option<String>,
/// }
///
/// assert!(CreateBuild { status_callback: None }.validate().is_ok());
/// let errors = CreateBuild { status_callback: Some("ftp://example.com".into()) }
///     .validate()
///     .unwrap_err();
/// assert_eq!(errors.iter().next().unwrap().code(), "uri");
/// ```
pub trait Validate {
    /// Checks every rule and returns every broken one, each with its path.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_at(&PathNode::root(), &mut errors);
        errors.into_result()
    }

    /// Checks every rule of the value found at `at`, appending what is broken to
    /// `errors`. Implementations must not allocate when nothing is broken.
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors);
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }
}

impl<T: Validate + ?Sized> Validate for Rc<T> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }
}

impl<T: Validate + ?Sized> Validate for Arc<T> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }
}

impl<T: Validate + ToOwned + ?Sized> Validate for Cow<'_, T> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_at(at, errors);
        }
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        validate_indexed(self.iter(), at, errors);
    }
}

impl<T: Validate, const N: usize> Validate for [T; N] {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        validate_indexed(self.iter(), at, errors);
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        validate_indexed(self.iter(), at, errors);
    }
}

impl<T: Validate> Validate for VecDeque<T> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        validate_indexed(self.iter(), at, errors);
    }
}

impl<K: Display, V: Validate, S> Validate for HashMap<K, V, S> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        validate_keyed(self.iter(), at, errors);
    }
}

impl<K: Display, V: Validate> Validate for BTreeMap<K, V> {
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        validate_keyed(self.iter(), at, errors);
    }
}

fn validate_indexed<'v, T: Validate + 'v>(
    items: impl Iterator<Item = &'v T>,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
) {
    for (index, item) in items.enumerate() {
        item.validate_at(&at.index(index), errors);
    }
}

fn validate_keyed<'v, K: Display + 'v, V: Validate + 'v>(
    entries: impl Iterator<Item = (&'v K, &'v V)>,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
) {
    for (key, value) in entries {
        value.validate_at(&at.key(key), errors);
    }
}
