//! [`PathNode`]: the path of the value being validated, kept on the stack.

use std::fmt;

use crate::error::{Path, Segment};

/// The path to the value under validation, as a chain of borrowed nodes on the stack.
///
/// Validation walks a value with one `PathNode` per level and turns it into an owned
/// [`Path`] only when a rule fails, so valid data is validated without allocating.
/// Hand-written [`Validate`](crate::Validate) impls extend it with [`field`](Self::field),
/// [`index`](Self::index) and [`key`](Self::key).
///
/// ```
/// use modelbuild::PathNode;
///
/// let root = PathNode::root();
/// let items = root.field("items");
/// let second = items.index(1);
/// assert_eq!(second.field("sid").to_path().to_string(), "items[1].sid");
/// ```
#[derive(Clone, Copy)]
pub struct PathNode<'a> {
    parent: Option<&'a PathNode<'a>>,
    step: Step<'a>,
}

/// Where a value is, relative to the node of the value that holds it: what the
/// derive knows of each field at compile time.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Place {
    /// Under its name.
    Field(&'static str),
    /// At a position of a tuple.
    Index(usize),
    /// Where the holding value is: a flattened field, a newtype's field, an item
    /// whose node its container made.
    Here,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Field(&'static str),
    Index(usize),
    Key(&'a dyn fmt::Display),
}

impl<'a> PathNode<'a> {
    /// The root node as a constant, so that `&PathNode::ROOT` is a reference to static
    /// data: validation then writes no node to the stack before its first check.
    pub(crate) const ROOT: PathNode<'static> = PathNode::root();

    /// The path of the value itself.
    #[inline]
    pub const fn root() -> PathNode<'static> {
        PathNode {
            parent: None,
            step: Step::Root,
        }
    }

    /// The path of the field `name` of this value.
    #[inline]
    pub fn field(&'a self, name: &'static str) -> PathNode<'a> {
        self.child(Step::Field(name))
    }

    /// The path of the element at `index` of this sequence.
    #[inline]
    pub fn index(&'a self, index: usize) -> PathNode<'a> {
        self.child(Step::Index(index))
    }

    /// The path of the value under `key` of this map.
    pub fn key(&'a self, key: &'a dyn fmt::Display) -> PathNode<'a> {
        self.child(Step::Key(key))
    }

    /// The node of the value at `place` under this one.
    #[inline(always)]
    pub(crate) fn at_place(&'a self, place: Place) -> PathNode<'a> {
        match place {
            Place::Field(name) => self.field(name),
            Place::Index(index) => self.index(index),
            Place::Here => *self,
        }
    }

    /// Whether this is the node of the validated value itself.
    #[inline]
    pub(crate) fn is_root(&self) -> bool {
        // Only `root()` makes a node without a parent; one load where a report asks.
        self.parent.is_none()
    }

    fn child(&'a self, step: Step<'a>) -> PathNode<'a> {
        PathNode {
            parent: Some(self),
            step,
        }
    }

    /// The owned [`Path`]; called only when an error is reported.
    ///
    /// Walks up the chain in a loop, never by recursion: an error found at the bottom
    /// of a deep value must not need more stack than validating it did.
    // Inlined into `report`, so that the path is built where the error is.
    #[inline(always)]
    pub fn to_path(&self) -> Path {
        let depth = self
            .ancestors()
            .filter(|node| !matches!(node.step, Step::Root))
            .count();
        // Exactly as many as there are, so that the path keeps them without copying.
        let mut segments = Vec::with_capacity(depth);
        segments.extend(self.ancestors().filter_map(PathNode::segment));
        segments.reverse();
        Path::from_segments(segments)
    }

    /// The step from the node that holds this one to this one, held for the errors
    /// of async rules, which are found after the walk that met it: see [`HeldStep`].
    pub(crate) fn hold_step(&self) -> HeldStep {
        match self.step {
            Step::Root => HeldStep::Here,
            Step::Field(name) => HeldStep::Field(name),
            Step::Index(index) => HeldStep::Index(index),
            // Borrowed only for the walk: written now (a map's entries with async
            // rules are the one case where a walk allocates for a path).
            Step::Key(key) => HeldStep::Key(key.to_string().into_boxed_str()),
        }
    }

    /// Where the fields of a whole value's rule hang, `self`, relative to the value's
    /// node `at`: at `at` itself (a struct's fields, `None`) or under the field named
    /// for an enum's variant; what the derive passes is one of these two.
    pub(crate) fn field_under(&self, at: &PathNode<'_>) -> Option<&'static str> {
        match (self.parent, self.step) {
            (Some(parent), Step::Field(name)) if std::ptr::eq(parent, at) => Some(name),
            _ => None,
        }
    }

    /// This node, its parent, and so on up to the root.
    fn ancestors(&self) -> impl Iterator<Item = &PathNode<'a>> {
        std::iter::successors(Some(self), |node| node.parent)
    }

    fn segment(&self) -> Option<Segment> {
        match self.step {
            Step::Root => None,
            Step::Field(name) => Some(Segment::Field(name.into())),
            Step::Index(index) => Some(Segment::Index(index)),
            Step::Key(key) => Some(Segment::Key(key.to_string())),
        }
    }
}

/// The step a nested walk adds to the paths of its async rules' errors: the walk
/// keeps no chain of nodes (they live on its stack), so each level holds the one
/// step it adds, and an error's path is made, outermost level last, only when a rule
/// fails. A map's key is written when the walk meets it, since it is borrowed only
/// for the walk.
pub(crate) enum HeldStep {
    /// The value is where the one holding it is: a flattened field, a newtype's.
    Here,
    Field(&'static str),
    Index(usize),
    Key(Box<str>),
}

impl HeldStep {
    /// The path's segment, or none.
    pub(crate) fn segment(&self) -> Option<Segment> {
        match self {
            HeldStep::Here => None,
            HeldStep::Field(name) => Some(Segment::Field((*name).into())),
            HeldStep::Index(index) => Some(Segment::Index(*index)),
            HeldStep::Key(key) => Some(Segment::Key(key.to_string())),
        }
    }
}

impl From<Place> for HeldStep {
    fn from(place: Place) -> Self {
        match place {
            Place::Field(name) => HeldStep::Field(name),
            Place::Index(index) => HeldStep::Index(index),
            Place::Here => HeldStep::Here,
        }
    }
}

impl fmt::Debug for PathNode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PathNode({:?})", self.to_path().to_string())
    }
}
