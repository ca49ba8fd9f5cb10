//! [`ValidWith<E, C>`]: [`Valid<E>`](crate::Valid) for a type with a context, one
//! type for the extractors of axum and of actix-web alike.

use std::marker::PhantomData;
use std::ops::Deref;

use crate::Valid;

/// `Valid<E>` for a type with a context (`#[validate(context = C)]`), extracted by the
/// framework's extractor `E` (`Json`, `Form`, `Query`; with actix, `Path` too) and
/// validated with every rule, the async ones with the context as well. The value's
/// type implements [`ValidateAsync<C>`](crate::ValidateAsync): the derive gives it to
/// every type with `#[validate(context = C)]`, with async rules or without (a type whose
/// `ValidateWith<C>` is written by hand implements it as well, by calling it).
///
/// Where the context comes from:
///
/// - **axum** ([`modelbuild::axum`][axum]): the router's state, through
///   `FromRef`, so it may be the state itself or one of its fields. A context is cloned
///   per request, as axum's `State` is: hold large data behind an `Arc`. It is held
///   while async rules run, so it is `Send` and `Sync`.
/// - **actix-web** ([`modelbuild::actix`][actix]): the app's data, found as
///   `web::Data<C>` (registered with `App::app_data(Data::new(c))`) or as a plain `C`
///   (`App::app_data(c)`). A request to an app without it is answered `500`, as actix
///   answers a missing `web::Data`.
///
/// With axum:
///
/// ```
/// # #[cfg(feature = "axum")] {
/// use std::collections::HashSet;
/// use std::sync::Arc;
///
/// use axum::extract::FromRef;
/// use axum::routing::post;
/// use axum::{Json, Router};
/// use modelbuild::axum::ValidWith;
/// use modelbuild::{RuleError, Validate};
///
/// #[derive(Clone)]
/// struct Taken(Arc<HashSet<String>>);
///
/// fn is_free(name: &str, taken: &Taken) -> Result<(), RuleError> {
///     match taken.0.contains(name) {
///         true => Err(RuleError::new("taken", "is already taken")),
///         false => Ok(()),
///     }
/// }
///
/// #[derive(serde::Deserialize, Validate)]
/// #[validate(context = Taken)]
/// struct Rename {
///     #[validate(length(max = 64), custom = is_free)]
///     unique_name: String,
/// }
///
/// #[derive(Clone)]
/// struct AppState {
///     taken: Taken,
/// }
///
/// // Or `#[derive(FromRef)]` on the state, with axum's `macros` feature.
/// impl FromRef<AppState> for Taken {
///     fn from_ref(state: &AppState) -> Taken {
///         state.taken.clone()
///     }
/// }
///
/// async fn rename(body: ValidWith<Json<Rename>, Taken>) -> String {
///     body.into_inner().0.unique_name
/// }
///
/// let state = AppState { taken: Taken(Arc::new(HashSet::from(["nightly".to_owned()]))) };
/// let app: Router = Router::new().route("/rename", post(rename)).with_state(state);
/// # }
/// ```
///
/// With actix-web:
///
/// ```
/// # #[cfg(feature = "actix")] {
/// use std::collections::HashSet;
///
/// use actix_web::{web, App};
/// use modelbuild::actix::ValidWith;
/// use modelbuild::{RuleError, Validate};
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
/// #[derive(serde::Deserialize, Validate)]
/// #[validate(context = Taken)]
/// struct Rename {
///     #[validate(length(max = 64), custom = is_free)]
///     unique_name: String,
/// }
///
/// async fn rename(body: ValidWith<web::Json<Rename>, Taken>) -> String {
///     body.into_inner().into_inner().unique_name
/// }
///
/// let taken = web::Data::new(Taken(HashSet::from(["nightly".to_owned()])));
/// let app = App::new().app_data(taken).route("/rename", web::post().to(rename));
/// # }
/// ```
#[doc = ""]
// Links to the modules of features that may be off here (docs.rs has every feature).
#[cfg_attr(feature = "axum", doc = "[axum]: crate::axum")]
#[cfg_attr(
    not(feature = "axum"),
    doc = "[axum]: https://docs.rs/modelbuild/latest/modelbuild/axum/"
)]
#[cfg_attr(feature = "actix", doc = "[actix]: crate::actix")]
#[cfg_attr(
    not(feature = "actix"),
    doc = "[actix]: https://docs.rs/modelbuild/latest/modelbuild/actix/"
)]
pub struct ValidWith<E, C> {
    valid: Valid<E>,
    context: PhantomData<fn() -> C>,
}

impl<E, C> ValidWith<E, C> {
    pub(crate) fn checked(extracted: E) -> Self {
        ValidWith {
            valid: Valid::checked(extracted),
            context: PhantomData,
        }
    }

    /// The extractor, holding the validated value.
    pub fn into_inner(self) -> E {
        self.valid.into_inner()
    }

    /// The proof of validity, without the context's type.
    pub fn into_valid(self) -> Valid<E> {
        self.valid
    }
}

impl<E, C> Deref for ValidWith<E, C> {
    type Target = E;

    fn deref(&self) -> &E {
        &self.valid
    }
}
