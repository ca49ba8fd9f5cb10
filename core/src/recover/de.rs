//! The recovering deserializer: reads a [`Node`] tree into any `T: Deserialize`, and
//! where a value is not what `T` asks for, records the error and hands `T` a stand-in
//! of the kind it asked for, so that one reading finds every such error.
//!
//! It can only stand in where it knows what is asked: a `deserialize_u32`, a
//! `deserialize_struct` with its field names, a `deserialize_enum` with its variants.
//! What `T`'s own code refuses (a missing field, an unknown field or variant, a value a
//! type's visitor rejects) ends the reading with an error; `super::read` then changes
//! the tree so the next reading passes there, and learns from it (`Facts`) so that the
//! same mistake elsewhere is recorded without ending another reading.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use serde::de::value::BorrowedStrDeserializer;
use serde::de::Deserializer as _;
use serde::de::{
    self, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;

use super::error::{names_id, Error, Kind, Learned, Names, Step};
use super::tree::{Hint, Node, Number};

/// What the readings of one document share: the errors recorded without ending a
/// reading, and what earlier readings taught.
#[derive(Default)]
pub(crate) struct Session {
    pub recorded: RefCell<Vec<Error>>,
    pub facts: RefCell<Facts>,
    /// The stand-ins this reading read as structs, and their field names: one whose
    /// reading failed inside is made an object of those fields, each a stand-in, so
    /// that the next reading places its errors.
    pub stand_in_structs: RefCell<Vec<(Vec<Step>, &'static [&'static str])>>,
}

impl Session {
    fn record(&self, error: Error) {
        self.recorded.borrow_mut().push(error);
    }
}

/// What readings have learned about the types of the document.
#[derive(Default)]
pub(crate) struct Facts {
    denies_unknown: HashSet<Names>,
    /// For each required field, the keys known not to be aliases of it.
    required: HashMap<(Names, &'static str), HashSet<String>>,
    closed: HashSet<Names>,
}

impl Facts {
    pub fn learn(&mut self, learned: Learned) {
        match learned {
            Learned::DeniesUnknown { id } => {
                self.denies_unknown.insert(id);
            }
            Learned::Required { id, field, keys } => {
                self.required.entry((id, field)).or_default().extend(keys);
            }
            Learned::Closed { id } => {
                self.closed.insert(id);
            }
        }
    }
}

/// The path of the value being read: a chain of steps on the stack, made into an owned
/// path only for an error.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Option<StepRef<'a>>,
}

#[derive(Clone, Copy)]
enum StepRef<'a> {
    Field(&'a str),
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    pub const ROOT: At<'static> = At {
        parent: None,
        step: None,
    };

    fn child(&'a self, step: StepRef<'a>) -> At<'a> {
        At {
            parent: Some(self),
            step: Some(step),
        }
    }

    pub fn steps(&self) -> Vec<Step> {
        let mut steps: Vec<Step> = std::iter::successors(Some(self), |at| at.parent)
            .filter_map(|at| at.step)
            .map(|step| match step {
                StepRef::Field(name) => Step::Field(name.to_owned()),
                StepRef::Key(key) => Step::Key(key.to_owned()),
                StepRef::Index(index) => Step::Index(index),
            })
            .collect();
        steps.reverse();
        steps
    }
}

/// Reads `node`, at `at`, for what the type asks.
pub(crate) struct De<'a, 'de> {
    pub node: &'a Node<'de>,
    pub at: &'a At<'a>,
    pub session: &'a Session,
    /// The name of the struct this value is a field of: an enum read by that same name
    /// is the tag of an adjacently tagged enum, which serde reads as a struct of two
    /// fields, the tag and the content, under the enum's name.
    pub parent: Option<&'static str>,
}

impl<'a, 'de> De<'a, 'de> {
    pub fn new(node: &'a Node<'de>, at: &'a At<'a>, session: &'a Session) -> Self {
        De {
            node,
            at,
            session,
            parent: None,
        }
    }
}

