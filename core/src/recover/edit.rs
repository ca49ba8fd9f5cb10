//! What changes the tree after an error that ended a reading, so that the next
//! reading passes the place: a missing field gets a stand-in, an unknown field or a
//! key that cannot be read is taken out, a value the type refused becomes a stand-in.
//!
//! A value read as a whole (an internally tagged or untagged enum, a flattened field)
//! is buffered by serde and read again out of the reader's sight, so its errors come
//! back placed at the whole value. The value serde names is looked for inside it, and
//! the error placed there when it is found.

use std::borrow::Cow;

use super::error::{Error, Kind, Scalar, Step};
use super::tree::{Hint, Node, Number};

/// What to do after an error.
pub(crate) enum Outcome {
    /// Report the error (placed where it was found to be) and read again.
    Report(Error),
    /// Read again: the error was about a stand-in, which now stands in better.
    Retry,
    /// No change lets the reading pass: report the error and stop.
    Stuck(Error),
    /// The error came back placed at a whole value read out of sight, and several
    /// values inside it may be the one serde means: try each in turn.
    Trial(Error, Vec<Vec<String>>),
}

/// Changes `tree` after `error`; each value it stands in for, it adds to `stood`.
pub(crate) fn edit(tree: &mut Node<'_>, mut error: Error, stood: &mut Vec<Vec<String>>) -> Outcome {
    let path = error.path.clone().unwrap_or_default();
    let tokens: Vec<String> = path.iter().map(Step::token).collect();
    match &error.kind {
        Kind::Missing { field } if error.deep => {
            // The object that lacks it is inside: the one, or each in turn.
            let field: &'static str = field;
            let lacking = objects_lacking(tree, &tokens, field);
            match lacking.len() {
                0 => Outcome::Stuck(error),
                1 => {
                    let mut error = error;
                    error.deep = false;
                    let object = lacking.into_iter().next().unwrap_or_default();
                    error.path = Some(steps_along(tree, &path, &object));
                    match try_stand_in(tree, &object, &error.kind) {
                        Some(Saved::Added) => {
                            let mut member = object;
                            member.push(field.to_owned());
                            stood.push(member);
                            Outcome::Report(error)
                        }
                        // A stand-in opened into an object: nothing to report.
                        Some(Saved::Replaced(_)) => Outcome::Retry,
                        None => Outcome::Stuck(error),
                    }
                }
                _ => Outcome::Trial(error, lacking),
            }
        }
        Kind::Missing { field } => {
            let field = *field;
            let mut member = tokens.clone();
            member.push(field.to_owned());
            stood.push(member);
            match tree.at_mut(&tokens) {
                Some(Node::Object(members)) if !members.iter().any(|(key, _)| key == field) => {
                    members.push((Cow::Borrowed(field), Node::Placeholder(Hint::Unknown)));
                    Outcome::Report(error)
                }
                // A stand-in read as a map (a type with a flattened field asks for one,
                // with no field names): it becomes an object, one needed field at a time.
                Some(node @ Node::Placeholder(_)) => {
                    *node = Node::Object(vec![(Cow::Borrowed(field), Node::Placeholder(Hint::Unknown))]);
                    stood.push(tokens);
                    Outcome::Retry
                }
                Some(Node::Object(_)) => escalate(tree, &tokens, error),
                Some(node) => {
                    *node = Node::Object(vec![(Cow::Borrowed(field), Node::Placeholder(Hint::Unknown))]);
                    stood.push(tokens);
                    Outcome::Report(error)
                }
                None => Outcome::Stuck(error),
            }
        }
        Kind::UnknownField { .. } | Kind::Key { .. } | Kind::Repeated => {
            match remove_last(tree, &tokens, 0) {
                true => Outcome::Report(error),
                false => Outcome::Stuck(error),
            }
        }
        Kind::Duplicate { field } => {
            let mut at = tokens.clone();
            at.push((*field).to_owned());
            match remove_last(tree, &at, 1) {
                true => Outcome::Report(error),
                false => Outcome::Stuck(error),
            }
        }
        Kind::UnknownVariant { expected, .. } => {
            let first = expected.first().copied();
            match (tree.at_mut(&tokens), error.tag, first) {
                (Some(Node::Placeholder(_)), false, _) => escalate(tree, &tokens, error),
                // A tag (adjacently or internally tagged): the first variant's name in its
                // place, and what the object holds beside it stood in for.
                (Some(_), true, Some(first)) => {
                    set_tag(tree, &tokens, first, false);
                    Outcome::Report(error)
                }
                (Some(node), false, _) => {
                    *node = Node::Placeholder(Hint::Unknown);
                    stood.push(tokens);
                    Outcome::Report(error)
                }
                _ => Outcome::Stuck(error),
            }
        }
        Kind::Type { .. }
        | Kind::Value { .. }
        | Kind::Length { .. }
        | Kind::Custom(_)
        | Kind::Syntax { .. }
        | Kind::Encoding { .. } => {
            let mut found = candidates(tree, &tokens, &error.kind);
            if found.len() > 1 {
                return Outcome::Trial(error, found);
            }
            let target = found.pop().unwrap_or(tokens);
            if target.len() > path.len() {
                error.path = Some(steps_along(tree, &path, &target));
            }
            stand_in_at(tree, error, target, stood)
        }
    }
}

