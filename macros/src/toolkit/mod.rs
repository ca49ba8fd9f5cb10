//! What a rule is and how its code is written, below the rules: the model of one rule
//! ([`Rule`], whose [`RuleKind`] each rule file implements), where a field is
//! ([`Place`]), what a rule's emitter is given ([`call::Call`]) and the calls of a
//! value's rules ([`sites`]), with the walk of a type with async rules ([`walk`]).
//!
//! The arrows run one way: `rules/*` use this toolkit and the model, never `parse`
//! or `emit`; `parse` reads the attributes into the model through the rules'
//! registry; `check` and `emit` read the model and call the rules through here.

pub mod call;
pub mod sites;
pub mod walk;

use proc_macro2::TokenStream;
use syn::{Ident, LitStr};

use crate::out::Out;
use crate::types::Base;

pub use call::{Access, Call, Checked, Sibling};
pub use sites::{place_expr, rule_call, value_checks, Scope, SiteEntry, Sites};

/// Where a field is on the wire, from the node its value's fields hang from.
#[derive(Clone)]
pub enum Place {
    /// Under this name.
    Field(String),
    /// At this position of a sequence: the fields of a tuple struct or variant.
    Index(usize),
    /// Where the value itself is: a flattened field, the field of a newtype.
    Here,
}

/// One rule as written on a field.
pub struct Rule {
    /// The rule's name as written, for spans.
    pub name: Ident,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
    pub kind: Box<dyn RuleKind>,
    /// False when one of its arguments was reported: its own checks are skipped then,
    /// since what they would find follows from that mistake.
    pub complete: bool,
}

/// What one rule knows about itself.
pub trait RuleKind {
    /// Problems with arguments that parsed but cannot be right, each at its token.
    fn check(&self, _name: &Ident, _errors: &mut Vec<syn::Error>) {}

    /// What the rule applies to, for the early check on a field whose type's
    /// spelling tells.
    fn target(&self) -> Target;

    /// Writes the statement that checks the value.
    fn emit(&self, call: &Call, out: &mut Out);

    /// Whether the default message depends only on the attribute's literals, so a
    /// call site may make it once.
    fn message_is_constant(&self) -> bool {
        true
    }

    /// Whether the rule reports errors of its own, and so has a call site (with its
    /// `code`, `message` and cache), which its entry is a method of, and a
    /// [`Call::tail`]; not so for the rules that only walk into the value (`nested`,
    /// `each`, `keys`).
    fn reports(&self) -> bool {
        true
    }

    /// Whether a field may carry the rule more than once.
    fn repeatable(&self) -> bool {
        false
    }

    /// Whether the field's type must implement `Validate` (and so gets that bound on
    /// a generic type).
    fn needs_validate(&self) -> bool {
        false
    }

    /// The rules inside this one (`each`, `keys`), checked like a field's.
    fn inner(&self) -> &[Rule] {
        &[]
    }

    /// Checks what the rule says of the other fields of the same value: `field` is the
    /// field the rule is on and `fields` its siblings' names, or `None` inside `each`
    /// or `keys`, where there are none.
    fn check_fields(&self, _name: &Ident, _field: Option<(&str, &[String])>, _errors: &mut Vec<syn::Error>) {}

    /// Whether the rule must be alone on its field (`skip`).
    fn alone(&self) -> bool {
        false
    }

    /// Whether the rule, on the whole value, runs only when every field passed
    /// (`schema(...)`, validator's type-level rule): the emitter then sets
    /// `__mb_fields_passed` before the whole-value rules.
    fn after_fields(&self) -> bool {
        false
    }

    /// Whether the rule is async (`custom(function = f, async)`).
    fn is_async(&self) -> bool {
        false
    }

    /// Whether the rule is async or holds one that is (`each`, `keys`): the type is
    /// then validated with `validate_async`.
    fn holds_async(&self) -> bool {
        self.is_async() || self.inner().iter().any(|rule| rule.kind.holds_async())
    }

    /// Whether, in a type with async rules, the rule takes part in the walk that makes
    /// the futures: an async rule, `nested` (the value may have async rules of its
    /// own), and `each` or `keys` holding either.
    fn walks(&self) -> bool {
        self.is_async() || self.inner().iter().any(|rule| rule.kind.walks())
    }

    /// The parameters its errors carry, which a `message = "..."` template may name;
    /// `None` when they are only known at run time (`custom`) or come from inner
    /// rules (`nested`, `each`, `keys`).
    fn params(&self) -> Option<Vec<&'static str>> {
        Some(Vec::new())
    }

    /// The statements that write the rule into `__mb_schema: &mut Schema`, for the
    /// `JsonSchemaRules` impl (feature `schemars`); `None` for a rule JSON Schema cannot
    /// state (a check digit, a comparison, a function).
    fn json_schema(&self, _rt: &TokenStream) -> Option<TokenStream> {
        None
    }
}

/// What a rule applies to.
pub enum Target {
    /// One of `fits`; `label` names the rule in the message, `needs` says what fits.
    Bases {
        label: &'static str,
        fits: &'static [Base],
        needs: &'static str,
    },
    /// An `Option`.
    Optional,
    /// Anything: the compiler's trait checks decide.
    Anything,
}

impl Target {
    /// A string, as most rules need: `label` names the rule in the message.
    pub fn text(label: &'static str) -> Target {
        Target::Bases {
            label,
            fits: &[Base::Text],
            needs: "a string",
        }
    }
}
