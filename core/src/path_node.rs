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

    /// The path, held for a rule that reports after the walk that met it (an async
    /// rule), without allocating for the usual one: see [`HeldPath`].
    pub(crate) fn hold(&self) -> HeldPath {
        if self.is_root() {
            return HeldPath::Root;
        }
        let mut steps = [HeldStep::Index(0); HELD];
        let mut len: u8 = 0;
        for node in self.ancestors() {
            let step = match node.step {
                Step::Root => continue,
                Step::Field(name) => HeldStep::Field(name),
                Step::Index(index) => HeldStep::Index(index),
                Step::Key(_) => return HeldPath::Made(self.to_path()),
            };
            if usize::from(len) == HELD {
                return HeldPath::Made(self.to_path());
            }
            steps[usize::from(len)] = step;
            len += 1;
        }
        HeldPath::Inline { steps, len }
    }

    /// Where this node is relative to `at`, for a rule on a whole value that holds its
    /// fields here: at `at` itself (a struct's fields), under one of its fields (an
    /// enum's variant), or, should it be neither, elsewhere, its path made now.
    pub(crate) fn relative_to(&self, at: &PathNode<'_>) -> Relative {
        // The usual case, a rule on the whole of the value validated.
        if self.is_root() && at.is_root() {
            return Relative::Here;
        }
        let same_parent = match (self.parent, at.parent) {
            (None, None) => true,
            (Some(a), Some(b)) => std::ptr::eq(a, b),
            _ => false,
        };
        let same_step = match (self.step, at.step) {
            (Step::Root, Step::Root) => true,
            (Step::Field(a), Step::Field(b)) => a == b,
            (Step::Index(a), Step::Index(b)) => a == b,
            (Step::Key(a), Step::Key(b)) => std::ptr::addr_eq(a, b),
            _ => false,
        };
        match (self.parent, self.step) {
            _ if same_parent && same_step => Relative::Here,
            (Some(parent), Step::Field(name)) if std::ptr::eq(parent, at) => Relative::Field(name),
            _ => Relative::Elsewhere(self.to_path()),
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

/// Where a node is relative to another: see [`PathNode::relative_to`].
pub(crate) enum Relative {
    Here,
    Field(&'static str),
    Elsewhere(Path),
}

impl Relative {
    /// The path of the node, given the other's.
    pub(crate) fn path_from(&self, at: Path) -> Path {
        match self {
            Relative::Here => at,
            Relative::Field(name) => {
                let mut segments: Vec<Segment> = at.segments().to_vec();
                segments.push(Segment::Field((*name).into()));
                Path::from_segments(segments)
            }
            Relative::Elsewhere(path) => path.clone(),
        }
    }
}

/// How deep a path of fields and positions [`HeldPath`] keeps inline.
const HELD: usize = 4;

/// A path kept without the chain of nodes it was read from, which lives on the stack of
/// the walk: its fields and positions inline, leaf first, when there are at most
/// [`HELD`] of them (nothing to allocate until an error needs the [`Path`]), or else, or
/// when it goes through a map's key (which is borrowed only for the walk), the path
/// made at once.
pub(crate) enum HeldPath {
    /// The validated value itself: the usual place of a rule on the whole value.
    Root,
    Inline {
        steps: [HeldStep; HELD],
        len: u8,
    },
    Made(Path),
}

#[derive(Clone, Copy)]
pub(crate) enum HeldStep {
    Field(&'static str),
    Index(usize),
}

impl HeldPath {
    pub(crate) fn to_path(&self) -> Path {
        match self {
            HeldPath::Root => Path::from_segments(Vec::new()),
            HeldPath::Made(path) => path.clone(),
            HeldPath::Inline { steps, len } => Path::from_segments(
                (steps[..usize::from(*len)].iter().rev())
                    .map(|step| match *step {
                        HeldStep::Field(name) => Segment::Field(name.into()),
                        HeldStep::Index(index) => Segment::Index(index),
                    })
                    .collect(),
            ),
        }
    }
}

impl fmt::Debug for PathNode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PathNode({:?})", self.to_path().to_string())
    }
}
