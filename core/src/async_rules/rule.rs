//! An async rule's future: the user's, started when [`Run`] lets it, its errors made
//! into the list's; and [`Run`], what the rules of one validation share.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::{Found, Pending};
use crate::__private::Site;
use crate::error::{Path, RuleError, RuleErrors, Segment};
use crate::path_node::PathNode;
use crate::rules::custom::{field_path_from, to_field_error, FieldPlace};
use crate::rules::input::CustomInput;
use crate::ValidationErrors;

/// What the rules of one validation share: how many may run at once, and how many do.
/// Owned by the wait and lent to each poll: every rule runs in the one task.
#[doc(hidden)]
pub struct Run {
    max: usize,
    running: Cell<usize>,
    /// Whether a rule was refused a start since one last ended.
    refused: Cell<bool>,
}

impl Run {
    pub(crate) fn new(max_concurrency: usize) -> Self {
        Run {
            max: max_concurrency.max(1),
            running: Cell::new(0),
            refused: Cell::new(false),
        }
    }

    fn try_start(&self) -> bool {
        let running = self.running.get();
        if running < self.max {
            self.running.set(running + 1);
            return true;
        }
        self.refused.set(true);
        false
    }

    /// A rule ended. A rule refused a start registered no waker of its own: the task
    /// is woken, so that it is polled again and starts.
    fn end(&self, cx: &Context<'_>) {
        self.running.set(self.running.get() - 1);
        if self.refused.replace(false) {
            cx.waker().wake_by_ref();
        }
    }
}

/// Where a rule's errors go, relative to the node of the value whose walk made it:
/// the levels above add their steps when it fails.
#[doc(hidden)]
pub trait Target {
    /// The path of `error`, of the rule at `site`.
    fn path_of(&self, error: &RuleError, site: &'static Site) -> Path;
}

/// A rule on a field: its errors at the field, which the site names.
#[doc(hidden)]
pub struct OnField;

impl Target for OnField {
    fn path_of(&self, _: &RuleError, site: &'static Site) -> Path {
        site.relative_path()
    }
}

/// A rule on the whole value: its errors at the value, or at the fields they name,
/// found in the value's table of fields, which hang at the value itself or, for an
/// enum's variant, under the field `fields_at` names.
#[doc(hidden)]
pub struct OnWhole {
    fields: &'static [FieldPlace],
    fields_at: Option<&'static str>,
}

impl Target for OnWhole {
    fn path_of(&self, error: &RuleError, _: &'static Site) -> Path {
        let Some(name) = error.field() else {
            return Path::root();
        };
        let base = match self.fields_at {
            None => Path::root(),
            Some(variant) => Path::root().child(Segment::Field(variant.into())),
        };
        field_path_from(name, self.fields, &base)
    }
}

pin_project_lite::pin_project! {
    /// One async rule: the user's future, and what its errors need.
    #[doc(hidden)]
    pub struct Rule<R, T> {
        #[pin]
        future: R,
        started: bool,
        site: &'static Site,
        // How many sync errors were found before the rule: where its errors go.
        place: usize,
        target: T,
    }
}

impl<R, E, T> Pending for Rule<R, T>
where
    R: Future<Output = Result<(), E>>,
    E: RuleErrors,
    T: Target,
{
    fn poll_found(self: Pin<&mut Self>, cx: &mut Context<'_>, run: &Run) -> Poll<Found> {
        let this = self.project();
        if !*this.started {
            if !run.try_start() {
                return Poll::Pending;
            }
            *this.started = true;
        }
        let Poll::Ready(result) = this.future.poll(cx) else {
            return Poll::Pending;
        };
        run.end(cx);
        let mut found = Found::default();
        if let Err(broken) = result {
            for error in broken.into_rule_errors() {
                let path = this.target.path_of(&error, this.site);
                found.push(*this.place, to_field_error(error, path, this.site));
            }
        }
        Poll::Ready(found)
    }
}

impl Site {
    /// The derive's entry for an async rule on a field: the rule's future, made when
    /// the field's sync rules `passed` and it has a value (`None` passes), its errors
    /// to go after the `errors` found so far.
    #[doc(hidden)]
    pub fn custom_async<'v, M, A, T, F, R, E>(
        &'static self,
        value: &'v T,
        function: F,
        passed: bool,
        _at: &PathNode<'_>,
        errors: &ValidationErrors,
    ) -> Option<Rule<R, OnField>>
    where
        A: ?Sized + 'v,
        T: CustomInput<M, A> + ?Sized,
        F: FnOnce(&'v A) -> R,
        R: Future<Output = Result<(), E>> + Send + 'v,
        E: RuleErrors + Send,
    {
        if !passed {
            return None;
        }
        Some(Rule {
            future: function(value.custom_input()?),
            started: false,
            site: self,
            place: errors.len(),
            target: OnField,
        })
    }

    /// The derive's entry for an async rule on the whole value: made when no sync rule
    /// of the value failed (`passed`); its errors go to the fields they name, under
    /// `fields_at`.
    #[doc(hidden)]
    pub fn custom_whole_async<R, E>(
        &'static self,
        future: impl FnOnce() -> R,
        passed: bool,
        fields: &'static [FieldPlace],
        fields_at: &PathNode<'_>,
        at: &PathNode<'_>,
        errors: &ValidationErrors,
    ) -> Option<Rule<R, OnWhole>>
    where
        R: Future<Output = Result<(), E>> + Send,
        E: RuleErrors + Send,
    {
        if !passed {
            return None;
        }
        Some(Rule {
            future: future(),
            started: false,
            site: self,
            place: errors.len(),
            target: OnWhole {
                fields,
                fields_at: fields_at.field_under(at),
            },
        })
    }
}