/// Stands in at `target` for the value `error` is about; a stand-in already there is
/// made another kind, or, when no kind will do, the value that holds it stands in.
pub(crate) fn stand_in_at(
    tree: &mut Node<'_>,
    error: Error,
    target: Vec<String>,
    stood: &mut Vec<Vec<String>>,
) -> Outcome {
    let hint = hint_for(&error.kind);
    match tree.at_mut(&target) {
        Some(Node::Placeholder(stand)) if hint != Hint::Unknown && *stand != hint => {
            *stand = hint;
            Outcome::Retry
        }
        // A stand-in refused without a word of what would do: the next kind.
        Some(Node::Placeholder(stand)) if hint == Hint::Unknown && stand.next().is_some() => {
            *stand = stand.next().unwrap_or(Hint::Object);
            Outcome::Retry
        }
        Some(Node::Placeholder(_)) => escalate(tree, &target, error),
        Some(node) => {
            *node = Node::Placeholder(hint);
            stood.push(target);
            Outcome::Report(error)
        }
        None => Outcome::Stuck(error),
    }
}

/// Puts the variant `name` in the tag at `tokens`; with `stand_in`, also stands in for
/// what the object holds beside it, the content written for another variant.
pub(crate) fn set_tag(tree: &mut Node<'_>, tokens: &[String], name: &'static str, stand_in: bool) {
    if let Some(node) = tree.at_mut(tokens) {
        *node = Node::Str(Cow::Borrowed(name));
    }
    if stand_in {
        stand_in_siblings(tree, tokens);
    }
}

/// No stand-in at `tokens` will do: the value that holds it becomes one, and the
/// reading goes on without what it held. At the root, nothing is left to stand in.
pub(crate) fn escalate(tree: &mut Node<'_>, tokens: &[String], error: Error) -> Outcome {
    let Some((_, parent)) = tokens.split_last() else {
        return Outcome::Stuck(error);
    };
    match tree.at_mut(parent) {
        Some(node @ Node::Array(_)) => *node = Node::Placeholder(Hint::Array),
        Some(node @ Node::Object(_)) => *node = Node::Placeholder(Hint::Object),
        Some(Node::Placeholder(_)) => return escalate(tree, parent, error),
        Some(node) => *node = Node::Placeholder(Hint::Unknown),
        None => return Outcome::Stuck(error),
    }
    Outcome::Retry
}

/// Removes the member at `tokens` from its object: the first with that key, or the
/// second (`skip` = 1) for a field given twice.
fn remove_last(tree: &mut Node<'_>, tokens: &[String], skip: usize) -> bool {
    let Some((key, parent)) = tokens.split_last() else {
        return false;
    };
    let Some(Node::Object(members)) = tree.at_mut(parent) else {
        return false;
    };
    let found = (members.iter().enumerate())
        .filter(|(_, (name, _))| name == key)
        .nth(skip)
        .map(|(at, _)| at);
    found.map(|at| members.remove(at)).is_some()
}

