//! Reading a document into a type, reporting every error at once: each value of the
//! wrong type, each missing or unknown field, each unknown variant, and then every
//! broken rule of what could be read, in document order (`json` and `form` use it).
//!
//! serde stops at its first error. So a document that fails is read again, here, from
//! a tree of it: where the tree holds a value the type does not want, the reader
//! ([`de`]) records the error and hands the type a stand-in of the kind it asked for;
//! where the type's own code refuses what it was given (a field it needs is missing, a
//! field or a variant it does not know), the reading ends with that error, the tree is
//! changed so that the next reading passes there ([`edit`]), and the reader learns
//! enough to record the same mistake elsewhere without ending the reading. A few
//! readings read any document; after [`MAX_READINGS`], or when no stand-in will do,
//! the list ends with an error saying it may be incomplete.

// Forms alone (feature `model-build` without `json`) build no JSON tree.
#![cfg_attr(not(feature = "json"), allow(dead_code, unused_imports))]

mod de;
mod edit;
mod error;
mod tree;

use std::collections::HashSet;

use serde::Deserialize;

pub(crate) use error::{shortened, Error, Kind, Step};
pub(crate) use tree::{Hint, Node, Order, Reader};

use crate::{FieldError, ValidationErrors};

/// How many times a document is read before the list of its errors is given as it is.
/// Most invalid documents take one reading: a value of the wrong type costs none.
const MAX_READINGS: usize = 32;

/// What reading a document gave.
pub(crate) struct Read<T> {
    /// The value, when every error could be stood in for.
    pub value: Option<T>,
    /// Every error found, placed.
    pub errors: Vec<Error>,
    /// Whether the whole document was read.
    pub complete: bool,
}

/// A document read for validation, before its rules run: so that the rules may run in
/// a step of their own, with an `await` (async rules), and their errors then join the
/// reading's in document order.
pub(crate) enum Checking<'b, T> {
    /// Read at once, as the usual document is. Should a rule fail, `order_of` reads
    /// the document's order from `bytes`.
    Read {
        value: T,
        bytes: &'b [u8],
        order_of: fn(&[u8]) -> Option<Order>,
    },
    /// Read at once from pairs whose order is already known (a path's segments).
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    Ordered(T, Order),
    /// Read again, every error recorded.
    Recovered(Read<T>, Order),
    /// Nothing to validate: the errors are all there is.
    Failed(ValidationErrors),
}

impl<T> Checking<'_, T> {
    /// The value the rules are to check, if one could be read.
    pub fn value(&self) -> Option<&T> {
        match self {
            Checking::Read { value, .. } | Checking::Ordered(value, _) => Some(value),
            Checking::Recovered(read, _) => read.value.as_ref(),
            Checking::Failed(_) => None,
        }
    }

    /// The value, or every error: the reading's and the `rules`' (what validating
    /// [`value`](Self::value) gave), in document order.
    pub fn finish(self, rules: Result<(), ValidationErrors>) -> Result<T, ValidationErrors> {
        match self {
            Checking::Read {
                value,
                bytes,
                order_of,
            } => match rules {
                Ok(()) => Ok(value),
                Err(broken) => Err(match order_of(bytes) {
                    Some(order) => rules_in_order(broken, &order),
                    None => broken,
                }),
            },
            Checking::Ordered(value, order) => match rules {
                Ok(()) => Ok(value),
                Err(broken) => Err(rules_in_order(broken, &order)),
            },
            Checking::Recovered(read, order) => read.finish(&order, move |_| rules),
            Checking::Failed(errors) => Err(errors),
        }
    }

    /// The value validated with `context`, async rules included, or every error.
    pub async fn checked_async<C>(self, context: &C) -> Result<T, ValidationErrors>
    where
        T: crate::ValidateAsync<C> + Sync,
        C: Sync + ?Sized,
    {
        let rules = match self.value() {
            Some(value) => value.validate_async_with(context).await,
            None => Ok(()),
        };
        self.finish(rules)
    }

    /// The value validated by `validate`, or every error.
    pub fn checked(
        self,
        validate: impl FnOnce(&T) -> Result<(), ValidationErrors>,
    ) -> Result<T, ValidationErrors> {
        let rules = self.value().map_or(Ok(()), validate);
        self.finish(rules)
    }
}