impl<'de> De<'_, 'de> {
    /// Records that the value is not `expected`, without ending the reading.
    fn mismatch(&self, expected: impl Into<String>) {
        // A form's value is always text: what it is not says it all.
        let found = match self.node {
            Node::Text(_) => String::new(),
            node => node.kind().to_owned(),
        };
        self.record_type(expected.into(), found);
    }

    /// An integer out of the type's range, named: it is an integer, only not one of
    /// these.
    fn out_of_range(&self, expected: String) {
        match self.node {
            Node::Number(Number::Unsigned(n)) => self.record_type(expected, n.to_string()),
            Node::Number(Number::Signed(n)) => self.record_type(expected, n.to_string()),
            _ => self.mismatch(expected),
        }
    }

    fn record_type(&self, expected: String, found: String) {
        let error = Error::new(Kind::Type {
            expected,
            found,
            value: None,
        });
        self.session.record(error.placed(|| self.at.steps()));
    }

    /// An integer of a type from `min` to `max`: read from a JSON integer in range, or
    /// from a form's text.
    fn integer<V: Visitor<'de>>(
        self,
        visitor: V,
        min: i128,
        max: u128,
        stand_in: impl FnOnce(V) -> Result<V::Value, Error>,
    ) -> Result<V::Value, Error> {
        let range = || format!("an integer from {min} to {max}");
        let fits = |wide: i128| wide >= min && (wide < 0 || (wide as u128) <= max);
        match self.node {
            Node::Number(Number::Unsigned(n)) if fits(i128::from(*n)) => visitor.visit_u64(*n),
            Node::Number(Number::Signed(n)) if fits(i128::from(*n)) => visitor.visit_i64(*n),
            Node::Number(Number::Unsigned(_) | Number::Signed(_)) => {
                self.out_of_range(range());
                stand_in(visitor)
            }
            Node::Text(text) => match text.parse::<i128>().map(|n| (n, fits(n))) {
                Ok((n, true)) => match (i64::try_from(n), u64::try_from(n)) {
                    (Ok(n), _) => visitor.visit_i64(n),
                    (_, Ok(n)) => visitor.visit_u64(n),
                    _ => visitor.visit_i128(n),
                },
                Ok((_, false)) => {
                    self.mismatch(range());
                    stand_in(visitor)
                }
                // A `u128` above `i128::MAX`.
                Err(_) => match text.parse::<u128>() {
                    Ok(n) if n <= max => visitor.visit_u128(n),
                    Ok(_) => {
                        self.mismatch(range());
                        stand_in(visitor)
                    }
                    Err(_) => {
                        self.mismatch("an integer");
                        stand_in(visitor)
                    }
                },
            },
            Node::Placeholder(_) => stand_in(visitor),
            _ => {
                self.mismatch("an integer");
                stand_in(visitor)
            }
        }
    }

    fn float<V: Visitor<'de>>(
        self,
        visitor: V,
        stand_in: impl FnOnce(V) -> Result<V::Value, Error>,
    ) -> Result<V::Value, Error> {
        match self.node {
            Node::Number(Number::Unsigned(n)) => visitor.visit_u64(*n),
            Node::Number(Number::Signed(n)) => visitor.visit_i64(*n),
            Node::Number(Number::Float(x)) => visitor.visit_f64(*x),
            Node::Text(text) => match text.parse::<f64>() {
                Ok(x) => visitor.visit_f64(x),
                Err(_) => {
                    self.mismatch("a number");
                    stand_in(visitor)
                }
            },
            Node::Placeholder(_) => stand_in(visitor),
            _ => {
                self.mismatch("a number");
                stand_in(visitor)
            }
        }
    }

    fn text<V: Visitor<'de>>(self, visitor: V, expected: &str) -> Result<V::Value, Error> {
        match self.node {
            Node::Str(Cow::Borrowed(text)) | Node::Text(Cow::Borrowed(text)) => {
                visitor.visit_borrowed_str(text)
            }
            Node::Str(Cow::Owned(text)) | Node::Text(Cow::Owned(text)) => visitor.visit_str(text),
            Node::Placeholder(_) => Stand.deserialize_str(visitor),
            _ => {
                self.mismatch(expected);
                Stand.deserialize_str(visitor)
            }
        }
    }

    /// Places an error `T`'s code returned while reading this value.
    fn place(&self, error: Error) -> Error {
        error.placed(|| self.at.steps())
    }
}

