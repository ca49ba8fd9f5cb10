//! The [`Validate`] and [`ValidateWith`] traits and their impls for containers, which
//! make `nested` work through `Option`, `Box`, `Vec`, slices and maps.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::future::Future;
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
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`",
    label = "`nested` and `Valid` need `Validate` here",
    note = "derive it with `#[derive(Validate)]`; a type that declares `#[validate(context = ...)]` \
            implements `ValidateWith<Context>` instead, so the type that nests it must declare the same context",
    note = "a type with async rules implements `ValidateAsync` instead: the type that nests it says \
            `#[validate(async)]`, and `Valid::new_async` validates it"
)]
pub trait Validate {
    /// Checks every rule and returns every broken one, each with its path.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_at(&PathNode::ROOT, &mut errors);
        errors.into_result()
    }

    /// Checks every rule of the value found at `at`, appending what is broken to
    /// `errors`. Implementations must not allocate when nothing is broken.
    fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors);

    /// The same as [`validate`](Validate::validate): a type with no context ignores
    /// the one it is given, so that code written for types with a context
    /// ([`ValidateWith::validate_with`]) reads the same for types without.
    ///
    /// ```
    /// use modelbuild::Validate;
    ///
    /// #[derive(Validate)]
    /// struct Callback {
    ///     #[validate(uri)]
    ///     url: String,
    /// }
    ///
    /// let callback = Callback { url: "not a uri".into() };
    /// assert_eq!(callback.validate_with(&42), callback.validate());
    /// ```
    fn validate_with<C: ?Sized>(&self, context: &C) -> Result<(), ValidationErrors> {
        let _ = context;
        self.validate()
    }
}

/// A value whose rules need something from the caller: a set of names already taken,
/// a limit from configuration. The type declares it with
/// `#[validate(context = Context)]`; its `custom` rules receive `&Context` after the
/// value, and `nested` and `each(nested)` pass it down.
///
/// A type with a context implements only `ValidateWith<Context>`, not [`Validate`]: it
/// cannot be validated without one. A type with no context implements only
/// [`Validate`]: nested (or `each(nested)`) in a type with a context, it is validated
/// without the context, and its own [`Validate::validate_with`] ignores the one it is
/// given. (A `ValidateWith<C>` impl per context-free type, forwarding to `Validate`,
/// would cost every derived type a generic impl at every build.) So a type parameter
/// of a type with a context that is `nested` must take that context: the derive bounds
/// it `ValidateWith<Context>`.
///
/// ```
/// use std::collections::HashSet;
/// use modelbuild::{RuleError, ValidateWith, Validate};
///
/// struct Taken(HashSet<String>);
///
/// fn is_free(name: &str, taken: &Taken) -> Result<(), RuleError> {
///     match taken.0.contains(name) {
///         true => Err(RuleError::new("taken", "is already taken")),
///         false => Ok(()),
///     }
/// }
///
/// #[derive(Validate)]
/// #[validate(context = Taken)]
/// struct Rename {
///     #[validate(length(max = 64), custom = is_free)]
///     unique_name: String,
/// }
///
/// let taken = Taken(HashSet::from(["nightly".to_owned()]));
/// let errors = Rename { unique_name: "nightly".into() }.validate_with(&taken).unwrap_err();
/// assert_eq!(errors.to_string(), "unique_name: is already taken");
/// assert!(Rename { unique_name: "weekly".into() }.validate_with(&taken).is_ok());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be validated with a context of type `{C}`",
    label = "`nested` passes the context `{C}` to this value",
    note = "a type nested in one with `#[validate(context = {C})]` must declare no context or the same one"
)]
pub trait ValidateWith<C: ?Sized> {
    /// Checks every rule with `context` and returns every broken one.
    fn validate_with(&self, context: &C) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_with_at(context, &PathNode::ROOT, &mut errors);
        errors.into_result()
    }

    /// Checks every rule of the value found at `at`, with `context`, appending what is
    /// broken to `errors`. Implementations must not allocate when nothing is broken.
    fn validate_with_at(&self, context: &C, at: &PathNode<'_>, errors: &mut ValidationErrors);
}