/// Reads `tree` into a `T`, recording every error it can stand in for.
pub(crate) fn read<'de, T: Deserialize<'de>>(mut tree: Node<'de>) -> Read<T> {
    let session = de::Session::default();
    let mut errors = Vec::new();
    // The values the reading stood in for, in the tree: what is found at or under one
    // after is about the stand-in, not the document, and is not reported.
    let mut stood: Vec<Vec<String>> = Vec::new();
    // A tag's replacement is the first variant that reads with its content stood in
    // for (a unit variant reads; a struct variant may not): the others are tried in
    // turn. What is read in its object after is read as that variant: not reported.
    let mut tags: Vec<TagTry> = Vec::new();
    let mut trial: Option<Trial<'de>> = None;
    for _ in 0..MAX_READINGS {
        let result = T::deserialize(de::De::new(&tree, &de::At::ROOT, &session));
        let recorded = std::mem::take(&mut *session.recorded.borrow_mut());
        // A value of the wrong type at the root: the document holds nothing else of use.
        if let Some(root) = recorded.iter().find(|error| error.location().is_empty()) {
            return Read::new(None, vec![root.clone()], true);
        }
        let silent = |error: &Error, stood: &[Vec<String>], tags: &[TagTry]| {
            let steps = error.location();
            let at = tokens(&steps);
            stood.iter().any(|stand| at.starts_with(stand))
                || tags
                    .iter()
                    .any(|tried| steps.starts_with(&tried.zone) && steps != tried.tag)
        };
        // This reading's own stand-ins (a value of the wrong type, recorded in passing).
        let passing: Vec<Vec<String>> = recorded.iter().map(|error| tokens(&error.location())).collect();
        errors.extend(recorded.into_iter().filter(|error| !silent(error, &stood, &tags)));
        let result = result.map_err(|error| error.placed(Vec::new));
        if let Some(mut tried) = trial.take() {
            let target = tried.candidates[tried.next].clone();
            // The candidate is the one when the error goes, and the change did not just
            // make a new error of the candidate itself.
            let not_it = |error: &Error| tried.same(error) || tokens(&error.location()).starts_with(&target);
            match &result {
                Err(error) if not_it(error) => {
                    if let Some(saved) = tried.saved.take() {
                        edit::put_back(&mut tree, &target, saved);
                    }
                    tried.next += 1;
                    match tried.candidates.get(tried.next) {
                        Some(next) => {
                            tried.saved = edit::try_stand_in(&mut tree, next, &tried.error.kind);
                            trial = Some(tried);
                        }
                        None => {
                            // None of them: the whole value stands in.
                            let at = tokens(&tried.error.location());
                            let outcome = edit::stand_in_at(&mut tree, tried.error, at, &mut stood);
                            if let Step2::Stop =
                                handle(outcome, tried.quiet, &mut tree, &mut errors, &mut trial)
                            {
                                return Read::new(None, errors, false);
                            }
                        }
                    }
                    continue;
                }
                _ => {
                    let stood_in = stood.iter().any(|stand| target.starts_with(stand));
                    if !tried.quiet && !stood_in {
                        errors.push(edit::placed_inside(&tree, tried.error, &target));
                    }
                    stood.push(target);
                }
            }
        }
        let error = match result {
            Ok(value) => return Read::new(Some(value), errors, true),
            Err(error) => error,
        };
        if let Some(learned) = error.learned.clone() {
            session.facts.borrow_mut().learn(learned);
        }
        let at = error.location();
        let quiet = silent(&error, &stood, &tags) || silent(&error, &passing, &[]);
        // A stand-in read as a struct failed inside: it becomes an object of the
        // struct's fields, each a stand-in, so that the next reading places the error.
        let structs = std::mem::take(&mut *session.stand_in_structs.borrow_mut());
        if let Some((_, fields)) = structs.iter().find(|(path, _)| Some(path) == error.path.as_ref()) {
            if edit::open_stand_in(&mut tree, &tokens(&at_path(&error)), fields) {
                continue;
            }
        }
        if let Some(tried) = tags
            .iter_mut()
            .find(|tried| at.starts_with(&tried.zone) && at != tried.tag)
        {
            // Each variant with the content as written, then each with its content stood
            // in for; then the object itself stands in.
            if tried.next == tried.variants.len() && !tried.stand_in {
                tried.stand_in = true;
                tried.next = 0;
            }
            match tried.variants.get(tried.next) {
                Some(name) => {
                    edit::set_tag(&mut tree, &tokens(&tried.tag), name, tried.stand_in);
                    tried.next += 1;
                }
                None => {
                    if let edit::Outcome::Stuck(_) = edit::escalate(&mut tree, &tokens(&tried.tag), error) {
                        return Read::new(None, errors, false);
                    }
                }
            }
            continue;
        }
        if let (Kind::UnknownVariant { expected, .. }, true) = (&error.kind, error.tag) {
            if !tags.iter().any(|tried| tried.tag == at) {
                let mut zone = at.clone();
                zone.pop();
                tags.push(TagTry {
                    zone,
                    tag: at.clone(),
                    variants: expected,
                    next: 1,
                    stand_in: false,
                });
            }
        }
        let outcome = edit::edit(&mut tree, error, &mut stood);
        match handle(outcome, quiet, &mut tree, &mut errors, &mut trial) {
            Step2::Go => {}
            Step2::Stop => return Read::new(None, errors, false),
        }
    }
    Read::new(None, errors, false)
}

enum Step2 {
    Go,
    Stop,
}