/// Stands in for every member beside the one at `tokens`.
fn stand_in_siblings(tree: &mut Node<'_>, tokens: &[String]) {
    let Some((key, parent)) = tokens.split_last() else {
        return;
    };
    if let Some(Node::Object(members)) = tree.at_mut(parent) {
        for (name, value) in members.iter_mut().filter(|(name, _)| name != key) {
            let _ = name;
            *value = Node::Placeholder(Hint::Unknown);
        }
    }
}

/// The values inside a whole value (one serde buffered and read again out of sight)
/// that may be the one an error placed at the whole names: equal to the scalar serde
/// saw (a stand-in for its null), or of the kind it saw (an array, an object), in
/// document order.
fn candidates(tree: &Node<'_>, tokens: &[String], kind: &Kind) -> Vec<Vec<String>> {
    let (Kind::Type { value, found, .. } | Kind::Value { value, found, .. }) = kind else {
        return Vec::new();
    };
    let Some(whole @ (Node::Array(_) | Node::Object(_))) = tree.at(tokens) else {
        return Vec::new();
    };
    let fits = |node: &Node<'_>| match value {
        Some(seen) => matches(node, seen),
        None => !matches!(node, Node::Placeholder(_)) && node.kind() == found,
    };
    let mut out = Vec::new();
    let mut path = tokens.to_vec();
    collect(whole, &fits, &mut path, &mut out);
    // A stand-in the reading put there first: serde's null is most likely its own.
    out.sort_by_key(|path| !matches!(tree.at(path), Some(Node::Placeholder(_))));
    out
}

fn collect(
    node: &Node<'_>,
    fits: &dyn Fn(&Node<'_>) -> bool,
    path: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    let mut visit = |token: String, child: &Node<'_>| {
        path.push(token);
        if fits(child) {
            out.push(path.clone());
        }
        collect(child, fits, path, out);
        path.pop();
    };
    match node {
        Node::Array(items) => {
            (items.iter().enumerate()).for_each(|(index, item)| visit(index.to_string(), item))
        }
        Node::Object(members) => (members.iter()).for_each(|(key, value)| visit(key.to_string(), value)),
        _ => {}
    }
}

/// The objects strictly inside the value at `tokens` that have no member `field`, in
/// document order.
fn objects_lacking(tree: &Node<'_>, tokens: &[String], field: &str) -> Vec<Vec<String>> {
    let Some(whole) = tree.at(tokens) else {
        return Vec::new();
    };
    let lacks = |node: &Node<'_>| match node {
        Node::Object(members) => !members.iter().any(|(key, _)| key == field),
        // A stand-in read as an object has no members.
        Node::Placeholder(_) => true,
        _ => false,
    };
    let mut out = Vec::new();
    let mut path = tokens.to_vec();
    collect(whole, &lacks, &mut path, &mut out);
    out.sort_by_key(|path| !matches!(tree.at(path), Some(Node::Placeholder(_))));
    out
}

/// What a trial changed at a candidate, to undo it.
pub(crate) enum Saved<'de> {
    /// The value the stand-in replaced.
    Replaced(Node<'de>),
    /// A stand-in for a missing member, added to the candidate object.
    Added,
}

/// Tries the candidate `target` as the value an error of `kind` is about: stands in
/// for it, or, for a missing field, adds one to it.
pub(crate) fn try_stand_in<'de>(tree: &mut Node<'de>, target: &[String], kind: &Kind) -> Option<Saved<'de>> {
    let node = tree.at_mut(target)?;
    match (kind, node) {
        (Kind::Missing { field }, Node::Object(members)) => {
            members.push((Cow::Borrowed(*field), Node::Placeholder(Hint::Unknown)));
            Some(Saved::Added)
        }
        (Kind::Missing { field }, node @ Node::Placeholder(_)) => {
            let object = Node::Object(vec![(Cow::Borrowed(*field), Node::Placeholder(Hint::Unknown))]);
            Some(Saved::Replaced(std::mem::replace(node, object)))
        }
        (_, node) => Some(Saved::Replaced(std::mem::replace(
            node,
            Node::Placeholder(hint_for(kind)),
        ))),
    }
}

