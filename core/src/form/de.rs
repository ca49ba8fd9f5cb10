//! A serde `Deserializer` over a form's decoded pairs: each key is a field of the
//! type, each value text parsed into the field's type. An error names the parameter
//! it was found in, which serde_urlencoded's do not (`PageSize=abc` said only
//! "invalid digit found in string").

use std::fmt::{self, Display};
use std::vec;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;

/// Why the pairs do not fit the type: `key` is the parameter whose value did not
/// parse, when the error came from one.
#[derive(Debug)]
pub(crate) struct Error {
    pub key: Option<String>,
    pub message: String,
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: Display>(message: T) -> Self {
        Error {
            key: None,
            message: message.to_string(),
        }
    }
}

/// The whole form: a map from parameter names to their values.
pub(crate) struct Pairs {
    pub pairs: Vec<(String, String)>,
}

impl<'de> de::Deserializer<'de> for Pairs {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(Entries {
            pairs: self.pairs.into_iter(),
            key: None,
            value: None,
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

struct Entries {
    pairs: vec::IntoIter<(String, String)>,
    /// The key of the value to read next, kept to name it in an error.
    key: Option<String>,
    value: Option<String>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.pairs.next() else {
            return Ok(None);
        };
        // Borrowed: a field's name is matched without a copy of it (a map of your own
        // copies what it keeps).
        let read = seed.deserialize(StrDeserializer::<Error>::new(&key))?;
        self.key = Some(key);
        self.value = Some(value);
        Ok(Some(read))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let text = self.value.take().unwrap_or_default();
        seed.deserialize(Text(text)).map_err(|mut error| {
            error.key = self.key.take();
            error
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.pairs.len())
    }
}

/// One parameter's value: text, read as whatever the field's type asks for.
struct Text(String);

impl Text {
    fn expected(&self, what: impl Display) -> Error {
        de::Error::custom(format_args!("expected {what}, found {:?}", self.0))
    }

    fn number<N: std::str::FromStr>(&self, what: &str) -> Result<N, Error> {
        self.0.parse().map_err(|_| self.expected(what))
    }

    /// An integer of type `N`, or an error saying which range it must be in when the
    /// text is a whole number out of it.
    fn integer<N>(&self, min: impl Display, max: impl Display) -> Result<N, Error>
    where
        N: std::str::FromStr,
    {
        self.0.parse().map_err(
            |_| match self.0.parse::<i128>().is_ok() || self.0.parse::<u128>().is_ok() {
                true => self.expected(format_args!("an integer from {min} to {max}")),
                false => self.expected("an integer"),
            },
        )
    }
}

macro_rules! integers {
    ($($method:ident $visit:ident $ty:ty,)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.$visit(self.integer::<$ty>(<$ty>::MIN, <$ty>::MAX)?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Text {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(self.0)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.as_str() {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(self.expected("true or false")),
        }
    }

    integers! {
        deserialize_i8 visit_i8 i8,
        deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32,
        deserialize_i64 visit_i64 i64,
        deserialize_i128 visit_i128 i128,
        deserialize_u8 visit_u8 u8,
        deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32,
        deserialize_u64 visit_u64 u64,
        deserialize_u128 visit_u128 u128,
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f32(self.number("a number")?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(self.number("a number")?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut chars = self.0.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => visitor.visit_char(c),
            _ => Err(self.expected("one character")),
        }
    }

    /// A parameter that is there has a value, even an empty one.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.is_empty() {
            true => visitor.visit_unit(),
            false => Err(self.expected("no value")),
        }
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
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    /// A form's value is one text: a list or a structure cannot be read from it.
    fn deserialize_seq<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(self.expected("a list, which a form parameter cannot hold"))
    }

    fn deserialize_map<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(self.expected("a structure, which a form parameter cannot hold"))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    forward_to_deserialize_any! { str string bytes byte_buf identifier }
}
