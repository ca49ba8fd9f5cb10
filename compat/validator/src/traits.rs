//! [`Validate`] and [`ValidateArgs`], and `Validate` for the collections `nested` walks
//! into.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};

use crate::error::LIST_KEY;
use crate::{ValidationErrors, ValidationErrorsKind};

/// A value that checks its rules: what `#[derive(Validate)]` implements for a type with
/// no `context`.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// # #[cfg(feature = "derive")] {
/// use validator::Validate;
///
/// #[derive(Validate)]
/// struct Signup {
///     #[validate(email)]
///     mail: String,
/// }
///
/// let errors = Signup { mail: "ada".into() }.validate().unwrap_err();
/// assert_eq!(errors.field_errors()["mail"][0].code, "email");
/// # }
/// ```
pub trait Validate {
    /// Every broken rule, by field; `Ok` when there is none.
    fn validate(&self) -> Result<(), ValidationErrors>;
}

impl<T: Validate> Validate for &T {
    fn validate(&self) -> Result<(), ValidationErrors> {
        T::validate(self)
    }
}

/// The errors of the items of a collection, by position, under the key that
/// [`ValidationErrors::merge_self`] moves to the field's name (the shape validator's
/// impls give, which a direct caller sees too).
fn items<'a, T: Validate + 'a>(items: impl IntoIterator<Item = &'a T>) -> Result<(), ValidationErrors> {
    let list: BTreeMap<usize, Box<ValidationErrors>> = (items.into_iter().enumerate())
        .filter_map(|(index, item)| item.validate().err().map(|errors| (index, Box::new(errors))))
        .collect();
    if list.is_empty() {
        return Ok(());
    }
    let kind = ValidationErrorsKind::List(list);
    Err(ValidationErrors(HashMap::from([(Cow::Borrowed(LIST_KEY), kind)])))
}

macro_rules! collections {
    ($($ty:ty),* $(,)?) => {$(
        impl<T: Validate> Validate for $ty {
            fn validate(&self) -> Result<(), ValidationErrors> {
                items(self.iter())
            }
        }
    )*};
}

// A set's positions are those of its iteration: sorted for a `BTreeSet`, arbitrary for
// a `HashSet` (they differ from run to run), as in validator.
collections!(
    HashSet<T>,
    BTreeSet<T>,
    BinaryHeap<T>,
    LinkedList<T>,
    VecDeque<T>,
    Vec<T>,
    [T]
);

impl<T: Validate, const N: usize> Validate for [T; N] {
    fn validate(&self) -> Result<(), ValidationErrors> {
        items(self.iter())
    }
}

/// A map's values, by their position in its iteration (arbitrary for a `HashMap`), not
/// by key: validator's shape.
impl<K, V: Validate, S> Validate for &HashMap<K, V, S> {
    fn validate(&self) -> Result<(), ValidationErrors> {
        items(self.values())
    }
}

/// A map's values, by their position in key order.
impl<K, V: Validate> Validate for &BTreeMap<K, V> {
    fn validate(&self) -> Result<(), ValidationErrors> {
        items(self.values())
    }
}

/// A value whose rules take an argument: what the derive implements, `Args` being the
/// type's `context` (`&'v_a Context`, or `&'v_a mut Context` with `mutable`), or `()`
/// when it declares none, in which case [`Validate`] is implemented too.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// # #[cfg(feature = "derive")] {
/// use validator::{Validate, ValidateArgs, ValidationError};
///
/// struct Reserved(Vec<&'static str>);
///
/// fn free(name: &str, reserved: &Reserved) -> Result<(), ValidationError> {
///     match reserved.0.contains(&name) {
///         true => Err(ValidationError::new("reserved")),
///         false => Ok(()),
///     }
/// }
///
/// #[derive(Validate)]
/// #[validate(context = Reserved)]
/// struct Account {
///     #[validate(custom(function = free, use_context))]
///     name: String,
/// }
///
/// let reserved = Reserved(vec!["root"]);
/// assert!(Account { name: "root".into() }.validate_with_args(&reserved).is_err());
/// # }
/// ```
pub trait ValidateArgs<'v_a> {
    /// What the rules take: the context, by reference.
    type Args;

    /// Every broken rule, by field, with `args` handed to the rules that use it.
    fn validate_with_args(&self, args: Self::Args) -> Result<(), ValidationErrors>;
}

impl<'v_a, T, U> ValidateArgs<'v_a> for Option<T>
where
    T: ValidateArgs<'v_a, Args = U>,
{
    type Args = U;

    fn validate_with_args(&self, args: U) -> Result<(), ValidationErrors> {
        match self {
            Some(value) => value.validate_with_args(args),
            None => Ok(()),
        }
    }
}