/// Makes the stand-in at `tokens` an object of `fields`, each a stand-in; false when
/// there is no stand-in there.
pub(crate) fn open_stand_in(tree: &mut Node<'_>, tokens: &[String], fields: &'static [&'static str]) -> bool {
    match tree.at_mut(tokens) {
        Some(node @ Node::Placeholder(_)) => {
            let members = fields
                .iter()
                .map(|field| (Cow::Borrowed(*field), Node::Placeholder(Hint::Unknown)))
                .collect();
            *node = Node::Object(members);
            true
        }
        _ => false,
    }
}

/// Undoes what [`try_stand_in`] did.
pub(crate) fn put_back<'de>(tree: &mut Node<'de>, target: &[String], saved: Saved<'de>) {
    match (saved, tree.at_mut(target)) {
        (Saved::Replaced(value), Some(node)) => *node = value,
        (Saved::Added, Some(Node::Object(members))) => {
            members.pop();
        }
        _ => {}
    }
}

/// `error`, placed at `target` inside the whole value it was placed at.
pub(crate) fn placed_inside(tree: &Node<'_>, mut error: Error, target: &[String]) -> Error {
    let path = error.path.clone().unwrap_or_default();
    error.path = Some(steps_along(tree, &path, target));
    error.deep = false;
    error
}

fn matches(node: &Node<'_>, seen: &Scalar) -> bool {
    match (node, seen) {
        // A stand-in is what its hint makes it, read as a whole.
        (Node::Placeholder(Hint::Unknown | Hint::Null), Scalar::Null) => true,
        (Node::Placeholder(Hint::Integer), Scalar::Unsigned(0)) => true,
        (Node::Placeholder(Hint::Number), Scalar::Float(x)) => *x == 0.0,
        (Node::Placeholder(Hint::Bool), Scalar::Bool(false)) => true,
        (Node::Placeholder(Hint::String), Scalar::Str(text)) => text.is_empty(),
        (Node::Null, Scalar::Null) => true,
        (Node::Bool(a), Scalar::Bool(b)) => a == b,
        (Node::Number(Number::Unsigned(a)), Scalar::Unsigned(b)) => a == b,
        (Node::Number(Number::Signed(a)), Scalar::Signed(b)) => a == b,
        (Node::Number(Number::Unsigned(a)), Scalar::Signed(b)) => i128::from(*a) == i128::from(*b),
        (Node::Number(Number::Signed(a)), Scalar::Unsigned(b)) => i128::from(*a) == i128::from(*b),
        (Node::Number(Number::Float(a)), Scalar::Float(b)) => a == b,
        (Node::Str(a) | Node::Text(a), Scalar::Str(b)) => a == b,
        _ => false,
    }
}

/// The steps of `target`, which extends `path`: the steps `path` has, then an index
/// for each step into an array and a field for each into an object.
fn steps_along(tree: &Node<'_>, path: &[Step], target: &[String]) -> Vec<Step> {
    let mut steps = path.to_vec();
    for depth in path.len()..target.len() {
        let token = &target[depth];
        steps.push(match (tree.at(&target[..depth]), token.parse::<usize>()) {
            (Some(Node::Array(_)), Ok(index)) => Step::Index(index),
            _ => Step::Field(token.clone()),
        });
    }
    steps
}

/// What a stand-in for a value the type refused should be, when read as a whole.
fn hint_for(kind: &Kind) -> Hint {
    match kind {
        Kind::Type { expected, .. } | Kind::Value { expected, .. } => Hint::for_expected(expected),
        Kind::Length { .. } => Hint::Array,
        _ => Hint::Unknown,
    }
}