/// A value with async rules (`custom(function = f, async)`): rules that need an
/// `await`, such as a lookup in a database.
///
/// Validation runs every sync rule of the whole value first; then the async rules of
/// the values whose sync rules passed (no lookup for a name that is already too long;
/// a rule on the whole type only when no field failed), all at once in the caller's
/// task, with nothing spawned and no runtime needed; then it reports every broken rule
/// in field order, as [`Validate::validate`] does. Dropping the future stops the
/// lookups. A type that declares `#[validate(context = C)]` implements
/// `ValidateAsync<C>`; every type without async rules that implements [`Validate`]
/// implements `ValidateAsync<()>` too, so code written for either reads the same.
///
/// A type with async rules implements no [`Validate`]: `validate()` on it does not
/// compile, so its async rules cannot be skipped by mistake. See the
/// [guide](crate::guide::async_rules).
///
/// ```
/// use modelbuild::{RuleError, ValidateAsync};
///
/// async fn available(name: &str) -> Result<(), RuleError> {
///     match name {
///         "admin" => Err(RuleError::new("taken", "is taken")),
///         _ => Ok(()),
///     }
/// }
///
/// #[derive(modelbuild::Validate)]
/// struct Signup {
///     #[validate(length(max = 8), custom(function = available, async))]
///     username: String,
/// }
///
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     let mut future = std::pin::pin!(future);
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop { if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) { return out; } }
/// # }
/// let taken = block_on(Signup { username: "admin".into() }.validate_async()).unwrap_err();
/// assert_eq!(taken.to_string(), "username: is taken");
/// // Too long: the lookup is not made.
/// let long = block_on(Signup { username: "administrator".into() }.validate_async()).unwrap_err();
/// assert_eq!(long.iter().next().unwrap().code(), "length");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be validated with a context of type `{C}`",
    note = "a type with async rules and `#[validate(context = C)]` implements `ValidateAsync<C>`: call `validate_async_with(&context)`; one without a context implements `ValidateAsync<()>`: call `validate_async()`"
)]
pub trait ValidateAsync<C: ?Sized = ()> {
    /// Checks every rule with `context`, the async ones of the values whose sync rules
    /// passed at once, and returns every broken one, in field order.
    fn validate_async_with<'v>(
        &'v self,
        context: &'v C,
    ) -> impl Future<Output = Result<(), ValidationErrors>> + Send + 'v
    where
        Self: Sync,
        C: Sync,
    {
        self.validate_async_limited(context, usize::MAX)
    }

    /// [`validate_async_with`](Self::validate_async_with), with at most
    /// `max_concurrency` async rules running at once (at least one): the others start as
    /// those end. For rules that each open a connection or a query.
    fn validate_async_limited<'v>(
        &'v self,
        context: &'v C,
        max_concurrency: usize,
    ) -> impl Future<Output = Result<(), ValidationErrors>> + Send + 'v
    where
        Self: Sync,
        C: Sync;

    /// Checks every rule, for a type without a context: `validate_async_with(&())`.
    fn validate_async(&self) -> impl Future<Output = Result<(), ValidationErrors>> + Send + '_
    where
        Self: ValidateAsync<()> + Sync,
    {
        ValidateAsync::<()>::validate_async_with(self, &())
    }
}

/// A type with sync rules only checks them at once, whatever the context.
impl<T: Validate + ?Sized> ValidateAsync<()> for T {
    fn validate_async_limited<'v>(
        &'v self,
        _context: &'v (),
        _max_concurrency: usize,
    ) -> impl Future<Output = Result<(), ValidationErrors>> + Send + 'v
    where
        Self: Sync,
    {
        std::future::ready(self.validate())
    }
}

/// Each container is `Validate` when its items are, and `ValidateWith<C>` when they
/// are that: the same walk (`$walk`, which calls `visit` on each item at its path),
/// with or without a context.
macro_rules! containers {
    ($(impl[$($generics:tt)*] $ty:ty where [$item:ty] => $walk:path;)*) => {$(
        impl<$($generics)*> Validate for $ty
        where
            $item: Validate,
        {
            fn validate_at(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
                $walk(self, at, errors, |item: &$item, at, errors| item.validate_at(at, errors));
            }
        }

        impl<$($generics)*, Ctx: ?Sized> ValidateWith<Ctx> for $ty
        where
            $item: ValidateWith<Ctx>,
        {
            fn validate_with_at(&self, context: &Ctx, at: &PathNode<'_>, errors: &mut ValidationErrors) {
                $walk(self, at, errors, |item: &$item, at, errors| {
                    item.validate_with_at(context, at, errors)
                });
            }
        }
    )*};
}

fn pointee<P: std::ops::Deref + ?Sized>(
    value: &P,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut visit: impl FnMut(&P::Target, &PathNode<'_>, &mut ValidationErrors),
) {
    visit(value, at, errors);
}

fn present<T>(
    value: &Option<T>,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut visit: impl FnMut(&T, &PathNode<'_>, &mut ValidationErrors),
) {
    if let Some(item) = value {
        visit(item, at, errors);
    }
}

fn indexed<'v, C, T>(
    items: &'v C,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut visit: impl FnMut(&T, &PathNode<'_>, &mut ValidationErrors),
) where
    C: ?Sized,
    &'v C: IntoIterator<Item = &'v T>,
    T: 'v,
{
    for (index, item) in items.into_iter().enumerate() {
        visit(item, &at.index(index), errors);
    }
}

fn keyed<'v, C, K, V>(
    entries: &'v C,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut visit: impl FnMut(&V, &PathNode<'_>, &mut ValidationErrors),
) where
    &'v C: IntoIterator<Item = (&'v K, &'v V)>,
    K: Display + 'v,
    V: 'v,
{
    for (key, value) in entries {
        visit(value, &at.key(key), errors);
    }
}

containers! {
    impl['r, T: ?Sized] &'r T where [T] => pointee;
    impl[T: ?Sized] Box<T> where [T] => pointee;
    impl[T: ?Sized] Rc<T> where [T] => pointee;
    impl[T: ?Sized] Arc<T> where [T] => pointee;
    impl['c, T: ToOwned + ?Sized] Cow<'c, T> where [T] => pointee;
    impl[T] Option<T> where [T] => present;
    impl[T] [T] where [T] => indexed;
    impl[T, const N: usize] [T; N] where [T] => indexed;
    impl[T] Vec<T> where [T] => indexed;
    impl[T] VecDeque<T> where [T] => indexed;
    impl[K: Display, V, S] HashMap<K, V, S> where [V] => keyed;
    impl[K: Display, V] BTreeMap<K, V> where [V] => keyed;
    // A set's elements by their place in its order: sorted for a `BTreeSet`, that
    // run's for a `HashSet` (its paths tell which element failed, not where it was sent).
    impl[T] BTreeSet<T> where [T] => indexed;
    impl[T, S] HashSet<T, S> where [T] => indexed;
}

#[cfg(feature = "indexmap")]
containers! {
    impl[T, S] indexmap::IndexSet<T, S> where [T] => indexed;
    impl[K: Display, V, S] indexmap::IndexMap<K, V, S> where [V] => keyed;
}