macro_rules! integers {
    ($($method:ident $ty:ty;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let at = self.at;
            self.integer(visitor, <$ty>::MIN as i128, <$ty>::MAX as u128, |visitor| Stand.$method(visitor))
                .map_err(|error| error.placed(|| at.steps()))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for De<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Null => visitor.visit_unit(),
            Node::Bool(value) => visitor.visit_bool(*value),
            Node::Number(Number::Unsigned(n)) => visitor.visit_u64(*n),
            Node::Number(Number::Signed(n)) => visitor.visit_i64(*n),
            Node::Number(Number::Float(x)) => visitor.visit_f64(*x),
            Node::Str(Cow::Borrowed(text)) | Node::Text(Cow::Borrowed(text)) => {
                visitor.visit_borrowed_str(text)
            }
            Node::Str(Cow::Owned(text)) | Node::Text(Cow::Owned(text)) => visitor.visit_str(text),
            Node::Array(items) => visitor.visit_seq(Items::new(items, self.at, self.session)),
            Node::Object(members) => visitor.visit_map(Members::new(members, self.at, self.session, None)),
            Node::Placeholder(hint) => Stand.hinted(*hint, visitor),
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Bool(value) => visitor.visit_bool(*value),
            Node::Text(text) if text == "true" || text == "false" => visitor.visit_bool(text == "true"),
            Node::Placeholder(_) => Stand.deserialize_bool(visitor),
            _ => {
                self.mismatch("a boolean");
                Stand.deserialize_bool(visitor)
            }
        };
        result.map_err(|error| self.place(error))
    }

    integers! {
        deserialize_i8 i8;
        deserialize_i16 i16;
        deserialize_i32 i32;
        deserialize_i64 i64;
        deserialize_i128 i128;
        deserialize_u8 u8;
        deserialize_u16 u16;
        deserialize_u32 u32;
        deserialize_u64 u64;
        deserialize_u128 u128;
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let at = self.at;
        self.float(visitor, |visitor| Stand.deserialize_f32(visitor))
            .map_err(|error| error.placed(|| at.steps()))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let at = self.at;
        self.float(visitor, |visitor| Stand.deserialize_f64(visitor))
            .map_err(|error| error.placed(|| at.steps()))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let at = self.at;
        self.text(visitor, "a character")
            .map_err(|error| error.placed(|| at.steps()))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let at = self.at;
        self.text(visitor, "a string")
            .map_err(|error| error.placed(|| at.steps()))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Str(Cow::Borrowed(text)) | Node::Text(Cow::Borrowed(text)) => {
                visitor.visit_borrowed_bytes(text.as_bytes())
            }
            Node::Str(Cow::Owned(text)) | Node::Text(Cow::Owned(text)) => {
                visitor.visit_bytes(text.as_bytes())
            }
            Node::Array(items) => visitor.visit_seq(Items::new(items, self.at, self.session)),
            Node::Placeholder(_) => Stand.deserialize_bytes(visitor),
            _ => {
                self.mismatch("a string or an array of bytes");
                Stand.deserialize_bytes(visitor)
            }
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Null | Node::Placeholder(_) => visitor.visit_none(),
            _ => visitor.visit_some(De { ..self }),
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Null | Node::Placeholder(_) => visitor.visit_unit(),
            Node::Text(text) if text.is_empty() => visitor.visit_unit(),
            _ => {
                self.mismatch("null");
                Stand.deserialize_unit(visitor)
            }
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let at = self.at;
        visitor
            .visit_newtype_struct(self)
            .map_err(|error| error.placed(|| at.steps()))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Array(items) => visitor.visit_seq(Items::new(items, self.at, self.session)),
            Node::Placeholder(_) => Stand.deserialize_seq(visitor),
            _ => {
                self.mismatch("an array");
                Stand.deserialize_seq(visitor)
            }
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Array(items) => visitor.visit_seq(Items::new(items, self.at, self.session)),
            Node::Placeholder(_) => Stand.deserialize_tuple(len, visitor),
            _ => {
                self.mismatch("an array");
                Stand.deserialize_tuple(len, visitor)
            }
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Object(members) => {
                visitor.visit_map(Members::new(members, self.at, self.session, None).keyed())
            }
            Node::Placeholder(_) => Stand.deserialize_map(visitor),
            _ => {
                self.mismatch("an object");
                Stand.deserialize_map(visitor)
            }
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match self.node {
            Node::Object(members) => {
                let members_of = Members::new(members, self.at, self.session, Some(fields)).named(name);
                let result = visitor.visit_map(members_of);
                result.map_err(|mut error| {
                    // A field the struct needs: noted, with the keys that were there,
                    // none of which can be an alias of it.
                    if let (Kind::Missing { field }, None) = (&error.kind, &error.path) {
                        match fields.contains(field) {
                            true => {
                                error.learned = Some(Learned::Required {
                                    id: names_id(fields),
                                    field,
                                    keys: members.iter().map(|(key, _)| key.to_string()).collect(),
                                })
                            }
                            false => error.deep = true,
                        }
                    }
                    error
                })
            }
            // serde_json reads a struct from an array of its fields, in order.
            Node::Array(items) => visitor.visit_seq(Items::new(items, self.at, self.session)),
            Node::Placeholder(_) => {
                (self.session.stand_in_structs.borrow_mut()).push((self.at.steps(), fields));
                Stand.deserialize_struct(name, fields, visitor)
            }
            _ => {
                self.mismatch("an object");
                Stand.deserialize_struct(name, fields, visitor)
            }
        };
        result.map_err(|error| self.place(error))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let one_of = || match variants {
            [one] => format!("{one:?}"),
            _ => format!("one of {}", variants.join(", ")),
        };
        let (variant, content) = match self.node {
            Node::Str(text) | Node::Text(text) => (text.as_ref(), None),
            // serde_json reads the first member as the variant, and stops at any other:
            // each is reported, and the variant read.
            Node::Object(members) if !members.is_empty() => {
                for (key, _) in &members[1..] {
                    let at = self.at.child(StepRef::Field(key));
                    let error = Error::new(Kind::Type {
                        expected: "no member beside the variant".to_owned(),
                        found: "another member".to_owned(),
                        value: None,
                    });
                    self.session.record(error.placed(|| at.steps()));
                }
                (members[0].0.as_ref(), Some(&members[0].1))
            }
            Node::Placeholder(_) => {
                return Stand
                    .deserialize_enum(name, variants, visitor)
                    .map_err(|e| self.place(e))
            }
            _ => {
                self.mismatch(one_of());
                return Stand
                    .deserialize_enum(name, variants, visitor)
                    .map_err(|e| self.place(e));
            }
        };
        let id = names_id(variants);
        let tag = self.parent == Some(name);
        if !tag && !variants.contains(&variant) && self.session.facts.borrow().closed.contains(&id) {
            self.session
                .record(self.place(de::Error::unknown_variant(variant, variants)));
            return Stand
                .deserialize_enum(name, variants, visitor)
                .map_err(|e| self.place(e));
        }
        let access = Variant {
            name: variant,
            content,
            at: self.at,
            session: self.session,
        };
        visitor.visit_enum(access).map_err(|mut error| {
            if matches!(error.kind, Kind::UnknownVariant { .. }) && error.path.is_none() {
                match tag {
                    true => error.tag = true,
                    false => error.learned = Some(Learned::Closed { id }),
                }
            }
            self.place(error)
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// An array's items, each at its index.
struct Items<'a, 'de> {
    items: std::slice::Iter<'a, Node<'de>>,
    index: usize,
    at: &'a At<'a>,
    session: &'a Session,
}

impl<'a, 'de> Items<'a, 'de> {
    fn new(items: &'a [Node<'de>], at: &'a At<'a>, session: &'a Session) -> Self {
        Items {
            items: items.iter(),
            index: 0,
            at,
            session,
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let at = self.at.child(StepRef::Index(self.index));
        self.index += 1;
        // An error the element's type raised after reading it (an internally tagged
        // enum reads its buffered content then) is the element's.
        seed.deserialize(De::new(node, &at, self.session))
            .map(Some)
            .map_err(|error| error.placed(|| at.steps()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's members: a struct's fields (`fields` known) or a map's entries.
struct Members<'a, 'de> {
    members: std::slice::Iter<'a, (Cow<'de, str>, Node<'de>)>,
    all: &'a [(Cow<'de, str>, Node<'de>)],
    /// A struct's field names, aliases included, as serde's derive lists them.
    fields: Option<&'static [&'static str]>,
    /// The struct's name.
    name: Option<&'static str>,
    /// Whether keys are a map's (`m[k]`) rather than a struct's fields (`s.f`): read as a
    /// map, unless the key just read was read as a field's name.
    keyed: bool,
    identifier: Cell<bool>,
    /// The value of the key just read.
    value: Option<(&'a str, &'a Node<'de>)>,
    /// The fields read so far, to find one given twice.
    seen: Vec<&'a str>,
    /// Fields the struct needs that the object lacks, to stand in for at its end.
    missing: std::vec::IntoIter<&'static str>,
    at: &'a At<'a>,
    session: &'a Session,
}

impl<'a, 'de> Members<'a, 'de> {
    fn new(
        members: &'a [(Cow<'de, str>, Node<'de>)],
        at: &'a At<'a>,
        session: &'a Session,
        fields: Option<&'static [&'static str]>,
    ) -> Self {
        Members {
            members: members.iter(),
            all: members,
            fields,
            name: None,
            keyed: false,
            identifier: Cell::new(false),
            value: None,
            seen: Vec::new(),
            missing: Vec::new().into_iter(),
            at,
            session,
        }
    }

    fn keyed(mut self) -> Self {
        self.keyed = true;
        self
    }

    fn named(mut self, name: &'static str) -> Self {
        self.name = Some(name);
        self
    }

    fn step(&self, key: &'a str) -> StepRef<'a> {
        match self.keyed && !self.identifier.get() {
            true => StepRef::Key(key),
            false => StepRef::Field(key),
        }
    }

    /// Records an error at the member `key` of this object, without ending the reading.
    fn record_at(&self, key: &'a str, error: Error) {
        let at = self.at.child(self.step(key));
        self.session.record(error.placed(|| at.steps()));
    }

    /// The fields the struct is known to need that this object lacks, and that no key
    /// of it could be an alias of.
    fn known_missing(&self, fields: &'static [&'static str]) -> Vec<&'static str> {
        let facts = self.session.facts.borrow();
        let id = names_id(fields);
        let present = |field: &str| self.all.iter().any(|(key, _)| key == field);
        fields
            .iter()
            .copied()
            .filter(|field| !present(field))
            .filter(|field| {
                facts.required.get(&(id, *field)).is_some_and(|known| {
                    (self.all.iter())
                        .filter(|(key, _)| fields.contains(&key.as_ref()))
                        .all(|(key, _)| known.contains(key.as_ref()))
                })
            })
            .collect()
    }
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        while let Some((key, node)) = self.members.next() {
            if let Some(fields) = self.fields {
                let known = fields.contains(&key.as_ref());
                let denies = !known
                    && self
                        .session
                        .facts
                        .borrow()
                        .denies_unknown
                        .contains(&names_id(fields));
                if denies {
                    self.record_at(key, de::Error::unknown_field(key, fields));
                    continue;
                }
                if known && self.seen.contains(&key.as_ref()) {
                    let field = fields
                        .iter()
                        .find(|field| **field == key.as_ref())
                        .copied()
                        .unwrap_or("");
                    self.session
                        .record(self.place_here(de::Error::duplicate_field(field)));
                    continue;
                }
                if known {
                    self.seen.push(key);
                }
            }
            self.value = Some((key, node));
            self.identifier.set(false);
            let read = seed.deserialize(KeyDe {
                key,
                identifier: Some(&self.identifier),
            });
            return read.map(Some).map_err(|mut error| {
                if let (Kind::UnknownField { .. }, Some(fields)) = (&error.kind, self.fields) {
                    error.learned = Some(Learned::DeniesUnknown { id: names_id(fields) });
                }
                let at = self.at.child(self.step(key));
                error.placed(|| at.steps())
            });
        }
        // The object's end: a field the struct is known to need stands in, reported.
        if self.missing.len() == 0 {
            if let Some(fields) = self.fields {
                let missing = self.known_missing(fields);
                for field in &missing {
                    self.session
                        .record(self.place_here(de::Error::missing_field(field)));
                }
                self.missing = missing.into_iter();
                self.fields = None;
            }
        }
        match self.missing.next() {
            Some(field) => {
                self.value = Some((field, &STAND_IN));
                seed.deserialize(BorrowedStrDeserializer::new(field)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, node) = self.value.take().unwrap_or(("", &STAND_IN));
        let at = self.at.child(self.step(key));
        let mut value = De::new(node, &at, self.session);
        value.parent = self.name;
        // Read as a whole (an internally tagged enum's buffering reads its map with
        // neither field names nor a map's keys), the value of a variant this object's
        // type does not know is its tag.
        let whole = self.fields.is_none() && !self.keyed && self.name.is_none();
        seed.deserialize(value).map_err(|error| {
            let mut error = error.placed(|| at.steps());
            if whole && matches!(error.kind, Kind::UnknownVariant { .. }) && error.path == Some(at.steps()) {
                error.tag = true;
            }
            error
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

impl Members<'_, '_> {
    /// `error`, placed at this object.
    fn place_here(&self, error: Error) -> Error {
        error.placed(|| self.at.steps())
    }
}

static STAND_IN: Node<'static> = Node::Placeholder(Hint::Unknown);

/// An object's key, read as the key type asks: a string, or a number or boolean
/// written as text, as serde_json reads a map's keys. A key that is not what its type
/// asks ends the reading: its entry cannot be held (`super::read` then drops it).
struct KeyDe<'a> {
    key: &'a str,
    /// Set when the key is read as an identifier: a struct's field name, read through a
    /// map (a type that asks for a map and reads a struct from it).
    identifier: Option<&'a Cell<bool>>,
}

macro_rules! parsed_keys {
    ($($method:ident $visit:ident $ty:ty, $expected:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.key.parse::<$ty>() {
                Ok(value) => visitor.$visit(value),
                Err(_) => Err(Error::new(Kind::Key { expected: $expected.to_owned() })),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for KeyDe<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(self.key)
    }

    parsed_keys! {
        deserialize_bool visit_bool bool, "true or false";
        deserialize_i8 visit_i8 i8, "an integer";
        deserialize_i16 visit_i16 i16, "an integer";
        deserialize_i32 visit_i32 i32, "an integer";
        deserialize_i64 visit_i64 i64, "an integer";
        deserialize_i128 visit_i128 i128, "an integer";
        deserialize_u8 visit_u8 u8, "an integer";
        deserialize_u16 visit_u16 u16, "an integer";
        deserialize_u32 visit_u32 u32, "an integer";
        deserialize_u64 visit_u64 u64, "an integer";
        deserialize_u128 visit_u128 u128, "an integer";
        deserialize_f32 visit_f32 f32, "a number";
        deserialize_f64 visit_f64 f64, "a number";
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self.key.into_deserializer())
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if let Some(identifier) = self.identifier {
            identifier.set(true);
        }
        visitor.visit_str(self.key)
    }

    forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        ignored_any
    }
}

/// An enum's variant, by name, and its content (none for a unit variant written as a
/// string).
struct Variant<'a, 'de> {
    name: &'a str,
    content: Option<&'a Node<'de>>,
    at: &'a At<'a>,
    session: &'a Session,
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Error;
    type Variant = Content<'a, 'de>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Content<'a, 'de>), Error> {
        let value = seed.deserialize(KeyDe {
            key: self.name,
            identifier: None,
        })?;
        let content = Content {
            name: self.name,
            node: self.content,
            at: self.at,
            session: self.session,
        };
        Ok((value, content))
    }
}

/// A variant's content, at the variant's name.
struct Content<'a, 'de> {
    name: &'a str,
    node: Option<&'a Node<'de>>,
    at: &'a At<'a>,
    session: &'a Session,
}

impl Content<'_, '_> {
    /// Records that a variant with content was written as its name alone.
    fn bare(&self, expected: &str) {
        let error = Error::new(Kind::Type {
            expected: expected.to_owned(),
            found: "a variant's name alone".to_owned(),
            value: None,
        });
        self.session.record(error.placed(|| self.at.steps()));
    }
}

impl<'de> VariantAccess<'de> for Content<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.node {
            None | Some(Node::Null) | Some(Node::Placeholder(_)) => Ok(()),
            Some(node) => {
                let at = self.at.child(StepRef::Field(self.name));
                let content = De::new(node, &at, self.session);
                content.mismatch("null");
                Ok(())
            }
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        let at = self.at.child(StepRef::Field(self.name));
        match self.node {
            Some(node) => seed.deserialize(De::new(node, &at, self.session)),
            None => {
                self.bare("an object with the variant's content");
                seed.deserialize(Stand)
            }
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        let at = self.at.child(StepRef::Field(self.name));
        match self.node {
            Some(node) => de::Deserializer::deserialize_tuple(De::new(node, &at, self.session), len, visitor),
            None => {
                self.bare("an object with the variant's array");
                Stand.deserialize_tuple(len, visitor)
            }
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let at = self.at.child(StepRef::Field(self.name));
        match self.node {
            Some(node) => {
                de::Deserializer::deserialize_struct(De::new(node, &at, self.session), "", fields, visitor)
            }
            None => {
                self.bare("an object with the variant's fields");
                Stand.deserialize_struct("", fields, visitor)
            }
        }
    }
}

/// A stand-in value: whatever the type asks for, at its simplest (zero, empty, none,
/// the first variant). Its own reads record nothing: what it stands for was reported.
pub(crate) struct Stand;

impl Stand {
    /// What a stand-in is when the type asks for anything.
    fn hinted<'de, V: Visitor<'de>>(self, hint: Hint, visitor: V) -> Result<V::Value, Error> {
        match hint {
            Hint::Unknown | Hint::Null => visitor.visit_unit(),
            Hint::Bool => visitor.visit_bool(false),
            Hint::Integer => visitor.visit_u64(0),
            Hint::Number => visitor.visit_f64(0.0),
            Hint::String => visitor.visit_str(""),
            Hint::Array => visitor.visit_seq(StandItems(0)),
            Hint::Object => visitor.visit_map(StandFields(&[])),
        }
    }
}

impl<'de> de::Deserializer<'de> for Stand {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(false)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i8(0)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i16(0)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i32(0)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i64(0)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i128(0)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u8(0)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u16(0)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u32(0)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(0)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u128(0)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f32(0.0)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(0.0)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_char(' ')
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str("")
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str("")
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bytes(&[])
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bytes(&[])
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_none()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(StandItems(0))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(StandItems(len))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_seq(StandItems(len))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(StandFields(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_map(StandFields(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match variants.first() {
            Some(first) => visitor.visit_enum(StandVariant(first)),
            None => Err(de::Error::custom("an enum with no variant to read")),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str("")
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// `len` stand-ins.
struct StandItems(usize);

impl<'de> SeqAccess<'de> for StandItems {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.0 == 0 {
            return Ok(None);
        }
        self.0 -= 1;
        seed.deserialize(Stand).map(Some)
    }
}

/// Each of a struct's fields, a stand-in.
struct StandFields(&'static [&'static str]);

impl<'de> MapAccess<'de> for StandFields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((first, rest)) = self.0.split_first() else {
            return Ok(None);
        };
        self.0 = rest;
        seed.deserialize(BorrowedStrDeserializer::new(first)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Stand)
    }
}

/// An enum's first variant, its content stood in for.
struct StandVariant(&'static str);

impl<'de> EnumAccess<'de> for StandVariant {
    type Error = Error;
    type Variant = Stand;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Stand), Error> {
        let value = seed.deserialize(BorrowedStrDeserializer::<Error>::new(self.0))?;
        Ok((value, Stand))
    }
}

impl<'de> VariantAccess<'de> for Stand {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(Stand)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(StandItems(len))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_map(StandFields(fields))
    }
}
