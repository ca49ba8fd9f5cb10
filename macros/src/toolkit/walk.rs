//! The walk of a type with async rules: what its generated `walk` keeps track of while
//! the rules are emitted. Every async rule's future (and every nested value's or
//! collection's, which may hold some) is bound to a variable of its own, each an
//! `Option`; the walk's value is all of them joined, in the order they were made.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use proc_macro2::Span;

use crate::out::Out;

/// The futures of one walk (the type's, or the rules inside one `each` element's),
/// and the expression that says whether the value the next async rule is on passed
/// its sync rules.
pub struct Walk {
    /// Numbers for the variables, shared by the whole type so that no two clash.
    counter: Rc<Cell<usize>>,
    futures: RefCell<Vec<String>>,
    /// Inside an enum's arms: the variables are declared before the `match` (each arm
    /// assigns its own), so that the futures of every arm join into one type.
    hoisted: RefCell<Option<Vec<String>>>,
    passed: RefCell<String>,
}

const RT: &str = "::modelbuild::__private::async_rules";

impl Walk {
    pub fn new() -> Walk {
        Walk {
            counter: Rc::new(Cell::new(0)),
            futures: RefCell::new(Vec::new()),
            hoisted: RefCell::new(None),
            passed: RefCell::new("true".to_owned()),
        }
    }

    /// A walk of its own (the rules of a collection's element), with fresh names.
    pub fn inner(&self) -> Walk {
        Walk {
            counter: self.counter.clone(),
            futures: RefCell::new(Vec::new()),
            hoisted: RefCell::new(None),
            passed: RefCell::new("true".to_owned()),
        }
    }

    /// A variable name no other part of the type uses: `__mb_<prefix><n>`.
    pub fn name(&self, prefix: &str) -> String {
        let n = self.counter.get();
        self.counter.set(n + 1);
        format!("__mb_{prefix}{n}")
    }

    /// The start of the statement that binds a new future, spanned at the rule that
    /// makes it (so that a mistake in the rule is reported there, once): `let
    /// __mb_q<n> =`, or, in an enum's arm, `__mb_q<n> =`.
    pub fn bind(&self, out: &mut Out, span: Span) {
        let name = self.name("q");
        self.futures.borrow_mut().push(name.clone());
        match self.hoisted.borrow_mut().as_mut() {
            Some(hoisted) => hoisted.push(name.clone()),
            None => {
                out.ident("let", span);
            }
        }
        out.ident(&name, span).punct('=', false, span);
    }

    /// From here on, futures are bound by an enum's arms.
    pub fn hoist(&self) {
        *self.hoisted.borrow_mut() = Some(Vec::new());
    }

    /// The declarations of the variables the arms bound since [`hoist`](Self::hoist),
    /// which go before the `match`; futures are bound in place again after it.
    pub fn declarations(&self) -> String {
        let hoisted = self.hoisted.borrow_mut().take().unwrap_or_default();
        hoisted
            .iter()
            .map(|name| format!("let mut {name} = ::modelbuild::__private::None;"))
            .collect()
    }

    /// Whether the value the next async rule is on passed its sync rules, as an
    /// expression.
    pub fn passed(&self) -> String {
        self.passed.borrow().clone()
    }

    pub fn set_passed(&self, passed: String) {
        *self.passed.borrow_mut() = passed;
    }

    /// The futures made, joined: `None` when there are none, the one itself when
    /// there is one (every join is a level its wait goes through).
    pub fn joined(&self) -> String {
        let futures = self.futures.borrow();
        let Some((last, rest)) = futures.split_last() else {
            return format!("{RT}::nothing()");
        };
        (rest.iter().rev()).fold(last.clone(), |joined, name| {
            format!("{RT}::join({name}, {joined})")
        })
    }
}