/// Acts on what an edit decided.
fn handle<'de>(
    outcome: edit::Outcome,
    quiet: bool,
    tree: &mut Node<'de>,
    errors: &mut Vec<Error>,
    trial: &mut Option<Trial<'de>>,
) -> Step2 {
    match outcome {
        edit::Outcome::Report(error) if !quiet => errors.push(error),
        edit::Outcome::Report(_) | edit::Outcome::Retry => {}
        edit::Outcome::Stuck(error) => {
            if !quiet {
                errors.push(error);
            }
            return Step2::Stop;
        }
        edit::Outcome::Trial(error, candidates) => {
            let saved = edit::try_stand_in(tree, &candidates[0], &error.kind);
            *trial = Some(Trial {
                error,
                quiet,
                candidates,
                next: 0,
                saved,
            });
        }
    }
    Step2::Go
}

/// Values inside a whole value tried one by one as the one an error is about: the one
/// whose stand-in makes the error go is it.
struct Trial<'de> {
    error: Error,
    quiet: bool,
    candidates: Vec<Vec<String>>,
    next: usize,
    saved: Option<edit::Saved<'de>>,
}

impl Trial<'_> {
    /// Whether `other` is the error being located, still there.
    fn same(&self, other: &Error) -> bool {
        let describe = |error: &Error| (error.location(), format!("{:?}", error.kind));
        describe(&self.error) == describe(other)
    }
}

/// An unknown variant's tag, and the known variants tried in its place.
struct TagTry {
    /// The object the tag is in.
    zone: Vec<Step>,
    tag: Vec<Step>,
    variants: &'static [&'static str],
    /// The next variant to try.
    next: usize,
    /// Whether the variants are tried with the content stood in for (after none read
    /// the content as written).
    stand_in: bool,
}

impl<T> Read<T> {
    /// Each error once: a reading that ended early and the next one both record what
    /// comes before the place it ended.
    fn new(value: Option<T>, errors: Vec<Error>, complete: bool) -> Self {
        let mut seen = HashSet::new();
        let errors = errors
            .into_iter()
            .filter(|error| seen.insert((error.location(), std::mem::discriminant(&error.kind))))
            .collect();
        Read {
            value,
            errors,
            complete,
        }
    }

    /// The value, validated by `validate`, or every error: those of the reading and the
    /// rules broken by what could be read, in document order. A rule's error at or
    /// under a value that was stood in for is left out: it would be about the stand-in.
    pub fn finish(
        self,
        order: &Order,
        validate: impl FnOnce(&T) -> Result<(), ValidationErrors>,
    ) -> Result<T, ValidationErrors> {
        let stood_in: Vec<Vec<String>> = (self.errors.iter())
            .map(|error| error.location().iter().map(Step::token).collect())
            .collect();
        let mut found: Vec<(Vec<String>, FieldError)> = (self.errors.iter())
            .map(|error| (tokens(&error.location()), error.to_field_error()))
            .collect();
        if let Some(value) = &self.value {
            if let Err(broken) = validate(value) {
                found.extend(
                    broken
                        .into_iter()
                        .map(|error| (path_tokens(error.path()), error))
                        .filter(|(at, _)| !stood_in.iter().any(|stand| at.starts_with(stand))),
                );
            }
        }
        if let (Some(value), true) = (self.value, found.is_empty()) {
            return Ok(value);
        }
        let mut list = in_order(found, order);
        // Last, whatever its place: it is about the list.
        if !self.complete {
            list.push(incomplete());
        }
        Err(list)
    }
}

/// `errors`, sorted into document order; errors at one place keep their order.
pub(crate) fn in_order(mut errors: Vec<(Vec<String>, FieldError)>, order: &Order) -> ValidationErrors {
    errors.sort_by_cached_key(|(tokens, _)| order.position(tokens));
    let mut list = ValidationErrors::new();
    list.extend(errors.into_iter().map(|(_, error)| error));
    list
}

/// Rule errors, sorted into document order.
pub(crate) fn rules_in_order(errors: ValidationErrors, order: &Order) -> ValidationErrors {
    in_order(
        errors
            .into_iter()
            .map(|error| (path_tokens(error.path()), error))
            .collect(),
        order,
    )
}

/// Where an error was placed (for a missing field, the object, not the field).
fn at_path(error: &Error) -> Vec<Step> {
    error.path.clone().unwrap_or_default()
}

fn tokens(steps: &[Step]) -> Vec<String> {
    steps.iter().map(Step::token).collect()
}

fn path_tokens(path: &crate::Path) -> Vec<String> {
    path.segments()
        .iter()
        .map(|segment| match segment {
            crate::Segment::Field(name) => name.to_string(),
            crate::Segment::Key(key) => key.clone(),
            crate::Segment::Index(index) => index.to_string(),
        })
        .collect()
}

/// The last error of a list that may not hold them all.
fn incomplete() -> FieldError {
    FieldError::new(
        crate::Path::root(),
        "incomplete",
        "the document could not be read past the errors listed; more may follow once they are fixed",
    )
}
